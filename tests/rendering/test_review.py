"""The reviewer edition speaks to its readers in Vietnamese, on every page.

Its readers are the department's staff and the province's inspectors: pages
are ``lang="vi"`` with Vietnamese titles, sections are listed by their
title, windows are dates as Decree 30 writes them, and no internal key
(``carried_over``, ``reused (cache)``) or English sentence shows outside the
``<code>`` that quotes data, file names and hashes.
"""

import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from reportbook.inputs.problems import Problem
from reportbook.notebook import formatting
from reportbook.rendering import checks, review
from reportbook.rendering.marks import DRAFT, FAILED_CHECKS

from ..vietnamese_helpers import english_words, identifiers, is_vietnamese, visible_text

COUNTS = dict.fromkeys(("received", "resolved", "returned", "in_progress"), 0)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _section(folder, name, title=None, heading="## I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"):
    """An executed section notebook as papermill leaves it: note, code, output."""
    note = new_markdown_cell("*Sổ tay tính mục I của báo cáo.*", metadata={"tags": ["remove_cell"]})
    output = new_output("execute_result", data={"text/plain": "'13.573 hồ sơ'"}, execution_count=2)
    cells = [note, new_markdown_cell(heading), new_code_cell("r.total()", outputs=[output])]
    cells[2].execution_count = 2
    nb = new_notebook(cells=cells, metadata={"title": title} if title else {})
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """A draft edition with failed checks and one data warning: every page written once."""
    tmp_path = tmp_path_factory.mktemp("review")
    executed = tmp_path / "executed"
    executed.mkdir()
    paths = [
        _section(executed, "01-chi-dao-dieu-hanh", "I. Công tác chỉ đạo điều hành"),
        _section(executed, "11-kho-khan", heading="## III. NHỮNG KHÓ KHĂN, VƯỚNG MẮC"),
    ]
    values = {
        "A": {"carried_over": 2, "new": 8, "received": 10},
        "total": {"carried_over": 2, "new": 8, "received": 11},
    }
    found = checks.dossier_identities({}, "Biểu 06") + checks.missing_tables({})
    found += checks.cross_section_checks(
        {"dossiers_by_unit": {"values": values}, "dossiers_by_field": {"values": values}}, ""
    )
    manifest = {
        "parameters": {"year": 2023, "period": "annual"},
        "label": "năm 2023",
        "window": {"start": "2022-12-15", "end": "2023-12-14"},
        "previous_year_window": {"start": "2021-12-15", "end": "2022-12-14"},
        "inputs": {"data/dossiers.csv": "ab" * 32, "params/2023/annual.yaml": "cd" * 32},
        "versions": {"python": "3.11.7", "reportbook": "0.1.0"},
        "marks": [DRAFT, FAILED_CHECKS],
        "draft": True,
        "unreviewed": [{"key": "texts.tthc_total", "file": "params/2023/annual.yaml", "line": 12}],
    }
    warning = Problem(
        "dossiers.csv",
        6,
        "due_on",
        "01/01/2099",
        "is outside",
        severity="warning",
        note="ngoài khoảng",
    )
    edition = tmp_path / "edition"
    review.write(edition, paths, manifest, found, "BÁO CÁO CCHC", warnings=[warning])
    return {
        p.relative_to(edition / "review").as_posix(): p.read_text()
        for p in (edition / "review").rglob("*.html")
    }


def test_every_page_is_vietnamese_with_a_vietnamese_title(pages):
    assert len(pages) == 5  # index, checks, manifest and the two sections
    for name, html in pages.items():
        assert '<html lang="vi">' in html, name
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert is_vietnamese(title), f"{name}: <title>{title}</title>"


def test_the_index_lists_sections_by_title_with_the_file_name_beside_it(pages):
    text = visible_text(pages["index.html"])
    assert "I. Công tác chỉ đạo điều hành 01-chi-dao-dieu-hanh.ipynb" in text
    assert "III. NHỮNG KHÓ KHĂN, VƯỚNG MẮC 11-kho-khan.ipynb" in text  # no title: its heading


def test_windows_are_dates_as_decree_30_writes_them(pages):
    import datetime as dt

    window = f"{formatting.date(dt.date(2022, 12, 15))} – {formatting.date(dt.date(2023, 12, 14))}"
    for name in ("index.html", "checks.html", "manifest.html"):
        text = visible_text(pages[name])
        assert f"kỳ số liệu {window}" in text and ISO_DATE.findall(text) == [], name
    assert "15/12/2021 – 14/12/2022" in visible_text(pages["manifest.html"])


@pytest.mark.parametrize("name", ["index.html", "checks.html", "manifest.html"])
def test_no_internal_key_or_english_word_shows_outside_quoted_code(pages, name):
    text = visible_text(pages[name], skip=("code",))
    assert identifiers(text) == [] and english_words(text) == [], text
    assert not re.search(r"\([a-z_ ]+\)", text)  # "(carried_over)", "(reused)"


def test_a_draft_and_a_failed_check_are_said_first_on_every_page(pages):
    for name in ("index.html", "checks.html", "manifest.html"):
        text = visible_text(pages[name])
        heading = text.index("kỳ số liệu")
        assert text.index(DRAFT) < heading and text.index(FAILED_CHECKS[:20]) < heading, name
    index = visible_text(pages["index.html"])
    assert "Đoạn văn chưa được duyệt" in index and "texts.tthc_total" in index
    checks_page = visible_text(pages["checks.html"])
    assert "Không đạt" in checks_page and "Kỳ trước chuyển sang" in checks_page
    assert "dòng 6" in checks_page and "ngoài khoảng" in checks_page


def test_a_section_page_opens_with_its_title_and_the_notebook_note_in_vietnamese(pages):
    html = pages["sections/01-chi-dao-dieu-hanh.html"]
    assert "<title>I. Công tác chỉ đạo điều hành — Bản thẩm định</title>" in html
    prose = visible_text(html, skip=("pre", "code", "nav"))
    assert prose.startswith("I. Công tác chỉ đạo điều hành"), prose[:200]
    assert is_vietnamese(prose.split(".")[2]) and english_words(prose) == [], prose
    assert "In [" not in visible_text(html) and "Out[" not in visible_text(html)
    assert "[2]:" in visible_text(html)
