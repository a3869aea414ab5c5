"""What a pooled kernel runs between sections: warm up once, reset before each.

A fresh kernel per section costs a start, ``import pandas, matplotlib`` and a
shutdown, several times the section's own work. A pooled kernel pays that
once; before every section :func:`reset` returns it to the state a fresh
kernel has after the same imports, so no section can see another's work:

- the user namespace is rebuilt (``InteractiveShell.reset(new_session=True)``),
  so variables, functions and ``In``/``Out`` of the last section are gone and
  the execution count starts at 1 again;
- open matplotlib figures are closed and ``rcParams`` restored to the
  snapshot taken after warm-up;
- pandas options, warning filters, environment variables and the working
  directory are restored from the same snapshot;
- the record of files read (:mod:`reportbook.execution.reads`) is cleared.

Imported modules stay imported: that is the saving. Module-level caches in
reportbook are pure functions of their arguments (fonts' coverage, for one;
the verdicts of :mod:`reportbook.inputs.verdicts`, keyed by the cells checked).
"""

from __future__ import annotations

import gc
import os
import warnings
from contextlib import contextmanager
from typing import TYPE_CHECKING

from . import reads

if TYPE_CHECKING:
    from types import ModuleType

# Imported once per kernel; what the section notebooks import.
WARM_MODULES = (
    "numpy",
    "pandas",
    "matplotlib",
    "matplotlib.pyplot",
    "reportbook",
    "reportbook.notebook.report",
    "reportbook.notebook.charts",
    "reportbook.notebook.tables",
    "reportbook.stats.dossiers",
)

_snapshot: dict = {}


def warm(root: str) -> None:
    """Import the heavy modules, start recording reads under ``root``, snapshot the state."""
    import importlib

    for name in WARM_MODULES:
        importlib.import_module(name)
    reads.watch(root)
    import matplotlib
    import pandas as pd

    _snapshot.update(
        rc={k: v for k, v in matplotlib.rcParams.items() if k != "backend"},
        pandas=_pandas_options(pd),
        filters=list(warnings.filters),
        environ=dict(os.environ),
        cwd=os.getcwd(),
    )


def retarget(root: str) -> None:
    """Serve the project at ``root`` from now on: record its reads, find it from the environment.

    A batch worker keeps its kernels warm from one reporting body's build to
    the next; :func:`reset` then restores this environment.
    """
    from ..paths import ROOT_ENV

    reads.watch(root)
    _snapshot["environ"][ROOT_ENV] = os.environ[ROOT_ENV] = root


def _pandas_options(pd: ModuleType) -> dict:
    """Every pandas option, found by walking the public ``pd.options`` tree."""

    def walk(node: object, prefix: str) -> dict:
        found = {}
        for name in dir(node):
            value = getattr(node, name)
            if isinstance(value, type(pd.options)):
                found.update(walk(value, f"{prefix}{name}."))
            else:
                found[prefix + name] = value
        return found

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # deprecated options warn when read
        return walk(pd.options, "")


def reset() -> None:
    """Return the kernel to its post-warm-up state (see the module docstring)."""
    import matplotlib
    import matplotlib.pyplot as plt
    from IPython import get_ipython

    with _without_full_collection():
        get_ipython().reset(new_session=True)
    plt.close("all")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        matplotlib.rcParams.update(_snapshot["rc"])
        _restore_pandas_options(_snapshot["pandas"])
    warnings.filters[:] = _snapshot["filters"]
    os.environ.clear()
    os.environ.update(_snapshot["environ"])
    os.chdir(_snapshot["cwd"])
    reads.take()


@contextmanager
def _without_full_collection():
    """Skip the full ``gc.collect()`` IPython's reset ends with (60 ms with pandas loaded).

    The namespace is cleared all the same; unreachable cycles are freed by the
    collector's ordinary passes instead of at every section.
    """
    collect = gc.collect
    gc.collect = lambda *args, **kwargs: 0
    try:
        yield
    finally:
        gc.collect = collect


def _restore_pandas_options(options: dict) -> None:
    import pandas as pd

    for key, value in options.items():
        if not _same(pd.get_option(key), value):
            pd.set_option(key, value)


def _same(a: object, b: object) -> bool:
    try:
        return bool(a == b)
    except (TypeError, ValueError):
        return a is b


def files_read() -> dict:
    """What the last section read: files and params values (:mod:`reportbook.execution.reads`)."""
    return reads.take()
