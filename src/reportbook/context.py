"""One build's context: what every stage of :func:`reportbook.build.build` needs, made once.

The target period, the project's folders, the sections (all of them, and
those this build runs), the params, the cache and the progress callbacks are
resolved here, once per build, and handed to each stage, so no stage
re-derives them and no helper takes ten positional arguments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ReportbookError
from .params import Params, load_params
from .paths import Project
from .periods import Period, resolve
from .sections import Section, discover, select

if TYPE_CHECKING:
    from .execution.cache import Cache
    from .execution.execute import SectionRun
    from .inputs.loading import Dataset


def _ignore(*_args) -> None:
    return None


@dataclass
class Progress:
    """Callbacks the CLI uses to show progress; all optional."""

    section_started: Callable[[Section, int, int], None] = _ignore
    section_done: Callable[[SectionRun], None] = _ignore
    step: Callable[[str], None] = _ignore
    warn: Callable[[str], None] = _ignore  # shown even when progress is not


@dataclass(frozen=True)
class BuildOptions:
    """How to build, as the command line's options say."""

    jobs: int | None = None  # kernels running sections (None: one per core)
    use_cache: bool = True  # reuse unchanged sections, renders and validations
    force: bool = False  # replace a final edition (it moves to history/)
    allow_failed_checks: bool = False  # publish although an identity check failed (marked)
    timeout: float | None = None  # seconds one cell may run (None: the default)


@dataclass
class BuildContext:
    """The resolved facts of one build; stages read them and record ``runs`` and notices."""

    target: Period
    project: Project
    every: list[Section]  # every section, in report order
    chosen: list[Section]  # the sections this build executes (or takes from the cache)
    progress: Progress
    options: BuildOptions
    params: Params | None  # None until readable; validation says why not
    cache: Cache | None = None
    runs: list[SectionRun] = field(default_factory=list)  # every section's outcome so far
    notices: list[str] = field(default_factory=list)  # damaged caches or reused files replaced
    warnings: list = field(default_factory=list)  # implausible data values (inputs.plausible)
    named: list[Section] = field(default_factory=list)  # --section: executed even if cached

    @classmethod
    def create(
        cls,
        year: int | str,
        period: str,
        sections: list[str] | None = None,
        project: Project | None = None,
        progress: Progress | None = None,
        options: BuildOptions | None = None,
    ) -> BuildContext:
        """Resolve the period, find the project and sections, read the params if they parse."""
        from .execution.cache import Cache

        target = resolve(year, period)
        project = project or Project.locate()
        every = discover(project.notebooks)
        params = _params_if_readable(project, target)
        options = options or BuildOptions()
        ctx = cls(
            target, project, every, select(every, sections), progress or Progress(), options, params
        )
        if sections:
            ctx.named = list(ctx.chosen)
        if options.use_cache:
            ctx.cache = Cache(project.cache_dir, project.root, params, warn=ctx.notice)
        return ctx

    @property
    def jobs(self) -> int:
        from .execution.kernels import default_jobs

        return self.options.jobs or default_jobs()

    def notice(self, message: str) -> None:
        """Record and show something the user should know although the build goes on."""
        self.notices.append(message)
        self.progress.warn(message)

    def require_params(self) -> Params:
        """The params, read now if they could not be before (raising the reason)."""
        if self.params is None:
            self.params = load_params(self.project.params, self.target)
            if self.cache is not None:
                self.cache.params = self.params
        return self.params

    @cached_property
    def dataset(self) -> Dataset:
        from .inputs.loading import Dataset

        return Dataset(self.project.data)

    @property
    def edition(self) -> Path:
        return self.project.edition_dir(self.target.year, self.target.code)

    @property
    def title(self) -> str:
        report = self.require_params().report
        return f"{report.kind} {report.subject} {self.target.label}"

    @property
    def footer(self) -> str:
        from .notebook import formatting

        window = self.target.window
        return (
            f"Báo cáo {self.target.label} được tính từ dữ liệu trong kỳ số liệu "
            f"{formatting.date(window.start)}–{formatting.date(window.end)} bằng reportbook; "
            f"nguồn và phiên bản: manifest.json."
        )


def _params_if_readable(project: Project, target: Period) -> Params | None:
    """The period's params, or None when they cannot be read (validation reports why)."""
    try:
        return load_params(project.params, target)
    except ReportbookError:
        return None
