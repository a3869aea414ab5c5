"""What each data file must contain: columns, their kinds and vocabularies.

One declaration per file keeps the rules in one place; ``loading`` applies
them and reports every broken rule with file, row, column and value.
See docs/data-model.md for the meaning of each column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Column:
    """A column rule.

    ``kind`` is ``text``, ``date``, ``int``, ``code`` (one code of
    ``vocab``) or ``codes`` (``;``-separated codes of ``vocab``). ``added``
    marks a column added after data files were already in use: a file may
    leave it out, and it then reads as blank cells (:func:`with_added_columns`),
    so an older register stays valid.
    """

    name: str
    kind: str = "text"
    required: bool = True
    vocab: str | None = None
    added: bool = False


@dataclass(frozen=True)
class Table:
    """A data file: its name under data/ (without extension) and its columns."""

    name: str
    columns: tuple[Column, ...]
    key: str | None = None

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _opt(name: str, kind: str = "text", vocab: str | None = None) -> Column:
    return Column(name, kind, required=False, vocab=vocab)


def _added(name: str) -> Column:
    return Column(name, required=False, added=True)


DOCUMENTS = Table(
    "documents",
    (
        Column("doc_id"),
        Column("number_symbol"),
        Column("doc_type", "code", vocab="doc_types"),
        Column("issued_on", "date"),
        Column("issuer", "code", vocab="issuers"),
        _opt("prepared_by", "code", vocab="issuers"),
        _opt("subject"),  # blank when the source gives no abstract
        _opt("cchc_areas", "codes", vocab="cchc_areas"),
        _added("approves"),  # doc_id of the document this one approves
        Column("source", "code", vocab="sources"),
    ),
    key="doc_id",
)

TASKS = Table(
    "tasks",
    (
        Column("task_id"),
        Column("assigned_doc_id"),
        _opt("response_doc_id"),
        _opt("action"),
        _added("opening"),  # how the report introduces the assigning document
        _added("follow_up"),  # a sentence the report adds after the task
        Column("source", "code", vocab="sources"),
    ),
    key="task_id",
)

CONTACTS = Table(
    "contacts",
    (
        Column("contact_id", "int"),
        Column("role"),
        Column("full_name"),
        Column("position"),
        _opt("email"),
        _opt("phone"),
        Column("valid_from", "date"),
        _opt("valid_to", "date"),
    ),
    key="contact_id",
)

PROCEDURES = Table(
    "procedures",
    (
        Column("procedure_code"),
        Column("procedure_name"),
        Column("field", "code", vocab="fields"),
        Column("level_42", "code", vocab="levels_42"),
        Column("legacy_level", "code", vocab="legacy_levels"),
        Column("processing_days", "int"),
        Column("in_force_from", "date"),
        _opt("in_force_to", "date"),
        _opt("announced_by"),
        Column("source", "code", vocab="sources"),
    ),
    key="procedure_code",
)

DOSSIERS = Table(
    "dossiers",
    (
        Column("dossier_id"),
        Column("procedure_code"),
        Column("field", "code", vocab="fields"),
        Column("unit", "code", vocab="units"),
        Column("channel", "code", vocab="channels"),
        Column("received_on", "date"),
        Column("due_on", "date"),
        _opt("resolved_on", "date"),
        _opt("outcome", "code", vocab="outcomes"),
    ),
    key="dossier_id",
)

STAFF = Table(
    "staff",
    (
        Column("staff_id"),
        Column("full_name"),
        Column("staff_type", "code", vocab="staff_types"),
        Column("unit"),
        Column("source", "code", vocab="sources"),
    ),
    key="staff_id",
)

TRAINING = Table(
    "training",
    (
        Column("record_id"),
        Column("staff_id"),
        Column("kind", "code", vocab="training_kinds"),
        _opt("course"),
        Column("date", "date"),
        Column("source", "code", vocab="sources"),
    ),
    key="record_id",
)

TABLES: dict[str, Table] = {
    t.name: t for t in (DOCUMENTS, TASKS, CONTACTS, PROCEDURES, DOSSIERS, STAFF, TRAINING)
}


def with_added_columns(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` (the text cells of data file ``name``) with its absent added columns blank."""
    table = TABLES.get(name)
    for column in table.columns if table else ():
        if column.added and column.name not in frame.columns:
            frame[column.name] = ""
    return frame
