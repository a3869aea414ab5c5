"""Reporting periods map to their Decree 09/2019 data windows."""

import datetime as dt
from itertools import pairwise

import pytest

from reportbook import ParameterError, resolve
from reportbook.periods import PERIODS

D = dt.date


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("annual", D(2022, 12, 15), D(2023, 12, 14)),
        ("h1", D(2022, 12, 15), D(2023, 6, 14)),
        ("9m", D(2022, 12, 15), D(2023, 9, 14)),
        ("q1", D(2022, 12, 15), D(2023, 3, 14)),
        ("q2", D(2023, 3, 15), D(2023, 6, 14)),
        ("q3", D(2023, 6, 15), D(2023, 9, 14)),
        ("q4", D(2023, 9, 15), D(2023, 12, 14)),
        ("m01", D(2022, 12, 15), D(2023, 1, 14)),
        ("m03", D(2023, 2, 15), D(2023, 3, 14)),
        ("m12", D(2023, 11, 15), D(2023, 12, 14)),
    ],
)
def test_window_of_each_period(period, start, end):
    result = resolve(2023, period).window
    assert (result.start, result.end) == (start, end)


def test_every_period_has_a_window_inside_the_annual_one():
    annual = resolve(2023, "annual").window
    for code in PERIODS:
        window = resolve(2023, code).window
        assert annual.start <= window.start <= window.end <= annual.end, code


def test_months_tile_the_year_without_gaps_or_overlaps():
    windows = [resolve(2023, f"m{m:02d}").window for m in range(1, 13)]
    for before, after in pairwise(windows):
        assert after.start - before.end == dt.timedelta(days=1)
    assert sum(w.days for w in windows) == resolve(2023, "annual").window.days


def test_quarters_tile_the_year():
    quarters = [resolve(2024, f"q{q}").window for q in range(1, 5)]
    assert sum(w.days for w in quarters) == resolve(2024, "annual").window.days


def test_boundaries_are_inclusive_14_and_15_december():
    annual_2023 = resolve(2023, "annual").window
    assert D(2022, 12, 14) not in annual_2023
    assert D(2022, 12, 15) in annual_2023
    assert D(2023, 12, 14) in annual_2023
    assert D(2023, 12, 15) not in annual_2023
    assert D(2023, 12, 15) in resolve(2024, "annual").window


def test_leap_year_february_is_counted():
    assert resolve(2024, "m03").window.days == 29  # 15/02/2024–14/03/2024 holds 29/02
    assert resolve(2023, "m03").window.days == 28
    assert resolve(2024, "annual").window.days == 366  # 15/12/2023–14/12/2024
    assert resolve(2023, "annual").window.days == 365


def test_previous_year_is_the_same_period_one_year_earlier():
    result = resolve(2023, "h1").previous_year
    assert (result.year, result.code) == (2022, "h1")
    assert result.window.start == D(2021, 12, 15)


@pytest.mark.parametrize(
    ("period", "label"),
    [
        ("annual", "năm 2023"),
        ("h1", "6 tháng đầu năm 2023"),
        ("9m", "9 tháng năm 2023"),
        ("q1", "quý I năm 2023"),
        ("q4", "quý IV năm 2023"),
        ("m03", "tháng 3 năm 2023"),
    ],
)
def test_labels_are_vietnamese(period, label):
    assert resolve(2023, period).label == label


def test_period_codes_are_case_insensitive():
    assert resolve("2023", " Annual ").code == "annual"


@pytest.mark.parametrize("period", ["yearly", "q5", "m13", "", "h2"])
def test_unknown_period_lists_the_valid_choices(period):
    with pytest.raises(ParameterError, match="choose one of annual, h1, 9m, q1"):
        resolve(2023, period)


@pytest.mark.parametrize("year", [0, 1999, 2100, 99999, -2023])
def test_impossible_year_is_rejected(year):
    with pytest.raises(ParameterError, match="impossible"):
        resolve(year, "annual")


@pytest.mark.parametrize("year", ["abc", "2023.5", None, "../2023"])
def test_non_numeric_year_is_rejected(year):
    with pytest.raises(ParameterError, match="whole number"):
        resolve(year, "annual")


@pytest.mark.parametrize(
    ("period", "name", "label", "kind"),
    [
        ("annual", "năm", "năm 2024", "year"),
        ("h1", "6 tháng đầu năm", "6 tháng đầu năm 2024", "half"),
        ("9m", "9 tháng", "9 tháng năm 2024", "nine_months"),
        ("q1", "quý I", "quý I năm 2024", "quarter"),
        ("q3", "quý III", "quý III năm 2024", "quarter"),
        ("m03", "tháng 3", "tháng 3 năm 2024", "month"),
        ("m12", "tháng 12", "tháng 12 năm 2024", "month"),
    ],
)
def test_a_period_has_a_name_for_sentences_and_a_label_with_its_year(period, name, label, kind):
    result = resolve(2024, period)
    assert (result.name, result.label, result.kind) == (name, label, kind)


@pytest.mark.parametrize(
    ("period", "ahead"),
    [
        ("annual", "năm 2025"),
        ("h1", "6 tháng cuối năm 2024"),
        ("9m", "3 tháng cuối năm 2024"),
        ("q1", "quý II năm 2024"),
        ("q4", "quý I năm 2025"),
        ("m03", "tháng 4 năm 2024"),
        ("m12", "tháng 1 năm 2025"),
    ],
)
def test_directions_look_ahead_to_what_follows_the_period(period, ahead):
    assert resolve(2024, period).ahead == ahead


def test_the_following_period_is_of_the_same_kind_and_its_window_starts_the_next_day():
    for code in PERIODS:
        period = resolve(2024, code)
        following = period.following
        if code in ("h1", "9m"):  # the rest of the year is not a reporting period
            assert following is None
            continue
        assert following.kind == period.kind
        assert following.window.start == period.window.end + dt.timedelta(days=1)


def test_a_window_covers_another_only_when_it_holds_every_day_of_it():
    year = resolve(2023, "annual").window
    assert year.covers(resolve(2023, "q2").window)
    assert not year.covers(resolve(2024, "m01").window)
    assert not resolve(2023, "q2").window.covers(year)


def test_windows_overlap_when_they_share_a_day():
    assert resolve(2023, "h1").window.overlaps(resolve(2023, "m06").window)
    assert not resolve(2023, "m06").window.overlaps(resolve(2023, "m07").window)
