"""End to end: the pages a civil servant signs, as printed (PDF) and as Word lays them out.

Each report's PDF, and its report.docx converted by LibreOffice, is read back
page by page (pdftotext): the closing block shares its page with the closing
sentence, body lines never gape or end early, and dates follow Decree 30.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import nbformat
import pytest

from reportbook.build import build
from reportbook.rendering.recorded import blocks_of

from .conftest import copy_project, pdftotext

pytestmark = pytest.mark.e2e

SPACE_PT = 3.5  # a space of the 14 pt body (Liberation Serif: a quarter em)
RIGHT_MARGIN_PT = 15 * 72 / 25.4


@pytest.fixture(scope="module")
def built_2024_annual(tmp_path_factory):
    return build(2024, "annual", project=copy_project(tmp_path_factory.mktemp("p2024"))).edition


@pytest.fixture(scope="module", params=["2023", "2024"])
def edition(request, built_2023_annual, built_2024_annual):
    return built_2023_annual if request.param == "2023" else built_2024_annual


@pytest.fixture(scope="module")
def word_as_pdf(edition, tmp_path_factory):
    """report.docx converted to PDF by LibreOffice, as an office would open and print it."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path_factory.mktemp("lo")
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{out}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(edition / "report.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out / "report.pdf"


def _page_texts(pdf: Path) -> list[str]:
    text = pdftotext(pdf)
    return [page for page in text.split("\f") if page.strip()]


def _body_lines(pdf: Path):
    """Every line of the 14 pt body text: (page width, words as (x0, x1, text))."""
    xml = pdftotext(pdf, "-bbox-layout")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    for page in ElementTree.fromstring(xml).iter("page"):
        for line in page.iter("line"):
            words = [
                (float(w.get("xMin")), float(w.get("xMax")), w.text) for w in line.iter("word")
            ]
            first = next(line.iter("word"))
            # 14 pt body lines are 15,5 pt high (WeasyPrint) or 18 (LibreOffice); 11 pt
            # table cells 12 or 14
            if float(first.get("yMax")) - float(first.get("yMin")) >= 15:
                yield float(page.get("width")), words


def _paragraphs(edition: Path) -> list[str]:
    nb = nbformat.read(edition / "report.ipynb", as_version=4)
    return [" ".join(b["text"].split()) for b in blocks_of(nb) if b["kind"] == "paragraph"]


@pytest.mark.parametrize("source", ["pdf", "docx"])
def test_the_closing_block_shares_its_page_with_the_closing_sentence(source, edition, request):
    pdf = edition / "report.pdf" if source == "pdf" else request.getfixturevalue("word_as_pdf")
    last = _page_texts(pdf)[-1]
    assert "Nơi nhận" in last and "GIÁM ĐỐC" in last
    assert "Trên đây là báo cáo" in last


@pytest.mark.parametrize("source", ["pdf", "docx"])
def test_no_body_line_gapes_before_a_long_number(source, edition, request):
    """A justified line's spaces stay under two and a half natural spaces (they were six)."""
    pdf = edition / "report.pdf" if source == "pdf" else request.getfixturevalue("word_as_pdf")
    gaping = []
    for _, words in _body_lines(pdf):
        gaps = [b[0] - a[1] for a, b in zip(words, words[1:], strict=False)]
        if gaps and max(gaps) > 2.5 * SPACE_PT:
            gaping.append(" ".join(w for _, _, w in words))
    assert gaping == []


def test_no_body_line_ends_before_the_text_width_inside_a_paragraph(edition):
    """Lines end early only where a paragraph ends (WeasyPrint once left 'hoạt' alone)."""
    text = "\n".join(_paragraphs(edition))
    lines = list(_body_lines(edition / "report.pdf"))
    early = []
    for (width, words), (_, following) in zip(lines, lines[1:], strict=False):
        line = " ".join(w for _, _, w in words)
        if words[-1][1] < width - RIGHT_MARGIN_PT - 40:  # short: the paragraph must end here
            if f"{line} {' '.join(w for _, _, w in following)}" in text:
                early.append(line)
    assert early == []


def test_dates_follow_decree_30_in_every_paragraph(edition):
    """Days below 10 and months 1 and 2 padded, months 3 to 9 never: 06/3/2023, 12/01/2023."""
    text = " ".join(_paragraphs(edition))
    assert re.findall(r"\b\d{1,2}/0[3-9]/\d{4}\b", text) == []
    assert re.findall(r"\b\d/\d{1,2}/\d{4}\b", text) == []
    assert re.findall(r"\b\d{1,2}/[12]/\d{4}\b", text) == []
