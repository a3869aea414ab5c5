"""``reportbook rollup``: the provincial consolidated report (báo cáo tổng hợp) of a period.

It reads every body's archived edition (:mod:`.editions`: hashes verified
first, figures from the recorded payloads, never from raw data), lays the
consolidated content out as report blocks (:mod:`.content`) in one notebook,
and renders it with the report's own renderers: report.html and report.pdf
(:mod:`reportbook.rendering.render`), report.docx
(:mod:`reportbook.rendering.word`, in a forked child meanwhile), report.ipynb
and a manifest naming every source edition by the hash of its manifest. The
edition is written like a body's: under its lock, staged, swapped in whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import nbformat

from ..archive.edition import open_edition, publish, staging
from ..archive.manifest import git_commit, versions, write_manifest
from ..notebook import formatting
from ..notebook.blocks import Block
from ..periods import Period, resolve
from ..rendering import results
from ..rendering.background import alongside
from ..rendering.marks import add_mark, marks_of
from . import content
from .editions import DRAFT, MISSING, STATUS_LABELS, UNVERIFIED, Reported, read_edition
from .workspace import Workspace

DRAFT_MARK = "BẢN TỔNG HỢP CÓ SỐ LIỆU TỪ BÁO CÁO DỰ THẢO (xem mục I)"
UNVERIFIED_MARK = "CÓ BÁO CÁO CHƯA XÁC THỰC, SỐ LIỆU CỦA BÁO CÁO ĐÓ KHÔNG ĐƯỢC TỔNG HỢP (xem mục I)"


@dataclass
class RollupResult:
    edition: Path
    period: Period
    reports: list[Reported]

    def lines(self) -> list[str]:
        """What the command prints: every body's status, then where the report is."""
        out = [f"{r.body.id:16} {STATUS_LABELS[r.status]}" for r in self.reports]
        out += [f"  {r.body.id}: {p}" for r in self.reports for p in r.problems]
        missing = [r.body.id for r in self.reports if r.status == MISSING]
        out.append(
            f"consolidated report {self.period.label}: {self.edition} "
            f"({sum(r.counted for r in self.reports)} of {len(self.reports)} bodies counted"
            + (f"; not reported: {', '.join(missing)}" if missing else "")
            + ")"
        )
        return out


def rollup(workspace: Workspace, year: int | str, period: str) -> RollupResult:
    """Write outputs/<year>/<period>/ of the workspace from its bodies' editions."""
    target = resolve(year, period)
    reports = [read_edition(body, target) for body in workspace.bodies]
    nb = notebook(workspace, target, reports)
    edition = workspace.rollup_edition(target.year, target.code)
    with open_edition(edition), staging(edition) as stage:
        render(nb, stage, workspace, target)
        write_manifest(manifest(nb, workspace, target, reports), stage)
        publish(stage, edition)
    return RollupResult(edition, target, reports)


def notebook(
    workspace: Workspace, period: Period, reports: list[Reported]
) -> nbformat.NotebookNode:
    """The consolidated report as a notebook of recorded blocks, as a merged report is."""
    blocks: list[Block] = [
        content.header(workspace, period),
        content.introduction(workspace, period, reports),
        *content.reporting(reports),
        *content.dossiers(reports, period),
        *content.services(reports, period),
        content.closing(workspace),
    ]
    nb = nbformat.v4.new_notebook()
    for index, block in enumerate(blocks):
        output = nbformat.v4.new_output("display_data", data=block._repr_mimebundle_())
        cell = nbformat.v4.new_code_cell(source="", outputs=[output], execution_count=index + 1)
        cell["id"] = f"rollup-{index:02d}"
        nb.cells.append(cell)
    window = period.window
    nb.metadata["reportbook"] = {
        "year": period.year,
        "period": period.code,
        "label": period.label,
        "window": [window.start.isoformat(), window.end.isoformat()],
    }
    if any(r.status == DRAFT for r in reports):
        add_mark(nb, DRAFT_MARK)
    if any(r.status == UNVERIFIED for r in reports):
        add_mark(nb, UNVERIFIED_MARK)
    return nb


def render(nb: nbformat.NotebookNode, stage: Path, workspace: Workspace, period: Period) -> None:
    """report.ipynb, report.html and report.pdf here; report.docx in a child meanwhile."""
    from ..rendering import word
    from ..rendering.render import render_pages

    rollup = workspace.settings.rollup
    title = f"{rollup.report.kind} {rollup.report.subject} {period.label}"
    window = period.window
    footer = (
        f"Báo cáo tổng hợp {period.label} (kỳ số liệu {formatting.date(window.start)}–"
        f"{formatting.date(window.end)}) lập bằng reportbook từ các bản báo cáo đã lưu trữ "
        f"của các cơ quan, đơn vị; nguồn và mã băm: manifest.json."
    )
    nbformat.write(nb, stage / "report.ipynb")
    with alongside(lambda: word.to_docx(nb, stage / "report.docx", title=title), "report.docx"):
        render_pages(nb, stage, title=title, footer=footer)


def manifest(
    nb: nbformat.NotebookNode, workspace: Workspace, period: Period, reports: list[Reported]
) -> dict:
    """What the consolidated report was made from: each source edition and its manifest hash."""
    window = period.window
    return {
        "kind": "rollup",
        "parameters": {"year": period.year, "period": period.code},
        "label": period.label,
        "window": {"start": window.start.isoformat(), "end": window.end.isoformat()},
        "workspace": str(workspace.root),
        "rollup": workspace.settings.rollup.model_dump(mode="json"),
        "sources": [r.source() for r in reports],
        "results": results.items(nb),
        "marks": marks_of(nb),
        "versions": versions(),
        "git_commit": git_commit(workspace.root),
    }
