"""The command line: parse, call one library function, map errors to exit codes.

reportbook build --year 2023 --period annual [--section 04 ...] [--jobs N] [--no-cache] [--force]
reportbook check --year 2023 --period annual
reportbook finalize --year 2023 --period annual
reportbook new --year 2024 --period q3 [--from 2024/h1] [--force]
reportbook verify outputs/2023/annual
reportbook periods [--year 2023]
reportbook import dossiers FILE.xlsx [FILE ...] [--mapping FILE.yaml]   (or documents; --undo)
reportbook diff outputs/2023/q1 outputs/2024/q1
reportbook preview --year 2023 --period annual [--port 8765]
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportbook", description=__doc__.splitlines()[0])
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
    periods.add_argument("--year", default="2023")
    from .importing.command import add_parser as add_import

    add_import(commands)
    from .compare.terminal import add_parser as add_diff

    add_diff(commands)
    from .preview.command import add_parser as add_preview

    add_preview(commands)
    return parser


def _add_build(commands: argparse._SubParsersAction) -> None:
    build = commands.add_parser("build", help="build one report edition (HTML, PDF, Word)")
    build.add_argument("--year", required=True, help="reporting year, e.g. 2023")
    build.add_argument("--period", default="annual", help=f"one of: {', '.join(PERIODS)}")
    build.add_argument(
        "--section",
        action="append",
        metavar="NN",
        help="re-run only this section (repeatable); others are kept from the "
        "last build after checking them against its manifest",
    )
    build.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="kernels running sections in parallel (default: one per core)",
    )
    build.add_argument(
        "--no-cache",
        action="store_true",
        help="execute and render everything, ignoring outputs/.cache/",
    )
    build.add_argument("--quiet", action="store_true", help="no progress display")
    build.add_argument(
        "--force",
        action="store_true",
        help="rebuild a final edition (the current one moves to <period>.history/)",
    )
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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(stderr=True)
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
    _print_warnings(console, result.warnings)
    console.print(
        f"built {result.period.label} in {result.edition} "
        f"({len(executed)} section(s) executed, {len(cached)} reused from the cache"
        + (f", {len(kept)} kept from the previous edition" if kept else "")
        + f", {total:.1f} s in sections)",
        highlight=False,
    )
    if result.manifest.get("draft"):
        console.print(
            f"it is a draft (DỰ THẢO): {len(result.manifest['unreviewed'])} carried-over "
            f"text(s) not reviewed; finalize refuses it until they are",
            highlight=False,
        )
    return 0


def _check(args: argparse.Namespace, console: Console) -> int:
    from .inputs.preflight import require_valid
    from .params import load_params
    from .paths import Project
    from .sections import discover

    period = resolve(args.year, args.period)
    project = Project.locate()
    warnings = require_valid(project, period, discover(project.notebooks))
    _print_warnings(console, warnings)
    also = f"; look at the {len(warnings)} warning(s) above" if warnings else ""
    console.print(
        f"inputs for {period.label} are valid (params, notebooks, data){also}", highlight=False
    )
    carried = load_params(project.params, period).carried_over
    if carried:
        console.print(
            f"its edition will be a draft (DỰ THẢO): not reviewed yet: {', '.join(carried)}",
            highlight=False,
        )
    return 0


def _print_warnings(console: Console, warnings: list) -> None:
    """Implausible data values: listed with their place; they never change the exit code."""
    if warnings:
        from .inputs.problems import report

        text = f"warning: data values to look at:\n{report(warnings, noun='warning')}"
        console.print(text, highlight=False, markup=False, soft_wrap=True)


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


def _new(args: argparse.Namespace, console: Console) -> int:
    from .drafting.scaffold import new_params, parse_edition, summary
    from .inputs.problems import report
    from .paths import Project

    period = resolve(args.year, args.period)
    source = parse_edition(args.source) if args.source else None
    result = new_params(Project.locate(), period, source, force=args.force)
    print("\n".join(summary(result, period)))
    if result.problems:
        console.print(
            f"error: {result.target} is written but not valid yet; fix it, then "
            f"`reportbook check --year {period.year} --period {period.code}`:\n"
            f"{report(result.problems)}",
            highlight=False,
            markup=False,
        )
        return EXIT_ERROR
    return 0


def _verify(args: argparse.Namespace, console: Console) -> int:
    from pathlib import Path

    from .archive.verify import verify

    verdict = verify(Path(args.edition))
    print("\n".join(verdict.lines()))
    verdict.require_ok()
    return 0


# Commands whose module has its own ``run(args, console)``; imported only when used.
_DELEGATED = {
    "import": "importing.command",
    "diff": "compare.terminal",
    "preview": "preview.command",
}


def _delegate(args: argparse.Namespace, console: Console) -> int:
    from importlib import import_module

    return import_module(f".{_DELEGATED[args.command]}", __package__).run(args, console)


COMMANDS = {
    "check": _check,
    "finalize": _finalize,
    "new": _new,
    "verify": _verify,
    **dict.fromkeys(_DELEGATED, _delegate),
}


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
