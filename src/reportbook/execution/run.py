"""Run one section on one pooled kernel, and accept it only if every code cell ran.

papermill raises for a cell that raised; this module also turns the other
ways a section can stop into a failed section that names the cell: a cell
that runs past the time limit, a kernel that dies (``os._exit``, a crash, the
memory limit), and a notebook that ends with cells that never ran or with an
error output (``exit()``, an interrupted kernel). A killed or stuck kernel is
replaced by a fresh one before the next section.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import SectionError
from ..periods import Period
from ..sections import Section
from .kernels import KERNEL, PooledKernel

SUCCEEDED, REUSED, FAILED, NOT_RUN = "succeeded", "reused", "failed", "not run"
STATUSES = (SUCCEEDED, REUSED, FAILED, NOT_RUN)


@dataclass(frozen=True)
class SectionRun:
    """The outcome of one section in one build."""

    section: Section
    output: Path | None
    seconds: float
    status: str  # one of STATUSES
    reused_from: str | None = None  # "cache" or "edition" when status is "reused"
    read: dict | None = None  # files and params values it read (see reads.take)
    error: str | None = None  # why it failed or did not run

    @property
    def executed(self) -> bool:
        return self.status == SUCCEEDED

    def record(self) -> dict:
        """The outcome as the manifest and a failed run's status.json list it."""
        seconds = None if self.reused_from == "edition" or self.status == NOT_RUN else self.seconds
        entry = {
            "section": self.section.name,
            "status": self.status,
            "reused_from": self.reused_from,
            "seconds": None if seconds is None else round(seconds, 3),
        }
        if self.error:
            entry["error"] = self.error
        return entry


DEFAULT_TIMEOUT = 600.0  # seconds one cell may run; generous: the slowest takes about 1 s


def parameters(period: Period) -> dict:
    return {"year": period.year, "period": period.code}


def run_on(
    kernel: PooledKernel,
    section: Section,
    output: Path,
    period: Period,
    timeout: float | None = None,
) -> SectionRun:
    """Execute one section on ``kernel`` into ``output``; SectionError names the failing cell."""
    output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    kernel.reset()
    _execute(kernel, section, output, period, timeout or DEFAULT_TIMEOUT)
    problem = unfinished(output)
    if problem:
        raise SectionError(
            f"section {section.name} did not run to its end: {problem}; nothing was "
            f"published; the executed notebook is {output}",
            section=section.name,
            output_path=output,
        )
    read = kernel.files_read()
    return SectionRun(section, output, time.perf_counter() - started, SUCCEEDED, read=read)


def _execute(
    kernel: PooledKernel, section: Section, output: Path, period: Period, timeout: float
) -> None:
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    try:
        _papermill(kernel, section, output, period, timeout)
    except PapermillExecutionError as exc:
        where = f"failed in cell {exc.cell_index} (In [{exc.exec_count}])"
        why = f"({exc.ename}: {exc.evalue}); the executed notebook with the error is {output}"
        raise SectionError(
            f"section {section.name} {where} {why}", section=section.name, output_path=output
        ) from None
    except CellTimeoutError as exc:
        kernel.restart()  # it is still running the cell
        why = (
            f"a cell ran longer than {timeout:g} s, the limit for one cell (change it "
            f"with --timeout SECONDS): {_cell_of(exc)}"
        )
        raise SectionError(f"section {section.name} stopped: {why}", section=section.name) from None
    except DeadKernelError:
        kernel.restart()
        why = (
            "the kernel running it died (the section's code ended the Python process: "
            "os._exit, a crash, or out of memory)"
        )
        raise SectionError(f"section {section.name} stopped: {why}", section=section.name) from None


def _papermill(
    kernel: PooledKernel, section: Section, output: Path, period: Period, timeout: float
) -> None:
    """papermill parameterises and records the section; the pooled engine runs it on ``kernel``."""
    import papermill

    from .engine import ENGINE

    papermill.execute_notebook(
        str(section.path),
        str(output),
        parameters=parameters(period),
        engine_name=ENGINE,
        kernel=kernel,
        kernel_name=KERNEL,
        progress_bar=False,
        log_output=False,
        request_save_on_cell_execute=False,
        execution_timeout=timeout,
    )


def _cell_of(exc: BaseException) -> str:
    """The first line of the cell's source, which nbclient quotes between two dashed rules."""
    parts = str(exc).split("-------------------")
    lines = [ln.strip() for ln in (parts[1] if len(parts) > 2 else "").splitlines() if ln.strip()]
    return f"the cell starting “{lines[0][:80]}”" if lines else "see the section's code"


def unfinished(path: Path) -> str | None:
    """Why the executed notebook at ``path`` is not complete, or None when every code cell ran."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        status = cell.get("metadata", {}).get("papermill", {}).get("status")
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            first = errors[0]
            return f"cell {index} has an error output ({first.get('ename')}: {first.get('evalue')})"
        if status != "completed" or cell.get("execution_count") is None:
            return f"cell {index} did not run (papermill status: {status or 'none'})"
    return None
