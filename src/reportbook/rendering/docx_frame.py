"""The Decree 30 frame of the Word file: the header and the closing.

The header is a borderless two-row table: the parent and issuing agency
(its name broken where :func:`reportbook.notebook.typeset.agency_lines` says)
beside the national name and motto, then the number level with the place and
date; the title and subject follow, centred. The decree's rules hang from
their text (a paragraph border), so they never drift from it. The closing is
recipients beside the signature, kept on the page of the paragraph before it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..notebook import typeset
from .docx_parts import TEXT_WIDTH, add_line, cell_margins, first_line, set_widths
from .docx_tables import keep_row_whole

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell
    from docx.text.paragraph import Paragraph

# What may follow a paragraph border in its properties, in the order the OOXML
# schema sets (Word refuses a file whose properties are out of order).
_AFTER_BORDER = (
    *("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap"),
    *("w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi"),
    *("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing"),
    *("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment"),
    *("w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr"),
    "w:pPrChange",
)


_LEFT_CM, _RIGHT_CM = typeset.HEADER_LEFT_MM / 10, typeset.HEADER_RIGHT_MM / 10
_MOTTO = "Độc lập - Tự do - Hạnh phúc"


def write_header(document: Document, block: dict) -> None:
    """The Decree 30 header: names in two columns, then the number level with the date."""
    org, report = block["org"], block["report"]
    outdent = typeset.HEADER_OUTDENT_MM / 10
    table = borderless(document, [_LEFT_CM, _RIGHT_CM], rows=2, outdent_cm=outdent)
    left, right = table.rows[0].cells
    first_line(left, org["parent"].upper(), 13)
    lines = typeset.agency_lines(org["name"].upper())
    for line in lines[:-1]:
        add_line(left, line, 13, bold=True)
    rule_under(add_line(left, lines[-1], 13, bold=True), _rule_cm(lines), _LEFT_CM)
    first_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    motto_cm = typeset.metrics(bold=True).width(_MOTTO, 14) / typeset.PT_PER_MM / 10
    rule_under(add_line(right, _MOTTO, 14, bold=True), motto_cm + 0.1, _RIGHT_CM)
    number = block["number"] or "\u00a0" * 6
    number_cell, date_cell = table.rows[1].cells
    first_line(number_cell, f"Số: {number}/{report['kind_symbol']}-{org['symbol']}", 13)
    first_line(date_cell, block["date_line"], 14, italic=True)
    for cell in (number_cell, date_cell):  # level: both sit on the row's bottom
        cell.paragraphs[0].paragraph_format.space_before = Cm(0.2)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM
    add_line(document, "", 6)
    add_line(document, report["kind"], 14, bold=True).paragraph_format.keep_with_next = True
    subject = add_line(document, block["subject"], 14, bold=True)
    rule = rule_after(subject, document, TEXT_WIDTH.cm / 4, TEXT_WIDTH.cm)
    rule.paragraph_format.space_after = Cm(0.5)


def _rule_cm(lines: list[str]) -> float:
    """The agency's rule: a third of its longest line or more, and as wide as its last."""
    face = typeset.metrics(bold=True)
    widths = [face.width(line, 13) / typeset.PT_PER_MM / 10 for line in lines]
    return max(widths[-1] + 0.1, max(widths) / 3)


def write_closing(document: Document, block: dict) -> None:
    """Recipients left, signature right, on the page of the paragraph before them."""
    if document.paragraphs:  # the closing sentence goes with the closing, never apart
        before = document.paragraphs[-1].paragraph_format
        before.keep_with_next = before.keep_together = True
    table = borderless(document, [8.0, 8.5])
    keep_row_whole(table.rows[0])
    left, right = table.rows[0].cells
    first_line(left, "Nơi nhận:", 12, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in block["recipients"]:
        add_line(left, f"- {line}", 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    signer = block["signer"]
    if signer.get("authority"):
        first_line(right, signer["authority"], 14, bold=True)
        add_line(right, signer["title"], 14, bold=True)
    else:
        first_line(right, signer["title"], 14, bold=True)
    for _ in range(4):
        add_line(right, "", 14)
    add_line(right, signer["name"], 14, bold=True)


def rule_under(paragraph: Paragraph, width_cm: float, within_cm: float) -> None:
    """Draw the decree's centred rule under ``paragraph``'s own text.

    The rule is the paragraph's bottom border, narrowed by equal indents to
    ``width_cm`` of the ``within_cm`` it is centred in, so it moves with its
    text and sits at a fixed distance below it. ``width_cm`` must hold the
    text's longest line; for a rule shorter than its text see :func:`rule_after`.
    """
    inset = Cm(max((within_cm - width_cm) / 2, 0))
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = inset
    paragraph.paragraph_format.keep_with_next = True
    _bottom_border(paragraph)


def rule_after(
    text: Paragraph, container: Document | _Cell, width_cm: float, within_cm: float
) -> Paragraph:
    """A rule shorter than ``text`` (a third to a half of it), right under it.

    An empty paragraph one point high carries the rule (a paragraph's border
    is as wide as the paragraph), kept on the page of ``text``, so the rule
    neither drifts from its text nor lands on another page.
    """
    text.paragraph_format.keep_with_next = True
    rule = container.add_paragraph()
    fmt = rule.paragraph_format
    fmt.first_line_indent, fmt.space_before, fmt.space_after = Cm(0), Pt(0), Pt(0)
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(1)
    rule_under(rule, width_cm, within_cm)
    return rule


def _bottom_border(paragraph: Paragraph) -> None:
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "2"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_BORDER)


def borderless(
    document: Document, widths: list[float], rows: int = 1, outdent_cm: float = 0.0
) -> Table:
    """A table without borders or cell margins, for the header and the closing.

    Centred, or with ``outdent_cm`` starting that far left of the text.
    """
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.LEFT if outdent_cm else WD_TABLE_ALIGNMENT.CENTER
    if outdent_cm:
        indent = OxmlElement("w:tblInd")
        indent.set(qn("w:w"), str(round(-outdent_cm / 2.54 * 1440)))  # twips
        indent.set(qn("w:type"), "dxa")
        after = ("w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")
        table._tbl.tblPr.insert_element_before(indent, *after)
    set_widths(table, widths)
    cell_margins(table, 0)
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.first_line_indent = Cm(0)
    return table
