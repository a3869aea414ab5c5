"""What the tests mean by "written in Vietnamese" for text a reviewer reads.

A Vietnamese sentence has letters English lacks (ă, ơ, đ, tone marks), and
the English words reportbook's code and messages use (section, notebook,
run, report, window...) have no place in it. Identifiers are caught by their
shape: ``carried_over``, ``reused (cache)``.
"""

import re

ENGLISH = re.compile(
    r"\b(the|of|and|for|with|is|are|run|section|notebook|report|window|succeeded|reused|"
    r"failed|cache|edition|figure|changed|added|removed|unreadable|cannot|compared|"
    r"year|period|annual|draft|line|row)\b",
    re.IGNORECASE,
)
IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
VIETNAMESE_LETTER = re.compile(r"[ăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ]", re.IGNORECASE)


def english_words(text: str) -> list[str]:
    return ENGLISH.findall(text)


def identifiers(text: str) -> list[str]:
    return IDENTIFIER.findall(text)


def is_vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_LETTER.search(text)) and not english_words(text)
