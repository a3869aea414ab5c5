"""A province workspace: its bodies, their folders, and the body that consolidates.

Layout (``examples/province/`` is a sample)::

    workspace.yaml        name, notebooks folder, groups, bodies in report order, rollup body
    bodies/<id>/data/     one body's records (the same files as a project's data/)
    bodies/<id>/params/   its organisation, signer, recipients and texts
    bodies/<id>/outputs/  its editions, as ``reportbook build`` archives them
    outputs/batch.json    the last batch: every task, status, timing, edition
    outputs/<year>/<period>/  the consolidated report (báo cáo tổng hợp)

A body is a reportbook project whose notebooks are the workspace's
(:func:`reportbook.paths.notebooks_of`), so ``reportbook build`` run inside
``bodies/<id>/`` builds the very edition the batch builds. workspace.yaml
is checked as params are: a misspelt key or a body without a folder is an
error naming the file and the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import ConfigError
from ..params import Organisation, ReportInfo, Signer
from ..paths import WORKSPACE_FILE, Project, is_project

BODY_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BodyEntry(_Strict):
    id: str
    group: str


class RollupBody(_Strict):
    """Who writes the consolidated report, and to whom it goes."""

    organisation: Organisation
    report: ReportInfo = ReportInfo()
    signer: Signer
    recipients: list[str]


class Settings(_Strict):
    name: str
    notebooks: str = "notebooks"
    groups: dict[str, str]
    bodies: list[BodyEntry]
    rollup: RollupBody


@dataclass(frozen=True)
class Body:
    """One reporting body of the workspace: a project in ``bodies/<id>/``."""

    id: str
    group: str
    folder: Path

    @property
    def project(self) -> Project:
        return Project(self.folder)

    def edition(self, year: int, period: str) -> Path:
        return self.project.edition_dir(year, period)


@dataclass(frozen=True)
class Workspace:
    root: Path
    settings: Settings
    bodies: tuple[Body, ...]

    @classmethod
    def open(cls, root: Path | str) -> Workspace:
        """Read and check ``root/workspace.yaml``; every body must be a project."""
        root = Path(root).resolve()
        settings = _settings(root / WORKSPACE_FILE)
        bodies = tuple(Body(e.id, e.group, root / "bodies" / e.id) for e in settings.bodies)
        problems = _problems(settings, bodies)
        if problems:
            raise ConfigError(f"{root / WORKSPACE_FILE}:\n  " + "\n  ".join(problems))
        return cls(root, settings, bodies)

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    @property
    def batch_file(self) -> Path:
        return self.outputs / "batch.json"

    def rollup_edition(self, year: int, period: str) -> Path:
        return self.outputs / str(int(year)) / period

    def select(self, ids: list[str] | None) -> list[Body]:
        """The bodies named (all when None), in the workspace's order; unknown ids are an error."""
        if not ids:
            return list(self.bodies)
        known = {b.id: b for b in self.bodies}
        unknown = [i for i in ids if i not in known]
        if unknown:
            raise ConfigError(
                f"no body {', '.join(map(repr, unknown))} in {self.root / WORKSPACE_FILE}; "
                f"bodies are: {', '.join(known)}"
            )
        return [b for b in self.bodies if b.id in ids]


def _settings(path: Path) -> Settings:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path.parent} is not a province workspace: it has no {WORKSPACE_FILE} "
            f"(examples/province/ is one)"
        ) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        lines = [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
        raise ConfigError(f"{path} is invalid:\n  " + "\n  ".join(lines)) from None


def _problems(settings: Settings, bodies: tuple[Body, ...]) -> list[str]:
    """What is wrong with the bodies the settings name (ids, groups, folders)."""
    ids = [b.id for b in bodies]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    problems = [f"bodies: {i!r} is listed twice" for i in twice]
    for body in bodies:
        if not BODY_ID.match(body.id):
            problems.append(f"bodies: id {body.id!r} must be lower-case letters, digits and '-'")
        elif not is_project(body.folder):
            problems.append(
                f"bodies: {body.id!r}: {body.folder} needs data/ and params/ "
                f"(and the workspace's notebooks, {settings.notebooks})"
            )
        if body.group not in settings.groups:
            problems.append(f"bodies: {body.id!r}: group {body.group!r} is not under 'groups:'")
    return problems
