"""Form Biểu 06/VPCP/KSTT declared once: its columns, labels, groups and identities.

The statistics (:mod:`reportbook.stats.dossiers`) count into these columns,
the tables (:mod:`reportbook.notebook.tables`) label them, and the reviewer's
checks (:mod:`reportbook.rendering.checks`) verify these identities on the
figures the report shows. No pandas here, so the checks stay light.
"""

from __future__ import annotations

from dataclasses import dataclass

COLUMNS = [
    "received",
    "online",
    "in_person_post",
    "carried_over",
    "new",
    "resolved",
    "early",
    "on_time",
    "late",
    "returned",
    "in_progress",
    "within_deadline",
    "overdue",
]

COLUMN_LABELS = {
    "received": "Tổng số",
    "online": "Trực tuyến",
    "in_person_post": "Trực tiếp, bưu chính",
    "carried_over": "Kỳ trước chuyển sang",
    "new": "Mới tiếp nhận",
    "resolved": "Tổng số",
    "early": "Trước hạn",
    "on_time": "Đúng hạn",
    "late": "Quá hạn",
    "returned": "Trả lại, rút hồ sơ",
    "in_progress": "Tổng số",
    "within_deadline": "Trong hạn",
    "overdue": "Quá hạn",
}

COLUMN_GROUPS = {
    "Số hồ sơ nhận giải quyết": ["received", "online", "in_person_post", "carried_over", "new"],
    "Số hồ sơ đã giải quyết": ["resolved", "early", "on_time", "late"],
    "Số hồ sơ trả lại, rút": ["returned"],
    "Số hồ sơ đang giải quyết": ["in_progress", "within_deadline", "overdue"],
}

# Short English names, for messages to developers (the report uses COLUMN_LABELS).
ENGLISH = {
    "received": "received",
    "online": "online",
    "in_person_post": "in person/post",
    "carried_over": "carried over",
    "new": "new",
    "resolved": "resolved",
    "early": "early",
    "on_time": "on time",
    "late": "late",
    "returned": "returned",
    "in_progress": "in progress",
    "within_deadline": "within",
    "overdue": "overdue",
}


@dataclass(frozen=True)
class Identity:
    """``whole`` = the sum of ``parts``, on every row of the form."""

    name: str  # as the reviewer reads it, in Vietnamese
    whole: str
    parts: tuple[str, ...]

    @property
    def formula(self) -> str:
        """The identity in English: 'received = carried over + new'."""
        return f"{ENGLISH[self.whole]} = " + " + ".join(ENGLISH[p] for p in self.parts)

    def holds(self, counts: dict[str, int]) -> bool:
        return counts[self.whole] == sum(counts[p] for p in self.parts)


IDENTITIES = (
    Identity(
        "Nhận = đã giải quyết + trả lại, rút + đang giải quyết",
        "received",
        ("resolved", "returned", "in_progress"),
    ),
    Identity("Nhận = kỳ trước chuyển sang + mới tiếp nhận", "received", ("carried_over", "new")),
    Identity("Nhận = trực tuyến + trực tiếp, bưu chính", "received", ("online", "in_person_post")),
    Identity(
        "Đã giải quyết = trước hạn + đúng hạn + quá hạn", "resolved", ("early", "on_time", "late")
    ),
    Identity(
        "Đang giải quyết = trong hạn + quá hạn", "in_progress", ("within_deadline", "overdue")
    ),
)
