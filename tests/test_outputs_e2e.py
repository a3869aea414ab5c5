"""End to end: the Word document, the reviewer edition and the page layout of the built report."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document

from reportbook import GlyphCoverageError
from reportbook.build import build
from reportbook.paths import Project
from reportbook.rendering.render import visible_text

from .conftest import pdftotext
from .test_build_e2e import FIGURES, HEADINGS, _flat, seed_references
from .vietnamese_helpers import english_words, identifiers, is_vietnamese
from .vietnamese_helpers import visible_text as reader_text

pytestmark = pytest.mark.e2e


def docx_text(path: Path) -> str:
    document = Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return _flat("\n".join(parts))


def test_docx_carries_the_headings_figures_and_references(built_2023_annual):
    text = docx_text(built_2023_annual / "report.docx")
    assert [h for h in HEADINGS if h not in text] == []
    assert [f for f in FIGURES if f not in text] == []
    assert [r for r in seed_references() if f"số {r}" not in text.replace("Số ", "số ")] == []


def test_docx_tables_are_real_word_tables(built_2023_annual):
    document = Document(str(built_2023_annual / "report.docx"))
    captions = [p.text for p in document.paragraphs if re.match(r"Bảng \d+\. ", p.text)]
    assert len(captions) >= 7
    assert len(document.tables) == len(captions) + 2  # plus the header and the closing
    form = next(t for t in document.tables if t.cell(0, 0).text == "Đơn vị")
    assert [c.text for c in form.rows[-1].cells][:2] == ["Tổng cộng", "13.573"]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_converts_to_pdf_with_libreoffice_and_keeps_the_content(built_2023_annual, tmp_path):
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(built_2023_annual / "report.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "report.pdf"
    text = pdftotext(pdf)
    assert _blank_pages(text) == []  # e.g. a section break spilling onto a page of its own
    # Compare without spaces and hyphens: pdftotext drops a hyphen that ends a line.
    squeezed = re.sub(r"[\s\-\u2011]", "", text)
    assert [f for f in FIGURES if re.sub(r"[\s\-]", "", f) not in squeezed] == []
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    families = {line.split()[0].split("+")[-1].split("-")[0] for line in fonts.splitlines()[2:]}
    assert families == {"LiberationSerif"}  # Times New Roman, substituted metric-compatibly


def _blank_pages(text: str) -> list[int]:
    """Pages (from 1) whose only text is their page number, in pdftotext's output."""
    pages = text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    return [n for n, page in enumerate(pages, 1) if not re.sub(r"\d+", "", page).strip()]


def test_the_pdf_has_no_blank_page(built_2023_annual):
    text = pdftotext(built_2023_annual / "report.pdf")
    assert text.count("\f") >= 10 and _blank_pages(text) == []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def test_every_link_of_the_reviewer_edition_works_offline(built_2023_annual):
    pages = sorted((built_2023_annual / "review").rglob("*.html")) + [
        built_2023_annual / "report.html"
    ]
    assert len(pages) >= 17
    checked = 0
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for link in parser.links:
            if link.startswith(("data:", "#")):
                continue
            assert not re.match(r"^[a-z]+://|^//", link), (
                f"{page.name} links outside the edition: {link}"
            )
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_file(), f"{page.name}: broken link {link}"
            assert built_2023_annual.resolve() in target.parents
            checked += 1
    assert checked >= 30


def test_reviewer_sections_show_code_and_outputs(built_2023_annual):
    page = (built_2023_annual / "review" / "sections" / "04-thu-tuc-hanh-chinh.html").read_text(
        encoding="utf-8"
    )
    text = visible_text(page)
    assert "dossiers.statistics(records, r.window)" in text and "13.573" in text
    assert "<script src=" not in page


def test_every_reviewer_page_speaks_vietnamese_to_its_readers(built_2023_annual):
    """lang="vi", a Vietnamese <title>, dd/mm/yyyy windows, no key or English outside code."""
    review = built_2023_annual / "review"
    pages = sorted(review.rglob("*.html"))
    assert len(pages) == 4 + len(list((review / "sections").glob("*.html")))
    for page in pages:
        html = page.read_text(encoding="utf-8")
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert '<html lang="vi">' in html and is_vietnamese(title), f"{page.name}: {title}"
        prose = reader_text(html, skip=("code", "pre", "nav"))
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", prose), page.name
        assert identifiers(prose) == [] and english_words(prose) == [], page.name
        if page.parent != review:  # a section opens with its title, then the notebook's note
            assert prose.startswith(title.split(" — ")[0]) and is_vietnamese(prose[:400])
    assert "15/12/2022 – 14/12/2023" in reader_text((review / "index.html").read_text())
    index = reader_text((review / "index.html").read_text())
    assert "II.1.2.b. Công tác cải cách thủ tục hành chính 04-thu-tuc-hanh-chinh.ipynb" in index


def test_checks_page_lists_passed_identities(built_2023_annual):
    page = (built_2023_annual / "review" / "checks.html").read_text(encoding="utf-8")
    assert page.count("Đạt</td>") >= 50
    assert "Không đạt" not in page
    assert "1.234 = 1.227 + 0 + 7" in page


def test_report_html_links_to_the_reviewer_edition(built_2023_annual):
    assert 'href="review/index.html"' in (built_2023_annual / "report.html").read_text(
        encoding="utf-8"
    )


def _page_text(pdf: Path, page: int) -> list[str]:
    out = pdftotext(pdf, "-f", str(page), "-l", str(page))
    return [line for line in out.splitlines() if line.strip()]


def test_page_numbers_start_on_page_two_at_the_top(built_2023_annual):
    pdf = built_2023_annual / "report.pdf"
    first = _page_text(pdf, 1)
    assert first[0] == "UBND TỈNH SÓC TRĂNG"
    assert _page_text(pdf, 2)[0].strip() == "2"
    assert _page_text(pdf, 3)[0].strip() == "3"


def test_a_character_the_font_lacks_fails_the_build_and_keeps_the_edition(
    built_2023_annual, tmp_path
):
    source = built_2023_annual.parents[2]
    for name in ("data", "params", "notebooks", "outputs"):
        shutil.copytree(source / name, tmp_path / name)
    project = Project(tmp_path)
    edition = project.edition_dir(2023, "annual")
    before = hashlib.sha256((edition / "report.pdf").read_bytes()).hexdigest()
    params = tmp_path / "params" / "2023" / "annual.yaml"
    params.write_text(
        params.read_text(encoding="utf-8").replace(
            "Chưa có nhiều sáng kiến", "Chưa có nhiều sáng kiến 中"
        ),
        encoding="utf-8",
    )
    with pytest.raises(GlyphCoverageError, match=r"U\+4E2D CJK UNIFIED IDEOGRAPH-4E2D"):
        build(2023, "annual", sections=["11"], project=project)
    assert hashlib.sha256((edition / "report.pdf").read_bytes()).hexdigest() == before


def test_the_build_log_reads_as_sentences_without_code_locations(built_2023_annual):
    """Piped into a log, each step and section is one whole line, no 'progress.py:51'."""
    log = (built_2023_annual.parents[2] / "build.log").read_text(encoding="utf-8").splitlines()
    assert not [line for line in log if re.search(r"\w+\.py:\d+", line)]
    assert any(line.endswith("checking params, notebooks and data") for line in log)
    assert any(re.search(r"04-thu-tuc-hanh-chinh: (\d+\.\d s|reused from)", line) for line in log)
    built = [line for line in log if line.startswith("built năm 2023 in ")]
    assert len(built) == 1 and built[0].endswith(" s in sections)")
