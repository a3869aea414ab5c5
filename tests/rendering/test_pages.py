"""The printed page: the closing never stands alone, wide forms go landscape (WeasyPrint)."""

import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from pypdf import PdfReader

from reportbook.notebook.blocks import MIME, Group, Paragraph, Table, Template
from reportbook.rendering.render import to_html, to_pdf
from tests.conftest import pdftotext

CLOSING = Template(
    "closing",
    recipients=["Sở Nội vụ;", "Lưu: VT."],
    signer={"title": "GIÁM ĐỐC", "name": "Võ Thanh Quang", "authority": None},
)
LINE = "Tiếp tục triển khai thực hiện đồng bộ, hiệu quả Kế hoạch cải cách hành chính năm."


def _notebook(*blocks):
    outputs = [
        new_output("display_data", data={"text/html": b.html(), MIME: b.data()}) for b in blocks
    ]
    return new_notebook(cells=[new_code_cell(outputs=[o]) for o in outputs])


def _pages(nb, tmp_path):
    pdf = tmp_path / "report.pdf"
    to_pdf(to_html(nb, "thử"), pdf)
    text = pdftotext(pdf)
    return pdf, [page for page in text.split("\f") if page.strip()]


@pytest.mark.parametrize("lines", range(29, 35))
def test_the_closing_is_never_alone_on_a_page_whatever_the_length_of_the_body(lines, tmp_path):
    """33 paragraphs put the closing sentence last on page 2 and the closing alone on page 3."""
    body = Group(Paragraph(LINE) for _ in range(lines))
    sentence = Paragraph("Trên đây là báo cáo kết quả công tác cải cách hành chính năm 2023./.")
    _, pages = _pages(_notebook(body, sentence, CLOSING), tmp_path)
    last = pages[-1]
    assert "Nơi nhận" in last and "Võ Thanh Quang" in last
    assert "Trên đây là báo cáo" in last


def test_a_wide_form_and_the_table_after_it_are_printed_landscape(tmp_path):
    frame = pd.DataFrame([["Tổng cộng", *range(13)]], columns=[f"c{i}" for i in range(14)])
    small = pd.DataFrame({"Chỉ tiêu": ["Nhận"], "Kỳ này": ["1"]})
    nb = _notebook(
        Paragraph("Mở đầu."), Table(frame, "Biểu"), Table(small, "So sánh"), Paragraph("Tiếp.")
    )
    pdf, pages = _pages(nb, tmp_path)
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height)))
        for p in PdfReader(pdf).pages
    ]
    assert sizes == [(595, 842), (842, 595), (595, 842)]
    assert "Biểu" in pages[1] and "So sánh" in pages[1] and "Tiếp." in pages[2]


def test_the_pdf_keeps_numbers_whole_with_word_joiners_and_shows_none_of_them(tmp_path):
    """WeasyPrint gets word joiners instead of no-break spans (it mis-breaks before them)."""
    from reportbook.rendering.render import WORD_JOINER, for_print

    html = Paragraph("Sở LĐ-TB&XH, Quyết định số 3118/QĐ-UBND.").html()
    printed = for_print(html)
    assert "rb-nobr" not in printed
    assert (
        f"LĐ-{WORD_JOINER}TB&amp;XH" in printed and f"3118/{WORD_JOINER}QĐ-{WORD_JOINER}" in printed
    )
    _, pages = _pages(_notebook(Paragraph("Sở LĐ-TB&XH, Quyết định số 3118/QĐ-UBND.")), tmp_path)
    assert "Sở LĐ-TB&XH, Quyết định số 3118/QĐ-UBND." in pages[0]
    assert WORD_JOINER not in pages[0]
