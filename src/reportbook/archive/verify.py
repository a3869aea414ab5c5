"""Re-run an archived edition from its recorded inputs and compare, result by result.

``reportbook verify outputs/2023/annual`` answers a reviewer's two questions:
have the inputs changed since the edition was built (data, params, notebook
code, by hash), and does executing them again give the same report — table by
table, figure by figure, text by text, and report.html as a whole? The re-run
happens in a temporary copy of the project, so the archive is never touched.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..errors import EditionError, FileFormatError, ParameterError, VerifyError
from ..inputs.textfiles import kind, load_json
from ..paths import Project, input_name, input_path, is_project
from ..periods import resolve
from .edition import MANIFEST, integrity_problems
from .manifest import hashes

COPIED = ("data", "params", "notebooks")
# Compares the edition with the one it replaced, which a re-run cannot see; the
# archive's own hash still guards it (integrity_problems).
HISTORY_PAGE = "review/so-voi-lan-truoc.html"


@dataclass
class Verdict:
    """What ``verify`` found; ``ok`` when the re-run reproduces every result."""

    edition: Path
    changed_inputs: list[str] = field(default_factory=list)
    archive_problems: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    html_same: bool = True
    files_different: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True only when nothing differs: results, archive, report.html, any output file."""
        return (
            not (self.different or self.archive_problems or self.files_different) and self.html_same
        )

    def require_ok(self) -> None:
        """Raise VerifyError when the re-run does not reproduce the edition."""
        if not self.ok:
            raise VerifyError(f"{self.edition} is NOT reproduced by its recorded inputs")

    def lines(self) -> list[str]:
        out = [f"verify {self.edition}:"]
        out += [f"  input changed since the build: {c}" for c in self.changed_inputs]
        out += [f"  archive: {p}" for p in self.archive_problems]
        out += [f"  same:      {k}" for k in self.same]
        out += [f"  DIFFERENT: {k}" for k in self.different]
        out.append(f"  report.html {'identical' if self.html_same else 'DIFFERENT'}")
        out += [f"  output file differs: {name}" for name in self.files_different]
        total = len(self.same) + len(self.different)
        out.append(
            f"{len(self.same)} of {total} results reproduced; "
            f"{len(self.changed_inputs)} input(s) changed since the build; "
            + ("edition verified" if self.ok else "edition NOT reproduced")
        )
        return out


# What verify reads from a manifest: each key, what it records, and what it must be.
MANIFEST_KEYS = {
    "parameters": "the year and period the edition was built for",
    "inputs": "the hash of every input file",
    "outputs": "the hash of every output file",
}
DAMAGED = (
    "restore manifest.json from a backup of the edition: verify compares the edition "
    "with what it records, so it cannot be rebuilt"
)


def read_manifest(edition: Path) -> dict:
    """The edition's manifest.json, checked for everything verify reads from it.

    The build writes it, but it lives in a folder anyone can edit, copy or cut
    off; a damaged one is named with the key that is wrong, never a KeyError.
    """
    path = edition / MANIFEST
    if not path.exists():
        raise EditionError(f"{edition} is not an edition: it has no {MANIFEST}")
    try:
        manifest = load_json(path, str(path), fix=DAMAGED)
    except FileFormatError as fault:
        raise EditionError(str(fault)) from None
    problem = manifest_problem(manifest)
    if problem:
        raise EditionError(f"{path}: {problem}; {DAMAGED}")
    return manifest


def manifest_problem(manifest: object) -> str | None:
    """What is missing or wrong in a manifest's keys that verify reads, or None."""
    if not isinstance(manifest, dict):
        return f"must be a JSON object, not {kind(manifest)}"
    for key, what in MANIFEST_KEYS.items():
        if key not in manifest:
            return f"has no {key!r} ({what})"
        if not isinstance(manifest[key], dict):
            return f"{key!r} ({what}) must be an object, not {kind(manifest[key])}"
    if not isinstance(manifest.get("results", {}), dict):
        return f"'results' must be an object, not {kind(manifest['results'])}"
    parameters = manifest["parameters"]
    try:
        resolve(parameters.get("year"), parameters.get("period"))
    except ParameterError as exc:
        return f"'parameters': {exc}"
    for key, inside, where in (
        ("inputs", COPIED, "a file under data/, params/ or notebooks/"),
        ("outputs", None, "a file inside the edition"),
    ):
        for name, digest in manifest[key].items():
            if not _relative(name, inside) or not isinstance(digest, str):
                return f"{key!r} holds {name!r}: {digest!r}, which is not {where} and its hash"
    return None


def _relative(name: str, folders: tuple[str, ...] | None) -> bool:
    """A relative path with no '..', inside one of ``folders`` when given."""
    parts = PurePosixPath(name).parts
    return (
        bool(parts)
        and not name.startswith("/")
        and ".." not in parts
        and (folders is None or parts[0] in folders)
    )


def changed_inputs(manifest: dict, root: Path) -> list[str]:
    """Recorded inputs whose current file differs, is gone, or is new."""
    recorded = manifest.get("inputs", {})
    current = hashes([input_path(name, root) for name in recorded], root)
    found = [
        f"{name} (edited)"
        for name in recorded
        if name in current and current[name] != recorded[name]
    ]
    found += [f"{name} (removed)" for name in recorded if name not in current]
    for folder in COPIED:
        for path in sorted(input_path(folder, root).rglob("*")):
            name = input_name(path, root)
            if path.is_file() and name not in recorded and _is_input(name, manifest):
                found.append(f"{name} (new)")
    return found


def _is_input(name: str, manifest: dict) -> bool:
    """Would this file be read by a rebuild? (Other periods' params are not.)"""
    params = manifest["parameters"]
    if name.startswith("params/"):
        return name in ("params/common.yaml", f"params/{params['year']}/{params['period']}.yaml")
    if "/." in name:  # hidden: checkpoints, data/.history (what imports replaced)
        return False
    if name.startswith("notebooks/"):
        return name.endswith(".ipynb")
    return name.startswith("data/") and name.rsplit(".", 1)[-1] in ("csv", "xlsx", "yaml")


def verify(edition: Path, project: Project | None = None) -> Verdict:
    """Re-execute the edition's recorded inputs in a temporary project and compare."""
    from ..build import build

    edition = Path(edition).resolve()
    manifest = read_manifest(edition)
    project = project or _project_of(edition)
    verdict = Verdict(edition, changed_inputs(manifest, project.root), integrity_problems(edition))
    with tempfile.TemporaryDirectory(prefix="reportbook-verify-") as tmp:
        scratch = Project(Path(tmp))
        for folder in COPIED:
            # data/.history holds what imports replaced: never read by a build
            shutil.copytree(
                input_path(folder, project.root),
                scratch.root / folder,
                ignore=shutil.ignore_patterns(".history"),
            )
        params = manifest["parameters"]
        rerun = build(params["year"], params["period"], project=scratch).manifest
    _compare(manifest, rerun, verdict)
    return verdict


def _project_of(edition: Path) -> Project:
    """outputs/<year>/<period> lives in the project root; else the current project."""
    root = edition.parents[2] if len(edition.parents) > 2 else None
    if root is not None and is_project(root):
        return Project(root)
    return Project.locate()


def _compare(archived: dict, rerun: dict, verdict: Verdict) -> None:
    before, after = archived.get("results", {}), rerun.get("results", {})
    for key in before:
        if after.get(key) == before[key]:
            verdict.same.append(key)
        else:
            verdict.different.append(
                key + (" (not produced by the re-run)" if key not in after else "")
            )
    verdict.different += [f"{k} (new in the re-run)" for k in after if k not in before]
    verdict.html_same = archived["outputs"].get("report.html") == rerun["outputs"].get(
        "report.html"
    )
    verdict.files_different = sorted(
        name
        for name in set(archived["outputs"]) | set(rerun["outputs"])
        if archived["outputs"].get(name) != rerun["outputs"].get(name) and name != HISTORY_PAGE
    )
