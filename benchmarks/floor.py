"""The floor: the sections' code as plain Python (no Jupyter), two worker processes, then render."""

from __future__ import annotations

import ast
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat


def _section(path: str) -> list:
    """Run one notebook's code cells in a fresh namespace; return what it displays as HTML."""
    import os

    os.chdir(Path(path).parent)
    shown = []

    def display(*objects):
        shown.extend(getattr(o, "_repr_html_", lambda o=o: repr(o))() for o in objects)

    namespace = {"display": display, "__name__": "__main__"}
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "code":
            tree = ast.parse(cell.source)
            last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
            exec(compile(tree, path, "exec"), namespace)
            if last is not None:
                display(eval(compile(ast.Expression(last.value), path, "eval"), namespace))
    return shown


def run(root: Path) -> None:
    paths = [str(p) for p in sorted((root / "notebooks").glob("*.ipynb"))]
    with ProcessPoolExecutor(2) as workers:
        results = list(workers.map(_section, paths))
    assert all(results)
