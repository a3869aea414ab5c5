"""Fault injection, archive: no failure, kill or race damages an archived edition.

These tests use small stand-in editions (a manifest and two files) so that
every fault point can be hit quickly; tests/test_faults_e2e.py does the same
with real builds.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import textwrap

import pytest

from reportbook.archive import edition as archive
from reportbook.archive.lock import edition_lock
from reportbook.archive.manifest import sha256
from reportbook.errors import EditionError, FinalEditionError, LockedError
from tests.faults import edition_survived, snapshot


def make_edition(folder, text):
    """A complete stand-in edition whose manifest lists its outputs."""
    (folder / "sections").mkdir(parents=True)
    (folder / "report.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    (folder / "sections" / "00.ipynb").write_text(text, encoding="utf-8")
    outputs = {
        p.relative_to(folder).as_posix(): sha256(p) for p in folder.rglob("*") if p.is_file()
    }
    (folder / "manifest.json").write_text(json.dumps({"outputs": outputs}), encoding="utf-8")
    return folder


@pytest.fixture
def edition(tmp_path):
    return make_edition(tmp_path / "2023" / "annual", "old")


def _build(edition, text, fail_with=None):
    """What build does around the sections: lock, stage, publish."""
    with archive.open_edition(edition):
        with archive.staging(edition) as stage:
            make_edition(stage / "x", text)
            for p in (stage / "x").iterdir():
                os.replace(p, stage / p.name)
            (stage / "x").rmdir()
            if fail_with is not None:
                raise fail_with
        archive.publish(stage, edition)


def test_a_successful_build_replaces_the_edition_and_leaves_nothing_beside_it(edition):
    _build(edition, "new")
    assert (edition / "report.html").read_text() == "<p>new</p>"
    assert archive.integrity_problems(edition) == []
    assert sorted(p.name for p in edition.parent.iterdir()) == [".annual.lock", "annual"]


@pytest.mark.parametrize(
    "error",
    [RuntimeError("section raised"), OSError(errno.ENOSPC, "No space left on device")],
    ids=["section-raises", "disk-full"],
)
def test_a_failed_build_keeps_the_edition_and_its_own_run_under_failed(edition, error):
    before = snapshot(edition)
    with pytest.raises(type(error)):
        _build(edition, "new", fail_with=error)
    assert edition_survived(f"stand-in build fails ({error})", before, edition)
    kept = list((edition.parent / "annual.failed").iterdir())
    assert len(kept) == 1 and (kept[0] / "report.html").read_text() == "<p>new</p>"


def test_a_full_disk_during_the_swap_leaves_the_edition_intact(edition, monkeypatch):
    before = snapshot(edition)
    monkeypatch.setattr(archive, "_exchange", lambda a, b: False)

    def full(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(archive.os, "replace", full)
    with pytest.raises(OSError):
        _build(edition, "new")
    monkeypatch.undo()
    assert edition_survived("stand-in publish hits a full disk", before, edition)
    with archive.open_edition(edition):
        pass  # the next build cleans up
    assert not list(edition.parent.glob(".annual.staging-*"))


def test_a_second_build_of_the_same_edition_exits_naming_the_first(edition):
    with edition_lock(edition):
        with pytest.raises(LockedError, match=r"is locked by build \(pid \d+"):
            _build(edition, "new")
    _build(edition, "new")  # released when the first one ends


def test_a_final_edition_is_rebuilt_only_with_force_and_kept_in_history(edition):
    record = archive.finalize(edition)
    assert record["final"] and not os.access(edition / "report.html", os.W_OK) or os.geteuid() == 0
    before = snapshot(edition)
    with pytest.raises(FinalEditionError, match="--force"):
        _build(edition, "new")
    assert snapshot(edition) == before
    with archive.open_edition(edition, force=True):
        with archive.staging(edition) as stage:
            make_edition(stage / "e", "new")
        archive.publish(stage / "e", edition)
    history = list((edition.parent / "annual.history").iterdir())
    assert len(history) == 1 and snapshot(history[0]) == before
    assert not archive.is_final(edition)


def test_finalize_refuses_an_edition_whose_files_changed(edition):
    (edition / "report.html").write_text("edited", encoding="utf-8")
    with pytest.raises(EditionError, match="report.html: changed since the build"):
        archive.finalize(edition)


def test_leftover_staging_folders_are_never_editions_and_are_removed(edition):
    leftover = edition.parent / ".annual.staging-abc"
    make_edition(leftover, "half")
    with archive.open_edition(edition):
        pass
    assert not leftover.exists() and (edition / "report.html").read_text() == "<p>old</p>"


def test_a_swap_cut_in_half_is_restored(edition):
    before = snapshot(edition)
    os.replace(edition, edition.parent / ".annual.old-xyz")
    assert archive.recover(edition) == ["restored annual from .annual.old-xyz"]
    assert snapshot(edition) == before


KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from reportbook.archive import edition as archive
    edition, stage, point = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    def die(*a, **k):
        os.kill(os.getpid(), signal.SIGKILL)
    if point == "before-swap":
        archive._exchange = die
    elif point == "after-swap":
        archive._retire = die
    elif point == "between-renames":
        archive._exchange = lambda a, b: False
        real, calls = os.replace, []
        def replace(a, b):
            calls.append(a)
            if len(calls) == 2:
                die()
            real(a, b)
        archive.os.replace = replace
    archive.publish(stage, edition)
""")


@pytest.mark.parametrize("final", [False, True], ids=["draft", "final"])
@pytest.mark.parametrize("point", ["before-swap", "after-swap", "between-renames"])
def test_sigkill_while_publishing_never_loses_an_edition(edition, tmp_path, point, final):
    if final:
        archive.finalize(edition)
    before = snapshot(edition)
    stage = make_edition(edition.parent / ".annual.staging-k", "new")
    after = snapshot(stage)
    result = subprocess.run([sys.executable, "-c", KILLER, str(edition), str(stage), point])
    assert result.returncode == -signal.SIGKILL
    with archive.open_edition(edition, force=True):
        pass  # the next build recovers under the lock
    now = snapshot(edition)
    survived = edition_survived(
        f"SIGKILL {point} ({'final' if final else 'draft'})",
        now if now == after else before,
        edition,
    )
    assert survived and now in (before, after)
    if final and now == after:  # the replaced final edition went to history, not away
        assert [snapshot(p) for p in (edition.parent / "annual.history").iterdir()] == [before]
    assert not [p for p in edition.parent.iterdir() if p.name.startswith(".annual.") and p.is_dir()]
