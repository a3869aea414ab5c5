"""What a Vietnamese civil servant would correct in generated prose, as checks on text.

Shared by the unit tests of the shipped templates and the end-to-end check of
the built report, so both hold the report to the same rules.
"""

from __future__ import annotations

import re

# "tham mưu UBND tỉnh ban hành Quyết định số ... ngày ... của Ủy ban nhân dân tỉnh":
# the sentence names the issuer, the citation names it again.
_SAID_TWICE = re.compile(
    r"(?P<short>UBND|HĐND) tỉnh (?:ban hành|phê duyệt[^.;]*? tại):? [^.]*?"
    r"số \S+ ngày \d{2}/\d{1,2}/\d{4} của (?:Ủy ban nhân dân|Hội đồng nhân dân) tỉnh"
)
# "Đề án số ... của Cơ sở cai nghiện ma túy về ... của Cơ sở cai nghiện ma túy".
# The abstract runs until the next citation ("số ... ngày") or the sentence's end.
_ISSUER_TWICE = re.compile(
    r"số \S+ ngày \d{2}/\d{1,2}/\d{4} của (?P<who>[^,.;]+?) (?:về|ban hành|quy định) "
    r"(?:(?!số \S+ ngày)[^.;])*?của (?P=who)\b"
)
# "trực tuyến 0 hồ sơ", "có 00 thủ tục": a zero said as a count.
_ZERO_COUNT = re.compile(r"(?<![\d.,/])0+ (?:hồ sơ|thủ tục|văn bản|lượt|công chức|viên chức)")
# The separator before each citation of a list; one sentence must not use both.
_BEFORE_CITATION = re.compile(
    r"([,;]) (?:Nghị quyết|Chỉ thị|Kế hoạch|Đề án|Quyết định|Thông báo|Báo cáo|Công văn) số "
)


def _mixed_lists(text: str) -> list[str]:
    """Sentences whose list of citations switches between ", " and "; " ("a, b; c")."""
    return [
        sentence[:120]
        for sentence in re.split(r"(?<=\.) (?=[A-ZĐÀ-Ỹ])", text)
        if len(set(_BEFORE_CITATION.findall(sentence))) > 1
    ]


def prose_faults(text: str) -> list[str]:
    """Every passage of ``text`` that breaks one of the rules, with the rule."""
    faults = []
    for rule, pattern in (
        ("issuer said twice", _SAID_TWICE),
        ("issuer repeated in its citation", _ISSUER_TWICE),
        ("zero said as a count", _ZERO_COUNT),
    ):
        faults += [f"{rule}: {m.group(0)[:120]}" for m in pattern.finditer(text)]
    faults += [f"list mixes separators: {sentence}" for sentence in _mixed_lists(text)]
    if "—" in text:
        faults.append("em dash where official text uses parentheses")
    return faults
