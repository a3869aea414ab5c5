"""``reportbook preview --year Y --period P [--port N]``: serve, watch, rebuild, reload.

The server answers from the main thread while a second thread polls the
watched folders and rebuilds; a rebuild that fails keeps the last good page
and puts the error, exactly as ``reportbook build`` would print it, above it.
Ctrl-C (or SIGTERM) stops the preview and its kernels; so does a browser that
has not asked for anything for ``--idle-minutes``.
"""

from __future__ import annotations

import argparse
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError, ReportbookError
from .server import HOST, State, make_server
from .watch import changes, scan

if TYPE_CHECKING:
    from rich.console import Console

    from .rebuild import Previewer

POLL = 0.25  # seconds between two scans of the watched folders
SETTLE = 0.05  # after a change, let the editor finish writing before reading


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``preview`` subcommand's arguments."""
    from ..periods import PERIODS

    sub = commands.add_parser(
        "preview", help="serve the report on 127.0.0.1 and rebuild it whenever a file is saved"
    )
    sub.add_argument("--year", required=True, help="reporting year, e.g. 2023")
    sub.add_argument("--period", default="annual", help=f"one of: {', '.join(PERIODS)}")
    sub.add_argument("--port", type=_port, default=8765, help="port on 127.0.0.1 (0: any free one)")
    sub.add_argument("--jobs", type=int, metavar="N", help="kernels (default: one per core)")
    sub.add_argument(
        "--idle-minutes",
        type=float,
        default=60,
        help="stop when no browser has asked for the page for this long (default: 60)",
    )


def _port(text: str) -> int:
    if not text.isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port (0 to 65535; 0: any free one)")
    return int(text)


class Loop:
    """Watch the inputs and rebuild; runs on its own thread until ``stop``."""

    def __init__(self, root: Path, previewer: Previewer, state: State, console: Console):
        self.root, self.previewer, self.state, self.console = root, previewer, state, console
        self.stopping = threading.Event()

    def run(self, idle: float, on_idle: Callable[[], None]) -> None:
        seen = scan(self.root)
        self.rebuild([])
        while not self.stopping.wait(POLL):
            if time.monotonic() - self.state.last_request > idle:
                self.console.print(f"no browser asked for {idle / 60:g} min; stopping")
                on_idle()
                return
            now = scan(self.root)
            if now != seen:
                self.stopping.wait(SETTLE)
                before, seen = seen, scan(self.root)
                self.rebuild(changes(before, seen))

    def rebuild(self, changed: list[str]) -> None:
        """Rebuild now; the page (or the error, as the CLI prints it) goes to the state."""
        with self.state.lock:
            self.state.building = True
        try:
            page = self.previewer.rebuild()
        except ReportbookError as exc:
            self._failed(f"error: {exc}")
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the preview
            self._failed(f"error: {type(exc).__name__}: {exc}")
        else:
            built = f"{time.strftime('%H:%M:%S')}, {page.seconds:.1f} s"
            self.state.finished(page.html, None, built)
            after = f" after {', '.join(changed)} changed" if changed else ""
            self.console.print(
                f"rebuilt in {page.seconds:.1f} s ({page.executed} section(s) executed){after}",
                highlight=False,
                markup=False,
            )

    def _failed(self, message: str) -> None:
        self.state.finished(None, message)
        self.console.print(message, highlight=False, markup=False, soft_wrap=True)


def run(args: argparse.Namespace, console: Console) -> int:
    """Serve the preview until Ctrl-C, SIGTERM or ``--idle-minutes`` without a browser."""
    from ..paths import Project
    from ..periods import resolve
    from .rebuild import Previewer

    period = resolve(args.year, args.period)
    project = Project.locate()
    state = State(period.label)
    try:
        server = make_server(state, args.port)
    except OSError as exc:
        raise ConfigError(
            f"cannot listen on {HOST}:{args.port}: {exc.strerror}; choose another --port "
            f"(0: any free port)"
        ) from None
    print(f"preview of {period.label}: http://{HOST}:{server.server_port}/", flush=True)
    console.print("watching data/, params/, notebooks/; Ctrl-C stops", highlight=False)
    previewer = Previewer(project, period.year, period.code, args.jobs)
    loop = Loop(project.root, previewer, state, console)
    worker = threading.Thread(
        target=loop.run, args=(args.idle_minutes * 60, server.shutdown), daemon=True
    )
    _stop_on_sigterm()
    worker.start()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        loop.stopping.set()
        server.server_close()
        worker.join(timeout=60)  # a rebuild under way finishes first
        previewer.close()
    console.print("preview stopped", highlight=False)
    return 0


def _stop_on_sigterm() -> None:
    """SIGTERM stops the preview like Ctrl-C: the kernels are shut down, not orphaned."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
