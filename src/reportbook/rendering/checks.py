"""Identities verified on the report's own figures, for the reviewer edition.

The checks read the unformatted values that tables record in the merged
notebook (``blocks.MIME`` payloads with a ``key``), so they test what the
report shows, not a recomputation beside it: every identity of form Biểu 06
per row, totals equal to the sum of their parts, and figures that appear in
two sections (the dossier total by unit and by field, the online services by
level and in the comparison with last year) agreeing with each other.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import nbformat

from ..errors import ChecksFailedError
from ..notebook import formatting
from ..notebook.blocks import TableKey
from ..stats.form06 import IDENTITIES, column_name, in_form_order
from .marks import FAILED_CHECKS, add_mark
from .recorded import blocks_of

if TYPE_CHECKING:
    from ..context import BuildContext

# The Biểu 06 tables whose every row is checked, and every table some check reads.
FORMS = {
    TableKey.DOSSIERS_BY_UNIT: "Biểu 06 theo đơn vị",
    TableKey.DOSSIERS_BY_FIELD: "Biểu 06 theo lĩnh vực",
}
CHECKED_TABLES = (*FORMS, TableKey.SERVICES_BY_LEVEL, TableKey.SERVICES_VS_PREVIOUS_YEAR)
# Each checked table as the reviewer finds it in the report (the key is for the code).
TABLE_NAMES = {
    **FORMS,
    TableKey.SERVICES_BY_LEVEL: "bảng dịch vụ công trực tuyến theo mức độ (mục e)",
    TableKey.SERVICES_VS_PREVIOUS_YEAR: "bảng so sánh dịch vụ công trực tuyến với cùng kỳ (mục e)",
}


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


def _sum_check(name: str, scope: str, whole: int, parts: dict[str, int]) -> Check:
    total = sum(parts.values())
    detail = f"{formatting.number(whole)} = " + " + ".join(
        formatting.number(v) for v in parts.values()
    )
    return Check(
        name,
        scope,
        whole == total,
        detail if whole == total else f"{detail} (= {formatting.number(total)})",
    )


def dossier_identities(values: dict[str, dict[str, int]], label: str) -> list[Check]:
    """Biểu 06 identities for every row, and the total row as the sum of the others."""
    checks = []
    for row, counts in values.items():
        scope = f"{label}: {'tổng cộng' if row == 'total' else row}"
        for identity in IDENTITIES:
            parts = {p: counts[p] for p in identity.parts}
            checks.append(_sum_check(identity.name, scope, counts[identity.whole], parts))
    rows = [r for r in values if r != "total"]
    if "total" in values:
        for column in in_form_order(list(values["total"])):
            parts = {r: values[r][column] for r in rows}
            name = f"Tổng cộng = tổng các dòng ({column_name(column)})"
            checks.append(_sum_check(name, label, values["total"][column], parts))
    return checks


def _equal(name: str, scope: str, left: tuple[str, int], right: tuple[str, int]) -> Check:
    """``left`` and ``right`` are (label, figure) pairs that must agree."""
    detail = f"{left[0]} {formatting.number(left[1])} = {right[0]} {formatting.number(right[1])}"
    return Check(name, scope, left[1] == right[1], detail)


def cross_section_checks(tables: dict[str, dict], text: str) -> list[Check]:
    """Figures that appear in two places must agree."""
    unit, field = tables.get(TableKey.DOSSIERS_BY_UNIT), tables.get(TableKey.DOSSIERS_BY_FIELD)
    levels = tables.get(TableKey.SERVICES_BY_LEVEL)
    versus = tables.get(TableKey.SERVICES_VS_PREVIOUS_YEAR)
    checks = []
    if unit and field:
        checks += _unit_and_field_totals(unit["values"]["total"], field["values"]["total"])
    if unit:
        checks.append(_total_in_text(unit["values"]["total"]["received"], text))
    if levels and versus:
        checks += _levels_and_comparison(levels["values"], versus["values"]["current"])
    return checks


def _unit_and_field_totals(by_unit: dict[str, int], by_field: dict[str, int]) -> list[Check]:
    scope = "Biểu 06 theo đơn vị và theo lĩnh vực"
    return [
        _equal(
            f"Tổng theo đơn vị = tổng theo lĩnh vực ({column_name(column)})",
            scope,
            ("đơn vị", by_unit[column]),
            ("lĩnh vực", by_field[column]),
        )
        for column in in_form_order(list(by_unit))
    ]


def _total_in_text(received: int, text: str) -> Check:
    quoted = f"là {formatting.number(received)} hồ sơ"
    found = quoted in text
    return Check(
        "Số tổng trong lời văn = tổng của Biểu 06",
        "Mục b, lời văn và bảng",
        found,
        f"lời văn {'có' if found else 'không có'} “{quoted}”",
    )


def _levels_and_comparison(levels: dict[str, dict], current: dict) -> list[Check]:
    by_legacy: dict[str, int] = {}
    for row in levels.values():
        for legacy, count in row.items():
            by_legacy[legacy] = by_legacy.get(legacy, 0) + count
    return [
        _equal(
            f"Mức độ {legacy}: bảng theo mức độ = bảng so sánh cùng kỳ",
            "Mục e",
            ("theo mức độ", by_legacy.get(str(legacy), 0)),
            ("so sánh", count),
        )
        for legacy, count in current.items()
    ]


def run(nb: nbformat.NotebookNode, unit_labels: dict[str, str] | None = None) -> list[Check]:
    """Every check on the merged report notebook, in report order."""
    tables = tables_by_key(nb)
    checks = missing_tables(tables, omitted_tables(nb))
    for key, label in FORMS.items():
        if key in tables:
            values = tables[key]["values"]
            if unit_labels and key == TableKey.DOSSIERS_BY_UNIT:
                values = {
                    unit_labels.get(k, k) if k != "total" else k: v for k, v in values.items()
                }
            checks.extend(dossier_identities(values, label))
    checks.extend(cross_section_checks(tables, paragraphs_text(nb)))
    return checks


def omitted_tables(nb: nbformat.NotebookNode) -> set[str]:
    """Tables a section left out on purpose, each named by the paragraph said instead."""
    return {key for b in blocks_of(nb) if b["kind"] == "paragraph" for key in b.get("omits", [])}


def missing_tables(tables: dict[str, dict], omitted: Collection[str] = ()) -> list[Check]:
    """A failed check for every table a check needs that the report neither shows nor omits."""
    return [
        Check(
            f"Báo cáo có {TABLE_NAMES[key]}",
            "Các bảng được kiểm tra",
            False,
            "báo cáo không có bảng này, cũng không có câu nói vì sao bỏ bảng; "
            "các phép kiểm tra trên bảng này không thực hiện được",
        )
        for key in CHECKED_TABLES
        if key not in tables and key not in omitted
    ]


def as_dicts(checks: list[Check]) -> list[dict]:
    return [asdict(c) for c in checks]


def check_figures(ctx: BuildContext, merged: nbformat.NotebookNode) -> list[Check]:
    """Run every check; a failed one stops the build unless the user allowed it.

    Allowed failures are published marked on the first page (and in the
    manifest), so nobody signs such an edition without seeing it.
    """
    found = run(merged, unit_labels=ctx.dataset.vocab.get("units"))
    failed = [c for c in found if not c.passed]
    if failed and not ctx.options.allow_failed_checks:
        listed = "\n".join(f"  {c.name} — {c.scope}: {c.detail}" for c in failed)
        raise ChecksFailedError(
            f"{len(failed)} check(s) of the report's figures failed; nothing was published:\n"
            f"{listed}\nfix the data or the section, or publish it marked with "
            f"--allow-failed-checks",
            failed=[asdict(c) for c in failed],
        )
    if failed:
        add_mark(merged, FAILED_CHECKS)
        ctx.notice(f"{len(failed)} check(s) failed; published marked (--allow-failed-checks)")
    return found
