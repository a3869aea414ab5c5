"""Run section notebooks with papermill on a pool of warm kernels, reusing cached results.

papermill parameterises each notebook (a tagged ``parameters`` cell followed
by an injected one) and records the executed copy, with an error banner at
the failing cell when one raises, so a failed section explains itself.
Sections run on ``jobs`` pre-started kernels (:mod:`reportbook.kernels`,
through the papermill engine in :mod:`reportbook.engine`), reset between
sections; a section whose code, parameters, read files and environment are
unchanged since an earlier build is taken from the cache
(:mod:`reportbook.cache`) instead of being run.
"""

from __future__ import annotations

import os
import shutil
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from .cache import Cache, section_key
from .errors import SectionError
from .kernels import KERNEL, PooledKernel, default_jobs, pool
from .paths import ROOT_ENV, Project
from .periods import Period
from .sections import Section


@dataclass(frozen=True)
class SectionRun:
    """The outcome of one section: executed now, or reused from the cache."""

    section: Section
    output: Path
    seconds: float
    status: str  # "succeeded" (executed) or "reused"
    reused_from: str | None = None  # "cache" when status is "reused"
    read: dict | None = None  # files and params values it read (see reads.take)

    @property
    def executed(self) -> bool:
        return self.status == "succeeded"


def parameters(period: Period) -> dict:
    return {"year": period.year, "period": period.code}


def run_on(kernel: PooledKernel, section: Section, output: Path, period: Period) -> SectionRun:
    """Execute one section on ``kernel`` into ``output``; raise SectionError naming the failing cell."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from .engine import ENGINE

    output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    kernel.reset()
    try:
        papermill.execute_notebook(
            str(section.path), str(output), parameters=parameters(period),
            engine_name=ENGINE, kernel=kernel, kernel_name=KERNEL, progress_bar=False,
            log_output=False, request_save_on_cell_execute=False,
        )
    except PapermillExecutionError as exc:
        raise SectionError(
            f"section {section.name} failed in cell {exc.cell_index} (In [{exc.exec_count}]) "
            f"({exc.ename}: {exc.evalue}); the executed notebook with the error is {output}",
            section=section.name, output_path=output,
        ) from None
    read = kernel.files_read()
    return SectionRun(section, output, time.perf_counter() - started, "succeeded", read=read)


def to_run(sections: list[Section], period: Period, cache: Cache | None) -> list[Section]:
    """The sections the cache cannot supply (every one without a cache)."""
    if cache is None:
        return list(sections)
    params = parameters(period)
    return [s for s in sections if cache.lookup(s.name, section_key(s.path, params, KERNEL)) is None]


def start_kernels(count: int, project: Project, stack: ExitStack):
    """Start ``count`` kernels now, in the background, and return their ``run_all``.

    The build starts them before it validates the inputs, so kernel start-up
    and imports overlap with validation; ``stack`` shuts them down.
    """
    if count <= 0:
        return None
    env = {**os.environ, ROOT_ENV: str(project.root)}  # the kernels find the project
    return stack.enter_context(pool(count, project.root, project.notebooks, env))


def execute_sections(sections: list[Section], out_dir: Path, period: Period, project: Project,
                     started=lambda section, index, count: None,
                     done=lambda run: None, *, jobs: int | None = None,
                     cache: Cache | None = None, kernels=None) -> list[SectionRun]:
    """Bring every section's executed notebook into ``out_dir``, in section order.

    Sections found in ``cache`` are copied; the others run in parallel on
    ``jobs`` kernels (default: one per core), or on already started
    ``kernels`` (see :func:`start_kernels`), and are stored in the cache.
    Progress callbacks may be called from worker threads.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    params = parameters(period)
    keys = {s: section_key(s.path, params, KERNEL) for s in sections} if cache else {}
    runs: dict[Section, SectionRun] = {}
    count = len(sections)
    for index, section in enumerate(sections, 1):
        hit = cache.lookup(section.name, keys[section]) if cache else None
        if hit is not None:
            started(section, index, count)
            shutil.copyfile(hit, out_dir / section.filename)
            runs[section] = SectionRun(section, out_dir / section.filename, 0.0, "reused", "cache")
            done(runs[section])
    pending = [s for s in sections if s not in runs]
    if pending:
        runs.update(_run_pending(pending, out_dir, period, project, started, done,
                                 jobs or default_jobs(), cache, keys, count, kernels))
    return [runs[s] for s in sections]


def _run_pending(pending, out_dir, period, project, started, done, jobs, cache, keys, count,
                 kernels=None):

    def work(kernel, section):
        started(section, pending.index(section) + 1 + count - len(pending), count)
        run = run_on(kernel, section, out_dir / section.filename, period)
        if cache:
            cache.store(section.name, keys[section], run.output, run.read)
        done(run)
        return run

    with ExitStack() as stack:
        run_all = kernels or start_kernels(min(jobs, len(pending)), project, stack)
        results = run_all(pending, work)
    return dict(zip(pending, results))
