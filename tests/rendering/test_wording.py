"""The reviewer edition's words: recorded keys and ISO dates become what a reviewer reads."""

import datetime as dt

import pytest

from reportbook.execution.run import STATUSES
from reportbook.rendering import wording

from ..vietnamese_helpers import english_words, identifiers


def test_a_window_is_written_as_decree_30_dates():
    result = wording.window({"start": "2023-03-06", "end": "2023-12-14"})
    assert result == "06/3/2023 – 14/12/2023"


def test_a_value_that_is_no_date_is_shown_as_recorded_not_hidden():
    assert wording.day("không rõ") == "không rõ"
    assert wording.day(dt.date(2023, 1, 5)) == "05/01/2023"


def test_a_finalisation_time_is_a_vietnamese_clock_and_date():
    assert wording.moment("2026-11-27T09:05:00+0700") == "09:05 ngày 27/11/2026"
    assert wording.moment("") == ""


@pytest.mark.parametrize("status", [*STATUSES, "reused (cache)", "reused (edition)"])
def test_every_status_a_build_records_reads_as_vietnamese(status):
    result = wording.status(status)
    assert english_words(result) == [] and identifiers(result) == [], result


def test_a_change_has_its_sign_and_separators_and_only_numbers_have_one():
    assert wording.change(1234, 2301) == "+1.067"
    assert wording.change(7, 5) == "\u22122"
    assert wording.change("shown", None) == ""


def _nb(title=None, cells=()):
    return {"metadata": {"title": title} if title else {}, "cells": list(cells)}


def _md(source, tags=()):
    return {"cell_type": "markdown", "source": source, "metadata": {"tags": list(tags)}}


def test_a_section_is_titled_by_its_metadata_then_its_first_heading_then_its_name():
    note = _md("# Ghi chú cho người đọc sổ tay", tags=["remove_cell"])
    heading = _md(["Mở đầu\n", "### 2. Thực hiện các nhiệm vụ được UBND tỉnh giao\n"])
    assert wording.section_title(_nb("II.2.  Nhiệm vụ\n", [heading]), "09-x") == "II.2. Nhiệm vụ"
    result = wording.section_title(_nb(cells=[note, heading]), "09-x")
    assert result == "2. Thực hiện các nhiệm vụ được UBND tỉnh giao"
    assert wording.section_title(_nb(cells=[note]), "13-ket-thuc") == "13-ket-thuc"
