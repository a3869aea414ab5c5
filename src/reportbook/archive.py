"""Write an edition under outputs/<year>/<period>/ without ever half-replacing one.

A build writes into a staging folder beside the edition; only when every
section and render has succeeded is the staging folder swapped in with two
renames. A failed build leaves the previous edition as it was and keeps its
own executed notebooks under outputs/<year>/<period>.failed/ for inspection.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def staging(edition: Path):
    """Yield a fresh staging folder; on error, move it to ``<edition>.failed``."""
    edition.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{edition.name}.staging-", dir=edition.parent))
    stage.chmod(0o755)  # mkdtemp makes it private; an edition is for every reader
    try:
        yield stage
    except BaseException:
        failed = edition.with_name(edition.name + ".failed")
        shutil.rmtree(failed, ignore_errors=True)
        os.replace(stage, failed)
        raise


def publish(stage: Path, edition: Path) -> None:
    """Replace ``edition`` with ``stage`` by renames, never leaving it missing for long."""
    old = None
    if edition.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{edition.name}.old-", dir=edition.parent))
        os.rmdir(old)
        os.replace(edition, old)
    os.replace(stage, edition)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(edition.with_name(edition.name + ".failed"), ignore_errors=True)
