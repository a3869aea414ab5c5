"""The data's coverage is computed from its records, and decides what a report compares."""

import datetime as dt

import pandas as pd
import pytest

from reportbook.inputs.loading import Dataset
from reportbook.periods import Window, resolve
from reportbook.stats import coverage

from ..conftest import ROOT

D = dt.date


def _dossiers(*rows):
    frame = pd.DataFrame(rows, columns=["received_on", "resolved_on"])
    return frame.apply(pd.to_datetime, format="%d/%m/%Y")


def test_the_span_runs_from_the_first_receipt_to_the_last_receipt_or_resolution():
    frame = _dossiers(
        ("03/01/2022", "20/01/2022"), ("10/01/2022", None), ("05/01/2022", "30/01/2022")
    )
    assert coverage.span(frame) == Window(D(2022, 1, 3), D(2022, 1, 30))


def test_open_dossiers_end_the_span_at_the_last_receipt():
    frame = _dossiers(("03/01/2022", None), ("10/01/2022", None))
    assert coverage.span(frame) == Window(D(2022, 1, 3), D(2022, 1, 10))


def test_no_dossiers_cover_nothing():
    assert coverage.span(_dossiers()) is None
    assert coverage.extent(None, resolve(2023, "q1").window) == coverage.NONE


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("q1", coverage.FULL),  # 15/12/2022–14/03/2023 lies inside the data
        ("m06", coverage.PARTIAL),  # 15/05–14/06/2023: the data ends on 31/05
        ("m07", coverage.NONE),  # 15/06–14/07/2023: after the data
    ],
)
def test_extent_says_how_much_of_a_window_the_data_covers(period, expected):
    data = Window(D(2022, 11, 1), D(2023, 5, 31))
    assert coverage.extent(data, resolve(2023, period).window) == expected


def test_the_fast_read_of_the_shipped_dossiers_gives_the_span_of_the_validated_table():
    dataset = Dataset(ROOT / "data")
    fast = coverage.dossier_span(ROOT / "data", load=lambda: pytest.fail("CSV needs no load"))
    assert fast == coverage.span(dataset.table("dossiers"))


def test_an_excel_export_is_read_through_the_report_loader(tmp_path):
    (tmp_path / "dossiers.xlsx").write_bytes(b"")  # the loader is asked, not openpyxl
    frame = _dossiers(("15/12/2022", "20/12/2022"))
    assert coverage.dossier_span(tmp_path, load=lambda: frame) == coverage.span(frame)
