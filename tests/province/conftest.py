"""Shared, built once per session: a batch over a small workspace, and a single build to match."""

from __future__ import annotations

import pytest

from .workspaces import make_workspace, reportbook

PERIODS = "q1,h1"


@pytest.fixture(scope="session")
def batch_run(tmp_path_factory):
    """Two SAMPLE bodies and one with a broken dossier, q1 and h1 of 2023, on two local workers."""
    workspace = make_workspace(tmp_path_factory.mktemp("batch"), ["stp", "syt"], bad="bad")
    result = reportbook(
        "batch", "--workspace", str(workspace), "--year", "2023", "--periods", PERIODS,
        "--workers", "2", cwd=workspace,
    )  # fmt: skip
    return workspace, result


@pytest.fixture(scope="session")
def single_build(tmp_path_factory):
    """stp's q1 edition built alone with ``reportbook build``, in another copy of the workspace."""
    workspace = make_workspace(tmp_path_factory.mktemp("single"), ["stp"])
    body = workspace / "bodies" / "stp"
    result = reportbook("build", "--year", "2023", "--period", "q1", "--quiet", cwd=body)
    assert result.returncode == 0, result.stderr
    return body / "outputs" / "2023" / "q1"
