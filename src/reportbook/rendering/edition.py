"""The rendering stage of a build: the merged report in every form an edition holds.

``report.ipynb`` (the merged notebook), ``report.html`` and ``report.pdf``
(nbconvert and WeasyPrint, in this process), ``report.docx`` and the
reviewer edition ``review/`` (each in a forked child at the same time, see
:mod:`reportbook.rendering.background`); each from the render cache when its
inputs are unchanged. The reviewer edition's "So với lần lập trước" compares
with the edition this build replaces (:mod:`reportbook.compare.page`).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..compare.page import write_comparison
from ..context import BuildContext
from ..execution.stage import SECTIONS_DIR
from . import review
from .background import alongside
from .checks import Check
from .merge import merge
from .rendercache import render_cached, render_key, word_cached


def merge_sections(ctx: BuildContext, stage: Path) -> nbformat.NotebookNode:
    """The executed sections merged in report order (written by :func:`render_all`)."""
    window = ctx.target.window
    merged = merge(
        section_paths(ctx, stage),
        {
            "year": ctx.target.year,
            "period": ctx.target.code,
            "label": ctx.target.label,
            "window": [window.start.isoformat(), window.end.isoformat()],
        },
    )
    return merged


def section_paths(ctx: BuildContext, stage: Path) -> list[Path]:
    return [stage / SECTIONS_DIR / s.filename for s in ctx.every]


def render_all(
    ctx: BuildContext,
    stage: Path,
    merged: nbformat.NotebookNode,
    manifest: dict,
    found: list[Check],
) -> None:
    """Write report.ipynb, then the HTML and PDF here while one child writes Word, another review/.

    The three are CPU-bound Python of about the same size (0,3 to 0,6 s for
    an edition) and the kernels are idle by now: two children keep both cores
    busy until the last one ends, where one child doing both left a core idle.
    """
    nbformat.write(merged, stage / "report.ipynb")
    title, footer = ctx.title, ctx.footer
    key = render_key(merged, title, footer) if ctx.cache else None

    def word() -> None:
        word_cached(merged, stage, ctx.cache, title=title, key=key)

    def reviewer_edition() -> None:
        review.write(
            stage, section_paths(ctx, stage), manifest, found, title, ctx.cache, ctx.warnings
        )
        # the edition being replaced is still in place: compare with it before the swap
        titles = review.section_titles(section_paths(ctx, stage))
        write_comparison(stage / review.REVIEW_DIR, ctx.edition, manifest, merged, title, titles)

    ctx.progress.step("merging and rendering")
    with alongside(word, "writing report.docx"):
        with alongside(reviewer_edition, "writing the reviewer edition"):
            render_cached(merged, stage, ctx.cache, title=title, footer=footer, key=key)
