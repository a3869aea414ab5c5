"""Make executed notebooks depend only on their inputs.

papermill and nbclient record when each cell ran and for how long, where the
notebook was read from and written to (a random staging folder), and give the
injected parameters cell a random id. None of that is part of the result, and
all of it would make two builds from the same inputs differ, so it is removed
before an executed notebook is archived. Whether a cell succeeded, and the
error banner of a failed one, are kept.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

VOLATILE_RUN = ("start_time", "end_time", "duration")
INJECTED_ID = "injected-parameters"


def normalise(nb: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """Strip timings and machine paths from an executed notebook named ``name``."""
    run = nb.metadata.get("papermill")
    if run is not None:
        for key in VOLATILE_RUN:
            run.pop(key, None)
        run["input_path"] = f"notebooks/{name}"
        run["output_path"] = f"sections/{name}"
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for key in VOLATILE_RUN:
            cell.metadata.get("papermill", {}).pop(key, None)
        if INJECTED_ID in cell.metadata.get("tags", []):
            cell["id"] = INJECTED_ID
    return nb


def normalise_file(path: Path) -> None:
    """Normalise the executed notebook at ``path`` in place."""
    nb = nbformat.read(path, as_version=4)
    nbformat.write(normalise(nb, path.name), path)


def normalise_folder(folder: Path) -> None:
    for path in sorted(folder.glob("*.ipynb")):
        normalise_file(path)
