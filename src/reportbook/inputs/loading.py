"""Read data/ files (CSV, Excel or Parquet) into typed DataFrames, after validating them.

Values are read as text first (``tabular``) so that nothing is guessed, then
checked against the file's schema (``validation``: dates dd/mm/yyyy or ISO,
whole numbers, vocabularies, unique ids, row rules), for characters the
report cannot print (``characters``) and against the other files (``rules``),
and only then typed. Every format and every reading path (this loader and
``stats.fastio``) goes through :meth:`Dataset.require_valid`, so none can skip
a rule. All problems of a file are reported together, each with the row as
the user sees it; :meth:`Dataset.problems` lists those of every file.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError, FileFormatError
from . import readmemo, verdicts, yamlfiles
from .problems import Problem, report
from .schema import TABLES, Table
from .tabular import EXTENSIONS, RawTable, find_file, nfc, read_table

if TYPE_CHECKING:  # pandas is imported when a table is loaded, not to list or hash files
    from collections.abc import Iterable

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


def load_table(data_dir: Path, table: Table, vocab: dict) -> pd.DataFrame:
    """Read one data file (any format) and return it typed; raise DataError listing all problems."""
    raw = read_table(data_dir, table.name)
    problems = vocabulary_problems(vocab, [table]) + file_problems(raw, table, vocab)
    if problems:
        raise data_error(problems)
    return typed(raw, table)


def file_problems(raw: RawTable, table: Table, vocab: dict) -> list[Problem]:
    """Every broken schema and row rule of one file, and every unprintable character."""
    from .characters import character_problems
    from .validation import validate_table  # pandera: imported only when validating

    return validate_table(raw, table, vocab) + character_problems(raw, table)


def vocabulary_problems(vocab: dict, tables: Iterable[Table]) -> list[Problem]:
    """One problem per vocabulary a column needs that vocabularies.yaml lacks or leaves empty.

    Without it every cell of the column would fail on its own: 40.873 identical
    messages for one deleted line of vocabularies.yaml.
    """
    users: dict[str, list[str]] = {}
    for table in tables:
        for column in table.columns:
            if column.vocab and not vocab.get(column.vocab):
                users.setdefault(column.vocab, []).append(f"{table.name} column {column.name!r}")
    return [
        Problem(
            VOCABULARIES,
            None,
            None,
            None,
            f"has no codes for vocabulary {name!r}, which {', '.join(used)} use(s); "
            f"add the vocabulary with its codes (its cells were not checked)",
        )
        for name, used in users.items()
    ]


def typed(raw: RawTable, table: Table) -> pd.DataFrame:
    """The validated text cells as dates, nullable integers and text, indexed from 0."""
    import pandas as pd

    frame = raw.frame
    columns = {}
    for column in table.columns:
        values = frame[column.name]
        if column.kind == "date":
            values = raw.dates(column.name)
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
    """All data files of a project, read once, checked, typed on first use and then kept."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self._tables: dict[str, pd.DataFrame] = {}
        self._raw: dict[str, RawTable] = {}

    @cached_property
    def vocab(self) -> dict[str, dict[str, object]]:
        return load_vocabularies(self.data_dir)

    def raw(self, name: str) -> RawTable:
        """Table ``name`` as text cells (read once, parsed once per process for the same bytes:
        :mod:`.readmemo`; DataError when it cannot be read)."""
        if name not in self._raw:
            self._raw[name] = readmemo.read(self.data_dir, name)
        return self._raw[name]

    def table(self, name: str) -> pd.DataFrame:
        """Table ``name`` typed, after its own and its cross-file rules passed."""
        if name not in self._tables:
            raw = self.raw(name)
            self.require_valid(name, raw)
            self._tables[name] = typed(raw, TABLES[name])
        return self._tables[name]

    def require_valid(self, name: str, raw: RawTable) -> None:
        """Raise DataError unless ``raw`` (table ``name``) passes every rule, cross-file ones too.

        The one check behind every reading path: the report's loader and
        :func:`reportbook.stats.fastio.window_statistics`, whatever the format.
        Cells this process has already seen pass, with the same partners and
        vocabularies, are not checked again (:mod:`.verdicts`).
        """
        from .rules import cross_file_problems, partners

        table = TABLES[name]
        problems = vocabulary_problems(self.vocab, [table])
        complete = not missing_columns(raw, table)
        unreadable: list[Problem] = []
        others = {n: self._readable(n, unreadable) for n in partners(name)} if complete else {}
        tables = {n: r for n, r in others.items() if r is not None}
        fingerprint = verdicts.key(f"table {name}", {**tables, name: raw}, self.vocab)
        if not problems and not unreadable and verdicts.passed(fingerprint):
            return
        problems += file_problems(raw, table, self.vocab) + unreadable
        if complete:
            cross = cross_file_problems({**tables, name: raw})
            problems += [p for p in cross if p.file == raw.path.name]
        if problems:
            raise data_error(problems)
        verdicts.remember(fingerprint)

    def _readable(self, name: str, problems: list[Problem]) -> RawTable | None:
        """Table ``name`` if it reads and has its columns; else None, the reason in ``problems``."""
        try:
            raw = self.raw(name)
        except DataError as exc:
            problems.extend(read_problems(name, exc))
            return None
        return None if missing_columns(raw, TABLES[name]) else raw

    def problems(self) -> list[Problem]:
        """Every problem of every data file, and between files, without raising.

        Files this process has already seen pass together are not checked
        again (:mod:`.verdicts`).
        """
        try:
            vocab = self.vocab
        except DataError as exc:
            return [Problem(VOCABULARIES, None, None, None, str(exc))]
        found = vocabulary_problems(vocab, TABLES.values())
        read: dict[str, RawTable | list[Problem]] = {}
        for name in TABLES:
            try:
                read[name] = self.raw(name)
            except DataError as exc:
                read[name] = read_problems(name, exc)
        raws = {n: r for n, r in read.items() if not isinstance(r, list)}
        fingerprint = verdicts.key("every table", raws, vocab)
        if not found and len(raws) == len(TABLES) and verdicts.passed(fingerprint):
            return []
        clean = {}
        for name, raw in read.items():
            if isinstance(raw, list):  # could not be read: why
                found.extend(raw)
                continue
            found.extend(file_problems(raw, TABLES[name], vocab))
            if not missing_columns(raw, TABLES[name]):
                clean[name] = raw
        from .rules import cross_file_problems

        found += cross_file_problems(clean)
        if not found:
            verdicts.remember(fingerprint)
        return found

    def warnings(self, year: int) -> list[Problem]:
        """Implausible values (:mod:`plausible`) of the files that could be read."""
        from .plausible import warnings

        tables = {}
        for name, table in TABLES.items():
            try:
                raw = self.raw(name)
            except DataError:
                continue  # an error, reported by problems()
            if not missing_columns(raw, table):
                tables[name] = raw
        return warnings(tables, year)

    def files(self) -> list[Path]:
        """Every data file this dataset reads, for hashing into the manifest."""
        paths = [self.data_dir / VOCABULARIES]
        for name in TABLES:
            try:
                paths.append(find_file(self.data_dir, name))
            except DataError:
                paths.extend(self.data_dir / f"{name}{ext}" for ext in EXTENSIONS)
        return paths


def missing_columns(raw: RawTable, table: Table) -> list[Problem]:
    from .validation import missing_columns as missing

    return missing(raw, table)


def read_problems(name: str, exc: DataError) -> list[Problem]:
    """Why table ``name`` could not be read, as problems (file-level when nothing finer)."""
    if exc.problems:
        return list(exc.problems)
    return [Problem(f"{name}.csv", None, None, None, str(exc))]
