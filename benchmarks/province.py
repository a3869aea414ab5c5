"""Province-scale dossier statistics: DuckDB SQL against the pyarrow + pandas path.

    python benchmarks/province.py --rows 1000000,10000000,100000000 [--runs 3]

Generates each file once (benchmarks/make_dossiers.py, fixed seed, Parquet
under /tmp/reportbook-province/), then computes Biểu 06 for the 2023 annual
window in a fresh process per measurement, so each reports its own wall time
and peak resident memory (``ru_maxrss``): ``duckdb`` is
:func:`reportbook.stats.province.window_statistics` (memory_limit 3 GB),
``pyarrow`` is :func:`reportbook.stats.fastio.window_statistics` (skipped above
``--pyarrow-max`` rows: it holds every row in pandas). Prints medians, the
ratio, and the cost per million rows, to show whether cost is linear in rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = Path("/tmp/reportbook-province")
MEASURE = """
import json, resource, sys, time
from reportbook import resolve
from reportbook.stats import {module}
window = resolve(2023, "annual").window
started = time.perf_counter()
result = {call}
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
received = int(result.loc["total", "received"])
print(json.dumps({{"seconds": seconds, "peak_mb": peak, "received": received}}))
"""


def ensure_file(rows: int) -> Path:
    path = FOLDER / f"dossiers-{rows}.parquet"
    if not path.is_file():
        FOLDER.mkdir(parents=True, exist_ok=True)
        print(f"generating {rows:,} rows -> {path}", file=sys.stderr, flush=True)
        subprocess.run(
            [sys.executable, str(HERE / "make_dossiers.py"), str(rows), str(path)], check=True
        )
    return path


CALLS = {
    "province": "province.window_statistics(sys.argv[1], window)",
    # counting alone: window_statistics would first check the generated codes
    # against data/'s vocabularies, which they are not in
    "fastio": "fastio.count_by(fastio.read_unchecked(sys.argv[1]), window)",
}


def measure(module: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", MEASURE.format(module=module, call=CALLS[module]), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1000000,10000000,100000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pyarrow-max", type=int, default=20_000_000)
    args = parser.parse_args()
    print("| rows | engine | median s | peak MB | s per million rows | received (2023) |")
    print("|---|---|---|---|---|---|")
    for rows in (int(r) for r in args.rows.split(",")):
        path = ensure_file(rows)
        found = {}
        for module in ("province", "fastio"):
            if module == "fastio" and rows > args.pyarrow_max:
                continue
            runs = [measure(module, path) for _ in range(args.runs)]
            seconds = statistics.median(r["seconds"] for r in runs)
            peak = max(r["peak_mb"] for r in runs)
            found[module] = seconds
            name = "duckdb" if module == "province" else "pyarrow+pandas"
            print(
                f"| {rows:,} | {name} | {seconds:.2f} | {peak:,.0f} | "
                f"{seconds / rows * 1e6:.3f} | {runs[0]['received']:,} |",
                flush=True,
            )
        if len(found) == 2:
            ratio = found["fastio"] / found["province"]
            print(f"| {rows:,} | pyarrow / duckdb | {ratio:.1f}× | | | |")


if __name__ == "__main__":
    main()
