"""What a build shows while it works: a progress bar on a terminal, plain lines elsewhere.

On a terminal, a bar counts the sections and a timed line records each step
and section. Piped into a file or a CI log, the same lines come without the
bar, one per event, never wrapped mid-sentence and without rich's
``file.py:NN`` caller suffix (that is for developers, not for the log reader).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from .context import Progress

if TYPE_CHECKING:
    from .execution.execute import SectionRun
    from .sections import Section


def describe(run: SectionRun) -> str:
    """One section's outcome for the reader: '04-thu-tuc-hanh-chinh: 2.9 s' or '... reused'."""
    if run.reused_from:
        where = "the cache" if run.reused_from == "cache" else "the previous edition"
        return f"{run.section.name}: reused from {where}"
    return f"{run.section.name}: {run.seconds:.1f} s"


@contextmanager
def rich_progress(console: Console, enabled: bool = True) -> Iterator[Progress]:
    """Yield the build's Progress callbacks; warnings are printed even when ``enabled`` is off."""

    def warn(text: str) -> None:
        console.print(f"warning: {text}", highlight=False, markup=False, soft_wrap=True)

    if not enabled:
        yield Progress(warn=warn)
    elif not console.is_terminal:
        yield _plain(console, warn)
    else:
        with _bar(console, warn) as progress:
            yield progress


def _plain(console: Console, warn: Callable[[str], None]) -> Progress:
    """One unwrapped, timestamped line per step and section, for logs and pipes."""

    def line(text: str) -> None:
        stamp = time.strftime("%H:%M:%S")
        console.print(f"{stamp} {text}", highlight=False, markup=False, soft_wrap=True)

    def done(run: SectionRun) -> None:
        line(describe(run))

    return Progress(section_done=done, step=line, warn=warn)


@contextmanager
def _bar(console: Console, warn: Callable[[str], None]) -> Iterator[Progress]:
    bar = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    )
    task = None

    def started(section: Section, index: int, count: int) -> None:
        nonlocal task
        if task is None:
            task = bar.add_task("sections", total=count)
        bar.update(task, description=f"running {section.name}")

    def done(run: SectionRun) -> None:
        bar.advance(task)
        bar.console.log(describe(run), highlight=False, markup=False)

    def step(text: str) -> None:
        bar.console.log(text, highlight=False, markup=False)

    with bar:
        yield Progress(section_started=started, section_done=done, step=step, warn=warn)
