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

GROUP_OF = {column: group for group, columns in COLUMN_GROUPS.items() for column in columns}


def column_name(column: str) -> str:
    """A column as a reader of the form names it, group first: 'Số hồ sơ đã giải quyết: Trước hạn'.

    Several columns share the label "Tổng số" or "Quá hạn"; only with their
    group do they say which figure they are.
    """
    return f"{GROUP_OF[column]}: {COLUMN_LABELS[column]}"


def in_form_order(columns: list[str]) -> list[str]:
    """``columns`` in the form's order (unknown names last, as given)."""
    return sorted(columns, key=lambda c: COLUMNS.index(c) if c in COLUMNS else len(COLUMNS))


# How the form breaks a total down: each group of columns is headed by its
# total ("Tổng số"), then one "Trong đó" (of which) over each set of parts that
# add up to it, twice for the received dossiers (by channel, and carried over
# or new), so that no reader adds the parts of one breakdown to another's.
BREAKDOWNS = {
    "received": (("online", "in_person_post"), ("carried_over", "new")),
    "resolved": (("early", "on_time", "late"),),
    "in_progress": (("within_deadline", "overdue"),),
}


def header_groups(first: str) -> list[tuple[str, int | list]]:
    """The form's header as table groups (``notebook.layout``), after a column ``first``."""
    groups: list[tuple[str, int | list]] = [(first, 1)]
    for title, columns in COLUMN_GROUPS.items():
        parts = BREAKDOWNS.get(columns[0], ())
        if [columns[0], *(c for part in parts for c in part)] != columns:
            raise ValueError(f"form06: BREAKDOWNS of {title!r} do not match its columns")
        if parts:
            groups.append((title, [("Tổng số", 1), *(("Trong đó", len(p)) for p in parts)]))
        else:
            groups.append((title, len(columns)))
    return groups


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
