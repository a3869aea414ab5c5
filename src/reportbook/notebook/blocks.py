"""The pieces a section displays: paragraphs, headings, tables, figures.

Each block gives Jupyter two representations of itself:

- ``text/html``: what JupyterLab shows and report.html keeps. Every value is
  escaped, so data can never inject markup. Class names (``rb-*``) are the
  contract with the stylesheet in ``templates/report``.
- ``application/vnd.reportbook.block+json`` (:data:`MIME`): the same content as
  structured data, from which report.docx is written with real Word tables and
  from which the reviewer's checks read the figures — so no renderer has to
  parse HTML back.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Container, Iterable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

import jinja2
from markupsafe import Markup, escape

from ..paths import TEMPLATES
from . import layout, lookalike, typeset

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure as MplFigure

MIME = "application/vnd.reportbook.block+json"

# Every kind of block a report records, declared once. Each needs a Word writer
# (``rendering.word.WRITERS``, checked when that module loads); the kinds drawn by
# a template (:class:`Template`) need ``templates/blocks/<kind>.html.j2`` (tested).
TEMPLATE_KINDS = ("header", "closing")
KINDS = ("paragraph", "heading", "table", "figure", *TEMPLATE_KINDS)


class TableKey(StrEnum):
    """Names of the tables whose recorded values the reviewer's checks read.

    A table passes one of these as ``key=``; an unknown key fails in the
    notebook cell that shows the table, and a check whose table is missing from
    the report fails (:func:`reportbook.rendering.checks.run`), so renaming a
    key can never silently drop a check.
    """

    DOSSIERS_BY_UNIT = "dossiers_by_unit"
    DOSSIERS_BY_FIELD = "dossiers_by_field"
    DOSSIERS_VS_PREVIOUS_YEAR = "dossiers_vs_previous_year"
    TRAINING_VS_PREVIOUS_YEAR = "training_vs_previous_year"
    SERVICES_BY_LEVEL = "services_by_level"
    SERVICES_VS_PREVIOUS_YEAR = "services_vs_previous_year"


def table_key(key: str | None) -> str | None:
    """``key`` checked against :class:`TableKey` (None stays None)."""
    if key is None:
        return None
    try:
        return TableKey(key).value
    except ValueError:
        known = ", ".join(k.value for k in TableKey)
        raise ValueError(
            f"unknown table key {key!r}; declared keys are: {known} "
            f"(reportbook.notebook.blocks.TableKey)"
        ) from None


def template_env(folder: str) -> jinja2.Environment:
    """A Jinja environment over ``templates/<folder>``: escaping on, undefined names an error."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES / folder),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


_ENV = template_env("blocks")
_ENV.filters["agency_lines"] = typeset.agency_lines


class Block:
    """Something a section shows; subclasses implement :meth:`html` and :meth:`data`."""

    def html(self) -> str:
        raise NotImplementedError

    def data(self) -> dict:
        """The block as JSON-able structured content, with its ``kind``."""
        raise NotImplementedError

    def _repr_html_(self) -> str:
        return lookalike.style() + self.html()

    def _repr_mimebundle_(
        self, include: Container[str] | None = None, exclude: Container[str] | None = None
    ) -> dict:
        """HTML that looks in JupyterLab as in the report, and the structured content."""
        return {"text/html": lookalike.style() + self.html(), MIME: self.data()}

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def keep_whole(text: str) -> Markup:
    """Escape ``text`` and wrap document numbers and hyphenated names in no-break spans."""
    return Markup("").join(
        Markup('<span class="rb-nobr">{}</span>').format(piece) if whole else escape(piece)
        for piece, whole in typeset.pieces(text)
    )


_ENV.filters["keep_whole"] = keep_whole


class Paragraph(Block):
    """A paragraph of body text; ``omits`` names the tables it is said instead of."""

    def __init__(self, text: str, css: str = "rb-p", omits: Sequence[str] = ()):
        self.text, self.css = text, css
        self.omits = [table_key(key) for key in omits]

    def html(self) -> str:
        spacing = typeset.tracking(self.text) if self.css == "rb-p" else 0.0
        style = f' style="letter-spacing: {spacing:.2f}pt"' if spacing else ""
        return f'<p class="{self.css}"{style}>{keep_whole(self.text)}</p>'

    def data(self) -> dict:
        data = {"kind": "paragraph", "text": self.text, "style": self.css}
        if self.omits:
            data["omits"] = self.omits
        return data

    def __repr__(self) -> str:
        return self.text


class Heading(Block):
    """A heading whose text depends on params (fixed ones are markdown cells)."""

    def __init__(self, text: str, level: int = 3):
        self.text, self.level = text, level

    def html(self) -> str:
        return f'<h{self.level} class="rb-h">{keep_whole(self.text)}</h{self.level}>'

    def data(self) -> dict:
        return {"kind": "heading", "text": self.text, "level": self.level}

    def __repr__(self) -> str:
        return self.text


class Group(Block):
    """Several blocks shown as one output."""

    def __init__(self, blocks: Iterable[Block]):
        self.blocks = list(blocks)

    def html(self) -> str:
        return "\n".join(b.html() for b in self.blocks)

    def data(self) -> dict:
        return {"kind": "group", "blocks": [b.data() for b in self.blocks]}

    def __repr__(self) -> str:
        return "\n\n".join(repr(b) for b in self.blocks)


class Table(Block):
    """A numbered table with a caption; ``groups`` heads its columns in groups.

    ``groups`` is :func:`reportbook.notebook.layout.header_rows`'s: pairs of
    (label, span), or (label, [pairs]) for groups within groups.

    ``key`` names the table for the reviewer's checks and ``values`` carries
    its unformatted numbers ({row: {column: number}}), which the checks verify.
    """

    def __init__(
        self,
        frame: pd.DataFrame,
        caption: str,
        *,
        groups: Sequence[tuple[str, int | Sequence]] | None = None,
        css: str = "rb-table",
        first_column_left: bool = True,
        total_row: bool = False,
        key: str | None = None,
        values: dict | None = None,
    ):
        self.frame, self.caption, self.groups, self.css = frame, caption, groups, css
        self.first_column_left = first_column_left
        self.total_row = total_row
        self.key, self.values = table_key(key), values

    def data(self) -> dict:
        return {
            "kind": "table",
            "caption": self.caption,
            "key": self.key,
            "columns": [str(c) for c in self.frame.columns],
            "rows": self._rows(),
            "groups": _as_lists(self.groups) if self.groups else None,
            "total_row": self.total_row,
            "values": self.values,
        }

    def html(self) -> str:
        columns, rows = [str(c) for c in self.frame.columns], self._rows()
        header = layout.header_rows(columns, self.groups)
        total = layout.table_width_mm(columns)
        widths = layout.column_widths(header, rows, total)
        return _ENV.get_template("table.html.j2").render(
            caption=typeset.caption(self.caption),
            header=header,
            widths=[f"{w / total * 100:.2f}" for w in widths],
            rows=rows,
            css=self.css + (" rb-wide" if layout.is_wide(columns) else ""),
            first_left=self.first_column_left,
            total_row=self.total_row,
        )

    def _rows(self) -> list[list[str]]:
        return [[str(v) for v in row] for row in self.frame.itertuples(index=False)]

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=False)}"


def _as_lists(groups: Sequence) -> list:
    """Nested header groups as JSON lists: [label, span] or [label, [groups...]]."""
    return [[label, spec if isinstance(spec, int) else _as_lists(spec)] for label, spec in groups]


class Figure(Block):
    """A matplotlib figure embedded as a PNG, so the report opens offline."""

    def __init__(self, fig: MplFigure, caption: str, dpi: int = 150):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
        self.png = base64.b64encode(buffer.getvalue()).decode("ascii")
        self.caption = caption
        import matplotlib.pyplot as plt

        plt.close(fig)

    def html(self) -> str:
        return (
            f'<figure class="rb-figure"><img alt="{escape(self.caption)}" '
            f'src="data:image/png;base64,{self.png}"/>'
            f"<figcaption>{escape(typeset.caption(self.caption))}</figcaption></figure>"
        )

    def data(self) -> dict:
        return {"kind": "figure", "caption": self.caption, "png": self.png}

    def __repr__(self) -> str:
        return f"[{self.caption}]"


class Template(Block):
    """A block drawn by a template in templates/blocks (header, closing)."""

    def __init__(self, name: str, **values):
        if name not in TEMPLATE_KINDS:
            raise ValueError(
                f"no block template {name!r}; templates are: {', '.join(TEMPLATE_KINDS)}"
            )
        self.name, self.values = name, values

    def html(self) -> str:
        return _ENV.get_template(f"{self.name}.html.j2").render(**self.values)

    def data(self) -> dict:
        return {"kind": self.name, **self.values}
