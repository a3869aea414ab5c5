"""Dossier statistics count records the way form Biểu 06 defines them."""

import datetime as dt

import pandas as pd
import pytest

from reportbook.periods import Window
from reportbook.stats import dossiers

WINDOW = Window(dt.date(2022, 12, 15), dt.date(2023, 12, 14))


def _frame(rows):
    frame = pd.DataFrame(
        rows, columns=["unit", "channel", "received_on", "due_on", "resolved_on", "outcome"]
    )
    for col in ("received_on", "due_on", "resolved_on"):
        frame[col] = pd.to_datetime(frame[col], format="%d/%m/%Y")
    frame["field"] = "Việc làm"
    return frame


def _stats(rows):
    return dossiers.statistics(_frame(rows), WINDOW).loc["total"].to_dict()


def test_received_before_the_window_and_open_at_its_start_is_carried_over():
    result = _stats([("A", "truc_tiep", "10/12/2022", "20/12/2022", "19/12/2022", "giai_quyet")])
    assert result["carried_over"] == 1 and result["new"] == 0 and result["received"] == 1
    assert result["resolved"] == 1 and result["early"] == 1


def test_closed_before_the_window_is_not_counted():
    result = _stats(
        [
            ("A", "truc_tiep", "01/12/2022", "10/12/2022", "14/12/2022", "giai_quyet"),
            ("A", "truc_tiep", "01/12/2022", "10/12/2022", "14/12/2022", "tra_lai"),
        ]
    )
    assert result["received"] == 0


def test_received_on_the_first_and_last_day_is_new():
    result = _stats(
        [
            ("A", "truc_tuyen", "15/12/2022", "20/12/2022", "16/12/2022", "giai_quyet"),
            ("A", "truc_tuyen", "14/12/2023", "20/12/2023", None, None),
        ]
    )
    assert result["new"] == 2 and result["online"] == 2 and result["carried_over"] == 0


def test_received_after_the_window_is_not_counted():
    assert _stats([("A", "truc_tiep", "15/12/2023", "20/12/2023", None, None)])["received"] == 0


def test_early_on_time_and_late():
    result = _stats(
        [
            ("A", "truc_tiep", "01/03/2023", "10/03/2023", "09/03/2023", "giai_quyet"),
            ("A", "truc_tiep", "01/03/2023", "10/03/2023", "10/03/2023", "giai_quyet"),
            ("A", "truc_tiep", "01/03/2023", "10/03/2023", "11/03/2023", "giai_quyet"),
        ]
    )
    assert (result["early"], result["on_time"], result["late"]) == (1, 1, 1)
    assert result["resolved"] == 3


def test_in_progress_at_the_end_within_deadline_and_overdue():
    result = _stats(
        [
            ("A", "truc_tiep", "10/12/2023", "14/12/2023", None, None),  # due on the end day
            (
                "A",
                "truc_tiep",
                "10/12/2023",
                "20/12/2023",
                "18/12/2023",
                "giai_quyet",
            ),  # closed later
            ("A", "truc_tiep", "01/11/2023", "13/12/2023", None, None),  # past due
        ]
    )
    assert result["in_progress"] == 3
    assert (result["within_deadline"], result["overdue"]) == (2, 1)
    assert result["resolved"] == 0


def test_returned_and_withdrawn_are_counted_apart_from_resolved():
    result = _stats(
        [
            ("A", "buu_chinh", "01/03/2023", "10/03/2023", "05/03/2023", "tra_lai"),
            ("A", "truc_tiep", "01/03/2023", "10/03/2023", "06/03/2023", "rut"),
        ]
    )
    assert result["returned"] == 2 and result["resolved"] == 0
    assert result["in_person_post"] == 2


def test_per_unit_rows_and_a_total_that_add_up():
    frame = _frame(
        [
            ("A", "truc_tiep", "01/03/2023", "10/03/2023", "05/03/2023", "giai_quyet"),
            ("B", "truc_tuyen", "01/03/2023", "10/03/2023", None, None),
            ("B", "truc_tuyen", "01/03/2023", "10/03/2023", "02/03/2023", "rut"),
        ]
    )
    result = dossiers.statistics(frame, WINDOW)
    assert list(result.index) == ["A", "B", "total"]
    assert result.loc["B", "received"] == 2
    assert result.loc["total", "received"] == 3
    assert dossiers.identity_failures(result) == []


def test_identity_failures_name_the_broken_identity_and_row():
    frame = _frame([("A", "truc_tiep", "01/03/2023", "10/03/2023", "05/03/2023", "giai_quyet")])
    broken = dossiers.statistics(frame, WINDOW)
    broken.loc["A", "resolved"] = 5
    result = dossiers.identity_failures(broken)
    assert "received = resolved + returned + in progress fails for A" in result


def test_monthly_buckets_run_from_the_15th_to_the_14th():
    frame = _frame(
        [
            ("A", "truc_tiep", "15/12/2022", "20/12/2022", "14/01/2023", "giai_quyet"),
            ("A", "truc_tiep", "14/02/2023", "20/02/2023", "15/02/2023", "giai_quyet"),
        ]
    )
    result = dossiers.monthly(frame, WINDOW)
    assert list(result.index[:3]) == ["T1/2023", "T2/2023", "T3/2023"]
    assert result.loc["T1/2023", "new"] == 1 and result.loc["T1/2023", "resolved"] == 1
    assert result.loc["T2/2023", "new"] == 1 and result.loc["T3/2023", "resolved"] == 1
    assert len(result) == 12


@pytest.mark.parametrize("column", dossiers.COLUMNS)
def test_every_column_has_a_vietnamese_label(column):
    assert dossiers.COLUMN_LABELS[column]
