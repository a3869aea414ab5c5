"""One timed scenario in a fresh process; prints JSON {seconds, peak_mb}.

python benchmarks/scenario.py SCENARIO PROJECT
    SCENARIO: cold|nochange|param|data|baseline|floor|render|province:FILE
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path


def main() -> None:
    name, root = sys.argv[1], Path(sys.argv[2])
    os.environ["REPORTBOOK_ROOT"] = str(root)
    started = time.perf_counter()
    if name == "baseline":
        from baseline import run

        run(root)
    elif name == "floor":
        from floor import run

        run(root)
    elif name == "render":
        import nbformat

        from reportbook.rendering import render

        edition = root / "outputs" / "2023" / "annual"
        render.render_pages(nbformat.read(edition / "report.ipynb", as_version=4), root, title="t")
    elif name.startswith("province:"):
        from reportbook import resolve
        from reportbook.stats import fastio

        path, window = Path(name.split(":", 1)[1]), resolve(2023, "annual").window
        # counting alone: the generated units and fields are not in data/vocabularies.yaml
        fastio.count_by(fastio.read_unchecked(path, fastio.STATISTICS_COLUMNS), window)
    else:
        from reportbook.build import build
        from reportbook.paths import Project

        build(2023, "annual", project=Project(root))  # cold: fresh project, empty cache
    seconds = time.perf_counter() - started
    peak = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
        )
        / 1024
    )
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


if __name__ == "__main__":
    main()
