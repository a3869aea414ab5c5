"""Characters in data cells that the report cannot print as written.

Two kinds, both found before any section runs so the message names the cell:

- a character the bundled report font has no glyph for (the renderer would
  draw a box or another face; :mod:`reportbook.rendering.fonts` owns the
  font's character map and the check, reused here, not copied);
- a bidirectional control (U+202A–U+202E, U+2066–U+2069): invisible in a
  spreadsheet, it makes the PDF print the rest of the text reversed. It is
  rejected rather than stripped, so the data and the report never disagree.

Only the characters of each column's distinct values are looked up, so the
check costs a few milliseconds on the 40.000 dossiers.
"""

from __future__ import annotations

import unicodedata

from .problems import Problem
from .schema import Table
from .tabular import RawTable

BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' — a character named without printing it."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'a control character')}"


def character_problems(raw: RawTable, table: Table) -> list[Problem]:
    """Every declared cell holding a bidi control or a character the report font lacks."""
    found = []
    for name in table.column_names:
        if name not in raw.frame.columns:
            continue
        values = raw.frame[name]
        if _printable_ascii(values):
            continue  # every font has it; ids of a million records are checked in C
        bad = _unprintable(set("".join(values.unique())))
        if not bad:
            continue
        hit = values.map(lambda v, bad=bad: not bad.keys().isdisjoint(v))
        for row, value in values[hit.astype(bool)].items():
            first = next(c for c in value if c in bad)
            found.append(raw.problem(row, name, value, bad[first]))
    return sorted(found, key=lambda p: (p.row, p.column))


def _printable_ascii(values: object) -> bool:
    import pyarrow as pa
    import pyarrow.compute as pc

    cells = pa.array(values, type=pa.large_string())
    if not pc.all(pc.string_is_ascii(cells)).as_py():
        return False
    return not pc.any(pc.match_substring_regex(cells, "[\\x00-\\x1f\\x7f]")).as_py()


def _unprintable(chars: set[str]) -> dict[str, str]:
    """The rule each unprintable character breaks, keyed by the character."""
    from ..rendering.fonts import FAMILY, missing_characters

    rules = {
        c: f"contains {describe(c)}, a bidirectional control that makes the PDF print the "
        f"text reversed; delete it"
        for c in chars & BIDI_CONTROLS
    }
    for c in missing_characters("".join(sorted(chars - BIDI_CONTROLS))):
        rules[c] = (
            f"contains {describe(c)}, which the report font {FAMILY} cannot draw; "
            f"replace or delete it"
        )
    return rules
