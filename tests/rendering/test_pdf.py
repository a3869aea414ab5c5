"""The PDF is WeasyPrint's print of the report page, whatever way its fonts reach WeasyPrint."""

import weasyprint
from nbformat.v4 import new_markdown_cell, new_notebook

from reportbook.rendering import render


def _page():
    cells = [
        new_markdown_cell(
            "## I. CÔNG TÁC CHỈ ĐẠO\n\n**Đạt** *kết quả* 13.573 hồ sơ; Kế hoạch số 02a/KH-SLĐTBXH."
        )
    ]
    return render.to_html(new_notebook(cells=cells), "Báo cáo thử")


def test_the_page_gives_weasyprint_its_fonts_by_name_and_keeps_everything_else():
    html = _page()
    page, fonts = render._fonts_by_name(html)
    assert len(fonts) == 4 and "data:font" not in page
    assert all(f"url({name})" in page for name in fonts)
    assert page.count("reportbook-font:") == 4
    assert len(html) - len(page) > sum(len(f) for f in fonts.values())  # the base64 is gone


def test_the_pdf_is_the_one_weasyprint_prints_from_the_embedded_fonts_itself(tmp_path):
    html = _page()
    render.to_pdf(html, tmp_path / "by-name.pdf")
    direct = weasyprint.HTML(string=render.for_print(html), base_url=str(tmp_path)).write_pdf(
        pdf_identifier=b"reportbook", uncompressed_pdf=False
    )
    assert (tmp_path / "by-name.pdf").read_bytes() == direct
