"""One build of an edition at a time: an advisory lock file per edition.

Two builds of the same period at once would race to publish, and the loser's
inputs may differ from the winner's. The lock is ``outputs/<year>/.<period>.lock``
held with ``flock``: the operating system releases it when its holder exits,
even when killed, so a crashed build never leaves a stale lock behind. A
second build does not wait: it exits at once naming the holder, because a
queued build would silently run minutes later on inputs that may have changed.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import LockedError


def lock_path(edition: Path) -> Path:
    return edition.with_name(f".{edition.name}.lock")


@contextmanager
def edition_lock(edition: Path, what: str = "build") -> Iterator[None]:
    """Hold the edition's lock for the block; raise LockedError if another process has it."""
    path = lock_path(edition)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise LockedError(
                f"{edition} is locked by {holder}; only one build of an edition runs at a "
                f"time: wait for it to finish, then run the command again"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"{what} (pid {os.getpid()}, since {time.strftime('%Y-%m-%d %H:%M:%S')})")
        handle.flush()
        yield
    finally:
        handle.close()  # closing the file releases the lock
