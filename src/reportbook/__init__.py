"""reportbook: periodic administrative-reform reports as reproducible computations.

The public API for section notebooks is :func:`open_report` and the blocks
(:class:`Table`, :class:`Figure`, :class:`Paragraph`); the build pipeline is
:func:`reportbook.build.build`.
"""

from .blocks import Figure, Group, Heading, Paragraph, Table
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
from .report import Report, open_report

__version__ = "0.1.0"

__all__ = [
    "PERIODS", "ConfigError", "DataError", "Figure", "GlyphCoverageError", "Group",
    "Heading", "Paragraph", "ParameterError", "Period", "RenderError", "Report",
    "ReportbookError", "SectionError", "Table", "Window", "open_report", "resolve",
]
