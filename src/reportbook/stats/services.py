"""The online public-service catalogue: which procedures are in force, at which level.

Decree 42/2022/NĐ-CP counts online services as toàn trình (fully online) or
một phần (partly online); the older Decree 43/2011 levels 2/3/4 are still what
many reports quote, so both are counted for the same day.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd


def in_force(procedures: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Procedures in the catalogue on ``day``."""
    day = pd.Timestamp(day)
    active = (procedures["in_force_from"] <= day) & (
        procedures["in_force_to"].isna() | (procedures["in_force_to"] >= day)
    )
    return procedures[active]


def by_legacy_level(procedures: pd.DataFrame, day: dt.date) -> dict[int, int]:
    """Count procedures in force on ``day`` per legacy level {4: n, 3: n, 2: n}."""
    counts = in_force(procedures, day)["legacy_level"].astype(int).value_counts()
    return {level: int(counts.get(level, 0)) for level in (4, 3, 2)}


def by_level(procedures: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Cross-count Decree 42 level x legacy level of the procedures in force on ``day``."""
    active = in_force(procedures, day)
    table = pd.crosstab(active["level_42"], active["legacy_level"].astype(int))
    return table


def changes(procedures: pd.DataFrame, start: dt.date, end: dt.date) -> dict[str, pd.DataFrame]:
    """Procedures added to and removed from the catalogue within [start, end]."""
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    added = procedures["in_force_from"].between(start, end)
    removed = procedures["in_force_to"].between(start, end)
    return {"added": procedures[added], "removed": procedures[removed]}
