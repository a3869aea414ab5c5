"""Cells that passed every rule are not checked again in the same process; anything else is."""

import pytest

from reportbook import DataError
from reportbook.execution import reads
from reportbook.inputs import loading
from reportbook.inputs.loading import Dataset


@pytest.fixture
def checks(monkeypatch):
    """The tables whose cells are checked against their schema, in order."""
    checked = []
    real = loading.file_problems

    def counting(raw, table, vocab):
        checked.append(table.name)
        return real(raw, table, vocab)

    monkeypatch.setattr(loading, "file_problems", counting)
    return checked


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_table_that_passed_is_not_checked_again(data, checks):
    first = Dataset(data).table("dossiers")
    result = Dataset(data).table("dossiers")
    assert checks == ["dossiers"]
    assert result.equals(first)


def test_changed_cells_are_checked_again_and_their_problem_reported(data, checks):
    Dataset(data).table("dossiers")
    dossiers = data / "dossiers.csv"
    line = dossiers.read_text(encoding="utf-8").splitlines()[1]
    received = line.split(",")[5]
    _replace(dossiers, line, line.replace(received, "31/02/2023", 1))
    with pytest.raises(DataError, match=r"'31/02/2023' is not a date"):
        Dataset(data).table("dossiers")
    assert checks == ["dossiers", "dossiers"]


def test_a_changed_vocabulary_checks_the_cells_again(data, checks):
    Dataset(data).table("dossiers")
    _replace(data / "vocabularies.yaml", "truc_tuyen:", "truc_tuyen_moi:")
    with pytest.raises(DataError, match=r"is not in vocabulary 'channels'"):
        Dataset(data).table("dossiers")
    assert checks == ["dossiers", "dossiers"]


def test_a_changed_partner_file_checks_the_cross_file_rules_again(data):
    Dataset(data).table("dossiers")
    code = (data / "dossiers.csv").read_text(encoding="utf-8").splitlines()[1].split(",")[1]
    _replace(data / "procedures.csv", f"\n{code},", f"\n{code}X,")
    with pytest.raises(DataError, match=rf"'{code}' is not a procedure_code in procedures\.csv"):
        Dataset(data).table("dossiers")


def test_a_failure_is_not_remembered(data, checks):
    _replace(data / "dossiers.csv", ",truc_tiep,", ",fax,")
    for _ in range(2):
        with pytest.raises(DataError, match=r"'fax' is not in vocabulary 'channels'"):
            Dataset(data).table("dossiers")
    assert checks == ["dossiers", "dossiers"]


def test_every_file_that_passed_together_is_not_checked_again(data, checks):
    assert Dataset(data).problems() == []
    count = len(checks)
    result = Dataset(data).problems()
    assert result == []
    assert len(checks) == count


def test_every_file_is_checked_again_when_one_changed(data):
    assert Dataset(data).problems() == []
    _replace(data / "dossiers.csv", ",truc_tiep,", ",fax,")
    result = Dataset(data).problems()
    assert [p.value for p in result] == ["fax"]


def test_a_reused_verdict_reads_the_same_files(data, monkeypatch):
    """A section's cache key is what it read: reusing a verdict must not change that."""
    monkeypatch.setattr(reads, "_watched", ())
    monkeypatch.setattr(reads, "_seen", set())
    reads.watch(data.parent)

    def read_by_loading():
        Dataset(data).table("dossiers")
        return reads.take()["files"]

    checked = read_by_loading()
    reused = read_by_loading()
    assert reused == checked
    assert {p.rsplit("/", 1)[1] for p in reused} >= {"dossiers.csv", "procedures.csv"}
