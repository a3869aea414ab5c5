"""Line breaks a typesetter would accept, decided once for the HTML, the PDF and Word.

Four rules, each applied by both renderers (the HTML's spans and styles, the
Word file's non-breaking hyphens and character spacing):

- **Nothing breaks inside a document or form number** ("3118/QĐ-UBND",
  "Biểu 06/VPCP/KSTT") **or a hyphenated name** ("LĐ-TB&XH", "COVID-19"):
  :func:`pieces` marks them, and the renderers keep them whole.
- **No line is stretched to gaping spaces.** Justified text breaks greedily;
  when a long unbreakable number follows a short word, the line above keeps
  too few words and its spaces open up. The remedy typists of official
  documents use in Word is to condense the paragraph's character spacing a
  little (at most 0,5 pt) so the number fits above. :func:`tracking` finds
  that spacing by laying the paragraph out with the report font's own advance
  widths and kerning (Liberation Serif, metric-compatible with Times New
  Roman, so Word and LibreOffice break the lines the same way).
- **No caption leaves a word alone on its last line**: :func:`caption`
  binds its last two words with a non-breaking space, the typesetter's
  remedy, so a caption that wraps carries at least two words over.
- **The agency's name breaks between its parts** ("SỞ LAO ĐỘNG - THƯƠNG BINH /
  VÀ XÃ HỘI"), never inside a word pair such as "THƯƠNG BINH":
  :func:`name_lines`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..paths import FONT_DIR

# A document number and symbol ("3118/QĐ-UBND", "20/2023/QĐ-UBND", "20-CT/TW"):
# never split across lines, or a reader (and pdftotext) sees "QĐ-" and "UBND" apart.
NUMBER_SYMBOL = re.compile(r"\b\d+[\w.]*(?:[/-][\w&.]+)*/[\w&.]+(?:-[\w&.]+)*")
# Words joined by hyphens without spaces: abbreviations and names ("LĐ-TB&XH").
_HYPHENATED = r"\b\w[\w&.]*(?:-[\w&.]*\w)+"
UNBREAKABLE = re.compile(f"{NUMBER_SYMBOL.pattern}|{_HYPHENATED}")

# The page the text is set on (Decree 30: A4, left 30 mm, right 15 mm; 14 pt
# body with a 1 cm first-line indent), shared with the stylesheet and Word.
TEXT_WIDTH_MM = 210 - 30 - 15
INDENT_MM = 10
BODY_PT = 14.0
PT_PER_MM = 72 / 25.4
# The Decree 30 header's columns (report.css and the Word header use the same).
# In 13 pt bold "SỞ LAO ĐỘNG - THƯƠNG BINH" is 69 mm and "CỘNG HÒA XÃ HỘI CHỦ
# NGHĨA VIỆT NAM" 95 mm: together they fill the 165 mm text width, so the
# header starts 7 mm into the left margin, as office templates set it, to keep
# the two columns apart.
HEADER_OUTDENT_MM = 7
HEADER_LEFT_MM, HEADER_RIGHT_MM = 75, TEXT_WIDTH_MM + HEADER_OUTDENT_MM - 75
AGENCY_PT = 13
GAPING = 1.5  # extra space per gap, in natural spaces, from which a line gapes
TIGHT = 1.0  # what condensing aims for
MAX_CONDENSE_PT = 0.5
LEEWAY_PT = 3.0
_STEP_PT = 0.05


NBSP = "\u00a0"


def caption(text: str) -> str:
    """``text`` with its last two words bound by a non-breaking space.

    The space is the last ordinary one, so a caption that ends in a date or a
    document number ("đến ngày 14/12/2023") keeps that number with the word
    before it; a one-word caption is returned as it is.
    """
    head, space, last = text.rstrip().rpartition(" ")
    return f"{head.rstrip()}{NBSP}{last}" if space and head.strip() else text


def pieces(text: str) -> Iterator[tuple[str, bool]]:
    """``text`` cut into ``(piece, keep_whole)``: numbers and hyphenated names whole."""
    last = 0
    for match in UNBREAKABLE.finditer(text):
        if match.start() > last:
            yield text[last : match.start()], False
        yield match.group(), True
        last = match.end()
    if last < len(text):
        yield text[last:], False


class Metrics:
    """Advance widths and pair kerning of one face of the report font, in points."""

    def __init__(self, filename: str):
        from fontTools.ttLib import TTFont

        with TTFont(FONT_DIR / filename, lazy=True) as font:
            self._cmap = font.getBestCmap()
            self._advance = {name: adv for name, (adv, _) in font["hmtx"].metrics.items()}
            self._kern: dict[tuple[str, str], int] = {}
            if "kern" in font:
                for table in font["kern"].kernTables:
                    self._kern.update(table.kernTable)
            self._units = font["head"].unitsPerEm

    def width(self, text: str, size: float) -> float:
        """The width of ``text`` set at ``size`` points, kerned."""
        names = [self._cmap.get(ord(c), ".notdef") for c in text]
        units = sum(self._advance.get(n, 0) for n in names)
        units += sum(self._kern.get(pair, 0) for pair in zip(names, names[1:], strict=False))
        return units * size / self._units


@cache
def metrics(bold: bool = False) -> Metrics:
    return Metrics("LiberationSerif-Bold.ttf" if bold else "LiberationSerif-Regular.ttf")


def _slack(
    words: list[str], widths: list[float], space: float, spacing: float, wider: float
) -> list[float]:
    """Greedy line breaking of one justified paragraph: each full line's extra per gap."""
    line_width = TEXT_WIDTH_MM * PT_PER_MM + wider
    available, used, count, extras = line_width - INDENT_MM * PT_PER_MM, 0.0, 0, []
    for word, width in zip(words, widths, strict=True):
        grown = used + (space + spacing if count else 0.0) + width + spacing * len(word)
        if count and grown > available:
            if count > 1:
                extras.append((available - used) / (count - 1))
            available, grown, count = line_width, width + spacing * len(word), 0
        used, count = grown, count + 1
    return extras  # the last line is not justified


def looseness(text: str, spacing: float = 0.0, size: float = BODY_PT) -> float:
    """How far the paragraph's justified lines open their spaces: the worst extra, in spaces.

    The worst of three layouts, on the text width and :data:`LEEWAY_PT`
    narrower and wider: WeasyPrint, LibreOffice and Word measure a line a
    little differently, and a word that only just fits in one may not in another.
    """
    face = metrics()
    words = [w for w in text.split(" ") if w]
    widths = [face.width(w, size) for w in words]
    space = face.width(" ", size)
    extras = [
        extra
        for wider in (-LEEWAY_PT, 0.0, LEEWAY_PT)
        for extra in _slack(words, widths, space, spacing, wider)
    ]
    return max(extras, default=0.0) / space


def tracking(text: str, size: float = BODY_PT) -> float:
    """Character spacing (points, zero or negative) that keeps the paragraph's lines tight.

    Zero unless a line gapes (spaces :data:`GAPING` wider than natural);
    then the least condensing that brings every line within :data:`TIGHT`,
    or, if none does within :data:`MAX_CONDENSE_PT`, the one that leaves the
    narrowest worst gap (zero if condensing does not help at all).
    """
    loose = looseness(text, 0.0, size)
    if loose <= GAPING:
        return 0.0
    steps = round(MAX_CONDENSE_PT / _STEP_PT)
    trials = [(looseness(text, -k * _STEP_PT, size), k) for k in range(1, steps + 1)]
    tight = [k for worst, k in trials if worst <= TIGHT]
    worst, best = (0.0, tight[0]) if tight else min(trials)
    return round(-best * _STEP_PT, 2) if worst < loose else 0.0


def name_lines(name: str, width_mm: float, size: float, bold: bool = True) -> list[str]:
    """``name`` as the lines a header column ``width_mm`` wide shows it in.

    One line when it fits. Otherwise two, broken where Vietnamese agency names
    are broken on official headers: before "VÀ" if the first line then fits,
    else after a " - " or ", "; each time with the longest first line that
    fits ("SỞ LAO ĐỘNG - THƯƠNG BINH / VÀ XÃ HỘI"), so no word pair such as
    "THƯƠNG BINH" is torn apart. A name with no such joint is left to wrap.
    """
    face, limit = metrics(bold), width_mm * PT_PER_MM
    if face.width(name, size) <= limit:
        return [name]
    for joint in (r" (?=VÀ |và )", r"(?<= -) |(?<=,) "):
        splits = [(name[: m.start()], name[m.end() :]) for m in re.finditer(joint, name)]
        fitting = [s for s in splits if all(face.width(line, size) <= limit for line in s)]
        if fitting:
            return list(max(fitting, key=lambda s: len(s[0])))
    return [name]


def agency_lines(name: str) -> list[str]:
    """The issuing agency's name (upper case) as the header's left column shows it."""
    return name_lines(name, HEADER_LEFT_MM, AGENCY_PT)
