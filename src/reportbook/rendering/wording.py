"""The reviewer edition's words: titles, dates, numbers and statuses in Vietnamese.

The reviewer edition is read by the department's staff and the province's
inspectors, not by the people who maintain reportbook. The manifest, a
failed run's ``status.json`` and the command line keep their English keys
for tools and developers; this module turns those keys into what a reviewer
reads: a window as Decree 30 writes dates (15/12/2022 – 14/12/2023, through
:mod:`reportbook.notebook.formatting`), a moment as a Vietnamese clock and
date, a section by its title instead of its file name, a run's status in
words. Every reviewer page gets these from :func:`environment`, so no page
spells a date or a status its own way.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from ..notebook import formatting
from ..notebook.blocks import template_env
from ..sections import REMOVE_CELL_TAG

if TYPE_CHECKING:
    from collections.abc import Mapping

    import jinja2

# A section's outcome in a build (execution.run.STATUSES), as a reviewer says it.
STATUS = {
    "succeeded": "đã chạy",
    "reused": "dùng lại",
    "failed": "lỗi",
    "not run": "không chạy",
    "—": "—",
}
# Where a reused section came from: the cache, or the edition being replaced.
REUSED_FROM = {"cache": "dùng lại (bộ nhớ đệm)", "edition": "giữ từ bản trước"}
# How a data problem counts its place (inputs.problems.Problem.row_word).
ROW_WORDS = {"row": "dòng", "line": "dòng", "record": "bản ghi"}
_REUSED = re.compile(r"^reused \((?P<source>[a-z]+)\)$")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*\s*$", re.MULTILINE)


def day(value: str | dt.date) -> str:
    """An ISO date, as the manifest records it, as Decree 30 writes it: 2022-12-15 -> 15/12/2022."""
    try:
        return formatting.date(
            value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        )
    except (TypeError, ValueError):
        return str(value)  # not a date: shown as recorded rather than hidden


def window(span: Mapping[str, str]) -> str:
    """A manifest window ``{"start", "end"}``: '15/12/2022 – 14/12/2023'."""
    return f"{day(span.get('start', '?'))} – {day(span.get('end', '?'))}"


def moment(stamp: str | None) -> str:
    """An ISO timestamp (``finalized_at``): 2026-11-27T09:05:00+0700 -> 09:05 ngày 27/11/2026."""
    if not stamp:
        return ""
    try:
        when = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        try:
            when = dt.datetime.fromisoformat(stamp)
        except ValueError:
            return str(stamp)
    return f"{when:%H:%M} ngày {formatting.date(when.date())}"


def status(recorded: str) -> str:
    """A section's recorded status ('succeeded', 'reused (cache)', ...) in words."""
    reused = _REUSED.match(recorded)
    if reused:
        return REUSED_FROM.get(reused["source"], STATUS["reused"])
    return STATUS.get(recorded, recorded)


def number(value: object) -> str:
    """A figure with Vietnamese separators (13.573); anything else as it is."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "—" if value is None else str(value)
    return formatting.number(value)


def change(before: object, after: object) -> str:
    """How a figure moved, signed and with separators (+1.067, −2, 0); '' if not two numbers."""
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (before, after))
    return formatting.signed(after - before) if numbers else ""


def section_title(nb: Mapping, name: str) -> str:
    """What a reviewer calls a section: its notebook's ``metadata.title``, else its first heading.

    ``metadata.title`` is nbformat's own field for a notebook's title; a
    section whose headings are computed (the header, the closing) has no
    markdown heading to fall back on, so the file name is the last resort.
    """
    title = nb.get("metadata", {}).get("title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        if REMOVE_CELL_TAG in cell.get("metadata", {}).get("tags", []):
            continue
        source = cell.get("source", "")
        heading = _HEADING.search(source if isinstance(source, str) else "".join(source))
        if heading:
            return heading["text"]
    return name


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment of the reviewer pages, with these words as filters (one per
    process, so each template is compiled once: see review.warm_up)."""
    env = template_env("review")
    env.filters.update(day=day, window=window, moment=moment, status=status, number=number)
    env.globals["change"] = change
    env.filters["row_word"] = lambda word: ROW_WORDS.get(word, word)
    return env
