"""The report's results one by one: each table, figure and text a section shows.

A reviewer asks "is table 2 of section 04 still the same?", not "is the HTML
file byte-identical?". This module names every block the merged report
displays (section, kind, number within the section, caption) from the
structured payload each block records (:data:`reportbook.notebook.blocks.MIME`)
and hashes that payload, so the manifest records the results and ``verify``
compares them one by one. Nothing is read back from HTML.
"""

from __future__ import annotations

import hashlib
import json

import nbformat

from .recorded import recorded_blocks


def digest(block: dict) -> str:
    """sha256 of a block's structured content (canonical JSON)."""
    text = json.dumps(block, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def items(nb: nbformat.NotebookNode) -> dict[str, str]:
    """``{'04-thu-tuc-hanh-chinh: table 1 «caption»': sha256 of the block}``, in report order."""
    found: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    for section, block in recorded_blocks(nb):
        kind = block["kind"]
        counts[section, kind] = counts.get((section, kind), 0) + 1
        caption = " ".join(str(block.get("caption") or "").split())
        key = f"{section}: {kind} {counts[section, kind]}" + (f" «{caption}»" if caption else "")
        found[key] = digest(block)
    return found
