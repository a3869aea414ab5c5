"""Rebuilding an edition: nothing changed reuses every section and the rendered files."""

from __future__ import annotations

import json
import shutil

import pytest

from reportbook.build import build
from reportbook.manifest import sha256
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
