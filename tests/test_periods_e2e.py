"""End to end: reports of other periods, and the analyst's cycle from `new` to a final edition.

Each build takes several seconds, so a few representative periods are built
here; scripts/every_period.py builds all nineteen of a year.
"""

from __future__ import annotations

import json

import pytest
from docx import Document

from .conftest import copy_project, pdftotext, run_cli

pytestmark = pytest.mark.e2e


def _cli(project, *args):
    return run_cli(project.root, *args)


def _build(project, year, period):
    result = _cli(project, "build", "--year", str(year), "--period", period, "--quiet")
    assert result.returncode == 0, result.stderr
    return result


def _pdf_text(edition):
    return " ".join(pdftotext(edition / "report.pdf").split())


def _manifest(edition):
    return json.loads((edition / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("periods"))


def test_a_quarter_reads_as_a_quarterly_report(project):
    _build(project, 2023, "q1")
    text = _pdf_text(project.edition_dir(2023, "q1"))
    for words in (
        "Công tác cải cách hành chính quý I năm 2023",
        "báo cáo công tác cải cách hành chính quý I năm 2023, như sau",
        "Trong quý I (từ 15/12/2022 đến 14/3/2023), tổng số hồ sơ",
        "Hồ sơ TTHC quý I năm 2023 so với cùng kỳ năm 2022",
        "Trong quý II năm 2023, Sở LĐ-TB&XH tập trung thực hiện một số nhiệm vụ trọng tâm sau",
        "Trên đây là báo cáo kết quả công tác cải cách hành chính quý I năm 2023 của",
    ):
        assert words in text


def test_a_month_cites_the_documents_of_its_window_and_draws_no_one_bar_chart(project):
    _build(project, 2023, "m11")
    edition = project.edition_dir(2023, "m11")
    text = _pdf_text(edition)
    assert "Công tác cải cách hành chính tháng 11 năm 2023" in text
    assert "Trong tháng 11 (từ 15/10/2023 đến 14/11/2023)" in text
    assert "964/ĐA-TTĐVVL ngày 14/11/2023" in text  # the window's last day
    assert "188/ĐA-TTBTXH" not in text  # 15/11/2023 opens December's window
    assert "Hồ sơ TTHC theo tháng báo cáo" not in text
    assert _manifest(edition)["draft"] is False


def test_a_period_after_the_data_builds_and_says_what_it_cannot_report(project):
    assert _cli(project, "new", "--year", "2025", "--period", "m01").returncode == 0
    _build(project, 2025, "m01")
    edition = project.edition_dir(2025, "m01")
    text = _pdf_text(edition)
    assert "chưa có số liệu của tháng 1 năm 2025 (từ 15/12/2024 đến 14/01/2025)" in text
    assert "Biểu 06/VPCP/KSTT" not in text and "so với cùng kỳ năm 2024" not in text
    for what in ("kết quả đào tạo, bồi dưỡng", "số thủ tục cung cấp dịch vụ công trực tuyến"):
        assert f"chưa bao gồm trọn tháng 1 năm 2025, nên chưa so sánh {what}" in text
    assert _manifest(edition)["checks"]["failed"] == []  # tables left out on purpose


def test_new_build_finalize_the_analysts_cycle(project):
    new = _cli(project, "new", "--year", "2024", "--period", "q3")
    assert new.returncode == 0, new.stderr
    assert "wrote params/2024/q3.yaml from params/2024/h1.yaml" in new.stdout
    assert "lists.difficulties  params/2024/q3.yaml, line" in new.stdout

    drafted = _build(project, 2024, "q3")
    edition = project.edition_dir(2024, "q3")
    manifest = _manifest(edition)
    assert "warning: DỰ THẢO: lists.directions was carried over" in drafted.stderr
    assert _pdf_text(edition).startswith("DỰ THẢO")
    assert Document(str(edition / "report.docx")).paragraphs[0].text == "DỰ THẢO"
    assert 'class="rb-mark rb-mark-corner"' in (edition / "report.html").read_text("utf-8")
    assert manifest["draft"] is True
    assert [t["key"] for t in manifest["unreviewed"]] == ["lists.difficulties", "lists.directions"]

    refused = _cli(project, "finalize", "--year", "2024", "--period", "q3")
    assert refused.returncode == 2
    assert "is a draft (DỰ THẢO) and cannot be made final" in refused.stderr
    assert "lists.difficulties (params/2024/q3.yaml, line" in refused.stderr

    params = project.params / "2024" / "q3.yaml"  # the analyst reviews both texts
    kept = [
        line
        for line in params.read_text(encoding="utf-8").splitlines(keepends=True)
        if line not in ("  - lists.difficulties\n", "  - lists.directions\n")
    ]
    params.write_text("".join(kept), encoding="utf-8")
    reviewed = _build(project, 2024, "q3")
    assert "0 section(s) executed, 14 reused from the cache" in " ".join(reviewed.stderr.split())
    assert "DỰ THẢO" not in _pdf_text(edition)
    assert _manifest(edition)["draft"] is False

    final = _cli(project, "finalize", "--year", "2024", "--period", "q3")
    assert final.returncode == 0, final.stderr
