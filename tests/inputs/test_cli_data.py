"""Issue 9's examples through the command line: one clear message, exit 2, no traceback.

Each example is applied to a private copy of the project and run through
``reportbook check`` and ``reportbook build`` as a user would; both must stop
before any section runs with the message naming file, row and column. The
implausible values are warnings: exit 0, listed by ``check`` and by ``build``,
and shown on the reviewer's checks page.
"""

from __future__ import annotations

import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from tests.conftest import copy_project, run_cli
from tests.inputs.datafiles import text_frame


def _cli(root, *args):
    return run_cli(root, *args, "--year", "2023", "--period", "annual", timeout=600)


@pytest.fixture
def check(monkeypatch, capsys):
    """``reportbook check`` in this process (as the console script calls it): (exit code, text)."""
    from reportbook.cli import main

    def run(root):
        monkeypatch.setenv("REPORTBOOK_ROOT", str(root))
        monkeypatch.chdir(root)
        code = main(["check", "--year", "2023", "--period", "annual"])
        return subprocess.CompletedProcess([], code, "", capsys.readouterr().err)

    return run


def _lines(data):
    return (data / "dossiers.csv").read_text(encoding="utf-8").split("\n")


def _set_cell(data, line, column, value):
    lines = _lines(data)
    cells = lines[line - 1].split(",")
    cells[column] = value
    lines[line - 1] = ",".join(cells)
    (data / "dossiers.csv").write_text("\n".join(lines), encoding="utf-8")


def _parquet_beside_csv(data):
    frame = text_frame(data, "dossiers")
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), data / "dossiers.parquet")


def _parquet_bad_date(data):
    frame = text_frame(data, "dossiers")
    frame.loc[99, "received_on"] = "2O/01/2023"
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), data / "dossiers.parquet")
    (data / "dossiers.csv").unlink()


def _blank_line_then_bad_date(data):
    lines = _lines(data)
    lines.insert(3, "")
    (data / "dossiers.csv").write_text("\n".join(lines).replace("\n", "\r", 2), encoding="utf-8")
    _set_cell(data, 11, 5, "31/02/2023")


def _semicolons(data):
    text = (data / "dossiers.csv").read_text(encoding="utf-8")
    (data / "dossiers.csv").write_text(text.replace(",", ";"), encoding="utf-8")


def _no_units_vocabulary(data):
    vocab = yaml.safe_load((data / "vocabularies.yaml").read_text(encoding="utf-8"))
    del vocab["units"]
    (data / "vocabularies.yaml").write_text(yaml.safe_dump(vocab, allow_unicode=True))


EXAMPLES = [
    (_parquet_beside_csv, "both dossiers.csv and dossiers.parquet exist"),
    (_parquet_bad_date, "dossiers.parquet, record 100, column 'received_on': '2O/01/2023'"),
    (_blank_line_then_bad_date, "dossiers.csv, row 11, column 'received_on': '31/02/2023'"),
    (_semicolons, "dossiers.csv, row 1: the file is separated by ';'"),
    (lambda d: _set_cell(d, 7, 8, "giai_quyet,x"), "dossiers.csv, row 7: has 10 cell(s)"),
    (_no_units_vocabulary, "vocabularies.yaml: has no codes for vocabulary 'units'"),
    (lambda d: _set_cell(d, 9, 0, "HS-\u202e01"), "row 9, column 'dossier_id'"),
    (lambda d: _set_cell(d, 12, 0, "HS-中"), "row 12, column 'dossier_id'"),
]


def _clear(result, words):
    return (
        result.returncode == 2
        and "Traceback" not in result.stderr
        and words in result.stderr
        and "1 problem(s) in 1 file(s)" in result.stderr
    )


IDS = [e[1].split(":")[0][:40] for e in EXAMPLES]


@pytest.mark.parametrize("edit,words", EXAMPLES, ids=IDS)
def test_each_example_is_one_message_from_check(tmp_path, check, edit, words):
    root = copy_project(tmp_path).root
    edit(root / "data")
    result = check(root)
    assert _clear(result, words), result.stderr[-2000:]


@pytest.mark.e2e
@pytest.mark.parametrize("edit,words", EXAMPLES, ids=IDS)
def test_each_example_is_one_message_from_build_before_any_section_runs(tmp_path, edit, words):
    root = copy_project(tmp_path).root
    edit(root / "data")
    build = _cli(root, "build", "--quiet")
    assert _clear(build, words), build.stderr[-2000:]
    assert not (root / "outputs" / "2023" / "annual").exists()


def test_a_number_too_large_is_rejected_by_check(tmp_path, check):
    root = copy_project(tmp_path).root
    frame = text_frame(root / "data", "procedures")
    frame.loc[3, "processing_days"] = "99999999999999999999"
    frame.to_csv(root / "data" / "procedures.csv", index=False)
    result = check(root)
    assert _clear(result, "procedures.csv, row 5, column 'processing_days'"), result.stderr
    assert "too large to store" in result.stderr


def _implausible(data):
    _set_cell(data, 6, 6, "01/01/2099")
    _set_cell(data, 9, 5, "01/01/1900")


def test_implausible_values_are_warnings_from_check(tmp_path, check):
    root = copy_project(tmp_path).root
    _implausible(root / "data")
    result = check(root)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "dossiers.csv, row 6, column 'due_on': '01/01/2099' is outside" in result.stderr
    assert "dossiers.csv, row 9, column 'received_on': '01/01/1900'" in result.stderr
    assert "2 warning(s) in 1 file(s)" in result.stderr


@pytest.mark.e2e
def test_implausible_values_are_listed_by_build_and_on_the_checks_page(tmp_path):
    root = copy_project(tmp_path).root
    _implausible(root / "data")
    result = _cli(root, "build", "--quiet")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "dossiers.csv, row 6, column 'due_on': '01/01/2099'" in result.stderr
    page = (root / "outputs" / "2023" / "annual" / "review" / "checks.html").read_text()
    assert "Cảnh báo dữ liệu" in page and "01/01/2099" in page and "01/01/1900" in page
    again = _cli(root, "build", "--quiet")  # validation is not skipped while warnings remain
    assert "2 warning(s)" in again.stderr
