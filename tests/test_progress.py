"""What a build prints: plain, whole lines when not on a terminal; a bar on one."""

import io
from pathlib import Path

from rich.console import Console

from reportbook.execution.run import REUSED, SUCCEEDED, SectionRun
from reportbook.progress import describe, rich_progress
from reportbook.sections import Section


def _section(name):
    number, slug = name.split("-", 1)
    return Section(Path(f"/nb/{name}.ipynb"), number, slug)


def test_a_log_gets_one_whole_line_per_event_however_narrow_the_console():
    out = io.StringIO()
    console = Console(file=out, width=30, log_path=False)
    long_step = "checking params, notebooks and data of a rather long report"
    with rich_progress(console) as progress:
        progress.step(long_step)
        progress.section_done(SectionRun(_section("04-thu-tuc-hanh-chinh"), None, 2.91, SUCCEEDED))
        progress.warn("the cache entry was damaged; discarded, recomputing")
    lines = out.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].endswith(long_step) and lines[1].endswith("04-thu-tuc-hanh-chinh: 2.9 s")
    assert lines[2] == "warning: the cache entry was damaged; discarded, recomputing"
    assert ".py:" not in out.getvalue()


def test_a_reused_section_says_where_it_came_from():
    run = SectionRun(_section("08-chinh-phu-dien-tu"), None, 0.0, REUSED, "cache")
    assert describe(run) == "08-chinh-phu-dien-tu: reused from the cache"
