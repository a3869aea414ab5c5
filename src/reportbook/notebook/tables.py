"""Display tables: computed frames turned into labelled, formatted rows.

The numbers are computed elsewhere; here they get Vietnamese labels and
Vietnamese number formats, and the row and column order of the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..stats.form06 import COLUMN_LABELS, header_groups
from . import formatting

if TYPE_CHECKING:
    import datetime as dt


def as_counts(stats: pd.DataFrame, row: str) -> dict[str, int]:
    """One row of a statistics table as plain ints (zeros if the row is absent)."""
    if row not in stats.index:
        return {c: 0 for c in stats.columns}
    return {c: int(v) for c, v in stats.loc[row].items()}


def dossier_form(stats: pd.DataFrame, labels: dict[str, str]) -> tuple[pd.DataFrame, list]:
    """Biểu 06 rows (one per unit or field, then the total) and the form's header groups."""
    names = [labels.get(i, i) if i != "total" else "Tổng cộng" for i in stats.index]
    body = stats.map(formatting.number)
    body.columns = [COLUMN_LABELS[c] for c in stats.columns]
    frame = pd.concat([pd.Series(names, index=stats.index, name="Đơn vị"), body], axis=1)
    return frame.reset_index(drop=True), header_groups("Đơn vị")


def contacts(frame: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The contacts in post on ``day``, as table 1.1 shows them."""
    day = pd.Timestamp(day)
    active = frame[
        (frame["valid_from"] <= day) & (frame["valid_to"].isna() | (frame["valid_to"] >= day))
    ]
    active = active.sort_values("contact_id")
    return pd.DataFrame(
        {
            "STT": [f"{i:02d}" for i in range(1, len(active) + 1)],
            "Nội dung": active["role"].to_list(),
            "Họ và tên": active["full_name"].to_list(),
            "Chức vụ": active["position"].to_list(),
            "Email/điện thoại": (active["email"] + " " + active["phone"]).str.strip().to_list(),
        }
    )


def services_levels(
    cross: pd.DataFrame, labels_42: dict, previous: dict | None = None
) -> pd.DataFrame:
    """Procedures in force by Decree 42 level (rows) and legacy level (columns)."""
    cross = cross.reindex(columns=[4, 3, 2], fill_value=0)
    order = [k for k in labels_42 if k in cross.index]
    cross = cross.reindex(order)
    frame = pd.DataFrame(
        {
            "Mức độ theo Nghị định 42/2022": [labels_42[k] for k in cross.index],
            **{
                f"Mức độ {lvl} (cũ)": cross[lvl].map(formatting.number).to_list()
                for lvl in (4, 3, 2)
            },
            "Tổng số": cross.sum(axis=1).map(formatting.number).to_list(),
        }
    )
    total = [
        "Tổng cộng",
        *(formatting.number(cross[lvl].sum()) for lvl in (4, 3, 2)),
        formatting.number(cross.values.sum()),
    ]
    frame.loc[len(frame)] = total
    return frame


def comparison(current: dict, previous: dict, labels: dict[str, str]) -> pd.DataFrame:
    """Current vs same period last year, with the change, for the given keys."""
    rows = []
    for key, label in labels.items():
        now, before = int(current.get(key, 0)), int(previous.get(key, 0))
        rows.append(
            {
                "Chỉ tiêu": label,
                "Kỳ này": formatting.number(now),
                "Cùng kỳ năm trước": formatting.number(before),
                "Tăng/giảm": formatting.signed(now - before),
            }
        )
    return pd.DataFrame(rows)


def raw_values(frame: pd.DataFrame) -> dict[str, dict[str, int]]:
    """A counts frame as plain {row: {column: int}}, for a table's checkable values."""
    return {
        str(row): {str(c): int(v) for c, v in values.items()}
        for row, values in frame.to_dict(orient="index").items()
    }


DOSSIER_COMPARISON = {
    "received": "Hồ sơ nhận giải quyết",
    "online": "Trong đó: trực tuyến",
    "resolved": "Hồ sơ đã giải quyết",
    "late": "Trong đó: quá hạn",
    "returned": "Hồ sơ trả lại, rút",
    "in_progress": "Hồ sơ đang giải quyết",
}
