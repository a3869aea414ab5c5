"""The batch's progress display: done / failed / running / waiting, and the Dask dashboard.

Workers send an event when a task starts and when it ends (topic
:data:`~.worker.TOPIC`); the scheduler's results arrive as futures complete.
On a terminal one line is redrawn in place; otherwise (a log, CI) each
finished task prints one line, so the record of a batch reads top to bottom.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.live import Live
from rich.text import Text

if TYPE_CHECKING:
    from .batch import BatchResult


class BatchDisplay:
    """Counts of the batch's tasks, shown live while it runs."""

    def __init__(self, console: Console | None, enabled: bool = True):
        self.console = console or Console(stderr=True, quiet=not enabled, soft_wrap=True)
        self.enabled = enabled
        self.total, self.dashboard, self.workers = 0, None, 0
        self.running: set[str] = set()
        self.done = self.failed = 0
        self._lock = threading.Lock()

    @contextmanager
    def live(self, total: int, dashboard: str | None, workers: int) -> Iterator[None]:
        self.total, self.dashboard, self.workers = total, dashboard, workers
        self.console.print(
            f"batch: {total} edition(s) on {workers} worker(s); Dask dashboard: {dashboard}",
            highlight=False,
            soft_wrap=True,
        )
        if not (self.enabled and self.console.is_terminal):
            yield
            return
        with Live(self, console=self.console, refresh_per_second=4, transient=True):
            yield

    def event(self, message: dict) -> None:
        """A worker's event (called on the client's event loop thread)."""
        with self._lock:
            if message.get("event") == "started":
                self.running.add(message["task"])
            else:
                self.running.discard(message["task"])

    def finished(self, record: dict) -> None:
        with self._lock:
            self.running.discard(record["task"])
            if record["status"] == "built":
                self.done += 1
            else:
                self.failed += 1
        seconds = f"{record['seconds']:.1f} s" if record.get("seconds") is not None else "-"
        where = record.get("worker") or "?"
        self.console.print(
            f"{record['status']:6} {record['task']} ({seconds}, {where})",
            highlight=False,
            markup=False,
        )

    def line(self) -> str:
        with self._lock:
            waiting = self.total - self.done - self.failed - len(self.running)
            return (
                f"done {self.done}/{self.total} · failed {self.failed} · running "
                f"{len(self.running)} · waiting {max(0, waiting)} · dashboard {self.dashboard}"
            )

    def __rich__(self) -> Text:
        return Text(self.line())


def print_summary(console: Console, result: BatchResult) -> None:
    """Counts and wall time, then every failed task with its message, then where batch.json is."""
    built = len(result.records) - len(result.failed)
    console.print(
        f"batch: {built} built, {len(result.failed)} failed of {len(result.records)} "
        f"in {result.seconds:.1f} s; record: {result.path}",
        highlight=False,
        soft_wrap=True,
    )
    for record in result.failed:
        console.print(f"FAILED {record['task']}:", style="bold red", highlight=False)
        console.print(record["error"], highlight=False, markup=False, soft_wrap=True)
