"""One broken rule, named so the user can find and fix it, and lists of them.

Every check (data files, params files, notebooks) reports :class:`Problem`
values rather than raising at the first one, so a single run can list all
that is wrong, each with its file, row, column, value and rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

MAX_LISTED = 200


@dataclass(frozen=True)
class Problem:
    """One broken rule in one place: ``file`` (and ``sheet``), ``row``, ``column``."""

    file: str
    row: int | None
    column: str | None
    value: str
    rule: str
    sheet: str | None = None
    row_word: str = "row"  # "line" for params files, "record" for Parquet
    severity: str = "error"  # or "warning": shown, but nothing stops
    note: str = ""  # the rule in Vietnamese, where the reviewer edition shows it (warnings)

    def __str__(self) -> str:
        place = self.file
        if self.sheet:
            place += f", sheet {self.sheet!r}"
        if self.row is not None:
            place += f", {self.row_word} {self.row}"
        if self.column is not None:
            place += f", {'key' if self.row_word == 'line' else 'column'} {self.column!r}"
        value = f"{self.value!r} " if self.value is not None else ""
        return f"{place}: {value}{self.rule}"


def summary(problems: list[Problem], noun: str = "problem") -> str:
    """'3 problem(s) in 2 file(s): dossiers.csv 2, params/2023/annual.yaml 1'."""
    per_file = Counter(p.file for p in problems)
    files = ", ".join(f"{name} {count}" for name, count in per_file.items())
    return f"{len(problems)} {noun}(s) in {len(per_file)} file(s): {files}"


def report(problems: list[Problem], limit: int = MAX_LISTED, noun: str = "problem") -> str:
    """Every problem on its own line (up to ``limit``), then the summary count."""
    lines = [f"  {p}" for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"  ... and {len(problems) - limit} more")
    return "\n".join([*lines, summary(problems, noun)])
