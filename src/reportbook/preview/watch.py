"""Notice saved files by polling: a stat of a few dozen files, four times a second.

Polling needs no dependency and behaves the same on every file system
(network shares and editors that save by renaming included); the inputs are
a few dozen files, so a scan costs well under a millisecond. Hidden files and
folders (an editor's swap files, ``.ipynb_checkpoints``, ``data/.history``)
and backup files (``name~``) are not inputs and are ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("data", "params", "notebooks")

Snapshot = dict[str, tuple[int, int]]  # relative path -> (mtime_ns, size)


def scan(root: Path) -> Snapshot:
    """Every watched file's modification time and size."""
    found: Snapshot = {}
    for folder in WATCHED:
        for here, dirs, files in os.walk(root / folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = Path(here) / name
                try:
                    stat = path.stat()
                except FileNotFoundError:  # removed while scanning
                    continue
                found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found


def changes(before: Snapshot, after: Snapshot) -> list[str]:
    """The files saved, added or removed between two scans."""
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )
