"""Cold builds in a row: every one must succeed (issue 9, the kernel start-up race).

    python benchmarks/cold_builds.py --runs 50

Copies data/, params/ and notebooks/ to a temporary project and runs
``reportbook build --no-cache`` there ``--runs`` times, each in a new process
with no cache and no edition, and prints how many succeeded, each failure's
last line, and the median time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    failures, times = [], []
    with tempfile.TemporaryDirectory(prefix="reportbook-cold-") as tmp:
        for name in ("data", "params", "notebooks"):
            shutil.copytree(ROOT / name, Path(tmp) / name)
        env = {**os.environ, "REPORTBOOK_ROOT": tmp}
        for run in range(1, args.runs + 1):
            shutil.rmtree(Path(tmp) / "outputs", ignore_errors=True)
            started = time.perf_counter()
            result = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "reportbook",
                    "build",
                    "--year",
                    "2023",
                    "--no-cache",
                    "--quiet",
                ],
                cwd=tmp,
                env=env,
                capture_output=True,
                text=True,
                timeout=900,
            )
            times.append(time.perf_counter() - started)
            if result.returncode != 0:
                failures.append(f"run {run}: {result.stderr.strip().splitlines()[-1:]}")
            print(f"run {run}: exit {result.returncode}, {times[-1]:.1f} s", flush=True)
    print(
        f"{args.runs - len(failures)} of {args.runs} cold builds succeeded; "
        f"median {statistics.median(times):.1f} s"
    )
    print("\n".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
