"""report.docx is a real Word document: styles, tables, header, page numbers."""

import base64
import io

import pandas as pd
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from reportbook.notebook.blocks import MIME, Group, Paragraph, Table, Template
from reportbook.rendering.recorded import blocks_of
from reportbook.rendering.word import to_docx

from ..blocks_helpers import header_block


def _png() -> str:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "navy").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


PNG = _png()


def _output(block):
    return new_output("display_data", data={"text/html": block.html(), MIME: block.data()})


def _notebook():
    header = header_block("Sóc Trăng, ngày 15 tháng 12 năm 2023")
    frame = pd.DataFrame(
        {"Đơn vị": ["A", "Tổng cộng"], "Tổng số": ["1.234", "1.234"], "Trực tuyến": ["590", "590"]}
    )
    table = Table(
        frame, "Tình hình giải quyết", groups=[("Đơn vị", 1), ("Số hồ sơ nhận", 2)], total_row=True
    )
    figure = {"kind": "figure", "caption": "Hồ sơ theo tháng", "png": PNG}
    closing = Template(
        "closing",
        recipients=["Sở Nội vụ;", "Lưu: VT."],
        signer={"title": "GIÁM ĐỐC", "name": "Võ Thanh Quang", "authority": None},
    )
    cells = [
        new_code_cell(outputs=[_output(header)]),
        new_markdown_cell("## I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH\n\n### 1. Công tác chỉ đạo"),
        new_code_cell(outputs=[_output(Group([Paragraph("Đoạn một."), Paragraph("Đoạn hai.")]))]),
        new_code_cell(outputs=[_output(table), new_output("display_data", data={MIME: figure})]),
        new_markdown_cell("ghi chú", metadata={"tags": ["remove_cell"]}),
        new_code_cell(outputs=[_output(closing)]),
    ]
    return new_notebook(cells=cells)


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    to_docx(_notebook(), path, title="Báo cáo thử")
    return Document(str(path))


def test_blocks_are_read_in_order_without_removed_cells():
    kinds = [b["kind"] for b in blocks_of(_notebook())]
    assert kinds == [
        "header",
        "heading",
        "heading",
        "paragraph",
        "paragraph",
        "table",
        "figure",
        "closing",
    ]


def test_page_is_a4_with_decree_30_margins(document):
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 1.5
    assert round(section.top_margin.cm, 1) == 2.0 and round(section.bottom_margin.cm, 1) == 2.0


def test_page_numbers_are_a_field_in_the_header_from_page_two(document):
    section = document.sections[0]
    assert section.different_first_page_header_footer
    fields = section.header._element.findall(".//" + qn("w:fldSimple"))
    assert [f.get(qn("w:instr")) for f in fields] == ["PAGE"]
    assert not section.first_page_header._element.findall(".//" + qn("w:fldSimple"))


def test_body_text_is_times_new_roman_14_justified_with_indent(document):
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    assert round(normal.paragraph_format.first_line_indent.cm, 2) == 1.0
    assert normal.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    texts = [p.text for p in document.paragraphs]
    assert "Đoạn một." in texts and "Đoạn hai." in texts


def test_headings_use_word_heading_styles(document):
    headings = {
        p.text: p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")
    }
    assert headings == {
        "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH": "Heading 1",
        "1. Công tác chỉ đạo": "Heading 2",
    }
    assert document.styles["Heading 1"].font.name == "Times New Roman"


def test_header_has_both_columns_then_the_number_level_with_the_date(document):
    names, dates = document.tables[0].rows
    left, right = names.cells
    lines = [p.text for p in left.paragraphs]
    assert lines == ["UBND TỈNH SÓC TRĂNG", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
    assert [p.text for p in right.paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    number, date = dates.cells
    assert number.text.startswith("Số:") and number.text.endswith("/BC-SLĐTBXH")
    assert date.text == "Sóc Trăng, ngày 15 tháng 12 năm 2023"
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts and "Công tác cải cách hành chính năm 2023" in texts


def _border_width(paragraph):
    """The cm a paragraph's bottom border spans (the column less both indents), or None."""
    if paragraph._p.find(".//" + qn("w:pBdr")) is None:
        return None
    fmt = paragraph.paragraph_format
    return (fmt.left_indent or 0) + (fmt.right_indent or 0)


def test_the_rules_hang_from_their_text(document):
    """The motto's rule is its own border, as long as the motto; the agency's under its name."""
    left, right = document.tables[0].rows[0].cells
    motto = right.paragraphs[1]
    assert _border_width(motto) is not None and motto.paragraph_format.keep_with_next
    column = document.tables[0].columns[1].width
    ruled = column - _border_width(motto)
    assert Cm(5.9) < ruled < Cm(6.4)  # "Độc lập - Tự do - Hạnh phúc" in 14 pt bold: 6,04 cm
    assert _border_width(left.paragraphs[-1]) is not None  # under "VÀ XÃ HỘI"
    assert not any(_border_width(p) is not None and not p.text for p in left.paragraphs)


def test_tables_are_word_tables_with_merged_group_headers(document):
    table = document.tables[1]
    assert table.cell(0, 0).text == "Đơn vị" and table.cell(1, 0).text == "Đơn vị"  # merged down
    assert (
        table.cell(0, 1).text == "Số hồ sơ nhận" and table.cell(0, 2).text == "Số hồ sơ nhận"
    )  # merged across
    assert [c.text for c in table.rows[2].cells] == ["A", "1.234", "590"]
    assert all(run.bold for run in table.rows[3].cells[1].paragraphs[0].runs)
    assert "Bảng 1. Tình hình giải\u00a0quyết" in _captions(document)


def _captions(document):
    return [p.text for p in document.paragraphs if p.style.name == "Caption"]


def test_figures_are_pictures_with_numbered_captions(document):
    assert len(document.inline_shapes) == 1
    assert _captions(document)[-1] == "Hình 1. Hồ sơ theo\u00a0tháng"


def test_captions_are_in_words_caption_style_12_pt_centred(document):
    table_caption, figure_caption = (
        p for p in document.paragraphs if p.text.startswith(("Bảng 1.", "Hình 1."))
    )
    style = document.styles["Caption"]
    assert table_caption.style == figure_caption.style == style
    assert style.font.size.pt == 12 and style.font.name == "Times New Roman"
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold for run in table_caption.runs)
    assert all(run.italic for run in figure_caption.runs)


def test_closing_has_recipients_left_and_signature_right(document):
    left, right = document.tables[-1].rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:"
    assert "- Lưu: VT." in left.text
    assert right.paragraphs[0].text == "GIÁM ĐỐC" and right.paragraphs[-1].text == "Võ Thanh Quang"


def test_every_block_kind_has_a_word_writer():
    from reportbook.notebook.blocks import KINDS
    from reportbook.rendering.word import WRITERS

    assert set(WRITERS) == set(KINDS)


def _form_notebook(after_form):
    """A Biểu 06 table, a small table right after it, then ``after_form`` and the closing."""
    from reportbook.stats.form06 import COLUMN_LABELS, COLUMNS, header_groups

    columns = ["Đơn vị", *(COLUMN_LABELS[c] for c in COLUMNS)]
    frame = pd.DataFrame([["Tổng cộng", *("13.573" for _ in COLUMNS)]], columns=columns)
    form = Table(frame, "Tình hình (Biểu 06/VPCP/KSTT)", groups=header_groups("Đơn vị"))
    small = Table(pd.DataFrame({"Chỉ tiêu": ["Nhận"], "Kỳ này": ["1"]}), "So sánh")
    closing = Template(
        "closing",
        recipients=["Lưu: VT."],
        signer={"title": "GIÁM ĐỐC", "name": "A", "authority": None},
    )
    blocks = [form, small, *after_form, closing]
    return new_notebook(cells=[new_code_cell(outputs=[_output(b)]) for b in blocks])


@pytest.fixture(scope="module")
def form_document(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "form.docx"
    to_docx(_form_notebook([Paragraph("Trên đây là báo cáo.")]), path)
    return Document(str(path))


def test_a_wide_form_and_the_table_after_it_get_a_landscape_page_then_portrait_again(
    form_document,
):
    from docx.enum.section import WD_ORIENT

    orientations = [s.orientation for s in form_document.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    landscape = form_document.sections[1]
    assert round(landscape.page_width.cm, 1) == 29.7
    assert not landscape.different_first_page_header_footer  # its pages are numbered


def test_a_section_break_after_text_adds_no_empty_line_that_could_make_a_blank_page(tmp_path):
    from docx.oxml.ns import qn

    nb = _form_notebook([Paragraph("Trên đây là báo cáo.")])
    nb.cells.insert(0, new_code_cell(outputs=[_output(Paragraph("Đoạn cuối trang dọc."))]))
    to_docx(nb, tmp_path / "breaks.docx")
    body = Document(str(tmp_path / "breaks.docx")).element.body
    holders = [p for p in body.iter(qn("w:p")) if p.xpath("./w:pPr/w:sectPr")]
    assert len(holders) == 2  # portrait to landscape, landscape to portrait
    assert "Đoạn cuối trang dọc." in "".join(holders[0].itertext())


def test_the_form_keeps_its_three_header_rows_and_11_pt_text(form_document):
    form = form_document.tables[0]
    assert form.cell(0, 0).text == form.cell(2, 0).text == "Đơn vị"
    assert form.cell(0, 1).text == form.cell(0, 5).text == "Số hồ sơ nhận giải quyết"
    assert form.cell(1, 1).text == form.cell(2, 1).text == "Tổng số"
    assert form.cell(1, 2).text == form.cell(1, 3).text == "Trong đó"
    assert form.cell(2, 2).text == "Trực tuyến"
    sizes = {
        run.font.size.pt
        for row in form.rows
        for c in row.cells
        for p in c.paragraphs
        for run in p.runs
    }
    assert sizes == {11}


def test_the_paragraph_before_the_closing_is_kept_with_it(form_document):
    before = next(p for p in form_document.paragraphs if p.text == "Trên đây là báo cáo.")
    assert before.paragraph_format.keep_with_next and before.paragraph_format.keep_together
    closing_row = form_document.tables[-1].rows[0]._tr
    assert closing_row.find(".//" + qn("w:cantSplit")) is not None


def test_word_tables_take_each_columns_width_from_its_content(tmp_path):
    frame = pd.DataFrame(
        {
            "STT": ["01", "02"],
            "Họ và tên": ["Võ Thanh Quang", "Trương Hoàng Đình Thi"],
            "Email/điện thoại": [
                "vtquang@soctrang.gov.vn 0913.983.079",
                "thdthi@soctrang.gov.vn 0919.864.555",
            ],
        }
    )
    nb = new_notebook(cells=[new_code_cell(outputs=[_output(Table(frame, "Đầu mối"))])])
    to_docx(nb, tmp_path / "contacts.docx")
    table = Document(str(tmp_path / "contacts.docx")).tables[0]
    grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    cells = [cell.width for cell in table.rows[-1].cells]
    assert grid[0] < grid[1] < grid[2]
    assert [round(w / 635) for w in cells] == grid  # Word reads the cells, LibreOffice the grid
    assert sum(grid) / 1440 * 2.54 == pytest.approx(16.5, abs=0.05)  # twips: the text width
