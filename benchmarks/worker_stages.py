"""Where a batch worker's time goes: its builds, stage by stage, and CPU by process.

    python benchmarks/worker_stages.py [--periods q1,h1,q3,9m,annual] [--kernels 2]

Runs what one Dask worker of ``reportbook batch`` runs, in this process and
without Dask: the worker plugin's warm kernels lent to ``build.build`` of
every body x period of a fresh copy of examples/province (``--no-cache``,
as benchmarks/batch.py times it). The first build (cold) is reported apart.
Prints the warm builds' seconds per edition, the wall seconds of each stage
per edition, and the CPU seconds per edition of the build process, of the
kernels and of the forked writers (Word, reviewer edition). To see inside a
stage, run it under a sampling profiler that follows child processes:

    py-spy record --subprocesses --format raw -o out.txt -- \\
        .venv/bin/python benchmarks/worker_stages.py
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import batch as batch_benchmark  # noqa: E402

from reportbook import build as build_module  # noqa: E402
from reportbook.paths import Project  # noqa: E402
from reportbook.province.worker import WarmKernels  # noqa: E402

STAGES = ("check_inputs", "run_sections", "merge_sections", "record", "render_all", "publish")
seconds: collections.Counter = collections.Counter()


def timed(name: str) -> None:
    """Add the wall time of every call of build.<name> to ``seconds``."""
    stage = getattr(build_module, name)

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return stage(*args, **kwargs)
        finally:
            seconds[name] += time.perf_counter() - started

    setattr(build_module, name, wrapper)


def cpu() -> dict[str, float]:
    """CPU seconds so far: this process, its live children (kernels), its reaped ones."""
    me = psutil.Process()
    own = me.cpu_times()
    live = sum(sum(c.cpu_times()[:2]) for c in me.children(recursive=True))
    return {
        "build process": own.user + own.system,
        "kernels": live,
        "forked writers": own.children_user + own.children_system,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--periods", default=batch_benchmark.PERIODS)
    parser.add_argument("--kernels", type=int, default=2, help="kernels of the worker")
    args = parser.parse_args()
    for name in STAGES:
        timed(name)
    root = batch_benchmark.fresh_workspace(Path(tempfile.mkdtemp(prefix="rb-stages-")), None)
    plugin = WarmKernels(str(root / "notebooks"), args.kernels)
    plugin.setup(None)
    try:
        bodies = sorted((root / "bodies").iterdir())
        options = {"use_cache": False, "jobs": args.kernels}
        started = time.perf_counter()
        build_module.build(2023, "q1", project=Project(bodies[0]), **options)
        print(f"first build (cold worker): {time.perf_counter() - started:.2f} s")
        seconds.clear()
        before, started = cpu(), time.perf_counter()
        editions = [(b, p) for b in bodies for p in args.periods.split(",")]
        for body, period in editions:
            build_module.build(2023, period, project=Project(body), **options)
        wall, after = time.perf_counter() - started, cpu()
    finally:
        plugin.teardown()
    count = len(editions)
    print(f"{count} warm editions: {wall:.1f} s, {wall / count:.2f} s per edition")
    stages = ", ".join(f"{n} {seconds[n] / count:.3f}" for n in STAGES)
    print(f"stage wall s per edition: {stages}")
    used = ", ".join(f"{k} {(after[k] - before[k]) / count:.2f}" for k in after)
    print(f"CPU s per edition: {used}")


if __name__ == "__main__":
    main()
