"""Remember, for the life of the process, which data already passed every rule, by content.

Validation is a pure function of the cells read, the vocabularies and
reportbook's own code, and it is the largest cost of reading a table:
15–40 ms for each of the sample body's tables, against 0,5 ms to hash what
was read. A section reads several tables and validates each with its
partners, every section of a build does it again on one of the kernels, and
a batch worker builds the same body's data for every period. A key of
everything the verdict depends on — each table's file name, sheet, row
numbering and cells exactly as read, and the vocabularies — lets a process
skip only a check it has already seen pass on those very cells.

Only passes are remembered: inputs with a problem are checked, and
reported, every time. Nothing is written anywhere, so ``--no-cache`` and a
fresh process start with no verdicts; a kernel keeps them across sections
(see :mod:`reportbook.execution.kernelside`: a pure function's cache, like
the font's coverage).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tabular import RawTable

_passed: set[str] = set()


def key(check: str, tables: Mapping[str, RawTable], vocab: Mapping) -> str:
    """What a verdict of ``check`` over ``tables`` (name to table) and ``vocab`` depends on."""
    hasher = hashlib.sha256(check.encode("utf-8"))
    for name in sorted(tables):
        raw = tables[name]
        # pickle is a faithful serialisation: the same bytes are the same cells (0,5 ms)
        described = (name, raw.path.name, raw.sheet, raw.row_word, raw.frame)
        hasher.update(pickle.dumps(described, protocol=pickle.HIGHEST_PROTOCOL))
    hasher.update(pickle.dumps(dict(vocab), protocol=pickle.HIGHEST_PROTOCOL))
    return hasher.hexdigest()


def passed(fingerprint: str) -> bool:
    """Whether the inputs with this ``fingerprint`` passed the same check in this process."""
    return fingerprint in _passed


def remember(fingerprint: str) -> None:
    """Record that the inputs with ``fingerprint`` passed (call only when nothing was found)."""
    _passed.add(fingerprint)


def forget() -> None:
    """Forget every verdict (tests: the next check runs in full)."""
    _passed.clear()
