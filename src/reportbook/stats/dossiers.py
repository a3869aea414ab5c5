"""Dossier statistics in the shape of form Biểu 06/VPCP/KSTT.

Every figure is a count of records in ``dossiers.csv`` for one window
``[start, end]`` (both inclusive):

- carried over: received before ``start`` and still open at ``start``;
- new: received within the window; received = carried over + new;
- resolved: outcome ``giai_quyet`` closed within the window, split into
  early (before the due date), on time (on it) and late (after it);
- returned/withdrawn: outcome ``tra_lai`` or ``rut`` closed within the window;
- in progress: received and still open at ``end``, split into within
  deadline (due on or after ``end``) and overdue.

So received = resolved + returned/withdrawn + in progress by construction;
:func:`identity_failures` checks it anyway, because a reviewer should see it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..periods import Window
from .form06 import COLUMN_GROUPS, COLUMN_LABELS, COLUMNS, IDENTITIES  # noqa: F401 - the form's names, re-exported

if TYPE_CHECKING:
    import datetime as dt

RETURNED_OUTCOMES = ("tra_lai", "rut")


def _ts(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day)


def classify(dossiers: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Return one boolean column per statistic, one row per dossier."""
    start, end = _ts(window.start), _ts(window.end)
    received, resolved_on = dossiers["received_on"], dossiers["resolved_on"]
    open_at_start = resolved_on.isna() | (resolved_on >= start)
    closed_in = resolved_on.notna() & (resolved_on >= start) & (resolved_on <= end)
    carried = (received < start) & open_at_start
    new = (received >= start) & (received <= end)
    counted = carried | new
    is_resolved = closed_in & (dossiers["outcome"] == "giai_quyet")
    in_progress = counted & (resolved_on.isna() | (resolved_on > end))
    due = dossiers["due_on"]
    flags = {
        "received": counted,
        "online": counted & (dossiers["channel"] == "truc_tuyen"),
        "in_person_post": counted & (dossiers["channel"] != "truc_tuyen"),
        "carried_over": carried,
        "new": new,
        "resolved": is_resolved,
        "early": is_resolved & (resolved_on < due),
        "on_time": is_resolved & (resolved_on == due),
        "late": is_resolved & (resolved_on > due),
        "returned": closed_in & dossiers["outcome"].isin(RETURNED_OUTCOMES),
        "in_progress": in_progress,
        "within_deadline": in_progress & (due >= end),
        "overdue": in_progress & (due < end),
    }
    return pd.DataFrame(flags, index=dossiers.index)


def statistics(dossiers: pd.DataFrame, window: Window, by: str = "unit") -> pd.DataFrame:
    """Count dossiers per ``by`` (unit or field) for the window, with a total row.

    The index holds the ``by`` values followed by ``"total"``; the columns are
    :data:`COLUMNS`, all integers.
    """
    flags = classify(dossiers, window)
    counts = flags.groupby(dossiers[by]).sum().astype(int)
    counts = counts[counts["received"] > 0]
    counts.loc["total"] = counts.sum()
    return counts[COLUMNS]


def identity_failures(stats: pd.DataFrame) -> list[str]:
    """Return the broken identities of a statistics table (empty when all hold)."""
    return [
        f"{identity.formula} fails for {row}"
        for identity in IDENTITIES
        for row, counts in stats.to_dict("index").items()
        if not identity.holds(counts)
    ]


def monthly(dossiers: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Count new and resolved dossiers per reporting month (15th to 14th) of the window.

    The index is the reporting month's label ('T1/2023' for 15/12/2022–14/01/2023).
    """
    start, end = _ts(window.start), _ts(window.end)
    months = pd.period_range(start + pd.offsets.MonthBegin(1), end, freq="M")
    labels = [f"T{p.month}/{p.year}" for p in months]

    def _bucket(days: pd.Series) -> pd.Series:
        inside = days.notna() & (days >= start) & (days <= end)
        days = days[inside]
        month = days.dt.to_period("M")
        month = month.where(days.dt.day <= 14, month + 1)  # 15th..14th -> month of the 14th
        return month.map(lambda p: f"T{p.month}/{p.year}")

    new = _bucket(dossiers["received_on"]).value_counts()
    closed = dossiers["outcome"] == "giai_quyet"
    resolved = _bucket(dossiers.loc[closed, "resolved_on"]).value_counts()
    frame = pd.DataFrame({"new": new, "resolved": resolved}).reindex(labels)
    return frame.fillna(0).astype(int)
