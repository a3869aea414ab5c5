"""Draft editions: built from carried-over texts nobody has reviewed, so never signed as is.

While a period's params list any key under ``carried_over:`` (written by
``reportbook new``), its edition is a draft: "DỰ THẢO" on the first page of
the HTML, PDF and Word file, one warning per unreviewed text in the build's
output, ``"draft": true`` and the texts in manifest.json, and ``finalize``
refuses it, naming what remains. The manifest is what ``finalize`` reads:
it judges the edition as built, not params edited since.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..drafting.review import Unreviewed, how_to_review, unreviewed
from ..errors import EditionError
from ..periods import resolve
from ..rendering.marks import DRAFT, add_mark
from .manifest import MANIFEST

if TYPE_CHECKING:
    import nbformat

    from ..context import BuildContext


def unreviewed_texts(ctx: BuildContext) -> list[Unreviewed]:
    return unreviewed(ctx.require_params(), ctx.project.params, ctx.target)


def mark_draft(ctx: BuildContext, merged: nbformat.NotebookNode) -> None:
    """Mark the merged report "DỰ THẢO" and warn once per unreviewed text, if there are any."""
    texts = unreviewed_texts(ctx)
    if not texts:
        return
    add_mark(merged, DRAFT)
    for text in texts:
        ctx.notice(f"{DRAFT}: {text.key} was carried over and is not reviewed ({text.where})")
    ctx.notice(f"the edition is a draft until then: {how_to_review(ctx.target)}")


def recorded(ctx: BuildContext) -> dict:
    """The manifest's draft entries: whether it is one, and which texts make it so."""
    texts = unreviewed_texts(ctx)
    return {"draft": bool(texts), "unreviewed": [asdict(text) for text in texts]}


def refuse_draft(edition: Path) -> None:
    """Raise EditionError naming the unreviewed texts if ``edition`` was built as a draft."""
    manifest = json.loads((edition / MANIFEST).read_text(encoding="utf-8"))
    if not manifest.get("draft"):
        return
    texts = [Unreviewed(**entry) for entry in manifest.get("unreviewed", [])]
    year, period = manifest["parameters"]["year"], manifest["parameters"]["period"]
    listed = "\n".join(f"  {text.key} ({text.where})" for text in texts)
    raise EditionError(
        f"{edition} is a draft ({DRAFT}) and cannot be made final: {len(texts)} carried-over "
        f"text(s) were not reviewed when it was built:\n{listed}\n"
        f"{how_to_review(resolve(year, period))}, then build it again "
        f"(reportbook build --year {year} --period {period}) and finalize"
    )
