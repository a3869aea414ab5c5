"""The one place reportbook relies on what another library does not promise.

Lending a running kernel to papermill: papermill's engine builds an nbclient
``NotebookClient`` per notebook, and nbclient starts a new kernel client in
``setup_kernel`` only while ``client.kc`` is None (its documented attribute,
but assigning it is not a documented way in). reportbook assigns the pooled
kernel's client there, so the notebook runs on a warm kernel and nbclient,
which did not make that client, leaves it running (``cleanup_kc=False``).

``tests/execution/test_compat.py`` fails if nbclient changes either fact, so
an upgrade cannot silently start a kernel per section or stop a pooled one.
Everything else reportbook does with nbclient, papermill, pandas and IPython
goes through their public APIs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jupyter_client.client import KernelClient
    from nbclient import NotebookClient


def lend_kernel_client(client: NotebookClient, kernel_client: KernelClient) -> None:
    """Make ``client`` (an nbclient NotebookClient) execute on ``kernel_client``."""
    client.kc = kernel_client
