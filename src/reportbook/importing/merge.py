"""Fold an export's records into a data file: update what changed, add what is new, once.

Exports overlap (each month's export repeats the end of the previous one)
and a dossier moves on between them (received, then resolved), so an import
matches every record by its key (``dossier_id``; for a document, its number
and the year it was issued, unique in a register) and

- adds the records the file lacks,
- updates the columns the export gives where a value differs (dates are
  compared as dates, so 2023-03-14 equals 14/03/2023),
- leaves the rest as it is: columns the export does not have (a document's
  ``cchc_areas``) are never blanked, and a dossier the file has closed is not
  reopened by an export that still shows it open — that export is older.

The result does not depend on the order exports are imported in: rows are
written sorted (dossiers by receipt date, then id; documents by id), and
importing an export again changes nothing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..inputs.rules import parse_dates
from ..inputs.schema import TABLES
from .exports import ExportKind

if TYPE_CHECKING:
    import pandas as pd

ORDER = {"dossiers": ("received_on", "dossier_id"), "documents": ("doc_id",)}
_DOC_ID = re.compile(r"^VB(\d+)$")


@dataclass
class Counts:
    """What one export did to the data file."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_closed: int = 0  # closed dossiers an (older) export still shows open

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.values(), other.values(), strict=True)))

    def values(self) -> tuple[int, int, int, int]:
        return (self.added, self.updated, self.unchanged, self.kept_closed)


def keys(frame: pd.DataFrame, kind: ExportKind) -> pd.Series:
    """Each record's key: its id, or for a document its number and year of issue."""
    if kind.table == "documents":
        years = parse_dates(frame["issued_on"]).dt.year.astype("Int64").astype(str)
        return frame["number_symbol"] + " / " + years
    return frame[kind.key[0]]


def merge(
    existing: pd.DataFrame, incoming: pd.DataFrame, kind: ExportKind, values: dict[str, str]
) -> tuple[pd.DataFrame, Counts]:
    """``existing`` (the data file's text cells) with ``incoming`` folded in, and the counts."""
    import numpy as np
    import pandas as pd

    missing = [c for c in TABLES[kind.table].column_names if c not in existing.columns]
    existing = existing.reset_index(drop=True).assign(**dict.fromkeys(missing, ""))
    position: dict[str, int] = {}
    for index, key in enumerate(keys(existing, kind)):
        position.setdefault(key, index)  # a key twice in the file (invalid): the first
    found = np.array([position.get(key, -1) for key in keys(incoming, kind)], dtype=np.int64)
    matched = found >= 0
    old = incoming[matched]
    at = found[matched]
    differs = _differs(existing.iloc[at].set_index(old.index), old)
    reopen = _reopens(existing.iloc[at].set_index(old.index), old, kind)
    update = differs & ~reopen
    merged = existing.copy()
    rows = at[update.to_numpy()]
    for column in old.columns:
        merged.loc[rows, column] = old.loc[update, column].to_numpy()
    new = _new_records(incoming[~matched], existing, kind, values)
    kept = int((differs & reopen).sum())
    counts = Counts(len(new), int(update.sum()), int((~differs).sum()), kept)
    merged = pd.concat([merged, new], ignore_index=True) if len(new) else merged
    return sort(merged, kind), counts


def _differs(before: pd.DataFrame, after: pd.DataFrame) -> pd.Series:
    """Per record: does any column the export gives hold another value?"""
    import pandas as pd

    differs = pd.Series(False, index=after.index)
    for column in after.columns:
        a, b = before[column], after[column]
        if TABLES_KIND.get(column) == "date":
            da, db = parse_dates(a), parse_dates(b)
            same = (da == db) | (da.isna() & db.isna() & (a == b))
        else:
            same = a == b
        differs |= ~same
    return differs


def _reopens(before: pd.DataFrame, after: pd.DataFrame, kind: ExportKind) -> pd.Series:
    """Dossiers the file has closed but the export shows open: the export is the older one."""
    import pandas as pd

    if "outcome" not in after.columns or kind.table != "dossiers":
        return pd.Series(False, index=after.index)
    return (before["outcome"] != "") & (after["outcome"] == "")


def _new_records(
    incoming: pd.DataFrame, existing: pd.DataFrame, kind: ExportKind, values: dict[str, str]
) -> pd.DataFrame:
    """The export's records the file lacks, in the file's columns (ids assigned if needed)."""
    columns = list(existing.columns)
    new = incoming.reindex(columns=columns)
    for column in columns:
        if column not in incoming.columns:
            new[column] = values.get(column, "")
    if kind.table == "documents" and len(new):
        new = new.assign(_day=parse_dates(new["issued_on"]))
        new = new.sort_values(["_day", "number_symbol"], kind="stable").drop(columns="_day")
        numbers = [int(m[1]) for v in existing["doc_id"] if (m := _DOC_ID.match(v))]
        first = max(numbers, default=0) + 1
        new["doc_id"] = [f"VB{n:04d}" for n in range(first, first + len(new))]
    return new.fillna("").reset_index(drop=True)


def sort(frame: pd.DataFrame, kind: ExportKind) -> pd.DataFrame:
    """Rows in the file's order: dossiers by receipt date then id, documents by id."""
    import pandas as pd

    order = ORDER[kind.table]
    sortable = {c: parse_dates(frame[c]) if TABLES_KIND[c] == "date" else frame[c] for c in order}

    index = pd.DataFrame(sortable).sort_values(list(order), kind="stable").index
    return frame.loc[index].reset_index(drop=True)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8, '\\n' line endings, quoted where needed: as scripts/make_sample_data.py writes."""
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(frame.columns)
        writer.writerows(frame.itertuples(index=False, name=None))


TABLES_KIND = {c.name: c.kind for table in TABLES.values() for c in table.columns}
