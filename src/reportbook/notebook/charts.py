"""Charts of the report, drawn with matplotlib in the report font.

Labels are Vietnamese, numbers use Vietnamese separators, and the figures
are sized for an A4 text column (16 cm wide).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from ..rendering.fonts import register_with_matplotlib  # noqa: E402
from . import formatting  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN = 16 / 2.54
COLOURS = ["#1f4e79", "#c55a11", "#548235", "#7f6000"]


def _style() -> None:
    family = register_with_matplotlib()
    plt.rcParams.update(
        {
            "font.family": family,
            "font.size": 10,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.fonttype": "none",
        }
    )


def _thousands(ax: Axes, axis: str = "y") -> None:
    fmt = FuncFormatter(lambda v, _pos: formatting.number(v))
    (ax.yaxis if axis == "y" else ax.xaxis).set_major_formatter(fmt)


def monthly_dossiers(monthly: pd.DataFrame, title: str) -> Figure:
    """Bars of new and resolved dossiers per reporting month."""
    _style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 3.2))
    x = range(len(monthly))
    ax.bar([i - 0.2 for i in x], monthly["new"], 0.4, label="Tiếp nhận mới", color=COLOURS[0])
    ax.bar([i + 0.2 for i in x], monthly["resolved"], 0.4, label="Đã giải quyết", color=COLOURS[1])
    ax.set_xticks(list(x), monthly.index, rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("Số hồ sơ")
    ax.set_title(title, fontsize=11)
    ax.legend(frameon=False)
    _thousands(ax)
    fig.tight_layout()
    return fig


def dossiers_by_field(counts: pd.Series, title: str) -> Figure:
    """Horizontal bars of dossiers received per field, largest first."""
    _style()
    counts = counts.sort_values()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 0.45 * len(counts) + 1.2))
    bars = ax.barh(counts.index, counts.values, color=COLOURS[0])
    ax.bar_label(bars, labels=[formatting.number(v) for v in counts.values], padding=3, fontsize=9)
    ax.set_xlabel("Số hồ sơ tiếp nhận")
    ax.set_title(title, fontsize=11)
    ax.set_xscale("log")
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: formatting.number(v)))
    fig.tight_layout()
    return fig


def services_by_level(levels: dict[str, int], title: str) -> Figure:
    """Bars of procedures per online-service level."""
    _style()
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 2.8))
    names, values = list(levels), list(levels.values())
    bars = ax.bar(names, values, color=COLOURS[: len(names)], width=0.55)
    ax.bar_label(bars, labels=[formatting.number(v) for v in values], padding=3)
    ax.set_ylabel("Số thủ tục hành chính")
    ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig
