"""Read a Parquet data file as the text cells a CSV export of it would hold.

Parquet columns are typed, and a typed reader skipped the report's checks: a
text date that did not parse became missing and changed the Biểu 06 figures
with no error. Turning every column into text first (dates ISO, whole numbers
without decimals, missing as empty) lets the very same schema, row and
cross-file rules run on Parquet as on CSV and Excel, with the same messages.
A Parquet file has no lines, so a record is numbered from 1 in file order and
messages say "record N".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from .problems import Problem

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

ROW_WORD = "record"


def read_parquet(path: Path) -> pd.DataFrame:
    """Every column as text; index = the 1-based record number."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..execution import reads

    reads.record(path)  # pyarrow opens files outside Python's open()
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException) as exc:
        problem = Problem(path.name, None, None, None, f"cannot be read as Parquet: {exc}")
        raise DataError(f"{problem}", path=path, problems=[problem]) from None
    columns = {name: _text(path, name, table[name]) for name in table.column_names}
    frame = pd.DataFrame(columns)  # every column has the same RangeIndex: nothing to align
    frame.index = range(1, table.num_rows + 1)
    return frame


def _text(path: Path, name: str, column: pa.ChunkedArray) -> pd.Series:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_dictionary(kind):
        return _text(path, name, column.cast(kind.value_type))
    if pa.types.is_timestamp(kind):
        return _timestamps(column)
    if pa.types.is_floating(kind):
        return column.to_pandas().map(_float_text, na_action="ignore").fillna("").astype(str)
    if pa.types.is_binary(kind) or pa.types.is_large_binary(kind):
        column = pc.cast(column, pa.large_string(), safe=False)  # invalid UTF-8 is caught below
    text_like = (pa.types.is_string, pa.types.is_large_string, pa.types.is_integer)
    if not any(test(column.type) for test in (*text_like, pa.types.is_date, pa.types.is_boolean)):
        problem = Problem(
            path.name, None, name, None, f"holds {kind} values, not text, numbers or dates"
        )
        raise DataError(str(problem), path=path, column=name, problems=[problem])
    try:
        text = pc.cast(column, pa.large_string())
        text.validate(full=True)  # binary cast unchecked: invalid UTF-8 shows here
        return pd.Series(pd.array(text.fill_null(""), dtype="str"))
    except pa.ArrowInvalid as exc:
        problem = Problem(path.name, None, name, None, f"is not UTF-8 text: {exc}")
        raise DataError(str(problem), path=path, column=name, problems=[problem]) from None


def _timestamps(column: pa.ChunkedArray) -> pd.Series:
    """Midnight timestamps as their date (as Excel dates are read); others with the time."""
    values = column.to_pandas()
    if getattr(values.dt, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    midnight = values == values.dt.normalize()
    text = values.dt.strftime("%Y-%m-%d").where(midnight, values.astype(str))
    return text.fillna("").astype(str)


def _float_text(value: float) -> str:
    """5.0 as '5' (a whole number), 5.5 as '5.5', inf and nan as written."""
    if value != value:
        return ""
    if value in (float("inf"), float("-inf")):
        return str(value)
    return f"{value:.0f}" if value.is_integer() else repr(value)
