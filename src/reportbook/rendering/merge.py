"""Merge executed section notebooks into one report notebook, in section order."""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat

from ..sections import REMOVE_CELL_TAG


def merge(paths: list[Path], metadata: dict) -> nbformat.NotebookNode:
    """Concatenate the cells of ``paths``; each cell records its section.

    Cells tagged ``remove_cell`` (notes for the notebook reader,
    :data:`~reportbook.sections.REMOVE_CELL_TAG`) are dropped;
    the report-level ``metadata`` is stored under ``metadata.reportbook``.
    """
    merged = None
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if merged is None:
            merged = copy.deepcopy(nb)
            merged.cells = []
            merged.metadata.pop("papermill", None)
            merged.metadata.pop("title", None)  # the first section's title, not the report's
        section = path.stem
        for cell in nb.cells:
            if REMOVE_CELL_TAG in cell.metadata.get("tags", []):
                continue
            cell = copy.deepcopy(cell)
            cell.metadata["reportbook_section"] = section
            cell["id"] = f"{section[:2]}-{cell.get('id', len(merged.cells))}"
            merged.cells.append(cell)
    if merged is None:
        raise ValueError("no notebooks to merge")
    merged.metadata["reportbook"] = metadata
    return merged
