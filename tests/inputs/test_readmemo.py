"""A data file is parsed once per process for the same bytes, and again whenever they change."""

import os

import pytest

from reportbook.execution import reads
from reportbook.inputs import readmemo, tabular
from reportbook.inputs.loading import Dataset

from .datafiles import FORMATS, text_frame, write_as


@pytest.fixture
def parses(monkeypatch):
    """The files parsed, in order."""
    parsed = []
    real = tabular.read_path

    def counting(path):
        parsed.append(path.name)
        return real(path)

    monkeypatch.setattr(readmemo, "read_path", counting)
    return parsed


def test_the_same_bytes_are_parsed_once_and_give_the_same_cells(data, parses):
    first = readmemo.read(data, "dossiers")
    again = readmemo.read(data, "dossiers")
    assert parses == ["dossiers.csv"]
    assert again.frame.equals(first.frame)
    assert (again.path, again.sheet, again.row_word) == (first.path, first.sheet, first.row_word)


def test_changed_bytes_are_parsed_again_even_with_the_same_size_and_time(data, parses):
    path = data / "dossiers.csv"
    before = readmemo.read(data, "dossiers")
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    assert ",truc_tiep," in text
    path.write_text(text.replace(",truc_tiep,", ",truc_tiex,", 1), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    after = readmemo.read(data, "dossiers")
    assert parses == ["dossiers.csv", "dossiers.csv"]
    assert "truc_tiex" in set(after.frame["channel"]) - set(before.frame["channel"])


def test_what_a_caller_reassigns_on_its_table_is_not_what_the_next_caller_gets(data):
    mine = readmemo.read(data, "documents")
    rows = len(mine.frame)
    mine.frame = mine.frame.iloc[:1]
    mine.sheet = "changed"
    theirs = readmemo.read(data, "documents")
    assert (len(theirs.frame), theirs.sheet) == (rows, None)


def test_files_beyond_the_budget_are_parsed_every_time(data, parses, monkeypatch):
    monkeypatch.setattr(readmemo, "BUDGET", (data / "dossiers.csv").stat().st_size - 1)
    readmemo.read(data, "dossiers")
    readmemo.read(data, "dossiers")
    assert parses == ["dossiers.csv", "dossiers.csv"]


def test_the_least_recently_used_file_is_dropped_to_stay_in_budget(data, parses, monkeypatch):
    sizes = {n: (data / f"{n}.csv").stat().st_size for n in ("documents", "tasks")}
    monkeypatch.setattr(readmemo, "BUDGET", max(sizes.values()) + min(sizes.values()) - 1)
    for name in ("documents", "tasks", "documents"):
        readmemo.read(data, name)
    assert parses == ["documents.csv", "tasks.csv", "documents.csv"]


def test_a_table_from_memory_is_still_recorded_as_read(data, monkeypatch):
    """A section's cache key is the files it read: a kept table must not hide one."""
    monkeypatch.setattr(reads, "_watched", ())
    monkeypatch.setattr(reads, "_seen", set())
    reads.watch(data.parent)
    readmemo.read(data, "tasks")
    reads.take()
    Dataset(data).raw("tasks")
    assert [p.rsplit("/", 1)[1] for p in reads.take()["files"]] == ["tasks.csv"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_file_format_is_parsed_once_and_again_after_a_change(data, parses, fmt):
    frame = text_frame(data, "tasks")
    name = write_as(data, "tasks", frame, fmt)
    first = readmemo.read(data, "tasks")
    assert readmemo.read(data, "tasks").frame.equals(first.frame)
    frame.loc[0, "action"] = "Nhiệm vụ đã sửa"
    write_as(data, "tasks", frame, fmt)
    changed = readmemo.read(data, "tasks")
    assert parses == [name, name]
    assert "Nhiệm vụ đã sửa" in set(changed.frame["action"]) - set(first.frame["action"])
