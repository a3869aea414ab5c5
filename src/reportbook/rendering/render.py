"""Render the merged report notebook to a self-contained HTML page and a PDF.

HTML: nbconvert with reportbook's template (outputs and markdown only, no
code), the official-layout stylesheet, and the report font embedded as
subsets, so the page opens offline and looks the same everywhere.
PDF: WeasyPrint, a CSS paged-media engine, prints that same HTML (A4, margins,
page numbers from page 2) and embeds the font subsets.
Before either is written, every character of the report is checked against
the font, so no glyph silently falls back to another face.
"""

from __future__ import annotations

import base64
import io
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from fontTools import subset as ft_subset
from fontTools.ttLib import TTFont
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from ..errors import RenderError
from ..notebook import lookalike
from ..paths import TEMPLATES
from ..sections import REMOVE_CELL_TAG
from . import fonts
from .marks import placed

CSS_PATH = TEMPLATES / "report" / "report.css"
# Text the stylesheet itself draws (captions' numbering, page numbers).
GENERATED_TEXT = "Bảng Hình 0123456789. "


class _TextOnly(HTMLParser):
    """Collect the text a reader sees: everything outside <style> and <script>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script") and self._skip > 0

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _TextOnly()
    parser.feed(html)
    return "".join(parser.parts)


@lru_cache(maxsize=1)
def _exporter() -> HTMLExporter:
    """The page's exporter, one per process: building it and compiling its Jinja templates
    costs about 20 ms a page, and a conversion keeps nothing of the notebook it converted
    (the filters that depend on a notebook are registered again for each one)."""
    exporter = HTMLExporter(
        template_name="reportbook",
        extra_template_basedirs=[str(TEMPLATES / "nbconvert")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="",
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags={REMOVE_CELL_TAG}, enabled=True), enabled=True
    )
    exporter.register_filter("without_lookalike", lookalike.without_style)
    return exporter


def warm_up() -> None:
    """Build the exporter and compile its templates now (before a build forks its children)."""
    cell = nbformat.v4.new_markdown_cell("reportbook")
    page = {"title": "", "css": "", "footer": "", "marks": []}
    _exporter().from_notebook_node(nbformat.v4.new_notebook(cells=[cell]), {"reportbook": page})


def _subset_font(path: Path, text: str) -> bytes:
    """The font at ``path`` reduced to the characters of ``text``."""
    options = ft_subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # FontForge timestamps: not needed, not subsettable
    font = TTFont(path, recalcTimestamp=False)  # no build time in the output: builds compare equal
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in text})
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def font_face_css(text: str) -> str:
    """@font-face rules embedding the report font's subsets as data URIs.

    The subset holds :data:`fonts.REPERTOIRE` (ASCII, every Vietnamese
    letter, common punctuation) and any other character of ``text``; a
    report's text rarely leaves the repertoire, so one subset, made once per
    process, serves every report a batch worker or preview renders (subsetting
    the four faces costs about 0,1 s a report). The PDF embeds only the glyphs
    it draws either way: WeasyPrint subsets again.
    """
    extra = set(text) - set(fonts.REPERTOIRE) - {"\n", "\r", "\t"}
    return _font_faces(fonts.REPERTOIRE + "".join(sorted(extra)))


@lru_cache(maxsize=8)
def _font_faces(characters: str) -> str:
    """The rules for one set of characters (subsetting four faces: about 0,1 s)."""
    rules = []
    for (weight, style), name in fonts.FACES.items():
        data = base64.b64encode(_subset_font(fonts.FONT_DIR / name, characters)).decode("ascii")
        rules.append(
            f'@font-face {{ font-family: "{fonts.FAMILY}"; font-weight: {weight}; '
            f"font-style: {style}; src: url(data:font/ttf;base64,{data}) format('truetype'); }}"
        )
    return "\n".join(rules)


def to_html(nb: nbformat.NotebookNode, title: str, footer: str = "") -> str:
    """The report page; raises GlyphCoverageError if the font lacks a character."""
    resources = {
        "reportbook": {"title": title, "css": "/*@fonts*/", "footer": footer, "marks": placed(nb)}
    }
    page, _ = _exporter().from_notebook_node(nb, resources=resources)
    text = visible_text(page) + GENERATED_TEXT
    fonts.check_coverage(text)
    css = font_face_css(text) + "\n" + CSS_PATH.read_text(encoding="utf-8")
    return page.replace("/*@fonts*/", css, 1)


# A no-break span of the blocks (notebook.blocks.keep_whole): its text is escaped.
_NO_BREAK_SPAN = re.compile(r'<span class="rb-nobr">([^<]*)</span>')
WORD_JOINER = "\u2060"


def for_print(html: str) -> str:
    """The page as WeasyPrint gets it: each no-break span as word-joined text.

    WeasyPrint 70 breaks the text before a ``white-space: nowrap`` span badly
    when that text runs over a line end (one word alone on a line: "trong /
    hoạt / động"; its issues 1614 and 2025). Word joiners (U+2060) after the
    hyphens and slashes of "3118/QĐ-UBND" keep it whole the way its maintainers
    advise; they draw nothing and are not in the PDF's text. Browsers keep the
    spans, so text copied from report.html carries no invisible characters.
    """
    return _NO_BREAK_SPAN.sub(_joined, html)


def _joined(span: re.Match) -> str:
    return re.sub(r"([-/])", r"\1" + WORD_JOINER, span.group(1))


# An embedded font subset of the page (font_face_css); WeasyPrint gets it by name instead.
_FONT_DATA = re.compile(r"url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)")
_FONT_SCHEME = "reportbook-font:"


def _fonts_by_name(html: str) -> tuple[str, dict[str, bytes]]:
    """The page with each embedded font as ``reportbook-font:<n>``, and the fonts by name.

    WeasyPrint's CSS tokenizer is pure Python: reading the fonts' base64
    out of the stylesheet (about 240 kB) cost 0,05-0,08 s of each PDF. Its
    URL fetcher hands it the same bytes instead; the PDF is unchanged.
    """
    found: dict[str, bytes] = {}

    def name(match: re.Match) -> str:
        url = f"{_FONT_SCHEME}{len(found)}"
        found[url] = base64.b64decode(match.group(1))
        return f"url({url})"

    return _FONT_DATA.sub(name, html), found


def to_pdf(html: str, path: Path) -> None:
    """Print the report page to ``path`` with WeasyPrint."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    page, fonts_by_name = _fonts_by_name(for_print(html))
    try:
        weasyprint.HTML(
            string=page, base_url=str(path.parent), url_fetcher=_fetcher(fonts_by_name)
        ).write_pdf(str(path), pdf_identifier=b"reportbook", uncompressed_pdf=False)
    except Exception as exc:  # WeasyPrint raises many unrelated types
        raise RenderError(f"PDF rendering failed: {exc}") from exc


def _fetcher(fonts_by_name: dict[str, bytes]) -> object:
    """WeasyPrint's URL fetcher, answering the page's ``reportbook-font:`` names itself."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class Fetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            if url in fonts_by_name:
                return URLFetcherResponse(url, fonts_by_name[url], {"Content-Type": "font/ttf"})
            return super().fetch(url, headers)

    return Fetcher()


def render_pages(
    nb: nbformat.NotebookNode, out_dir: Path, *, title: str, footer: str = ""
) -> list[Path]:
    """Write report.html and report.pdf (the same page) into ``out_dir``; return the paths."""
    html = to_html(nb, title, footer=footer)
    html_path = out_dir / "report.html"
    html_path.write_text(html, encoding="utf-8")
    pdf_path = out_dir / "report.pdf"
    to_pdf(html, pdf_path)
    return [html_path, pdf_path]
