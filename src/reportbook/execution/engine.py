"""A papermill engine that runs a notebook on an already running, pooled kernel.

papermill stays the parameterising and recording layer: it injects the
parameters cell, records start/end times and per-cell metadata, and on
failure writes the error banner at the failing cell. Only the kernel's life
changes: papermill's own nbclient engine starts and shuts down a kernel per
notebook; this one borrows a kernel from :mod:`reportbook.execution.kernels`.

Use it as ``papermill.execute_notebook(..., engine_name=ENGINE, kernel=k)``.
"""

from __future__ import annotations

from papermill.clientwrap import PapermillNotebookClient
from papermill.engines import NBClientEngine, papermill_engines

from .compat import lend_kernel_client

ENGINE = "reportbook-pool"


class PooledEngine(NBClientEngine):
    """papermill's nbclient engine, on the kernel passed as ``kernel=``."""

    @classmethod
    def execute_managed_notebook(
        cls,
        nb_man,
        kernel_name,
        log_output=False,
        stdout_file=None,
        stderr_file=None,
        start_timeout=60,
        execution_timeout=None,
        kernel=None,
        **kwargs,
    ):
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
