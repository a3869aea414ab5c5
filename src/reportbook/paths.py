"""Where things live: every path derives from the project root.

The root is the folder holding ``data/``, ``params/`` and ``notebooks/``. It is
taken from ``REPORTBOOK_ROOT`` when set (the build sets it for the kernels it
starts) and otherwise found by walking up from the working directory, which is
what makes a notebook opened in JupyterLab find its data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
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


def _is_root(folder: Path) -> bool:
    return all((folder / marker).is_dir() for marker in _MARKERS)


def find_root(start: Path | None = None) -> Path:
    """Return the project root, from the environment or the working directory."""
    if os.environ.get(ROOT_ENV):
        root = Path(os.environ[ROOT_ENV]).resolve()
        if not _is_root(root):
            raise ConfigError(
                f"{ROOT_ENV}={root} is not a reportbook project: it needs the "
                f"folders {', '.join(_MARKERS)}"
            )
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_root(folder):
            return folder
    raise ConfigError(
        f"no reportbook project found from {here}: run inside a folder that "
        f"holds {', '.join(_MARKERS)}/ or set {ROOT_ENV}"
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

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

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
