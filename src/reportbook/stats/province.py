"""Dossier statistics at province scale on DuckDB: Biểu 06 for one window, out of core.

A province's one-stop system holds tens of millions of dossiers. Loading them
into pandas (the report's path, :func:`reportbook.stats.dossiers.statistics`)
costs about 180 bytes a row; DuckDB streams the file through a vectorised
aggregation instead, in parallel, spilling to disk beyond ``memory_limit``,
so the cost is linear in rows and the memory flat
(``benchmarks/province.py`` measures it).

The SQL states the same per-dossier flags as :func:`dossiers.classify` —
carried over, new, resolved early/on time/late, returned, in progress within
deadline/overdue — with the same treatment of missing values, and the result
has the same shape: one row per ``by`` value with at least one dossier, then
``total``; columns :data:`form06.COLUMNS`. Tests compare the two on the
shipped data and on generated files.

Sources: a CSV file (dates ``dd/mm/yyyy`` or ISO), a Parquet file, or a
folder of Parquet files partitioned by year and month of receipt
(``year=2023/month=3/part-0.parquet``, hive style); for a partitioned folder
the months after the window are not read at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError
from ..periods import Window
from .form06 import COLUMNS

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

BY = ("unit", "field", "channel")
RETURNED = ("tra_lai", "rut")

# One boolean per dossier and statistic, as dossiers.classify computes them.
FLAGS = """
    carried                                            AS carried_over,
    new_                                               AS new,
    (carried OR new_)                                  AS received,
    (carried OR new_) AND coalesce(channel = 'truc_tuyen', FALSE) AS online,
    (carried OR new_) AND NOT coalesce(channel = 'truc_tuyen', FALSE) AS in_person_post,
    resolved                                           AS resolved,
    resolved AND resolved_on < due_on                  AS early,
    resolved AND resolved_on = due_on                  AS on_time,
    resolved AND resolved_on > due_on                  AS late,
    closed_in AND outcome IN ('tra_lai', 'rut')        AS returned,
    open_at_end                                        AS in_progress,
    open_at_end AND due_on >= $end                     AS within_deadline,
    open_at_end AND due_on < $end                      AS overdue
"""

BASE = """
    SELECT {by} AS k, channel, outcome, due_on, resolved_on,
           received_on < $start AND (resolved_on IS NULL OR resolved_on >= $start) AS carried,
           received_on >= $start AND received_on <= $end AS new_,
           resolved_on >= $start AND resolved_on <= $end AS closed_in,
           resolved_on >= $start AND resolved_on <= $end AND outcome = 'giai_quyet' AS resolved,
           ((received_on < $start AND (resolved_on IS NULL OR resolved_on >= $start))
             OR (received_on >= $start AND received_on <= $end))
             AND (resolved_on IS NULL OR resolved_on > $end) AS open_at_end
    FROM ({source}) AS d
    WHERE {by} IS NOT NULL {pruning}
"""


def window_statistics(
    path: Path,
    window: Window,
    by: str = "unit",
    *,
    memory_limit: str = "3GB",
    threads: int | None = None,
) -> pd.DataFrame:
    """Biểu 06 counts per ``by`` (unit, field or channel) for ``window``, with a total row."""
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, not {by!r}")
    path = Path(path)
    with connect(memory_limit, threads) as con:
        try:
            frame = con.execute(
                _query(con, path, window, by), {"start": window.start, "end": window.end}
            ).df()
        except DataError:
            raise
        except Exception as exc:  # duckdb raises IOException, ConversionException, ...
            raise DataError(
                f"{path}: cannot compute the dossier statistics: {exc}", path=path
            ) from None
    return _with_total(frame, by)


def _query(con: duckdb.DuckDBPyConnection, path: Path, window: Window, by: str) -> str:
    counts = ", ".join(f"count_if({c})::BIGINT AS {c}" for c in COLUMNS)
    base = BASE.format(by=by, source=source_sql(con, path), pruning=_pruning(path, window))
    return (
        f"WITH base AS ({base}), flags AS (SELECT k, {FLAGS} FROM base) "
        f"SELECT k, {counts} FROM flags GROUP BY k HAVING count_if(received) > 0 ORDER BY k"
    )


def _with_total(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    counts = frame.set_index("k")[COLUMNS].astype("int64")
    counts.index = counts.index.astype(object)
    counts.index.name = by
    counts.loc["total"] = counts.sum()
    return counts


def connect(memory_limit: str = "3GB", threads: int | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB that spills to a temporary folder beyond ``memory_limit``."""
    import duckdb

    con = duckdb.connect(
        config={
            "memory_limit": memory_limit,
            "preserve_insertion_order": False,
        }
    )
    con.execute("SET enable_progress_bar = false")  # it would print into the caller's output
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def source_sql(con: duckdb.DuckDBPyConnection, path: Path) -> str:
    """A SELECT giving the dossier columns of ``path``, its dates typed as DATE."""
    quoted = str(path).replace("'", "''")
    if path.is_dir():
        raw = f"read_parquet('{quoted}/**/*.parquet', hive_partitioning = true)"
    elif path.suffix == ".parquet":
        raw = f"read_parquet('{quoted}')"
    elif path.suffix == ".csv":
        raw = f"read_csv('{quoted}', all_varchar = true, header = true)"
    else:
        raise DataError(
            f"{path}: dossiers must be a .csv or .parquet file, or a folder of Parquet files",
            path=path,
        )
    types = {row[0]: row[1] for row in con.execute(f"DESCRIBE SELECT * FROM {raw}").fetchall()}
    return f"SELECT * REPLACE ({_dates(types)}) FROM {raw}"


DATES = ("received_on", "due_on", "resolved_on")


def _dates(types: dict[str, str]) -> str:
    """Dates as DATE from DATE, TIMESTAMP or text (ISO or dd/mm/yyyy; empty is none).

    Text is read as :func:`reportbook.inputs.rules.parse_dates` reads it; typed
    columns are only cast (parsing them as text would cost more than the count).
    """
    return ", ".join(
        f"CAST({c} AS DATE) AS {c}"
        if types.get(c, "VARCHAR").startswith(("DATE", "TIMESTAMP"))
        else f"coalesce(try_strptime(nullif({c}, ''), '%d/%m/%Y'), "
        f"try_strptime(nullif({c}, ''), '%Y-%m-%d'))::DATE AS {c}"
        for c in DATES
    )


def _pruning(path: Path, window: Window) -> str:
    """For a folder partitioned by year and month: skip the months after the window."""
    if not (path.is_dir() and any(path.glob("year=*/month=*"))):
        return ""
    return f"AND (year * 100 + month) <= {window.end.year * 100 + window.end.month}"
