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
reportbook batch --workspace DIR --year 2023 --periods q1,h1 [--bodies A,B] [--scheduler ADDRESS]
reportbook rollup --workspace DIR --year 2023 --period annual
"""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from .arguments import parser as _parser
from .errors import ReportbookError, VerifyError
from .notebook import formatting
from .periods import PERIODS, resolve

EXIT_ERROR = 2
EXIT_MISMATCH = 3  # verify: the re-run differs from the archived edition


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console(stderr=True, log_path=False, soft_wrap=True)  # no "progress.py:51"; no wrap
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
        soft_wrap=True,
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
    "batch": "province.command",
    "rollup": "province.command",
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
