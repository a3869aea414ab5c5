"""Validate converted export records with the rules and messages of ``reportbook check``.

The records are checked by the same functions ``check`` runs over data/
(:func:`reportbook.inputs.loading.file_problems` for the schema, row and character
rules, :func:`reportbook.inputs.rules.cross_file_problems` for the rules
between files: a dossier's procedure exists and has its field, a register
number is unique within a year). Only the place is translated back to the
export: its file, sheet and row as the user sees them, its heading instead of
the data model's column name, and the cell as written there ("Đã trả kết
quả", not ``giai_quyet``).
"""

from __future__ import annotations

from dataclasses import replace

from ..inputs.loading import file_problems
from ..inputs.problems import Problem
from ..inputs.rules import cross_file_problems
from ..inputs.schema import TABLES
from ..inputs.tabular import RawTable
from .convert import Converted
from .exports import ExportKind


def problems(
    conv: Converted,
    kind: ExportKind,
    vocab: dict,
    procedures: RawTable | None,
    values: dict[str, str],
) -> list[Problem]:
    """Every problem of the export: reading it (``conv.problems``), then every broken rule."""
    if any(p.row in (1, None) and p.column is None for p in conv.problems):
        return list(conv.problems)  # its columns are wrong: every cell would repeat it
    records = complete(conv, kind, values)
    tables = {kind.table: records}
    if procedures is not None:
        tables["procedures"] = procedures
    found = file_problems(records, TABLES[kind.table], vocab) + cross_file_problems(tables)
    kept = [_in_export(p, conv) for p in found if (p.row, p.column) not in conv.blamed]
    return sorted(conv.problems + kept, key=lambda p: (p.row or 0, str(p.column)))


def complete(conv: Converted, kind: ExportKind, values: dict[str, str]) -> RawTable:
    """The records with every column of the data file: ``values`` or blank where the export
    has none, and a placeholder id per row where the id is assigned on merging."""
    table = TABLES[kind.table]
    frame = conv.records.frame.copy()
    for name in table.column_names:
        if name in frame.columns:
            continue
        if name == table.key:
            frame[name] = [f"(row {row})" for row in frame.index]
        else:
            frame[name] = values.get(name, "")
    return RawTable(conv.records.path, frame[table.column_names], conv.records.sheet)


def _in_export(problem: Problem, conv: Converted) -> Problem:
    """The problem at the export's heading, with the cell as the export writes it."""
    heading = conv.found.get(problem.column or "")
    if heading is None:
        column = f"{problem.column} (derived)" if problem.column else None
        return replace(problem, column=column)
    value = problem.value
    if problem.row in conv.raw.frame.index:
        value = conv.raw.frame.at[problem.row, heading]
    return replace(problem, column=heading, value=value)
