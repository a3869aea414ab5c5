"""The Word document's building blocks: page, styles, fonts, lines, rules and cells.

:mod:`reportbook.rendering.word` writes each block of the report with these,
so the layout rules of Decree 30 (A4, margins, Times New Roman on every
script, page number from page 2, short rules under names and mottos) are set
in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from ..notebook.typeset import TEXT_WIDTH_MM, UNBREAKABLE, caption

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import CharacterStyle
    from docx.table import Table, _Cell, _Row
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

FONT = "Times New Roman"
BODY_PT = 14
HEADING_STYLES = {2: "Heading 1", 3: "Heading 2", 4: "Heading 3", 5: "Heading 4", 6: "Heading 5"}
TEXT_WIDTH = Cm(TEXT_WIDTH_MM / 10)
# What may follow an element in its parent, in the order the OOXML schema sets
# (Word refuses a file whose properties are out of order).
_AFTER_KERN = (
    *("w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd"),
    *("w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout"),
    *("w:specVanish", "w:oMath"),
)


def setup_page(document: Document) -> None:
    """A4 portrait, Decree 30 margins, page number centred at the top from page 2."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.header_distance = Cm(1.0)
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(paragraph, "PAGE", size=13)


def _field(paragraph: Paragraph, instruction: str, size: int) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    run.append(_run_properties(size=size))
    text = OxmlElement("w:t")
    text.text = "2"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _run_properties(size: int):
    props = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    props.append(fonts)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(size * 2))
    props.append(sz)
    return props


def set_font(
    style_or_run: CharacterStyle | Run,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
) -> None:
    """Set Times New Roman for every script (Vietnamese needs hAnsi and cs too)."""
    font = style_or_run.font
    font.name = FONT
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)  # a theme font would override the named one
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    if italic is not None:
        font.italic = italic


def setup_styles(document: Document) -> None:
    normal = document.styles["Normal"]
    set_font(normal, BODY_PT)
    _kerned(normal)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.first_line_indent = Cm(1.0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing = 1.15
    for level, name in HEADING_STYLES.items():
        style = document.styles[name]
        set_font(style, BODY_PT, bold=True, italic=(level == 4))
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.paragraph_format.first_line_indent = Cm(1.0)
        style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(6), Pt(6)
        style.paragraph_format.keep_with_next = True
        # ragged, as in the PDF: a long heading justified would gape before its numbers
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT

    _caption_style(document)


def _caption_style(document: Document) -> None:
    """Word's own Caption style, set as the report's captions look: 12 pt, centred, black.

    Captions written in it are what Word lists in a table of figures and
    what a reader's "Insert caption" matches; bold (tables) or italic
    (figures) is the run's.
    """
    style = document.styles["Caption"]
    set_font(style, 12, bold=False, italic=False)
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.first_line_indent = Cm(0)
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing = 1.0


def add_caption(
    document: Document, text: str, *, bold: bool = False, italic: bool = False
) -> Paragraph:
    """A caption in the Caption style, its last two words bound, its numbers kept whole."""
    paragraph = document.add_paragraph(style="Caption")
    add_text(paragraph, caption(text))
    for run in paragraph.runs:
        run.font.bold, run.font.italic = bold or None, italic or None
    return paragraph


def _kerned(style: CharacterStyle) -> None:
    """Pair kerning on, as the PDF has it, so Word breaks lines where the PDF does."""
    kern = OxmlElement("w:kern")
    kern.set(qn("w:val"), "2")  # from 1 pt up: every size
    style.element.get_or_add_rPr().insert_element_before(kern, *_AFTER_KERN)


def add_text(paragraph: Paragraph, text: str, spacing: float = 0.0) -> None:
    """Add ``text``: numbers and hyphenated names unbreakable, ``spacing`` pt between letters.

    Hyphens inside "3118/QĐ-UBND" or "LĐ-TB&XH" become Word non-breaking
    hyphens (Word and LibreOffice would break after them), as the HTML's
    no-break spans keep them whole in the browser and the PDF; ``spacing`` is
    :func:`reportbook.notebook.typeset.tracking`'s condensing.
    """
    last = 0
    runs = []
    for match in UNBREAKABLE.finditer(text):
        if match.start() > last:
            runs.append(paragraph.add_run(text[last : match.start()]))
        run = paragraph.add_run()
        for i, piece in enumerate(match.group().split("-")):
            if i:
                run._r.append(OxmlElement("w:noBreakHyphen"))
            text_element = OxmlElement("w:t")
            text_element.text = piece
            run._r.append(text_element)
        runs.append(run)
        last = match.end()
    if last < len(text):
        runs.append(paragraph.add_run(text[last:]))
    if spacing:
        for run in runs:
            letter_spacing(run, spacing)


def letter_spacing(run: Run, points: float) -> None:
    """Word's character spacing (condensed when negative), in points."""
    element = OxmlElement("w:spacing")
    element.set(qn("w:val"), str(round(points * 20)))  # twentieths of a point
    run._r.get_or_add_rPr().insert_element_before(element, "w:w", "w:kern", *_AFTER_KERN)


def add_line(
    container: Document | _Cell,
    text: str,
    size: float,
    *,
    bold: bool = False,
    italic: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    space_after: float = 0,
) -> Paragraph:
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(0)
    fmt.space_after = Pt(space_after)
    fmt.line_spacing = 1.0
    run = paragraph.add_run(text)
    set_font(run, size, bold=bold, italic=italic)
    return paragraph


def set_widths(table: Table, widths: list[float]) -> None:
    """Fix column widths in cm (Word reads the cells, LibreOffice the grid)."""
    table.autofit = False
    columns = table.columns
    grid = table._cells  # once: python-docx walks the whole table for each column's cells
    for index, (column, width) in enumerate(zip(columns, widths, strict=True)):
        column.width = Cm(width)
        for cell in grid[index :: len(columns)]:
            cell.width = Cm(width)


def first_line(cell: _Cell, text: str, size: float, **kwargs) -> Paragraph:
    """Write into the cell's existing first paragraph, then add the rest below."""
    paragraph = cell.paragraphs[0]
    paragraph.alignment = kwargs.pop("align", WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(text)
    set_font(run, size, bold=kwargs.get("bold"), italic=kwargs.get("italic"))
    return paragraph


def cell_margins(table: Table, points: float, vertical: float = 0.0) -> None:
    """Cell margins of the whole table, left and right ``points``, top and bottom ``vertical``.

    The column widths include them.
    """
    props = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    sides = (("top", vertical), ("left", points), ("bottom", vertical), ("right", points))
    for side, size in sides:
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(round(size * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    props.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def repeat_as_header(row: _Row) -> None:
    props = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    props.append(marker)


def cell_text(
    cell: _Cell,
    text: object,
    *,
    bold: bool = False,
    size: float = 11,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
) -> None:
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent, fmt.space_after, fmt.line_spacing = Cm(0), Pt(0), 1.0
    run = paragraph.add_run(str(text))
    set_font(run, size, bold=bold)
