"""Build every period of a year from a fresh copy of the project and check its wording.

    .venv/bin/python scripts/every_period.py [--year 2023] [--keep DIR]

The test suite builds a few representative periods (tests/test_periods_e2e.py);
this script builds all nineteen (annual, h1, 9m, q1-q4, m01-m12), each into a
temporary copy of data/, params/ and notebooks/ (so outputs/ and its final
editions are untouched), and checks in each PDF the subject line, the window
of the dossier figures and the closing sentence. It prints one line per
period with its time, and exits 1 if any period fails to build or to read
as its period.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportbook.build import build
from reportbook.notebook import formatting
from reportbook.paths import Project
from reportbook.periods import PERIODS, resolve

ROOT = Path(__file__).resolve().parents[1]


def expected_words(year: int, code: str) -> list[str]:
    """What the report of the period must say, derived from the period itself."""
    period = resolve(year, code)
    start, end = formatting.date(period.window.start), formatting.date(period.window.end)
    return [
        f"Công tác cải cách hành chính {period.label}",
        f"Trong {period.name} (từ {start} đến {end}), tổng số hồ sơ",
        f"Trên đây là báo cáo kết quả công tác cải cách hành chính {period.label} của",
    ]


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(out.stdout.split())


def check_period(project: Project, year: int, code: str) -> tuple[float, list[str]]:
    """Build one period; return its time and the expected words its PDF lacks."""
    began = time.perf_counter()
    result = build(year, code, project=project)
    seconds = time.perf_counter() - began
    text = pdf_text(result.edition / "report.pdf")
    return seconds, [w for w in expected_words(year, code) if w not in text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, default=2023)
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="reportbook-periods-"))
    for name in ("data", "params", "notebooks"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True)
    project, failed, total = Project(folder), 0, time.perf_counter()
    try:
        for code in PERIODS:
            try:
                seconds, missing = check_period(project, args.year, code)
            except Exception as exc:  # report every period, not only the first failure
                print(f"{code:7} FAILED  {type(exc).__name__}: {exc}", flush=True)
                failed += 1
                continue
            failed += bool(missing)
            status = "ok" if not missing else "lacks: " + " | ".join(missing)
            print(f"{code:7} {seconds:5.1f} s  {status}", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(
        f"{len(PERIODS) - failed}/{len(PERIODS)} periods of {args.year} built and read as "
        f"their period in {time.perf_counter() - total:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
