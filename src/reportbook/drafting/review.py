"""Which carried-over texts of a period are still unreviewed, and where to review them.

A text copied from an earlier report by ``reportbook new`` is listed under
the top-level ``carried_over:`` of the period's params file. The analyst
marks it reviewed by deleting its line there, which is all there is to it:
the file stays the one record, readable by a person and by the build. While
any key is listed, every build of the period is a draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..params import Params, origin
from ..periods import Period

CARRIED_OVER = "carried_over"


@dataclass(frozen=True)
class Unreviewed:
    """One carried-over text: its dotted key, and the params file and line that set it."""

    key: str
    file: str
    line: int | None

    @property
    def where(self) -> str:
        return f"{self.file}, line {self.line}" if self.line else self.file


def unreviewed(params: Params, params_dir: Path, period: Period) -> list[Unreviewed]:
    """The carried-over texts of ``period`` nobody has reviewed yet, in the file's order."""
    return [Unreviewed(key, *origin(params_dir, period, key)) for key in params.carried_over]


def how_to_review(period: Period) -> str:
    """The one sentence that tells the analyst how a text becomes reviewed."""
    return (
        f"review each text for {period.label}, then delete its line under "
        f"'{CARRIED_OVER}:' in params/{period.year}/{period.code}.yaml"
    )
