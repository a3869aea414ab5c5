"""The edition's manifest: what was computed, from what, with what, how fast.

It records the parameters and window, the hash of every input (section
notebooks, params files, data files), the versions of Python and the key
libraries, the git commit when there is one, per-section timings and the hash
of every output, so a reviewer can tell whether a re-run used the same inputs.
"""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from ..params import param_files
from ..paths import input_name
from ..periods import Period
from ..sections import code_hash

if TYPE_CHECKING:
    import nbformat

    from ..context import BuildContext
    from ..rendering.checks import Check

MANIFEST = "manifest.json"
STATUS = "status.json"  # beside the executed notebooks of a failed run

KEY_PACKAGES = (
    "reportbook",
    "papermill",
    "nbformat",
    "nbclient",
    "nbconvert",
    "ipykernel",
    "pandas",
    "numpy",
    "matplotlib",
    "babel",
    "jinja2",
    "pydantic",
    "weasyprint",
    "fonttools",
    "pandera",
    "openpyxl",
)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hashes(paths: list[Path], root: Path) -> dict[str, str]:
    """``{relative path: sha256}`` for the files that exist."""
    return {input_name(path, root): sha256(path) for path in sorted(paths) if path.is_file()}


def code_hashes(notebooks: list[Path], root: Path) -> dict[str, str]:
    """``{notebook: sha256 of its code cells}``: what runs, not markdown or metadata."""
    return {input_name(path, root): code_hash(path) for path in sorted(notebooks)}


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for name in KEY_PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def git_commit(root: Path) -> str | None:
    """The commit of the project checkout, with '+dirty' if it has changes.

    Changes are compared by content, through the repository's filters: a
    notebook saved in JupyterLab with its outputs is not a change when the
    nbstripout filter (scripts/git-filters.sh) strips it to what is committed,
    although `git status` lists it by its size until it is added.

    The index's file stat information is refreshed first, as ``git status``
    does: ``git diff`` alone never records it, so in a fresh clone (whose
    filter is configured after checkout) every build ran nbstripout on every
    notebook again, 14 s a build on this machine.
    """

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)

    try:
        git("update-index", "-q", "--refresh")  # may fail (index locked): only slower then
        commit = git("rev-parse", "HEAD")
        changed = git("diff", "--quiet", "HEAD", "--")
        untracked = git("ls-files", "--others", "--exclude-standard")
    except OSError:
        return None
    if commit.returncode or changed.returncode not in (0, 1) or untracked.returncode:
        return None
    dirty = changed.returncode == 1 or untracked.stdout.strip()
    return commit.stdout.strip() + ("+dirty" if dirty else "")


def build_manifest(
    period: Period,
    inputs: dict[str, str],
    sections: list[dict],
    outputs: dict[str, str],
    root: Path,
) -> dict:
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


def record(ctx: BuildContext, merged: nbformat.NotebookNode, found: list[Check]) -> dict:
    """Everything the edition's manifest says except the output hashes."""
    from ..rendering import results
    from ..rendering.marks import marks_of
    from . import draft

    project = ctx.project
    files = (
        [s.path for s in ctx.every] + ctx.dataset.files() + param_files(project.params, ctx.target)
    )
    sections = [run.record() for run in ctx.runs]
    manifest = build_manifest(ctx.target, hashes(files, project.root), sections, {}, project.root)
    manifest["reused_sections"] = [r.section.name for r in ctx.runs if r.reused_from == "edition"]
    manifest["checks"] = {
        "passed": sum(c.passed for c in found),
        "failed": [c.name + " — " + c.scope for c in found if not c.passed],
        "failures_allowed": ctx.options.allow_failed_checks,
    }
    manifest["marks"] = marks_of(merged)
    manifest.update(draft.recorded(ctx))  # "draft" and its "unreviewed" texts
    manifest["notices"] = ctx.notices  # the same list: notices of rendering still land here
    manifest["notebook_code"] = code_hashes([s.path for s in ctx.every], project.root)
    manifest["params"] = ctx.require_params().model_dump(mode="json")
    manifest["results"] = results.items(merged)
    return manifest


def write_manifest(manifest: dict, stage: Path) -> None:
    """Add the hash of every output written so far and write manifest.json."""
    manifest["outputs"] = {
        p.relative_to(stage).as_posix(): sha256(p) for p in sorted(stage.rglob("*")) if p.is_file()
    }
    _write_json(stage / MANIFEST, manifest)


def write_status(ctx: BuildContext, stage: Path, error: BaseException) -> None:
    """Write status.json into a failed run: every section's outcome, and why the run failed."""
    known = {r.section: r.record() for r in ctx.runs}
    sections = [
        known.get(s)
        or {"section": s.name, "status": "not run", "reused_from": None, "seconds": None}
        for s in ctx.every
    ]
    _write_json(
        stage / STATUS,
        {
            "parameters": {"year": ctx.target.year, "period": ctx.target.code},
            "failed": True,
            "error": f"{type(error).__name__}: {error}",
            "sections": sections,
        },
    )


def _write_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
