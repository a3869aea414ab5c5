"""Rules that relate several cells of a record, or records of several files.

Column rules (types, vocabularies, ids) are declared in ``schema``; these are
the rules a column alone cannot state: a dossier is not resolved before it is
received, a resolved dossier has an outcome, a task's documents exist in the
register. Each row rule names the column it blames, so a message points at
the cell to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from .problems import Problem
from .tabular import RawTable


def parse_dates(values: pd.Series) -> pd.Series:
    """Dates written dd/mm/yyyy or ISO yyyy-mm-dd; anything else becomes NaT."""
    parsed = pd.to_datetime(values, format="%d/%m/%Y", errors="coerce")
    rest = parsed.isna() & (values != "")  # only these can be ISO: parse them alone
    if rest.any():
        parsed[rest] = pd.to_datetime(values[rest], format="%Y-%m-%d", errors="coerce")
    return parsed.astype("datetime64[us]")  # one unit whichever format the file used


# "72/KH-SLĐTBXH", "20/2023/QĐ-UBND", "20-CT/TW", "02a/KH-SLĐTBXH", "121/2020/QH14"
NUMBER_SYMBOL = re.compile(r"^\d+[a-zđ]?(?:/\d{4})?[/-][A-ZĐ][\wĐđ&.]*(?:[/-][\wĐđ&.]+)*$")


@dataclass(frozen=True)
class RowRule:
    """A rule over one record; ``holds`` returns True where the record is fine."""

    column: str
    rule: str
    holds: Callable[[RawTable], pd.Series]


def _not_before(later: str, earlier: str) -> Callable[[RawTable], pd.Series]:
    def holds(raw: RawTable) -> pd.Series:
        a, b = raw.dates(later), raw.dates(earlier)
        return a.isna() | b.isna() | (a >= b)

    return holds


def _both_or_neither(raw: RawTable) -> pd.Series:
    frame = raw.frame
    return (frame["resolved_on"] == "") == (frame["outcome"] == "")


def _well_formed_number(raw: RawTable) -> pd.Series:
    frame = raw.frame
    return frame["number_symbol"].map(lambda v: v == "" or bool(NUMBER_SYMBOL.match(v)))


ROW_RULES: dict[str, list[RowRule]] = {
    "dossiers": [
        RowRule(
            "resolved_on",
            "is before received_on (a dossier closes after it arrives)",
            _not_before("resolved_on", "received_on"),
        ),
        RowRule(
            "due_on",
            "is before received_on (a due date follows receipt)",
            _not_before("due_on", "received_on"),
        ),
        RowRule(
            "outcome",
            "must be given exactly when resolved_on is (a closed dossier has "
            "an outcome, an open one has neither)",
            _both_or_neither,
        ),
    ],
    "documents": [
        RowRule(
            "number_symbol",
            "is not a document number such as 72/KH-SLĐTBXH, 20/2023/QĐ-UBND or 20-CT/TW",
            _well_formed_number,
        ),
    ],
    "procedures": [  # rule texts are unique per table: they identify the rule
        RowRule(
            "in_force_to", "is before in_force_from", _not_before("in_force_to", "in_force_from")
        ),
    ],
    "contacts": [
        RowRule("valid_to", "is before valid_from", _not_before("valid_to", "valid_from")),
    ],
}


def _problem(raw: RawTable, row: int, column: str, value: str, rule: str) -> Problem:
    return raw.problem(row, column, value, rule)


def _references(raw: RawTable, column: str, target: RawTable, key: str, what: str) -> list[Problem]:
    known = set(target.frame[key])
    values = raw.frame[column]
    bad = values[(values != "") & ~values.isin(known)]
    return [
        _problem(raw, row, column, v, f"is not a {key} in {target.path.name} ({what})")
        for row, v in bad.items()
    ]


def _same_field(dossiers: RawTable, procedures: RawTable) -> list[Problem]:
    fields = dict(zip(procedures.frame["procedure_code"], procedures.frame["field"], strict=True))
    frame = dossiers.frame
    expected = frame["procedure_code"].map(fields)
    bad = frame[expected.notna() & (frame["field"] != expected)]
    return [
        _problem(
            dossiers,
            row,
            "field",
            r["field"],
            f"differs from the field of procedure {r['procedure_code']} "
            f"in {procedures.path.name} ({fields[r['procedure_code']]!r})",
        )
        for row, r in bad.iterrows()
    ]


def _unique_number_per_year(documents: RawTable) -> list[Problem]:
    frame = documents.frame
    years = documents.dates("issued_on").dt.year
    numbered = (frame["number_symbol"] != "") & years.notna()  # a bad date is reported itself
    dupes = frame[numbered & pd.DataFrame({"n": frame["number_symbol"], "y": years}).duplicated()]
    return [
        _problem(
            documents,
            row,
            "number_symbol",
            r["number_symbol"],
            f"is used twice in {int(years[row])} (a register number is unique within a year)",
        )
        for row, r in dupes.iterrows()
    ]


def _approved_exists(documents: RawTable) -> list[Problem]:
    """``approves`` names another row of the register (the report cites the two together)."""
    frame = documents.frame
    problems = _references(documents, "approves", documents, "doc_id", "the document register")
    itself = frame[(frame["approves"] != "") & (frame["approves"] == frame["doc_id"])]
    return problems + [
        _problem(documents, row, "approves", r["approves"], "is the document itself")
        for row, r in itself.iterrows()
    ]


def _procedure_exists(t: dict[str, RawTable]) -> list[Problem]:
    dossiers, catalogue = t["dossiers"], t["procedures"]
    what = "the procedure catalogue"
    return _references(dossiers, "procedure_code", catalogue, "procedure_code", what)


def _documents_exist(column: str) -> Callable[[dict[str, RawTable]], list[Problem]]:
    def check(t: dict[str, RawTable]) -> list[Problem]:
        return _references(t["tasks"], column, t["documents"], "doc_id", "the document register")

    return check


def _trainee_exists(t: dict[str, RawTable]) -> list[Problem]:
    return _references(t["training"], "staff_id", t["staff"], "staff_id", "the staff list")


# (tables a rule needs, the rule): a rule runs when all its tables have their columns.
CROSS_CHECKS: list[tuple[tuple[str, ...], Callable[[dict[str, RawTable]], list[Problem]]]] = [
    (("dossiers", "procedures"), _procedure_exists),
    (("dossiers", "procedures"), lambda t: _same_field(t["dossiers"], t["procedures"])),
    (("tasks", "documents"), _documents_exist("assigned_doc_id")),
    (("tasks", "documents"), _documents_exist("response_doc_id")),
    (("training", "staff"), _trainee_exists),
    (("documents",), lambda t: _unique_number_per_year(t["documents"])),
    (("documents",), lambda t: _approved_exists(t["documents"])),
]


def partners(name: str) -> set[str]:
    """The other tables the cross-file rules of table ``name`` read."""
    return {other for needed, _ in CROSS_CHECKS if name in needed for other in needed} - {name}


def cross_file_problems(tables: dict[str, RawTable]) -> list[Problem]:
    """Rules between files; run only over tables that have all their columns."""
    problems: list[Problem] = []
    for needed, check in CROSS_CHECKS:
        if all(name in tables for name in needed):
            problems.extend(check(tables))
    return problems
