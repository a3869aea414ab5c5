"""Start the build's kernels early and warm the renderers while they work.

Kernel start-up (about 1,6 s, imports included) overlaps the validation of
the inputs; importing and warming the renderers (nbconvert, WeasyPrint,
python-docx, about 0,9 s) overlaps the sections' execution, when the build
process would otherwise only wait. Which sections need a kernel is known
from the cache before validation, so a build with nothing to run starts none.

A process that builds many editions (a batch worker,
:mod:`reportbook.province.worker`) sets :data:`lender` to lend kernels it
keeps warm from one build to the next instead; they outlive the build.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import ExitStack
from typing import TYPE_CHECKING

from ..context import BuildContext
from .execute import start_kernels, to_run

if TYPE_CHECKING:
    from .kernels import RunAll

# Kernels a long-lived process lends to each build (None: each build starts its own).
lender: Callable[[BuildContext], RunAll] | None = None
# That process's own loading of the renderers, which a build waits for before rendering.
preloading: threading.Thread | None = None


class WarmStart:
    """The kernels (``run_all`` or None) and the renderer preload of one build."""

    def __init__(self, ctx: BuildContext):
        self._ctx = ctx
        self._stack = ExitStack()
        self._preload: threading.Thread | None = None
        self.kernels: RunAll | None = None

    def __enter__(self) -> WarmStart:
        ctx = self._ctx
        if ctx.params is not None:  # else validation is about to say what is wrong
            cacheable = [s for s in ctx.chosen if s not in ctx.named]
            needed = len(ctx.named) + len(to_run(cacheable, ctx.target, ctx.cache))
            if needed and lender is not None:
                self.kernels = lender(ctx)
            else:
                self.kernels = start_kernels(min(ctx.jobs, needed), ctx.project, self._stack)
        return self

    def warm_renderers(self) -> None:
        """Import and warm the renderers in a thread, if sections are about to run."""
        if self.kernels is not None and self._preload is None:
            self._preload = threading.Thread(
                target=_load_renderers, daemon=True, name="reportbook-preload"
            )
            self._preload.start()

    def release(self) -> None:
        """Shut the kernels down now, not after rendering; wait for the renderers."""
        self._stack.close()
        for loading in (self._preload, preloading):
            if loading is not None:  # before rendering, and so before the forks that write Word
                loading.join()
        self._preload = None

    def __exit__(self, *exc) -> None:
        self.release()


def _load_renderers() -> None:
    import weasyprint

    from ..rendering import render, review, word  # noqa: F401

    # WeasyPrint's first document pays for its stylesheets and font set-up.
    weasyprint.HTML(string="<p>reportbook</p>").write_pdf()
    # The exporters are kept per process; made here, the child that writes the reviewer
    # edition inherits them with their templates compiled, and a batch worker keeps them.
    render.warm_up()
    review.warm_up()
    # The Word writer's font metrics, read once here rather than in every forked child.
    from ..notebook import typeset

    typeset.metrics(False), typeset.metrics(True)
