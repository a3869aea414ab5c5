"""A small pool of pre-started kernels, each driven by its own worker thread.

Starting a kernel, importing pandas and matplotlib in it and shutting it down
costs more than most sections' own work, so the build starts ``jobs``
kernels once (by default one per core), warms them up
(:func:`reportbook.execution.kernelside.warm`) and hands each the next waiting section.
A kernel's zmq channels belong to the event loop of the thread that made
them, so each kernel lives and dies on one worker thread.

Before every section the kernel is reset (:func:`reportbook.execution.kernelside.reset`),
so no section can see another's variables, figures or settings.
"""

from __future__ import annotations

import ast
import asyncio
import os
import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import nbformat
from nbclient import NotebookClient

from ..errors import KernelStartError, SectionError
from ..paths import ROOT_ENV

if TYPE_CHECKING:
    from jupyter_client.client import KernelClient
    from jupyter_client.manager import KernelManager

KERNEL = "python3"
STARTUP_TIMEOUT = 60
# jupyter_client chooses a kernel's five ports by binding port 0 and closing the
# socket, and shares them through a process-wide LocalPortCache whose creation
# and check-then-add are not thread-safe: two kernels launched at the same
# moment from two threads can be given the same port, and one of them dies
# before replying to kernel_info. Launching (not waiting for) kernels one at a
# time closes that window; a start that fails anyway is retried once.
_LAUNCH = threading.Lock()
# The kernel's own start-up notices are not the user's business.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]


def default_jobs() -> int:
    """One kernel per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class PooledKernel:
    """One running kernel and its client; used only from the thread that made it."""

    def __init__(self, root: Path, cwd: Path, env: dict[str, str]):
        self.root, self._cwd, self._env = root, cwd, env
        self.broken: KernelStartError | None = None  # set when a restart failed
        self._start_with_retry()

    def _start_with_retry(self) -> None:
        """Start (and warm) the kernel; one failed start is retried, a second is an error."""
        try:
            self._start()
        except Exception as first:
            self._stop_quietly()
            try:
                self._start()
            except Exception as second:
                self._stop_quietly()
                raise KernelStartError(
                    f"a kernel did not start, twice ({_brief(first)}; then {_brief(second)}); "
                    f"nothing was published; try again, or build with --jobs 1",
                    section="(kernel)",
                ) from None

    def _start(self) -> None:
        self._client = NotebookClient(
            nbformat.v4.new_notebook(),
            kernel_name=KERNEL,
            startup_timeout=STARTUP_TIMEOUT,
            extra_arguments=KERNEL_ARGUMENTS,
            # Every output has been received when the pool closes and a kernel keeps
            # nothing worth saving, so it is stopped at once instead of asked to
            # wind down (which takes about 0,5 s).
            shutdown_kernel="immediate",
        )
        with _LAUNCH:  # jupyter_client picks ports without a lock across threads
            self._client.km = self._client.create_kernel_manager()
            self._client.start_new_kernel(cwd=str(self._cwd), env=self._env)
        self._client.start_new_kernel_client()
        root = str(self.root)
        self.run(f"import reportbook.execution.kernelside as _rb; _rb.warm({root!r}); del _rb")

    def retarget(self, root: Path) -> None:
        """Serve the project at ``root`` from now on (a pool kept for many bodies' builds)."""
        self.root, self._env = root, {**self._env, ROOT_ENV: str(root)}
        self.run(f"import reportbook.execution.kernelside as k; k.retarget({str(root)!r}); del k")

    def restart(self) -> None:
        """Replace a dead or stuck kernel by a fresh warm one (``broken`` if that fails)."""
        self._stop_quietly()
        try:
            self._start_with_retry()
        except KernelStartError as exc:
            self.broken = exc

    @property
    def km(self) -> KernelManager:
        return self._client.km

    @property
    def kc(self) -> KernelClient:
        return self._client.kc

    def run(self, code: str, expressions: dict[str, str] | None = None) -> dict:
        """Run ``code`` silently (no history, no outputs); return the user expressions."""
        msg_id = self.kc.execute(
            code, silent=True, store_history=False, user_expressions=expressions or {}
        )
        reply = self._client.wait_for_reply(msg_id)
        content = reply["content"]
        if content["status"] != "ok":
            raise SectionError(
                f"the pooled kernel failed to run its set-up code: "
                f"{content.get('ename')}: {content.get('evalue')}",
                section="(kernel)",
            )
        return content.get("user_expressions", {})

    def reset(self) -> None:
        """Forget everything the last section did (see :mod:`reportbook.execution.kernelside`)."""
        if self.broken is not None:
            raise self.broken
        self.run("import reportbook.execution.kernelside as _rb; _rb.reset()")

    def files_read(self) -> dict:
        """What the section since the last reset read: ``{"files": [...], "values": {...}}``."""
        found = self.run(
            "",
            {
                "read": "__import__('reportbook.execution.kernelside')"
                ".execution.kernelside.files_read()"
            },
        )
        value = found["read"]
        if value.get("status") != "ok":
            raise SectionError(
                f"the pooled kernel could not report what the section read: "
                f"{value.get('ename')}: {value.get('evalue')}",
                section="(kernel)",
            )
        return ast.literal_eval(value["data"]["text/plain"])

    def _stop_quietly(self) -> None:
        """Stop whatever is left of this kernel; a half-started one may fail to stop."""
        try:
            self.shutdown()
        except Exception:  # noqa: BLE001 - nothing to save from a kernel being replaced
            pass

    def shutdown(self) -> None:
        """Stop the kernel at once and close the client's channels (public jupyter_client API)."""
        from jupyter_core.utils import run_sync

        client = getattr(self, "_client", None)
        if client is not None and client.km is not None and client.kc is not None:
            run_sync(_stop)(client.km, client.kc)


async def _stop(km: KernelManager, kc: KernelClient) -> None:
    from jupyter_core.utils import ensure_async

    try:
        if await ensure_async(km.is_alive()):
            await ensure_async(km.shutdown_kernel(now=True))
    finally:
        await ensure_async(km.cleanup_resources())
        kc.stop_channels()


def _brief(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


def _close_thread_loop() -> None:
    """Close the event loop jupyter_core made for this worker thread (else it leaks)."""
    try:
        loop = asyncio.get_event_loop_policy().get_event_loop()
    except RuntimeError:
        return
    if not loop.is_running():
        loop.close()


# What :func:`pool` yields: ``run_all(items, work)``, one ``(kind, value)`` per item.
RunAll = Callable[[list, Callable[[PooledKernel, Any], Any]], list[tuple[str, Any]]]


@contextmanager
def pool(jobs: int, root: Path, cwd: Path, env: dict[str, str]) -> Iterator[RunAll]:
    """Yield a function that runs ``work(kernel, item)`` for items on ``jobs`` kernels.

    ``run_all(items, work)`` returns one outcome per item, in the order of
    ``items`` whatever order they finish in: ``("ok", result)`` or
    ``("error", exception)`` (a kernel that did not start gives
    :class:`KernelStartError` for the items it took).
    """
    workers = _Workers(max(1, jobs), root, cwd, env)
    try:
        yield workers.map
    finally:
        workers.close()


class _Workers:
    """Threads that each start one kernel, then take work from a shared queue."""

    def __init__(self, jobs: int, root: Path, cwd: Path, env: dict[str, str]):
        self._tasks: queue.Queue = queue.Queue()
        self._threads = [
            threading.Thread(
                target=self._serve,
                args=(root, cwd, env),
                daemon=True,
                name=f"reportbook-kernel-{i}",
            )
            for i in range(jobs)
        ]
        for thread in self._threads:
            thread.start()

    def _serve(self, root: Path, cwd: Path, env: dict[str, str]) -> None:
        kernel, failure = None, None
        try:
            kernel = PooledKernel(root, cwd, env)
        except KernelStartError as exc:  # reported with each task this worker takes
            failure = exc
        try:
            while (task := self._tasks.get()) is not None:
                work, item, slot, finished = task
                try:
                    if failure is not None:
                        raise failure
                    slot.append(("ok", work(kernel, item)))
                except BaseException as exc:  # handed to the caller's thread
                    slot.append(("error", exc))
                finally:
                    finished.release()
        finally:
            if kernel is not None:
                kernel.shutdown()
            _close_thread_loop()

    def map(self, items: list, work: Callable) -> list:
        slots = [[] for _ in items]
        finished = threading.Semaphore(0)
        for item, slot in zip(items, slots, strict=True):
            self._tasks.put((work, item, slot, finished))
        for _ in items:
            finished.acquire()
        return [slot[0] for slot in slots]

    def close(self) -> None:
        for _ in self._threads:
            self._tasks.put(None)
        for thread in self._threads:
            thread.join(timeout=30)
