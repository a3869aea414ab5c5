"""Which dates the data covers, so a report compares only what it has records for.

A comparison with the same period of the previous year is only honest when
the data holds that whole window: counted over a window the records only
partly cover, last year's figures would look like a collapse or a surge that
never happened. The data's coverage is computed, never declared: it runs
from the first dossier received to the last day a dossier was received or
resolved. Dossiers are the register with entries on every working day (the
one-stop system records each one as it arrives), so their span is the span
of the export; the other registers (documents, training) are sparse, and a
month without a training record is not a month without data.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..periods import Window

if TYPE_CHECKING:
    import pandas as pd

FULL, PARTIAL, NONE = "full", "partial", "none"
DATE_COLUMNS = ["received_on", "resolved_on"]


def span(dossiers: pd.DataFrame) -> Window | None:
    """From the first dossier received to the last day any dossier was received or resolved."""
    received = dossiers["received_on"].dropna()
    if received.empty:
        return None
    resolved = dossiers["resolved_on"].dropna()
    last = received.max() if resolved.empty else max(received.max(), resolved.max())
    return Window(received.min().date(), last.date())


def extent(data: Window | None, window: Window) -> str:
    """How much of ``window`` the data covers: FULL, PARTIAL or NONE."""
    if data is None or not data.overlaps(window):
        return NONE
    return FULL if data.covers(window) else PARTIAL


def dossier_span(data_dir: Path, load: Callable[[], pd.DataFrame]) -> Window | None:
    """The span of the dossiers in ``data_dir``.

    CSV and Parquet files are read column-wise by pyarrow (two date columns,
    a few hundredths of a second), so sections that only need the span do not
    pay for loading and validating every dossier; an Excel file goes through
    ``load`` (the report's validated table).
    """
    from ..inputs.tabular import find_file

    path = find_file(data_dir, "dossiers")
    if path.suffix in (".csv", ".parquet"):  # checked before any section runs
        from .fastio import read_unchecked

        return span(read_unchecked(path, DATE_COLUMNS))
    return span(load())
