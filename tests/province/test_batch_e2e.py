"""reportbook batch: every body x period on a local Dask cluster, each edition as a single build."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reportbook.archive.edition import integrity_problems

pytestmark = pytest.mark.e2e

GOOD = ["stp/2023/q1", "stp/2023/h1", "syt/2023/q1", "syt/2023/h1"]
BAD = ["bad/2023/q1", "bad/2023/h1"]


def test_one_bodys_bad_data_fails_its_editions_only_and_the_summary_gives_the_message(batch_run):
    workspace, result = batch_run
    assert result.returncode == 2, result.stderr
    assert "batch: 4 built, 2 failed of 6" in result.stderr
    for task in BAD:
        assert f"FAILED {task}:" in result.stderr
    message = result.stderr.split("FAILED bad/2023/q1:", 1)[1]
    assert "dossiers.csv" in message and "resolved_on" in message and "01/01/2020" in message


def test_batch_json_records_each_task_with_status_timing_worker_and_edition(batch_run):
    workspace, _ = batch_run
    record = json.loads((workspace / "outputs" / "batch.json").read_text(encoding="utf-8"))
    tasks = {t["task"]: t for t in record["tasks"]}
    assert sorted(tasks) == sorted(GOOD + BAD)
    for name in GOOD:
        task = tasks[name]
        assert task["status"] == "built" and task["seconds"] > 0
        assert task["worker"].startswith("tcp://127.0.0.1:")
        body, year, period = name.split("/")
        assert task["edition"] == str(workspace / "bodies" / body / "outputs" / year / period)
    for name in BAD:
        assert tasks[name]["status"] == "failed" and "resolved_on" in tasks[name]["error"]
    assert (record["built"], record["failed"]) == (4, 2)


def test_every_edition_is_complete_and_no_staging_is_left(batch_run):
    workspace, _ = batch_run
    for name in GOOD:
        body, year, period = name.split("/")
        edition = workspace / "bodies" / body / "outputs" / year / period
        assert integrity_problems(edition) == []
        assert not list(edition.parent.glob(".*staging*"))
    assert not (workspace / "bodies" / "bad" / "outputs" / "2023" / "q1").exists()


def test_an_edition_of_the_batch_is_byte_identical_to_a_single_build(batch_run, single_build):
    workspace, _ = batch_run
    batched = workspace / "bodies" / "stp" / "outputs" / "2023" / "q1"
    for name in ("report.html", "report.pdf", "report.docx", "report.ipynb"):
        assert (batched / name).read_bytes() == (single_build / name).read_bytes(), name


def test_each_worker_starts_its_kernels_once_not_once_per_report(batch_run):
    workspace, _ = batch_run
    record = json.loads((workspace / "outputs" / "batch.json").read_text(encoding="utf-8"))
    built = [t for t in record["tasks"] if t["status"] == "built"]
    kernels = {k for t in built for k in t["kernels"]}
    workers = {t["worker"] for t in built}
    assert all(t["kernels"] for t in built)
    assert len(kernels) <= len(workers) < len(built)  # two workers, one kernel each, four builds


def test_the_progress_display_counts_tasks_and_names_the_dashboard_on_loopback(batch_run):
    _, result = batch_run
    assert re.search(r"Dask dashboard: http://127\.0\.0\.1:\d+/status", result.stderr)
    assert "batch: 6 edition(s) on 2 worker(s)" in result.stderr
    for task in GOOD:
        assert re.search(rf"built +{task} \(\d+\.\d s, tcp://127\.0\.0\.1:\d+\)", result.stderr)


def test_a_body_of_the_workspace_builds_alone_from_its_own_folder(single_build: Path):
    manifest = json.loads((single_build / "manifest.json").read_text(encoding="utf-8"))
    assert "notebooks/04-thu-tuc-hanh-chinh.ipynb" in manifest["inputs"]
    assert "data/dossiers.csv" in manifest["inputs"]


def test_the_local_cluster_listens_on_loopback_only():
    import os

    import psutil

    from reportbook.province.batch import connect

    with connect(None, 1) as (client, kernels):
        me = psutil.Process(os.getpid())
        listening = {
            c.laddr.ip
            for p in (me, *me.children(recursive=True))
            for c in p.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        }
        assert client.dashboard_link.startswith("http://127.0.0.1:")
    assert listening == {"127.0.0.1"} and kernels >= 1


def test_verify_reads_a_body_editions_inputs_from_the_body_and_the_workspace(single_build: Path):
    from reportbook.archive.verify import changed_inputs, read_manifest

    body = single_build.parents[2]
    assert changed_inputs(read_manifest(single_build), body) == []
    tasks = body / "data" / "tasks.csv"
    kept = tasks.read_bytes()
    try:
        tasks.write_text("task_id\n", encoding="utf-8")
        assert changed_inputs(read_manifest(single_build), body) == ["data/tasks.csv (edited)"]
    finally:
        tasks.write_bytes(kept)  # the session's single build stays as it was
