"""Skip rendering when its inputs are unchanged (validation: see preflight.require_valid).

Rendering (HTML through nbconvert, PDF through WeasyPrint) is the largest
cost of a build in which no section re-ran. Its inputs are the merged
notebook's cells and outputs, the title and footer, and reportbook's
templates, stylesheet and fonts (all in the package hash) with the
libraries' versions; when their hash matches an earlier render, that
render's files are copied instead. Execution metadata (papermill timings)
is left out of the hash: it never reaches the page.
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from ..execution.cache import Cache, cached_files, digest, environment_key

PAGES = ["report.html", "report.pdf"]
WORD = ["report.docx"]
VOLATILE_CELL_METADATA = ("papermill", "execution")


def render_key(nb: nbformat.NotebookNode, title: str, footer: str) -> str:
    """Hash of everything that reaches the rendered page."""
    stable = copy.deepcopy(nb)
    for cell in stable.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
    return digest(nbformat.writes(stable), title, footer, environment_key())


def render_cached(
    nb: nbformat.NotebookNode,
    out_dir: Path,
    cache: Cache | None,
    *,
    title: str,
    footer: str = "",
    key: str | None = None,
) -> list[Path]:
    """Write report.html and report.pdf into ``out_dir``, from the cache when possible."""
    key = key or (render_key(nb, title, footer) if cache else None)

    def make() -> list[Path]:
        from . import render  # nbconvert and WeasyPrint: imported only when rendering

        return render.render_pages(nb, out_dir, title=title, footer=footer)

    return cached_files(cache, key, PAGES, out_dir, make)


def word_cached(
    nb: nbformat.NotebookNode,
    out_dir: Path,
    cache: Cache | None,
    *,
    title: str,
    key: str | None = None,
) -> list[Path]:
    """Write report.docx into ``out_dir``, from the cache when possible."""
    key = digest(key or (render_key(nb, title, "") if cache else ""), "docx") if cache else None

    def make() -> list[Path]:
        from .word import to_docx

        to_docx(nb, out_dir / "report.docx", title=title)
        return [out_dir / "report.docx"]

    return cached_files(cache, key, WORD, out_dir, make)
