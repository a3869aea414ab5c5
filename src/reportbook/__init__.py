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

# The notebook API (blocks, report) pulls in pandas; it is loaded on first use
# so that the command line starts fast when it has nothing to compute.
_LAZY = {"Figure": "blocks", "Group": "blocks", "Heading": "blocks", "Paragraph": "blocks",
         "Table": "blocks", "Report": "report", "open_report": "report"}


def __getattr__(name: str):
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__version__ = "0.1.0"

__all__ = [
    "PERIODS", "ConfigError", "DataError", "Figure", "GlyphCoverageError", "Group",
    "Heading", "Paragraph", "ParameterError", "Period", "RenderError", "Report",
    "ReportbookError", "SectionError", "Table", "Window", "open_report", "resolve",
]
