"""Read a CSV data file as text cells numbered by the line a text editor shows.

pandas' parser skips blank lines and counts a bare carriage return its own
way, so a message could point several lines away from the record; a
semicolon-separated export (what Excel writes in a Vietnamese locale) came out
as "missing every column"; a row with one cell too many showed the parser's
own text. Here the file is split into physical lines first (``\\r\\n``, ``\\n``
or a bare ``\\r``, as editors do), each record keeps the number of the line it
starts on, and each of those cases is one message naming the file and line.
"""

from __future__ import annotations

import codecs
import csv
import re
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from .problems import Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    import pandas as pd

LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
OTHER_DELIMITERS = {";": "';'", "\t": "a tab"}
MAX_CELL = sys.maxsize // 2  # no cell size limit: an unclosed quote is reported, not crashed on


def decode(path: Path) -> str:
    """The file's text: UTF-8 (with or without BOM) or UTF-16 with its BOM."""
    data = path.read_bytes()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data[:400]:  # NUL bytes in the header: UTF-16 saved without its BOM
        raise _error(path, 1, "looks like UTF-16 without a BOM; save the file as 'CSV UTF-8'")
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(
            path,
            line,
            f"byte 0x{data[exc.start]:02X} is not {encoding.upper().removesuffix('-SIG')} "
            f"text; save the file as 'CSV UTF-8' (Vietnamese letters need it)",
        ) from None


def _error(path: Path, line: int | None, rule: str, problems: list | tuple = ()) -> DataError:
    problem = Problem(path.name, line, None, None, rule)
    found = list(problems) or [problem]
    text = "\n".join(f"  {p}" for p in found[:20])
    more = f"\n  ... and {len(found) - 20} more" if len(found) > 20 else ""
    return DataError(f"{path.name}: cannot be read:\n{text}{more}", path=path, problems=found)


def records(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of every record that is not blank, in file order."""
    lines = LINES.findall(text)
    csv.field_size_limit(MAX_CELL)
    reader = csv.reader(lines, strict=False)
    done = 0
    try:
        for cells in reader:
            start, done = done + 1, reader.line_num
            if any(c.strip() for c in cells):
                yield start, done, cells
    except csv.Error as exc:
        raise _error(path, done + 1, f"is not valid CSV: {exc}") from None


def read_csv(path: Path) -> pd.DataFrame:
    """Cells as text; index = the line each record starts on (the header's is row 1)."""
    import pandas as pd

    rows = records(path, decode(path))
    first = next(rows, None)
    if first is None:
        raise _error(path, None, "the file is empty: it needs a header line naming the columns")
    header_line, _, header = first
    header = _header(path, header_line, header)
    data, numbers, wrong = [], [], []
    width = len(header)
    for start, end, cells in rows:
        if len(cells) > width and not any(c.strip() for c in cells[width:]):
            cells = cells[:width]  # trailing empty cells: harmless
        if len(cells) != width:
            wrong.append(_count_problem(path, start, end, len(cells), width, header_line))
            continue
        data.append(cells)
        numbers.append(start)
    if wrong:
        raise _error(path, wrong[0].row, wrong[0].rule, wrong)
    return pd.DataFrame(data, columns=header, index=numbers, dtype=str)


def _header(path: Path, line: int, cells: list[str]) -> list[str]:
    """Column names; a header of one cell holding ';' or a tab is the wrong delimiter."""
    if len(cells) == 1:
        for delimiter, name in OTHER_DELIMITERS.items():
            if delimiter in cells[0]:
                raise _error(
                    path,
                    line,
                    f"the file is separated by {name}, not by commas (Excel does this in a "
                    f"Vietnamese locale); save it as 'CSV UTF-8 (Comma delimited)'",
                )
    return column_names(cells, lambda rule: _error(path, line, rule))


def column_names(cells: list[str], error: Callable[[str], Exception]) -> list[str]:
    """Stripped NFC names, unnamed ones numbered; ``error(rule)`` when a name repeats."""
    names = [
        unicodedata.normalize("NFC", c.strip()) or f"(column {i + 1})" for i, c in enumerate(cells)
    ]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise error(f"column(s) {', '.join(map(repr, repeated))} appear more than once")
    return names


def _count_problem(path: Path, start: int, end: int, found: int, width: int, header: int):
    why = (
        f'; a quote (") opened on row {start} runs to row {end}'
        if end > start
        else ("; put a value that contains a comma in double quotes" if found > width else "")
    )
    rule = f"has {found} cell(s), the header (row {header}) has {width}{why}"
    return Problem(path.name, start, None, None, rule)
