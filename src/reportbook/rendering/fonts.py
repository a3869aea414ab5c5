"""The report font: bundled Liberation Serif, and a check that it covers the text.

A renderer that meets a character its font lacks silently draws it in
another face or as a box. Checking the text against the font's character map
first turns that into an error that names the characters.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from ..errors import GlyphCoverageError
from ..paths import FONT_DIR

FAMILY = "Liberation Serif"
FACES = {
    ("normal", "normal"): "LiberationSerif-Regular.ttf",
    ("bold", "normal"): "LiberationSerif-Bold.ttf",
    ("normal", "italic"): "LiberationSerif-Italic.ttf",
    ("bold", "italic"): "LiberationSerif-BoldItalic.ttf",
}
# Characters that are layout, not glyphs: never drawn, never looked up.
_INVISIBLE = {"\n", "\r", "\t", "\u200b", "\ufeff", "\u00ad"}
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng
_PUNCTUATION = "\u00a0–—‘’“”…•·°§№«»×÷±≤≥"


def _repertoire() -> str:
    """Printable ASCII, every Vietnamese letter in both cases, and the typists' punctuation."""
    letters = {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES} | {"đ"}
    letters |= {c.upper() for c in letters}
    return "".join(sorted(set(map(chr, range(0x20, 0x7F))) | letters | set(_PUNCTUATION)))


# What an embedded font subset always holds (see render.font_face_css): a report's
# characters almost always fall inside it, so one subset serves every report.
REPERTOIRE = _repertoire()


def font_files() -> list[Path]:
    return [FONT_DIR / name for name in FACES.values()]


@cache
def covered(path: Path) -> frozenset[int]:
    """Code points the font at ``path`` maps to a glyph."""
    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_characters(text: str, paths: list[Path] | None = None) -> list[str]:
    """Characters of ``text`` (NFC) that any of the fonts lacks, sorted."""
    chars = set(unicodedata.normalize("NFC", text)) - _INVISIBLE
    missing: set[str] = set()
    for path in paths or font_files():
        missing |= {c for c in chars if ord(c) not in covered(path)}
    return sorted(missing)


def check_coverage(text: str, paths: list[Path] | None = None) -> None:
    """Raise GlyphCoverageError naming every character the report font cannot draw."""
    missing = missing_characters(text, paths)
    if missing:
        names = ", ".join(f"{c!r} U+{ord(c):04X} {unicodedata.name(c, 'UNNAMED')}" for c in missing)
        raise GlyphCoverageError(
            f"the report font {FAMILY} has no glyph for {len(missing)} character(s): "
            f"{names}. Replace them in the data or params, or use a font that covers them."
        )


def register_with_matplotlib() -> str:
    """Make matplotlib draw with the report font; return the family name."""
    from matplotlib import font_manager

    for path in font_files():
        font_manager.fontManager.addfont(str(path))
    return FAMILY
