"""The execution stage of a build: previous sections kept, the rest executed, all normalised."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..archive.edition import recorded_outputs
from ..archive.manifest import sha256
from ..context import BuildContext
from ..errors import ConfigError, SectionError
from . import determinism
from .execute import REUSED, SectionRun, execute_sections
from .warm import WarmStart

SECTIONS_DIR = "sections"


def run_sections(ctx: BuildContext, stage: Path, warm: WarmStart) -> list[SectionRun]:
    """Every section's executed notebook in ``stage/sections``, in report order.

    Sections this build does not run are copied from the current edition; the
    chosen ones come from the cache or run on ``warm``'s kernels, except those
    named with ``--section``, which always run (that is what the user asked
    for). The outcomes are kept in ``ctx.runs`` even when a section fails.
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
            fresh=ctx.named,
            kernels=warm.kernels,
            progress=ctx.progress,
            timeout=ctx.options.timeout,
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
    """Copy the current edition's sections this build does not re-run, if they are intact.

    A kept section must have the hash the edition's manifest records for it
    (and the manifest the hash final.json records, for a final edition). One
    that does not (edited, damaged, or an edition whose records cannot be
    trusted) is re-run instead, and the build says so: nothing this build did
    not produce or verify is published.
    """
    folder.mkdir()
    previous = ctx.edition / SECTIONS_DIR
    others = [s for s in ctx.every if s not in ctx.chosen]
    missing = [s.name for s in others if not (previous / s.filename).is_file()]
    if missing:
        raise ConfigError(
            f"cannot rebuild only some sections: {ctx.edition} has no executed "
            f"{', '.join(missing)}; build the whole report first"
        )
    recorded, problem = recorded_outputs(ctx.edition) if others else ({}, None)
    kept, rerun = [], []
    for section in others:
        copy = folder / section.filename
        shutil.copyfile(previous / section.filename, copy)
        if problem is None and recorded.get(f"{SECTIONS_DIR}/{section.filename}") == sha256(copy):
            kept.append(SectionRun(section, copy, 0.0, REUSED, "edition"))
        else:
            copy.unlink()
            rerun.append(section)
    if rerun:
        why = problem or "their files differ from the hashes its manifest records"
        ctx.notice(f"{ctx.edition}: {why}; re-running {', '.join(s.name for s in rerun)}")
        ctx.chosen = [s for s in ctx.every if s in ctx.chosen or s in rerun]
    return kept


def _in_order(ctx: BuildContext, runs: list[SectionRun]) -> list[SectionRun]:
    by_section = {r.section: r for r in runs}
    return [by_section[s] for s in ctx.every if s in by_section]
