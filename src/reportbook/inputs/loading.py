"""Read data/ files (CSV or Excel) into typed DataFrames, after validating them.

Values are read as text first (``tabular``) so that nothing is guessed, then
checked against the file's schema (``validation``: dates dd/mm/yyyy or ISO,
whole numbers, vocabularies, unique ids, row rules) and only then typed. All
problems of a file are reported together, each with the row as the user sees
it; :meth:`Dataset.problems` also checks the rules between files.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError, FileFormatError
from . import yamlfiles
from .problems import Problem, report
from .schema import TABLES, Table
from .tabular import RawTable, find_file, nfc, read_table

if TYPE_CHECKING:  # pandas is imported when a table is loaded, not to list or hash files
    import pandas as pd

BUILTIN_VOCABULARIES = {"sources": {"seed": "Báo cáo gốc", "sample": "Dữ liệu mẫu"}}
VOCABULARIES = "vocabularies.yaml"


def load_vocabularies(data_dir: Path) -> dict[str, dict[str, object]]:
    """Read data/vocabularies.yaml; every code is compared as NFC text."""
    path = data_dir / VOCABULARIES
    try:
        raw = yamlfiles.load(path, f"data/{VOCABULARIES}")  # params' rules: see yamlfiles
    except FileFormatError as exc:
        raise DataError(str(exc), path=path) from None
    if not isinstance(raw, dict) or not all(isinstance(m, dict | None) for m in raw.values()):
        raise DataError(f"{path}: must map each vocabulary name to its codes", path=path)
    vocab = {k: {nfc(str(c)): v for c, v in (m or {}).items()} for k, m in raw.items()}
    return {**BUILTIN_VOCABULARIES, **vocab}


def parquet_file(data_dir: Path, name: str) -> Path | None:
    """``<name>.parquet`` when present: province-scale data, typed, read by ``fastio``."""
    path = data_dir / f"{name}.parquet"
    return path if path.is_file() else None


def load_table(data_dir: Path, table: Table, vocab: dict) -> pd.DataFrame:
    """Read one data file and return it typed; raise DataError listing all problems."""
    if parquet := parquet_file(data_dir, table.name):
        from ..stats.fastio import load_parquet_table

        return load_parquet_table(parquet, table, vocab)
    raw = read_table(data_dir, table.name)
    from .validation import validate_table  # pandera: imported only when validating

    problems = validate_table(raw, table, vocab)
    if problems:
        raise data_error(problems)
    return typed(raw, table)


def typed(raw: RawTable, table: Table) -> pd.DataFrame:
    """The validated text cells as dates, nullable integers and text, indexed from 0."""
    import pandas as pd

    from .rules import parse_dates

    frame = raw.frame
    columns = {}
    for column in table.columns:
        values = frame[column.name]
        if column.kind == "date":
            values = parse_dates(values)
        elif column.kind == "int":
            values = pd.to_numeric(values.where(values != ""), errors="coerce").astype("Int64")
        columns[column.name] = values
    return pd.DataFrame(columns, index=frame.index).reset_index(drop=True)


def data_error(problems: list[Problem]) -> DataError:
    """One error listing every problem, located at the first one."""
    first = problems[0]
    return DataError(
        f"{first.file}: {len(problems)} problem(s):\n{report(problems)}",
        path=first.file,
        row=first.row,
        column=first.column,
        problems=problems,
    )


class Dataset:
    """All data files of a project, loaded on first use and then kept."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self._tables: dict[str, pd.DataFrame] = {}

    @cached_property
    def vocab(self) -> dict[str, dict[str, object]]:
        return load_vocabularies(self.data_dir)

    def table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = load_table(self.data_dir, TABLES[name], self.vocab)
        return self._tables[name]

    def problems(self) -> list[Problem]:
        """Every problem of every data file, and between files, without raising."""
        try:
            vocab = self.vocab
        except DataError as exc:
            return [Problem(VOCABULARIES, None, None, None, str(exc))]
        found, clean = [], {}
        for name, table in TABLES.items():
            if parquet_file(self.data_dir, name):
                continue  # typed columns, checked by fastio when loaded (province scale)
            try:
                raw = read_table(self.data_dir, name)
            except DataError as exc:
                found.append(Problem(f"{name}.csv/.xlsx", None, None, None, str(exc)))
                continue
            from .validation import validate_table

            own = validate_table(raw, table, vocab)
            found.extend(own)
            if not any(p.row == 1 and p.column is None for p in own):
                clean[name] = raw
        from .rules import cross_file_problems

        return found + cross_file_problems(clean)

    def files(self) -> list[Path]:
        """Every data file this dataset reads, for hashing into the manifest."""
        paths = [self.data_dir / VOCABULARIES]
        for name in TABLES:
            if parquet := parquet_file(self.data_dir, name):
                paths.append(parquet)
                continue
            try:
                paths.append(find_file(self.data_dir, name))
            except DataError:
                paths.append(self.data_dir / f"{name}.csv")
        return paths
