"""What the section notebooks expect from the rest of the project.

A notebook's contract is read from the notebook itself, so there is no second
list to drift: its ``parameters`` cell (through papermill's inspection) must
declare exactly the run parameters the build injects, and the params texts
and lists it renders (``r.text("key")``, ``r.heading("key")``,
``r.items("key")``) must exist in params/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import nbformat

from ..sections import Section
from .problems import Problem

RUN_PARAMETERS = ("year", "period")
_USES = re.compile(r"""\.(text|heading|items)\(\s*["']([A-Za-z_][\w]*)["']""")


@dataclass
class Uses:
    """The params keys notebooks render: ``texts`` (text, heading) and ``lists`` (items)."""

    texts: dict[str, list[str]] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)


def _file(section: Section) -> str:
    return f"notebooks/{section.filename}"


def parameter_problems(section: Section) -> list[Problem]:
    """The section must declare exactly ``year`` and ``period`` in a tagged parameters cell."""
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
    names, cell = set(declared), _parameters_cell(section)
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


def _in_cell(section: Section, cell: int | None, value: str | None, message: str) -> Problem:
    return Problem(_file(section), cell, "parameters", value, message, row_word="cell")


def _parameters_cell(section: Section) -> int | None:
    """The 1-based number of the cell tagged 'parameters', as Jupyter counts cells."""
    nb = nbformat.read(section.path, as_version=4)
    for number, cell in enumerate(nb.cells, 1):
        if "parameters" in cell.metadata.get("tags", []):
            return number
    return None


def uses(sections: list[Section]) -> Uses:
    """The params texts and lists each key is rendered by, from the notebooks' code."""
    found = Uses()
    for section in sections:
        try:
            nb = nbformat.read(section.path, as_version=4)
        except Exception:  # reported by parameter_problems
            continue
        for cell in nb.cells:
            if cell.cell_type != "code":
                continue
            for method, key in _USES.findall(cell.source):
                bucket = found.lists if method == "items" else found.texts
                bucket.setdefault(key, []).append(section.name)
    return found
