"""A real Dask cluster on loopback: a batch through --scheduler survives a worker killed mid-task.

The test starts ``dask scheduler`` and two ``dask worker`` processes on
127.0.0.1 (free ports, no dashboards, no nanny, so a killed worker stays
dead), runs a batch through ``--scheduler``, kills one worker as soon as a
build is under way, and checks that every edition still completes, is
intact and equals the local batch's (itself equal to a single build).
Every process it starts is stopped in a ``finally``, with time limits.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from reportbook.archive.edition import integrity_problems

from .workspaces import ROOT, make_workspace

pytestmark = pytest.mark.e2e
LIMIT = 600  # seconds for the whole batch
EDITIONS = [("stp", "q1"), ("syt", "q1")]  # one task each worker; the killed one's runs again


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "REPORTBOOK_ROOT"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    env["DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED"] = "False"
    return env


def _start(args: list[str], log: Path) -> subprocess.Popen:
    """``python -m dask ...`` in its own process group (stopped with killpg), HTTP on loopback.

    Even with --no-dashboard, Dask serves /health and /metrics on every
    interface unless told where; --dashboard-address keeps that on 127.0.0.1.
    """
    with log.open("w") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "dask", *args, "--dashboard-address", "127.0.0.1:0"],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=_env(),
            start_new_session=True,
        )


def _wait_for_workers(address: str, count: int) -> list[str]:
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(count, timeout=120)
        return sorted(client.scheduler_info()["workers"])


def _listening(process: subprocess.Popen) -> set[str]:
    """The addresses the process and its children accept connections on."""
    parent = psutil.Process(process.pid)
    return {
        c.laddr.ip
        for p in (parent, *parent.children(recursive=True))
        for c in p.net_connections(kind="inet")
        if c.status == psutil.CONN_LISTEN
    }


def _stop(processes: list[subprocess.Popen], kernels: set[int]) -> None:
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    for pid in kernels:  # a killed worker's kernels exit by themselves; make sure
        try:
            psutil.Process(pid).kill()
        except psutil.NoSuchProcess:
            pass


def _kill_when_a_build_is_under_way(worker: subprocess.Popen, workspace: Path) -> set[int]:
    """SIGKILL ``worker`` once a staging folder exists; return its kernels' pids."""
    deadline = time.monotonic() + LIMIT
    while not list(workspace.glob("bodies/*/outputs/2023/.*.staging-*")):
        assert time.monotonic() < deadline, "no build started"
        time.sleep(0.2)
    kernels = {p.pid for p in psutil.Process(worker.pid).children(recursive=True)}
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=30)
    return kernels


def test_a_batch_on_a_real_cluster_survives_a_worker_killed_mid_task(batch_run, tmp_path):
    reference, _ = batch_run
    workspace = make_workspace(tmp_path / "ws", ["stp", "syt"])
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    processes, kernels = [], set()
    try:
        processes.append(_start(["scheduler", "--host", "127.0.0.1", "--port", str(port),
                                 "--no-dashboard"], tmp_path / "scheduler.log"))  # fmt: skip
        for name in ("a", "b"):
            processes.append(_start(["worker", address, "--host", "127.0.0.1", "--name", name,
                                     "--nthreads", "1", "--no-nanny", "--no-dashboard"],
                                    tmp_path / f"worker-{name}.log"))  # fmt: skip
        assert len(_wait_for_workers(address, 2)) == 2
        assert [_listening(p) for p in processes] == [{"127.0.0.1"}] * 3
        batch = subprocess.Popen(
            [sys.executable, "-m", "reportbook", "batch", "--workspace", str(workspace),
             "--year", "2023", "--periods", "q1", "--scheduler", address],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
            start_new_session=True,
        )  # fmt: skip
        processes.append(batch)
        kernels = _kill_when_a_build_is_under_way(processes[1], workspace)
        _, err = batch.communicate(timeout=LIMIT)
        assert batch.returncode == 0, err
    finally:
        _stop(processes, kernels)
    record = json.loads((workspace / "outputs" / "batch.json").read_text(encoding="utf-8"))
    assert [t["status"] for t in record["tasks"]] == ["built"] * len(EDITIONS)
    assert {t["worker"] for t in record["tasks"]} == {_address_of_b(tmp_path)}
    for body, period in EDITIONS:
        edition = workspace / "bodies" / body / "outputs" / "2023" / period
        same = reference / "bodies" / body / "outputs" / "2023" / period
        assert integrity_problems(edition) == []
        assert not list(edition.parent.glob(".*staging*"))
        for name in ("report.html", "report.pdf", "report.docx"):
            assert (edition / name).read_bytes() == (same / name).read_bytes(), (body, period)


def _address_of_b(tmp_path: Path) -> str:
    """The surviving worker's address, from its own log ("Listening to: tcp://...")."""
    log = (tmp_path / "worker-b.log").read_text(encoding="utf-8")
    return log.split("Listening to:", 1)[1].split()[0]
