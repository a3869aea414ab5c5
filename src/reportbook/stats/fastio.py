"""Read province-scale dossier files fast: Parquet or CSV through pyarrow.

A file is first checked exactly as the report's loader checks it
(:meth:`reportbook.inputs.loading.Dataset.require_valid`: schema, row,
cross-file and character rules, the same messages and row numbers), against
the vocabularies and procedures of its data folder, so a bad date cannot
silently drop out of the figures. Then it is read column-wise by pyarrow (in
parallel, only the columns the statistics need), the code columns as pandas
categoricals and the dates as ``datetime64``, and counted with the report's
own per-dossier flags, so the numbers equal
:func:`reportbook.stats.dossiers.statistics` by construction. Counting alone
(:func:`read_unchecked` + :func:`count_by`, what the benchmark times) needs
about 40 bytes a row (see README).
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
    pass

STATISTICS_COLUMNS = ["unit", "field", "channel", "received_on", "due_on", "resolved_on", "outcome"]
DATE_COLUMNS = ("received_on", "due_on", "resolved_on")


def read_dossiers(
    path: Path, columns: list[str] | None = None, data_dir: Path | None = None
) -> pd.DataFrame:
    """The dossiers at ``path`` (.parquet, .csv or .xlsx) after every check the report runs.

    ``data_dir`` holds the vocabularies and procedures to check against (by
    default the file's own folder); a broken rule raises DataError listing
    every problem with its row. The typed frame is made from the very cells
    that were checked, so NFD text, stray spaces or a CSV's odd line endings
    cannot make the figures differ from the report loader's.
    """
    from ..inputs.loading import Dataset, typed
    from ..inputs.schema import DOSSIERS
    from ..inputs.tabular import read_path

    raw = read_path(Path(path))
    Dataset(Path(data_dir or raw.path.parent)).require_valid("dossiers", raw)
    frame = typed(raw, DOSSIERS)  # from the checked cells: nothing is read twice or differently
    return frame[columns] if columns else frame


def read_unchecked(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read without checking: only for a file :func:`read_dossiers` passed, or to time counting."""
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


def window_statistics(
    path: Path, window: Window, by: str = "unit", data_dir: Path | None = None
) -> pd.DataFrame:
    """The table :func:`reportbook.stats.dossiers.statistics` gives, for the file at ``path``.

    The file is checked first (:func:`read_dossiers`). The per-dossier flags
    are the report's own (:func:`dossiers.classify`); only the counting
    differs: ``numpy.bincount`` over the category codes instead of a pandas
    groupby, which at 10 million rows is several times faster and needs no
    second copy of the flags.
    """
    frame = read_dossiers(path, STATISTICS_COLUMNS, data_dir)
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
