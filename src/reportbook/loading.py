"""Read data/ files into typed DataFrames, reporting every broken rule.

Values are read as text first so that nothing is guessed: dates must be
dd/mm/yyyy or ISO, integers must be integers, codes must belong to their
vocabulary. Text is normalised to Unicode NFC so that NFD exports compare
equal. All problems of a file are reported together, each with the row
number as the user sees it in the file (the header is row 1).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd
import yaml

from .errors import DataError
from .schema import TABLES, Column, Table

BUILTIN_VOCABULARIES = {"sources": {"seed": "Báo cáo gốc", "sample": "Dữ liệu mẫu"}}
MAX_LISTED = 25


@dataclass(frozen=True)
class Problem:
    """One broken rule in one cell."""

    path: Path
    row: int
    column: str
    value: str
    rule: str

    def __str__(self) -> str:
        return (
            f"{self.path.name}, row {self.row}, column {self.column!r}: "
            f"{self.value!r} {self.rule}"
        )


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def load_vocabularies(data_dir: Path) -> dict[str, dict[str, object]]:
    """Read data/vocabularies.yaml; every code is compared as text."""
    path = data_dir / "vocabularies.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise DataError(f"{path}: file not found", path=path) from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path}: not valid YAML: {exc}", path=path) from None
    vocab = {k: {nfc(str(c)): v for c, v in (m or {}).items()} for k, m in raw.items()}
    return {**BUILTIN_VOCABULARIES, **vocab}


def load_table(data_dir: Path, table: Table, vocab: dict) -> pd.DataFrame:
    """Read one data file and return it typed; raise DataError listing all problems."""
    if (data_dir / f"{table.name}.parquet").is_file():  # province scale: see fastio
        from .fastio import load_parquet_table

        return load_parquet_table(data_dir / f"{table.name}.parquet", table, vocab)
    path = data_dir / f"{table.name}.csv"
    frame = _read_text(path)
    missing = [c for c in table.column_names if c not in frame.columns]
    if missing:
        raise DataError(
            f"{path.name}: missing column(s) {', '.join(missing)}; "
            f"expected {', '.join(table.column_names)}",
            path=path,
        )
    problems: list[Problem] = []
    typed = {c.name: _convert(frame, c, vocab, path, problems) for c in table.columns}
    result = pd.DataFrame(typed, index=frame.index)
    if table.key:
        _check_unique(frame, table.key, path, problems)
    if problems:
        raise _data_error(path, problems)
    return result


def _read_text(path: Path) -> pd.DataFrame:
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{path}: file not found", path=path) from None
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise DataError(f"{path}: cannot be read as UTF-8 CSV: {exc}", path=path) from None
    frame.columns = [nfc(str(c)).strip() for c in frame.columns]
    return frame.apply(lambda col: col.map(lambda v: nfc(v).strip()))


def _convert(frame, column: Column, vocab, path, problems) -> pd.Series:
    values = frame[column.name]
    empty = values == ""
    if column.required:
        for idx in values.index[empty]:
            problems.append(Problem(path, idx + 2, column.name, "", "is empty but required"))
    if column.kind == "date":
        return _dates(values, empty, column, path, problems)
    if column.kind == "int":
        return _ints(values, empty, column, path, problems)
    if column.kind in ("code", "codes"):
        _codes(values, empty, column, vocab, path, problems)
    return values


def _dates(values, empty, column, path, problems) -> pd.Series:
    parsed = pd.to_datetime(values, format="%d/%m/%Y", errors="coerce")
    iso = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
    parsed = parsed.fillna(iso)
    for idx in values.index[parsed.isna() & ~empty]:
        problems.append(
            Problem(path, idx + 2, column.name, values[idx], "is not a date dd/mm/yyyy")
        )
    return parsed


def _ints(values, empty, column, path, problems) -> pd.Series:
    numbers = pd.to_numeric(values.where(~empty), errors="coerce")
    bad = numbers.isna() & ~empty | (numbers.notna() & (numbers % 1 != 0))
    for idx in values.index[bad]:
        problems.append(Problem(path, idx + 2, column.name, values[idx], "is not a whole number"))
    return numbers.astype("Int64")


def _codes(values, empty, column, vocab, path, problems) -> None:
    allowed = vocab.get(column.vocab, {})
    for idx in values.index[~empty]:
        codes = values[idx].split(";") if column.kind == "codes" else [values[idx]]
        unknown = [c for c in (c.strip() for c in codes) if c not in allowed]
        if unknown:
            choices = ", ".join(map(str, allowed))
            problems.append(
                Problem(
                    path, idx + 2, column.name, values[idx],
                    f"is not in vocabulary {column.vocab!r} (allowed: {choices})",
                )
            )


def _check_unique(frame, key, path, problems) -> None:
    dupes = frame[key].duplicated(keep="first") & (frame[key] != "")
    for idx in frame.index[dupes]:
        problems.append(Problem(path, idx + 2, key, frame[key][idx], "is a duplicate id"))


def _data_error(path: Path, problems: list[Problem]) -> DataError:
    lines = [str(p) for p in problems[:MAX_LISTED]]
    more = len(problems) - MAX_LISTED
    if more > 0:
        lines.append(f"... and {more} more")
    first = problems[0]
    return DataError(
        f"{path.name}: {len(problems)} problem(s):\n  " + "\n  ".join(lines),
        path=path, row=first.row, column=first.column,
    )


class Dataset:
    """All data files of a project, loaded on first use and then kept."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)

    @cached_property
    def vocab(self) -> dict[str, dict[str, object]]:
        return load_vocabularies(self.data_dir)

    def table(self, name: str) -> pd.DataFrame:
        if name not in self.__dict__.setdefault("_tables", {}):
            self._tables[name] = load_table(self.data_dir, TABLES[name], self.vocab)
        return self._tables[name]

    def files(self) -> list[Path]:
        """Every data file this dataset reads, for hashing into the manifest."""
        names = ["vocabularies.yaml", *(f"{n}.{ext}" for n in TABLES for ext in ("csv", "parquet"))]
        return [self.data_dir / n for n in names]
