"""A province workspace: bodies share the section notebooks; each has its own data and params."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from reportbook.cli import main
from reportbook.errors import ConfigError
from reportbook.paths import Project, input_name, input_path, is_project, notebooks_of
from reportbook.province.workspace import Workspace
from reportbook.sections import discover

from .workspaces import EXAMPLE, ROOT, make_workspace


def test_the_sample_workspace_has_the_seed_department_and_five_sample_bodies():
    workspace = Workspace.open(EXAMPLE)
    assert [b.id for b in workspace.bodies] == [
        "sldtbxh", "stp", "syt", "stnmt", "ubnd-my-xuyen", "ubnd-vinh-chau",
    ]  # fmt: skip
    assert {b.group for b in workspace.bodies} == {"so", "huyen"}
    seed = workspace.bodies[0].project
    assert (seed.data / "dossiers.csv").resolve() == ROOT / "data" / "dossiers.csv"
    for body in workspace.bodies[1:]:
        assert "SAMPLE" in (body.folder / "params" / "common.yaml").read_text(encoding="utf-8")
        assert not (body.folder / "data").is_symlink()


def test_a_body_runs_the_workspaces_notebooks_and_its_manifest_names_them_as_usual():
    body = Workspace.open(EXAMPLE).bodies[1].project
    assert is_project(body.root) and not (body.root / "notebooks").exists()
    assert body.notebooks == (ROOT / "notebooks").resolve()
    section = discover(body.notebooks)[0]
    assert input_name(section.path, body.root) == f"notebooks/{section.filename}"
    assert input_path(f"notebooks/{section.filename}", body.root) == section.path
    assert input_name(body.data / "tasks.csv", body.root) == "data/tasks.csv"


def test_a_standalone_project_keeps_its_own_notebooks():
    assert Project(ROOT).notebooks == ROOT / "notebooks"


def test_the_committed_bodies_are_what_the_script_writes(tmp_path):
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_province.py"), "--out", str(tmp_path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    made = sorted(p.relative_to(tmp_path) for p in (tmp_path / "bodies").rglob("*"))
    kept = sorted(
        p.relative_to(EXAMPLE)
        for p in (EXAMPLE / "bodies").rglob("*")
        if "outputs" not in p.relative_to(EXAMPLE).parts
    )
    assert made == kept
    for name in made:
        ours, theirs = tmp_path / name, EXAMPLE / name
        if ours.is_symlink():
            assert ours.resolve() == theirs.resolve(), name
        elif ours.is_file():
            assert filecmp.cmp(ours, theirs, shallow=False), f"{name}: run scripts/make_province.py"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s.pop("rollup"), "rollup: Field required"),
        (lambda s: s.update(colour="red"), "colour: Extra inputs are not permitted"),
        (lambda s: s["bodies"].append({"id": "stp", "group": "so"}), "'stp' is listed twice"),
        (lambda s: s["bodies"].append({"id": "nowhere", "group": "so"}), "'nowhere': "),
        (lambda s: s["bodies"][0].update(group="xa"), "group 'xa' is not under 'groups:'"),
        (lambda s: s["bodies"][0].update(id="Bad Id"), "must be lower-case letters"),
    ],
)
def test_a_wrong_workspace_yaml_is_an_error_naming_the_file_and_the_key(tmp_path, change, expected):
    root = make_workspace(tmp_path, ["stp"])
    settings = yaml.safe_load((root / "workspace.yaml").read_text(encoding="utf-8"))
    change(settings)
    (root / "workspace.yaml").write_text(yaml.safe_dump(settings, allow_unicode=True), "utf-8")
    with pytest.raises(ConfigError) as caught:
        Workspace.open(root)
    assert str(root / "workspace.yaml") in str(caught.value) and expected in str(caught.value)


def test_choosing_an_unknown_body_lists_the_known_ones():
    with pytest.raises(ConfigError, match="no body 'sxd'.*bodies are: sldtbxh, stp"):
        Workspace.open(EXAMPLE).select(["stp", "sxd"])


def test_batch_and_rollup_on_a_folder_without_workspace_yaml_say_so(tmp_path, capsys):
    for command in (["batch", "--periods", "q1"], ["rollup"]):
        code = main([*command, "--workspace", str(tmp_path), "--year", "2023"])
        assert code == 2
        assert f"{tmp_path.resolve()} is not a province workspace" in capsys.readouterr().err


def test_a_body_folder_found_from_the_working_directory_is_the_bodys_project(tmp_path):
    root = make_workspace(tmp_path, ["stp"])
    env = {k: v for k, v in os.environ.items() if k != "REPORTBOOK_ROOT"}
    here = root / "bodies" / "stp" / "data"
    code = "from reportbook.paths import Project; print(Project.locate().root)"
    found = subprocess.run(
        [sys.executable, "-c", code],
        cwd=here, env=env, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert Path(found.stdout.strip()) == (root / "bodies" / "stp").resolve()
    shutil.rmtree(root / "notebooks")
    assert not is_project(root / "bodies" / "stp")


def test_a_scheduler_that_cannot_be_reached_is_a_clear_error(monkeypatch):
    import socket

    from reportbook.province import batch

    with socket.socket() as probe:  # a free port: nothing listens there
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", 2)
    with pytest.raises(ConfigError, match=f"cannot reach the Dask scheduler at {address}"):
        with batch.connect(address, None):
            pass


def test_a_body_follows_the_workspace_yaml_as_it_is_now(tmp_path):
    root = make_workspace(tmp_path, ["stp"])
    body = root / "bodies" / "stp"
    shutil.copytree(root / "notebooks", root / "sections")
    settings_file = root / "workspace.yaml"
    settings = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    for folder in ("sections", "notebooks"):
        settings["notebooks"] = folder
        settings_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
        assert notebooks_of(body) == (root / folder).resolve()
