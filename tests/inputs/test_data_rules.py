"""Rules over cell contents: vocabularies present, printable characters, plausible values.

One deleted vocabulary is one message (not one per cell); a character the
report font lacks or a bidirectional control is named with its cell before
any section runs; a due date in 2099 or a negative processing time is a
warning that names its cell and does not stop the build.
"""

from __future__ import annotations

import shutil

import pytest
import yaml

from reportbook.inputs import plausible
from reportbook.inputs.loading import Dataset
from tests.conftest import ROOT
from tests.faults import bad_input
from tests.inputs.datafiles import text_frame, write_as


@pytest.fixture(scope="module")
def full_data(tmp_path_factory):
    """A copy of the shipped data, all 40.873 dossiers (the flood needs them all)."""
    folder = tmp_path_factory.mktemp("full") / "data"
    shutil.copytree(ROOT / "data", folder)
    return folder


@pytest.fixture
def data(small_data, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(small_data, folder)
    return folder


def _vocabularies(data, edit):
    path = data / "vocabularies.yaml"
    vocab = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(vocab)
    path.write_text(yaml.safe_dump(vocab, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    "edit,name,users",
    [
        (lambda v: v.pop("units"), "units", ["dossiers column 'unit'"]),
        (
            lambda v: v.update(fields={}),
            "fields",
            ["procedures column 'field'", "dossiers column 'field'"],
        ),
        (lambda v: v.update(channels=None), "channels", ["dossiers column 'channel'"]),
    ],
    ids=["removed", "emptied", "null"],
)
def test_a_missing_vocabulary_is_one_message_not_one_per_cell(tmp_path, edit, name, users):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    _vocabularies(data, edit)
    problems = Dataset(data).problems()
    clear = len(problems) == 1 and problems[0].file == "vocabularies.yaml"
    bad_input(clear)
    assert clear, [str(p) for p in problems[:3]] + [f"... {len(problems)} in all"]
    assert f"vocabulary {name!r}" in problems[0].rule
    assert all(user in problems[0].rule for user in users)


def test_the_character_message_names_the_character_and_the_font(data):
    frame = text_frame(data, "staff")
    frame.loc[3, "full_name"] = "Nguyễn 中"
    write_as(data, "staff", frame, "csv")
    assert [str(p) for p in Dataset(data).problems()] == [
        "staff.csv, row 5, column 'full_name': 'Nguyễn 中' contains U+4E2D CJK UNIFIED "
        "IDEOGRAPH-4E2D, which the report font Liberation Serif cannot draw; replace or delete it"
    ]


def test_a_bidi_control_is_rejected_and_shown_escaped(data):
    frame = text_frame(data, "documents")
    frame.loc[4, "subject"] = "về kế hoạch \u202enăm 2023"
    write_as(data, "documents", frame, "csv")
    message = [str(p) for p in Dataset(data).problems()]
    assert message == [
        "documents.csv, row 6, column 'subject': 'về kế hoạch \\u202enăm 2023' contains "
        "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control that makes the PDF print "
        "the text reversed; delete it"
    ]


def test_every_bidi_control_of_the_unicode_ranges_is_caught(data):
    frame = text_frame(data, "staff")
    controls = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]
    for index, char in enumerate(controls):
        frame.loc[index, "full_name"] = f"Tên{char}x"
    write_as(data, "staff", frame, "csv")
    rows = [p.row for p in Dataset(data).problems() if "bidirectional" in p.rule]
    assert rows == [index + 2 for index in range(len(controls))]


def test_the_shipped_data_has_no_warning_for_any_shipped_year():
    dataset = Dataset(ROOT / "data")
    for year in (2022, 2023, 2024):
        assert dataset.warnings(year) == [], year


WARNING_CASES = [
    ("dossiers", 5, "due_on", "01/01/2099", "outside the plausible dates 01/01/2013–31/12/2026"),
    ("dossiers", 8, "received_on", "01/01/1900", "outside the plausible dates"),
    ("dossiers", 9, "resolved_on", "2031-05-01", "outside the plausible dates"),
    ("training", 2, "date", "10/03/2003", "outside the plausible dates"),
    ("documents", 3, "issued_on", "01/01/1901", "outside the plausible dates 01/01/1973"),
    ("procedures", 3, "processing_days", "-3", "is below 0"),
    ("procedures", 4, "processing_days", "400", "is more than 365"),
]


@pytest.mark.parametrize(
    "table,row,column,value,rule", WARNING_CASES, ids=[f"{c[0]}-{c[3]}" for c in WARNING_CASES]
)
def test_an_implausible_value_is_a_warning_naming_its_cell(data, table, row, column, value, rule):
    frame = text_frame(data, table)
    frame.loc[row, column] = value
    if column == "received_on":
        frame.loc[row, "due_on"] = frame.loc[row, "resolved_on"] = ""
        frame.loc[row, "outcome"] = ""
        frame.loc[row, "due_on"] = "02/01/1900"
    write_as(data, table, frame, "csv")
    dataset = Dataset(data)
    errors, warnings = dataset.problems(), dataset.warnings(2023)
    found = [w for w in warnings if (w.row, w.column) == (row + 2, column) and rule in str(w)]
    clear = errors == [] and len(found) == 1 and found[0].severity == "warning"
    bad_input(clear)
    assert clear, ([str(p) for p in errors], [str(w) for w in warnings])
    assert f"{table}.csv, row {row + 2}, column {column!r}: {value!r}" in str(found[0])


def test_the_plausible_span_follows_the_report_year():
    first, last = plausible.date_span("dossiers", 2024)
    assert (first.isoformat(), last.isoformat()) == ("2014-01-01", "2027-12-31")
    first, _ = plausible.date_span("documents", 2024)
    assert first.year == 2024 - plausible.REGISTER_YEARS_BEFORE
