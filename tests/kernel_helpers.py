"""Build tiny section notebooks in memory and run them on the kernel pool."""

from __future__ import annotations

from pathlib import Path

import nbformat

from reportbook.sections import Section


def write_section(folder: Path, name: str, *cells: str) -> Section:
    """``folder/<name>.ipynb`` with a parameters cell and ``cells`` as code cells."""
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('year = 2023\nperiod = "annual"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(c) for c in cells)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    number, slug = name.split("-", 1)
    return Section(path, number, slug)


def stream_text(path: Path) -> str:
    """Everything the executed notebook at ``path`` printed."""
    nb = nbformat.read(path, as_version=4)
    return "".join(
        o.get("text", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "stream"
    )
