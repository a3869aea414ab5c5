"""reportbook rollup: the consolidated report, from the bodies' archived and verified editions."""

from __future__ import annotations

import json
import shutil

import docx
import nbformat
import pytest
from pypdf import PdfReader

from reportbook.archive.edition import finalize
from reportbook.inputs.loading import Dataset
from reportbook.periods import resolve
from reportbook.province.editions import documents_cited, read_edition
from reportbook.province.rollup import DRAFT_MARK, UNVERIFIED_MARK, rollup
from reportbook.province.workspace import Workspace
from reportbook.rendering.recorded import recorded_blocks
from reportbook.stats import dossiers
from reportbook.stats.documents import reference
from tests.conftest import pdftotext

from .workspaces import reportbook

pytestmark = pytest.mark.e2e
Q1 = resolve(2023, "q1")


@pytest.fixture
def workspace(batch_run, tmp_path):
    """A copy of the batch's workspace (with its editions) that a test may change."""
    source, _ = batch_run
    shutil.copytree(source, tmp_path / "ws", symlinks=True)
    return Workspace.open(tmp_path / "ws")


def _totals(edition) -> dict:
    blocks = recorded_blocks(nbformat.read(edition / "report.ipynb", as_version=4))
    table = next(b for _, b in blocks if b.get("key") == "dossiers_by_unit")
    return table["rows"][-1]  # the total row as printed


def test_the_consolidated_biểu_06_is_the_sum_of_what_the_bodies_computed(workspace):
    result = rollup(workspace, 2023, "q1")
    expected = {}
    for body in workspace.bodies[:2]:  # recomputed here from raw data, to check the rollup
        stats = dossiers.statistics(Dataset(body.project.data).table("dossiers"), Q1.window)
        for column, value in stats.loc["total"].items():
            expected[column] = expected.get(column, 0) + int(value)
    nb = nbformat.read(result.edition / "report.ipynb", as_version=4)
    forms = [b for _, b in recorded_blocks(nb) if "Biểu 06" in str(b.get("caption"))]
    assert forms[0]["rows"][-1][0] == "Tổng cộng"
    assert forms[0]["rows"][-1][1:] == [f"{expected[c]:,}".replace(",", ".") for c in expected]
    names = [row[0] for row in forms[0]["rows"][:-1]]
    assert names == ["Sở Tư pháp", "Sở Y tế"]


def test_each_bodys_status_is_listed_and_the_bodies_that_have_not_reported_are_named(workspace):
    result = rollup(workspace, 2023, "q1")
    assert [r.status for r in result.reports] == ["built", "built", "missing"]
    manifest = json.loads((result.edition / "manifest.json").read_text(encoding="utf-8"))
    assert [s["status"] for s in manifest["sources"]] == ["built", "built", "missing"]
    text = " ".join(b.get("text", "") for _, b in recorded_blocks(
        nbformat.read(result.edition / "report.ipynb", as_version=4)))  # fmt: skip
    assert "Các cơ quan, đơn vị chưa báo cáo: Sở Xây dựng." in text
    assert manifest["marks"] == []


def test_draft_and_final_editions_are_marked_and_an_unverified_one_is_not_added_up(workspace):
    stp, syt = (b.edition(2023, "q1") for b in workspace.bodies[:2])
    finalize(stp)
    manifest = json.loads((syt / "manifest.json").read_text(encoding="utf-8"))
    (syt / "manifest.json").write_text(json.dumps({**manifest, "draft": True}), "utf-8")
    first = rollup(workspace, 2023, "q1")
    assert [r.status for r in first.reports[:2]] == ["final", "draft"]
    assert json.loads((first.edition / "manifest.json").read_text("utf-8"))["marks"] == [DRAFT_MARK]
    (stp / "report.html").chmod(0o644)
    (stp / "report.html").write_text("<p>forged</p>", encoding="utf-8")
    second = rollup(workspace, 2023, "q1")
    assert second.reports[0].status == "unverified"
    assert "report.html: changed since the build (hash differs)" in second.reports[0].problems
    assert read_edition(workspace.bodies[0], Q1).dossiers is None
    nb = nbformat.read(second.edition / "report.ipynb", as_version=4)
    form = next(b for _, b in recorded_blocks(nb) if "Biểu 06" in str(b.get("caption")))
    assert [row[0] for row in form["rows"]] == ["Sở Y tế", "Tổng cộng"]
    assert form["rows"][-1][1:] == _totals(syt)[1:]
    assert UNVERIFIED_MARK in nbformat.read(second.edition / "report.ipynb", 4).metadata[
        "reportbook"]["marks"]  # fmt: skip


def test_the_consolidated_report_is_an_official_report_in_html_pdf_and_word(workspace):
    result = reportbook("rollup", "--workspace", str(workspace.root), "--year", "2023",
                        "--period", "q1", cwd=workspace.root)  # fmt: skip
    assert result.returncode == 0, result.stderr
    edition = workspace.rollup_edition(2023, "q1")
    assert f"consolidated report quý I năm 2023: {edition}" in result.stderr
    text = pdftotext(edition / "report.pdf", "-layout")
    text = "".join(text.split())  # compared without spaces: lines break anywhere
    for expected in ("UBND TỈNH SÓC TRĂNG", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "BÁO CÁO", "Biểu 06/VPCP/KSTT", "Nơi nhận:", "PHÓ GIÁM ĐỐC", "Sở Y tế",
                     "Chưa báo cáo", "quý I năm 2023"):  # fmt: skip
        assert "".join(expected.split()) in text, expected
    page = PdfReader(edition / "report.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    word = docx.Document(str(edition / "report.docx"))
    assert len(word.tables) >= 4  # header, status, Biểu 06, services (and the closing)
    # any space: a caption binds its last two words with a no-break space
    assert any("Biểu 06" in " ".join(p.text.split()) for p in word.paragraphs)


def test_documents_are_counted_from_the_references_the_report_prints():
    import pandas as pd

    doc = pd.Series({"doc_type": "Kế hoạch", "number_symbol": "68/KH-STP",
                     "issued_on": pd.Timestamp(2022, 12, 28)})  # fmt: skip
    own = reference(doc)
    text = (
        f"Căn cứ {own} của Sở Tư pháp về ..., {own} về ...; Thực hiện Công văn số "
        "535/SNV-TTr ngày 11/03/2022 của Sở Nội vụ; tham mưu Ủy ban nhân dân tỉnh ban hành "
        "Quyết định số 1234/QĐ-UBND ngày 05/05/2023 về ..."
    )
    assert documents_cited(text, "STP") == (3, 1)
