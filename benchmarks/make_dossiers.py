"""Generate a province-scale dossier file: N rows across many units and fields (fixed seed).

    python benchmarks/make_dossiers.py 10000000 /tmp/dossiers.parquet [--csv /tmp/dossiers.csv]

The columns are those of data/dossiers.csv (docs/data-model.md); dates span
01/11/2021-14/12/2024, so every 2023 window has carried-over, new, resolved,
returned and open dossiers. Written in chunks, so memory stays flat in N.
"""

from __future__ import annotations

import argparse

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

SEED = 20231214
CHUNK = 1_000_000
UNITS = [f"U{i:03d}" for i in range(120)]
FIELDS = [f"Lĩnh vực {i:02d}" for i in range(45)]
CHANNELS = ["truc_tiep", "truc_tuyen", "buu_chinh"]
OUTCOMES = ["giai_quyet", "tra_lai", "rut"]
FIRST, LAST = np.datetime64("2021-11-01"), np.datetime64("2024-12-14")


def chunk(rng: np.random.Generator, start: int, n: int) -> pa.Table:
    """Rows ``start`` .. ``start + n`` as an Arrow table."""
    days = int((LAST - FIRST).astype(int)) + 1
    received = FIRST + rng.integers(0, days, n).astype("timedelta64[D]")
    due = received + rng.integers(3, 31, n).astype("timedelta64[D]")
    took = rng.integers(0, 40, n).astype("timedelta64[D]")
    resolved = received + took
    open_ = (rng.random(n) < 0.04) | (resolved > LAST)
    outcome = np.array(OUTCOMES)[rng.choice(3, n, p=[0.95, 0.03, 0.02])].astype(object)
    outcome[open_] = ""
    ids = np.char.add("HS", np.arange(start, start + n).astype(str))
    return pa.table(
        {
            "dossier_id": ids,
            "procedure_code": np.array([f"TTHC-{i:03d}" for i in range(300)])[
                rng.integers(0, 300, n)
            ],
            "field": np.array(FIELDS)[rng.integers(0, len(FIELDS), n)],
            "unit": np.array(UNITS)[rng.integers(0, len(UNITS), n)],
            "channel": np.array(CHANNELS)[rng.choice(3, n, p=[0.5, 0.45, 0.05])],
            "received_on": received.astype("datetime64[D]"),
            "due_on": due.astype("datetime64[D]"),
            "resolved_on": pa.array(resolved.astype("datetime64[D]"), mask=open_),
            "outcome": outcome.astype(str),
        }
    )


def generate(n: int, parquet: str | None = None, csv: str | None = None) -> None:
    rng = np.random.default_rng(SEED)
    writer = None
    csv_out = pacsv.CSVWriter(csv, chunk(np.random.default_rng(0), 0, 1).schema) if csv else None
    for start in range(0, n, CHUNK):
        table = chunk(rng, start, min(CHUNK, n - start))
        if parquet:
            writer = writer or pq.ParquetWriter(parquet, table.schema, compression="zstd")
            writer.write_table(table)
        if csv_out:
            csv_out.write_table(table)  # ISO dates: the loaders accept them
    if writer:
        writer.close()
    if csv_out:
        csv_out.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("parquet")
    parser.add_argument("--csv")
    args = parser.parse_args()
    generate(args.rows, args.parquet, args.csv)


if __name__ == "__main__":
    main()
