"""Test workspaces: copies of examples/province with a few of its small SAMPLE bodies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "province"
PYTHON = [sys.executable, "-m", "reportbook"]


def make_workspace(target: Path, bodies: list[str], bad: str | None = None) -> Path:
    """A workspace in ``target`` with the example's ``bodies`` and its own notebooks.

    ``bad`` adds a copy of the first body under that id, named Sở Xây dựng, whose
    dossiers.csv has one dossier resolved before it was received.
    """
    settings = yaml.safe_load((EXAMPLE / "workspace.yaml").read_text(encoding="utf-8"))
    shutil.copytree(ROOT / "notebooks", target / "notebooks")
    for body in bodies:  # data and params only: never editions or caches built in the example
        shutil.copytree(
            EXAMPLE / "bodies" / body,
            target / "bodies" / body,
            ignore=shutil.ignore_patterns("outputs"),
        )
    entries = [e for e in settings["bodies"] if e["id"] in bodies]
    if bad:
        shutil.copytree(target / "bodies" / bodies[0], target / "bodies" / bad)
        _break_a_dossier(target / "bodies" / bad / "data" / "dossiers.csv")
        common = target / "bodies" / bad / "params" / "common.yaml"
        text = common.read_text(encoding="utf-8")
        common.write_text(text.replace("  name: ", "  name: Sở Xây dựng # ", 1), "utf-8")
        entries.append({"id": bad, "group": "so"})
    settings.update(notebooks="notebooks", bodies=entries)
    (target / "workspace.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    return target


def _break_a_dossier(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cells = lines[5].split(",")
    cells[7] = "01/01/2020"  # resolved_on before received_on
    lines[5] = ",".join(cells)
    path.write_text("".join(lines), encoding="utf-8")


def reportbook(*args: str, cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the command line in a fresh process, as a user would."""
    env = {k: v for k, v in os.environ.items() if k != "REPORTBOOK_ROOT"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [*PYTHON, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
