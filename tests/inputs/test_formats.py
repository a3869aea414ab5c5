"""Every format meets every rule: a bad cell is named the same in CSV, xlsx and Parquet.

Parquet used to be read typed and skip the row, id, cross-file and date rules
(a bad date silently changed the Biểu 06 figures). Now each case below breaks
one cell of a copy of the shipped data, writes the table in one format and
expects one problem naming the file, the row as the user counts it (the CSV
line, the Excel row, the Parquet record) and the column. tests/faults.py
counts them.
"""

from __future__ import annotations

import shutil

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from reportbook import resolve
from reportbook.errors import DataError
from reportbook.inputs.loading import Dataset
from reportbook.stats import dossiers, fastio
from tests.faults import bad_input
from tests.inputs.datafiles import FORMATS, row_word, text_frame, user_row, write_as
from tests.inputs.test_validation import DATA_CASES, _mutate

# (table, data row 0-based, column, new value, words of the rule, formats)
CELL_CASES = [
    ("procedures", 3, "processing_days", "99999999999999999999", "is too large to store", FORMATS),
    ("contacts", 2, "contact_id", "1e400", "is not a whole number", FORMATS),
    ("dossiers", 14, "dossier_id", "HS\u202e1", "bidirectional control", FORMATS),
    ("documents", 4, "subject", "về \u2067kế hoạch\u2069", "bidirectional control", FORMATS),
    ("staff", 3, "full_name", "Nguyễn 中", "cannot draw", FORMATS),
    ("training", 3, "course", "Lớp \U0001f600", "cannot draw", FORMATS),
    ("tasks", 3, "action", "đã\x07làm", "cannot draw", ("csv", "parquet")),  # xlsx forbids it
    ("dossiers", 16, "received_on", "2023-02-29", "is not a date", FORMATS),
    ("dossiers", 17, "due_on", "15/12/23", "is not a date", FORMATS),
    ("contacts", 3, "valid_to", "00/00/0000", "is not a date", FORMATS),
    ("dossiers", 18, "unit", "pvhcc", "vocabulary 'units'", FORMATS),
    ("dossiers", 19, "outcome", "giai_quyet;tra_lai", "vocabulary 'outcomes'", FORMATS),
    ("procedures", 5, "procedure_code", "=4", "is a duplicate id", FORMATS),
    ("training", 4, "record_id", "", "is empty but required", FORMATS),
    ("dossiers", 20, "channel", "truc tuyen", "vocabulary 'channels'", FORMATS),
    ("tasks", 4, "response_doc_id", "vb0001", "is not a doc_id in documents", FORMATS),
    ("procedures", 6, "field", "Viec lam", "vocabulary 'fields'", FORMATS),
]
CASES = [
    *[(*case, "parquet") for case in DATA_CASES],  # CSV and xlsx: tests/inputs/test_validation.py
    *[(*case[:5], fmt) for case in CELL_CASES for fmt in case[5]],
]


@pytest.fixture
def data(small_data, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(small_data, folder)
    return folder


def _expect_named(problems, name, fmt, row, column, rule):
    """The problem at (row, column) with ``rule``, its text naming file, place and column."""
    found = [p for p in problems if p.row == user_row(fmt, row) and p.column == column]
    found = [p for p in found if rule in p.rule]
    text = str(found[0]) if found else ""
    clear = f"{name}" in text and f"{row_word(fmt)} {user_row(fmt, row)}" in text
    clear = clear and repr(column) in text
    bad_input(clear)
    assert found, [str(p) for p in problems]
    assert clear, text


@pytest.mark.parametrize(
    "table,row,column,value,rule,fmt",
    CASES,
    ids=[f"{c[5]}-{c[0]}-{c[2]}-{c[4][:18]}" for c in CASES],
)
def test_a_bad_cell_is_named_in_every_format(data, table, row, column, value, rule, fmt):
    name = write_as(data, table, _mutate(text_frame(data, table), row, column, value), fmt)
    _expect_named(Dataset(data).problems(), name, fmt, row, column, rule)


@pytest.mark.parametrize(
    "formats",
    [("csv", "parquet"), ("xlsx", "parquet"), ("csv", "xlsx", "parquet")],
    ids="+".join,
)
def test_two_formats_of_one_table_is_an_error(data, formats):
    frame = text_frame(data, "training")
    write_as(data, "training", frame, formats[0])
    for fmt in formats[1:]:
        _write_format(data, frame, fmt)
    names = [f"training.{fmt}" for fmt in formats]
    problems = Dataset(data).problems()
    clear = len(problems) == 1 and all(n in problems[0].rule for n in names)
    bad_input(False)  # clear, but about files: no row or column to name
    assert clear, [str(p) for p in problems]
    assert "keep one of them" in problems[0].rule


def _write_format(data, frame, fmt):
    """Write one more format of a table without removing the others."""
    path = data / f"training.{fmt}"
    if fmt == "csv":
        frame.to_csv(path, index=False)
    elif fmt == "xlsx":
        frame.to_excel(path, index=False)
    else:
        pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_data_in_any_format_gives_the_same_typed_table(data, fmt):
    expected = Dataset(data).table("dossiers")
    write_as(data, "dossiers", text_frame(data, "dossiers"), fmt)
    result = Dataset(data).table("dossiers")
    pd.testing.assert_frame_equal(result, expected)


def _typed_parquet(data):
    """dossiers.parquet with real date columns, as a province system writes it."""
    frame = Dataset(data).table("dossiers")
    for column in ("received_on", "due_on", "resolved_on"):
        frame[column] = frame[column].dt.date
    (data / "dossiers.csv").unlink()
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), data / "dossiers.parquet")
    return frame


def test_typed_parquet_columns_pass_the_same_rules_with_the_same_figures(data):
    window = resolve(2023, "annual").window
    expected = dossiers.statistics(Dataset(data).table("dossiers"), window)
    _typed_parquet(data)
    assert Dataset(data).problems() == []
    result = dossiers.statistics(Dataset(data).table("dossiers"), window)
    pd.testing.assert_frame_equal(result, expected)
    fast = fastio.window_statistics(data / "dossiers.parquet", window)
    pd.testing.assert_frame_equal(fast, expected, check_dtype=False, check_names=False)


def test_a_bad_parquet_date_stops_the_loader_and_fastio_with_the_same_message(data):
    frame = text_frame(data, "dossiers")
    frame.loc[41, "received_on"] = "2O/01/2023"  # a letter O typed for a zero
    write_as(data, "dossiers", frame, "parquet")
    listed = [str(p) for p in Dataset(data).problems()]
    with pytest.raises(DataError) as loader:
        Dataset(data).table("dossiers")
    with pytest.raises(DataError) as fast:
        fastio.window_statistics(data / "dossiers.parquet", resolve(2023, "annual").window)
    expected = "dossiers.parquet, record 42, column 'received_on': '2O/01/2023' is not a date"
    assert [str(p) for p in loader.value.problems] == [str(p) for p in fast.value.problems]
    assert [p for p in listed if expected in p] and expected in str(fast.value)


def test_fastio_runs_the_cross_file_rules_too(data):
    frame = text_frame(data, "dossiers")
    frame.loc[3, "procedure_code"] = "LDTBXH-XX-99"
    write_as(data, "dossiers", frame, "parquet")
    with pytest.raises(DataError, match=r"record 4, column 'procedure_code'.*procedures\.csv"):
        fastio.read_dossiers(data / "dossiers.parquet")


@pytest.mark.parametrize(
    "column,values,rule",
    [
        ("received_on", pa.array([pd.Timestamp("2023-01-05 10:30")] * 300), "is not a date"),
        ("due_on", pa.array([None] * 300, pa.date32()), "is empty but required"),
        ("channel", pa.array([[1]] * 300), "holds list<element: int64> values"),
        ("unit", pa.array([b"\xff\xfe"] * 300), "is not UTF-8 text"),
    ],
    ids=["timestamp-with-time", "null-dates", "list", "bad-utf8"],
)
def test_a_typed_parquet_column_that_breaks_a_rule_is_named(data, column, values, rule):
    _typed_parquet(data)
    table = pq.read_table(data / "dossiers.parquet")
    index = table.column_names.index(column)
    pq.write_table(table.set_column(index, column, values), data / "dossiers.parquet")
    problems = Dataset(data).problems()
    found = [p for p in problems if p.column == column and rule in str(p)]
    bad_input(bool(found) and "dossiers.parquet" in str(found[0]) and found[0].row is not None)
    assert found, [str(p) for p in problems[:5]]


def test_a_file_that_is_not_parquet_is_named(data):
    (data / "staff.csv").unlink()
    (data / "staff.parquet").write_bytes(b"PAR1 not really")
    problems = Dataset(data).problems()
    found = [p for p in problems if str(p).startswith("staff.parquet: cannot be read as Parquet")]
    bad_input(False)  # named, but a file that is not Parquet has no row to point at
    assert found, [str(p) for p in problems]
