"""environment.yml and pyproject.toml declare the same dependencies; requirements.lock pins them."""

import re
import tomllib
from pathlib import Path

import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_and_pyproject_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = {
        _name(r): r for r in project["dependencies"] + project["optional-dependencies"]["test"]
    }
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = {
        _name(d): d
        for d in env["dependencies"]
        if isinstance(d, str) and _name(d) not in ("python", "pip")
    }
    assert set(conda) == set(declared)
    for name, requirement in declared.items():
        spec = requirement[len(name) :].replace(" ", "")
        assert conda[name].replace(" ", "")[len(name) :] == spec, name


def test_python_version_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    assert project["requires-python"] == ">=3.11"


def _pins() -> dict[str, Version]:
    """requirements.lock's ``name==version`` lines (hash and comment lines skipped)."""
    pins = {}
    for line in LOCK.read_text().splitlines():
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", line)
        if match:
            pins[canonicalize_name(match[1])] = Version(match[2])
    return pins


def test_lock_pins_every_declared_dependency_within_its_bounds():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = [
        Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]
    ]
    pins = _pins()
    missing = [r.name for r in declared if canonicalize_name(r.name) not in pins]
    assert not missing, f"not pinned in {LOCK.name} (run bash scripts/lock.sh): {missing}"
    outside = {
        str(r): str(pins[canonicalize_name(r.name)])
        for r in declared
        if not r.specifier.contains(pins[canonicalize_name(r.name)], prereleases=True)
    }
    assert not outside, f"pins outside pyproject.toml's bounds (run scripts/lock.sh): {outside}"


def test_lock_has_hashes_and_no_torch():
    text = LOCK.read_text()
    pins = _pins()
    assert "torch" not in pins
    assert text.count("--hash=sha256:") >= len(pins)
