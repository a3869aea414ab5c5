"""Check data files against their declared schema with pandera, listing every problem.

``schema`` declares each file's columns (kind, vocabulary, required, key);
this module turns a declaration into a pandera ``DataFrameSchema`` over the
file's text cells, validates lazily (so every failure of every column is
collected, not just the first) and turns pandera's failure cases into
:class:`~reportbook.inputs.problems.Problem` values that name the file, sheet, row
as the user sees it, column, value and rule.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import pandas as pd
import pandera.pandas as pa

from .problems import Problem
from .rules import ROW_RULES
from .schema import Column, Table
from .tabular import RawTable

DATE_RULE = "is not a date dd/mm/yyyy (or yyyy-mm-dd)"
INT_RULE = "is not a whole number"
BIGGEST = 10**15 - 1  # exact as a float and as an int64, far beyond any count or day
BIG_RULE = f"is too large to store (at most {len(str(BIGGEST))} digits)"
REQUIRED_RULE = "is empty but required"
DUPLICATE_RULE = "is a duplicate id"


def _check(holds: Callable[..., pd.Series], rule: str) -> pa.Check:
    return pa.Check(holds, error=rule, name=rule)


def _whole(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce")
    return numbers.notna() & (numbers % 1 == 0)


def _fits(values: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(values, errors="coerce")
    return numbers.isna() | (numbers.abs() <= BIGGEST)


def _vocab_rule(column: Column, allowed: Collection[object]) -> pa.Check:
    choices = ", ".join(map(str, allowed))
    rule = f"is not in vocabulary {column.vocab!r} (allowed: {choices})"
    known = set(map(str, allowed))
    if column.kind == "codes":

        def holds(s: pd.Series) -> pd.Series:
            return s.map(lambda v: all(c.strip() in known for c in v.split(";")) if v else True)
    else:

        def holds(s: pd.Series) -> pd.Series:
            return (s == "") | s.isin(known)

    return _check(holds, rule)


def column_checks(column: Column, vocab: dict, key: bool, raw: RawTable) -> list[pa.Check]:
    """The pandera checks of one declared column of ``raw`` (cells are text)."""
    checks = []
    if column.required:
        checks.append(_check(lambda s: s != "", REQUIRED_RULE))
    if column.kind == "date":
        dates = raw.dates(column.name)  # parsed once, shared with the row rules and typing
        checks.append(_check(lambda s: (s == "") | dates.notna(), DATE_RULE))
    elif column.kind == "int":
        checks.append(_check(lambda s: (s == "") | _whole(s), INT_RULE))
        checks.append(_check(_fits, BIG_RULE))
    elif column.kind in ("code", "codes") and vocab.get(column.vocab):
        checks.append(_vocab_rule(column, vocab.get(column.vocab, {})))
    if key:
        checks.append(_check(lambda s: (s == "") | ~s.duplicated(keep="first"), DUPLICATE_RULE))
    return checks


def table_schema(table: Table, vocab: dict, raw: RawTable) -> pa.DataFrameSchema:
    """The pandera schema of ``raw``'s text cells, with its row rules."""
    columns = {
        c.name: pa.Column(str, column_checks(c, vocab, c.name == table.key, raw), nullable=False)
        for c in table.columns
    }
    rules = [_check(lambda _, r=r: r.holds(raw), r.rule) for r in ROW_RULES.get(table.name, [])]
    return pa.DataFrameSchema(columns, checks=rules, strict=False, coerce=False)


def missing_columns(raw: RawTable, table: Table) -> list[Problem]:
    """The header must name every declared column (extra columns are allowed)."""
    missing = [c for c in table.column_names if c not in raw.frame.columns]
    if not missing:
        return []
    return [
        raw.problem(
            None if raw.row_word == "record" else 1,
            None,
            None,
            f"missing column(s) {', '.join(missing)}; expected {', '.join(table.column_names)}",
        )
    ]


def validate_table(raw: RawTable, table: Table, vocab: dict) -> list[Problem]:
    """Every broken column and row rule of one data file, in file order."""
    missing = missing_columns(raw, table)
    if missing:
        return missing
    try:
        table_schema(table, vocab, raw).validate(raw.frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems(raw, table, exc.failure_cases)
    return []


def _problems(raw: RawTable, table: Table, cases: pd.DataFrame) -> list[Problem]:
    blamed = {r.rule: r.column for r in ROW_RULES.get(table.name, [])}
    found = []
    for case in cases.itertuples(index=False):
        if case.check in blamed and case.column != blamed[case.check]:
            continue  # a row rule fails for every column of the row; keep the blamed one
        if pd.isna(case.index):
            continue  # schema-level failures (none expected: columns were checked above)
        row = int(case.index)
        value = raw.frame.at[row, case.column]
        found.append(raw.problem(row, case.column, value, case.check))
    order = {name: i for i, name in enumerate(table.column_names)}
    return sorted(set(found), key=lambda p: (p.row or 0, order.get(p.column, 99), p.rule))
