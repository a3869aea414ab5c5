"""Reporting periods and their data windows (Decree 09/2019/NĐ-CP).

A periodic report does not cover calendar months: it covers a data cut-off
window running from the 15th of one month to the 14th of a later one, both
ends inclusive. The year's first window starts on 15/12 of the previous year,
so the annual 2023 report covers 15/12/2022–14/12/2023.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .errors import ParameterError

MIN_YEAR, MAX_YEAR = 2000, 2099
CUTOFF_DAY = 14  # a window ends on the 14th and the next starts on the 15th

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# period code -> (first month, last month) in the window's own year;
# month 0 stands for December of the previous year.
_SPANS: dict[str, tuple[int, int]] = {
    "annual": (0, 12),
    "h1": (0, 6),
    "9m": (0, 9),
    "q1": (0, 3),
    "q2": (3, 6),
    "q3": (6, 9),
    "q4": (9, 12),
    **{f"m{m:02d}": (m - 1, m) for m in range(1, 13)},
}
PERIODS: tuple[str, ...] = tuple(_SPANS)


def _name(period: str) -> str:
    """The period's name as a sentence says it without the year: 'quý I', '9 tháng'."""
    if period == "annual":
        return "năm"
    if period == "h1":
        return "6 tháng đầu năm"
    if period == "9m":
        return "9 tháng"
    if period.startswith("q"):
        return f"quý {ROMAN[int(period[1])]}"
    return f"tháng {int(period[1:])}"


# What a period is, for texts that differ between a month's report and a year's.
_KINDS = {"annual": "year", "h1": "half", "9m": "nine_months", "q": "quarter", "m": "month"}


@dataclass(frozen=True)
class Window:
    """The inclusive date range a report covers."""

    start: dt.date
    end: dt.date

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def covers(self, other: Window) -> bool:
        """Whether every day of ``other`` lies in this window."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Window) -> bool:
        """Whether some day lies in both windows."""
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True)
class Period:
    """A validated (year, period) pair and what follows from it."""

    year: int
    code: str

    @property
    def window(self) -> Window:
        first, last = _SPANS[self.code]
        return Window(_month_start(self.year, first), _month_end(self.year, last))

    @property
    def previous_year(self) -> Period:
        """The same period one year earlier, for comparisons."""
        return resolve(self.year - 1, self.code)

    @property
    def label(self) -> str:
        """'năm 2023', '6 tháng đầu năm 2023', 'quý I năm 2023', 'tháng 3 năm 2023'."""
        name = self.name
        return f"{name} {self.year}" if name.endswith("năm") else f"{name} năm {self.year}"

    @property
    def name(self) -> str:
        """The period's name without the year, as in 'Trong quý I (từ ... đến ...)'."""
        return _name(self.code)

    @property
    def kind(self) -> str:
        """'year', 'half', 'nine_months', 'quarter' or 'month'."""
        return _KINDS.get(self.code) or _KINDS[self.code[0]]

    @property
    def is_annual(self) -> bool:
        return self.code == "annual"

    @property
    def following(self) -> Period | None:
        """The next period of the same kind (quý IV -> quý I of the next year).

        None for the first half and the nine months: what follows them (the
        last six or three months of the year) is not a reporting period.
        """
        for sequence in _SEQUENCES:
            if self.code in sequence:
                after = sequence.index(self.code) + 1
                rolls_over = after == len(sequence)
                year = self.year + 1 if rolls_over else self.year
                return Period(year, sequence[after % len(sequence)])
        return None

    @property
    def ahead(self) -> str:
        """What the directions look ahead to: 'quý II năm 2023', '6 tháng cuối năm 2023'."""
        if self.code == "h1":
            return f"6 tháng cuối năm {self.year}"
        if self.code == "9m":
            return f"3 tháng cuối năm {self.year}"
        return self.following.label


# Periods that follow one another, each sequence wrapping into the next year.
_SEQUENCES = (("annual",), ("q1", "q2", "q3", "q4"), tuple(f"m{m:02d}" for m in range(1, 13)))


def _month_start(year: int, month: int) -> dt.date:
    """The 15th that opens a window; month 0 is December of year - 1."""
    if month == 0:
        return dt.date(year - 1, 12, CUTOFF_DAY + 1)
    return dt.date(year, month, CUTOFF_DAY + 1)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, CUTOFF_DAY)


def resolve(year: int | str, period: str) -> Period:
    """Validate ``year`` and ``period`` and return the :class:`Period`.

    Raises :class:`ParameterError` naming the valid choices, before anything
    runs, so a typo never produces a half-built report.
    """
    return Period(_check_year(year), _check_period(period))


def _check_year(year: int | str) -> int:
    try:
        value = int(str(year).strip())
    except ValueError:
        raise ParameterError(f"year must be a whole number such as 2023, not {year!r}") from None
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise ParameterError(
            f"year {value} is impossible: choose a year from {MIN_YEAR} to {MAX_YEAR}"
        )
    return value


def _check_period(period: str) -> str:
    code = str(period).strip().lower()
    if code not in _SPANS:
        raise ParameterError(f"unknown period {period!r}: choose one of {', '.join(PERIODS)}")
    return code
