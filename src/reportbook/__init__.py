"""reportbook: periodic administrative-reform reports as reproducible computations.

The public API for section notebooks is :func:`open_report` and the blocks
(:class:`Table`, :class:`Figure`, :class:`Paragraph`); the build pipeline is
:func:`reportbook.build.build`.
"""

from importlib import import_module

from .errors import (
    ConfigError,
    DataError,
    GlyphCoverageError,
    ParameterError,
    RenderError,
    ReportbookError,
    SectionError,
)
from .periods import PERIODS, Period, Window, resolve

# The notebook API (blocks, report, the statistics and formatting modules) pulls
# in pandas; it is loaded on first use so that the command line starts fast when
# it has nothing to compute. Notebooks import these names from ``reportbook``.
_LAZY = {
    "Figure": "notebook.blocks",
    "Group": "notebook.blocks",
    "Heading": "notebook.blocks",
    "Paragraph": "notebook.blocks",
    "Table": "notebook.blocks",
    "Report": "notebook.report",
    "open_report": "notebook.report",
}
_LAZY_MODULES = {
    "charts": "notebook.charts",
    "tables": "notebook.tables",
    "formatting": "notebook.formatting",
    "texts": "notebook.texts",
    "dossiers": "stats.dossiers",
    "services": "stats.services",
    "civil_service": "stats.civil_service",
    "tasks": "stats.tasks",
    "documents": "stats.documents",
    "fastio": "stats.fastio",
}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    elif name in _LAZY_MODULES:
        value = import_module(f".{_LAZY_MODULES[name]}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__version__ = "0.1.0"

__all__ = [
    "PERIODS",
    "ConfigError",
    "DataError",
    "Figure",
    "GlyphCoverageError",
    "Group",
    "Heading",
    "Paragraph",
    "ParameterError",
    "Period",
    "RenderError",
    "Report",
    "ReportbookError",
    "SectionError",
    "Table",
    "Window",
    "open_report",
    "resolve",
]
