"""First-page marks: "DỰ THẢO" boxed at the top right, other marks across the page."""

import pytest
from docx import Document
from docx.oxml.ns import qn
from nbformat.v4 import new_code_cell, new_notebook, new_output

from reportbook.notebook.blocks import MIME, Paragraph
from reportbook.rendering.marks import DRAFT, FAILED_CHECKS, add_mark, marks_of, placed
from reportbook.rendering.render import to_html
from reportbook.rendering.word import to_docx


def _marked(*marks):
    said = Paragraph("Nội dung báo cáo.")
    output = new_output("display_data", data={"text/html": said.html(), MIME: said.data()})
    nb = new_notebook(cells=[new_code_cell(outputs=[output])])
    for mark in marks:
        add_mark(nb, mark)
    return nb


def test_a_mark_is_added_once():
    nb = _marked(DRAFT, DRAFT)
    assert marks_of(nb) == [DRAFT]


def test_the_draft_mark_comes_first_in_its_corner_whatever_the_order_added():
    assert placed(_marked(FAILED_CHECKS, DRAFT)) == [(DRAFT, True), (FAILED_CHECKS, False)]


def test_the_html_page_opens_with_the_boxed_draft_mark_then_the_banner():
    page = to_html(_marked(FAILED_CHECKS, DRAFT), "Báo cáo thử")
    body = page[page.index("<body>") :]
    corner = body.index('<p class="rb-mark rb-mark-corner" style="display: table;')
    assert corner < body.index(f'<p class="rb-mark">{FAILED_CHECKS}</p>') < body.index("Nội dung")
    assert f">{DRAFT}</p>" in body


@pytest.fixture(scope="module")
def document(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    to_docx(_marked(FAILED_CHECKS, DRAFT), path, title="Báo cáo thử")
    return Document(str(path))


def test_the_word_file_opens_with_the_draft_mark_boxed_at_the_right(document):
    first, second = document.paragraphs[:2]
    borders = first._p.pPr.find(qn("w:pBdr"))
    assert first.text == DRAFT and first.runs[0].bold
    assert [edge.tag.split("}")[1] for edge in borders] == ["top", "left", "bottom", "right"]
    assert first.paragraph_format.left_indent.cm > 10  # a narrow box against the right margin
    assert second.text == FAILED_CHECKS


def test_the_word_draft_box_keeps_the_schema_order_of_paragraph_properties(document):
    children = [child.tag.split("}")[1] for child in document.paragraphs[0]._p.pPr]
    assert children.index("pBdr") < children.index("spacing") < children.index("ind")
