"""The plain way: papermill one notebook at a time, then nbconvert HTML, then WeasyPrint."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import weasyprint
from nbconvert import HTMLExporter


def run(root: Path) -> None:
    out = root / "baseline"
    out.mkdir(exist_ok=True)
    cells = []
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        target = out / path.name
        papermill.execute_notebook(
            str(path),
            str(target),
            parameters={"year": 2023, "period": "annual"},
            cwd=str(root / "notebooks"),
            progress_bar=False,
        )
        cells += nbformat.read(target, as_version=4).cells
    merged = nbformat.read(out / path.name, as_version=4)
    merged.cells = cells
    html, _ = HTMLExporter(exclude_input=True).from_notebook_node(merged)
    (out / "report.html").write_text(html, encoding="utf-8")
    weasyprint.HTML(string=html, base_url=str(out)).write_pdf(str(out / "report.pdf"))
