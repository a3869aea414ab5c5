"""Keep every data file an import replaces, so any import can be undone.

Each import that changes a data file makes one folder
``data/.history/<timestamp>/`` holding the file as it was (none when the
import created it) and ``import.json``: which exports went in, their hashes,
the counts, and the hash of the file the import wrote. ``reportbook import
--undo`` restores the newest import not yet undone, but only when the data
file is still the one that import wrote (otherwise someone edited it since,
and the message says where to restore from by hand); the undone file is kept
too, under ``<timestamp>/undone/``. Nothing is ever deleted.

The folder starts with a dot: no build reads it (a build reads the data
files by name, :meth:`reportbook.inputs.loading.Dataset.files`) and
``verify`` does not count it as an input.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from ..archive.manifest import sha256
from ..errors import DataError

HISTORY = ".history"
RECORD = "import.json"
UNDONE = "undone"


def _stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + f"-{time.time_ns() // 1000 % 1_000_000:06d}"


def replace_file(
    target: Path, previous: Path | None, write: Callable[[Path], None], record: dict
) -> Path:
    """Write ``target`` with ``write``, keeping ``previous`` (the file it replaces) first.

    The new file is written beside the target and renamed over it only after
    the old one is safely copied into the history entry, which is returned.
    """
    data_dir = target.parent
    entry = data_dir / HISTORY / _stamp()
    entry.mkdir(parents=True)
    partial = data_dir / f".{target.name}.import-partial"
    write(partial)
    if previous is not None:
        shutil.copy2(previous, entry / previous.name)
    record = {
        **record,
        "replaced": [previous.name] if previous is not None else [],
        "wrote": {target.name: sha256(partial)},
        "undone": False,
    }
    _write_record(entry, record)
    os.replace(partial, target)
    if previous is not None and previous != target:
        previous.unlink()  # an .xlsx replaced by the .csv the import writes (its copy is kept)
    return entry


def undo(data_dir: Path) -> str:
    """Restore the data files of the newest import not yet undone; say what was done.

    Every step is a copy into the history or an atomic rename, so an undo
    killed at any point leaves each data file whole (the imported one or the
    restored one) and can simply be run again.
    """
    entry, record = _last_import(data_dir)
    undone = entry / UNDONE
    _check_undoable(data_dir, entry, record)
    undone.mkdir(exist_ok=True)
    for name, digest in record["wrote"].items():
        current = data_dir / name
        if current.is_file() and sha256(current) == digest:
            _copy_whole(current, undone / name)  # the imported file is kept
    for name in record["replaced"]:
        _copy_whole(entry / name, data_dir / name)
    for name in set(record["wrote"]) - set(record["replaced"]):
        (data_dir / name).unlink(missing_ok=True)  # the import created it; its copy is kept
    record.update(undone=True, undone_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    _write_record(entry, record)
    restored = ", ".join(record["replaced"]) or "no file (the import had created it)"
    return (
        f"undid the import of {entry.name} ({_exports(record['exports'])}): "
        f"restored {restored} in {data_dir}; the imported {', '.join(record['wrote'])} "
        f"is kept in {undone}"
    )


def _check_undoable(data_dir: Path, entry: Path, record: dict) -> None:
    """Each file the import wrote is still that file, or what an interrupted undo left."""
    for name, digest in record["wrote"].items():
        current = data_dir / name
        left = {digest}
        if name in record["replaced"]:
            left.add(sha256(entry / name))  # already restored
        if (entry / UNDONE / name).is_file():
            left.add(None)  # already removed after its copy was kept
        if (sha256(current) if current.is_file() else None) not in left:
            raise DataError(
                f"{current}: changed since the import of {entry.name} (it is not the file "
                f"that import wrote); nothing was undone. Restore the file by hand from "
                f"{entry}/ if that is what you want",
                path=current,
            )


def _copy_whole(source: Path, target: Path) -> None:
    """Copy beside the target, then rename: a reader never sees half a file."""
    partial = target.with_name(f".{target.name}.undo-partial")
    shutil.copy2(source, partial)
    os.replace(partial, target)


def _exports(exports: list[dict]) -> str:
    names = [Path(e["file"]).name for e in exports]
    if len(names) <= 3:
        return ", ".join(names)
    return f"{names[0]} … {names[-1]}, {len(names)} exports"


def _last_import(data_dir: Path) -> tuple[Path, dict]:
    folder = data_dir / HISTORY
    entries = sorted(folder.iterdir()) if folder.is_dir() else []
    for entry in reversed(entries):
        path = entry / RECORD
        if not path.is_file():
            continue
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise DataError(f"{path}: unreadable ({exc}); undo that import by hand") from None
        if not record.get("undone"):
            return entry, record
    raise DataError(f"nothing to undo: {folder} holds no import that is not undone yet")


def _write_record(entry: Path, record: dict) -> None:
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    (entry / RECORD).write_text(text, encoding="utf-8")
