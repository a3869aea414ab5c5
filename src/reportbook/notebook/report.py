"""The object a section notebook works with: one report's period, params and data.

``open_report(year, period)`` validates the parameters, finds the project,
reads the params and gives lazy access to the data. Its methods turn params
templates and computed values into blocks, so a notebook stays a short list
of calls that reads like the report.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import pandas as pd

from ..errors import ConfigError
from ..inputs.loading import Dataset
from ..params import Organisation, Params, load_params, origin
from ..paths import Project
from ..periods import Period, Window, resolve
from ..stats import civil_service, coverage
from ..stats import documents as docs_mod
from ..stats import tasks as tasks_mod
from . import formatting, texts
from .blocks import Group, Heading, Paragraph, Template


def open_report(year: int | str, period: str, project: Project | None = None) -> Report:
    """Open the report for ``year`` and ``period`` in the current project."""
    return Report(resolve(year, period), project or Project.locate())


class Report:
    """One report (year + period) of one project."""

    def __init__(self, period: Period, project: Project):
        self.period = period
        self.project = project
        self.data = Dataset(project.data)

    # -- what the report is about ---------------------------------------
    @property
    def window(self) -> Window:
        return self.period.window

    @property
    def year_window(self) -> Window:
        """The annual window of the report's year (for the year's plan)."""
        return resolve(self.period.year, "annual").window

    @cached_property
    def params(self) -> Params:
        return load_params(self.project.params, self.period)

    @property
    def org(self) -> Organisation:
        return self.params.organisation

    @property
    def vocab(self) -> dict:
        return self.data.vocab

    def table(self, name: str) -> pd.DataFrame:
        return self.data.table(name)

    def previous_year(self) -> Report:
        """The same period one year earlier, for comparisons (its data, not its params)."""
        return Report(self.period.previous_year, self.project)

    # -- text ------------------------------------------------------------
    @cached_property
    def values(self) -> dict:
        """Values every template can use."""
        return {
            "org": self.org.model_dump(),
            "year": self.period.year,
            "period": self.period.code,
            "period_kind": self.period.kind,
            "period_label": self.period.label,
            "period_name": self.period.name,
            "start": self.window.start,
            "end": self.window.end,
            "in_period": f"Trong {self.period.label}",
            "ahead": self.period.ahead,
        }

    def render(self, key: str, **values) -> str:
        """Render the params text ``key`` with the base values and ``values``."""
        template = self.params.texts.get(key)
        if template is None:
            raise ConfigError(
                f"params has no text {key!r} for {self.period.label}; add it under "
                f"'texts:' in params/common.yaml or "
                f"params/{self.period.year}/{self.period.code}.yaml"
            )
        return texts.render(
            template,
            {**self.values, **values},
            name=key,
            origin=lambda: origin(self.project.params, self.period, f"texts.{key}"),
        )

    def text(self, key: str, omits: Sequence[str] = (), **values) -> Group:
        """The params text ``key`` as paragraphs.

        ``omits`` names the tables (:class:`~reportbook.notebook.blocks.TableKey`)
        the text stands in for: the section leaves them out on purpose (the
        data does not cover their window) and the reviewer's checks must not
        take them for missing.
        """
        paragraphs = texts.paragraphs(self.render(key, **values))
        return Group(Paragraph(p, omits=omits) for p in paragraphs)

    def heading(self, key: str, level: int = 3, **values) -> Heading:
        return Heading(self.render(key, **values), level)

    def items(self, key: str, numbered: bool = False, **values) -> Group:
        """The params list ``key`` as dash (or numbered) paragraphs."""
        entries = self.params.lists.get(key)
        if entries is None:
            raise ConfigError(f"params has no list {key!r} under 'lists:' for {self.period.label}")
        rendered = [
            texts.render(
                e,
                {**self.values, **values},
                name=f"{key}[{i}]",
                origin=lambda i=i: origin(self.project.params, self.period, f"lists.{key}.{i}"),
            )
            for i, e in enumerate(entries)
        ]
        return Group(Paragraph(f"{i}. {e}" if numbered else e) for i, e in enumerate(rendered, 1))

    # -- what the data covers --------------------------------------------
    @cached_property
    def coverage(self) -> Window | None:
        """The dates the data covers (:mod:`reportbook.stats.coverage`); None without data."""
        return coverage.dossier_span(self.project.data, lambda: self.table("dossiers"))

    def covered(self, window: Window | None = None) -> str:
        """How much of ``window`` (default: the report's) the data covers: full, partial, none."""
        return coverage.extent(self.coverage, window or self.window)

    @property
    def compares(self) -> bool:
        """Whether to compare with the same period of the previous year.

        Only when the data covers both whole windows; otherwise the section
        says why it does not (text ``no_comparison``).
        """
        both = (self.window, self.period.previous_year.window)
        return all(self.covered(w) == coverage.FULL for w in both)

    def coverage_values(self) -> dict:
        """Template values of the sentences about coverage: data, covered, previous."""
        return {
            "data": self.coverage,
            "covered": self.covered(),
            "previous": self.period.previous_year.window,
        }

    # -- documents -------------------------------------------------------
    def documents(self, area: str, in_window: bool = True) -> pd.DataFrame:
        window = self.window if in_window else None
        return docs_mod.select(self.table("documents"), area, window, vocab=self.vocab)

    def cite(self, doc: pd.Series, **kwargs) -> str:
        return docs_mod.citation(doc, self.vocab["issuers"], self.org.code, **kwargs)

    def doc_value(self, doc: pd.Series | None) -> dict | None:
        """A document as template values: citation, reference, issuer, type, subject."""
        if doc is None:
            return None
        return {
            "doc_id": doc.get("doc_id"),
            "citation": self.cite(doc),
            "reference": docs_mod.reference(doc),
            "title": docs_mod.citation(doc, {}, doc["issuer"]),  # reference + subject, no issuer
            "issuer": doc["issuer"],
            "issuer_name": self.vocab["issuers"][doc["issuer"]]["name"],
            "doc_type": doc["doc_type"],
            "subject": doc["subject"],
        }

    def doc_values(self, frame: pd.DataFrame) -> list[dict]:
        return [self.doc_value(row) for _, row in frame.iterrows()]

    def documents_by_role(self, area: str) -> dict[str, list[dict]]:
        """The window's documents of ``area`` split by role (own, units, advised, other).

        A document approving another one of the list is not listed itself: it
        is the ``approved_by`` of the one it approves. One approving a document
        outside the list names it as ``approves``.
        """
        docs = self.documents(area)
        approver = docs_mod.approvals(docs)
        approving = [row["doc_id"] for row in approver.values()]
        groups = docs_mod.split_by_role(
            docs[~docs["doc_id"].isin(approving)], self.vocab["issuers"], self.org.code
        )
        register = self.table("documents").set_index("doc_id", drop=False)
        result = {}
        for role, frame in groups.items():
            result[role] = values = self.doc_values(frame)
            for value, (_, doc) in zip(values, frame.iterrows(), strict=True):
                value["approved_by"] = self.doc_value(approver.get(doc["doc_id"]))
                target = doc.get("approves") or None
                value["approves"] = self.doc_value(register.loc[target]) if target else None
        return result

    # -- fixed blocks ----------------------------------------------------
    def header(self) -> Template:
        info = self.params.report
        return Template(
            "header",
            org=self.org.model_dump(),
            report=info.model_dump(mode="json"),
            number=info.number,
            date_line=formatting.date_line(self.org.place, info.date, self.period.year),
            subject=f"{info.subject} {self.period.label}",
        )

    def closing(self) -> Template:
        recipients = list(self.params.recipients)
        lines = [r + (";" if i < len(recipients) - 1 else ".") for i, r in enumerate(recipients)]
        return Template("closing", recipients=lines, signer=self.params.signer.model_dump())

    # -- per-section values ----------------------------------------------
    def basis(self) -> dict:
        """The preamble's plan and guidance documents as template values."""
        documents = self.table("documents")
        plan = docs_mod.annual_plan(documents, self.year_window)
        guidance = None
        if self.params.guidance:
            guidance = docs_mod.by_number(documents, self.params.guidance)
        return {"plan": self.doc_value(plan), "guidance": self.doc_value(guidance)}

    def unit(self, code: str) -> dict:
        """How the report names a receiving unit (params, else the vocabulary label)."""
        unit = self.params.units.get(code)
        if unit is not None:
            return unit.model_dump()
        return {
            "intro": self.vocab["units"].get(code, code),
            "dossiers": "hồ sơ TTHC",
            "late_note": None,
        }

    def training(self) -> dict:
        """Training and exam registrations of the window, every kind present (zeros if none)."""
        summary = civil_service.summary(self.table("training"), self.table("staff"), self.window)
        result = {}
        for kind in self.vocab["training_kinds"]:
            entry = summary.get(
                kind, {"count": 0, "courses": [], "staff_types": [], "by_course": []}
            )
            entry["staff"] = civil_service.staff_label(entry["staff_types"])
            for course in entry["by_course"]:
                course["staff"] = civil_service.staff_label(course["staff_types"])
            result[kind] = entry
        return result

    def tasks(self) -> list[dict]:
        """Tasks of the window as template values.

        ``assigned``, ``response``, ``action``; ``opening`` (blank unless the
        register gives one: "Căn cứ", "Thực hiện ý kiến chỉ đạo của UBND tỉnh
        tại") introduces the assigning document and ``follow_up`` is a
        sentence to add after the task.
        """
        rows = tasks_mod.in_window(self.table("tasks"), self.table("documents"), self.window)
        values = []
        for _, row in rows.iterrows():
            assigned = self.doc_value(tasks_mod.document(row, "assigned_"))
            response = None
            if row["response_doc_id"]:
                response = self.doc_value(tasks_mod.document(row, "response_"))
            values.append(
                {
                    "assigned": assigned,
                    "response": response,
                    "action": row["action"],
                    "opening": row.get("opening") or "",
                    "follow_up": row.get("follow_up") or "",
                }
            )
        return values

    def directives(self) -> list[dict]:
        """The directives section II.3 reports on (not limited to the window).

        In citation order (:func:`reportbook.stats.documents.citation_order`):
        the directives before the decisions, higher authorities first.
        """
        return self.doc_values(self.documents("chi_thi", in_window=False))
