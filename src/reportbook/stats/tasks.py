"""Tasks assigned by the Provincial People's Committee and the responses.

A task belongs to a window when its response is dated in the window, or when
it was assigned in the window and is still unanswered: the report says what
was done in the period and what is still being done.
"""

from __future__ import annotations

import pandas as pd

from ..periods import Window


def in_window(tasks: pd.DataFrame, documents: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Tasks of the window joined with both documents, in register (task_id) order."""
    docs = documents.set_index("doc_id")
    joined = tasks.join(docs.add_prefix("assigned_"), on="assigned_doc_id").join(
        docs.add_prefix("response_"), on="response_doc_id"
    )
    start, end = pd.Timestamp(window.start), pd.Timestamp(window.end)
    answered = joined["response_issued_on"].between(start, end)
    open_ = joined["response_doc_id"].eq("") & joined["assigned_issued_on"].between(start, end)
    return joined[answered | open_].sort_values("task_id")


def document(row: pd.Series, prefix: str) -> pd.Series:
    """The assigned_ or response_ document of a joined task row, as a document row."""
    fields = ["number_symbol", "doc_type", "issued_on", "issuer", "subject"]
    return pd.Series({f: row[prefix + f] for f in fields})
