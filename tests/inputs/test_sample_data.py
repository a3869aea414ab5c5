"""The shipped data reproduce the seed's figures, and the generator reproduces the data."""

import hashlib
import shutil
import subprocess
import sys

import pytest

from reportbook import resolve
from reportbook.inputs.loading import Dataset
from reportbook.inputs.schema import TABLES
from reportbook.stats import dossiers, services
from reportbook.stats.civil_service import summary

from ..conftest import ROOT

DATA = Dataset(ROOT / "data")
ANNUAL_2023 = resolve(2023, "annual").window


def test_every_data_file_loads_without_problems():
    for name in TABLES:
        assert len(DATA.table(name)) > 0, name


def test_2023_dossier_figures_are_the_seed_figures():
    stats = dossiers.statistics(DATA.table("dossiers"), ANNUAL_2023)
    assert stats.loc["total", "received"] == 13573
    pvhcc, ttdvvl = stats.loc["PVHCC"], stats.loc["TTDVVL"]
    assert (
        pvhcc["received"],
        pvhcc["carried_over"],
        pvhcc["resolved"],
        pvhcc["late"],
        pvhcc["in_progress"],
        pvhcc["returned"],
    ) == (1234, 24, 1227, 2, 7, 0)
    assert (
        ttdvvl["received"],
        ttdvvl["carried_over"],
        ttdvvl["new"],
        ttdvvl["resolved"],
        ttdvvl["late"],
        ttdvvl["in_progress"],
        ttdvvl["returned"],
    ) == (12339, 396, 11943, 11572, 0, 365, 402)
    assert stats.loc["total", "overdue"] == 0
    assert dossiers.identity_failures(stats) == []


def test_in_progress_at_one_years_end_is_carried_into_the_next():
    records = DATA.table("dossiers")
    for year in (2022, 2023):
        end = dossiers.statistics(records, resolve(year, "annual").window)
        start = dossiers.statistics(records, resolve(year + 1, "annual").window)
        assert (end["in_progress"] == start["carried_over"]).all(), year


def test_online_services_at_the_end_of_2023():
    result = services.by_legacy_level(DATA.table("procedures"), ANNUAL_2023.end)
    assert result == {4: 60, 3: 29, 2: 32}


def test_training_counts_of_2023():
    result = summary(DATA.table("training"), DATA.table("staff"), ANNUAL_2023)
    assert result["cu_di_hoc"]["count"] == 12
    assert result["dang_ky_nang_ngach"]["count"] == 5
    assert result["dang_ky_thang_hang"]["count"] == 10
    assert [c["count"] for c in result["dang_ky_hoc"]["by_course"]] == [2, 2]


def test_data_cover_2022_to_2024():
    received = DATA.table("dossiers")["received_on"]
    assert received.min().date() < resolve(2022, "annual").window.start
    assert received.max().date() == resolve(2024, "annual").window.end


@pytest.mark.e2e
def test_generator_rebuilds_the_shipped_data_byte_for_byte(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "make_sample_data.py"),
            "--data",
            str(tmp_path / "data"),
        ],
        check=True,
        capture_output=True,
    )
    for path in sorted((ROOT / "data").glob("*.csv")):
        regenerated = tmp_path / "data" / path.name
        assert (
            hashlib.sha256(regenerated.read_bytes()).digest()
            == hashlib.sha256(path.read_bytes()).digest()
        ), path.name
