"""The reviewer edition's page "So với lần lập trước": this edition against the one it replaced.

A build that replaces an earlier edition of the same period compares the two
before the swap (the earlier one is still in place, the new one is staged)
and writes ``review/so-voi-lan-truoc.html``: each figure that changed with
both values, documents cited or dropped, texts changed, sections re-run or
reused, inputs that differ. The first build of a period says there is
nothing to compare with. The page belongs to the edition, so a final
edition moved to ``<period>.history/`` keeps it. ``verify`` does not re-run
it: the edition it compared with is, by then, gone.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EditionError
from .editions import MANIFEST, Comparison, Edition, compare, read_edition
from .figures import WHOLE
from .terminal import excerpts

if TYPE_CHECKING:
    import nbformat

PAGE = "so-voi-lan-truoc.html"
FINAL = "final.json"


def write_comparison(
    review_dir: Path,
    previous: Path,
    manifest: dict,
    merged: nbformat.NotebookNode,
    title: str,
    titles: dict[str, str] | None = None,
) -> Path:
    """Write the page comparing the edition being built with ``previous`` (if it exists).

    ``titles`` names each section as the reviewer knows it (a section no
    longer in the report keeps its file name).
    """
    from ..rendering import wording
    from ..rendering.recorded import recorded_blocks

    after = Edition(review_dir.parent, manifest, list(recorded_blocks(merged)))
    result, problem = _compared(previous, after)
    html = (
        wording.environment()
        .get_template("compare.html.j2")
        .render(
            title=title,
            window=manifest["window"],
            marks=manifest.get("marks", []),
            titles=titles or {},
            whole=WHOLE,
            page_title="So với lần lập trước",
            result=result,
            problem=problem,
            previous=_about(previous) if result is not None else None,
            texts=[(t, *excerpts(t.before, t.after)) for t in result.texts] if result else [],
        )
    )
    path = review_dir / PAGE
    path.write_text(html, encoding="utf-8")
    return path


def _compared(previous: Path, after: Edition) -> tuple[Comparison | None, str | None]:
    """The comparison with the edition being replaced, or None and why not (if it exists)."""
    before, problem = _previous(previous)
    if before is None:
        return None, problem
    try:
        return compare(before, after), None
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        # an edition of an older reportbook, or edited by hand: history, not a reason to fail
        return None, f"{previous}: không so sánh được ({type(exc).__name__}: {exc})"


def _previous(previous: Path) -> tuple[Edition | None, str | None]:
    """The edition being replaced, or None and why not (never an error: it is history)."""
    if not (previous / MANIFEST).is_file():
        return None, None
    try:
        return read_edition(previous), None
    except EditionError as exc:
        return None, str(exc)


def _about(previous: Path) -> dict:
    """What identifies the replaced edition: its manifest's hash, commit, final or not."""
    manifest = (previous / MANIFEST).read_bytes()
    about = {
        "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "git_commit": json.loads(manifest).get("git_commit"),
        "finalized_at": None,
    }
    if (previous / FINAL).is_file():
        try:
            about["finalized_at"] = json.loads((previous / FINAL).read_text()).get("finalized_at")
        except ValueError:
            about["finalized_at"] = "(không đọc được final.json)"
    return about
