#!/usr/bin/env python3
"""Write SAMPLE exports of the shipped data, in the shape the source systems export them.

``reportbook import`` reads what the province's one-stop information system
and the department's document-management software export; this script makes
such exports from ``data/dossiers.csv`` and ``data/documents.csv`` so the
import can be tried and tested without real data. They are SAMPLE, like the
data they come from (``data/README.md``).

Dossier exports (``examples/exports/dossiers-*.xlsx``) follow the reporting
windows (15th to 14th): one for the lead-in to 14/12/2021, one per quarter of
2022, one per month of 2023, one per quarter of 2024. Each starts two weeks
before the previous one ends, as an analyst re-exporting "from the start of
last month" would, so consecutive exports overlap. An export lists every
dossier received or closed in its span, as the system saw it on the span's
last day: a dossier closed later is still "Đang xử lý" there, and a later
export shows it closed. The three vendor versions differ the way real ones
do: 2021-2022 with the plain headings and date-times; 2023 with "STT", "Ngày
hẹn trả kết quả" and dates as text "dd/mm/yyyy hh:mm"; 2024 with upper-case
headings, "Tình trạng" for the status and the rows in no particular order.

Document-register exports (``documents-<year>.xlsx``): the register up to
2022, then 2023 and 2024, each starting with the December before.

Importing every export into a data/ without dossiers gives back
``data/dossiers.csv`` byte for byte (``tests/importing``). Run from anywhere::

    python scripts/make_sample_exports.py

A fixed seed (the times of day, the 2024 row order) and fixed file dates make
two runs give byte-identical files. Needs numpy, pandas, pyyaml and openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
OUT = ROOT / "examples" / "exports"
SEED = 20240315
FILE_DATE = (2024, 12, 15, 0, 0, 0)  # every file's date inside the workbook and its zip

STATUS = {
    "giai_quyet": "Đã trả kết quả",
    "tra_lai": "Trả lại",
    "rut": "Rút hồ sơ",
    "": "Đang xử lý",
}
CHANNEL = {"truc_tuyen": "Trực tuyến", "truc_tiep": "Trực tiếp", "buu_chinh": "Bưu chính"}
HEADINGS = {  # vendor version -> headings of: id, procedure, field, unit, channel, dates, status
    "2022": [
        "Mã hồ sơ",
        "Tên thủ tục",
        "Lĩnh vực",
        "Đơn vị tiếp nhận",
        "Hình thức nộp",
        "Ngày tiếp nhận",
        "Ngày hẹn trả",
        "Ngày có kết quả",
        "Trạng thái",
    ],
    "2023": [
        "Mã hồ sơ",
        "Tên thủ tục",
        "Lĩnh vực",
        "Đơn vị tiếp nhận",
        "Hình thức nộp",
        "Ngày tiếp nhận",
        "Ngày hẹn trả kết quả",
        "Ngày có kết quả",
        "Trạng thái",
    ],
    "2024": [
        "MÃ HỒ SƠ",
        "TÊN THỦ TỤC",
        "LĨNH VỰC",
        "ĐƠN VỊ TIẾP NHẬN",
        "HÌNH THỨC NỘP",
        "NGÀY TIẾP NHẬN",
        "NGÀY HẸN TRẢ",
        "NGÀY CÓ KẾT QUẢ",
        "TÌNH TRẠNG",
    ],
}
DOCUMENT_HEADINGS = [
    "STT",
    "Số ký hiệu",
    "Ngày ban hành",
    "Loại văn bản",
    "Cơ quan ban hành",
    "Trích yếu",
]


def spans() -> list[tuple[str, date, date]]:
    """(file name, first day, last day) of every dossier export, in order."""
    ends = [("dossiers-2021-12", date(2021, 12, 14))]
    ends += [(f"dossiers-2022-q{q}", date(2022, 3 * q, 14)) for q in range(1, 5)]
    ends += [(f"dossiers-2023-{m:02d}", date(2023, m, 14)) for m in range(1, 13)]
    ends += [(f"dossiers-2024-q{q}", date(2024, 3 * q, 14)) for q in range(1, 5)]
    found, start = [], date(2021, 11, 1)
    for name, end in ends:
        found.append((name, start, end))
        start = end.replace(day=1)  # the next export repeats the last two weeks
    return found


def read_csv(name: str) -> pd.DataFrame:
    return pd.read_csv(DATA / name, dtype=str, keep_default_na=False)


def dossier_rows(dossiers: pd.DataFrame, names: dict, units: dict, start: date, end: date):
    """The export of [start, end]: dossiers received or closed in it, as seen on ``end``."""
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    received = pd.to_datetime(dossiers["received_on"], format="%d/%m/%Y")
    due = pd.to_datetime(dossiers["due_on"], format="%d/%m/%Y")
    resolved = pd.to_datetime(dossiers["resolved_on"], format="%d/%m/%Y")
    touched = received.between(first, last) | resolved.between(first, last)
    for index in dossiers.index[touched]:
        row = dossiers.loc[index]
        closed = resolved[index] <= last  # False for a dossier still open (NaT)
        yield (
            row.dossier_id,
            names[row.procedure_code],
            row.field,
            units[row.unit],
            CHANNEL[row.channel],
            received[index].date(),
            due[index].date(),
            resolved[index].date() if closed else None,
            STATUS[row.outcome if closed else ""],
        )


def at(day: date | None, rng: np.random.Generator, hours: tuple[int, int]) -> datetime | None:
    """The day at a working-hours time: exports record date-times."""
    if day is None:
        return None
    minutes = int(rng.integers(hours[0] * 60, hours[1] * 60))
    return datetime.combine(day, time(minutes // 60, minutes % 60))


def dossier_export(
    name: str, rows: list, version: str, rng: np.random.Generator
) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách hồ sơ"
    headings = HEADINGS[version]
    sheet.append((["STT"] if version == "2023" else []) + headings)
    if version == "2024":
        rows = [rows[i] for i in rng.permutation(len(rows))]
    for number, row in enumerate(rows, 1):
        got, due, done = (
            at(row[5], rng, (7, 17)),
            at(row[6], rng, (16, 17)),
            at(row[7], rng, (7, 17)),
        )
        dates = [got, due, done]
        if version == "2023":
            dates = [d.strftime("%d/%m/%Y %H:%M") if d else None for d in dates]
        sheet.append(([number] if version == "2023" else []) + list(row[:5]) + dates + [row[8]])
    widths = {"2023": [6, 28, 60, 26, 34, 14, 18, 18, 18, 16]}.get(
        version, [28, 60, 26, 34, 14, 18, 18, 18, 16]
    )
    for column, width in zip("ABCDEFGHIJ", widths, strict=False):
        sheet.column_dimensions[column].width = width
    return book


def document_export(documents: pd.DataFrame, issuers: dict) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sổ văn bản"
    sheet.append(DOCUMENT_HEADINGS)
    for number, row in enumerate(documents.itertuples(), 1):
        day = pd.to_datetime(row.issued_on, format="%d/%m/%Y").to_pydatetime()
        sheet.append(
            [number, row.number_symbol, day, row.doc_type, issuers[row.issuer], row.subject]
        )
        sheet.cell(number + 1, 3).number_format = "dd/mm/yyyy"
    for column, width in zip("ABCDEF", [6, 24, 14, 14, 40, 90], strict=True):
        sheet.column_dimensions[column].width = width
    return book


def save(book: openpyxl.Workbook, path: Path) -> None:
    """Write the workbook with fixed dates, so the same data always gives the same bytes."""
    stamp = datetime(*FILE_DATE)
    book.properties.created = stamp
    book.properties.creator = "reportbook scripts/make_sample_exports.py (SAMPLE)"
    buffer = io.BytesIO()
    book.save(buffer)
    fixed = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps the time of saving
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-12-15T00:00:00Z", data
                )
            out.writestr(zipfile.ZipInfo(item.filename, FILE_DATE), data, zipfile.ZIP_DEFLATED)
    path.write_bytes(fixed.getvalue())


def main() -> None:
    rng = np.random.default_rng(SEED)
    vocab = yaml.safe_load((DATA / "vocabularies.yaml").read_text(encoding="utf-8"))
    procedures = read_csv("procedures.csv")
    names = dict(zip(procedures["procedure_code"], procedures["procedure_name"], strict=True))
    dossiers = read_csv("dossiers.csv")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, start, end in spans():
        rows = list(dossier_rows(dossiers, names, vocab["units"], start, end))
        version = "2023" if end.year == 2023 else "2024" if end.year == 2024 else "2022"
        save(dossier_export(name, rows, version, rng), OUT / f"{name}.xlsx")
        print(f"{name}.xlsx: {start:%d/%m/%Y}–{end:%d/%m/%Y}, {len(rows)} dossiers")
    documents = read_csv("documents.csv")
    issued = pd.to_datetime(documents["issued_on"], format="%d/%m/%Y").dt.date
    issuers = {code: entry["name"] for code, entry in vocab["issuers"].items()}
    for year in (2022, 2023, 2024):
        first = date(1900, 1, 1) if year == 2022 else date(year - 1, 12, 1)
        chosen = documents[issued.between(first, date(year, 12, 31))]
        chosen = chosen.iloc[np.argsort(issued[chosen.index].to_numpy(), kind="stable")]
        save(document_export(chosen, issuers), OUT / f"documents-{year}.xlsx")
        print(f"documents-{year}.xlsx: {len(chosen)} documents")


if __name__ == "__main__":
    main()
