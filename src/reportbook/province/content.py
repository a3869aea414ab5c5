"""The consolidated report's content, as the same blocks a section notebook displays.

Header and closing (Decree 30 layout), headings, paragraphs and tables are
:mod:`reportbook.notebook.blocks` objects, Biểu 06 is laid out by
:func:`reportbook.notebook.tables.dossier_form`, numbers by
:mod:`reportbook.notebook.formatting`; so the consolidated report renders
through the report's own HTML, PDF and Word renderers and reads like one.
"""

from __future__ import annotations

import pandas as pd

from ..notebook import formatting, tables
from ..notebook.blocks import Block, Heading, Paragraph, Table, Template
from ..periods import Period
from ..stats.form06 import COLUMNS
from .editions import LEVELS, MISSING, STATUS_LABELS, UNVERIFIED, Reported
from .workspace import Workspace

LEVEL_LABELS = {"toan_trinh": "Toàn trình", "mot_phan": "Một phần", "thong_tin": "Thông tin"}


def header(workspace: Workspace, period: Period) -> Template:
    rollup = workspace.settings.rollup
    return Template(
        "header",
        org=rollup.organisation.model_dump(),
        report=rollup.report.model_dump(mode="json"),
        number=rollup.report.number,
        date_line=formatting.date_line(rollup.organisation.place, rollup.report.date, period.year),
        subject=f"{rollup.report.subject} {period.label}",
    )


def closing(workspace: Workspace) -> Template:
    rollup = workspace.settings.rollup
    recipients = list(rollup.recipients)
    lines = [r + (";" if i < len(recipients) - 1 else ".") for i, r in enumerate(recipients)]
    return Template("closing", recipients=lines, signer=rollup.signer.model_dump())


def introduction(workspace: Workspace, period: Period, reports: list[Reported]) -> Paragraph:
    window = period.window
    counted = sum(r.counted for r in reports)
    return Paragraph(
        f"Trên cơ sở báo cáo công tác cải cách hành chính {period.label} (kỳ số liệu từ "
        f"{formatting.date(window.start)} đến {formatting.date(window.end)}) của "
        f"{formatting.count(counted)}/{formatting.count(len(reports))} cơ quan, đơn vị, "
        f"{workspace.settings.rollup.organisation.name} tổng hợp kết quả như sau:"
    )


def reporting(reports: list[Reported]) -> list[Block]:
    """I. Who reported: each body's status and the documents its report cites."""
    rows = [
        {
            "Cơ quan, đơn vị": r.name,
            "Tình trạng báo cáo": STATUS_LABELS[r.status],
            "Văn bản được viện dẫn": _maybe(r.documents),
            "Trong đó do cơ quan ban hành": _maybe(r.own_documents),
        }
        for r in reports
    ]
    blocks: list[Block] = [
        Heading("I. TÌNH HÌNH BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ", 2),
        Table(pd.DataFrame(rows), "Tình hình báo cáo và văn bản về cải cách hành chính"),
    ]
    missing = [r.name for r in reports if r.status == MISSING]
    if missing:
        blocks.append(Paragraph(f"Các cơ quan, đơn vị chưa báo cáo: {_join(missing)}."))
    else:
        blocks.append(Paragraph("Tất cả các cơ quan, đơn vị đã gửi báo cáo."))
    for r in reports:
        if r.status == UNVERIFIED:
            why = "; ".join(r.problems[:3]) + ("; ..." if len(r.problems) > 3 else "")
            blocks.append(
                Paragraph(
                    f"Báo cáo của {r.name} chưa xác thực (các tệp không khớp mã băm đã lưu: "
                    f"{why}); số liệu của báo cáo này không được tổng hợp."
                )
            )
    return blocks


def dossiers(reports: list[Reported], period: Period) -> list[Block]:
    """II. Biểu 06 per body and in total, from each edition's recorded values."""
    counted = [r for r in reports if r.counted and r.dossiers is not None]
    frame = pd.DataFrame([r.dossiers for r in counted], index=[r.name for r in counted])
    frame = frame.reindex(columns=COLUMNS, fill_value=0).astype("int64")
    frame.loc["total"] = frame.sum()
    total = tables.as_counts(frame, "total")
    form, groups = tables.dossier_form(frame, {})
    form = form.rename(columns={"Đơn vị": "Cơ quan, đơn vị"})
    groups[0] = ("Cơ quan, đơn vị", 1)
    caption = (
        f"Tình hình, kết quả giải quyết TTHC {period.label} theo cơ quan, đơn vị "
        f"(Biểu 06/VPCP/KSTT)"
    )
    return [
        Heading("II. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", 2),
        Paragraph(_dossier_sentence(total, len(counted))),
        Table(form, caption, groups=groups, css="rb-table rb-form", total_row=True),
    ]


def _dossier_sentence(total: dict[str, int], bodies: int) -> str:
    received, resolved = total["received"], total["resolved"]
    in_time = total["early"] + total["on_time"]
    return (
        f"Tổng số hồ sơ nhận giải quyết của {formatting.count(bodies)} cơ quan, đơn vị là "
        f"{formatting.number(received)} hồ sơ (trực tuyến {formatting.number(total['online'])} "
        f"hồ sơ, {_share(total['online'], received)}); đã giải quyết "
        f"{formatting.number(resolved)} hồ sơ, trong đó trước hạn và đúng hạn "
        f"{formatting.number(in_time)} hồ sơ ({_share(in_time, resolved)}), quá hạn "
        f"{formatting.count(total['late'])} hồ sơ; trả lại, rút "
        f"{formatting.number(total['returned'])} hồ sơ; đang giải quyết "
        f"{formatting.number(total['in_progress'])} hồ sơ."
    )


def services(reports: list[Reported], period: Period) -> list[Block]:
    """III. Procedures in force per Decree 42 level, per body and in total."""
    counted = [r for r in reports if r.counted and r.services is not None]
    rows = [[r.name, *(r.services[k] for k in LEVELS)] for r in counted]
    rows.append(["Tổng cộng", *(sum(r.services[k] for r in counted) for k in LEVELS)])
    frame = pd.DataFrame(
        [[name, *map(formatting.number, n), formatting.number(sum(n))] for name, *n in rows],
        columns=["Cơ quan, đơn vị", *(LEVEL_LABELS[k] for k in LEVELS), "Tổng số TTHC"],
    )
    online = sum(r.services["toan_trinh"] + r.services["mot_phan"] for r in counted)
    end = formatting.date(period.window.end)
    return [
        Heading("III. CUNG CẤP DỊCH VỤ CÔNG TRỰC TUYẾN", 2),
        Paragraph(
            f"Đến ngày {end}, các cơ quan, đơn vị cung cấp {formatting.number(online)} dịch vụ "
            f"công trực tuyến (toàn trình và một phần theo Nghị định số 42/2022/NĐ-CP)."
        ),
        Table(
            frame,
            f"Thủ tục hành chính theo mức độ dịch vụ công trực tuyến (đến ngày {end})",
            total_row=True,
        ),
    ]


def _share(part: int, whole: int) -> str:
    return formatting.percent(part / whole) if whole else "0%"


def _maybe(value: int | None) -> str:
    return "—" if value is None else formatting.number(value)


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]
