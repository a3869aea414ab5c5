"""Write the report as a Word document an office can sign and file.

Route: python-docx, from the structured content each block records in the
executed notebooks (``blocks.MIME``), not from the HTML. That gives real Word
tables with merged header cells, Word heading styles, a borderless two-column
Decree 30 header and closing, a PAGE field centred at the top from page 2 on,
and Times New Roman set on every run, which pandoc's reference-document route
cannot all express (it has no merged header cells or different first page).
"""

from __future__ import annotations

import base64
import datetime
import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, RGBColor

from ..notebook.blocks import KINDS
from .docx_parts import (
    HEADING_STYLES,
    TEXT_WIDTH,
    add_line,
    add_text,
    borderless,
    cell_text,
    column_widths,
    compact_cells,
    first_line,
    repeat_as_header,
    set_widths,
    setup_page,
    setup_styles,
    table_size,
)
from .marks import placed
from .recorded import blocks_of

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.table import Table

MARK_RED = RGBColor(0xAA, 0, 0)
_EPOCH = datetime.datetime(2000, 1, 1)  # fixed document dates: a rebuild gives the same bytes


def to_docx(nb: nbformat.NotebookNode, path: Path, *, title: str = "") -> None:
    """Write ``nb``'s report content to ``path`` as .docx."""
    document = Document()
    setup_page(document)
    setup_styles(document)
    document.core_properties.title = title
    document.core_properties.created = document.core_properties.modified = _EPOCH
    for mark, corner in placed(nb):  # above the header, as in the HTML and the PDF
        if corner:
            _corner_mark(document, mark)
        else:
            add_line(document, mark, 13, bold=True, space_after=6).runs[0].font.color.rgb = MARK_RED
    counters = {"table": 0, "figure": 0}
    for block in blocks_of(nb):
        WRITERS[block["kind"]](document, block, counters)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_reproducible_zip(buffer.getvalue()))


def _corner_mark(document: DocxDocument, text: str) -> None:
    """'DỰ THẢO' in a box at the top right: a bordered paragraph, narrowed from the left."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = add_line(document, text, 14, bold=True, space_after=6)
    paragraph.paragraph_format.left_indent = TEXT_WIDTH - Cm(4.0)
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "8"), ("space", "2"), ("color", "000000")):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    # Word reads pPr children in schema order: borders come before spacing, indent, alignment.
    later = ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")
    paragraph._p.get_or_add_pPr().insert_element_before(borders, *later)


def _reproducible_zip(data: bytes) -> bytes:
    """The same .docx with fixed entry timestamps, so equal content gives equal bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


# -- blocks ----------------------------------------------------------------------
def _paragraph(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    add_text(document.add_paragraph(style="Normal"), block["text"])


def _heading(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    level = min(max(int(block["level"]), 2), 6)
    add_text(document.add_paragraph(style=HEADING_STYLES[level]), block["text"])


def _header(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    org, report = block["org"], block["report"]
    left, right = borderless(document, 2, [6.5, 10.0]).rows[0].cells
    first_line(left, org["parent"].upper(), 13)
    add_line(left, org["name"].upper(), 13, bold=True, rule=True, space_after=6)
    number = block["number"] or "\u00a0" * 6
    add_line(left, f"Số: {number}/{report['kind_symbol']}-{org['symbol']}", 13)
    first_line(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True)
    add_line(right, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, rule=True, space_after=6)
    add_line(right, block["date_line"], 14, italic=True)
    add_line(document, "", 6)
    add_line(document, report["kind"], 14, bold=True)
    add_line(document, block["subject"], 14, bold=True, rule=True, space_after=12, rule_inset=6.5)


def _closing(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    left, right = borderless(document, 2, [8.0, 8.5]).rows[0].cells
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


def _table(document: DocxDocument, block: dict, counters: dict[str, int]) -> None:
    counters["table"] += 1
    add_line(
        document, f"Bảng {counters['table']}. {block['caption']}", 12, bold=True, space_after=4
    )
    columns, rows, groups = block["columns"], block["rows"], block["groups"]
    header_rows = 2 if groups else 1
    table = document.add_table(rows=header_rows + len(rows), cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_widths(table, column_widths(len(columns)))
    compact_cells(table)
    _table_header(table, columns, groups)
    for r, row in enumerate(rows, header_rows):
        bold = block["total_row"] and r == header_rows + len(rows) - 1
        for c, value in enumerate(row):
            align = WD_ALIGN_PARAGRAPH.LEFT if c == 0 else WD_ALIGN_PARAGRAPH.CENTER
            cell_text(table.cell(r, c), value, bold=bold, align=align, size=table_size(columns))
    add_line(document, "", 6)


def _table_header(table: Table, columns: list[str], groups: list[list] | None) -> None:
    size = table_size(columns)
    for row in range(2 if groups else 1):
        repeat_as_header(table.rows[row])
    if not groups:
        for c, name in enumerate(columns):
            cell_text(table.cell(0, c), name, bold=True, size=size)
        return
    c = 0
    for label, span in groups:
        if span == 1:
            merged = table.cell(0, c).merge(table.cell(1, c))
            cell_text(merged, label, bold=True, size=size)
        else:
            merged = table.cell(0, c).merge(table.cell(0, c + span - 1))
            cell_text(merged, label, bold=True, size=size)
            for k in range(span):
                cell_text(table.cell(1, c + k), columns[c + k], bold=True, size=size)
        c += span


def _figure(document: DocxDocument, block: dict, counters: dict[str, int]) -> None:
    counters["figure"] += 1
    picture = io.BytesIO(base64.b64decode(block["png"]))
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.add_run().add_picture(picture, width=TEXT_WIDTH)
    add_line(
        document, f"Hình {counters['figure']}. {block['caption']}", 12, italic=True, space_after=12
    )


WRITERS = {
    "paragraph": _paragraph,
    "heading": _heading,
    "header": _header,
    "closing": _closing,
    "table": _table,
    "figure": _figure,
}

if set(WRITERS) != set(
    KINDS
):  # a new block kind needs a writer here, found at import, not in a child
    raise ImportError(
        f"reportbook.rendering.word: block kinds without a Word writer: "
        f"{sorted(set(KINDS) - set(WRITERS))}; writers for unknown kinds: "
        f"{sorted(set(WRITERS) - set(KINDS))}"
    )
