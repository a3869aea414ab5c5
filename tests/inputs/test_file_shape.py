"""A data file's shape: lines, delimiters, cell counts, encodings, headers, sheets.

A message must point at the line a text editor shows (blank lines and bare
carriage returns counted), name a wrong delimiter instead of "missing every
column", and give expected and found cell counts instead of a parser's own
text. Harmless variations (CRLF, a BOM, blank lines, UTF-16) read like the
clean file. tests/faults.py counts each bad file.
"""

from __future__ import annotations

import shutil

import openpyxl
import pandas as pd
import pytest

from reportbook.inputs.loading import Dataset
from tests.conftest import ROOT
from tests.faults import bad_input
from tests.inputs.datafiles import text_frame, write_as

CLEAN_LINES = 301  # header + the 300 dossiers of the small data


@pytest.fixture
def data(small_data, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(small_data, folder)
    return folder


def _lines(data):
    return (data / "dossiers.csv").read_text(encoding="utf-8").splitlines()


def _write_lines(data, lines, sep="\n", encoding="utf-8", prefix=b""):
    body = sep.join(lines) + sep
    (data / "dossiers.csv").write_bytes(prefix + body.encode(encoding))


def _break_date(line):
    cells = line.split(",")
    cells[5] = "31/02/2023"
    return ",".join(cells)


@pytest.mark.parametrize(
    "sep,blank,expected_row",
    [
        ("\n", [], 11),
        ("\r\n", [], 11),
        ("\r", [], 11),  # old Mac line ends: an editor shows one line per record
        ("\n", [3, 4], 13),  # two blank lines above the record: it is on line 13
        ("\r\n", [5], 12),
    ],
    ids=["lf", "crlf", "bare-cr", "blank-lines", "crlf-blank-line"],
)
def test_a_problem_is_reported_on_the_line_an_editor_shows(data, sep, blank, expected_row):
    lines = _lines(data)
    lines[10] = _break_date(lines[10])  # line 11 of the clean file
    for index in blank:
        lines.insert(index - 1, "")
    _write_lines(data, lines, sep)
    problems = Dataset(data).problems()
    shown = (data / "dossiers.csv").read_bytes().decode().replace("\r\n", "\n").replace("\r", "\n")
    on_line = shown.split("\n")[expected_row - 1]
    clear = [p.row for p in problems] == [expected_row] and "31/02/2023" in on_line
    bad_input(clear)
    assert clear, ([str(p) for p in problems], on_line)


@pytest.mark.parametrize(
    "change",
    ["crlf", "bom", "blank-lines", "utf16", "trailing-comma", "bare-cr"],
)
def test_harmless_file_variations_read_like_the_clean_file(data, change):
    expected = Dataset(data).table("dossiers")
    lines = _lines(data)
    if change == "crlf":
        _write_lines(data, lines, "\r\n")
    elif change == "bom":
        _write_lines(data, lines, prefix=b"\xef\xbb\xbf")
    elif change == "blank-lines":
        _write_lines(data, [lines[0], "", *lines[1:50], "", "", *lines[50:], ""])
    elif change == "utf16":
        _write_lines(data, lines, encoding="utf-16")
    elif change == "trailing-comma":
        _write_lines(data, [line + "," for line in lines])
    else:
        _write_lines(data, lines, "\r")
    assert Dataset(data).problems() == []
    pd.testing.assert_frame_equal(Dataset(data).table("dossiers"), expected)


def _problems_of(data, lines, **kwargs):
    _write_lines(data, lines, **kwargs)
    return [p for p in Dataset(data).problems() if p.file == "dossiers.csv"]


SHAPE_CASES = [
    # (name, edit of the lines, expected row, words of the message)
    ("semicolons", lambda ls: [line.replace(",", ";") for line in ls], 1, "separated by ';'"),
    ("tabs", lambda ls: [line.replace(",", "\t") for line in ls], 1, "separated by a tab"),
    ("extra-cell", lambda ls: [*ls[:6], ls[6] + ",x,y", *ls[7:]], 7, "has 11 cell(s)"),
    ("missing-cell", lambda ls: [*ls[:8], ls[8].rsplit(",", 2)[0], *ls[9:]], 9, "has 7 cell(s)"),
    ("unclosed-quote", lambda ls: [*ls[:4], ls[4].replace(",", ',"', 1), *ls[5:]], 5, "quote"),
    ("repeated-column", lambda ls: [ls[0] + ",unit", *(x + ",A" for x in ls[1:])], 1, "'unit'"),
    ("empty-file", lambda ls: [], None, "the file is empty"),
    ("header-only-blank", lambda ls: ["", ""], None, "the file is empty"),
    ("renamed-header", lambda ls: [ls[0].replace("due_on", "hạn"), *ls[1:]], 1, "due_on"),
]


@pytest.mark.parametrize(
    "edit,row,words", [c[1:] for c in SHAPE_CASES], ids=[c[0] for c in SHAPE_CASES]
)
def test_a_badly_shaped_csv_is_one_message_naming_the_line(data, edit, row, words):
    problems = _problems_of(data, edit(_lines(data)))
    clear = len(problems) == 1 and problems[0].row == row and words in str(problems[0])
    bad_input(clear and row is not None)  # an empty file has no row to name
    assert clear, [str(p) for p in problems]
    assert "Error tokenizing" not in str(problems[0])  # never the parser's own text


def test_an_extra_cell_message_gives_expected_and_found_counts(data):
    lines = _lines(data)
    lines[6] += ",x"
    problems = _problems_of(data, lines)
    assert [str(p) for p in problems] == [
        "dossiers.csv, row 7: has 10 cell(s), the header (row 1) has 9; "
        "put a value that contains a comma in double quotes"
    ]


@pytest.mark.parametrize(
    "encoding,words",
    [("cp1258", "byte 0xE0"), ("latin-1", "byte 0xE0")],
)
def test_a_csv_that_is_not_utf8_names_the_line_and_the_fix(data, encoding, words):
    lines = _lines(data)
    legacy = lines[20].replace("Việc làm", "làm")  # 'à' is one byte in the old code pages
    assert legacy != lines[20]
    head, tail = "\n".join(lines[:20]) + "\n", "\n".join(lines[21:]) + "\n"
    body = head.encode() + (legacy + "\n").encode(encoding) + tail.encode()
    (data / "dossiers.csv").write_bytes(body)
    problems = [p for p in Dataset(data).problems() if p.file == "dossiers.csv"]
    clear = len(problems) == 1 and problems[0].row == 21 and "CSV UTF-8" in problems[0].rule
    bad_input(clear)
    assert clear and words in problems[0].rule, [str(p) for p in problems]


def test_utf16_without_its_bom_is_named(data):
    text = (data / "dossiers.csv").read_text(encoding="utf-8")
    (data / "dossiers.csv").write_bytes(text.encode("utf-16-le"))
    problems = [str(p) for p in Dataset(data).problems() if p.file == "dossiers.csv"]
    expected = "dossiers.csv, row 1: looks like UTF-16 without a BOM; save the file as 'CSV UTF-8'"
    bad_input(problems == [expected])
    assert problems == [expected]


def _sheet(data, table="staff"):
    frame = text_frame(ROOT / "data", table)
    write_as(data, table, frame, "xlsx")
    return openpyxl.load_workbook(data / f"{table}.xlsx")


def test_a_value_outside_the_named_columns_of_a_sheet_is_named(data):
    book = _sheet(data)
    book.active.cell(row=9, column=8, value="ghi chú")  # column H; the header ends at E
    book.save(data / "staff.xlsx")
    problems = Dataset(data).problems()
    clear = [(p.file, p.sheet, p.row, p.column) for p in problems] == [
        ("staff.xlsx", "Xuất dữ liệu", 9, "H")
    ]
    bad_input(clear)
    assert clear, [str(p) for p in problems]


def test_a_number_too_large_typed_into_excel_is_named(data):
    book = _sheet(data, "procedures")
    book.active.cell(row=5, column=6, value=1e20)  # processing_days as an Excel number
    book.save(data / "procedures.xlsx")
    problems = Dataset(data).problems()
    found = [p for p in problems if p.row == 5 and p.column == "processing_days"]
    bad_input(bool(found) and "too large" in found[0].rule)
    assert found and "too large to store" in str(found[0]), [str(p) for p in problems]


def test_an_empty_sheet_and_a_repeated_header_are_named(data):
    book = _sheet(data)
    book.active.delete_rows(1, book.active.max_row)
    book.save(data / "staff.xlsx")
    empty = [str(p) for p in Dataset(data).problems()]
    book = _sheet(data)
    book.active.cell(row=1, column=6, value="unit")
    book.save(data / "staff.xlsx")
    repeated = [str(p) for p in Dataset(data).problems()]
    expected_repeated = [
        "staff.xlsx, sheet 'Xuất dữ liệu', row 1: column(s) 'unit' appear more than once"
    ]
    bad_input(False)  # the empty sheet is named, but has no row to point at
    bad_input(repeated == expected_repeated)
    assert empty == [
        "staff.xlsx, sheet 'Xuất dữ liệu': the sheet is empty: row 1 must name the columns"
    ]
    assert repeated == expected_repeated
