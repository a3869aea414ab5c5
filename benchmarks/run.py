"""Benchmark reportbook against the plain papermill way, in one run on this machine.

    python benchmarks/run.py [--runs 3] [--rows 1000000,10000000,20000000]

Prints the median seconds and peak memory of every scenario and the ratios
the targets are stated in. Each run is a fresh process on a fresh copy of
the project under /tmp; generated province files are written to /tmp too.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def scenario(name: str, root: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(HERE / "scenario.py"), name, str(root)],
        cwd=HERE,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def fresh_project(base: Path) -> Path:
    root = Path(tempfile.mkdtemp(dir=base))
    for name in ("data", "params", "notebooks"):
        shutil.copytree(ROOT / name, root / name)
    return root


def edit_params(root: Path) -> None:
    path = root / "params" / "2023" / "annual.yaml"
    text = path.read_text(encoding="utf-8")
    first = text.split("difficulties:\n", 1)[1].splitlines()[0]
    path.write_text(text.replace(first, first + " (sửa)", 1), encoding="utf-8")


def edit_data(root: Path) -> None:
    path = root / "data" / "training.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")


def measure(runs: int, base: Path) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for _ in range(runs):
        root = fresh_project(base)
        found.setdefault("baseline", []).append(scenario("baseline", root))
        found.setdefault("cold", []).append(scenario("cold", root))
        found.setdefault("nochange", []).append(scenario("nochange", root))
        edit_params(root)
        found.setdefault("param", []).append(scenario("param", root))
        edit_data(root)
        found.setdefault("data", []).append(scenario("data", root))
        found.setdefault("floor", []).append(scenario("floor", root))
        found.setdefault("render", []).append(scenario("render", root))
    return found


def province(rows: list[int], runs: int, base: Path) -> dict[str, list[dict]]:
    found = {}
    for n in rows:
        path = base / f"dossiers-{n}.parquet"
        subprocess.run(
            [sys.executable, str(HERE / "make_dossiers.py"), str(n), str(path)], check=True
        )
        found[f"province {n:,} rows"] = [scenario(f"province:{path}", base) for _ in range(runs)]
        path.unlink()
    return found


def median(samples: list[dict], key: str) -> float:
    return statistics.median(s[key] for s in samples)


def report(found: dict[str, list[dict]]) -> None:
    labels = {
        "baseline": "(b) plain papermill + nbconvert + WeasyPrint",
        "cold": "(a) reportbook cold full build (empty cache)",
        "nochange": "(c) rebuild, nothing changed",
        "param": "(d) rebuild, one params text edited",
        "data": "(e) rebuild, one data file changed",
        "floor": "(f) sections as plain Python, 2 workers",
        "render": "    rendering alone (HTML + PDF)",
    }
    print(f"{'scenario':52} {'median s':>9} {'peak MB':>8}")
    for key, samples in found.items():
        print(
            f"{labels.get(key, key):52} {median(samples, 'seconds'):9.2f} "
            f"{median(samples, 'peak_mb'):8.0f}"
        )
    if "cold" in found:
        cold, base = median(found["cold"], "seconds"), median(found["baseline"], "seconds")
        floor = median(found["floor"], "seconds") + median(found["render"], "seconds")
        print(f"\nbaseline / cold build: {base / cold:.1f}x   (target >= 4x)")
        print(f"cold build / (floor + rendering): {cold / floor:.2f}x   (target <= 2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rows", default="1000000,10000000,20000000")
    parser.add_argument("--skip-report", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reportbook-bench-") as base:
        found = {} if args.skip_report else measure(args.runs, Path(base))
        rows = [int(n) for n in args.rows.split(",") if n]
        found.update(province(rows, args.runs, Path(base)))
    report(found)


if __name__ == "__main__":
    main()
