"""The shipped SAMPLE exports import back into exactly the shipped data, and only once.

examples/exports/ holds what the one-stop system and the document register
would export for the shipped data (scripts/make_sample_exports.py): dossier
exports per quarter and month that overlap, with three vendors' headings.
"""

import shutil

import pytest

from reportbook.archive.verify import changed_inputs
from reportbook.importing.command import import_exports
from reportbook.inputs.loading import Dataset
from reportbook.periods import resolve
from reportbook.stats import dossiers as stats
from tests.conftest import ROOT

EXPORTS = ROOT / "examples" / "exports"
DOSSIER_EXPORTS = sorted(EXPORTS.glob("dossiers-*.xlsx"))
UNTIL_2022 = [p for p in DOSSIER_EXPORTS if p.name < "dossiers-2023"]
FROM_2023 = [p for p in DOSSIER_EXPORTS if p.name >= "dossiers-2023"]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """data/ without dossiers.csv, then the 2021-2022 exports, then the 2023-2024 ones."""
    data = tmp_path_factory.mktemp("imported") / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "dossiers.csv").unlink()
    first = import_exports(data, "dossiers", UNTIL_2022)
    second = import_exports(data, "dossiers", FROM_2023)
    return data, first, second


def test_the_sample_exports_overlap_and_cover_every_year():
    assert [p.name for p in DOSSIER_EXPORTS[:2]] == [
        "dossiers-2021-12.xlsx",
        "dossiers-2022-q1.xlsx",
    ]
    assert len(DOSSIER_EXPORTS) == 1 + 4 + 12 + 4


def test_importing_them_into_data_without_dossiers_gives_back_the_shipped_file(imported):
    data, first, second = imported
    assert (data / "dossiers.csv").read_bytes() == (ROOT / "data" / "dossiers.csv").read_bytes()
    assert first.created and not second.created
    # overlapping exports: the later ones close dossiers the earlier ones showed open
    assert sum(c.updated for _, _, c in second.exports) > 0
    assert second.records == sum(c.added for _, _, c in first.exports + second.exports)


def test_the_imported_data_gives_the_2023_annual_figures_of_the_shipped_data(imported):
    data, _, _ = imported
    window = resolve(2023, "annual").window
    shipped = Dataset(ROOT / "data").table("dossiers")
    again = Dataset(data).table("dossiers")
    for by in ("unit", "field"):
        expected = stats.statistics(shipped, window, by=by)
        assert stats.statistics(again, window, by=by).equals(expected)
    assert stats.statistics(again, window).loc["total", "received"] == 13573


def test_importing_every_export_again_changes_nothing(imported):
    data, _, _ = imported
    before = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    again = import_exports(data, "dossiers", DOSSIER_EXPORTS)
    assert again.entry is None
    assert {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()} == before
    totals = [sum(getattr(c, n) for _, _, c in again.exports) for n in ("added", "updated")]
    assert totals == [0, 0]
    # the earlier exports still show open what later ones closed: those stay closed
    assert sum(c.kept_closed for _, _, c in again.exports) > 0


def test_what_an_import_replaced_is_kept_but_is_never_an_input(imported):
    data, _, _ = imported
    kept = sorted((data / ".history").iterdir())
    assert len(kept) == 2  # one entry per import that changed the file
    assert (kept[1] / "dossiers.csv").is_file() and not (kept[0] / "dossiers.csv").exists()
    assert all(".history" not in str(p) for p in Dataset(data).files())
    manifest = {"inputs": {}, "parameters": {"year": 2023, "period": "annual"}}
    assert not [c for c in changed_inputs(manifest, data.parent) if ".history" in c]


def test_the_register_exports_change_nothing_in_the_shipped_register(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    result = import_exports(data, "documents", sorted(EXPORTS.glob("documents-*.xlsx")))
    assert result.entry is None
    assert all(c.unchanged == n and not c.changed for _, n, c in result.exports)
    assert (data / "documents.csv").read_bytes() == (ROOT / "data" / "documents.csv").read_bytes()
