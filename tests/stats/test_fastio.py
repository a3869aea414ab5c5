"""The fast dossier reader computes the report's own statistics, from CSV or Parquet."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from reportbook import resolve
from reportbook.inputs.loading import Dataset
from reportbook.stats import dossiers, fastio

from ..conftest import ROOT


@pytest.fixture(scope="module")
def records():
    return Dataset(ROOT / "data").table("dossiers")


@pytest.fixture(scope="module")
def parquet_file(records, tmp_path_factory):
    path = tmp_path_factory.mktemp("pq") / "dossiers.parquet"
    frame = records.copy()
    for column in ("received_on", "due_on", "resolved_on"):
        frame[column] = frame[column].dt.date
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return path


@pytest.mark.parametrize("period", ["annual", "h1", "q4"])
@pytest.mark.parametrize("by", ["unit", "field"])
@pytest.mark.parametrize("source", ["csv", "parquet"])
def test_fast_statistics_equal_the_reports_statistics(source, by, period, records, parquet_file):
    window = resolve(2023, period).window
    path = ROOT / "data" / "dossiers.csv" if source == "csv" else parquet_file

    result = fastio.window_statistics(path, window, by, data_dir=ROOT / "data")

    expected = dossiers.statistics(records, window, by)
    pd.testing.assert_frame_equal(result, expected, check_dtype=False, check_names=False)


def test_a_file_that_is_not_dossiers_is_a_data_error(tmp_path):
    from reportbook.errors import DataError

    path = tmp_path / "dossiers.parquet"
    path.write_bytes(b"not parquet")
    with pytest.raises(DataError, match=r"dossiers\.parquet: cannot be read as Parquet"):
        fastio.read_dossiers(path, data_dir=ROOT / "data")


def test_a_parquet_file_in_data_replaces_the_csv_with_the_same_figures(
    records, parquet_file, tmp_path
):
    import shutil

    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "dossiers.csv").unlink()
    shutil.copy(parquet_file, tmp_path / "data" / "dossiers.parquet")
    window = resolve(2023, "annual").window

    result = dossiers.statistics(Dataset(tmp_path / "data").table("dossiers"), window)

    pd.testing.assert_frame_equal(result, dossiers.statistics(records, window))
