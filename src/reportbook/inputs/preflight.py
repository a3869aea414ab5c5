"""Check every input of a build before any section runs, and list all problems.

``reportbook check`` and ``build`` both call :func:`require_valid`: params
files (valid keys and types, every text and list the notebooks render present,
every template well-formed), the notebooks' parameters, and every data file
(schema, row and cross-file rules). One run lists every problem, each with
file, row and column, and a summary count; nothing executes until there are
none. Implausible data values come back as warnings, shown but not blocking.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

import jinja2

from ..errors import ConfigError, InputError, ParamsFileError
from ..notebook import texts
from ..params import Params, load_params, origin, param_files
from ..paths import Project
from ..periods import Period
from ..sections import Section
from .contracts import Uses, parameter_problems, uses
from .loading import Dataset
from .problems import Problem, report

if TYPE_CHECKING:
    from ..execution.cache import Cache


def params_problems(project: Project, period: Period, sections: list[Section]) -> list[Problem]:
    """Invalid or missing params, missing texts/lists, templates that do not parse."""
    try:
        params = load_params(project.params, period)
    except ConfigError as exc:
        return _config_problems(exc, project, period)
    needed = uses(sections)
    problems = _missing(params, needed, project, period) + _unused(params, needed, project, period)
    for key, template in params.texts.items():
        problems.extend(_syntax(template, f"texts.{key}", project, period))
    for key, entries in params.lists.items():
        for index, entry in enumerate(entries):
            problems.extend(_syntax(entry, f"lists.{key}.{index}", project, period))
    return problems


def _config_problems(exc: ConfigError, project: Project, period: Period) -> list[Problem]:
    """One problem per unreadable file or invalid key, at the file and line to edit."""
    if isinstance(exc, ParamsFileError):
        return [Problem(f.file, f.line, None, None, f.rule, row_word="line") for f in exc.faults]
    if not exc.errors:
        file = f"params/{period.year}/{period.code}.yaml"
        # the problem names the file already: not its full path again in the message
        message = str(exc).removeprefix(f"{project.root / file}: ")
        return [Problem(file, None, None, None, message)]
    found = []
    for dotted, message in exc.errors:
        file, line = origin(project.params, period, dotted)
        found.append(Problem(file, line, dotted, None, message, row_word="line"))
    return found


def _missing(params: Params, needed: Uses, project: Project, period: Period) -> list[Problem]:
    problems = []
    for kind, have, want in (
        ("texts", params.texts, needed.texts),
        ("lists", params.lists, needed.lists),
    ):
        file, line = origin(project.params, period, kind)
        for key, users in sorted(want.items()):
            if key not in have:
                problems.append(
                    Problem(
                        file,
                        line,
                        f"{kind}.{key}",
                        None,
                        f"is missing: section(s) {', '.join(users)} render it; add it under "
                        f"'{kind}:' in params/common.yaml or "
                        f"params/{period.year}/{period.code}.yaml",
                        row_word="line",
                    )
                )
    return problems


def _unused(params: Params, needed: Uses, project: Project, period: Period) -> list[Problem]:
    """Texts and lists no section renders: a misspelt key would silently not override.

    (``texts: {closng: ...}`` in a period's file leaves the shared ``closing`` in
    the report without a word.) Skipped when a notebook cannot be read, since
    the keys it renders are then unknown.
    """
    if needed.unreadable:
        return []
    problems = []
    for kind, have, want in (
        ("texts", params.texts, needed.texts),
        ("lists", params.lists, needed.lists),
    ):
        for key in sorted(set(have) - set(want)):
            close = difflib.get_close_matches(key, list(want), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            file, line = origin(project.params, period, f"{kind}.{key}")
            rule = f"is not rendered by any section: {hint}check its spelling, or delete it"
            problems.append(Problem(file, line, f"{kind}.{key}", None, rule, row_word="line"))
    return problems


def _syntax(template: str, dotted: str, project: Project, period: Period) -> list[Problem]:
    try:
        texts.parse(template)
    except jinja2.TemplateSyntaxError as exc:
        file, line = origin(project.params, period, dotted)
        where = line + exc.lineno - 1 if line else None
        return [
            Problem(
                file,
                where,
                dotted,
                None,
                f"is not a valid template: {exc.message}",
                row_word="line",
            )
        ]
    return []


def problems(
    project: Project, period: Period, sections: list[Section], dataset: Dataset | None = None
) -> list[Problem]:
    """Every problem of params, notebooks and data for building ``period``."""
    found = params_problems(project, period, sections)
    for section in sections:
        found.extend(parameter_problems(section))
    found.extend((dataset or Dataset(project.data)).problems())
    return found


def require_valid(
    project: Project, period: Period, sections: list[Section], cache: Cache | None = None
) -> list[Problem]:
    """Raise InputError listing every problem; else return the data's warnings.

    Warnings (:mod:`reportbook.inputs.plausible`: a date far from the report's
    year, a negative processing time) never stop a build; the caller shows
    them. With ``cache`` (the build's own, so files are hashed once per
    build), inputs identical to ones that already passed with no warning
    (same bytes of every data, params and notebook file, same code and
    libraries) are not checked again: validation is a pure function of those
    bytes. Inputs with warnings are checked every time, so every build shows them.
    """
    key = _validation_key(project, period, sections, cache) if cache is not None else None
    if key is not None and cache.validated(key):
        return []
    dataset = Dataset(project.data)
    found = problems(project, period, sections, dataset)
    if found:
        raise InputError(
            f"the inputs for {period.label} are not valid; nothing was built:\n{report(found)}",
            problems=found,
        )
    warnings = dataset.warnings(period.year)
    if key is not None and not warnings:
        cache.mark_validated(key)
    return warnings


def _validation_key(project: Project, period: Period, sections: list[Section], cache: Cache) -> str:
    from ..execution.cache import digest, environment_key

    files = [
        *Dataset(project.data).files(),
        *param_files(project.params, period),
        *(s.path for s in sections),
    ]
    return digest(
        {str(f): cache.hash_of(f) for f in files}, period.code, period.year, environment_key()
    )
