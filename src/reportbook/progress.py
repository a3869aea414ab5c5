"""A rich progress display for builds (a plain line per step when not a terminal)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from .context import Progress

if TYPE_CHECKING:
    from .execution.execute import SectionRun
    from .sections import Section


@contextmanager
def rich_progress(console: Console, enabled: bool = True) -> Iterator[Progress]:
    """Yield the build's Progress callbacks; warnings are printed even when ``enabled`` is off."""

    def warn(text: str) -> None:
        console.print(f"warning: {text}", highlight=False, markup=False, soft_wrap=True)

    if not enabled:
        yield Progress(warn=warn)
        return
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
        bar.console.log(f"{run.section.name}: {run.seconds:.1f} s", highlight=False)

    def step(text: str) -> None:
        bar.console.log(text, highlight=False)

    with bar:
        yield Progress(section_started=started, section_done=done, step=step, warn=warn)
