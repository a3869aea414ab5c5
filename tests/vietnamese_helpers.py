"""What the tests mean by "written in Vietnamese" for text a reviewer reads.

A Vietnamese sentence has letters English lacks (ă, ơ, đ, tone marks), and
the English words reportbook's code and messages use (section, notebook,
run, report, window...) have no place in it. Identifiers are caught by their
shape: ``carried_over``, ``reused (cache)``.
"""

import re
from html.parser import HTMLParser

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


class _Reader(HTMLParser):
    """The text a reader sees, without styles, scripts and the tags in ``skip``."""

    HIDDEN = ("style", "script", "title")

    def __init__(self, skip: tuple[str, ...]):
        super().__init__()
        self.skip = (*self.HIDDEN, *skip)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.skip:
            self.depth += 1

    def handle_endtag(self, tag):
        if tag in self.skip and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def visible_text(html: str, skip: tuple[str, ...] = ()) -> str:
    """The page's visible text, leaving out ``skip`` elements (``code``: data and file names)."""
    reader = _Reader(skip)
    reader.feed(html)
    return " ".join(" ".join(reader.parts).split())
