"""Shared fixtures: a private copy of the project to build into."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportbook.paths import Project

ROOT = Path(__file__).resolve().parents[1]
# The reference report (a copy of shared/seed/000_003730cb81b60805.txt, so the
# tests run wherever the repository is cloned).
SEED = ROOT / "tests" / "fixtures" / "seed-2023-annual.txt"


def copy_project(target: Path) -> Project:
    """Copy data/, params/ and notebooks/ so a test can build without touching outputs/."""
    for name in ("data", "params", "notebooks"):
        shutil.copytree(ROOT / name, target / name)
    return Project(target)


def run_cli(root: Path, *args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """``reportbook ARGS`` in a fresh process for the project at ``root``, as a user runs it."""
    env = {**os.environ, "REPORTBOOK_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "reportbook", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def pdftotext(pdf: Path, *options: str) -> str:
    """The text poppler's pdftotext reads from ``pdf`` (pages end with a form feed)."""
    command = ["pdftotext", *options, str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="session")
def built_2023_annual(tmp_path_factory):
    """The 2023 annual edition, built once per test session through the CLI."""
    import os
    import subprocess
    import sys

    project = copy_project(tmp_path_factory.mktemp("project"))
    env = {**os.environ, "REPORTBOOK_ROOT": str(project.root)}
    result = subprocess.run(
        [sys.executable, "-m", "reportbook", "build", "--year", "2023", "--period", "annual"],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    (project.root / "build.log").write_text(result.stderr, encoding="utf-8")  # what a CI log shows
    return project.edition_dir(2023, "annual")


def pytest_terminal_summary(terminalreporter):
    """Print the fault-injection figures (tests/faults.py) when any were recorded."""
    from tests.faults import TALLY, summary_lines

    if TALLY:
        terminalreporter.write_sep("=", "fault injection")
        for line in summary_lines():
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def small_data(tmp_path_factory):
    """The shipped data with only the first 300 dossiers: every rule, quick to copy."""
    folder = tmp_path_factory.mktemp("small") / "data"
    shutil.copytree(ROOT / "data", folder)
    lines = (folder / "dossiers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "dossiers.csv").write_text("".join(lines[:301]), encoding="utf-8")
    return folder
