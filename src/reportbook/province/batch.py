"""Build every body x period of a workspace as tasks on Dask distributed.

By default a ``LocalCluster`` of worker processes (one per core, one task at
a time each) listening on 127.0.0.1 only, dashboard included; or an
existing cluster given by its scheduler's address, whose workers must see
the workspace at the same path (a shared file system) and have reportbook
installed. Every worker keeps warm kernels across its tasks
(:class:`~.worker.WarmKernels`). A worker lost mid-task is replaced by the
scheduler and its task runs again elsewhere (up to
``distributed.scheduler.allowed-failures`` times); the lost build leaves
only a staging folder, which the next build of that edition removes under
its lock, so no edition is ever half-written. The batch records every task
in ``outputs/batch.json``.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..periods import Period, resolve
from .display import BatchDisplay
from .workspace import Body, Workspace

if TYPE_CHECKING:
    from distributed import Client

RETRIES = 1  # an unexpected error (not the user's) is tried once more, on any worker
CONNECT_TIMEOUT = 60  # seconds to reach a scheduler and see a worker


@dataclass(frozen=True)
class Task:
    body: Body
    period: Period

    @property
    def id(self) -> str:
        return f"{self.body.id}/{self.period.year}/{self.period.code}"


@dataclass
class BatchResult:
    """What the batch did: one record per task, in task order, as batch.json lists them."""

    records: list[dict]
    path: Path
    dashboard: str | None
    seconds: float
    summary: dict = field(default_factory=dict)

    @property
    def failed(self) -> list[dict]:
        return [r for r in self.records if r["status"] != "built"]


def plan(
    workspace: Workspace, year: int | str, periods: list[str], bodies: list[str] | None
) -> list[Task]:
    """Every (body, period) task, bodies in the workspace's order, periods as given."""
    chosen = [resolve(year, p) for p in periods]
    return [Task(body, period) for body in workspace.select(bodies) for period in chosen]


def run_batch(
    workspace: Workspace,
    tasks: list[Task],
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    display: BatchDisplay | None = None,
    options: dict | None = None,
) -> BatchResult:
    """Build ``tasks`` on a local or given cluster; write and return the batch record."""
    from distributed import as_completed

    from .worker import TOPIC, WarmKernels

    started = time.perf_counter()
    display = display or BatchDisplay(None, enabled=False)
    with connect(scheduler, workers) as (client, kernels):
        client.register_plugin(WarmKernels(str(workspace.bodies[0].project.notebooks), kernels))
        client.subscribe_topic(TOPIC, lambda event: display.event(event[1]))
        futures = submit(client, tasks, {"jobs": kernels, **(options or {})})
        dashboard, records = client.dashboard_link, {}
        with display.live(len(tasks), dashboard, _workers(client)):
            for future in as_completed(futures):
                task = futures[future]
                records[task.id] = _record(task, future)
                display.finished(records[task.id])
    ordered = [records[t.id] for t in tasks]
    result = BatchResult(ordered, workspace.batch_file, dashboard, time.perf_counter() - started)
    write_record(result, workspace, scheduler)
    return result


def submit(client: Client, tasks: list[Task], options: dict) -> dict:
    """One Dask task per edition, ``{future: task}``; keys unique to this batch."""
    from .worker import build_edition

    token = uuid.uuid4().hex[:8]
    return {
        client.submit(
            build_edition,
            task.id,
            str(task.body.folder),
            task.period.year,
            task.period.code,
            options,
            key=f"reportbook-{task.id.replace('/', '-')}-{token}",
            retries=RETRIES,
            pure=False,
        ): task
        for task in tasks
    }


def _record(task: Task, future: object) -> dict:
    """The task's own record, or its failure as one when the task raised (after retries)."""
    base = {"body": task.body.id, "year": task.period.year, "period": task.period.code}
    try:
        return {**base, **future.result()}
    except Exception as exc:  # noqa: BLE001 - a lost worker, an unexpected error: recorded
        error = f"{type(exc).__name__}: {exc}"
        return {**base, "task": task.id, "status": "failed", "error": error, "seconds": None}


def _workers(client: Client) -> int:
    return len(client.scheduler_info().get("workers", {}))


@contextmanager
def connect(scheduler: str | None, workers: int | None) -> Iterator[tuple[Client, int]]:
    """A client of the given scheduler, or of a new loopback-only LocalCluster; kernels per worker.

    The local cluster has ``workers`` processes (default: one per core), one
    thread each, and the cores left over become kernels: two on one worker
    run a build's sections in parallel, one each on two workers run two builds.
    """
    import dask
    from distributed import Client, LocalCluster

    from ..execution.kernels import default_jobs

    if scheduler:
        with _client_of(scheduler) as client:
            yield client, 1
        return
    count = workers or default_jobs()
    quiet = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.limit": "30s"}
    with (
        dask.config.set(quiet),
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(count, timeout=CONNECT_TIMEOUT)
        yield client, max(1, default_jobs() // count)


@contextmanager
def _client_of(scheduler: str) -> Iterator[Client]:
    """A client of a running cluster with at least one worker, or a clear error saying why not."""
    from distributed import Client

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise ConfigError(
                f"the Dask scheduler at {scheduler} has no worker after {CONNECT_TIMEOUT} s; "
                f"start one with: dask worker {scheduler} --nthreads 1"
            ) from None
        yield client


def write_record(result: BatchResult, workspace: Workspace, scheduler: str | None) -> None:
    """Write outputs/batch.json atomically: every task, its status, timing and edition."""
    record = {
        "workspace": str(workspace.root),
        "scheduler": scheduler or "local",
        "dashboard": result.dashboard,
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "seconds": round(result.seconds, 3),
        "built": sum(r["status"] == "built" for r in result.records),
        "failed": len(result.failed),
        "tasks": result.records,
    }
    result.summary = record
    result.path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=result.path.parent, prefix=".batch-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    os.replace(tmp, result.path)
