"""Marks on an edition's first page: what a reader must know before trusting it.

A mark is a short line set above the document header in the HTML, the PDF
and the Word file (for example that some of its figures failed an identity
check and the user chose to publish it anyway). Marks are kept in the merged
notebook's metadata (``metadata.reportbook.marks``), so every renderer reads
the same list and the render cache keys on it.

"DỰ THẢO" (draft) goes where a Vietnamese office puts it on a document not
yet ready to sign: in a box at the top right of the first page, above the
national name (the draft notice of the administrative-document layout rules);
other marks run across the page above the header.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

FAILED_CHECKS = (
    "BẢN CÓ SỐ LIỆU CHƯA KHỚP: một số kiểm tra số liệu không đạt "
    "(xem Bản thẩm định, Kiểm tra số liệu)"
)

DRAFT = "DỰ THẢO"
CORNER = (DRAFT,)  # set in a box at the top right; every other mark is a banner


def add_mark(nb: nbformat.NotebookNode, text: str) -> None:
    """Add ``text`` to the first-page marks of the merged report ``nb`` (once)."""
    marks = nb.metadata.setdefault("reportbook", {}).setdefault("marks", [])
    if text not in marks:
        marks.append(text)


def marks_of(nb: nbformat.NotebookNode) -> list[str]:
    return list(nb.metadata.get("reportbook", {}).get("marks", []))


def placed(nb: nbformat.NotebookNode) -> list[tuple[str, bool]]:
    """The marks in page order, each with whether it sits in the top-right corner."""
    marks = marks_of(nb)
    corner = [(mark, True) for mark in marks if mark in CORNER]
    return corner + [(mark, False) for mark in marks if mark not in CORNER]
