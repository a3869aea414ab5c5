"""The command line: parse, call one library function, map errors to exit codes.

reportbook build --year 2023 --period annual [--section 04 ...] [--jobs N] [--no-cache] [--force]
reportbook check --year 2023 --period annual
reportbook finalize --year 2023 --period annual
reportbook verify outputs/2023/annual
reportbook periods [--year 2023]
reportbook batch --workspace DIR --year 2023 --periods q1,h1 [--bodies A,B] [--scheduler ADDRESS]
reportbook rollup --workspace DIR --year 2023 --period annual
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
    verify = commands.add_parser("verify", help="re-run an edition from its inputs and compare")
    verify.add_argument("edition", help="an edition folder, e.g. outputs/2023/annual")
    periods = commands.add_parser("periods", help="list the periods and their data windows")
    periods.add_argument("--year", default="2023")
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
    console.print(
        f"built {result.period.label} in {result.edition} "
        f"({len(executed)} section(s) executed, {len(cached)} reused from the cache"
        + (f", {len(kept)} kept from the previous edition" if kept else "")
        + f", {total:.1f} s in sections)",
        highlight=False,
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


def _batch(args: argparse.Namespace, console: Console) -> int:
    from .province.batch import plan, run_batch
    from .province.display import BatchDisplay, print_summary
    from .province.workspace import Workspace

    workspace = Workspace.open(args.workspace)
    bodies = args.bodies.split(",") if args.bodies else None
    tasks = plan(workspace, args.year, args.periods.split(","), bodies)
    result = run_batch(
        workspace,
        tasks,
        scheduler=args.scheduler,
        workers=args.workers,
        display=BatchDisplay(console, enabled=not args.quiet),
        options={"use_cache": not args.no_cache},
    )
    print_summary(console, result)
    return EXIT_ERROR if result.failed else 0


def _rollup(args: argparse.Namespace, console: Console) -> int:
    from .province.rollup import rollup
    from .province.workspace import Workspace

    result = rollup(Workspace.open(args.workspace), args.year, args.period)
    for line in result.lines():
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return 0


COMMANDS = {
    "check": _check,
    "finalize": _finalize,
    "verify": _verify,
    "batch": _batch,
    "rollup": _rollup,
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
