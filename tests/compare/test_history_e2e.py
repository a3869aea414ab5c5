"""A rebuild compares with the edition it replaces; a final edition keeps its page in history."""

import os
import re
import shutil
import subprocess
import sys

import pytest

from reportbook.archive.edition import finalize, integrity_problems
from reportbook.cli import main
from reportbook.compare.page import PAGE

pytestmark = pytest.mark.e2e


def _build(project, *extra):
    result = subprocess.run(
        [sys.executable, "-m", "reportbook", "build", "--year", "2023", "--quiet", *extra],
        cwd=project,
        env={**os.environ, "REPORTBOOK_ROOT": str(project)},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr


def _return_one_resolved_dossier(project):
    """One PVHCC dossier resolved in the 2023 window was in fact returned to the applicant."""
    path = project / "data" / "dossiers.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines):
        if ",PVHCC," in line and "/06/2023," in line and line.endswith(",giai_quyet\n"):
            lines[number] = line.replace(",giai_quyet\n", ",tra_lai\n")
            break
    path.write_text("".join(lines), encoding="utf-8")


def test_a_forced_rebuild_compares_with_the_final_edition_and_history_keeps_its_page(
    built_2023_annual, tmp_path, capsys, monkeypatch
):
    project = tmp_path / "project"
    shutil.copytree(built_2023_annual.parents[2], project)
    edition = project / "outputs" / "2023" / "annual"
    assert "lần lập đầu tiên" in (edition / "review" / PAGE).read_text(encoding="utf-8")
    finalize(edition)
    params = project / "params" / "2023" / "annual.yaml"
    text = params.read_text(encoding="utf-8")
    params.write_text(text.replace("Chưa có nhiều sáng kiến", "Còn ít sáng kiến"), encoding="utf-8")
    _return_one_resolved_dossier(project)

    _build(project, "--force")

    (kept,) = (project / "outputs" / "2023" / "annual.history").iterdir()
    assert integrity_problems(kept) == []
    assert "lần lập đầu tiên" in (kept / "review" / PAGE).read_text(encoding="utf-8")
    page = (edition / "review" / PAGE).read_text(encoding="utf-8")
    assert re.search(r"đã chốt lúc \d{2}:\d{2} ngày \d{2}/\d{1,2}/\d{4};", page)
    assert "<td>1.227</td><td>1.226</td><td>−1</td>" in page  # PVHCC resolved
    assert "<mark>Còn ít</mark> sáng kiến" in page
    assert "<code>data/dossiers.csv</code></td><td>đã sửa" in page
    assert 'href="so-voi-lan-truoc.html"' in (edition / "review" / "index.html").read_text()

    monkeypatch.setenv("COLUMNS", "220")
    assert main(["diff", str(kept), str(edition)]) == 0
    out = capsys.readouterr().out
    assert "PVHCC · Số hồ sơ đã giải quyết: Tổng số" in out and "1.227" in out and "1.226" in out
    assert "data/dossiers.csv" in out and "edited" in out
