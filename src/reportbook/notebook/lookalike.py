"""Blocks in JupyterLab look as they do in the report.

JupyterLab styles every HTML output its own way (table text right-aligned, no
borders, striped rows), so an analyst writing a section saw tables unlike the
report's. Each block's HTML therefore carries a ``<style>`` with the report
stylesheet's own rules for the ``rb-`` classes, each selector scoped under
JupyterLab's output class ``.jp-RenderedHTMLCommon``: it restyles only the
blocks, only inside JupyterLab (and the reviewer's section pages, which use its
classes). The rules are read from ``report.css``, so there is one source of
the look. report.html drops the element again (:func:`without_style`), since
the page has the stylesheet itself.
"""

from __future__ import annotations

import re
from functools import cache

from ..paths import TEMPLATES

SCOPE = ".jp-RenderedHTMLCommon"
_OPEN = '<style class="rb-lookalike">'


def _rules(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs of a stylesheet without comments."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    rules, depth, start, prelude = [], 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append((prelude, css[start:index].strip()))
                start = index + 1
    return rules


def _scoped(css: str) -> list[str]:
    """The rules for rb- classes, scoped; screen media kept, paged and print media left out."""
    out = []
    for prelude, body in _rules(css):
        if prelude.startswith("@media screen"):
            out.extend(_scoped(body))
        elif prelude.startswith("@"):
            continue  # @page, @media print, @font-face: the printed page only
        else:
            selectors = [s.strip() for s in prelude.split(",") if "rb-" in s]
            selectors = [s for s in selectors if not s.startswith((".rb-document", ".rb-output"))]
            if selectors:
                body = " ".join(body.split())  # one rule a line
                out.append(", ".join(f"{SCOPE} {s}" for s in selectors) + " { " + body + " }")
    return out


# What JupyterLab adds that the report has not: a sans-serif face, striped and
# highlighted rows. And, after the report's rules, what an output area cannot
# take: the header reaching into the page's left margin.
_UNDO_JUPYTERLAB = (
    f'{SCOPE} [class^="rb-"], {SCOPE} [class*=" rb-"] '
    '{ font-family: "Liberation Serif", "Times New Roman", serif; color: #000; }',
    f"{SCOPE} table.rb-table tr, {SCOPE} table.rb-table tr:hover {{ background: none; }}",
)
_IN_AN_OUTPUT_AREA = (f"{SCOPE} table.rb-header {{ margin-left: 0; }}",)


@cache
def style() -> str:
    """The ``<style>`` element every block's HTML starts with."""
    css = (TEMPLATES / "report" / "report.css").read_text(encoding="utf-8")
    rules = [*_UNDO_JUPYTERLAB, *_scoped(css), *_IN_AN_OUTPUT_AREA]
    return _OPEN + "\n".join(rules) + "</style>"


def without_style(html: str) -> str:
    """``html`` without the blocks' JupyterLab style (report.html has the stylesheet)."""
    return html.replace(style(), "")
