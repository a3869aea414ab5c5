"""Fixtures of the input tests."""

import shutil

import pytest

from reportbook.inputs import readmemo, verdicts


@pytest.fixture
def data(small_data, tmp_path):
    """A copy of the small data set, read as by a fresh process: nothing kept of earlier
    reads (:mod:`reportbook.inputs.readmemo`) or checks (:mod:`reportbook.inputs.verdicts`).
    A test module may define its own."""
    folder = tmp_path / "data"
    shutil.copytree(small_data, folder)
    readmemo.forget()
    verdicts.forget()
    yield folder
    readmemo.forget()
    verdicts.forget()
