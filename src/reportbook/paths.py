"""Where things live: every path derives from the project root.

The root is the folder holding ``data/``, ``params/`` and ``notebooks/``. It is
taken from ``REPORTBOOK_ROOT`` when set (the build sets it for the kernels it
starts) and otherwise found by walking up from the working directory, which is
what makes a notebook opened in JupyterLab find its data.

In a province workspace (a folder with ``workspace.yaml``, see
:mod:`reportbook.province`) many reporting bodies share one set of section
notebooks: a body's folder holds only ``data/`` and ``params/``, and its
notebooks are the workspace's (``notebooks:`` in workspace.yaml). The
manifest still names them ``notebooks/<name>``, as in a standalone project.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from .errors import ConfigError

ROOT_ENV = "REPORTBOOK_ROOT"
# What the package ships besides code: templates (blocks, nbconvert, report CSS,
# reviewer pages) and the bundled report font.
PACKAGE_DIR = Path(__file__).parent
ASSETS = PACKAGE_DIR / "assets"
TEMPLATES = ASSETS / "templates"
FONT_DIR = ASSETS / "fonts"
_MARKERS = ("data", "params", "notebooks")
WORKSPACE_FILE = "workspace.yaml"


def is_project(folder: Path) -> bool:
    """A project root: data/ and params/, and notebooks/ of its own or of its workspace."""
    return all((folder / m).is_dir() for m in _MARKERS[:2]) and notebooks_of(folder).is_dir()


def workspace_of(folder: Path) -> Path | None:
    """The province workspace ``folder`` belongs to (nearest parent with workspace.yaml)."""
    return next((p for p in Path(folder).parents if (p / WORKSPACE_FILE).is_file()), None)


def notebooks_of(root: Path) -> Path:
    """``root/notebooks``; for a workspace body without its own, the workspace's notebooks."""
    own = Path(root) / "notebooks"
    workspace = None if own.is_dir() else workspace_of(root)
    if workspace is None:
        return own
    path = workspace / WORKSPACE_FILE
    try:
        folder = _notebooks_setting(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the workspace's notebooks folder: {exc}") from None
    return (workspace / folder).resolve()


@lru_cache(maxsize=8)
def _notebooks_setting(text: str) -> str:
    """The ``notebooks:`` folder a workspace.yaml text names (parsed once per text: a
    build asks some thirty times, and a sections' kernel again for every section)."""
    import yaml

    try:
        settings = yaml.safe_load(text) or {}
        return str(settings.get("notebooks", "notebooks"))
    except (yaml.YAMLError, AttributeError) as exc:
        raise ValueError(str(exc)) from None


def input_name(path: Path, root: Path) -> str:
    """How the manifest names an input: relative to ``root``; notebooks as ``notebooks/<name>``."""
    path = Path(path)
    if path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return f"notebooks/{path.relative_to(notebooks_of(root)).as_posix()}"


def input_path(name: str, root: Path) -> Path:
    """The file an input name of :func:`input_name` stands for."""
    head, _, rest = name.partition("/")
    return notebooks_of(root) / rest if head == "notebooks" else Path(root) / name


def find_root(start: Path | None = None) -> Path:
    """Return the project root, from the environment or the working directory."""
    if os.environ.get(ROOT_ENV):
        root = Path(os.environ[ROOT_ENV]).resolve()
        if not is_project(root):
            raise ConfigError(
                f"{ROOT_ENV}={root} is not a reportbook project: it needs the "
                f"folders {', '.join(_MARKERS)}"
            )
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_project(folder):
            return folder
    raise ConfigError(
        f"no reportbook project found from {here}: run inside a folder that "
        f"holds {', '.join(_MARKERS)}/ (or a body's data/ and params/ in a province "
        f"workspace) or set {ROOT_ENV}"
    )


@dataclass(frozen=True)
class Project:
    """The folders of one reportbook project."""

    root: Path

    @classmethod
    def locate(cls, start: Path | None = None) -> Project:
        return cls(find_root(start))

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def params(self) -> Path:
        return self.root / "params"

    @cached_property
    def notebooks(self) -> Path:
        """``notebooks/``, or the workspace's for a body of a province workspace."""
        return notebooks_of(self.root)

    @property
    def outputs(self) -> Path:
        return self.root / "outputs"

    @property
    def cache_dir(self) -> Path:
        """``outputs/.cache``: earlier builds' sections, renders, validations (safe to delete)."""
        return self.outputs / ".cache"

    def edition_dir(self, year: int, period: str) -> Path:
        """Return ``outputs/<year>/<period>``; year and period must be validated."""
        return self.outputs / str(int(year)) / period
