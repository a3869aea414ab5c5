"""Identities verified on the report's own figures, for the reviewer edition.

The checks read the unformatted values that tables record in the merged
notebook (``blocks.MIME`` payloads with a ``key``), so they test what the
report shows, not a recomputation beside it: every identity of form Biểu 06
per row, totals equal to the sum of their parts, and figures that appear in
two sections (the dossier total by unit and by field, the online services by
level and in the comparison with last year) agreeing with each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import nbformat

from . import formatting
from .blocks import blocks_of

IDENTITIES = [
    ("Nhận = đã giải quyết + trả lại, rút + đang giải quyết", "received",
     ("resolved", "returned", "in_progress")),
    ("Nhận = kỳ trước chuyển sang + mới tiếp nhận", "received", ("carried_over", "new")),
    ("Nhận = trực tuyến + trực tiếp, bưu chính", "received", ("online", "in_person_post")),
    ("Đã giải quyết = trước hạn + đúng hạn + quá hạn", "resolved", ("early", "on_time", "late")),
    ("Đang giải quyết = trong hạn + quá hạn", "in_progress", ("within_deadline", "overdue")),
]


@dataclass(frozen=True)
class Check:
    name: str
    scope: str
    passed: bool
    detail: str


def tables_by_key(nb: nbformat.NotebookNode) -> dict[str, dict]:
    """The recorded tables of the merged report that carry a key."""
    return {b["key"]: b for b in blocks_of(nb) if b["kind"] == "table" and b.get("key")}


def paragraphs_text(nb: nbformat.NotebookNode) -> str:
    return "\n".join(b["text"] for b in blocks_of(nb) if b["kind"] == "paragraph")


def _sum_check(name, scope, whole, parts: dict[str, int]) -> Check:
    total = sum(parts.values())
    detail = f"{formatting.number(whole)} = " + " + ".join(formatting.number(v) for v in parts.values())
    return Check(name, scope, whole == total, detail if whole == total else f"{detail} (= {formatting.number(total)})")


def dossier_identities(values: dict[str, dict[str, int]], label: str) -> list[Check]:
    """Biểu 06 identities for every row, and the total row as the sum of the others."""
    checks = []
    for row, counts in values.items():
        scope = f"{label}: {'tổng cộng' if row == 'total' else row}"
        for name, whole, parts in IDENTITIES:
            checks.append(_sum_check(name, scope, counts[whole], {p: counts[p] for p in parts}))
    rows = [r for r in values if r != "total"]
    if "total" in values:
        for column, total in values["total"].items():
            parts = {r: values[r][column] for r in rows}
            checks.append(_sum_check(f"Tổng cộng = tổng các dòng ({column})", label, total, parts))
    return checks


def _equal(name, scope, left, right, left_label, right_label) -> Check:
    detail = f"{left_label} {formatting.number(left)} = {right_label} {formatting.number(right)}"
    return Check(name, scope, left == right, detail)


def cross_section_checks(tables: dict[str, dict], text: str) -> list[Check]:
    """Figures that appear in two places must agree."""
    checks = []
    unit, field = tables.get("dossiers_by_unit"), tables.get("dossiers_by_field")
    if unit and field:
        for column, value in unit["values"]["total"].items():
            checks.append(_equal(f"Tổng theo đơn vị = tổng theo lĩnh vực ({column})",
                                 "Biểu 06 theo đơn vị và theo lĩnh vực", value,
                                 field["values"]["total"][column], "đơn vị", "lĩnh vực"))
    if unit:
        received = unit["values"]["total"]["received"]
        quoted = f"là {formatting.number(received)} hồ sơ"
        checks.append(Check("Số tổng trong lời văn = tổng của Biểu 06", "Mục b, lời văn và bảng",
                            quoted in text, f"lời văn có “{quoted}”"))
    levels, versus = tables.get("services_by_level"), tables.get("services_vs_previous_year")
    if levels and versus:
        by_legacy: dict[str, int] = {}
        for row in levels["values"].values():
            for legacy, count in row.items():
                by_legacy[legacy] = by_legacy.get(legacy, 0) + count
        for legacy, count in versus["values"]["current"].items():
            checks.append(_equal(f"Mức độ {legacy}: bảng theo mức độ = bảng so sánh cùng kỳ",
                                 "Mục e", by_legacy.get(str(legacy), 0), count,
                                 "theo mức độ", "so sánh"))
    return checks


def run(nb: nbformat.NotebookNode, unit_labels: dict[str, str] | None = None) -> list[Check]:
    """Every check on the merged report notebook, in report order."""
    tables = tables_by_key(nb)
    checks = []
    for key, label in (("dossiers_by_unit", "Biểu 06 theo đơn vị"),
                       ("dossiers_by_field", "Biểu 06 theo lĩnh vực")):
        if key in tables:
            values = tables[key]["values"]
            if unit_labels and key == "dossiers_by_unit":
                values = {unit_labels.get(k, k) if k != "total" else k: v for k, v in values.items()}
            checks.extend(dossier_identities(values, label))
    checks.extend(cross_section_checks(tables, paragraphs_text(nb)))
    return checks


def as_dicts(checks: list[Check]) -> list[dict]:
    return [asdict(c) for c in checks]
