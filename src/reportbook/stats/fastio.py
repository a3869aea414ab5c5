"""Read province-scale dossier files fast: Parquet or CSV through pyarrow.

The report's loader (:mod:`reportbook.inputs.loading`) checks every cell in Python,
which is right for a department's 40.000 dossiers and too slow for a
province's ten million. Here a file is read column-wise by pyarrow (in
parallel, only the columns the statistics need), the code columns as
pandas categoricals and the dates as ``datetime64``, and handed to the
report's own :func:`reportbook.stats.dossiers.statistics`, so the numbers are the
same by construction. Measured on 10 million rows (benchmarks/province.py):
this path is faster than DuckDB SQL once the frame is needed in pandas, and
its peak memory is about 40 bytes a row (see README).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from ..errors import DataError
from ..execution import reads
from ..periods import Window
from .dossiers import COLUMNS, classify

if TYPE_CHECKING:
    from ..inputs.schema import Table

STATISTICS_COLUMNS = ["unit", "field", "channel", "received_on", "due_on", "resolved_on", "outcome"]
DATE_COLUMNS = ("received_on", "due_on", "resolved_on")


def read_dossiers(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """The dossiers at ``path`` (.parquet or .csv) as the frame the statistics expect."""
    path = Path(path)
    reads.record(path)  # pyarrow opens files outside Python's open()
    try:
        table = _read_arrow(path, columns)
    except (OSError, pa.ArrowInvalid) as exc:
        raise DataError(f"{path}: cannot be read as dossiers: {exc}", path=path) from None
    return _to_pandas(table)


def _read_arrow(path: Path, columns: list[str] | None) -> pa.Table:
    if path.suffix == ".parquet":
        return pq.read_table(path, columns=columns)
    convert = pacsv.ConvertOptions(
        include_columns=columns,
        column_types={c: pa.string() for c in DATE_COLUMNS},
        strings_can_be_null=False,
    )
    return pacsv.read_csv(path, convert_options=convert)


def _dates(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Dates from Arrow dates or from text (dd/mm/yyyy or ISO; empty is missing)."""
    if pa.types.is_date(column.type) or pa.types.is_timestamp(column.type):
        return column.cast(pa.timestamp("ns"))
    text = pc.if_else(pc.equal(column, ""), None, column)
    slashed = pc.match_substring(text, "/")
    iso = pc.if_else(slashed, None, text)
    parsed_dmy = pc.strptime(pc.if_else(slashed, text, None), "%d/%m/%Y", "ns", error_is_null=True)
    parsed_iso = pc.strptime(iso, "%Y-%m-%d", "ns", error_is_null=True)
    return pc.coalesce(parsed_dmy, parsed_iso)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    columns = {}
    for name in table.column_names:
        column = table[name]
        if name in DATE_COLUMNS:
            columns[name] = _dates(column).to_pandas()
        elif pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            columns[name] = (
                column.dictionary_encode().to_pandas().astype(object)
                if name == "dossier_id"
                else _categorical(column)
            )
        else:
            columns[name] = column.to_pandas()
    return pd.DataFrame(columns)


def _categorical(column: pa.ChunkedArray) -> pd.Series:
    """Codes as a pandas categorical: one byte a row instead of a Python string."""
    return column.fill_null("").dictionary_encode().to_pandas()


def window_statistics(path: Path, window: Window, by: str = "unit") -> pd.DataFrame:
    """The table :func:`reportbook.stats.dossiers.statistics` gives, for the file at ``path``.

    The per-dossier flags are the report's own (:func:`dossiers.classify`);
    only the counting differs: ``numpy.bincount`` over the category codes
    instead of a pandas groupby, which at 10 million rows is several times
    faster and needs no second copy of the flags.
    """
    frame = read_dossiers(path, STATISTICS_COLUMNS)
    return count_by(frame, window, by)


def count_by(frame: pd.DataFrame, window: Window, by: str = "unit") -> pd.DataFrame:
    """Count ``classify``'s flags per category of ``frame[by]``, as ``statistics`` does."""
    groups = frame[by].astype("category")
    codes = groups.cat.codes.to_numpy()
    flags = classify(frame, window)
    size = len(groups.cat.categories)
    counts = pd.DataFrame(
        {
            name: np.bincount(codes, weights=flags[name].to_numpy(), minlength=size).astype(int)
            for name in COLUMNS
        },
        index=pd.Index(groups.cat.categories.astype(object), name=by),
    )
    counts = counts[counts["received"] > 0].sort_index()
    counts.loc["total"] = counts.sum()
    return counts[COLUMNS]


def load_parquet_table(path: Path, table: Table, vocab: dict) -> pd.DataFrame:
    """A data/<table>.parquet file typed like the CSV loader's result, its rules checked.

    The checks are vectorised (required cells, vocabulary codes); a broken
    rule is a DataError naming the file, column, first row and value.
    """
    frame = read_dossiers(path)
    missing = [c for c in table.column_names if c not in frame.columns]
    if missing:
        raise DataError(f"{path.name}: missing column(s) {', '.join(missing)}", path=path)
    for column in table.columns:
        values = frame[column.name]
        if column.kind in ("code", "text", "codes"):
            values = frame[column.name] = values.astype(object).fillna("")
        empty = values.isna() | (values == "")
        if column.required and empty.any():
            _fail(path, column.name, empty, values, "is empty but required")
        if column.kind == "code":
            unknown = ~empty & ~values.isin(list(vocab.get(column.vocab, {})))
            if unknown.any():
                _fail(path, column.name, unknown, values, f"is not in vocabulary {column.vocab!r}")
    return frame[table.column_names]


def _fail(path: Path, column: str, bad: pd.Series, values: pd.Series, rule: str):
    row = int(bad.to_numpy().argmax())
    raise DataError(
        f"{path.name}, row {row + 1}, column {column!r}: {values.iloc[row]!r} {rule} "
        f"({int(bad.sum())} row(s))",
        path=path,
        row=row + 1,
        column=column,
    )
