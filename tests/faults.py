"""The fault-injection tally: what was tried and what survived, printed at the end.

Tests record here; ``conftest.pytest_terminal_summary`` prints the figures, so
CI's log shows how many bad inputs were tried, how many got a clear error
naming file, row and column, and how many archived editions were damaged.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

TALLY: Counter = Counter()
SCENARIOS: list[str] = []


def bad_input(clear: bool, *, traceback: bool = False, silent_wrong: bool = False) -> None:
    """Record one bad input: a clear message, a traceback, or a wrong result with no error.

    ``silent_wrong``: the input was accepted and changed a figure without any
    error or warning. Both counts must stay 0.
    """
    TALLY["bad inputs tried"] += 1
    TALLY["clear errors naming file, row and column"] += clear
    TALLY["tracebacks"] += traceback
    TALLY["silent wrong results"] += silent_wrong


def snapshot(edition: Path) -> dict[str, str]:
    """Every file of an edition and its hash: what 'byte-for-byte intact' compares."""
    return {
        p.relative_to(edition).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(edition.rglob("*"))
        if p.is_file()
    }


def edition_survived(scenario: str, before: dict[str, str], edition: Path) -> bool:
    """Record a fault scenario; the edition is damaged unless it is exactly as before."""
    intact = edition.is_dir() and snapshot(edition) == before
    TALLY["fault scenarios run"] += 1
    TALLY["archived editions damaged"] += not intact
    SCENARIOS.append(f"{scenario}: {'intact' if intact else 'DAMAGED'}")
    return intact


def summary_lines() -> list[str]:
    keys = [
        "bad inputs tried",
        "clear errors naming file, row and column",
        "tracebacks",
        "silent wrong results",
        "fault scenarios run",
        "archived editions damaged",
    ]
    lines = [f"{key}: {TALLY[key]}" for key in keys]
    return lines + [f"  {s}" for s in SCENARIOS]
