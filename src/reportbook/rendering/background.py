"""Run one piece of work in a forked child while the parent does another.

Rendering the PDF (WeasyPrint) and writing the reviewer edition (nbconvert)
are both CPU-bound Python; threads would take turns on the GIL, a forked
child uses the second core. The child shares the parent's loaded modules and
memory, writes only its own files, reports a failure through a pipe and
leaves with ``os._exit`` so it never runs the parent's clean-up.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..errors import RenderError

# The parent's work (the PDF) is the longer one and the build waits for it: when
# the cores are busy, the children give way to it and take what it leaves.
CHILD_NICENESS = 5


@contextmanager
def alongside(work: Callable[[], None], what: str) -> Iterator[None]:
    """Run ``work()`` in a child during the with-block; raise its failure afterwards."""
    if not hasattr(os, "fork"):
        yield
        work()
        return
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        os.nice(CHILD_NICENESS)
        code = 0
        try:
            work()
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            os.write(write_end, f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")[:65000])
            code = 1
        os._exit(code)
    os.close(write_end)
    try:
        yield
    finally:
        message = _read_all(read_end)
        _, status = os.waitpid(pid, 0)
    if status != 0:
        raise RenderError(f"{what} failed: {message or f'child exited with status {status}'}")


def _read_all(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode("utf-8", "replace")
