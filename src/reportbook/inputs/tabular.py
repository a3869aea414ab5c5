"""Read one data file, CSV, Excel or Parquet, as text cells numbered as the user sees them.

Analysts keep some registers in Excel, the one-stop system exports .xlsx and
a province's dossiers come as Parquet, so each data file may be
``<name>.csv``, ``<name>.xlsx`` or ``<name>.parquet`` (exactly one of them:
two would leave it unclear which one the report used). Every cell is read as
text, stripped and normalised to Unicode NFC, so that nothing is guessed, NFD
exports compare equal and every format meets the same checks. The frame's
index is the row number the user sees: in a CSV the line a text editor shows
(the header is row 1); in Excel the sheet's own row number; in Parquet the
1-based record number.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from .problems import Problem
from .schema import with_added_columns

if TYPE_CHECKING:
    import pandas as pd

EXTENSIONS = (".csv", ".xlsx", ".parquet")


@dataclass
class RawTable:
    """A data file's cells as text; ``frame.index`` holds the user's row numbers."""

    path: Path
    frame: pd.DataFrame
    sheet: str | None = None
    row_word: str = "row"  # "record" for Parquet, which has no lines
    parsed: dict = field(default_factory=dict, repr=False)

    def dates(self, column: str) -> pd.Series:
        """Column ``column`` parsed as dates (NaT where not a date), once per file.

        The date rule, the row rules, the warnings and the typing all need it;
        parsing a million dates takes about half a second each time.
        """
        if column not in self.parsed:
            from .rules import parse_dates

            self.parsed[column] = parse_dates(self.frame[column])
        return self.parsed[column]

    def where(self, row: int) -> str:
        """'dossiers.xlsx, sheet 'Hồ sơ', row 7' — how a message names a place."""
        sheet = f", sheet {self.sheet!r}" if self.sheet else ""
        return f"{self.path.name}{sheet}, {self.row_word} {row}"

    def problem(
        self,
        row: int | None,
        column: str | None,
        value: object,
        rule: str,
        severity: str = "error",
        note: str = "",
    ) -> Problem:
        """A problem at ``row`` and ``column`` of this file, numbered as the user counts."""
        return Problem(
            self.path.name,
            None if row is None else int(row),
            column,
            value,
            rule,
            sheet=self.sheet,
            row_word=self.row_word,
            severity=severity,
            note=note,
        )


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def find_file(data_dir: Path, name: str) -> Path:
    """The one file holding table ``name``: name.csv, name.xlsx or name.parquet."""
    found = [
        data_dir / f"{name}{ext}" for ext in EXTENSIONS if (data_dir / f"{name}{ext}").is_file()
    ]
    if len(found) > 1:
        names = [p.name for p in found]
        both = (
            f"both {names[0]} and {names[1]}"
            if len(names) == 2
            else f"{', '.join(names[:-1])} and {names[-1]} all"
        )
        rule = f"{both} exist in data/; keep one of them so it is clear which one the report uses"
        raise DataError(
            f"{name}: {rule}",
            path=found[0],
            problems=[Problem(f"{name}.*", None, None, None, rule)],
        )
    if not found:
        raise DataError(
            f"{data_dir / (name + '.csv')}: file not found (nor {name}.xlsx, {name}.parquet)",
            path=data_dir / f"{name}.csv",
        )
    return found[0]


def read_table(data_dir: Path, name: str) -> RawTable:
    """Read data file ``name`` (CSV, Excel or Parquet) as stripped NFC text."""
    return read_path(find_file(data_dir, name))


def read_path(path: Path) -> RawTable:
    """Read the data file at ``path``, whatever its format, as stripped NFC text."""
    if path.suffix == ".xlsx":
        raw = _read_xlsx(path)
    elif path.suffix == ".parquet":
        from .parquetfile import ROW_WORD, read_parquet

        raw = RawTable(path, read_parquet(path), row_word=ROW_WORD)
    else:
        from .csvfile import read_csv

        raw = RawTable(path, read_csv(path))
    frame = raw.frame
    frame.columns = [nfc(str(c)).strip() for c in frame.columns]
    raw.frame = with_added_columns(frame.astype(str).apply(_clean), path.stem)
    return raw


def _clean(column: pd.Series) -> pd.Series:
    """NFC and stripped, in pyarrow's kernels: pandas calls Python once per cell for NFC,
    which cost 0,2 s on the 40.000 dossiers and most of the time of a million rows."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.array(column, type=pa.large_string())
    if not pc.all(pc.string_is_ascii(cells)).as_py():
        cells = pc.utf8_normalize(cells, "NFC")
    cells = pc.utf8_trim_whitespace(cells)
    return pd.Series(pd.array(cells, dtype=column.dtype), index=column.index, name=column.name)


def _read_xlsx(path: Path) -> RawTable:
    """The first sheet; row 1 is the header; blank rows are skipped but keep their numbers."""
    title, rows = _sheet_rows(path)
    if not rows:
        raise _file_error(path, title, None, "the sheet is empty: row 1 must name the columns")
    header = [_cell_text(v) for v in rows[0]]
    while header and header[-1] == "":
        header.pop()
    from .csvfile import column_names

    names = column_names(header, lambda rule: _file_error(path, title, 1, rule))
    records, numbers, outside = [], [], []
    for number, values in enumerate(rows[1:], start=2):
        cells = [_cell_text(v) for v in values]
        extra = [i for i, c in enumerate(cells) if c and i >= len(names)]
        if extra:
            outside.append((number, extra[0], cells[extra[0]]))
        cells = cells[: len(names)] + [""] * (len(names) - len(cells))
        if any(cells):
            records.append(cells)
            numbers.append(number)
    if outside:
        raise _outside_header(path, title, outside)
    import pandas as pd

    frame = pd.DataFrame(records, columns=names, index=numbers, dtype=str)
    return RawTable(path, frame, sheet=title)


def _sheet_rows(path: Path) -> tuple[str, list[tuple]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError, InvalidFileException...
        raise _file_error(path, None, None, f"cannot be read as an Excel workbook: {exc}") from None
    try:
        sheet = book.worksheets[0]
        return sheet.title, list(sheet.iter_rows(values_only=True))
    finally:
        book.close()


def _file_error(path: Path, sheet: str | None, row: int | None, rule: str) -> DataError:
    problem = Problem(path.name, row, None, None, rule, sheet=sheet)
    return DataError(str(problem), path=path, row=row, problems=[problem])


def _outside_header(path: Path, sheet: str, cells: list[tuple[int, int, str]]) -> DataError:
    from openpyxl.utils import get_column_letter

    problems = [
        Problem(
            path.name,
            row,
            get_column_letter(index + 1),
            value,
            "is in a column with no name in row 1; name the column or move the value",
            sheet=sheet,
        )
        for row, index, value in cells
    ]
    message = f"{problems[0]} ({len(problems)} cell(s))"
    return DataError(message, path=path, row=problems[0].row, problems=problems)


def _cell_text(value: object) -> str:
    """An Excel cell as the text it would be in a CSV export."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
