"""The command line: parse, call one library function, map errors to exit codes.

reportbook build --year 2023 --period annual [--section 04 ...] [--jobs N] [--no-cache] [--force]
reportbook check --year 2023 --period annual
reportbook finalize --year 2023 --period annual
reportbook verify outputs/2023/annual
reportbook periods [--year 2023]
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from .errors import ReportbookError, VerifyError
from .notebook import formatting
from .periods import PERIODS, resolve

EXIT_ERROR = 2
EXIT_MISMATCH = 3  # verify: the re-run differs from the archived edition


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


def _parser() -> argparse.ArgumentParser:
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
    verify = commands.add_parser("verify", help="re-run an edition from its inputs and compare")
    verify.add_argument("edition", help="an edition folder, e.g. outputs/2023/annual")
    periods = commands.add_parser("periods", help="list the periods and their data windows")
    periods.add_argument("--year", default="2023", help="reporting year (default: 2023)")
    return parser


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


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(stderr=True, log_path=False)  # no "progress.py:51" after each line
    try:
        if args.command == "build":
            return _build(args, console)
        if args.command in COMMANDS:
            return COMMANDS[args.command](args, console)
        return _periods(args)
    except VerifyError:  # the verdict's lines say what differs
        return EXIT_MISMATCH
    except ReportbookError as exc:
        console.print("[bold red]error:[/] ", end="", highlight=False)
        console.print(str(exc), highlight=False, markup=False, soft_wrap=True)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head`
        return 0
    except OSError as exc:  # full disk, permissions: the edition is unchanged, say why
        console.print(
            f"error: cannot write: {exc}; the previous edition is unchanged",
            highlight=False,
            markup=False,
        )
        return EXIT_ERROR
    except KeyboardInterrupt:
        console.print("interrupted; the previous edition is unchanged")
        return 130


def _build(args: argparse.Namespace, console: Console) -> int:
    from .build import build
    from .progress import rich_progress

    with rich_progress(console, enabled=not args.quiet) as progress:
        result = build(
            args.year,
            args.period,
            sections=args.section,
            progress=progress,
            jobs=args.jobs,
            use_cache=not args.no_cache,
            force=args.force,
            allow_failed_checks=args.allow_failed_checks,
            timeout=args.timeout,
        )
    executed = [r for r in result.runs if r.executed]
    cached = [r for r in result.runs if r.reused_from == "cache"]
    kept = [r for r in result.runs if r.reused_from == "edition"]
    total = sum(r.seconds for r in executed)
    console.print(
        f"built {result.period.label} in {result.edition} "
        f"({len(executed)} section(s) executed, {len(cached)} reused from the cache"
        + (f", {len(kept)} kept from the previous edition" if kept else "")
        + f", {total:.1f} s in sections)",
        highlight=False,
        soft_wrap=True,
    )
    return 0


def _check(args: argparse.Namespace, console: Console) -> int:
    from .inputs.preflight import require_valid
    from .paths import Project
    from .sections import discover

    period = resolve(args.year, args.period)
    project = Project.locate()
    require_valid(project, period, discover(project.notebooks))
    console.print(f"inputs for {period.label} are valid (params, notebooks, data)", highlight=False)
    return 0


def _finalize(args: argparse.Namespace, console: Console) -> int:
    from .archive.edition import finalize
    from .paths import Project

    period = resolve(args.year, args.period)
    edition = Project.locate().edition_dir(period.year, period.code)
    if not edition.is_dir():
        console.print(
            f"[bold red]error:[/] {edition} does not exist; build it first", highlight=False
        )
        return EXIT_ERROR
    record = finalize(edition)
    console.print(f"{edition} is final since {record['finalized_at']}", highlight=False)
    return 0


def _verify(args: argparse.Namespace, console: Console) -> int:
    from pathlib import Path

    from .archive.verify import verify

    verdict = verify(Path(args.edition))
    print("\n".join(verdict.lines()))
    verdict.require_ok()
    return 0


COMMANDS = {"check": _check, "finalize": _finalize, "verify": _verify}


def _periods(args: argparse.Namespace) -> int:
    for code in PERIODS:
        period = resolve(args.year, code)
        window = period.window
        print(
            f"{code:7} {formatting.date(window.start)}–{formatting.date(window.end)}  "
            f"{period.label}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
