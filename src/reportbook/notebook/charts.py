"""Charts of the report, drawn with matplotlib in the report font.

Labels are Vietnamese, numbers use Vietnamese separators, and the figures
are sized for an A4 text column (16 cm wide). Every value axis is linear and
starts at zero, so a bar twice as long stands for twice as many: a reader of a
printed report takes bar lengths at face value and does not look for a
logarithmic scale. Bars carry their numbers, so a short bar still reads.
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
    ax.margins(x=0.12)  # room for the largest bar's number
    _thousands(ax, "x")
    fig.tight_layout()
    return fig


def services_by_level(cross: pd.DataFrame, labels_42: dict[str, str], title: str) -> Figure:
    """Bars of procedures in force per Decree 42 level, its legacy levels named under each.

    ``cross`` is :func:`reportbook.stats.services.by_level`'s count (Decree 42
    level x legacy level); ``labels_42`` the vocabulary's names of the Decree 42
    levels, in the order the bars follow. Decree 42 is what the catalogue is
    published under now; the legacy level in brackets is what earlier reports
    (and the previous-year table) quote, so a reader can match the two.
    """
    _style()
    counts = cross.sum(axis=1)
    levels = [level for level in labels_42 if level in counts.index]
    short = _distinct_words([labels_42[level] for level in levels])
    names = [_level_label(s, cross.loc[level]) for s, level in zip(short, levels, strict=True)]
    values = [int(counts[level]) for level in levels]
    fig, ax = plt.subplots(figsize=(WIDTH_IN, 3.2))
    bars = ax.bar(names, values, color=COLOURS[: len(names)], width=0.55)
    ax.bar_label(bars, labels=[formatting.number(v) for v in values], padding=3)
    ax.set_xlabel("Mức độ theo Nghị định 42/2022/NĐ-CP (trong ngoặc: mức độ cũ)")
    ax.set_ylabel("Số thủ tục hành chính")
    ax.set_title(title, fontsize=11)
    ax.margins(y=0.15)
    _thousands(ax)
    fig.tight_layout()
    return fig


def _distinct_words(names: list[str]) -> list[str]:
    """Each name without the leading words it shares with another ("Dịch vụ công trực tuyến")."""
    split = [name.split() for name in names]
    result = []
    for i, words in enumerate(split):
        shared = max(
            (_common_prefix(words, other) for j, other in enumerate(split) if j != i), default=0
        )
        rest = words[shared:] if shared < len(words) else words
        text = " ".join(rest)
        result.append(text[:1].upper() + text[1:])
    return result


def _common_prefix(a: list[str], b: list[str]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _level_label(name: str, legacy: pd.Series) -> str:
    """A Decree 42 level's name, then the legacy levels its procedures had."""
    held = sorted((int(level) for level, n in legacy.items() if n), reverse=True)
    if not held:
        return name
    return f"{name}\n(mức độ {', '.join(str(level) for level in held)} cũ)"
