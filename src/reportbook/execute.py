"""Run section notebooks with papermill, injecting the report's parameters.

papermill parameterises each notebook (a tagged ``parameters`` cell followed
by an injected one) and records the executed copy, with an error banner at
the failing cell when one raises, so a failed section explains itself.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

import papermill
from papermill.exceptions import PapermillExecutionError

from .errors import SectionError
from .paths import ROOT_ENV, Project
from .periods import Period
from .sections import Section

KERNEL = "python3"


@dataclass(frozen=True)
class SectionRun:
    """The outcome of one executed section."""

    section: Section
    output: Path
    seconds: float
    status: str  # "succeeded" or "failed"


def parameters(period: Period) -> dict:
    return {"year": period.year, "period": period.code}


def run_section(section: Section, output: Path, period: Period, project: Project) -> SectionRun:
    """Execute one section into ``output``; raise SectionError naming the failing cell."""
    output.parent.mkdir(parents=True, exist_ok=True)
    os.environ[ROOT_ENV] = str(project.root)  # the kernel inherits it and finds the project
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(section.path), str(output), parameters=parameters(period),
            kernel_name=KERNEL, cwd=str(project.notebooks), progress_bar=False,
            log_output=False, request_save_on_cell_execute=False,
            # the kernel's own start-up notices are not the user's business
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except PapermillExecutionError as exc:
        raise SectionError(
            f"section {section.name} failed in cell {exc.cell_index} (In [{exc.exec_count}]) "
            f"({exc.ename}: {exc.evalue}); the executed notebook with the error is {output}",
            section=section.name, output_path=output,
        ) from None
    return SectionRun(section, output, time.perf_counter() - started, "succeeded")


def execute_sections(sections: list[Section], out_dir: Path, period: Period, project: Project,
                     started=lambda section, index, count: None,
                     done=lambda run: None) -> list[SectionRun]:
    """Execute ``sections`` in order into ``out_dir``, reporting progress through the callbacks."""
    runs = []
    for index, section in enumerate(sections, 1):
        started(section, index, len(sections))
        run = run_section(section, out_dir / section.filename, period, project)
        done(run)
        runs.append(run)
    return runs
