"""Values that are valid but unlikely: warnings that are shown and never stop a build.

A due date in 2099 or a receipt in 1900 is a well-formed date, and a
negative processing time a whole number, so the schema accepts them; yet each
is almost always a typing slip that moves a figure. They are reported as
warnings (``check``, the build's output and the reviewer's checks page) with
file, row and column, because a person must judge them: a directive from
2007 is still cited, a catalogue entry may end years ahead.

The rules, declared once here (docs/data-model.md lists them):

- a date lies between 1 January of ``year - YEARS_BEFORE[table]`` and
  31 December of ``year + YEARS_AFTER``, ``year`` being the report's year:
  10 years back for dossiers and training records, 50 for the registers
  (documents, procedures, contacts), 3 years ahead for all (one data set serves
  several years' reports);
- ``processing_days`` lies between 0 and ``MAX_PROCESSING_DAYS``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from .problems import Problem
from .schema import TABLES
from .tabular import RawTable

YEARS_BEFORE = {"dossiers": 10, "training": 10}
REGISTER_YEARS_BEFORE = 50  # documents, procedures, contacts: directives outlive reports
YEARS_AFTER = 3  # the shipped 2022 report reads data whose due dates reach 2025
MAX_PROCESSING_DAYS = 365  # working days: more than a year for one procedure is a slip
INT_BOUNDS = {("procedures", "processing_days"): (0, MAX_PROCESSING_DAYS)}


def date_span(table: str, year: int) -> tuple[dt.date, dt.date]:
    """The plausible dates of ``table`` for a report of ``year``."""
    before = YEARS_BEFORE.get(table, REGISTER_YEARS_BEFORE)
    return dt.date(year - before, 1, 1), dt.date(year + YEARS_AFTER, 12, 31)


def warnings(tables: dict[str, RawTable], year: int) -> list[Problem]:
    """Every implausible date and processing time of ``tables`` for a report of ``year``."""
    found = []
    for name, raw in tables.items():
        table = TABLES[name]
        for column in table.columns:
            if column.name not in raw.frame.columns:
                continue
            if column.kind == "date":
                found.extend(_dates(raw, name, column.name, year))
            elif (name, column.name) in INT_BOUNDS:
                found.extend(_bounded(raw, column.name, *INT_BOUNDS[name, column.name]))
    order = {(t, c.name): i for t, table in TABLES.items() for i, c in enumerate(table.columns)}
    return sorted(found, key=lambda p: (p.file, p.row, order.get((p.file.split(".")[0], p.column))))


def _dates(raw: RawTable, table: str, column: str, year: int) -> list[Problem]:
    first, last = date_span(table, year)
    values = raw.frame[column]
    dates = raw.dates(column)
    outside = dates.notna() & ((dates < pd.Timestamp(first)) | (dates > pd.Timestamp(last)))
    rule = (
        f"is outside the plausible dates {first:%d/%m/%Y}–{last:%d/%m/%Y} "
        f"({year - first.year} years before to {YEARS_AFTER} after the report year {year}); "
        f"check the year"
    )
    note = (
        f"ngoài khoảng ngày hợp lý {first:%d/%m/%Y} – {last:%d/%m/%Y} (từ {year - first.year} "
        f"năm trước đến {YEARS_AFTER} năm sau năm báo cáo {year}); hãy kiểm tra lại năm"
    )
    return [
        raw.problem(row, column, values[row], rule, "warning", note)
        for row in values.index[outside]
    ]


def _bounded(raw: RawTable, column: str, low: int, high: int) -> list[Problem]:
    values = raw.frame[column]
    numbers = pd.to_numeric(values, errors="coerce")
    found = []
    for row in values.index[numbers < low]:
        found.append(
            raw.problem(row, column, values[row], f"is below {low}", "warning", f"nhỏ hơn {low}")
        )
    for row in values.index[numbers > high]:
        found.append(
            raw.problem(
                row,
                column,
                values[row],
                f"is more than {high}; check it",
                "warning",
                f"lớn hơn {high}; hãy kiểm tra lại",
            )
        )
    return found
