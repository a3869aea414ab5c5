"""What reportbook relies on in nbclient without a promise: fails if nbclient changes it."""

import nbformat
import pytest
from nbclient import NotebookClient

from reportbook.execution.compat import lend_kernel_client


class _RunningKernel:
    """A kernel manager whose kernel is already running (as a pooled one is)."""

    has_kernel = True


def test_a_lent_client_is_used_and_no_new_one_is_started(monkeypatch):
    client = NotebookClient(nbformat.v4.new_notebook(), km=_RunningKernel())
    lent = object()
    lend_kernel_client(client, lent)

    def refuse(*args, **kwargs):
        pytest.fail("nbclient started its own kernel client although one was lent")

    monkeypatch.setattr(client, "start_new_kernel_client", refuse)
    monkeypatch.setattr(client, "start_new_kernel", refuse)
    with client.setup_kernel():
        assert client.kc is lent


def test_a_client_nbclient_did_not_make_is_left_running(monkeypatch):
    client = NotebookClient(nbformat.v4.new_notebook(), km=_RunningKernel())
    lend_kernel_client(client, object())
    assert client.owns_km is False  # so setup_kernel's default is cleanup_kc=False
    monkeypatch.setattr(
        client, "_cleanup_kernel", lambda: pytest.fail("nbclient stopped a kernel it does not own")
    )
    with client.setup_kernel():
        pass


def test_pandas_options_are_snapshot_through_the_public_options_tree():
    import pandas as pd

    from reportbook.execution.kernelside import _pandas_options

    result = _pandas_options(pd)
    assert result["display.max_rows"] == pd.get_option("display.max_rows")
    assert "display.precision" in result and len(result) > 40
