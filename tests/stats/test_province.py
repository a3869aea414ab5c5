"""The province path (DuckDB SQL) gives exactly the report's own Biểu 06 figures."""

from __future__ import annotations

import sys

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from reportbook import DataError, resolve
from reportbook.inputs.loading import Dataset
from reportbook.periods import PERIODS
from reportbook.stats import dossiers, fastio, province

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from make_dossiers import chunk  # noqa: E402 - the benchmark's generator

SHIPPED = ROOT / "data" / "dossiers.csv"


@pytest.fixture(scope="module")
def shipped():
    return Dataset(ROOT / "data").table("dossiers")


@pytest.fixture(scope="module")
def shipped_parquet(tmp_path_factory):
    """The shipped dossiers.csv copied to Parquet by DuckDB itself (dates stay text)."""
    target = tmp_path_factory.mktemp("shipped") / "dossiers.parquet"
    with province.connect() as con:
        con.execute(
            f"COPY (SELECT * FROM read_csv('{SHIPPED}', all_varchar = true)) "
            f"TO '{target}' (FORMAT parquet)"
        )
    return target


@pytest.mark.parametrize("period", [f"2023/{p}" for p in PERIODS] + ["2022/annual", "2024/h1"])
def test_every_window_of_the_shipped_data_matches_the_report(shipped, shipped_parquet, period):
    window = resolve(*period.split("/")).window
    for by in ("unit", "field"):
        result = province.window_statistics(shipped_parquet, window, by=by)
        expected = dossiers.statistics(shipped, window, by=by)
        assert result.equals(expected), (period, by)


@pytest.mark.parametrize("period", ["2023/annual", "2023/m03"])
def test_the_shipped_csv_itself_matches_the_report(shipped, period):
    window = resolve(*period.split("/")).window
    assert province.window_statistics(SHIPPED, window).equals(dossiers.statistics(shipped, window))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """20.000 generated dossiers as Parquet, ISO CSV, dd/mm/yyyy CSV and a partitioned folder."""
    folder = tmp_path_factory.mktemp("province")
    table = chunk(np.random.default_rng(7), 0, 20_000)
    pq.write_table(table, folder / "d.parquet")
    pacsv.write_csv(table, folder / "iso.csv")
    dmy = {c: _dmy(table[c]) for c in ("received_on", "due_on", "resolved_on")}
    pacsv.write_csv(
        table.drop(list(dmy))
        .append_column("received_on", dmy["received_on"])
        .append_column("due_on", dmy["due_on"])
        .append_column("resolved_on", dmy["resolved_on"]),
        folder / "dmy.csv",
    )
    received = table["received_on"].cast(pa.timestamp("s"))
    parted = table.append_column("year", pa.compute.year(received)).append_column(
        "month", pa.compute.month(received)
    )
    ds.write_dataset(
        parted,
        folder / "parted",
        format="parquet",
        partitioning=["year", "month"],
        partitioning_flavor="hive",
    )
    return folder


def _dmy(column: pa.ChunkedArray) -> pa.Array:
    text = pa.compute.strftime(column.cast(pa.timestamp("s")), format="%d/%m/%Y")
    return pa.compute.fill_null(text, "")


@pytest.mark.parametrize("source", ["d.parquet", "iso.csv", "dmy.csv", "parted"])
@pytest.mark.parametrize("period", ["2023/annual", "2023/q1", "2022/m12", "2024/h1"])
def test_generated_files_in_every_format_match_the_report(generated, source, period):
    window = resolve(*period.split("/")).window
    frame = fastio.read_unchecked(generated / "d.parquet")  # generated codes: no vocabularies
    frame["unit"] = frame["unit"].astype(object)  # as the report's loader types it: sorted rows
    expected = dossiers.statistics(frame, window)
    result = province.window_statistics(generated / source, window)
    assert result.equals(expected)


def test_a_partitioned_folder_is_read_only_up_to_the_windows_month(generated):
    assert "<= 202303" in province._pruning(generated / "parted", resolve(2023, "q1").window)
    assert province._pruning(generated / "d.parquet", resolve(2023, "q1").window) == ""


def test_unknown_grouping_and_unreadable_sources_are_clear_errors(tmp_path):
    window = resolve(2023, "annual").window
    with pytest.raises(ValueError, match="by must be one of unit, field, channel"):
        province.window_statistics(SHIPPED, window, by="procedure")
    with pytest.raises(DataError, match=r"must be a \.csv or \.parquet file"):
        province.window_statistics(tmp_path / "d.xlsx", window)
    with pytest.raises(DataError, match="cannot compute the dossier statistics"):
        province.window_statistics(tmp_path / "missing.parquet", window)
