"""What the section notebooks expect from the rest of the project.

A notebook's contract is read from the notebook itself, so there is no second
list to drift: its ``parameters`` cell (through papermill's inspection) must
declare exactly the run parameters the build injects, and the params texts
and lists it renders (``r.text("key")``, ``r.heading("key")``,
``r.items("key")``) must exist in params/.
"""

from __future__ import annotations

import copy
import re
import warnings
from dataclasses import dataclass, field

from ..errors import FileFormatError
from ..sections import Section, code_cells, read_notebook
from .problems import Problem

RUN_PARAMETERS = ("year", "period")
_USES = re.compile(r"""\.(text|heading|items)\(\s*["']([A-Za-z_][\w]*)["']""")


@dataclass
class Uses:
    """The params keys notebooks render: ``texts`` (text, heading) and ``lists`` (items)."""

    texts: dict[str, list[str]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # sections whose keys are unknown


def _file(section: Section) -> str:
    return f"notebooks/{section.filename}"


def parameter_problems(section: Section) -> list[Problem]:
    """The section must be a valid notebook declaring exactly ``year`` and ``period``."""
    try:
        nb = read_notebook(section.path)
    except FileFormatError as fault:
        return [Problem(fault.file, fault.line, None, None, fault.rule, row_word=fault.unit)]
    invalid = _format_problem(section, nb)
    if invalid:
        return [invalid]
    try:
        import papermill  # imported when a check runs (it costs 0,1 s at start-up)

        declared = papermill.inspect_notebook(str(section.path))
    except Exception as exc:  # papermill/nbformat raise many types for a broken file
        return [Problem(_file(section), None, None, None, f"cannot be read as a notebook: {exc}")]
    if not declared:
        message = (
            "has no cell tagged 'parameters' declaring year and period; tag the cell "
            "that sets them (View > Cell Toolbar > Tags)"
        )
        return [Problem(_file(section), None, "parameters", None, message)]
    names, cell = set(declared), _parameters_cell(nb)
    missing = [
        _in_cell(section, cell, None, f"does not declare {name!r} (needed: year, period)")
        for name in sorted(set(RUN_PARAMETERS) - names)
    ]
    extra = [
        _in_cell(
            section, cell, name, "is not a run parameter: the build injects only year and period"
        )
        for name in sorted(names - set(RUN_PARAMETERS))
    ]
    return missing + extra


def _format_problem(section: Section, nb: dict) -> Problem | None:
    """Where the notebook breaks Jupyter's notebook format (papermill would fail on it)."""
    import nbformat

    with warnings.catch_warnings():  # e.g. cells without ids: nbformat repairs, we don't mind
        warnings.simplefilter("ignore")
        try:
            nbformat.validate(copy.deepcopy(nb))
            return None
        except nbformat.ValidationError as exc:
            where, message = list(exc.absolute_path), str(exc.message)
    cell = where[1] + 1 if len(where) > 1 and where[0] == "cells" else None
    field = ".".join(str(p) for p in (where[2:] if cell else where))
    message = message if len(message) <= 160 else message[:160] + "…"
    rule = (
        f"does not follow the Jupyter notebook format ({field + ': ' if field else ''}"
        f"{message}); open it in JupyterLab "
        f"and save it, or restore it from git (git checkout -- {_file(section)})"
    )
    return Problem(_file(section), cell, None, None, rule, row_word="cell")


def _in_cell(section: Section, cell: int | None, value: str | None, message: str) -> Problem:
    return Problem(_file(section), cell, "parameters", value, message, row_word="cell")


def _parameters_cell(nb: dict) -> int | None:
    """The 1-based number of the cell tagged 'parameters', as Jupyter counts cells."""
    for number, cell in enumerate(nb["cells"], 1):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            return number
    return None


def uses(sections: list[Section]) -> Uses:
    """The params texts and lists each key is rendered by, from the notebooks' code."""
    found = Uses()
    for section in sections:
        try:
            sources = code_cells(section.path)
        except FileFormatError:  # reported by parameter_problems
            found.unreadable.append(section.name)
            continue
        for source in sources:
            for method, key in _USES.findall(source):
                bucket = found.lists if method == "items" else found.texts
                bucket.setdefault(key, []).append(section.name)
    return found
