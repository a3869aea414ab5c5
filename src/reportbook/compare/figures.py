"""The figures of two versions of a table, cell by cell, and the documents a report cites.

A table records its unformatted numbers (``values``, e.g. ``{"PVHCC":
{"received": 1234, ...}}``): those are compared, so a change is a change of
the figure, not of its formatting. A table without ``values`` (the contacts)
is compared by its displayed cells, row label by column heading. Documents
are recognised by their number and symbol ("72/KH-SLĐTBXH", "20/2023/QĐ-UBND")
in every text and table the report shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..notebook.typeset import NUMBER_SYMBOL
from ..stats.form06 import COLUMN_LABELS, COLUMNS, column_name

ROW_LABELS = {"total": "Tổng cộng", "current": "Kỳ này", "previous": "Cùng kỳ năm trước"}
WHOLE = "(the table)"


@dataclass(frozen=True)
class Figure:
    """One figure of a table in both editions (None where it is absent)."""

    section: str
    table: str  # the table's caption
    item: str  # "PVHCC · Số hồ sơ đã giải quyết: Tổng số"
    before: object
    after: object

    @property
    def change(self) -> str:
        """'+67', '−2' for numbers; '' otherwise."""
        numbers = (int, float)
        if isinstance(self.before, numbers) and isinstance(self.after, numbers):
            delta = self.after - self.before
            return f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "0"
        return ""


def label(part: object) -> str:
    """A value key as a reader knows it: Biểu 06's column names, 'Tổng cộng'."""
    text = str(part)
    if text in COLUMN_LABELS:
        return column_name(text)
    return ROW_LABELS.get(text, text)


def cells(table: dict) -> dict[str, object]:
    """``{item: value}``: the recorded ``values`` flattened, else the displayed cells."""
    values = table.get("values")
    if isinstance(values, dict):
        return dict(_flatten(values, ()))
    columns = table.get("columns") or []
    found: dict[str, object] = {}
    for number, row in enumerate(table.get("rows") or [], 1):
        name = row[0] if row else str(number)
        for heading, value in zip(columns[1:], row[1:], strict=False):
            found[f"{name} · {heading}"] = value
    return found


def _order(key: object) -> tuple[int, int]:
    """Biểu 06's columns in the form's order, totals last, anything else as recorded."""
    text = str(key)
    if text in COLUMNS:
        return (1, COLUMNS.index(text))
    return (2, 0) if text == "total" else (0, 0)


def _flatten(values: dict, path: tuple):
    for key, value in sorted(values.items(), key=lambda item: _order(item[0])):
        if isinstance(value, dict):
            yield from _flatten(value, (*path, key))
        else:
            yield " · ".join(label(p) for p in (*path, key)), value


def _pairs(old: list[dict], new: list[dict]) -> list[tuple[dict | None, dict | None]]:
    """Tables matched by their declared key, the others by their order in the section."""
    keyed_old = {t["key"]: t for t in old if t.get("key")}
    keyed_new = {t["key"]: t for t in new if t.get("key")}
    pairs = [(keyed_old.get(k), keyed_new.get(k)) for k in dict.fromkeys([*keyed_old, *keyed_new])]
    plain_old = [t for t in old if not t.get("key")]
    plain_new = [t for t in new if not t.get("key")]
    for k in range(max(len(plain_old), len(plain_new))):
        pairs.append(
            (
                plain_old[k] if k < len(plain_old) else None,
                plain_new[k] if k < len(plain_new) else None,
            )
        )
    return pairs


def table_changes(section: str, old: list[dict], new: list[dict]) -> list[Figure]:
    """Every figure that differs between the tables of one section."""
    found = []
    for a, b in _pairs(old, new):
        caption = str((b or a).get("caption") or "")
        if a is None or b is None:
            shown = ["shown" if t is not None else None for t in (a, b)]
            found.append(Figure(section, caption, WHOLE, *shown))
            continue
        if a == b:
            continue
        before, after = cells(a), cells(b)
        for item in dict.fromkeys([*before, *after]):
            if before.get(item) != after.get(item):
                found.append(Figure(section, caption, item, before.get(item), after.get(item)))
    return found


def documents_cited(blocks: list[tuple[str, dict]]) -> dict[str, str]:
    """``{document number: first section citing it}`` over every text and table shown."""
    found: dict[str, str] = {}
    for section, block in blocks:
        texts = [str(block.get("text") or ""), str(block.get("caption") or "")]
        texts += [str(cell) for row in block.get("rows") or [] for cell in row]
        for text in texts:
            for match in NUMBER_SYMBOL.finditer(text):
                number = match.group()
                if any(c.isalpha() for c in number):  # not a date such as 28/12/2022
                    found.setdefault(number, section)
    return found
