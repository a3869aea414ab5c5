"""The ``batch`` and ``rollup`` commands: parse nothing, call the province functions, report."""

from __future__ import annotations

import argparse

from rich.console import Console

EXIT_ERROR = 2


def run(args: argparse.Namespace, console: Console) -> int:
    return _batch(args, console) if args.command == "batch" else _rollup(args, console)


def _batch(args: argparse.Namespace, console: Console) -> int:
    from .batch import plan, run_batch
    from .display import BatchDisplay, print_summary
    from .workspace import Workspace

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
    from .rollup import rollup
    from .workspace import Workspace

    result = rollup(Workspace.open(args.workspace), args.year, args.period)
    for line in result.lines():
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return 0
