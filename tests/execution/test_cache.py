"""The section cache: unchanged sections are reused, anything they read changing re-runs them."""

from __future__ import annotations

import nbformat
import pytest

from reportbook import resolve
from reportbook.execution.cache import Cache
from reportbook.execution.execute import execute_sections
from reportbook.params import load_params

from ..conftest import copy_project
from ..kernel_helpers import stream_text, write_section

pytestmark = pytest.mark.e2e

ANNUAL = resolve(2023, "annual")
STAFF = 'from reportbook import open_report\nprint(len(open_report(year, period).table("staff")))'
TASKS = 'from reportbook import open_report\nprint(len(open_report(year, period).table("tasks")))'
DIFFICULTIES = (
    "from reportbook import open_report\n"
    'print(open_report(year, period).params.lists["difficulties"][0])'
)
DIRECTIONS = (
    "from reportbook import open_report\n"
    'print(open_report(year, period).params.lists["directions"][0])'
)
RAW_OPEN = 'print(open("../data/contacts.csv", encoding="utf-8").read().count("\\n"))'


@pytest.fixture
def setup(tmp_path):
    project = copy_project(tmp_path / "project")
    folder = tmp_path / "nb"
    folder.mkdir()
    sections = [
        write_section(folder, "01-staff", STAFF),
        write_section(folder, "02-tasks", TASKS),
        write_section(folder, "03-difficulties", DIFFICULTIES),
        write_section(folder, "04-directions", DIRECTIONS),
        write_section(folder, "05-raw", RAW_OPEN),
    ]
    return project, sections, tmp_path


def _build(project, sections, out):
    cache = Cache(project.outputs / ".cache", project.root, load_params(project.params, ANNUAL))
    runs = execute_sections(sections, out, ANNUAL, project, jobs=2, cache=cache)
    return {r.section.slug: r for r in runs}


def _executed(runs) -> list[str]:
    return sorted(name for name, run in runs.items() if run.executed)


def _append_line(path, line):
    with open(path, "a", encoding="utf-8") as out:
        out.write(line)


def test_unchanged_sections_are_reused_not_executed(setup):
    project, sections, tmp = setup
    first = _build(project, sections, tmp / "a")
    second = _build(project, sections, tmp / "b")
    assert _executed(first) == ["difficulties", "directions", "raw", "staff", "tasks"]
    assert _executed(second) == []
    assert all(r.status == "reused" and r.reused_from == "cache" for r in second.values())
    for name, run in second.items():
        assert stream_text(run.output) == stream_text(first[name].output)


def test_a_changed_data_file_re_runs_exactly_the_sections_that_read_it(setup):
    project, sections, tmp = setup
    before = _build(project, sections, tmp / "a")
    staff = (project.data / "staff.csv").read_text(encoding="utf-8").splitlines()
    (project.data / "staff.csv").write_text("\n".join(staff[:-1]) + "\n", encoding="utf-8")

    after = _build(project, sections, tmp / "b")

    assert _executed(after) == ["staff"]
    assert int(stream_text(after["staff"].output)) == int(stream_text(before["staff"].output)) - 1


def test_a_file_opened_directly_is_detected_as_read(setup):
    project, sections, tmp = setup
    before = _build(project, sections, tmp / "a")
    _append_line(
        project.data / "contacts.csv",
        (project.data / "contacts.csv")
        .read_text(encoding="utf-8")
        .splitlines()[-1]
        .replace(",", ",x", 1)
        + "\n",
    )

    after = _build(project, sections, tmp / "b")

    assert _executed(after) == ["raw"]
    assert int(stream_text(after["raw"].output)) == int(stream_text(before["raw"].output)) + 1


def test_a_changed_params_text_re_runs_only_the_sections_that_use_it(setup):
    project, sections, tmp = setup
    _build(project, sections, tmp / "a")
    path = project.params / "2023" / "annual.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.split("difficulties:\n", 1)[1].splitlines()[0]
    path.write_text(text.replace(first, first + " EDITED", 1), encoding="utf-8")

    after = _build(project, sections, tmp / "b")

    assert _executed(after) == ["difficulties"]
    assert stream_text(after["difficulties"].output).strip().endswith("EDITED")


def test_changed_notebook_code_re_runs_that_section(setup):
    project, sections, tmp = setup
    _build(project, sections, tmp / "a")
    edited = write_section(sections[1].path.parent, "02-tasks", TASKS + "\nprint('again')")

    after = _build(project, [sections[0], edited, *sections[2:]], tmp / "b")

    assert _executed(after) == ["tasks"]
    assert stream_text(after["tasks"].output).strip().endswith("again")


@pytest.mark.parametrize("edit", ["markdown", "title"])
def test_a_changed_heading_or_title_re_runs_that_section_whose_page_shows_it(setup, edit):
    project, sections, tmp = setup
    _build(project, sections, tmp / "a")
    nb = nbformat.read(sections[1].path, as_version=4)
    if edit == "markdown":
        nb.cells.insert(1, nbformat.v4.new_markdown_cell("## Công tác đã sửa"))
    else:
        nb.metadata["title"] = "II.1. Tiêu đề mới"
    nbformat.write(nb, sections[1].path)

    after = _build(project, sections, tmp / "b")

    assert _executed(after) == ["tasks"]
    shown = nbformat.read(after["tasks"].output, as_version=4)
    if edit == "markdown":
        assert [c.source for c in shown.cells if c.cell_type == "markdown"] == [
            "## Công tác đã sửa"
        ]
    else:
        assert shown.metadata.title == "II.1. Tiêu đề mới"


def test_a_changed_parameter_re_runs_everything(setup):
    project, sections, tmp = setup
    _build(project, sections, tmp / "a")
    cache = Cache(
        project.outputs / ".cache", project.root, load_params(project.params, resolve(2023, "h1"))
    )
    runs = execute_sections(sections, tmp / "b", resolve(2023, "h1"), project, jobs=2, cache=cache)
    assert all(r.executed for r in runs)


def test_without_a_cache_every_section_is_executed(setup):
    project, sections, tmp = setup
    _build(project, sections, tmp / "a")
    runs = execute_sections(sections, tmp / "b", ANNUAL, project, jobs=2, cache=None)
    assert all(r.executed for r in runs)


def test_a_section_named_with_section_runs_again_although_the_cache_holds_it(setup):
    """`build --section 04` re-runs 04 (and refreshes its cache entry); the rest stay reused."""
    project, sections, tmp = setup
    _build(project, sections, tmp / "a")
    cache = Cache(project.outputs / ".cache", project.root, load_params(project.params, ANNUAL))
    runs = execute_sections(
        sections, tmp / "b", ANNUAL, project, jobs=2, cache=cache, fresh=[sections[1]]
    )
    assert [r.section.slug for r in runs if r.executed] == ["tasks"]
    assert sum(r.reused_from == "cache" for r in runs) == 4
