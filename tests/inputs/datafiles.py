"""Write a table of text cells as the user's CSV, Excel or Parquet file, for the input tests."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

FORMATS = ("csv", "xlsx", "parquet")
SHEET = "Xuất dữ liệu"


def text_frame(data, table: str) -> pd.DataFrame:
    """The shipped CSV's cells as text, exactly as written."""
    return pd.read_csv(data / f"{table}.csv", dtype=str, keep_default_na=False)


def write_as(data, table: str, frame: pd.DataFrame, fmt: str) -> str:
    """Write ``frame`` as data/<table>.<fmt> (every cell text), removing the other formats."""
    for ext in FORMATS:
        (data / f"{table}.{ext}").unlink(missing_ok=True)
    path = data / f"{table}.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "xlsx":
        frame.to_excel(path, index=False, sheet_name=SHEET)
    else:
        pq.write_table(pa.Table.from_pandas(frame.astype(str), preserve_index=False), path)
    return path.name


def user_row(fmt: str, index: int) -> int:
    """How the user counts data row ``index`` (0-based): header is row 1, or record 1-based."""
    return index + 1 if fmt == "parquet" else index + 2


def row_word(fmt: str) -> str:
    return "record" if fmt == "parquet" else "row"
