"""Kill points, signals, kernels that will not start, concurrent verify: the edition survives."""

from __future__ import annotations

import json
import os
import signal
import threading

import pytest

from reportbook.archive import edition as archive
from reportbook.build import build
from reportbook.errors import SectionError
from reportbook.execution.kernels import PooledKernel

from .faults import edition_survived, snapshot
from .test_faults_e2e import _cli, _wait_for, project  # noqa: F401 - the fixture

pytestmark = pytest.mark.e2e


def _stages(edition):
    return list(edition.parent.glob(".annual.staging-*"))


@pytest.mark.parametrize("point", ["word-written", "review-written"])
def test_sigkill_late_in_a_build_never_damages_the_edition(project, point):  # noqa: F811
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    target = {"word-written": "report.docx", "review-written": "review/index.html"}[point]
    process = _cli(project, "build", "--year", "2023", "--quiet", wait=False)
    assert _wait_for(lambda: any((s / target).exists() for s in _stages(edition)), process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate()
    assert edition_survived(f"real build SIGKILLed at {point}", before, edition)
    assert _cli(project, "finalize", "--year", "2023").returncode == 0
    assert not list(edition.parent.glob(".annual.*-*"))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_edition_and_says_so(project, sig):  # noqa: F811
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    process = _cli(project, "build", "--year", "2023", "--quiet", wait=False)
    reached = lambda: any(len(list(s.glob("sections/*.ipynb"))) >= 2 for s in _stages(edition))  # noqa: E731
    assert _wait_for(reached, process)
    os.kill(process.pid, sig)
    _, err = process.communicate(timeout=120)
    assert "Traceback" not in err
    if sig == signal.SIGINT:
        assert process.returncode == 130 and "previous edition is unchanged" in err
    assert edition_survived(f"real build stopped by {sig.name}", before, edition)
    assert _cli(project, "build", "--year", "2023", "--quiet").returncode == 0
    assert archive.integrity_problems(edition) == []


def test_verify_while_a_build_runs_disturbs_neither(project):  # noqa: F811
    edition = project.edition_dir(2023, "annual")
    builder = _cli(project, "build", "--year", "2023", "--quiet", wait=False)
    verified = _cli(project, "verify", "outputs/2023/annual")
    _, err = builder.communicate(timeout=900)
    assert builder.returncode == 0, err
    assert verified.returncode in (0, 3) and "Traceback" not in verified.stderr
    intact = archive.integrity_problems(edition) == []
    assert edition_survived("verify during a build", snapshot(edition) if intact else {}, edition)


def _failing_starts(monkeypatch, failures: int):
    """Make the first ``failures`` kernel starts die as a port clash would."""
    original, count, lock = PooledKernel._start, [0], threading.Lock()

    def start(self):
        with lock:
            count[0] += 1
            fail = count[0] <= failures
        if fail:
            raise RuntimeError("Kernel died before replying to kernel_info")
        original(self)

    monkeypatch.setattr(PooledKernel, "_start", start)


def test_a_kernel_that_fails_to_start_once_is_retried(project, monkeypatch):  # noqa: F811
    edition = project.edition_dir(2023, "annual")
    _failing_starts(monkeypatch, failures=1)
    result = build(2023, "annual", sections=["00", "05"], project=project, jobs=1)
    assert [r.status for r in result.runs if r.section.number in ("00", "05")] == [
        "succeeded",
        "succeeded",
    ]
    intact = archive.integrity_problems(edition) == []
    assert edition_survived(
        "a kernel start fails once: retried", snapshot(edition) if intact else {}, edition
    )


def test_a_kernel_that_never_starts_is_a_clear_error(project, monkeypatch):  # noqa: F811
    edition = project.edition_dir(2023, "annual")
    before = snapshot(edition)
    _failing_starts(monkeypatch, failures=10)
    with pytest.raises(SectionError, match=r"was not run: a kernel did not start, twice") as err:
        build(2023, "annual", sections=["05"], project=project, jobs=1, use_cache=False)
    statuses = {r.section.name: r.status for r in err.value.runs}
    assert statuses["05-to-chuc-bo-may"] == "not run"
    status = json.loads(
        next((edition.parent / "annual.failed").glob("*/status.json")).read_text(encoding="utf-8")
    )
    assert {s["status"] for s in status["sections"]} == {"reused", "not run"}
    assert edition_survived("no kernel starts", before, edition)


def test_garbage_cache_records_are_ignored(project):  # noqa: F811
    edition = project.edition_dir(2023, "annual")
    assert _cli(project, "build", "--year", "2023", "--section", "00", "--quiet").returncode == 0
    for meta in (project.outputs / ".cache").rglob("*.json"):
        meta.write_text("{not json", encoding="utf-8")
    result = _cli(project, "build", "--year", "2023", "--section", "00", "--quiet")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    intact = archive.integrity_problems(edition) == []
    assert edition_survived(
        "cache records garbage: ignored", snapshot(edition) if intact else {}, edition
    )
