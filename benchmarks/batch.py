"""Benchmark a province batch against building the same editions one at a time, in one run.

    python benchmarks/batch.py [--periods q1,h1,q3,9m,annual] [--bodies A,B] [--skip-plain]

On fresh copies of the sample workspace (examples/province: the seed
department and five SAMPLE bodies), for every body x period of 2023:

- ``reportbook batch`` with 1 and with 2 local Dask workers (``--no-cache``);
- ``reportbook build --no-cache`` once per edition, one after another;
- the plain route: papermill one notebook at a time (a fresh kernel each),
  nbconvert HTML and WeasyPrint PDF per edition, as ``benchmarks/baseline.py``
  does for one report (one process for all editions, so imports are paid once);
- then ``reportbook rollup`` of each period, once the editions exist.

Prints the wall times, seconds per edition and the ratios. Every copy lives
under /tmp and is removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "province"
PERIODS = "q1,h1,q3,9m,annual"
PLAIN = "plain papermill + nbconvert + WeasyPrint"
ONE_BY_ONE = "reportbook build --no-cache, one after another"


def fresh_workspace(base: Path, bodies: list[str] | None) -> Path:
    """A self-contained copy: the seed's linked data copied, the notebooks beside it."""
    root = Path(tempfile.mkdtemp(dir=base))
    settings = yaml.safe_load((EXAMPLE / "workspace.yaml").read_text(encoding="utf-8"))
    if bodies:
        settings["bodies"] = [b for b in settings["bodies"] if b["id"] in bodies]
    for body in settings["bodies"]:
        source = EXAMPLE / "bodies" / body["id"]
        shutil.copytree(
            source, root / "bodies" / body["id"], ignore=shutil.ignore_patterns("outputs")
        )
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    settings["notebooks"] = "notebooks"
    (root / "workspace.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return root


def reportbook(*args: str, cwd: Path) -> float:
    """Seconds one command takes, end to end (Python start-up included); it must succeed."""
    env = {k: v for k, v in os.environ.items() if k != "REPORTBOOK_ROOT"}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reportbook", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=7200)  # fmt: skip
    if done.returncode != 0:
        raise SystemExit(f"reportbook {' '.join(args)} failed:\n{done.stderr}")
    return time.perf_counter() - started


def batch(root: Path, periods: str, workers: int) -> float:
    return reportbook("batch", "--workspace", str(root), "--year", "2023", "--periods", periods,
                      "--workers", str(workers), "--no-cache", "--quiet", cwd=root)  # fmt: skip


def one_by_one(root: Path, periods: str) -> float:
    return sum(
        reportbook(
            "build", "--year", "2023", "--period", period, "--no-cache", "--quiet", cwd=body
        )  # fmt: skip
        for body in sorted((root / "bodies").iterdir())
        for period in periods.split(",")
    )


def plain(root: Path, periods: str) -> float:
    """The plain papermill route for every edition, in one fresh process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--plain-route", str(root), periods], check=True,
                   capture_output=True, timeout=14400)  # fmt: skip
    return time.perf_counter() - started


def plain_route(root: Path, periods: str) -> None:
    import nbformat
    import papermill
    import weasyprint
    from nbconvert import HTMLExporter

    for body in sorted((root / "bodies").iterdir()):
        os.environ["REPORTBOOK_ROOT"] = str(body)  # how a section finds its body's data
        for period in periods.split(","):
            out = body / "plain" / period
            out.mkdir(parents=True)
            cells = []
            for path in sorted((root / "notebooks").glob("*.ipynb")):
                papermill.execute_notebook(str(path), str(out / path.name), cwd=str(path.parent),
                                           parameters={"year": 2023, "period": period},
                                           progress_bar=False)  # fmt: skip
                cells += nbformat.read(out / path.name, as_version=4).cells
            merged = nbformat.read(out / path.name, as_version=4)
            merged.cells = cells
            html, _ = HTMLExporter(exclude_input=True).from_notebook_node(merged)
            (out / "report.html").write_text(html, encoding="utf-8")
            weasyprint.HTML(string=html, base_url=str(out)).write_pdf(str(out / "report.pdf"))


def rollups(root: Path, periods: str) -> list[float]:
    return [
        reportbook(
            "rollup", "--workspace", str(root), "--year", "2023", "--period", period, cwd=root
        )  # fmt: skip
        for period in periods.split(",")
    ]


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--plain-route":
        plain_route(Path(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--periods", default=PERIODS)
    parser.add_argument("--bodies", help="comma-separated ids (default: all six)")
    parser.add_argument("--skip-plain", action="store_true", help="leave out the papermill route")
    args = parser.parse_args()
    bodies = args.bodies.split(",") if args.bodies else None
    with tempfile.TemporaryDirectory(prefix="reportbook-batch-") as tmp:
        base = Path(tmp)
        count = len(list((fresh_workspace(base, bodies) / "bodies").iterdir()))
        editions = count * len(args.periods.split(","))
        times = {}
        for workers in (1, 2):
            times[f"batch, {workers} worker(s)"] = batch(
                fresh_workspace(base, bodies), args.periods, workers
            )
            print(f"batch {workers}: {times[f'batch, {workers} worker(s)']:.1f} s", flush=True)
        built = fresh_workspace(base, bodies)
        times[ONE_BY_ONE] = one_by_one(built, args.periods)
        print("one by one done", flush=True)
        if not args.skip_plain:
            times[PLAIN] = plain(fresh_workspace(base, bodies), args.periods)
        rollup = rollups(built, args.periods)
        report(times, rollup, editions, count, args.periods)


def report(
    times: dict[str, float], rollup: list[float], editions: int, bodies: int, periods: str
) -> None:
    count = len(periods.split(","))
    print(f"\n{bodies} bodies x {count} periods of 2023 ({periods}) = {editions} editions")
    print("| route | wall s | s per edition |\n|---|---|---|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.1f} | {seconds / editions:.2f} |")
    one_by_one = times[ONE_BY_ONE]
    for workers in (1, 2):
        batch = times[f"batch, {workers} worker(s)"]
        line = f"batch {workers} worker(s): {one_by_one / batch:.1f}x faster than one by one"
        if PLAIN in times:
            line += f", {times[PLAIN] / batch:.1f}x faster than plain"
        print(line)
    print(f"batch 1 -> 2 workers: {times['batch, 1 worker(s)'] / times['batch, 2 worker(s)']:.2f}x")
    print("rollup (CLI, editions present): " + ", ".join(f"{s:.1f} s" for s in rollup))


if __name__ == "__main__":
    main()
