"""Fault injection with real builds: failures, kills, full disk, races, verify, hostile input.

Every test starts from a copy of the session's 2023 annual edition, so the
slow part (building) happens only where the fault needs it.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from reportbook.archive import edition as archive
from reportbook.archive.verify import verify
from reportbook.build import build
from reportbook.errors import SectionError
from reportbook.paths import Project
from reportbook.rendering import render
from tests.conftest import copy_project, run_cli
from tests.faults import edition_survived, snapshot

pytestmark = pytest.mark.e2e


@pytest.fixture
def project(built_2023_annual, tmp_path):
    """A fresh project copy holding a copy of the session's 2023 annual edition."""
    project = copy_project(tmp_path)
    shutil.copytree(built_2023_annual, project.edition_dir(2023, "annual"))
    return project


def _cli(project, *args, wait=True):
    env = {**os.environ, "REPORTBOOK_ROOT": str(project.root)}
    command = [sys.executable, "-m", "reportbook", *args]
    if not wait:
        return subprocess.Popen(
            command,
            cwd=project.root,
            env=env,
            start_new_session=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    return run_cli(project.root, *args)


def _add_failing_cell(project, name="05-to-chuc-bo-may.ipynb"):
    path = project.notebooks / name
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell('raise RuntimeError("sổ liệu hỏng")'))
    nbformat.write(nb, path)


def test_a_section_raising_mid_run_keeps_the_edition_and_names_section_and_cell(project):
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    _add_failing_cell(project)
    with pytest.raises(
        SectionError,
        match=r"section 05-to-chuc-bo-may failed in cell \d+ \(In \[\d+\]\) "
        r"\(RuntimeError: sổ liệu hỏng\)",
    ) as err:
        build(2023, "annual", sections=["04", "05"], project=project)
    assert edition_survived("real build: a section raises mid-run", before, edition)
    kept = err.value.output_path
    assert kept.is_file() and "annual.failed" in str(kept) and str(kept) in str(err.value)
    banner = nbformat.read(kept, as_version=4).cells[0].source
    assert "An Exception was encountered at" in banner
    status = json.loads((kept.parents[1] / "status.json").read_text(encoding="utf-8"))
    by_section = {s["section"]: s for s in status["sections"]}
    assert by_section["05-to-chuc-bo-may"]["status"] == "failed"
    assert "sổ liệu hỏng" in by_section["05-to-chuc-bo-may"]["error"]
    assert by_section["04-thu-tuc-hanh-chinh"]["status"] in ("succeeded", "reused")
    assert by_section["00-mo-dau"] == {
        "section": "00-mo-dau",
        "status": "reused",
        "reused_from": "edition",
        "seconds": None,
    }
    assert len(status["sections"]) == len(list(project.notebooks.glob("*.ipynb")))


def test_the_cli_names_the_failing_section_and_cell_without_a_traceback(project):
    _add_failing_cell(project)
    result = _cli(project, "build", "--year", "2023", "--section", "05", "--quiet")
    assert result.returncode == 2
    assert (
        "section 05-to-chuc-bo-may failed in cell" in result.stderr
        and "sổ liệu hỏng" in result.stderr
    )
    assert "Traceback" not in result.stderr and "annual.failed" in result.stderr


def _wait_for(predicate, process, timeout=300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if predicate():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("point", ["staging-created", "two-sections-executed", "rendering"])
def test_sigkill_during_a_real_build_never_damages_the_edition(project, point):
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    stages = lambda: list(edition.parent.glob(".annual.staging-*"))  # noqa: E731
    reached = {
        "staging-created": lambda: bool(stages()),
        "two-sections-executed": lambda: any(
            len(list(s.glob("sections/*.ipynb"))) >= 2 for s in stages()
        ),
        "rendering": lambda: any((s / "report.ipynb").exists() for s in stages()),
    }[point]
    process = _cli(project, "build", "--year", "2023", "--quiet", wait=False)
    assert _wait_for(reached, process), process.communicate()
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    assert edition_survived(f"real build SIGKILLed at {point}", before, edition)
    result = _cli(project, "finalize", "--year", "2023")  # any locked command cleans up
    assert result.returncode == 0, result.stderr
    assert not list(edition.parent.glob(".annual.*-*"))


def test_a_full_disk_while_rendering_leaves_the_edition_intact(project, monkeypatch):
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)

    def full(html, path):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(render, "to_pdf", full)
    with pytest.raises(OSError, match="No space left"):
        build(2023, "annual", sections=["00"], project=project)
    assert edition_survived("real build: disk full writing the PDF", before, edition)
    assert list((edition.parent / "annual.failed").iterdir())


def test_concurrent_builds_are_serialised_by_the_lock(project):
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    first, second = (
        _cli(project, "build", "--year", "2023", "--quiet", wait=False) for _ in range(2)
    )
    results = [(p.wait(timeout=900), p.communicate()[1]) for p in (first, second)]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    loser = next(err for code, err in results if code == 2)
    assert "is locked by build" in loser and "Traceback" not in loser
    intact = archive.integrity_problems(edition) == []
    assert edition_survived(
        "two real builds at once", snapshot(edition) if intact else before, edition
    )
    assert intact


def test_verify_reproduces_a_fresh_edition_byte_for_byte(built_2023_annual):
    verdict = verify(built_2023_annual, Project(built_2023_annual.parents[2]))
    assert verdict.ok, "\n".join(verdict.lines())
    assert verdict.changed_inputs == [] and verdict.files_different == []
    assert any(": table " in key for key in verdict.same)
    assert any(": figure " in key for key in verdict.same)


def test_verify_fails_naming_the_table_when_a_data_file_was_edited(project):
    path = project.data / "dossiers.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    edited = [
        i
        for i, line in enumerate(lines)
        if ",PVHCC," in line and "/06/2023," in line and line.endswith(",giai_quyet\n")
    ]
    lines[edited[0]] = lines[edited[0]].replace("giai_quyet", "tra_lai")
    path.write_text("".join(lines), encoding="utf-8")
    result = _cli(project, "verify", "outputs/2023/annual")
    assert result.returncode == 3, result.stderr
    assert "input changed since the build: data/dossiers.csv (edited)" in result.stdout
    assert (
        "DIFFERENT: 04-thu-tuc-hanh-chinh: table 1 «Tình hình, kết quả giải quyết TTHC"
        in result.stdout
    )


def test_finalize_then_rebuild_needs_force_and_keeps_history(project):
    edition = project.edition_dir(2023, "annual")
    assert _cli(project, "finalize", "--year", "2023").returncode == 0
    before = snapshot(edition)
    refused = _cli(project, "build", "--year", "2023", "--section", "00", "--quiet")
    assert refused.returncode == 2 and "is final" in refused.stderr and "--force" in refused.stderr
    assert edition_survived("rebuilding a final edition without --force", before, edition)
    forced = _cli(project, "build", "--year", "2023", "--section", "00", "--quiet", "--force")
    assert forced.returncode == 0, forced.stderr
    history = list((edition.parent / "annual.history").iterdir())
    assert [snapshot(h) for h in history] == [before]
