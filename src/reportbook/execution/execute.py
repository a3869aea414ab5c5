"""Run section notebooks with papermill on a pool of warm kernels, reusing cached results.

papermill parameterises each notebook (a tagged ``parameters`` cell followed
by an injected one) and records the executed copy, with an error banner at
the failing cell when one raises, so a failed section explains itself.
Sections run on ``jobs`` pre-started kernels (:mod:`reportbook.execution.kernels`,
through the papermill engine in :mod:`reportbook.execution.engine`), reset between
sections; a section whose code, parameters, read files and environment are
unchanged since an earlier build is taken from the cache
(:mod:`reportbook.execution.cache`) instead of being run.

Every section of every run ends with one status (:data:`STATUSES`); when a
section fails, the others still run and the :class:`SectionError` carries all
outcomes, so the failed run's ``status.json`` lists each of them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Collection
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ..context import Progress
from ..errors import KernelStartError, SectionError
from ..paths import ROOT_ENV, Project
from ..periods import Period
from ..sections import Section
from .cache import Cache, section_key
from .kernels import KERNEL, PooledKernel, RunAll, default_jobs, pool
from .run import FAILED, NOT_RUN, REUSED, SectionRun, parameters, run_on


def to_run(sections: list[Section], period: Period, cache: Cache | None) -> list[Section]:
    """The sections the cache cannot supply (every one without a cache)."""
    if cache is None:
        return list(sections)
    params = parameters(period)
    return [
        s for s in sections if cache.lookup(s.name, section_key(s.path, params, KERNEL)) is None
    ]


def start_kernels(count: int, project: Project, stack: ExitStack) -> RunAll | None:
    """Start ``count`` kernels now, in the background, and return their ``run_all``.

    The build starts them before it validates the inputs, so kernel start-up
    and imports overlap with validation; ``stack`` shuts them down.
    """
    if count <= 0:
        return None
    env = {**os.environ, ROOT_ENV: str(project.root)}  # the kernels find the project
    return stack.enter_context(pool(count, project.root, project.notebooks, env))


def execute_sections(
    sections: list[Section], out_dir: Path, period: Period, project: Project, **how
) -> list[SectionRun]:
    """Bring every section's executed notebook into ``out_dir``, in section order.

    ``how`` are :class:`Execution` fields: sections found in ``cache`` are
    copied; the others run in parallel on ``jobs`` kernels (default: one per
    core), or on already started ``kernels`` (see :func:`start_kernels`), each
    cell within ``timeout`` seconds, and are stored in the cache. ``progress``
    callbacks may be called from worker threads. If a section fails, the rest
    still run; then SectionError (the first failure) carries every ``runs``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    batch = Execution(out_dir, period, project, len(sections), **how)
    found = ((s, batch.from_cache(s, index)) for index, s in enumerate(sections, 1))
    runs = {s: run for s, run in found if run is not None}
    pending = [s for s in sections if s not in runs]
    if pending:
        with ExitStack() as stack:
            count = min(batch.jobs or default_jobs(), len(pending))
            run_all = batch.kernels or start_kernels(count, project, stack)
            runs.update(batch.run_all(run_all, pending))
    ordered = [runs[s] for s in sections]
    _raise_first_failure(ordered)
    return ordered


@dataclass
class Execution:
    """One :func:`execute_sections` call: where the sections go, how they run and are keyed."""

    out_dir: Path
    period: Period
    project: Project
    count: int
    jobs: int | None = None
    cache: Cache | None = None
    fresh: Collection[Section] = ()  # run even if the cache holds them (and store the result)
    kernels: RunAll | None = None
    progress: Progress = field(default_factory=Progress)
    timeout: float | None = None

    def key(self, section: Section) -> str:
        return section_key(section.path, parameters(self.period), KERNEL)

    def from_cache(self, section: Section, index: int) -> SectionRun | None:
        if section in self.fresh or not self.cache:
            return None
        hit = self.cache.lookup(section.name, self.key(section))
        if hit is None:
            return None
        self.progress.section_started(section, index, self.count)
        shutil.copyfile(hit, self.out_dir / section.filename)
        run = SectionRun(section, self.out_dir / section.filename, 0.0, REUSED, "cache")
        self.progress.section_done(run)
        return run

    def run_one(self, kernel: PooledKernel, section: Section) -> SectionRun:
        """Run ``section``; its failure becomes its outcome (a broken kernel: not run)."""
        try:
            run = run_on(
                kernel, section, self.out_dir / section.filename, self.period, self.timeout
            )
        except KernelStartError as exc:
            return SectionRun(section, None, 0.0, NOT_RUN, error=str(exc))
        except SectionError as exc:
            return SectionRun(section, exc.output_path, 0.0, FAILED, error=str(exc))
        if self.cache:
            self.cache.store(section.name, self.key(section), run.output, run.read)
        return run

    def run_all(self, run_all: RunAll, pending: list[Section]) -> dict[Section, SectionRun]:
        first = self.count - len(pending)

        def work(kernel: PooledKernel, section: Section) -> SectionRun:
            self.progress.section_started(section, first + pending.index(section) + 1, self.count)
            run = self.run_one(kernel, section)
            self.progress.section_done(run)
            return run

        outcomes = run_all(pending, work)
        return {
            s: _outcome(s, kind, value) for s, (kind, value) in zip(pending, outcomes, strict=True)
        }


def _outcome(section: Section, kind: str, value: SectionRun | BaseException) -> SectionRun:
    """A worker's result as a run; a kernel that never started means the section did not run."""
    if kind == "ok":
        return value
    if isinstance(value, KernelStartError):
        return SectionRun(section, None, 0.0, NOT_RUN, error=str(value))
    raise value


def _raise_first_failure(runs: list[SectionRun]) -> None:
    failed = [r for r in runs if r.status in (FAILED, NOT_RUN)]
    if failed:
        first = failed[0]
        message = first.error or f"section {first.section.name} {first.status}"
        if first.status == NOT_RUN:
            message = f"section {first.section.name} was not run: {message}"
        raise SectionError(message, section=first.section.name, output_path=first.output, runs=runs)
