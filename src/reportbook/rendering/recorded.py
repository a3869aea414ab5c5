"""Read a notebook's recorded blocks back: the structured twin of what report.html shows.

Every block a section displays records its content under
:data:`reportbook.notebook.blocks.MIME`; report.docx is written from these
records, the reviewer's checks read their figures and the manifest hashes
them, so nothing parses HTML back.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..notebook.blocks import MIME
from ..sections import REMOVE_CELL_TAG

if TYPE_CHECKING:
    from nbformat import NotebookNode


def _report_cells(nb: NotebookNode) -> Iterator[NotebookNode]:
    """The cells that are part of the report (not notes tagged for the notebook's reader)."""
    return (c for c in nb.cells if REMOVE_CELL_TAG not in c.metadata.get("tags", []))


def _cell_blocks(cell: NotebookNode) -> Iterator[dict]:
    for output in cell.get("outputs", []):
        payload = output.get("data", {}).get(MIME)
        if payload:
            yield from _flatten(payload)


def recorded_blocks(nb: NotebookNode) -> Iterator[tuple[str, dict]]:
    """Yield ``(section, block)`` for every block the code cells recorded, groups flattened.

    The section is the cell's ``reportbook_section`` (set by the merge), else
    ``"report"``.
    """
    for cell in _report_cells(nb):
        if cell.cell_type == "code":
            section = cell.metadata.get("reportbook_section", "report")
            for block in _cell_blocks(cell):
                yield section, block


def blocks_of(nb: NotebookNode) -> Iterator[dict]:
    """Yield a merged notebook's content in order: markdown headings and recorded blocks.

    This is what report.docx is written from and what the reviewer's checks
    read: the structured twin of what report.html shows.
    """
    for cell in _report_cells(nb):
        if cell.cell_type == "markdown":
            yield from _markdown_blocks(cell.source)
        elif cell.cell_type == "code":
            yield from _cell_blocks(cell)


def _markdown_blocks(source: str):
    for line in source.splitlines():
        line = line.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            yield {"kind": "heading", "level": len(heading[1]), "text": heading[2].strip()}
        elif line and not line.startswith("<!--"):
            yield {"kind": "paragraph", "text": line, "style": "rb-p"}


def _flatten(payload: dict):
    if payload["kind"] == "group":
        for block in payload["blocks"]:
            yield from _flatten(block)
    else:
        yield payload
