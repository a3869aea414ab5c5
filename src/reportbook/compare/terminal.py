"""``reportbook diff EDITION_A EDITION_B``: the comparison as tables in a terminal.

One table per question a reviewer asks: which figures changed (both values
and the change), which documents are cited now or no longer, which texts
changed (the words around the first difference), how each section was
produced (re-run or reused, its code changed or not), which inputs differ.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..rendering import wording
from .editions import Comparison, compare, read_edition

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

CONTEXT = 30  # characters shown before and after the first difference of a text
ROOM = 90  # characters of the differing part shown at most


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``diff`` subcommand's arguments."""
    sub = commands.add_parser("diff", help="compare two editions result by result")
    sub.add_argument("before", metavar="EDITION_A", help="e.g. outputs/2023/q1")
    sub.add_argument("after", metavar="EDITION_B", help="e.g. outputs/2024/q1")


def run(args: argparse.Namespace, console: Console) -> int:
    """Print the comparison of the two editions on standard output; exit 0."""
    from rich.console import Console

    result = compare(read_edition(Path(args.before)), read_edition(Path(args.after)))
    show(result, Console(highlight=False))
    return 0


def excerpts(a: str, b: str) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    """Each text as (before, differing words, after) around the first and last difference."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    while start > 0 and not a[start - 1].isspace():  # whole words: "Còn ít", not "òn ít"
        start -= 1
    while end > 0 and not a[len(a) - end].isspace():
        end -= 1
    return _around(a, start, len(a) - end), _around(b, start, len(b) - end)


def _around(text: str, start: int, stop: int) -> tuple[str, str, str]:
    left = max(0, start - CONTEXT)
    lead = ("…" if left else "") + text[left:start]
    middle = text[start:stop]
    if len(middle) > ROOM:  # most of the text differs: its beginning says enough
        return lead, middle[:ROOM] + "…", ""
    tail = text[stop : stop + CONTEXT] + ("…" if stop + CONTEXT < len(text) else "")
    return lead, middle, tail


def _marked(parts: tuple[str, str, str]) -> Text:
    from rich.text import Text

    lead, middle, tail = parts
    return Text.assemble(lead, (middle, "bold yellow"), tail)


def show(result: Comparison, console: Console) -> None:
    """Print every table of the comparison, then one summary line (data is never markup)."""
    from rich.text import Text

    console.print(Text.assemble(("A  ", "bold"), result.before.name), soft_wrap=True)
    console.print(Text.assemble(("B  ", "bold"), result.after.name), soft_wrap=True)
    for heading, table in _figures(result):
        console.print(Text(heading, "italic"), soft_wrap=True)  # the caption, never wrapped
        console.print(table)
    for table in (_documents(result), _texts(result), _sections(result)):
        if table.row_count:
            console.print(table)
    if result.inputs:
        console.print(_table("Inputs that differ", ("input file", ""), result.inputs))
    console.print(Text(result.summary), soft_wrap=True)


def _table(title: str, columns: tuple[str, ...], rows: list) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(*columns, title=title or None)
    for row in rows:
        table.add_row(*(cell if isinstance(cell, Text) else Text(str(cell)) for cell in row))
    return table


def _figures(result: Comparison) -> list[tuple[str, Table]]:
    """One table per report table whose figures changed, under its section and caption.

    The caption once above its rows, not repeated in a column on each row:
    a reader scans a table's figures as the report shows them.
    """
    groups: dict[tuple[str, str], list[tuple]] = {}
    for f in result.figures:
        row = (f.item, wording.number(f.before), wording.number(f.after), f.change)
        groups.setdefault((f.section, f.table), []).append(row)
    columns = ("figure", "A", "B", "change")
    return [
        (f"Figures that changed in {section}: {caption}", _table("", columns, rows))
        for (section, caption), rows in groups.items()
    ]


def _documents(result: Comparison) -> Table:
    from rich.text import Text

    rows = [(Text("+ added", "green"), n, s) for n, s in result.added.items()]
    rows += [(Text("− removed", "red"), n, s) for n, s in result.removed.items()]
    return _table("Documents cited", ("", "document", "section"), rows)


def _texts(result: Comparison) -> Table:
    from rich.text import Text

    rows = []
    for t in result.texts:
        if t.kind == "figure":
            rows.append((t.section, t.what, t.before or "—", t.after or "—"))
            continue
        a, b = excerpts(t.before, t.after)
        before = _marked(a) if t.before else Text("—")
        rows.append((t.section, t.what, before, _marked(b) if t.after else Text("—")))
    return _table("Texts that changed", ("section", "where", "A", "B"), rows)


def _sections(result: Comparison) -> Table:
    from rich.text import Text

    rows = [
        (
            s.section,
            s.before,
            s.after,
            Text("changed", "yellow") if s.code_changed else "same",
            s.changes,
        )
        for s in result.sections
    ]
    return _table("Sections", ("section", "A", "B", "code", "changes"), rows)
