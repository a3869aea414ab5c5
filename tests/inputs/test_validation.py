"""Fault injection, inputs: every bad data or params value is named with its place.

Each case breaks one cell of a copy of the shipped data (as CSV and as an
Excel export) or one key of the params, runs the checks that ``build`` runs
before any section, and expects a problem naming the file, the row as the
user sees it, the column and the rule. tests/faults.py counts them.
"""

from __future__ import annotations

import shutil
import unicodedata

import nbformat
import pandas as pd
import pytest

from reportbook.inputs import preflight
from reportbook.inputs.loading import Dataset
from reportbook.inputs.tabular import read_table
from reportbook.paths import Project
from reportbook.periods import resolve
from reportbook.sections import discover
from tests.conftest import ROOT
from tests.faults import bad_input

# (table, data row 0-based, column, new value, words of the expected rule)
DATA_CASES = [
    ("dossiers", 0, "received_on", "31/02/2023", "is not a date"),
    ("dossiers", 1, "due_on", "2023-13-01", "is not a date"),
    ("dossiers", 2, "resolved_on", "yesterday", "is not a date"),
    ("dossiers", 3, "channel", "fax", "vocabulary 'channels'"),
    ("dossiers", 4, "unit", "XX", "vocabulary 'units'"),
    ("dossiers", 5, "outcome", "done", "vocabulary 'outcomes'"),
    ("dossiers", 6, "dossier_id", "=0", "is a duplicate id"),
    ("dossiers", 7, "resolved_on", "01/01/2000", "is before received_on"),
    ("dossiers", 8, "due_on", "01/01/2000", "is before received_on"),
    ("dossiers", 9, "outcome", "", "must be given exactly when resolved_on is"),
    ("dossiers", 10, "procedure_code", "LDTBXH-XX-99", "is not a procedure_code in procedures"),
    ("dossiers", 11, "field", "Trẻ em", "differs from the field of procedure"),
    ("dossiers", 12, "channel", "", "is empty but required"),
    ("dossiers", 13, "received_on", "'; DROP TABLE dossiers; --", "is not a date"),
    ("documents", 0, "number_symbol", "72 KH", "is not a document number"),
    ("documents", 1, "doc_type", "Thư", "vocabulary 'doc_types'"),
    ("documents", 2, "issued_on", "2023/01/01", "is not a date"),
    ("documents", 3, "cchc_areas", "chi_dao;bogus", "vocabulary 'cchc_areas'"),
    ("documents", 6, "issuer", "NOBODY", "vocabulary 'issuers'"),
    ("documents", 8, "number_symbol", "=7+issued_on", "is used twice in"),
    ("documents", 9, "doc_id", "", "is empty but required"),
    ("documents", 10, "approves", "VB9997", "is not a doc_id in documents"),
    ("tasks", 0, "assigned_doc_id", "VB9999", "is not a doc_id in documents"),
    ("tasks", 1, "response_doc_id", "VB9998", "is not a doc_id in documents"),
    ("tasks", 2, "task_id", "", "is empty but required"),
    ("training", 0, "staff_id", "CB999", "is not a staff_id in staff"),
    ("training", 1, "kind", "di_choi", "vocabulary 'training_kinds'"),
    ("training", 2, "date", "15.03.2023", "is not a date"),
    ("staff", 0, "staff_type", "hop_dong", "vocabulary 'staff_types'"),
    ("staff", 2, "staff_id", "=1", "is a duplicate id"),
    ("procedures", 0, "processing_days", "5,5", "is not a whole number"),
    ("procedures", 1, "legacy_level", "5", "vocabulary 'legacy_levels'"),
    ("procedures", 2, "in_force_to", "01/01/2000", "is before in_force_from"),
    ("contacts", 0, "contact_id", "một", "is not a whole number"),
    ("contacts", 1, "valid_from", "", "is empty but required"),
]


def _text_frame(data, table):
    return pd.read_csv(data / f"{table}.csv", dtype=str, keep_default_na=False)


def _mutate(frame, row, column, value):
    """Apply a case; '=N' copies row N's value, '=N+col' also copies row N's ``col``."""
    if value.startswith("="):
        source, *also = value[1:].split("+")
        source = int(source)
        for name in [column, *also]:
            frame.loc[row, name] = frame.loc[source, name]
    else:
        frame.loc[row, column] = value
    if column == "field" and frame.loc[row, column] == frame.loc[row - 1, column]:
        frame.loc[row, column] = "Người có công"
    return frame


def write_table(data, table, frame, fmt, sheet="Xuất dữ liệu"):
    """Write ``frame`` as data/<table>.csv or .xlsx (all cells as text), replacing the other."""
    for ext in ("csv", "xlsx"):
        (data / f"{table}.{ext}").unlink(missing_ok=True)
    if fmt == "csv":
        frame.to_csv(data / f"{table}.csv", index=False)
    else:
        frame.to_excel(data / f"{table}.xlsx", index=False, sheet_name=sheet)


@pytest.fixture
def data(small_data, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(small_data, folder)
    return folder


def test_the_shipped_data_is_valid(small_data):
    assert Dataset(small_data).problems() == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize(
    "table,row,column,value,rule",
    DATA_CASES,
    ids=[f"{c[0]}-{c[2]}-{c[4][:20]}" for c in DATA_CASES],
)
def test_a_bad_cell_is_named_by_file_row_column_value_and_rule(
    data, fmt, table, row, column, value, rule
):
    frame = _mutate(_text_frame(data, table), row, column, value)
    write_table(data, table, frame, fmt)
    problems = Dataset(data).problems()
    user_row = row + 2  # the header is row 1, in the CSV and on the sheet
    found = [p for p in problems if p.row == user_row and p.column == column and rule in p.rule]
    clear = (
        bool(found)
        and found[0].file == f"{table}.{fmt}"
        and (fmt == "csv" or found[0].sheet == "Xuất dữ liệu")
    )
    bad_input(clear)
    assert found, problems
    assert clear
    text = str(found[0])
    assert f"{table}.{fmt}" in text and f"row {user_row}" in text and repr(column) in text


def test_a_document_cannot_approve_itself(data):
    frame = _text_frame(data, "documents")
    frame.loc[4, "approves"] = frame.loc[4, "doc_id"]
    write_table(data, "documents", frame, "csv")
    found = [p for p in Dataset(data).problems() if p.column == "approves"]
    assert [(p.row, p.rule) for p in found] == [(6, "is the document itself")]


def test_a_register_without_the_columns_added_later_is_still_valid(data):
    """approves, opening and follow_up came after the first registers: blank when absent."""
    docs = _text_frame(data, "documents").drop(columns=["approves"])
    tasks = _text_frame(data, "tasks").drop(columns=["opening", "follow_up"])
    write_table(data, "documents", docs, "csv")
    write_table(data, "tasks", tasks, "xlsx")
    dataset = Dataset(data)
    assert dataset.problems() == []
    assert set(dataset.table("documents")["approves"]) == {""}
    assert set(dataset.table("tasks")["follow_up"]) == {""}


def test_every_problem_of_every_file_is_reported_in_one_run(data):
    write_table(
        data, "dossiers", _mutate(_text_frame(data, "dossiers"), 0, "channel", "fax"), "csv"
    )
    write_table(data, "staff", _mutate(_text_frame(data, "staff"), 0, "staff_type", "x"), "xlsx")
    write_table(
        data, "tasks", _mutate(_text_frame(data, "tasks"), 0, "assigned_doc_id", "VB9999"), "csv"
    )
    result = sorted(p.file for p in Dataset(data).problems())
    assert result == ["dossiers.csv", "staff.xlsx", "tasks.csv"]


def test_both_csv_and_xlsx_for_one_file_is_an_error(data):
    write_table(data, "staff", _text_frame(data, "staff"), "xlsx")
    shutil.copy(ROOT / "data" / "staff.csv", data / "staff.csv")
    problems = Dataset(data).problems()
    bad_input(False)
    assert len(problems) == 1 and "both staff.csv and staff.xlsx exist" in problems[0].rule


def test_an_unreadable_workbook_is_named_without_a_traceback(data):
    (data / "staff.csv").unlink()
    (data / "staff.xlsx").write_bytes(b"not a zip file")
    problems = Dataset(data).problems()
    bad_input(False)
    assert any("staff.xlsx: cannot be read as an Excel workbook" in str(p) for p in problems)


def test_excel_rows_are_numbered_as_excel_shows_them(data):
    import openpyxl

    frame = _text_frame(data, "staff")
    write_table(data, "staff", frame, "xlsx", sheet="Cán bộ")
    book = openpyxl.load_workbook(data / "staff.xlsx")
    sheet = book["Cán bộ"]
    sheet.insert_rows(3, amount=2)  # two blank rows: the third record is now on row 6
    sheet.cell(row=6, column=3, value="hop_dong")
    book.save(data / "staff.xlsx")
    problems = Dataset(data).problems()
    bad_input(bool(problems) and problems[0].row == 6)
    assert [(p.file, p.sheet, p.row, p.column) for p in problems] == [
        ("staff.xlsx", "Cán bộ", 6, "staff_type")
    ]


def test_excel_dates_and_numbers_read_like_the_csv(data):
    import datetime as dt

    import openpyxl

    frame = _text_frame(data, "training")
    write_table(data, "training", frame, "xlsx")
    book = openpyxl.load_workbook(data / "training.xlsx")
    sheet = book.active
    day, month, year = frame.loc[0, "date"].split("/")
    sheet.cell(row=2, column=5, value=dt.datetime(int(year), int(month), int(day)))
    book.save(data / "training.xlsx")
    result = Dataset(data).table("training")
    expected = Dataset(ROOT / "data").table("training")
    pd.testing.assert_frame_equal(result, expected)


def test_decomposed_vietnamese_in_excel_matches_the_vocabulary(data):
    frame = _text_frame(data, "dossiers")
    frame["field"] = frame["field"].map(lambda v: unicodedata.normalize("NFD", v))
    write_table(data, "dossiers", frame, "xlsx")
    assert Dataset(data).problems() == []
    assert read_table(data, "dossiers").frame["field"].iloc[0] == unicodedata.normalize(
        "NFC", frame["field"].iloc[0]
    )


# -- params and notebooks ------------------------------------------------------


@pytest.fixture
def project(tmp_path, small_data):
    for name in ("params", "notebooks"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copytree(small_data, tmp_path / "data")
    return Project(tmp_path)


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


ANNUAL = "params/2023/annual.yaml"
COMMON = "params/common.yaml"
# (file, old text, new text, file named, key named, words of the message)
PARAMS_CASES = [
    (ANNUAL, "report:\n", "reprot: 1\nreport:\n", ANNUAL, "reprot", "Extra inputs"),
    (
        COMMON,
        "recipients:\n",
        "recipients: Nơi nhận\nrecipients_list:\n",
        COMMON,
        "recipients",
        "valid list",
    ),
    (ANNUAL, "  date: null", "  date: 31/02/2023", ANNUAL, "report.date", "day is out of range"),
    (COMMON, "  tthc_total:", "  tthc_total_old:", COMMON, "texts.tthc_total", "is missing"),
    (
        ANNUAL,
        "  difficulties:\n",
        "  difficulties: một dòng\n  difficulties_old:\n",
        ANNUAL,
        "lists.difficulties",
        "valid list",
    ),
    (
        COMMON,
        "  chi_dao_outro: |\n",
        "  chi_dao_outro: |\n    {% if %}\n",
        COMMON,
        "texts.chi_dao_outro",
        "not a valid template",
    ),
    (
        COMMON,
        "  results_heading: 1.",
        "  results_heading: 5\n  results_heading_old: 1.",
        COMMON,
        "texts.results_heading",
        "valid string",
    ),
    (
        ANNUAL,
        "units:\n  PVHCC:\n",
        "units:\n  PVHCC:\n    colour: red\n",
        ANNUAL,
        "units.PVHCC.colour",
        "Extra inputs",
    ),
    (COMMON, "signer:\n", "signer:\n  rank: 1\n", COMMON, "signer.rank", "Extra inputs"),
    (
        COMMON,
        "organisation:\n",
        "organisation:\n  founded: [1, 2]\n",
        COMMON,
        "organisation.founded",
        "Extra inputs",
    ),
]


@pytest.mark.parametrize(
    "file,old,new,named,key,words", PARAMS_CASES, ids=[c[4] + "-" + c[5][:12] for c in PARAMS_CASES]
)
def test_a_bad_params_value_is_named_by_file_line_and_key(
    project, file, old, new, named, key, words
):
    _edit(project.root / file, old, new)
    problems = preflight.problems(project, resolve(2023, "annual"), discover(project.notebooks))
    found = [p for p in problems if p.file == named and p.column == key and words in str(p)]
    bad_input(bool(found) and found[0].row is not None)
    assert found, [str(p) for p in problems]
    assert found[0].row is not None and f"line {found[0].row}" in str(found[0])


def test_a_template_syntax_error_points_at_the_line_of_the_params_file(project):
    path = project.root / COMMON
    _edit(path, "  chi_dao_outro: |\n", "  chi_dao_outro: |\n    Dòng một.\n    {% if %}\n")
    problems = preflight.params_problems(
        project, resolve(2023, "annual"), discover(project.notebooks)
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    bad_input(len(problems) == 1)
    assert len(problems) == 1
    assert lines[problems[0].row - 1].strip() == "{% if %}"


def test_params_that_are_not_yaml_are_named_with_their_line(project):
    (project.root / ANNUAL).write_text("report:\n  number: [1,\n", encoding="utf-8")
    problems = preflight.problems(project, resolve(2023, "annual"), discover(project.notebooks))
    bad_input(False)
    assert (
        len(problems) == 1 and "not valid YAML" in problems[0].rule and "line" in problems[0].rule
    )


def _notebook_parameters(project, source=None, tags=("parameters",)):
    path = project.notebooks / "05-to-chuc-bo-may.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    if source is not None:
        cell.source = source
    cell.metadata["tags"] = list(tags)
    nbformat.write(nb, path)


@pytest.mark.parametrize(
    "source,tags,words",
    [
        (
            'year = 2023\nperiod = "annual"\nunit = "PVHCC"',
            ("parameters",),
            "'unit' is not a run parameter",
        ),
        ("year = 2023", ("parameters",), "does not declare 'period'"),
        (None, (), "has no cell tagged 'parameters'"),
    ],
    ids=["extra", "missing", "untagged"],
)
def test_a_notebook_must_declare_exactly_year_and_period(project, source, tags, words):
    _notebook_parameters(project, source, tags)
    problems = preflight.problems(project, resolve(2023, "annual"), discover(project.notebooks))
    found = [
        p for p in problems if p.file == "notebooks/05-to-chuc-bo-may.ipynb" and words in str(p)
    ]
    bad_input(bool(found) and found[0].row is not None)
    assert found, [str(p) for p in problems]


def test_the_shipped_project_passes_every_check(project):
    assert preflight.problems(project, resolve(2023, "annual"), discover(project.notebooks)) == []
