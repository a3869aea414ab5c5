"""The report's results one by one: each table, figure and text a section shows.

A reviewer asks "is table 2 of section 04 still the same?", not "is the HTML
file byte-identical?". This module names every displayed output of the merged
report (section, kind, number within the section, caption) and hashes its
HTML, so the manifest records them and ``verify`` compares them one by one.
"""

from __future__ import annotations

import hashlib
import re
from html import unescape

import nbformat

_CAPTION = re.compile(r"<(?:caption|figcaption)[^>]*>(.*?)</(?:caption|figcaption)>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def _kind(html: str) -> str:
    if "<figure" in html:
        return "figure"
    if "<table" in html:
        return "table"
    return "text"


def _caption(html: str) -> str:
    match = _CAPTION.search(html)
    return " ".join(unescape(_TAGS.sub("", match.group(1))).split()) if match else ""


def items(nb: nbformat.NotebookNode) -> dict[str, str]:
    """``{'04-thu-tuc-hanh-chinh: table 1 «caption»': sha256 of its HTML}``, in report order."""
    found: dict[str, str] = {}
    counts: dict[tuple[str, str], int] = {}
    for cell in nb.cells:
        section = cell.metadata.get("reportbook_section", "report")
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html")
            if html is None:
                continue
            html = "".join(html) if isinstance(html, list) else html
            kind = _kind(html)
            counts[section, kind] = counts.get((section, kind), 0) + 1
            caption = _caption(html)
            key = f"{section}: {kind} {counts[section, kind]}" + (f" «{caption}»" if caption else "")
            found[key] = hashlib.sha256(html.encode("utf-8")).hexdigest()
    return found
