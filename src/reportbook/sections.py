"""Section notebooks: discovery and selection.

A section is a notebook ``notebooks/NN-slug.ipynb``; its number is its place
in the report, so there is no second list to keep in step.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError, FileFormatError, ParameterError
from .inputs.textfiles import kind, load_json, restore

# The tag that marks a cell as a note for the notebook's reader, never part of
# the report: the contract between a section notebook and every renderer.
REMOVE_CELL_TAG = "remove_cell"
CELL_TYPES = ("code", "markdown", "raw")

_NAME = re.compile(r"^(?P<number>\d{2})-(?P<slug>[a-z0-9-]+)\.ipynb$")


@dataclass(frozen=True)
class Section:
    path: Path
    number: str
    slug: str

    @property
    def name(self) -> str:
        return f"{self.number}-{self.slug}"

    @property
    def filename(self) -> str:
        return self.path.name


def discover(notebooks_dir: Path) -> list[Section]:
    """Every section notebook, in report order; misnamed notebooks are an error."""
    found, misnamed = [], []
    for path in sorted(notebooks_dir.glob("*.ipynb")):
        match = _NAME.match(path.name)
        if match:
            found.append(Section(path, match["number"], match["slug"]))
        else:
            misnamed.append(path.name)
    if misnamed:
        raise ConfigError(
            f"notebooks/ holds notebooks not named NN-slug.ipynb: {', '.join(misnamed)}"
        )
    numbers = [s.number for s in found]
    dupes = sorted({n for n in numbers if numbers.count(n) > 1})
    if dupes:
        raise ConfigError(f"notebooks/: section number(s) used twice: {', '.join(dupes)}")
    if not found:
        raise ConfigError(f"{notebooks_dir}: no section notebooks (NN-slug.ipynb)")
    return found


def select(sections: list[Section], wanted: list[str] | None) -> list[Section]:
    """The sections named by number ('04'), name ('04-thu-tuc-hanh-chinh') or slug."""
    if not wanted:
        return list(sections)
    chosen = []
    for key in wanted:
        key = key.strip().removesuffix(".ipynb")
        key = key.zfill(2) if key.isdigit() else key
        matches = [s for s in sections if key in (s.number, s.name, s.slug)]
        if not matches:
            choices = ", ".join(s.name for s in sections)
            raise ParameterError(f"no section {key!r}; sections are: {choices}")
        chosen.extend(m for m in matches if m not in chosen)
    return sorted(chosen, key=lambda s: s.number)


def shown(path: Path) -> str:
    """'notebooks/04-thu-tuc-hanh-chinh.ipynb': how messages name a section notebook."""
    return f"notebooks/{Path(path).name}"


def read_notebook(path: Path) -> dict:
    """A section notebook's JSON, checked as far as the build relies on it.

    A notebook is edited in Jupyter but also copied, merged by git and cut off
    by a full disk; whatever happened, the message names the notebook, the
    line or cell, and the fix, instead of a JSON or KeyError traceback from
    the first reader that trips on it. (``check`` also validates the whole
    notebook format with nbformat.)
    """
    name = shown(path)
    nb = load_json(path, name, bom_ok=False)
    fix = "open it in JupyterLab and save it, or " + restore(name)
    if not isinstance(nb, dict) or "cells" not in nb or "nbformat" not in nb:
        what = "a JSON object without 'cells' and 'nbformat'" if isinstance(nb, dict) else kind(nb)
        raise FileFormatError(name, None, f"is not a Jupyter notebook (it is {what}); {fix}")
    if nb["nbformat"] != 4 or not isinstance(nb["cells"], list):
        rule = f"is not a version 4 Jupyter notebook (nbformat {nb['nbformat']!r}); {fix}"
        raise FileFormatError(name, None, rule)
    for number, cell in enumerate(nb["cells"], 1):
        source = cell.get("source") if isinstance(cell, dict) else None
        text = isinstance(source, str) or (
            isinstance(source, list) and all(isinstance(s, str) for s in source)
        )
        if not text or cell.get("cell_type") not in CELL_TYPES:
            rule = f"is not a notebook cell (a cell has a cell_type and its source text); {fix}"
            raise FileFormatError(name, number, rule, unit="cell")
    return nb


def code_cells(path: Path) -> list[str]:
    """The source of each code cell (plain JSON: nbformat's schema check costs 5 ms a file)."""
    return [
        "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
        for c in read_notebook(path)["cells"]
        if c["cell_type"] == "code"
    ]


def source_cells(path: Path) -> list[list[str]]:
    """Every cell's type and source, and the notebook's title: all an executed copy shows.

    Markdown and the title reach the reviewer pages from the executed notebook,
    so the cache keys on them too (the manifest's ``code_hash`` does not).
    """
    nb = read_notebook(path)
    title = nb.get("metadata", {}).get("title")
    cells = [
        [c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"]]
        for c in nb["cells"]
    ]
    return [["title", str(title)], *cells]


def code_hash(path: Path) -> str:
    """sha256 of a notebook's code cells: what runs, not markdown or metadata."""
    return hashlib.sha256("\n\0".join(code_cells(path)).encode("utf-8")).hexdigest()
