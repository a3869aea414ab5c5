"""How a table is laid out, decided once for the HTML, the PDF and Word.

- **Header rows** from the table's ``groups``, to any depth, so Biểu
  06/VPCP/KSTT keeps the form's own structure: "Số hồ sơ nhận giải quyết" over
  "Tổng số" and two "Trong đó" groups (Trực tuyến | Trực tiếp, bưu chính and
  Kỳ trước chuyển sang | Mới tiếp nhận), so no reader adds parts to wholes.
- **Orientation**: a table of more than :data:`WIDE_COLUMNS` columns is set on
  a landscape page (Decree 30 allows it for wide tables), at 11 pt, rather than
  shrunk until its headings stack one word per line.
- **Column widths** from the font's own metrics: no word of a heading or cell
  is broken, and the room left goes to the columns whose text wraps.
"""

from __future__ import annotations

from collections.abc import Sequence

from .typeset import PT_PER_MM, TEXT_WIDTH_MM, Metrics, metrics

TABLE_PT = 11.0
WIDE_COLUMNS = 8
LANDSCAPE_WIDTH_MM = 297 - 30 - 15
HEADING_LINES = 3
CELL_PADDING_PT = 8.0  # left + right, as report.css and the Word cell margins set it

# One header cell: (label, columns it spans, header rows it spans).
Cell = tuple[str, int, int]


def is_wide(columns: Sequence[str]) -> bool:
    return len(columns) > WIDE_COLUMNS


def table_width_mm(columns: Sequence[str]) -> float:
    return LANDSCAPE_WIDTH_MM if is_wide(columns) else TEXT_WIDTH_MM


def header_rows(columns: Sequence[str], groups: Sequence | None) -> list[list[Cell]]:
    """The header as rows of cells, top to bottom.

    ``groups`` lists ``(label, spec)`` left to right: ``spec`` 1 is one column
    headed ``label`` over every header row; ``spec`` n > 1 heads the next n
    columns, each under its own name; a list of such pairs nests groups.
    Without groups, one row of the column names.
    """
    if not groups:
        return [[(str(c), 1, 1) for c in columns]]
    names = iter(columns)

    def tree(entries: Sequence) -> list[tuple[str, list]]:
        nodes: list[tuple[str, list]] = []
        for label, spec in entries:
            if isinstance(spec, int):
                taken = [str(next(names)) for _ in range(spec)]
                nodes.append((label, [] if spec == 1 else [(c, []) for c in taken]))
            else:
                nodes.append((label, tree(spec)))
        return nodes

    nodes = tree(groups)
    if next(names, None) is not None:
        raise ValueError(f"the table's groups cover fewer than its {len(columns)} columns")
    rows: list[list[Cell]] = [[] for _ in range(_depth(nodes))]
    for node in nodes:
        _place(node, 0, rows)
    return rows


def _depth(nodes: list[tuple[str, list]]) -> int:
    return max(1 + (_depth(children) if children else 0) for _, children in nodes)


def _place(node: tuple[str, list], level: int, rows: list[list[Cell]]) -> int:
    label, children = node
    if not children:
        rows[level].append((label, 1, len(rows) - level))
        return 1
    span = sum(_place(child, level + 1, rows) for child in children)
    rows[level].append((label, span, 1))
    return span


def positioned(header: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """Every header cell with its row and first column (rows above may span down)."""
    width = sum(span for _, span, _ in header[0])
    filled = [[False] * width for _ in header]
    placed = []
    for level, row in enumerate(header):
        column = 0
        for cell in row:
            while filled[level][column]:  # under a cell of a row above that spans down
                column += 1
            _, span, down = cell
            for lower in filled[level : level + down]:
                lower[column : column + span] = [True] * span
            placed.append((level, column, cell))
            column += span
    return placed


def leaf_labels(header: list[list[Cell]]) -> list[list[str]]:
    """Each column's own heading texts: those of the header cells one column wide."""
    labels: list[list[str]] = [[] for _ in range(sum(span for _, span, _ in header[0]))]
    for _, column, (label, span, _) in positioned(header):
        if span == 1:
            labels[column].append(label)
    return labels


def column_widths(header: list[list[Cell]], rows: list[list[str]], total_mm: float) -> list[float]:
    """Column widths (mm) that never break a word and give long text the room left.

    Every column gets at least its longest word (headings and cells counted
    bold, as the total row is), and the columns under a group heading a share
    of that heading on one line. A column wishes for its cells on one line
    and its heading on at most :data:`HEADING_LINES` lines; the rest of
    ``total_mm`` goes to the columns short of their wish, in proportion to
    what they lack, and what is left after that to every column in
    proportion to its wish.
    """
    bold, pad = metrics(True), CELL_PADDING_PT
    own = leaf_labels(header)
    body = [[row[c] for row in rows] for c in range(len(own))]
    least = [_longest_word(h + b, bold) + pad for h, b in zip(own, body, strict=True)]
    for _, column, (label, span, _) in positioned(header):
        if span > 1:  # a group heading on one line over its columns
            share = (_longest_line([label], bold) + pad) / span
            least[column : column + span] = [max(m, share) for m in least[column : column + span]]
    wish = [
        max(m, _longest_line(b, bold) + pad, *(_fit(h, bold, HEADING_LINES) + pad for h in heads))
        for heads, b, m in zip(own, body, least, strict=True)
    ]
    total = total_mm * PT_PER_MM
    room, want = total - sum(least), sum(wish) - sum(least)
    if room <= 0:
        widths = [m * total / sum(least) for m in least]
    elif want > room:
        widths = [m + (w - m) / want * room for w, m in zip(wish, least, strict=True)]
    else:
        widths = [w * total / sum(wish) for w in wish]
    return [round(w / PT_PER_MM, 2) for w in widths]


def _longest_word(texts: list[str], face: Metrics) -> float:
    return max((face.width(w, TABLE_PT) for t in texts for w in t.split()), default=0.0)


def _longest_line(texts: list[str], face: Metrics) -> float:
    return max((face.width(t, TABLE_PT) for t in texts), default=0.0)


def _fit(text: str, face: Metrics, lines: int) -> float:
    """The narrowest width at which ``text`` wraps into at most ``lines`` lines."""
    words = [face.width(w, TABLE_PT) for w in text.split()]
    space = face.width(" ", TABLE_PT)
    low, high = max(words, default=0.0), sum(words) + space * max(len(words) - 1, 0)
    for _ in range(24):
        middle = (low + high) / 2
        low, high = (middle, high) if _wrapped(words, space, middle) > lines else (low, middle)
    return high


def _wrapped(words: list[float], space: float, width: float) -> int:
    count, used = 1, -space
    for word in words:
        if used + space + word > width and used > 0:
            count, used = count + 1, word
        else:
            used += space + word
    return count
