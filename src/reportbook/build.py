"""Build one edition of the report: the pipeline, top to bottom.

check the inputs -> execute the sections (papermill) -> merge them in order ->
check the figures -> mark a draft -> record the manifest -> render HTML, PDF,
Word and the reviewer edition -> publish the edition under
outputs/<year>/<period>/ in one swap. Each stage is a function of one
:class:`~reportbook.context.BuildContext`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .archive.draft import mark_draft
from .archive.edition import open_edition, publish, staging
from .archive.manifest import record, write_manifest, write_status
from .context import BuildContext, BuildOptions, Progress
from .execution.execute import SectionRun
from .execution.stage import run_sections
from .execution.warm import WarmStart
from .inputs.preflight import require_valid
from .paths import Project
from .periods import Period
from .rendering.checks import check_figures
from .rendering.edition import merge_sections, render_all

__all__ = ["BuildOptions", "BuildResult", "Progress", "build"]


@dataclass
class BuildResult:
    edition: Path
    period: Period
    runs: list[SectionRun]
    manifest: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)  # implausible data values (inputs.plausible)


def build(
    year: int | str,
    period: str,
    sections: list[str] | None = None,
    project: Project | None = None,
    progress: Progress | None = None,
    **options,
) -> BuildResult:
    """Build the report for ``year`` and ``period`` into outputs/<year>/<period>/.

    Every input is validated first. ``options`` are :class:`BuildOptions`:
    ``jobs`` kernels run the sections (default: one per core); with
    ``use_cache`` unchanged sections, renders and validations are reused from
    outputs/.cache/ (see :mod:`reportbook.execution.cache`); a final edition is
    replaced only with ``force``; a failed identity check fails the build unless
    ``allow_failed_checks`` (the edition is then marked); ``timeout`` bounds a cell.
    """
    ctx = BuildContext.create(year, period, sections, project, progress, BuildOptions(**options))
    with WarmStart(ctx) as warm:  # kernels start while the inputs are checked
        check_inputs(ctx)
        with open_edition(ctx.edition, force=ctx.options.force):
            with staging(ctx.edition) as stage, status_on_failure(ctx, stage):
                run_sections(ctx, stage, warm)
                merged = merge_sections(ctx, stage)
                found = check_figures(ctx, merged)
                mark_draft(ctx, merged)
                manifest = record(ctx, merged, found)
                render_all(ctx, stage, merged, manifest, found)
                write_manifest(manifest, stage)
            publish(stage, ctx.edition)
    return BuildResult(ctx.edition, ctx.target, ctx.runs, manifest, ctx.warnings)


def check_inputs(ctx: BuildContext) -> None:
    """Validate params, notebooks and data (or know they passed before); read the params."""
    ctx.progress.step("checking params, notebooks and data")
    ctx.warnings = require_valid(ctx.project, ctx.target, ctx.every, cache=ctx.cache)
    ctx.require_params()


@contextmanager
def status_on_failure(ctx: BuildContext, stage: Path) -> Iterator[None]:
    """On any failure, leave status.json (every section's outcome) in the failed run."""
    try:
        yield
    except Exception as exc:
        write_status(ctx, stage, exc)
        raise
