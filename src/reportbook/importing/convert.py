"""Turn an export into records of the data model, and check them as ``check`` would.

An export is read like any data file (:func:`reportbook.inputs.tabular.read_table`:
text cells, NFC, the sheet's own row numbers). Its headings are matched to
fields, labels become codes, date-times become dates, and what the export
lacks is derived: a dossier's ``procedure_code`` (and ``field``) from the
procedure's name in data/procedures.csv, in force on the day it was received
(a replaced procedure keeps its name under a new code). The records are then
validated by the very functions ``check`` uses (schema, row rules, rules
between files), so an export breaks the same rules with the same messages,
named at the export's own file, row and heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..inputs.problems import Problem
from ..inputs.rules import parse_dates
from ..inputs.schema import TABLES
from ..inputs.tabular import RawTable
from .exports import ExportKind, fold, vocabulary_labels
from .mapping import Mapping

if TYPE_CHECKING:
    pass

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DMY = re.compile(rf"^(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}}){_TIME}$")
_YMD = re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}){_TIME}$")


def date_text(value: str) -> str:
    """'14/3/2023 08:15', '2023-03-14T08:15:00' -> '14/03/2023'; anything else unchanged."""
    if match := _DMY.match(value):
        day, month, year = match.groups()
    elif match := _YMD.match(value):
        year, month, day = match.groups()
    else:
        return value
    return f"{int(day):02d}/{int(month):02d}/{year}"


@dataclass
class Converted:
    """An export as data-model records (``records.frame`` keeps the export's row numbers)."""

    raw: RawTable  # the export as read
    records: RawTable
    found: dict[str, str]  # field -> the export's heading
    problems: list[Problem] = field(default_factory=list)
    blamed: set[tuple[int, str]] = field(default_factory=set)  # (row, column) already reported

    @property
    def provided(self) -> list[str]:
        """The data file's columns this export gives a value for (read or derived)."""
        return list(self.records.frame.columns)


def convert(
    raw: RawTable, kind: ExportKind, mapping: Mapping, vocab: dict, procedures: RawTable | None
) -> Converted:
    """The export's records in the data model's columns and codes, with what went wrong."""
    import pandas as pd

    found, problems = find_columns(raw, kind, mapping)
    problems += _missing(raw, kind, mapping, found)
    frame = pd.DataFrame({name: raw.frame[h] for name, h in found.items()}, index=raw.frame.index)
    for name in kind.dates:
        if name in frame.columns:
            frame[name] = frame[name].map(date_text)
    conv = Converted(raw, RawTable(raw.path, frame, raw.sheet), found, problems)
    if problems:  # the columns themselves are wrong: cell messages would only repeat it
        return conv
    _map_labels(conv, raw, kind, vocab, mapping)
    if procedures is not None:
        _derive_procedures(conv, raw, procedures)
    table = TABLES[kind.table].column_names
    conv.records.frame = frame[[c for c in frame.columns if c in table]]
    return conv


def defaults(kind: ExportKind, mapping: Mapping) -> dict[str, str]:
    """Values of the columns an export lacks, for its new records."""
    return {**kind.defaults, **mapping.defaults}


def _problem(
    raw: RawTable, row: int | None, column: str | None, value: object, rule: str
) -> Problem:
    return Problem(raw.path.name, row, column, value, rule, sheet=raw.sheet)


def find_columns(raw: RawTable, kind: ExportKind, mapping: Mapping) -> tuple[dict, list[Problem]]:
    """``{field: heading}`` for every field the export has; problems for missing or doubled ones."""
    by_fold: dict[str, list[str]] = {}
    for heading in raw.frame.columns:
        by_fold.setdefault(fold(heading), []).append(heading)
    found, problems = {}, []
    for name, aliases in kind.headings.items():
        wanted = mapping.columns.get(name, aliases)
        matches = [h for alias in wanted for h in by_fold.get(fold(alias), [])]
        if len(set(matches)) > 1:
            listed = " and ".join(repr(h) for h in dict.fromkeys(matches))
            rule = (
                f"columns {listed} both look like {name}; name the one to use in a mapping "
                f"file (columns: {name}: <heading>)"
            )
            problems.append(_problem(raw, 1, None, None, rule))
        elif matches:
            found[name] = matches[0]
    return found, problems


def _missing(raw: RawTable, kind: ExportKind, mapping: Mapping, found: dict) -> list[Problem]:
    problems = []
    for name in kind.required:
        if name not in found:
            expected = ", ".join(repr(h) for h in mapping.columns.get(name, kind.headings[name]))
            rule = (
                f"has no column for {name} (expected {expected}); name its heading in a "
                f"mapping file (columns: {name}: <heading>)"
            )
            problems.append(_problem(raw, 1, None, None, rule))
    return problems


def label_codes(kind: ExportKind, name: str, vocab: dict, mapping: Mapping) -> dict[str, str]:
    """``{folded label: code}``: vocabulary labels and codes, built-in labels, the mapping's."""
    codes: dict[str, str] = {}
    for source in (
        vocabulary_labels(kind.vocabularies.get(name, ""), vocab),
        kind.labels.get(name, {}),
        mapping.labels.get(name, {}),
    ):
        codes.update({fold(label): code for label, code in source.items()})
    return codes


def _map_labels(conv: Converted, raw: RawTable, kind: ExportKind, vocab: dict, mapping: Mapping):
    frame = conv.records.frame
    for name in kind.label_fields:
        if name not in frame.columns:
            continue
        codes = label_codes(kind, name, vocab, mapping)
        cells = frame[name]
        known = {v: codes.get(fold(v)) if v != "" else "" for v in cells.unique()}
        unknown = [v for v, code in known.items() if code is None]
        for row, value in cells[cells.isin(unknown)].items():
            conv.blamed.add((row, name))
            rule = _unknown_label(kind, name, mapping)
            conv.problems.append(_problem(raw, row, conv.found[name], value, rule))
        frame[name] = cells.map({v: code or "" for v, code in known.items()})


def _unknown_label(kind: ExportKind, name: str, mapping: Mapping) -> str:
    labels = [*kind.labels.get(name, {}), *mapping.labels.get(name, {})]
    known = ", ".join(repr(label) for label in dict.fromkeys(labels))
    vocabulary = kind.vocabularies.get(name)
    also = f"the labels and codes of vocabulary {vocabulary!r}" if vocabulary else ""
    listed = "; ".join(part for part in (known, also) if part)
    return (
        f"is not a known {name} label (known: {listed}); "
        f"add it under 'labels: {name}:' in a mapping file"
    )


def _derive_procedures(conv: Converted, raw: RawTable, procedures: RawTable) -> None:
    """``procedure_code`` (and ``field``) from the procedure's name, in force on receipt."""
    frame = conv.records.frame
    if "procedure_code" not in frame.columns:
        if "procedure_name" not in frame.columns:
            rule = (
                "has no column for the procedure (expected 'Tên thủ tục' or 'Mã thủ tục'); "
                "name its heading in a mapping file (columns: procedure_name: <heading>)"
            )
            conv.problems.append(_problem(raw, 1, None, None, rule))
            return
        frame["procedure_code"] = _codes_by_name(conv, raw, procedures)
    if "field" not in frame.columns:
        catalogue = procedures.frame
        fields = dict(zip(catalogue["procedure_code"], catalogue["field"], strict=True))
        frame["field"] = frame["procedure_code"].map(lambda c: fields.get(c, ""))


def _codes_by_name(conv: Converted, raw: RawTable, procedures: RawTable) -> list[str]:
    """Each row's procedure code; a problem where the name is unknown or ambiguous that day."""
    catalogue = Catalogue(procedures)
    frame = conv.records.frame
    heading = conv.found["procedure_name"]
    codes = []
    for (row, name), day in zip(
        frame["procedure_name"].items(), parse_dates(frame["received_on"]), strict=True
    ):
        code, rule = catalogue.code(name, day)
        codes.append(code)
        if code == "":
            conv.blamed.update({(row, "procedure_code"), (row, "field")})
        if rule:
            conv.problems.append(_problem(raw, row, heading, name, rule))
    return codes


class Catalogue:
    """Procedures by folded name, with the days each code is in force."""

    def __init__(self, procedures: RawTable):
        frame = procedures.frame
        self.file = procedures.path.name
        self.by_name: dict[str, list[tuple]] = {}
        starts, ends = parse_dates(frame["in_force_from"]), parse_dates(frame["in_force_to"])
        for code, name, start, end in zip(
            frame["procedure_code"], frame["procedure_name"], starts, ends, strict=True
        ):
            self.by_name.setdefault(fold(name), []).append((code, start, end))

    def code(self, name: str, day: object) -> tuple[str, str | None]:
        """``(code, None)``, or ``("", why not)``; no reason when the date is unreadable.

        An empty name is a reason too: the row is blamed for its missing code,
        so without one the import would write a dossier without a procedure.
        """
        if not str(name).strip():
            return "", "is empty but required (the procedure's name gives its code)"
        found = self.by_name.get(fold(name), [])
        if not found:
            return "", f"is not the name of a procedure in {self.file}"
        if len(found) == 1:
            return found[0][0], None
        if day != day:  # NaT: the unreadable date is reported; the code cannot be chosen
            return "", None
        found = [f for f in found if f[1] <= day and (f[2] != f[2] or day <= f[2])]
        if len(found) == 1:
            return found[0][0], None
        codes = ", ".join(f[0] for f in self.by_name[fold(name)])
        return "", (
            f"names {len(found)} of the procedures {codes} in force on "
            f"{day:%d/%m/%Y} in {self.file}; add a 'Mã thủ tục' column to the export"
        )
