"""What runs on a Dask worker: warm kernels kept across builds, and one edition per task.

A build pays about 1,6 s to start its kernels (imports included) and about
0,9 s to load the renderers; a batch of thirty editions would pay that thirty
times. :class:`WarmKernels`, a worker plugin, starts a pool of kernels
(:func:`reportbook.execution.kernels.pool`) once per worker and lends it to
every build the worker runs (:data:`reportbook.execution.warm.lender`);
before a section of another body each kernel is retargeted to that body
(:meth:`~reportbook.execution.kernels.PooledKernel.retarget`) and reset as
usual, so a section sees exactly what a fresh kernel would.

:func:`build_edition` is the task: :func:`reportbook.build.build` with the
body's project, the same function ``reportbook build`` calls, under the same
edition lock, with the same atomic publish and caches. A user's error (bad
data, params, a failed section) is the task's result, not an exception, so
Dask does not retry it and the batch goes on; anything else raises and Dask
retries it, on another worker if this one is lost.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from distributed import WorkerPlugin, get_worker

from ..errors import ReportbookError, SectionError
from ..execution import warm
from ..execution.kernels import PooledKernel, pool
from ..paths import ROOT_ENV

if TYPE_CHECKING:
    from distributed import Worker

    from ..context import BuildContext
    from ..execution.kernels import RunAll

PLUGIN = "reportbook-warm-kernels"
TOPIC = "reportbook-batch"  # the events a task sends the batch's progress display


class KernelsLost(RuntimeError):
    """The worker's kernels could not start; the task is retried after a fresh pool."""


class WarmKernels(WorkerPlugin):
    """``kernels`` pooled kernels per worker, started once, lent to each build it runs."""

    name = PLUGIN

    def __init__(self, notebooks: str, kernels: int):
        self.notebooks, self.kernels = notebooks, kernels
        self.used: set[str] = set()  # ids of the kernels the current build ran sections on

    def setup(self, worker: Worker | None = None) -> None:
        """Start the kernels (in the background) and load the renderers; lend the kernels."""
        self._stack = ExitStack()
        folder = Path(self.notebooks)
        env = {**os.environ, ROOT_ENV: str(folder)}  # retargeted to a body before any section
        self._run_all = self._stack.enter_context(pool(self.kernels, folder, folder, env))
        self._preload = threading.Thread(target=warm._load_renderers, daemon=True, name="rb-load")
        self._preload.start()
        # Joined when the first build's sections are done (WarmStart.release), not before it
        # starts: the renderers load while it validates and runs its sections.
        warm.lender, warm.preloading = self.lend, self._preload

    def teardown(self, worker: Worker | None = None) -> None:
        if warm.lender == self.lend:
            warm.lender, warm.preloading = None, None
        self._stack.close()

    def renew(self) -> None:
        """Replace the pool by a fresh one (its kernels could not start)."""
        self.teardown()
        self.setup()

    def lend(self, ctx: BuildContext) -> RunAll:
        """The pool's ``run_all``, each kernel pointed at ``ctx``'s project before a section."""
        root, run_all = ctx.project.root, self._run_all

        def for_body(items: list, work: object) -> list:
            def retargeted(kernel: PooledKernel, item: object) -> object:
                if kernel.broken is not None:  # a restart failed in an earlier build: try again
                    kernel.broken = None
                    kernel.restart()
                if kernel.root != root:
                    kernel.retarget(root)
                self.used.add(kernel.km.kernel_id)
                return work(kernel, item)

            return run_all(items, retargeted)

        return for_body


def build_edition(task: str, body_root: str, year: int, period: str, options: dict) -> dict:
    """Build one body's edition on this worker; return what the batch records of it."""
    from ..build import build
    from ..execution.run import NOT_RUN
    from ..paths import Project

    worker = get_worker()
    worker.log_event(TOPIC, {"task": task, "event": "started", "worker": worker.address})
    started = time.perf_counter()
    record = {"task": task, "worker": worker.address}
    plugin = worker.plugins.get(PLUGIN)
    if plugin is not None:
        plugin.used = set()
    try:
        result = build(year, period, project=Project(Path(body_root)), **options)
    except SectionError as exc:
        if any(r.status == NOT_RUN for r in exc.runs) and plugin is not None:
            plugin.renew()
            raise KernelsLost(f"{task}: the worker's kernels did not start: {exc}") from None
        record.update(status="failed", error=str(exc))
    except ReportbookError as exc:
        record.update(status="failed", error=str(exc))
    else:
        executed = sum(r.executed for r in result.runs)
        record.update(status="built", edition=str(result.edition), sections_executed=executed)
    record["seconds"] = round(time.perf_counter() - started, 3)
    record["kernels"] = sorted(plugin.used) if plugin is not None else []
    worker.log_event(TOPIC, {"task": task, "event": record["status"], "worker": worker.address})
    return record
