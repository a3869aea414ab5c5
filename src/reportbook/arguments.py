"""The command line's grammar: every subcommand, its options and the help a user reads.

:mod:`reportbook.cli` parses with :func:`parser` and runs the command; the
help texts live here so the dispatcher stays short.
"""

from __future__ import annotations

import argparse

from .periods import PERIODS

DESCRIPTION = """\
Build the periodic administrative-reform (CCHC) report of a department from
its data: one notebook per section, run for a year and a period, rendered in
the official layout of Decree 30/2020 as HTML, PDF and Word, with a reviewer
edition, under outputs/<year>/<period>/."""

EXAMPLES = """\
examples:
  reportbook build --year 2023 --period annual      the 2023 annual report
  reportbook build --year 2023 --period annual --section 04
                                                    re-run section 04 only
  reportbook check --year 2024 --period h1          check the inputs, build nothing
  reportbook periods --year 2024                    the periods and their windows"""


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportbook",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    _add_build(commands)
    check = commands.add_parser("check", help="validate params, notebooks and data; build nothing")
    finalize = commands.add_parser("finalize", help="mark an edition final (read-only)")
    for sub in (check, finalize):
        sub.add_argument("--year", required=True, help="reporting year, e.g. 2023")
        sub.add_argument("--period", default="annual", help=f"one of: {', '.join(PERIODS)}")
    _add_new(commands)
    verify = commands.add_parser("verify", help="re-run an edition from its inputs and compare")
    verify.add_argument("edition", help="an edition folder, e.g. outputs/2023/annual")
    periods = commands.add_parser("periods", help="list the periods and their data windows")
    periods.add_argument("--year", default="2023", help="reporting year (default: 2023)")
    from .importing.command import add_parser as add_import

    add_import(commands)
    from .compare.terminal import add_parser as add_diff

    add_diff(commands)
    from .preview.command import add_parser as add_preview

    add_preview(commands)
    _add_province(commands)
    return parser


def _add_province(commands: argparse._SubParsersAction) -> None:
    batch = commands.add_parser("batch", help="build every body x period of a workspace on Dask")
    rollup = commands.add_parser("rollup", help="write a workspace's consolidated report")
    for sub in (batch, rollup):
        sub.add_argument("--workspace", required=True, help="folder with workspace.yaml")
        sub.add_argument("--year", required=True, help="reporting year, e.g. 2023")
    batch.add_argument("--periods", required=True, help="comma-separated, e.g. q1,h1,annual")
    batch.add_argument("--bodies", help="comma-separated body ids (default: every body)")
    batch.add_argument("--scheduler", help="tcp://HOST:PORT of a running Dask scheduler")
    batch.add_argument("--workers", type=_positive, help="local worker processes (default: cores)")
    batch.add_argument("--no-cache", action="store_true", help="ignore each body's cache")
    batch.add_argument("--quiet", action="store_true", help="no progress display")
    rollup.add_argument("--period", default="annual", help=f"one of: {', '.join(PERIODS)}")


BUILD = """\
Build the report of one period into outputs/<year>/<period>/: report.html,
report.pdf, report.docx (Word), the reviewer edition review/, the executed
sections and manifest.json. Every input is checked first; sections whose code,
parameters and inputs are unchanged are reused from outputs/.cache/."""


def _add_build(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser(
        "build",
        help="build one report edition (HTML, PDF, Word, reviewer edition)",
        description=BUILD,
    )
    build.add_argument("--year", required=True, help="reporting year, e.g. 2023")
    build.add_argument("--period", default="annual", help=f"one of: {', '.join(PERIODS)}")
    build.add_argument(
        "--section",
        action="append",
        metavar="NN",
        help="run this section again, even if the cache holds it (repeatable: "
        "--section 04 --section 08); the other sections are kept from the last "
        "build after checking them against its manifest, then everything is rendered",
    )
    build.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="kernels running sections in parallel (default: one per core)",
    )
    no_cache = "execute and render everything, ignoring outputs/.cache/"
    build.add_argument("--no-cache", action="store_true", help=no_cache)
    build.add_argument("--quiet", action="store_true", help="no progress display")
    force = "rebuild a final edition (the current one moves to <period>.history/)"
    build.add_argument("--force", action="store_true", help=force)
    build.add_argument(
        "--allow-failed-checks",
        action="store_true",
        help="publish although a check of the figures failed; the edition is "
        "marked on its first page and in its manifest",
    )
    build.add_argument(
        "--timeout",
        type=_positive,
        metavar="SECONDS",
        help="the longest one cell of a section may run (default: 600)",
    )


def _add_new(commands: argparse._SubParsersAction) -> None:
    new = commands.add_parser(
        "new", help="write a period's params from an earlier report's, texts marked for review"
    )
    new.add_argument("--year", required=True, help="reporting year, e.g. 2024")
    new.add_argument("--period", required=True, help=f"one of: {', '.join(PERIODS)}")
    new.add_argument(
        "--from",
        dest="source",
        metavar="YEAR/PERIOD",
        help="copy this report's params (default: the closest earlier report with params)",
    )
    new.add_argument("--force", action="store_true", help="replace an existing params file")


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)
