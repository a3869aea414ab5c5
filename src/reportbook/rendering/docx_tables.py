"""The Word file's statistics tables: the form's header rows, widths, landscape pages.

The layout is :mod:`reportbook.notebook.layout`'s, the HTML's and the PDF's:
header cells merged to the form's groups at any depth, column widths from
the font's metrics at 11 pt, and a landscape section for a table wider than
a portrait page (and for a table that directly follows one, as the stylesheet
does), so Biểu 06 is readable in Word at the size the decree's body text
allows for tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from ..notebook import layout
from .docx_parts import add_caption, add_line, cell_margins, cell_text, repeat_as_header, set_widths

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Row

_PADDING_PT = layout.CELL_PADDING_PT / 2


def landscape_wanted(block: dict, previous: dict | None, landscape_now: bool) -> bool:
    """Whether ``block`` goes on a landscape page (a wide table, or a table just after one)."""
    if block["kind"] != "table":
        return False
    return layout.is_wide(block["columns"]) or (
        landscape_now and previous is not None and previous["kind"] == "table"
    )


def orient(document: Document, landscape: bool) -> None:
    """Continue on a new page of the given orientation, if it differs from the current one."""
    current = document.sections[-1]
    if (current.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _end_section_with_the_text(document)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    long, short = Cm(29.7), Cm(21.0)
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.different_first_page_header_footer = False  # page numbers go on


def _end_section_with_the_text(document: Document) -> None:
    """Carry the section break in the last paragraph of text, not in an empty one.

    python-docx adds the break as an empty paragraph of its own; when the text
    fills its page to the last line, that empty line starts a page of its own
    and the reader gets a blank page before the landscape table. After a
    table (which cannot carry a break) the empty paragraph stays.
    """
    body = document.element.body
    holder = body[-2]  # the paragraph add_section wrote; body[-1] is the last sectPr
    previous = holder.getprevious()
    if previous is None or previous.tag != qn("w:p") or previous.xpath("./w:pPr/w:sectPr"):
        return
    previous.set_sectPr(holder.pPr.sectPr)
    body.remove(holder)


def write_table(document: Document, block: dict, number: int) -> None:
    """Caption, then the table with its header rows repeated on every page.

    A wide table takes the landscape text width; any other keeps the portrait
    one, also on a landscape page.
    """
    caption = add_caption(document, f"Bảng {number}. {block['caption']}", bold=True)
    caption.paragraph_format.space_after = Cm(0.15)
    caption.paragraph_format.keep_with_next = True
    columns, rows = block["columns"], block["rows"]
    header = layout.header_rows(columns, block["groups"])
    total_mm = layout.table_width_mm(columns)
    table = document.add_table(rows=len(header) + len(rows), cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, [w / 10 for w in layout.column_widths(header, rows, total_mm)])
    cell_margins(table, _PADDING_PT, vertical=1.5)
    _header(table, header)
    cells = table._cells  # once: python-docx walks the whole grid for each table.cell()
    last = len(header) + len(rows) - 1
    for r, row in enumerate(rows, len(header)):
        keep_row_whole(table.rows[r])
        for c, value in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.LEFT if c == 0 else WD_ALIGN_PARAGRAPH.CENTER
            cell = cells[r * len(columns) + c]
            cell_text(cell, value, bold=block["total_row"] and r == last, align=align)
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    _keep_together(table)
    add_line(document, "", 6)


def _keep_together(table: Table) -> None:
    """Start the table on a page with room for all of it, as the PDF does.

    Word's way: every row's paragraphs are kept with the next row. A table
    longer than a page still breaks, between rows.
    """
    for row in table._tbl.tr_lst[:-1]:
        for paragraph in row.iter(qn("w:p")):
            paragraph.get_or_add_pPr().keepNext_val = True


def _header(table: Table, header: list[list[layout.Cell]]) -> None:
    for row in range(len(header)):
        repeat_as_header(table.rows[row])
        keep_row_whole(table.rows[row])
    # The grid once: python-docx's table.cell() walks every cell of the table on each call.
    # Header cells do not overlap, so a merge never removes a cell a later one starts from.
    grid, width = table._cells, len(table.columns)
    for row, column, (label, span, down) in layout.positioned(header):
        cell = grid[row * width + column]
        if span > 1 or down > 1:
            cell = cell.merge(grid[(row + down - 1) * width + column + span - 1])
        cell_text(cell, label, bold=True)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def keep_row_whole(row: _Row) -> None:
    """The row never breaks across pages (Word's 'allow row to break across pages' off)."""
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)
