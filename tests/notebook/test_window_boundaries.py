"""Records dated on a window's edge (the 14th and the 15th) land in exactly the right periods.

A window runs from the 15th to the 14th, both inclusive: a document dated the
14th belongs to that month's report, one dated the 15th to the next month's,
and a period never drops or repeats a record its neighbour shows.
"""

import datetime as dt

import pandas as pd
import pytest

from reportbook import open_report
from reportbook.paths import Project
from reportbook.periods import PERIODS, resolve
from reportbook.stats import civil_service, documents, dossiers, tasks

from ..conftest import ROOT

SHIPPED = Project(ROOT)
MONTHS = [f"m{m:02d}" for m in range(1, 13)]
VOCAB = {"doc_types": {"Kế hoạch": "KH"}, "issuers": {"SLDTBXH": {"kind": "self"}}}


def _numbers(year, period, area):
    frame = open_report(year, period, SHIPPED).documents(area)
    return set(frame["number_symbol"])


def test_a_document_of_the_14th_is_in_that_months_report_and_one_of_the_15th_in_the_next():
    # Đề án 01/ĐA-CSCNMT and 964/ĐA-TTĐVVL are dated 14/11/2023, 188/ĐA-TTBTXH 15/11/2023.
    november, december = _numbers(2023, "m11", "to_chuc"), _numbers(2023, "m12", "to_chuc")
    assert {"01/ĐA-CSCNMT", "964/ĐA-TTĐVVL"} <= november
    assert "188/ĐA-TTBTXH" not in november
    assert "188/ĐA-TTBTXH" in december
    assert not {"01/ĐA-CSCNMT", "964/ĐA-TTĐVVL"} & december


def test_a_document_of_15_december_opens_the_next_years_reports():
    # Quyết định 411/QĐ-SLĐTBXH (the working rules) is dated 15/12/2022.
    for period in ("m01", "q1", "h1", "9m", "annual"):
        assert "411/QĐ-SLĐTBXH" in _numbers(2023, period, "cong_vu"), period
    for period in ("m12", "q4", "annual"):
        assert "411/QĐ-SLĐTBXH" not in _numbers(2022, period, "cong_vu"), period


def _one_document_a_day(first, last):
    days = pd.date_range(first, last, freq="D")
    return pd.DataFrame(
        {
            "doc_id": [f"VB{i:04d}" for i in range(len(days))],
            "number_symbol": [f"{i + 1}/KH-SLĐTBXH" for i in range(len(days))],
            "doc_type": "Kế hoạch",
            "issued_on": days,
            "issuer": "SLDTBXH",
            "prepared_by": "",
            "subject": "về kiểm tra",
            "cchc_areas": "chi_dao",
        }
    )


@pytest.mark.parametrize("year", [2023, 2024])
def test_every_day_of_the_year_is_in_exactly_one_month_one_quarter_and_the_year(year):
    annual = resolve(year, "annual").window
    docs = _one_document_a_day(annual.start, annual.end)
    for group in (MONTHS, ["q1", "q2", "q3", "q4"], ["annual"]):
        chosen = [
            documents.select(docs, "chi_dao", resolve(year, p).window, vocab=VOCAB) for p in group
        ]
        ids = pd.concat(chosen)["doc_id"]
        assert len(ids) == len(docs) and set(ids) == set(docs["doc_id"]), group


@pytest.mark.parametrize("month", range(1, 13))
def test_the_14th_closes_a_month_and_the_15th_opens_the_next(month):
    period = resolve(2023, f"m{month:02d}")
    last = period.window.end
    first_of_next = last + dt.timedelta(days=1)
    docs = _one_document_a_day(last, first_of_next)
    shown = documents.select(docs, "chi_dao", period.window, vocab=VOCAB)[
        "issued_on"
    ].dt.date.tolist()
    following = documents.select(docs, "chi_dao", period.following.window, vocab=VOCAB)
    assert (last.day, first_of_next.day) == (14, 15)
    assert shown == [last]
    assert following["issued_on"].dt.date.tolist() == [first_of_next]


def test_tasks_training_and_dossiers_use_the_same_edges():
    march, april = resolve(2023, "m03").window, resolve(2023, "m04").window
    day14, day15 = pd.Timestamp(2023, 3, 14), pd.Timestamp(2023, 3, 15)
    register = pd.DataFrame(
        {
            "doc_id": ["A", "R14", "R15"],
            "number_symbol": ["1/UBND-VX", "2/SLĐTBXH-VP", "3/SLĐTBXH-VP"],
            "doc_type": "Công văn",
            "issued_on": [pd.Timestamp(2023, 3, 1), day14, day15],
            "issuer": ["UBND", "SLDTBXH", "SLDTBXH"],
            "subject": "",
        }
    )
    answered = pd.DataFrame(
        {"task_id": ["T14", "T15"], "assigned_doc_id": "A", "response_doc_id": ["R14", "R15"]}
    )
    assert list(tasks.in_window(answered, register, march)["task_id"]) == ["T14"]
    assert list(tasks.in_window(answered, register, april)["task_id"]) == ["T15"]

    training = pd.DataFrame({"record_id": ["D14", "D15"], "date": [day14, day15]})
    assert list(civil_service.in_window(training, march)["record_id"]) == ["D14"]
    assert list(civil_service.in_window(training, april)["record_id"]) == ["D15"]

    first = pd.Timestamp(2023, 3, 1)
    received = pd.DataFrame(
        {
            "channel": "truc_tiep",
            "received_on": [day14, day15, first, first],
            "due_on": [day15 + pd.Timedelta(days=20)] * 4,
            "resolved_on": [pd.NaT, pd.NaT, day14, day15],
            "outcome": ["", "", "giai_quyet", "giai_quyet"],
        }
    )
    in_march, in_april = dossiers.classify(received, march), dossiers.classify(received, april)
    assert in_march["new"].tolist() == [True, False, True, True]
    assert in_april["new"].tolist() == [False, True, False, False]
    assert in_march["resolved"].tolist() == [False, False, True, False]
    assert in_april["resolved"].tolist() == [False, False, False, True]
    assert in_april["carried_over"].tolist() == [True, False, False, True]


def test_every_period_of_the_shipped_year_cites_only_documents_of_its_window():
    report = open_report(2023, "annual", SHIPPED)
    register = report.table("documents")
    for code in PERIODS:
        window = resolve(2023, code).window
        cited = documents.select(register, "chi_dao", window, vocab=report.vocab)
        cited = cited["issued_on"].dt.date
        assert all(day in window for day in cited), code
