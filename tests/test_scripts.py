"""The setup scripts: waiting for apt's lock, and the git filter that keeps outputs out."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import nbformat
import pytest

from reportbook.archive.manifest import git_commit

from .conftest import ROOT

WAIT = ROOT / "scripts" / "wait-for-apt.sh"


def _wait_for_apt(lock, seconds):
    env = {**os.environ, "APT_LOCK_FILES": str(lock), "APT_LOCK_WAIT": str(seconds)}
    env["PYTHON"] = sys.executable
    return subprocess.run(["bash", str(WAIT)], env=env, capture_output=True, text=True, timeout=60)


@pytest.fixture
def held_lock(tmp_path):
    """A file locked the way dpkg locks its own, by this process's thread for a while."""
    path = tmp_path / "lock-frontend"
    path.touch()
    handle = path.open("r+")
    fcntl.lockf(handle, fcntl.LOCK_EX)
    yield path, handle
    handle.close()


def test_setup_waits_for_a_held_apt_lock_and_says_who_holds_it(held_lock):
    path, handle = held_lock
    threading.Timer(3, handle.close).start()  # the other package manager finishes
    started = time.monotonic()
    result = _wait_for_apt(path, 30)
    assert result.returncode == 0
    assert time.monotonic() - started >= 2.5
    assert f"pid {os.getpid()}" in result.stderr and str(path) in result.stderr
    assert "the package manager is free after" in result.stderr


def test_setup_gives_up_after_apt_lock_wait_with_a_sentence_not_apts_exit_100(held_lock):
    path, _ = held_lock
    result = _wait_for_apt(path, 2)
    assert result.returncode == 1
    assert f"{path} is still held by pid {os.getpid()}" in result.stderr
    assert "APT_LOCK_WAIT" in result.stderr


def test_a_free_lock_is_passed_at_once_and_silently(tmp_path):
    path = tmp_path / "lock"
    path.touch()
    result = _wait_for_apt(path, 30)
    assert (result.returncode, result.stderr) == (0, "")


def test_the_tracked_notebooks_are_already_what_the_filter_commits(tmp_path):
    """Else enabling the filter would itself show every notebook as changed."""
    copies = shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    paths = sorted(copies.glob("*.ipynb"))
    strip = [sys.executable, "-m", "nbstripout", "--keep-id", "--extra-keys"]
    subprocess.run([*strip, "metadata.language_info", *map(str, paths)], check=True)
    changed = [
        p.name for p in paths if p.read_bytes() != (ROOT / "notebooks" / p.name).read_bytes()
    ]
    assert changed == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_notebook_saved_with_outputs_is_no_change_for_git_or_the_manifest(tmp_path):
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    shutil.copyfile(ROOT / ".gitattributes", tmp_path / ".gitattributes")
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run(
        ["bash", str(ROOT / "scripts" / "git-filters.sh"), str(tmp_path), sys.executable],
        check=True,
    )
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "notebooks"], check=True)
    clean = git_commit(tmp_path)
    assert clean and not clean.endswith("+dirty")

    saved = tmp_path / "notebooks" / "13-ket-thuc.ipynb"
    nb = nbformat.read(saved, as_version=4)
    for number, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        cell.execution_count = number + 1
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="ran\n")]
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    saved.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert git_commit(tmp_path) == clean

    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.source += "\nprint('an edit')"
    saved.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert git_commit(tmp_path) == clean + "+dirty"  # a change to the code still counts


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_build_runs_the_clean_filter_once_after_a_clone_not_at_every_build(tmp_path):
    """A fresh clone's index has no stat information for the filtered files: git status
    records it, git diff does not. Without the refresh, every build re-ran the filter."""
    log, repo = tmp_path / "filter.log", tmp_path / "repo"
    repo.mkdir()
    (repo / ".gitattributes").write_text("*.ipynb filter=counting\n")
    (repo / "a.ipynb").write_text("{}\n")
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "notebook"], check=True)
    clean = f"sh -c 'echo ran >> {log}; cat'"
    subprocess.run([*git, "config", "filter.counting.clean", clean], check=True)
    os.utime(repo / "a.ipynb", ns=(1, 1))  # as after a checkout: stat differs from index
    for _ in range(3):
        assert not git_commit(repo).endswith("+dirty")
    assert log.read_text().count("ran") <= 1
