"""Fuzz the data readers: every mutated file is read correctly or rejected with its place.

Hypothesis mutates a small slice of the shipped dossiers (cells: wrong
types, impossible and far dates, blanks, huge numbers, odd Unicode,
delimiters, quotes; the file: line endings, BOMs, encodings, extra and
missing cells, truncation, stray bytes) and writes it as CSV, xlsx or
Parquet. Each result must be one of:

- accepted, with the clean file's statistics when the mutation is harmless
  (NFD text, a BOM, CRLF or CR line ends, blank lines, UTF-16, spaces
  around cells), and loadable and countable whatever it is;
- rejected with problems that each name the file (and, for a cell, its row).

Never a traceback, never a hang (each example has a 10 s alarm). Seeds are
fixed (``derandomize``) so CI sees the same examples every run; the sizes
(about 1.900 examples: 1.500 raw byte strings through the CSV reader, 410
mutated files through the whole loader) keep the whole fuzz within about
30–40 s on two cores.
"""

from __future__ import annotations

import codecs
import io
import shutil
import signal
import unicodedata
from contextlib import contextmanager

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportbook import resolve
from reportbook.errors import DataError
from reportbook.inputs.loading import Dataset
from reportbook.inputs.tabular import read_path
from reportbook.stats import dossiers
from tests.conftest import ROOT
from tests.inputs.datafiles import write_as

ROWS = 24
WINDOW = resolve(2022, "annual").window
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,  # the alarm below bounds each example; timings vary on shared CI
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
TRICKY = [
    "",
    " ",
    "31/02/2023",
    "2023-13-01",
    "29/02/2023",
    "1/1/1",
    "0000-00-00",
    "99999999999999999999",
    "-1",
    "1e400",
    "NaN",
    "nan",
    "None",
    "null",
    "=1+1",
    "\u202e",
    "\u2066x",
    "中",
    "\x00",
    "\x07",
    "\t",
    '"',
    '""',
    ",",
    ";",
    "\r",
    "\n",
    "\ufeff",
    "01/01/2099",
    "01/01/1900",
    "0",
    "1.5",
    "PVHCC ",
    " truc_tuyen",
    "giai_quyet;rut",
    "Ｐ",
    "e\u0301",
    "\U0001f600",
    "\ud7ff",
    "a" * 5000,
]
CELL = st.one_of(
    st.sampled_from(TRICKY),
    st.text(max_size=12),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.integers().map(str),
    st.floats().map(str),
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """vocabularies, procedures and the first ROWS dossiers of the shipped data."""
    data = tmp_path_factory.mktemp("fuzz") / "data"
    data.mkdir()
    for name in ("vocabularies.yaml", "procedures.csv"):
        shutil.copy(ROOT / "data" / name, data / name)
    lines = (ROOT / "data" / "dossiers.csv").read_text(encoding="utf-8").splitlines(True)
    (data / "dossiers.csv").write_text("".join(lines[: ROWS + 1]), encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def clean(folder):
    """The clean slice: its text (as written) and its statistics."""
    text = (folder / "dossiers.csv").read_text(encoding="utf-8")
    stats = dossiers.statistics(Dataset(folder).table("dossiers"), WINDOW)
    return text, stats


@contextmanager
def alarm(seconds: int = 10):
    def hang(*_):
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outcome(folder):
    """The statistics of the accepted file, or its problems, through the report's loader."""
    with alarm():
        try:
            return dossiers.statistics(Dataset(folder).table("dossiers"), WINDOW)
        except DataError as exc:
            assert exc.problems, str(exc)  # every rejection is a list of located problems
            return exc.problems


def assert_accepted_or_located(result, name, cell_row=None):
    if isinstance(result, pd.DataFrame):
        return
    for problem in result:
        assert str(problem).startswith(name) or problem.file == "dossiers.*", str(problem)
    if cell_row is not None:
        assert any(p.row is not None for p in result), [str(p) for p in result]


def _write_bytes(folder, data: bytes):
    for ext in ("xlsx", "parquet"):
        (folder / f"dossiers.{ext}").unlink(missing_ok=True)
    (folder / "dossiers.csv").write_bytes(data)


TEXT_CHANGES = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "cr": lambda t: t.replace("\n", "\r"),
    "blank-lines": lambda t: t.replace("\n", "\n\n"),
    "spaces": lambda t: t.replace(",", " , "),
}
ENCODINGS = {"utf-8": b"", "utf-8 BOM": codecs.BOM_UTF8, "utf-16": None}


@pytest.mark.slow
@settings(FUZZ, max_examples=40)
@given(
    changes=st.lists(st.sampled_from(sorted(TEXT_CHANGES)), max_size=3, unique=True),
    encoding=st.sampled_from(sorted(ENCODINGS)),
)
def test_harmless_changes_give_the_clean_statistics(folder, clean, changes, encoding):
    text, expected = clean
    for change in changes:
        text = TEXT_CHANGES[change](text)
    bom = ENCODINGS[encoding]
    _write_bytes(folder, text.encode("utf-16") if bom is None else bom + text.encode())
    result = outcome(folder)
    assert isinstance(result, pd.DataFrame), [str(p) for p in result]
    pd.testing.assert_frame_equal(result, expected)


@pytest.mark.slow
@settings(FUZZ, max_examples=120)
@given(
    cells=st.lists(
        st.tuples(st.integers(0, ROWS - 1), st.integers(0, 8), CELL), min_size=1, max_size=4
    ),
    fmt=st.sampled_from(["csv", "csv", "xlsx", "parquet"]),
)
def test_mutated_cells_are_read_or_named_in_every_format(folder, clean, cells, fmt):
    frame = pd.read_csv(io.StringIO(clean[0]), dtype=str, keep_default_na=False)
    for row, column, value in cells:
        frame.iloc[row, column] = value
    try:
        name = write_as(folder, "dossiers", frame, fmt)
    except Exception:  # a value the format itself cannot hold (Excel forbids control characters)
        return
    assert_accepted_or_located(outcome(folder), name, cell_row=True)


def _splice(text: str, at: int, insert: str, cut: int) -> str:
    at = at % (len(text) + 1)
    return text[:at] + insert + text[at + cut :]


@pytest.mark.slow
@settings(FUZZ, max_examples=250)
@given(
    at=st.integers(0, 10**6),
    insert=st.one_of(st.sampled_from([",", ";", '"', "\n", "\r", "\x00", "\ufeff", ",,"]), CELL),
    cut=st.integers(0, 40),
    encoding=st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1258", "latin-1"]),
    truncate=st.none() | st.integers(0, 10**6),
)
def test_mutated_csv_bytes_are_read_or_named(folder, clean, at, insert, cut, encoding, truncate):
    data = _splice(clean[0], at, insert, cut).encode(encoding, errors="replace")
    if truncate is not None:
        data = data[: truncate % (len(data) + 1)]
    _write_bytes(folder, data)
    assert_accepted_or_located(outcome(folder), "dossiers.csv")


@pytest.mark.slow
@settings(FUZZ, max_examples=2000)
@given(data=st.binary(max_size=600) | st.text(max_size=300).map(str.encode))
def test_any_bytes_as_a_csv_read_as_text_cells_or_a_data_error(folder, data):
    path = folder.parent / "any.csv"
    path.write_bytes(data)
    with alarm():
        try:
            raw = read_path(path)
        except DataError as exc:
            assert exc.problems and all(p.file == "any.csv" for p in exc.problems)
            return
    assert all(isinstance(v, str) for v in raw.frame.to_numpy().ravel())
    assert list(raw.frame.index) == sorted(set(raw.frame.index))  # lines, increasing
