"""Nothing stale or forged is published: caches, kept sections, checks, verify and final.json.

Each scenario damages or forges something a build trusts, runs a real build
(or verify, or finalize) and asserts that the result is either a correct
edition, identical to the honest one, or a clear refusal with the archived
edition untouched. Every scenario is recorded in the fault-injection tally.
"""

from __future__ import annotations

import hashlib
import json
import shutil

import nbformat
import pytest
from pypdf import PdfReader

from reportbook.paths import Project

from .conftest import copy_project, run_cli
from .faults import edition_survived, snapshot

pytestmark = pytest.mark.e2e
REPORTS = ("report.html", "report.pdf", "report.docx")


def _cli(project, *args):
    return run_cli(project.root, *args)


def _hashes(edition):
    return {n: hashlib.sha256((edition / n).read_bytes()).hexdigest() for n in REPORTS}


@pytest.fixture
def cached_project(built_2023_annual, tmp_path):
    """A copy of the session's project: its 2023 annual edition and its build cache."""
    shutil.copytree(built_2023_annual.parents[2], tmp_path / "project")
    return Project(tmp_path / "project")


@pytest.fixture
def project(built_2023_annual, tmp_path):
    """A fresh project holding a copy of the 2023 annual edition, without a cache."""
    project = copy_project(tmp_path)
    shutil.copytree(built_2023_annual, project.edition_dir(2023, "annual"))
    return project


def test_garbage_in_the_render_cache_is_discarded_and_rendered_again(cached_project):
    edition = cached_project.edition_dir(2023, "annual")
    honest = _hashes(edition)
    for path in (cached_project.outputs / ".cache" / "render").rglob("report.*"):
        path.write_bytes(b"garbage!\n")
    result = _cli(cached_project, "build", "--year", "2023", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "damaged" in result.stderr and "discarded" in result.stderr
    assert _hashes(edition) == honest
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert any("damaged" in n for n in manifest["notices"])
    assert edition_survived(
        "render cache overwritten with garbage: rebuilt honestly", snapshot(edition), edition
    )


def _forge_figure(path):
    """Change a figure in an executed section notebook, as a forger would."""
    text = path.read_text(encoding="utf-8")
    forged = text.replace("là 9.", "là 8.", 1) if "là 9." in text else text.replace("1", "7", 1)
    assert forged != text
    path.write_text(forged, encoding="utf-8")


def test_a_forged_section_in_the_cache_is_discarded_and_run_again(cached_project):
    edition = cached_project.edition_dir(2023, "annual")
    honest = _hashes(edition)
    for path in (cached_project.outputs / ".cache" / "sections").rglob("*.ipynb"):
        if "04-thu-tuc" in str(path):
            _forge_figure(path)
    result = _cli(cached_project, "build", "--year", "2023", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "section 04-thu-tuc-hanh-chinh was damaged" in result.stderr
    assert _hashes(edition) == honest
    assert edition_survived("section cache forged: section re-run", snapshot(edition), edition)


def test_a_forged_section_in_the_edition_is_not_carried_into_a_partial_rebuild(project):
    edition = project.edition_dir(2023, "annual")
    honest = _hashes(edition)
    _forge_figure(edition / "sections" / "04-thu-tuc-hanh-chinh.ipynb")
    result = _cli(project, "build", "--year", "2023", "--section", "05", "--quiet")
    assert result.returncode == 0, result.stderr
    assert "re-running 04-thu-tuc-hanh-chinh" in result.stderr
    assert _hashes(edition) == honest
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    statuses = {s["section"]: s["status"] for s in manifest["sections"]}
    assert statuses["04-thu-tuc-hanh-chinh"] == "succeeded"
    assert edition_survived(
        "edition section forged, then --section 05: re-run", snapshot(edition), edition
    )


def _break_total_in_text(project):
    path = project.params / "common.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace(
        "là {{ total.received | number }} hồ sơ", "là {{ (total.received + 7) | number }} hồ sơ"
    )
    assert broken != text
    path.write_text(broken, encoding="utf-8")


def test_a_failed_check_fails_the_build_and_names_the_check(project):
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    _break_total_in_text(project)
    result = _cli(project, "build", "--year", "2023", "--quiet")
    assert result.returncode == 2
    assert "Số tổng trong lời văn = tổng của Biểu 06" in result.stderr
    assert "--allow-failed-checks" in result.stderr and "Traceback" not in result.stderr
    assert edition_survived("a check of the figures fails", before, edition)

    allowed = _cli(project, "build", "--year", "2023", "--quiet", "--allow-failed-checks")
    assert allowed.returncode == 0, allowed.stderr
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["checks"]["failures_allowed"] is True and manifest["checks"]["failed"]
    assert manifest["marks"] and "CHƯA KHỚP" in manifest["marks"][0]
    assert "BẢN CÓ SỐ LIỆU CHƯA KHỚP" in (edition / "report.html").read_text(encoding="utf-8")
    first_page = PdfReader(edition / "report.pdf").pages[0].extract_text()
    assert "CHƯA KHỚP" in first_page
    from docx import Document

    assert "CHƯA KHỚP" in Document(edition / "report.docx").paragraphs[0].text


@pytest.mark.parametrize(
    "code, expected",
    [
        ("raise SystemExit", "did not run to its end: cell"),
        ("import os; os._exit(1)", "the kernel running it died"),
        ("import time; time.sleep(60)", "a cell ran longer than 2 s"),
    ],
    ids=["system-exit", "kernel-killed", "timeout"],
)
def test_a_section_that_stops_early_fails_and_the_edition_stays(project, code, expected):
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    path = project.notebooks / "05-to-chuc-bo-may.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, nbformat.v4.new_code_cell(code))
    nbformat.write(nb, path)
    result = _cli(
        project, "build", "--year", "2023", "--section", "05", "--timeout", "2", "--quiet"
    )
    assert result.returncode == 2
    assert "section 05-to-chuc-bo-may" in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr
    assert edition_survived(f"section stops early ({code})", before, edition)


def test_a_forged_manifest_fails_verify_and_finalize(project):
    edition = project.edition_dir(2023, "annual")
    assert _cli(project, "finalize", "--year", "2023").returncode == 0
    for path in (edition / "report.pdf", edition / "manifest.json"):
        path.chmod(0o644)
    pdf = edition / "report.pdf"
    pdf.write_bytes(pdf.read_bytes() + b"\n% forged\n")
    manifest = json.loads((edition / "manifest.json").read_text(encoding="utf-8"))
    manifest["outputs"]["report.pdf"] = hashlib.sha256(pdf.read_bytes()).hexdigest()
    (edition / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    before = snapshot(edition)

    again = _cli(project, "finalize", "--year", "2023")
    assert again.returncode == 2 and "changed since the edition was finalised" in again.stderr
    verified = _cli(project, "verify", "outputs/2023/annual")
    assert verified.returncode == 3, verified.stdout
    assert "edition NOT reproduced" in verified.stdout
    assert "output file differs: report.pdf" in verified.stdout
    assert edition_survived("forged manifest of a final edition: verify, finalize", before, edition)
