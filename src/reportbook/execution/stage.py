"""The execution stage of a build: previous sections kept, the rest executed, all normalised."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..context import BuildContext
from ..errors import ConfigError, SectionError
from . import determinism
from .execute import REUSED, SectionRun, execute_sections
from .warm import WarmStart

SECTIONS_DIR = "sections"


def run_sections(ctx: BuildContext, stage: Path, warm: WarmStart) -> list[SectionRun]:
    """Every section's executed notebook in ``stage/sections``, in report order.

    Sections this build does not run are copied from the current edition; the
    chosen ones come from the cache or run on ``warm``'s kernels. The outcomes
    are kept in ``ctx.runs`` even when a section fails.
    """
    kept = keep_from_edition(ctx, stage / SECTIONS_DIR)
    warm.warm_renderers()
    try:
        executed = execute_sections(
            ctx.chosen,
            stage / SECTIONS_DIR,
            ctx.target,
            ctx.project,
            jobs=ctx.jobs,
            cache=ctx.cache,
            kernels=warm.kernels,
            progress=ctx.progress,
        )
    except SectionError as exc:
        ctx.runs = _in_order(ctx, kept + exc.runs)
        raise
    finally:
        warm.release()
    ctx.runs = _in_order(ctx, kept + executed)
    determinism.normalise_folder(stage / SECTIONS_DIR)
    return ctx.runs


def keep_from_edition(ctx: BuildContext, folder: Path) -> list[SectionRun]:
    """Copy the current edition's executed sections that this build does not re-run."""
    folder.mkdir()
    previous = ctx.edition / SECTIONS_DIR
    others = [s for s in ctx.every if s not in ctx.chosen]
    missing = [s.name for s in others if not (previous / s.filename).is_file()]
    if missing:
        raise ConfigError(
            f"cannot rebuild only some sections: {ctx.edition} has no executed "
            f"{', '.join(missing)}; build the whole report first"
        )
    for section in others:
        shutil.copyfile(previous / section.filename, folder / section.filename)
    return [SectionRun(s, folder / s.filename, 0.0, REUSED, "edition") for s in others]


def _in_order(ctx: BuildContext, runs: list[SectionRun]) -> list[SectionRun]:
    by_section = {r.section: r for r in runs}
    return [by_section[s] for s in ctx.every if s in by_section]
