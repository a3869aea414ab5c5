"""The build cache: a section is re-executed only when something it depends on changed.

A section's result depends on its code, its parameters, the files it reads,
and the code and libraries it runs with. The key is therefore in two parts:

- the **base key**, known before running: a hash of the notebook's cells
  (code, and the markdown and title the reviewer pages show), the resolved
  parameters, the kernel name, the versions of Python and the key libraries,
  and the content of the reportbook package itself;
- the **reads**, known only after running: the content hash of every file
  under ``data/`` and ``params/`` the section opened, and the hash of every
  params value (a text, the signer, ...) it used (recorded in the kernel,
  :mod:`reportbook.execution.reads`).

A lookup finds the entry stored under the base key, re-hashes the files it
lists and the params values it names in this build's params; any difference
(or a file now missing or newly present) is a miss.
Which files a section reads can only change if the code or a file it
already read changed, so checking the recorded list is enough.

Layout under ``outputs/.cache/`` (safe to delete at any time)::

    sections/<section>/<base key>.json    {"files": {path: sha256 or null},
                                           "values": {params name: sha256}}
    sections/<section>/<base key>.ipynb   the executed notebook
    render/<render key>/report.html, report.pdf
    validated/<data key>                  the data files passed validation
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..archive.manifest import sha256, versions
from ..paths import PACKAGE_DIR
from ..sections import source_cells
from . import reads

if TYPE_CHECKING:
    from ..params import Params

FORMAT = 2  # 2: entries record their own hashes
RENDER_HASHES = "hashes.json"
KEEP_PER_SECTION = 4
KEEP_RENDERS = 12


def digest(*parts) -> str:
    """A sha256 over JSON-serialised ``parts``."""
    text = json.dumps([FORMAT, *parts], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def package_hash() -> str:
    """Hash of reportbook's code, templates and fonts (an editable install keeps its version)."""
    files = sorted(
        p for p in PACKAGE_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    )
    return digest({p.relative_to(PACKAGE_DIR).as_posix(): sha256(p) for p in files})


@lru_cache(maxsize=1)
def environment_key() -> str:
    return digest(versions(), package_hash())


def section_key(notebook: Path, parameters: dict, kernel: str) -> str:
    """The base key of a section: everything but the files it reads."""
    return digest(source_cells(notebook), parameters, kernel, environment_key())


class FileHashes:
    """Content hashes of files, each computed once per build (None: no such file)."""

    def __init__(self):
        self._known: dict[str, str | None] = {}

    def __call__(self, path: str | os.PathLike[str]) -> str | None:
        path = os.path.abspath(path)
        if path not in self._known:
            self._known[path] = sha256(Path(path)) if os.path.isfile(path) else None
        return self._known[path]


class Cache:
    """Executed sections and rendered outputs of earlier builds, under ``folder``."""

    def __init__(
        self,
        folder: Path,
        root: Path,
        params: Params | None = None,
        warn: Callable[[str], None] | None = None,
    ):
        self.folder = Path(folder)
        self.root = Path(root)
        self.params = params  # the build's params, to check the values sections used
        self.hash_of = FileHashes()
        self.warn = warn or (lambda message: None)  # told of damaged entries it discards

    # -- sections --------------------------------------------------------
    def _entry(self, section: str, key: str) -> tuple[Path, Path]:
        folder = self.folder / "sections" / section
        return folder / f"{key}.json", folder / f"{key}.ipynb"

    def lookup(self, section: str, key: str) -> Path | None:
        """The cached executed notebook if it is intact and every input it read is unchanged.

        An entry whose notebook no longer has the hash recorded when it was
        stored (edited, truncated, overwritten) is discarded and reported: it
        is re-run, never used.
        """
        meta, notebook = self._entry(section, key)
        try:
            entry = json.loads(meta.read_text(encoding="utf-8"))
            files, values, recorded = entry["files"], entry["values"], entry["notebook"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if not notebook.is_file() or (values and self.params is None):
            return None
        if sha256(notebook) != recorded:
            self._discard(f"section {section}", [meta, notebook])
            return None
        for rel, expected in files.items():
            if self.hash_of(self.root / rel) != expected:
                return None
        for name, expected in values.items():
            if reads.value_digest(reads.value_of(self.params, name)) != expected:
                return None
        return notebook

    def store(self, section: str, key: str, executed: Path, read: dict) -> None:
        """Remember ``executed`` as the result of ``key`` given what it ``read``.

        ``read`` is :func:`reportbook.execution.reads.take`'s record: files by path,
        params values by name and hash.
        """
        meta, notebook = self._entry(section, key)
        files = {}
        for path in read["files"]:
            rel = os.path.relpath(path, self.root)
            files[Path(rel).as_posix()] = self.hash_of(path)
        entry = {"files": files, "values": read["values"], "notebook": sha256(executed)}
        _atomic_copy(executed, notebook)
        _atomic_write(meta, json.dumps(entry, indent=1, sort_keys=True))
        _prune(meta.parent, "*.json", KEEP_PER_SECTION, lambda p: [p, p.with_suffix(".ipynb")])

    # -- rendered outputs ------------------------------------------------
    def rendered(self, key: str, names: list[str]) -> list[Path] | None:
        """The rendered files of ``key`` if each still has the hash recorded when stored."""
        folder = self.folder / "render" / key
        paths = [folder / n for n in names]
        try:
            recorded = json.loads((folder / RENDER_HASHES).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(recorded, dict) or not all(p.is_file() for p in paths):
            return None
        if any(recorded.get(p.name) != sha256(p) for p in paths):
            self._discard(f"rendering {', '.join(names)}", [folder])
            return None
        return paths

    def store_rendered(self, key: str, paths: list[Path]) -> None:
        folder = self.folder / "render" / key
        for path in paths:
            _atomic_copy(path, folder / path.name)
        hashes = {path.name: sha256(path) for path in paths}
        _atomic_write(folder / RENDER_HASHES, json.dumps(hashes, indent=1, sort_keys=True))
        _prune(folder.parent, "*", KEEP_RENDERS, lambda p: [p])

    def _discard(self, what: str, paths: list[Path]) -> None:
        """Remove a damaged entry and say so; the build recomputes it."""
        for path in paths:
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        self.warn(f"cache: the stored {what} was damaged (hash differs); discarded, recomputing")

    # -- data validation -------------------------------------------------
    def validated(self, key: str) -> bool:
        return (self.folder / "validated" / key).is_file()

    def mark_validated(self, key: str) -> None:
        _atomic_write(self.folder / "validated" / key, "")
        _prune(self.folder / "validated", "*", KEEP_RENDERS, lambda p: [p])


def cached_files(
    cache: Cache | None,
    key: str | None,
    names: list[str],
    out_dir: Path,
    make: Callable[[], list[Path]],
) -> list[Path]:
    """Copy ``names`` from the render entry ``key`` into ``out_dir``, or ``make()`` and store them.

    The one look-up/copy/store step behind every cached rendering (HTML and
    PDF, Word, the reviewer's section pages). Without a cache, just ``make()``.
    """
    found = cache.rendered(key, names) if cache else None
    if found:
        for path in found:
            shutil.copyfile(path, out_dir / path.name)
        return [out_dir / name for name in names]
    paths = make()
    if cache:
        cache.store_rendered(key, paths)
    return paths


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def _atomic_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    os.close(handle)
    shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def _prune(folder: Path, pattern: str, keep: int, victims: Callable[[Path], list[Path]]) -> None:
    """Keep the ``keep`` most recently written entries of ``folder``."""
    entries = sorted(
        (p for p in folder.glob(pattern) if not p.name.startswith(".tmp-")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[keep:]:
        for path in victims(old):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
