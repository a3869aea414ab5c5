"""Numbers and dates come out in Vietnamese official format."""

import datetime as dt

import pytest

from reportbook.notebook import formatting


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (7, "7"), (1234, "1.234"), (13573, "13.573"), (1234567, "1.234.567")],
)
def test_number_groups_thousands_with_a_dot(value, expected):
    assert formatting.number(value) == expected


def test_number_uses_a_decimal_comma():
    assert formatting.number(98.456, decimals=1) == "98,5"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, "0"), (2, "02"), (7, "07"), (24, "24"), (1227, "1.227"), (11572, "11.572")],
)
def test_count_pads_1_to_9_with_a_zero_but_writes_zero_as_0(value, expected):
    assert formatting.count(value) == expected


def test_percent():
    assert formatting.percent(0.985) == "98,5%"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2022, 12, 28), "28/12/2022"),
        (dt.date(2023, 1, 12), "12/01/2023"),
        (dt.date(2023, 2, 13), "13/02/2023"),
        (dt.date(2023, 3, 6), "06/3/2023"),
        (dt.date(2023, 4, 21), "21/4/2023"),
        (dt.date(2023, 10, 2), "02/10/2023"),
    ],
)
def test_date_pads_days_below_10_and_months_1_and_2_only_as_decree_30_does(day, expected):
    assert formatting.date(day) == expected


def test_signed_change():
    assert [formatting.signed(v) for v in (12, -1234, 0)] == ["+12", "\u22121.234", "0"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 12, 15), "Sóc Trăng, ngày 15 tháng 12 năm 2023"),
        (dt.date(2023, 2, 5), "Sóc Trăng, ngày 05 tháng 02 năm 2023"),
        (dt.date(2023, 1, 20), "Sóc Trăng, ngày 20 tháng 01 năm 2023"),
        (dt.date(2023, 3, 9), "Sóc Trăng, ngày 09 tháng 3 năm 2023"),
    ],
)
def test_date_line_follows_decree_30(day, expected):
    assert formatting.date_line("Sóc Trăng", day, day.year) == expected


def test_date_line_without_a_date_is_left_blank_for_signing():
    result = formatting.date_line("Sóc Trăng", None, 2023)
    assert result.startswith("Sóc Trăng, ngày")
    assert result.endswith("năm 2023")
    assert not any(ch.isdigit() for ch in result[:-4])
