"""The exception tree of reportbook.

Every error a user can cause derives from :class:`ReportbookError`, so the CLI
can print its message and exit non-zero instead of showing a traceback::

    ReportbookError
    ├── ParameterError      year/period or another parameter is invalid
    ├── ConfigError         a params/ file is missing, malformed or incomplete
    │   └── ParamsFileError   a params/ file cannot be read at all (encoding, YAML, shape)
    ├── FileFormatError     a file a person edits is not the text/YAML/JSON it must be
    ├── DataError           a data/ file cannot be read or breaks a rule
    ├── InputError          `check` found problems in params, notebooks or data
    ├── SectionError        a section notebook failed while executing
    │   └── KernelStartError  a kernel did not start, so its sections did not run
    ├── ChecksFailedError   an identity check of the report's figures failed
    ├── RenderError         HTML/PDF rendering failed (fonts, engine)
    │   └── GlyphCoverageError  a character is not covered by the report font
    └── EditionError        an archived edition cannot be changed or checked as asked
        ├── LockedError     another build of the same edition is running
        ├── FinalEditionError  the edition is final; rebuilding it needs --force
        └── VerifyError     a re-run does not reproduce the archived edition
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from .execution.execute import SectionRun
    from .inputs.problems import Problem


class ReportbookError(Exception):
    """Root of every error reportbook raises on purpose."""


class ParameterError(ReportbookError, ValueError):
    """A run parameter (year, period, section) is invalid."""


class ConfigError(ReportbookError):
    """A params/ file is missing, malformed or lacks a required text.

    ``errors`` lists ``(dotted key, message)`` for each invalid key, when known,
    so a caller can point at the file and line that sets each one.
    """

    def __init__(self, message: str, *, errors: Iterable[tuple[str, str]] = ()):
        super().__init__(message)
        self.errors: list[tuple[str, str]] = list(errors)


class DataError(ReportbookError):
    """A data/ file is missing, unreadable, or a record breaks a rule.

    The message names the file, the row as the user sees it, the column and
    the rule, so the record can be found and fixed.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        row: int | None = None,
        column: str | None = None,
        problems: Iterable[Problem] = (),
    ):
        super().__init__(message)
        self.path = path
        self.row = row
        self.column = column
        self.problems = list(problems)


class InputError(ReportbookError):
    """Params, notebooks or data break rules; ``problems`` lists every one."""

    def __init__(self, message: str, *, problems: Iterable[Problem] = ()):
        super().__init__(message)
        self.problems = list(problems)


class SectionError(ReportbookError):
    """A section notebook raised while executing."""

    def __init__(
        self,
        message: str,
        *,
        section: str,
        output_path: Path | None = None,
        runs: Iterable[SectionRun] = (),
    ):
        super().__init__(message)
        self.section = section
        self.output_path = output_path
        self.runs = list(runs)  # every section's outcome in that run (execute.SectionRun)


class KernelStartError(SectionError):
    """A kernel of the pool did not start; the sections given to it did not run."""


class ChecksFailedError(ReportbookError):
    """A check of the report's own figures failed (see ``--allow-failed-checks``)."""

    def __init__(self, message: str, *, failed: list[dict] | tuple = ()):
        super().__init__(message)
        self.failed = list(failed)  # the failed checks, as dicts (name, scope, passed, detail)


class RenderError(ReportbookError):
    """The merged report could not be rendered to HTML or PDF."""


class GlyphCoverageError(RenderError):
    """The report contains characters the report font cannot draw."""


class EditionError(ReportbookError):
    """An archived edition cannot be built, finalised or verified as asked."""


class LockedError(EditionError):
    """Another process is building the same edition."""


class FinalEditionError(EditionError):
    """The edition is marked final; rebuilding it needs --force."""


class VerifyError(EditionError):
    """Re-executing the recorded inputs does not reproduce the archived edition."""


class FileFormatError(ReportbookError):
    """A file a person edits or can damage is not what it must be: its encoding,
    its YAML or JSON, or its shape (a mapping, a notebook, a manifest).

    ``file`` is the name to show (relative to the project where it has one),
    ``line`` the 1-based line (or, with ``unit="cell"``, notebook cell) of the
    fault when it has one, ``rule`` what is wrong and how to fix it. Raised by
    the readers in :mod:`reportbook.inputs.textfiles` and :mod:`reportbook.inputs.yamlfiles`
    so every reader of such a file gives the same message for the same fault.
    """

    def __init__(self, file: str, line: int | None, rule: str, *, unit: str = "line"):
        where = f"{file}, {unit} {line}" if line is not None else file
        super().__init__(f"{where}: {rule}")
        self.file = file
        self.line = line
        self.rule = rule
        self.unit = unit


class ParamsFileError(ConfigError):
    """One or both params files of a period cannot be read; ``faults`` lists each.

    Both files are read before this is raised, so a damaged common.yaml and a
    damaged period file are reported together, each at its own file and line.
    """

    def __init__(self, faults: list[FileFormatError]):
        super().__init__("\n".join(str(f) for f in faults))
        self.faults = list(faults)
