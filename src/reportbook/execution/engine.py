"""A papermill engine that runs a notebook on an already running, pooled kernel.

papermill stays the parameterising and recording layer: it injects the
parameters cell, records start/end times and per-cell metadata, and on
failure writes the error banner at the failing cell. Only the kernel's life
changes: papermill's own nbclient engine starts and shuts down a kernel per
notebook; this one borrows a kernel from :mod:`reportbook.execution.kernels`.

Use it as ``papermill.execute_notebook(..., engine_name=ENGINE, kernel=k)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from .compat import lend_kernel_client

if TYPE_CHECKING:
    from nbformat import NotebookNode
    from papermill.engines import NotebookExecutionManager

    from .kernels import PooledKernel

ENGINE = "reportbook-pool"


class PooledEngine(NBClientEngine):
    """papermill's nbclient engine, on the kernel passed as ``kernel=``."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man: NotebookExecutionManager,
        kernel_name: str,
        log_output: bool = False,
        stdout_file: TextIO | None = None,
        stderr_file: TextIO | None = None,
        start_timeout: int = 60,
        execution_timeout: int | None = None,
        kernel: PooledKernel | None = None,
        **kwargs,
    ) -> NotebookNode:
        if kernel is None:
            raise TypeError(f"the {ENGINE} engine needs kernel=<PooledKernel>")
        client = PapermillNotebookClient(
            nb_man,
            km=kernel.km,
            kernel_name=kernel_name,
            timeout=execution_timeout,
            startup_timeout=start_timeout,
            log_output=log_output,
            stdout_file=stdout_file,
            stderr_file=stderr_file,
        )
        lend_kernel_client(client, kernel.kc)  # nbclient leaves a client it did not make running
        return client.execute(cleanup_kc=False)


papermill_engines.register(ENGINE, PooledEngine)
