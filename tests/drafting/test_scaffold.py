"""`reportbook new`: a period's params from the closest earlier report's, texts to review."""

import shutil

import pytest
import yaml

from reportbook.drafting.scaffold import closest_earlier, new_params, parse_edition
from reportbook.errors import ConfigError, ParameterError
from reportbook.params import load_params
from reportbook.paths import Project
from reportbook.periods import resolve

from ..conftest import ROOT


@pytest.fixture
def project(tmp_path):
    """The shipped params (a private copy), data and notebooks."""
    shutil.copytree(ROOT / "params", tmp_path / "params")
    for name in ("data", "notebooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    return Project(tmp_path)


def _yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _editions(tmp_path, *names):
    """A project whose params are empty files named year/period."""
    for name in names:
        path = tmp_path / "params" / f"{name}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("", encoding="utf-8")
    return Project(tmp_path)


def test_the_new_file_copies_the_closest_earlier_reports_texts_and_lists_them(project):
    result = new_params(project, resolve(2024, "q3"))
    written, source = _yaml(result.target), _yaml(project.params / "2024" / "h1.yaml")
    assert result.source == project.params / "2024" / "h1.yaml"
    assert written["carried_over"] == ["lists.difficulties", "lists.directions"]
    assert written["lists"] == source["lists"]
    assert [t.key for t in result.carried] == written["carried_over"]


def test_each_carried_text_is_located_at_its_line_in_the_new_file(project):
    result = new_params(project, resolve(2024, "q3"))
    lines = result.target.read_text(encoding="utf-8").splitlines()
    for text in result.carried:
        assert text.file == "params/2024/q3.yaml"
        assert lines[text.line - 1].startswith("    - ")  # the first item of that list


def test_the_report_number_and_date_are_cleared_and_every_other_text_carried(project):
    source = project.params / "2023" / "q4.yaml"
    values = _yaml(source)
    values["report"] = {"number": "123", "date": "20/12/2023", "subject": "Công tác CCHC"}
    values["signer"] = {"title": "GIÁM ĐỐC", "name": "Võ Thanh Quang", "authority": "KT. GIÁM ĐỐC"}
    values["carried_over"] = ["lists.directions"]  # the source's own list is not a text
    source.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    result = new_params(project, resolve(2024, "q1"), resolve(2023, "q4"))
    written = _yaml(result.target)
    assert written["report"] == {"number": None, "date": None, "subject": "Công tác CCHC"}
    assert set(written["carried_over"]) == {
        "report.subject",
        "units.PVHCC.late_note",
        "signer.title",
        "signer.name",
        "signer.authority",
        "lists.difficulties",
        "lists.directions",
    }


def test_a_text_of_several_lines_is_written_as_a_block_and_reads_back_the_same(project):
    source = project.params / "2023" / "q2.yaml"
    values = _yaml(source)
    values["texts"] = {
        "closing": "Trên đây là báo cáo {{ period_label }}.\n\nNơi gửi: {{ org.name }}.\n"
    }
    source.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
    result = new_params(project, resolve(2023, "q3"), resolve(2023, "q2"), force=True)
    assert "  closing: |" in result.target.read_text(encoding="utf-8")
    assert _yaml(result.target)["texts"] == values["texts"]


def test_the_new_file_passes_the_checks_of_reportbook_check(project):
    result = new_params(project, resolve(2024, "q3"))
    params = load_params(project.params, resolve(2024, "q3"))
    assert result.problems == []
    assert params.carried_over == ["lists.difficulties", "lists.directions"]


def test_a_source_without_the_texts_the_report_needs_is_reported(project):
    (project.params / "2024" / "h1.yaml").write_text("report:\n  number: '5'\n", encoding="utf-8")
    result = new_params(project, resolve(2024, "q3"))
    assert result.carried == []
    assert {p.column for p in result.problems} == {"lists.difficulties", "lists.directions"}


def test_an_existing_file_is_never_overwritten_without_force(project):
    existing = project.params / "2023" / "q3.yaml"
    before = existing.read_bytes()
    with pytest.raises(ConfigError, match=r"params/2023/q3\.yaml exists; nothing was written"):
        new_params(project, resolve(2023, "q3"))
    assert existing.read_bytes() == before
    new_params(project, resolve(2023, "q3"), force=True)
    assert "carried_over" in _yaml(existing)


def test_from_names_the_report_to_start_from(project):
    result = new_params(project, resolve(2024, "q3"), parse_edition("2023/q3"))
    assert result.source == project.params / "2023" / "q3.yaml"
    assert _yaml(result.target)["lists"] == _yaml(result.source)["lists"]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("2021/q3", r"no params file .*2021/q3\.yaml to copy"),
        ("2024/q3", "cannot start from itself"),
    ],
)
def test_from_must_name_another_report_with_params(project, source, message):
    with pytest.raises(ConfigError, match=message):
        new_params(project, resolve(2024, "q3"), parse_edition(source))
    assert not (project.params / "2024" / "q3.yaml").exists()


def test_from_is_written_year_slash_period():
    assert parse_edition("2024/h1") == resolve(2024, "h1")
    with pytest.raises(ParameterError, match="YEAR/PERIOD"):
        parse_edition("2024")


def test_without_an_earlier_report_nothing_is_written(project):
    with pytest.raises(ConfigError, match="no params earlier than quý I năm 2022"):
        new_params(project, resolve(2022, "q1"))


@pytest.mark.parametrize(
    ("target", "chosen"),
    [
        ("2024/q3", "2024/q2"),  # three reports end on 14/06/2024: the quarter for a quarter
        ("2024/m07", "2024/m06"),  # the month for a month
        ("2024/9m", "2024/h1"),  # no nine months before: the longest of the three
        ("2024/q2", "2024/m05"),  # a month ends later than last year's reports
        ("2024/annual", "2024/h1"),  # 2024 annual itself is not earlier; then the longest
    ],
)
def test_the_closest_earlier_report_is_the_one_whose_window_ends_last_before(
    tmp_path, target, chosen
):
    project = _editions(tmp_path, "2023/annual", "2024/m05", "2024/m06", "2024/q2", "2024/h1")
    _editions(tmp_path, "2024/annual", "notes/annual")  # a later report and a stray folder
    assert closest_earlier(project, parse_edition(target)) == parse_edition(chosen)
