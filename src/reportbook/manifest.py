"""The edition's manifest: what was computed, from what, with what, how fast.

It records the parameters and window, the hash of every input (section
notebooks, params files, data files), the versions of Python and the key
libraries, the git commit when there is one, per-section timings and the hash
of every output, so a reviewer can tell whether a re-run used the same inputs.
"""

from __future__ import annotations

import hashlib
import platform
import subprocess
from importlib import metadata
from pathlib import Path

from .periods import Period

KEY_PACKAGES = (
    "reportbook", "papermill", "nbformat", "nbclient", "nbconvert", "ipykernel",
    "pandas", "numpy", "matplotlib", "babel", "jinja2", "pydantic", "weasyprint", "fonttools",
    "pandera", "openpyxl",
)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hashes(paths: list[Path], root: Path) -> dict[str, str]:
    """``{relative path: sha256}`` for the files that exist."""
    return {
        path.relative_to(root).as_posix(): sha256(path)
        for path in sorted(paths) if path.is_file()
    }


def code_hashes(notebooks: list[Path], root: Path) -> dict[str, str]:
    """``{notebook: sha256 of its code cells}``: what runs, not markdown or metadata."""
    import nbformat

    found = {}
    for path in sorted(notebooks):
        nb = nbformat.read(path, as_version=4)
        code = "\n\0".join(c.source for c in nb.cells if c.cell_type == "code")
        found[path.relative_to(root).as_posix()] = hashlib.sha256(code.encode("utf-8")).hexdigest()
    return found


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in KEY_PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def git_commit(root: Path) -> str | None:
    """The commit of the project checkout, with '+dirty' if it has changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return commit + ("+dirty" if dirty else "")


def build_manifest(period: Period, inputs: dict[str, str], sections: list[dict],
                   outputs: dict[str, str], root: Path) -> dict:
    window = period.window
    return {
        "parameters": {"year": period.year, "period": period.code},
        "label": period.label,
        "window": {"start": window.start.isoformat(), "end": window.end.isoformat()},
        "previous_year_window": {
            "start": period.previous_year.window.start.isoformat(),
            "end": period.previous_year.window.end.isoformat(),
        },
        "inputs": inputs,
        "versions": versions(),
        "git_commit": git_commit(root),
        "sections": sections,
        "outputs": outputs,
    }
