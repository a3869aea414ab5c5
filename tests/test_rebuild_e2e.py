"""Rebuilding an edition: nothing changed reuses every section and the rendered files."""

from __future__ import annotations

import json
import shutil

import pytest

from reportbook.archive.manifest import sha256
from reportbook.build import build
from reportbook.paths import Project

pytestmark = pytest.mark.e2e


@pytest.fixture
def rebuilt_project(built_2023_annual, tmp_path):
    """A copy of the session's built project, its cache included."""
    source = built_2023_annual.parents[2]
    shutil.copytree(source, tmp_path / "project")
    return Project(tmp_path / "project")


def test_a_rebuild_with_nothing_changed_reuses_every_section_and_render(rebuilt_project):
    before = rebuilt_project.edition_dir(2023, "annual") / "report.pdf"
    expected = sha256(before)

    result = build(2023, "annual", project=rebuilt_project)

    assert not [r for r in result.runs if r.executed]
    statuses = {(s["status"], s["reused_from"]) for s in result.manifest["sections"]}
    assert statuses == {("reused", "cache")}
    assert sha256(result.edition / "report.pdf") == expected


def test_no_cache_executes_every_section(rebuilt_project):
    result = build(2023, "annual", project=rebuilt_project, use_cache=False)
    manifest = json.loads((result.edition / "manifest.json").read_text(encoding="utf-8"))
    assert all(s["status"] == "succeeded" for s in manifest["sections"])


def test_editing_one_params_text_reruns_only_the_section_showing_it(rebuilt_project):
    path = rebuilt_project.params / "2023" / "annual.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Chưa có nhiều sáng kiến", "Chưa có thêm sáng kiến"
        ),
        encoding="utf-8",
    )

    result = build(2023, "annual", project=rebuilt_project)

    assert [r.section.name for r in result.runs if r.executed] == ["11-kho-khan"]
    assert "Chưa có thêm sáng kiến" in (result.edition / "report.html").read_text(encoding="utf-8")


def test_editing_one_data_file_reruns_exactly_its_readers(rebuilt_project):
    path = rebuilt_project.data / "training.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")

    result = build(2023, "annual", project=rebuilt_project)

    assert [r.section.name for r in result.runs if r.executed] == ["06-cong-vu"]
