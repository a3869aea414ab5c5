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
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from ..notebook import typeset
from ..notebook.blocks import KINDS
from .docx_frame import write_closing, write_header
from .docx_package import set_language, set_properties
from .docx_parts import (
    HEADING_STYLES,
    TEXT_WIDTH,
    add_caption,
    add_line,
    add_text,
    setup_page,
    setup_styles,
)
from .docx_tables import landscape_wanted, orient, write_table
from .marks import placed
from .recorded import blocks_of

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

MARK_RED = RGBColor(0xAA, 0, 0)
_EPOCH = datetime.date(2000, 1, 1)  # the document date of a notebook without a report window


def to_docx(nb: nbformat.NotebookNode, path: Path, *, title: str = "") -> None:
    """Write ``nb``'s report content to ``path`` as .docx."""
    document = Document()
    setup_page(document)
    setup_styles(document)
    set_language(document)
    header = next((b for b in blocks_of(nb) if b["kind"] == "header"), None)
    author = header["org"]["name"] if header else ""
    set_properties(document, author=author, title=title, day=_report_day(nb, header))
    for mark, corner in placed(nb):  # above the header, as in the HTML and the PDF
        if corner:
            _corner_mark(document, mark)
        else:
            add_line(document, mark, 13, bold=True, space_after=6).runs[0].font.color.rgb = MARK_RED
    counters = {"table": 0, "figure": 0}
    previous, landscape = None, False
    for block in blocks_of(nb):
        landscape = landscape_wanted(block, previous, landscape)
        orient(document, landscape)
        WRITERS[block["kind"]](document, block, counters)
        previous = block
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_reproducible_zip(buffer.getvalue()))


def _report_day(nb: nbformat.NotebookNode, header: dict | None) -> datetime.date:
    """The report's date; while it is left blank for signing, the end of its data window.

    Either comes from the inputs, so a rebuild gives the same document dates.
    """
    if header and header["report"].get("date"):
        return datetime.date.fromisoformat(header["report"]["date"])
    window = nb.metadata.get("reportbook", {}).get("window")
    return datetime.date.fromisoformat(window[1]) if window else _EPOCH


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
    spacing = typeset.tracking(block["text"]) if block.get("style") == "rb-p" else 0.0
    add_text(document.add_paragraph(style="Normal"), block["text"], spacing)


def _heading(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    level = min(max(int(block["level"]), 2), 6)
    add_text(document.add_paragraph(style=HEADING_STYLES[level]), block["text"])


def _header(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    write_header(document, block)


def _closing(document: DocxDocument, block: dict, _counters: dict[str, int]) -> None:
    write_closing(document, block)


def _table(document: DocxDocument, block: dict, counters: dict[str, int]) -> None:
    counters["table"] += 1
    write_table(document, block, counters["table"])


def _figure(document: DocxDocument, block: dict, counters: dict[str, int]) -> None:
    counters["figure"] += 1
    picture = io.BytesIO(base64.b64decode(block["png"]))
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Cm(0)
    paragraph.paragraph_format.keep_with_next = True  # the picture never leaves its caption
    paragraph.add_run().add_picture(picture, width=TEXT_WIDTH)
    caption = add_caption(document, f"Hình {counters['figure']}. {block['caption']}", italic=True)
    caption.paragraph_format.space_after = Pt(12)


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
