"""One preview rebuild: the build's stages up to the HTML page, on kernels kept warm.

The stages are those of :func:`reportbook.build.build`, called the same way:
validation (``check_inputs``, skipped when the same files passed before, run
while the sections execute), every section through the cache (so a saved
params text re-runs only the sections that show it), the merge and the
checks of the figures, then the page (``rendering.render.to_html``, which
writes report.html). What a preview does not need is left out: the PDF, the
Word file, the reviewer edition, the manifest and the atomic publication.
The kernels are started once, on the first rebuild that needs one, and kept
until the preview stops, so a rebuild does not wait for a kernel to start.
"""

from __future__ import annotations

import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..build import check_inputs
from ..context import BuildContext, BuildOptions, Progress
from ..errors import ReportbookError
from ..execution.execute import execute_sections, start_kernels, to_run
from ..execution.stage import SECTIONS_DIR
from ..paths import Project

if TYPE_CHECKING:
    import nbformat

    from ..execution.kernels import RunAll
    from ..execution.run import SectionRun


@dataclass
class Page:
    """A rebuilt page and how it was made."""

    html: str
    runs: list[SectionRun]
    seconds: float

    @property
    def executed(self) -> int:
        return sum(1 for r in self.runs if r.executed)


class Previewer:
    """Rebuilds one period's page on demand; close() stops its kernels."""

    def __init__(self, project: Project, year: int, period: str, jobs: int | None = None):
        self.project, self.year, self.period, self.jobs = project, year, period, jobs
        self.progress = Progress()
        self._stack = ExitStack()
        self._kernels: RunAll | None = None
        self._rendered: tuple[str, str] | None = None  # (render key, html)

    def rebuild(self) -> Page:
        """Build the page from the files as they are now; raise what a build would raise.

        The inputs are validated while the sections run on the warm kernels
        (other processes), as a build validates while its kernels start;
        nothing is shown unless validation passed, and its error is the one
        reported when both fail.
        """
        started = time.perf_counter()
        options = BuildOptions(jobs=self.jobs)
        ctx = BuildContext.create(
            self.year, self.period, None, self.project, self.progress, options
        )
        if ctx.params is None:
            check_inputs(ctx)  # the params cannot be read: validation says why
        with ThreadPoolExecutor(1, thread_name_prefix="reportbook-preview-check") as pool:
            checked = pool.submit(check_inputs, ctx)
            try:
                merged = self._sections(ctx)
            except ReportbookError:
                checked.result()
                raise
            checked.result()
        from ..rendering.checks import check_figures

        check_figures(ctx, merged)
        html = self._html(merged, ctx.title, ctx.footer)
        return Page(html, ctx.runs, time.perf_counter() - started)

    def _sections(self, ctx: BuildContext) -> nbformat.NotebookNode:
        """Every section through the cache or on the warm kernels, merged in report order."""
        from ..rendering.edition import merge_sections

        with tempfile.TemporaryDirectory(prefix="reportbook-preview-") as tmp:
            stage = Path(tmp)
            kernels = self._warm(ctx) if to_run(ctx.every, ctx.target, ctx.cache) else None
            ctx.runs = execute_sections(
                ctx.every,
                stage / SECTIONS_DIR,
                ctx.target,
                ctx.project,
                jobs=ctx.jobs,
                cache=ctx.cache,
                kernels=kernels,
                progress=ctx.progress,
            )
            return merge_sections(ctx, stage)

    def _warm(self, ctx: BuildContext) -> RunAll:
        if self._kernels is None:
            self._kernels = start_kernels(ctx.jobs, ctx.project, self._stack)
        return self._kernels

    def _html(self, merged: nbformat.NotebookNode, title: str, footer: str) -> str:
        """The page, rendered again only when what reaches it changed."""
        from ..rendering.render import to_html
        from ..rendering.rendercache import render_key

        key = render_key(merged, title, footer)
        if self._rendered is None or self._rendered[0] != key:
            self._rendered = (key, to_html(merged, title, footer=footer))
        return self._rendered[1]

    def close(self) -> None:
        self._stack.close()
