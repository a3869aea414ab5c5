"""Write an edition under outputs/<year>/<period>/ so that nothing can damage it.

- A build writes into a hidden staging folder beside the edition; only when
  every section and render has succeeded is the staging folder swapped in
  (one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux, two renames elsewhere).
- A failed build leaves the previous edition byte-for-byte intact and keeps its
  own executed notebooks (papermill's error banner included) under
  ``<period>.failed/<timestamp>/``.
- Leftovers of a killed build (hidden ``.<period>.staging-*`` / ``.old-*``
  folders) are never editions: the next build, under the edition's lock,
  restores a half-swapped edition and removes the rest.
- A final edition (``final.json``) is only replaced with ``force``, and the
  replaced edition moves to ``<period>.history/<timestamp>/``; it is never deleted.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import EditionError, FinalEditionError, ReportbookError
from .draft import refuse_draft
from .lock import edition_lock
from .manifest import MANIFEST, sha256

FINAL = "final.json"
KEEP_FAILED = 10


def failed_dir(edition: Path) -> Path:
    return edition.with_name(edition.name + ".failed")


def history_dir(edition: Path) -> Path:
    return edition.with_name(edition.name + ".history")


def _stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() % 1_000_000:06d}"


def is_final(edition: Path) -> bool:
    return (edition / FINAL).is_file()


@contextmanager
def open_edition(edition: Path, *, force: bool = False) -> Iterator[None]:
    """Lock the edition, clean up after killed builds, refuse a final one without ``force``."""
    with edition_lock(edition):
        recover(edition)
        if is_final(edition) and not force:
            raise FinalEditionError(
                f"{edition} is final (see {FINAL}); rebuild it with --force, which keeps "
                f"the current edition under {history_dir(edition).name}/"
            )
        yield


@contextmanager
def staging(edition: Path) -> Iterator[Path]:
    """Yield a fresh staging folder; on error keep it as ``<edition>.failed/<timestamp>``."""
    edition.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{edition.name}.staging-", dir=edition.parent))
    stage.chmod(0o755)  # mkdtemp makes it private; an edition is for every reader
    try:
        yield stage
    except BaseException as exc:
        kept = failed_dir(edition) / _stamp()
        kept.parent.mkdir(exist_ok=True)
        os.replace(stage, kept)
        _prune(failed_dir(edition), KEEP_FAILED)
        if isinstance(exc, ReportbookError):
            _relocate(exc, stage, kept)
        raise


def _relocate(exc: ReportbookError, stage: Path, kept: Path) -> None:
    """Point the error's message at the kept failed run instead of the vanished stage."""
    message = str(exc).replace(str(stage), str(kept))
    if str(kept) not in message:
        message += f"\nthe failed run is kept in {kept}"
    exc.args = (message, *exc.args[1:])
    if getattr(exc, "output_path", None):
        exc.output_path = Path(str(exc.output_path).replace(str(stage), str(kept)))


def _prune(folder: Path, keep: int) -> None:
    runs = sorted(p for p in folder.iterdir() if p.is_dir())
    for old in runs[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


def publish(stage: Path, edition: Path) -> None:
    """Swap ``stage`` in as ``edition``; keep a final previous edition under history/."""
    if edition.exists() and _exchange(stage, edition):
        previous = stage
    else:
        previous = None
        if edition.exists():
            previous = Path(tempfile.mkdtemp(prefix=f".{edition.name}.old-", dir=edition.parent))
            os.rmdir(previous)
            os.replace(edition, previous)
        os.replace(stage, edition)
    if previous is not None:
        _retire(previous, edition)


def _retire(previous: Path, edition: Path) -> None:
    """A replaced final edition goes to history; any other replaced edition is removed."""
    if is_final(previous):
        history = history_dir(edition)
        history.mkdir(exist_ok=True)
        os.replace(previous, history / _stamp())
    else:
        _remove(previous)


def _remove(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            path.chmod(0o644)  # final editions are read-only
    shutil.rmtree(folder, ignore_errors=True)


_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two folders (Linux renameat2); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def recover(edition: Path) -> list[str]:
    """Undo what a killed build left beside ``edition``; call only under its lock.

    A ``.old-*`` folder with no edition is a swap cut in half: it goes back.
    Other leftovers are a killed build's staging (removed) or a replaced
    edition not yet retired (history if final, else removed).
    """
    done = []
    leftovers = sorted(edition.parent.glob(f".{edition.name}.old-*")) + sorted(
        edition.parent.glob(f".{edition.name}.staging-*")
    )
    for folder in leftovers:
        if ".old-" in folder.name and not edition.exists():
            os.replace(folder, edition)
            done.append(f"restored {edition.name} from {folder.name}")
        else:
            _retire(folder, edition)
            done.append(f"removed {folder.name}")
    return done


def finalize(edition: Path) -> dict:
    """Mark ``edition`` final: record it in final.json and make its files read-only.

    A draft (carried-over texts not reviewed when it was built) is refused.
    """
    with edition_lock(edition, what="finalize"):
        recover(edition)
        problems = integrity_problems(edition)
        if problems:
            raise EditionError(f"{edition} cannot be made final:\n  " + "\n  ".join(problems))
        if is_final(edition):
            return json.loads((edition / FINAL).read_text(encoding="utf-8"))
        refuse_draft(edition)
        record = {
            "final": True,
            "finalized_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "manifest_sha256": sha256(edition / MANIFEST),
        }
        (edition / FINAL).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        for path in edition.rglob("*"):
            if path.is_file():
                path.chmod(0o444)
        return record


def integrity_problems(edition: Path) -> list[str]:
    """What differs between the edition's files and its records (manifest, final.json)."""
    outputs, problem = recorded_outputs(edition)
    if problem:
        return [problem]
    present = {p.relative_to(edition).as_posix() for p in edition.rglob("*") if p.is_file()}
    problems = [f"{name}: missing" for name in sorted(set(outputs) - present)]
    problems += [
        f"{name}: not recorded in the manifest"
        for name in sorted(present - set(outputs) - {MANIFEST, FINAL})
    ]
    problems += [
        f"{name}: changed since the build (hash differs)"
        for name in sorted(set(outputs) & present)
        if sha256(edition / name) != outputs[name]
    ]
    return problems


def recorded_outputs(edition: Path) -> tuple[dict[str, str], str | None]:
    """The output hashes the manifest records, and why they cannot be trusted (or None).

    For a final edition the manifest itself must still have the hash final.json
    recorded when it was finalised; a changed manifest could vouch for anything.
    """
    manifest_path = edition / MANIFEST
    if not manifest_path.is_file():
        return {}, f"{edition}: no {MANIFEST} (not a complete edition)"
    try:
        outputs = json.loads(manifest_path.read_text(encoding="utf-8"))["outputs"]
        if not isinstance(outputs, dict):
            raise TypeError("'outputs' is not an object")
    except (ValueError, KeyError, TypeError) as exc:
        return {}, f"{manifest_path}: unreadable ({type(exc).__name__}: {exc})"
    if is_final(edition):
        try:
            final = json.loads((edition / FINAL).read_text(encoding="utf-8"))
            expected = final["manifest_sha256"]
        except (ValueError, KeyError, TypeError) as exc:
            return {}, f"{edition / FINAL}: unreadable ({type(exc).__name__}: {exc})"
        if sha256(manifest_path) != expected:
            return {}, (
                f"{MANIFEST}: changed since the edition was finalised "
                f"(its hash differs from the one {FINAL} records)"
            )
    return outputs, None
