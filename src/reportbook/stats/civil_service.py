"""Training and civil-service records counted for a window (section II.1.2.d)."""

from __future__ import annotations

import pandas as pd

from ..periods import Window


def in_window(training: pd.DataFrame, window: Window) -> pd.DataFrame:
    day = training["date"]
    return training[(day >= pd.Timestamp(window.start)) & (day <= pd.Timestamp(window.end))]


def summary(training: pd.DataFrame, staff: pd.DataFrame, window: Window) -> dict:
    """Counts by kind, with the courses and the staff types involved.

    Returns ``{kind: {"count": n, "courses": [...], "staff_types": [...]}}``
    for every kind present in the window; courses keep first-seen order.
    """
    records = in_window(training, window).merge(
        staff[["staff_id", "staff_type"]], on="staff_id", how="left", validate="m:1"
    )
    result = {}
    for kind, group in records.groupby("kind", sort=False):
        result[kind] = {
            "count": len(group),
            "courses": _unique(group["course"]),
            "staff_types": sorted(_unique(group["staff_type"])),
            "by_course": _course_counts(group),
        }
    return result


def _course_counts(group: pd.DataFrame) -> list[dict]:
    rows = []
    for course, part in group.groupby("course", sort=False):
        if course:
            rows.append(
                {
                    "course": course,
                    "count": len(part),
                    "staff_types": sorted(_unique(part["staff_type"])),
                }
            )
    return rows


def _unique(values: pd.Series) -> list:
    return [v for v in dict.fromkeys(values.dropna()) if v != ""]


def staff_label(staff_types: list[str]) -> str:
    """'công chức', 'viên chức' or 'công chức, viên chức' for the types involved."""
    names = {"cong_chuc": "công chức", "vien_chuc": "viên chức"}
    return ", ".join(names[t] for t in ("cong_chuc", "vien_chuc") if t in staff_types)
