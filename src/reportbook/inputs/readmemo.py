"""Data files read once per process by content, not once per section.

A build's sections each open the project and read the tables they use; in
a pooled kernel that serves a batch, the same body's dossiers are read by
several sections of every period's edition, and the build process reads
every table again to check it. Parsing a file is the costly part (CSV
records to cells, NFC, stripping); reading and hashing its bytes is cheap.
So a file is parsed again only when its bytes differ from a parse this
process kept: the key is the path and a BLAKE2 digest of the bytes, never
a modification time, which a quick rewrite of the same size can keep.

The kept tables are shared, so they are read-only by contract: callers get
a fresh :class:`~.tabular.RawTable` around the same cells (reassigning its
attributes touches nothing kept) and :func:`~.loading.typed` copies cells
into new frames. Opening the file is what records it as read
(:mod:`reportbook.execution.reads`), so a section's recorded inputs are the
same whether its tables came from here or from a parse. At most
:data:`BUDGET` bytes of files are kept, the least recently used dropped first.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path

from .tabular import RawTable, find_file, read_path

BUDGET = 32 * 2**20  # bytes of data files whose parsed cells a process keeps (cells: ~5x that)

_kept: OrderedDict[tuple[str, bytes], tuple[RawTable, int]] = OrderedDict()
_lock = threading.Lock()  # a preview server's threads read too


def read(data_dir: Path, name: str) -> RawTable:
    """Table ``name`` of ``data_dir`` as :func:`~.tabular.read_table` returns it."""
    path = find_file(data_dir, name)
    key, size = _key(path)
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return replace(_kept[key][0])  # shares the cells and the parsed dates
    raw = read_path(path)
    if _key(path)[0] == key and size <= BUDGET:  # unchanged while parsed: cells of those bytes
        with _lock:
            _kept[key] = (raw, size)
            while sum(s for _, s in _kept.values()) > BUDGET:
                _kept.popitem(last=False)
    return replace(raw)


def _key(path: Path) -> tuple[tuple[str, bytes], int]:
    """``((path, digest of the bytes), size)``; opening the file records it as read."""
    data = path.read_bytes()
    return (str(path.resolve()), hashlib.blake2b(data, digest_size=20).digest()), len(data)


def forget() -> None:
    """Drop every kept table (tests: the next read parses)."""
    with _lock:
        _kept.clear()
