"""Record which project files a section reads, so the cache can key on them.

Declaring a section's inputs by hand drifts as soon as a notebook starts
reading another table; recording them cannot. Inside a pooled kernel an
audit hook (``sys.addaudithook``) sees every Python ``open()`` of a file
under ``data/`` or ``params/``; readers that open files outside Python
(pyarrow, DuckDB) call :func:`record` themselves. Outside a pooled kernel
(JupyterLab, tests) nothing is watched and :func:`record` costs a set insert.
"""

from __future__ import annotations

import os
import sys

_seen: set[str] = set()
_watched: tuple[str, ...] = ()


def record(path) -> None:
    """Note that ``path`` was read (called by readers the audit hook cannot see)."""
    _seen.add(os.path.abspath(os.fspath(path)))


def _on_event(event: str, args: tuple) -> None:
    if event == "open" and _watched:
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)) and not isinstance(path, int):
            path = os.path.abspath(os.fsdecode(path))
            if path.startswith(_watched):
                _seen.add(path)


def watch(root) -> None:
    """Start recording opens under ``root``/data and ``root``/params (once per process)."""
    global _watched
    first = not _watched
    root = os.path.abspath(os.fspath(root))
    _watched = tuple(os.path.join(root, name) + os.sep for name in ("data", "params"))
    if first:
        sys.addaudithook(_on_event)


def take() -> list[str]:
    """The files read since the last call, sorted; clears the record."""
    found = sorted(_seen)
    _seen.clear()
    return found
