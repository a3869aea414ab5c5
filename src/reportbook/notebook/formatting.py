"""Vietnamese number and date formats.

Official text groups thousands with a dot and uses a decimal comma
(13.573 hồ sơ; 98,5%) and writes small counts with a leading zero ("02 hồ
sơ"); Babel's ``vi`` locale owns those separators, so nothing here
hand-places them. Dates follow Decree 30/2020 (Appendix I) rather than a
locale pattern: day/month/year, days below 10 and the months 1 and 2 with a
leading zero, other months without (12/01/2023, 13/02/2023, 06/3/2023,
21/4/2023), as the seed report and the subjects of cited documents write them.
"""

from __future__ import annotations

import datetime as dt

from babel.numbers import format_decimal, format_percent

LOCALE = "vi"


def number(value: int | float, decimals: int = 0) -> str:
    """Format a number: 13573 -> '13.573', 98.46 with 1 decimal -> '98,5'."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def count(value: int) -> str:
    """Format a count as official text does: 2 -> '02', 1227 -> '1.227'; zero is '0'.

    Official texts pad 1 to 9 ("02 hồ sơ"), never zero: "00" reads as a typo
    in a bracket such as "(cùng kỳ năm 2022: 59, 31 và 0 thủ tục)".
    """
    if int(value) == 0:
        return "0"
    return format_decimal(int(value), format="#,#00", locale=LOCALE)


def percent(ratio: float, decimals: int = 1) -> str:
    """Format a ratio as a percentage: 0.985 -> '98,5%'."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + "%"
    return format_percent(ratio, format=pattern, locale=LOCALE)


def date(day: dt.date) -> str:
    """Format a date as Decree 30 writes it: 28/12/2022, 12/01/2023, 06/3/2023."""
    return f"{day.day:02d}/{month(day)}/{day.year}"


def month(day: dt.date) -> str:
    """The month as Decree 30 writes it: 01 and 02 padded, 3 to 12 not.

    The decree pads what a pen could turn into another date (1 into 11 or 12,
    2 into 12); "3" or "10" cannot be extended, so they stay as written.
    """
    return f"{day.month:02d}" if day.month <= 2 else str(day.month)


def signed(value: int) -> str:
    """Format a change with its sign: +12, −3 (U+2212), 0."""
    text = number(abs(value))
    return f"+{text}" if value > 0 else f"\u2212{text}" if value < 0 else text


def date_line(place: str, day: dt.date | None, year: int) -> str:
    """The place-and-date line of Decree 30/2020: 'Sóc Trăng, ngày 05 tháng 02 năm 2023'.

    Days below 10 and months 1 and 2 take a leading zero. Without a date the
    day and month are left blank for signing, as in the seed report.
    """
    if day is None:
        blank = "\u00a0" * 6  # non-breaking, so HTML keeps the room for the date
        return f"{place}, ngày{blank}tháng{blank}năm {year}"
    return f"{place}, ngày {day.day:02d} tháng {month(day)} năm {day.year}"
