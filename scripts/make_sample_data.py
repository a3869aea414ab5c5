#!/usr/bin/env python3
"""Regenerate the SAMPLE rows of ``data/`` for reportbook.

Every row marked ``source=seed`` in documents.csv, tasks.csv, contacts.csv
(and procedures.csv, none yet) was typed in by hand from the reference report
(``shared/seed/``) and is kept as it is.  Everything else is SAMPLE data:
generated here with a fixed random seed, realistic but not real.  Two kinds of
rows are marked seed but rebuilt here: the 2023 training records (their counts
are the seed's, TRAINING_2023 below; the people are sample) and the staff rows
of the four named contacts (copied from contacts.csv).  The 2023 annual window
is constructed so that recomputing the report's figures from the records gives
exactly what the seed report prints (the constants right below); the script
checks that before writing anything.

Run from anywhere::

    python scripts/make_sample_data.py

Running it twice gives byte-identical files.  Depends only on the standard
library, numpy, pandas and pyyaml.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
RNG_SEED = 20231214

# ---------------------------------------------------------------------------
# Targets stated by the seed report (2023 annual report, window 15/12/2022 -
# 14/12/2023).  The generator builds these populations explicitly.
# ---------------------------------------------------------------------------
WINDOW_2023 = (date(2022, 12, 15), date(2023, 12, 14))

# Biểu 06 figures per receiving unit.  PVHCC: "1.227 trước hạn ... trễ hạn 02"
# is read as 1.227 resolved of which 02 late (see data/README.md).  TTDVVL:
# the 402 dossiers the text does not account for are returned/withdrawn.
DOSSIERS_2023 = {
    "PVHCC": dict(
        carried_over=24, new=1210, resolved=1227, late=2, on_time=0, returned=0, in_progress=7
    ),
    "TTDVVL": dict(
        carried_over=396, new=11943, resolved=11572, late=0, returned=402, in_progress=365
    ),
}
RECEIVED_TOTAL_2023 = 13573

# "60 ... mức độ 4; 29 ... mức độ 3; 32 ... mức độ 2" in force at 14/12/2023.
ONLINE_LEVELS_2023 = {4: 60, 3: 29, 2: 32}

# Section d: (kind, course, staff_type, records).  Counts from the seed; the
# people who fill them are sample.  Written with source=seed.
TRAINING_2023 = [
    ("cu_di_hoc", "Trung cấp lý luận chính trị", "cong_chuc", 2),
    ("cu_di_hoc", "Trung cấp lý luận chính trị", "vien_chuc", 2),
    ("cu_di_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", "cong_chuc", 3),
    ("cu_di_hoc", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "cong_chuc", 1),
    ("cu_di_hoc", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "vien_chuc", 1),
    ("cu_di_hoc", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "cong_chuc", 1),
    ("cu_di_hoc", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "vien_chuc", 1),
    ("cu_di_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên", "cong_chuc", 1),
    ("dang_ky_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên cao cấp", "cong_chuc", 2),
    ("dang_ky_hoc", "Cao cấp lý luận chính trị", "cong_chuc", 1),
    ("dang_ky_hoc", "Cao cấp lý luận chính trị", "vien_chuc", 1),
    ("dang_ky_nang_ngach", "", "cong_chuc", 5),
    ("dang_ky_thang_hang", "", "vien_chuc", 10),
]
TRAINING_TARGETS_2023 = {
    "cu_di_hoc": 12,
    "dang_ky_hoc": 4,
    "dang_ky_nang_ngach": 5,
    "dang_ky_thang_hang": 10,
}

# ---------------------------------------------------------------------------
# SAMPLE assumptions (invented, realistic).
# ---------------------------------------------------------------------------
WINDOWS = {  # name -> (start, end), both inclusive
    "2021": (date(2021, 11, 1), date(2021, 12, 14)),  # lead-in: makes 2022's carry-over
    "2022": (date(2021, 12, 15), date(2022, 12, 14)),
    "2023": WINDOW_2023,
    "2024": (date(2023, 12, 15), date(2024, 12, 14)),
}
LAST_WINDOW = "2024"  # dossiers in progress at its end stay open


@dataclass(frozen=True)
class DossierPlan:
    """How many dossiers a unit receives and how they end in one window."""

    new: int
    returned: int  # tra_lai or rut, closed in the window
    late: int  # resolved after due_on
    on_time: int  # resolved on due_on
    in_progress: int  # open at the end, within deadline
    overdue: int = 0  # open at the end, past due_on (last window only)


def _seed_plan(unit: str, on_time: int = 0) -> DossierPlan:
    """Build the 2023 plan from the seed targets (on_time is ours for TTDVVL)."""
    t = DOSSIERS_2023[unit]
    return DossierPlan(
        new=t["new"],
        returned=t["returned"],
        late=t["late"],
        on_time=t.get("on_time", on_time),
        in_progress=t["in_progress"],
    )


DOSSIER_PLANS = {
    "PVHCC": {
        "2021": DossierPlan(new=142, returned=1, late=0, on_time=2, in_progress=17),
        "2022": DossierPlan(
            new=1148,
            returned=9,
            late=4,
            on_time=12,
            in_progress=DOSSIERS_2023["PVHCC"]["carried_over"],
        ),
        "2023": _seed_plan("PVHCC"),
        "2024": DossierPlan(new=1316, returned=6, late=3, on_time=9, in_progress=11, overdue=1),
    },
    "TTDVVL": {
        "2021": DossierPlan(new=1580, returned=44, late=0, on_time=41, in_progress=338),
        "2022": DossierPlan(
            new=11426,
            returned=371,
            late=0,
            on_time=310,
            in_progress=DOSSIERS_2023["TTDVVL"]["carried_over"],
        ),
        "2023": _seed_plan("TTDVVL", on_time=287),
        "2024": DossierPlan(new=12108, returned=418, late=0, on_time=295, in_progress=381),
    },
}
UNIT_ID_PREFIX = {"PVHCC": "000.00.21.H53", "TTDVVL": "000.01.21.H53"}
# Share of PVHCC dossiers filed online on working days, among online-capable
# procedures (level toàn trình / một phần).  Grows year by year.
ONLINE_SHARE = {"2021": 0.18, "2022": 0.27, "2023": 0.45, "2024": 0.63}
POST_SHARE = {"PVHCC": 0.10, "TTDVVL": 0.04}  # of the not-online dossiers
RETURNED_SHARE_TRA_LAI = 0.6  # the rest of returned/withdrawn are "rut"
COVID_DEMAND_END = date(2022, 9, 30)  # COVID-19 support claims dry up after this

# Month factors (Jan..Dec) of daily receipts; Tết is handled separately.
MONTH_FACTOR = {
    "PVHCC": [0.95, 0.85, 1.0, 1.0, 1.0, 1.0, 1.15, 1.05, 1.0, 1.0, 1.05, 1.1],
    "TTDVVL": [0.9, 1.1, 1.25, 1.05, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.0, 1.0],
}
TET = {2022: date(2022, 2, 1), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10)}
HOLIDAYS = [  # offices closed (besides Tết); due dates still skip only weekends
    date(2022, 1, 1),
    date(2022, 4, 11),
    date(2022, 5, 2),
    date(2022, 5, 3),
    date(2022, 9, 1),
    date(2022, 9, 2),
    date(2023, 1, 2),
    date(2023, 5, 1),
    date(2023, 5, 2),
    date(2023, 5, 3),
    date(2023, 9, 1),
    date(2023, 9, 4),
    date(2024, 1, 1),
    date(2024, 4, 18),
    date(2024, 4, 29),
    date(2024, 4, 30),
    date(2024, 5, 1),
    date(2024, 9, 2),
    date(2024, 9, 3),
]
CLOSED_DAY_ONLINE_FACTOR = 0.12  # PVHCC online filings on weekends/holidays

BASE_IN_FORCE_FROM = "01/01/2021"  # procedures already in the catalogue before the data


# ---------------------------------------------------------------------------
# Procedure catalogue (SAMPLE).  (field code, name, legacy level, processing
# working days, relative demand, kind, in force since, abolished by).
# kind: "ui" = unemployment insurance, received by TTDVVL; "covid" = demand
# stops after COVID_DEMAND_END; "" = received by PVHCC.
# since/until: None, a date "dd/mm/yyyy", a seed number_symbol or a sample
# document key; "until" a document means in force to the day before it.
# ---------------------------------------------------------------------------
CATALOGUE = [
    # Việc làm: unemployment insurance (TTDVVL)
    ("VL", "Giải quyết hưởng trợ cấp thất nghiệp", 4, 20, 88, "ui", None, None),
    ("VL", "Tạm dừng hưởng trợ cấp thất nghiệp", 4, 3, 2, "ui", None, None),
    ("VL", "Tiếp tục hưởng trợ cấp thất nghiệp", 4, 3, 1.5, "ui", None, None),
    ("VL", "Chấm dứt hưởng trợ cấp thất nghiệp", 4, 3, 3.5, "ui", None, None),
    ("VL", "Chuyển nơi hưởng trợ cấp thất nghiệp (chuyển đi)", 4, 3, 1.5, "ui", None, None),
    ("VL", "Chuyển nơi hưởng trợ cấp thất nghiệp (chuyển đến)", 4, 3, 1.5, "ui", None, None),
    (
        "VL",
        "Giải quyết hỗ trợ học nghề cho người đang hưởng trợ cấp thất nghiệp",
        4,
        20,
        2,
        "ui",
        None,
        None,
    ),
    ("VL", "Thông báo về việc tìm kiếm việc làm hằng tháng", 2, 1, 0, "ui", None, None),
    # Việc làm: other (PVHCC)
    (
        "VL",
        "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        4,
        5,
        30,
        "",
        None,
        "k24_tthc_vl",
    ),
    (
        "VL",
        "Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        4,
        3,
        6,
        "",
        None,
        "k24_tthc_vl",
    ),
    (
        "VL",
        "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        4,
        5,
        12,
        "",
        None,
        "k24_tthc_vl",
    ),
    (
        "VL",
        "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
        4,
        3,
        8,
        "",
        None,
        "k24_tthc_vl",
    ),
    (
        "VL",
        "Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài",
        4,
        10,
        20,
        "",
        None,
        "k24_tthc_vl",
    ),
    (
        "VL",
        "Cấp giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm",
        3,
        7,
        0.3,
        "",
        None,
        None,
    ),
    (
        "VL",
        "Cấp lại giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm",
        3,
        5,
        0.1,
        "",
        None,
        None,
    ),
    (
        "VL",
        "Gia hạn giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm",
        3,
        5,
        0.2,
        "",
        None,
        None,
    ),
    (
        "VL",
        "Thu hồi giấy phép hoạt động dịch vụ việc làm của doanh nghiệp hoạt động dịch vụ việc làm",
        2,
        5,
        0.05,
        "",
        None,
        None,
    ),
    (
        "VL",
        "Rút tiền ký quỹ của doanh nghiệp hoạt động dịch vụ việc làm",
        2,
        5,
        0.05,
        "",
        None,
        None,
    ),
    (
        "VL",
        "Thành lập Trung tâm dịch vụ việc làm do Ủy ban nhân dân tỉnh quyết định",
        2,
        30,
        0,
        "",
        None,
        None,
    ),
    (
        "VL",
        "Hỗ trợ người lao động tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng lương do ảnh hưởng của đại dịch COVID-19",
        3,
        5,
        6,
        "covid",
        "20/07/2021",
        "1220/QĐ-UBND",
    ),
    (
        "VL",
        "Hỗ trợ người lao động ngừng việc do ảnh hưởng của đại dịch COVID-19",
        3,
        5,
        3,
        "covid",
        "20/07/2021",
        "1220/QĐ-UBND",
    ),
    (
        "VL",
        "Hỗ trợ người lao động chấm dứt hợp đồng lao động nhưng không đủ điều kiện hưởng trợ cấp thất nghiệp do ảnh hưởng của đại dịch COVID-19",
        3,
        5,
        4,
        "covid",
        "20/07/2021",
        "1220/QĐ-UBND",
    ),
    (
        "VL",
        "Hỗ trợ đào tạo duy trì việc làm cho người lao động do ảnh hưởng của đại dịch COVID-19",
        2,
        5,
        0.5,
        "covid",
        "20/07/2021",
        "1220/QĐ-UBND",
    ),
    (
        "VL",
        "Hỗ trợ đào tạo, bồi dưỡng, nâng cao trình độ kỹ năng nghề để duy trì việc làm cho người lao động",
        4,
        15,
        1,
        "",
        "1396/QĐ-UBND",
        None,
    ),
    (
        "VL",
        "Hỗ trợ kinh phí đào tạo nghề cho người lao động bị mất việc làm do doanh nghiệp gặp khó khăn",
        3,
        10,
        1,
        "",
        "1396/QĐ-UBND",
        None,
    ),
    (
        "VL",
        "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        4,
        5,
        30,
        "",
        "k24_tthc_vl",
        None,
    ),
    (
        "VL",
        "Cấp lại giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        4,
        3,
        6,
        "",
        "k24_tthc_vl",
        None,
    ),
    (
        "VL",
        "Gia hạn giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        4,
        5,
        12,
        "",
        "k24_tthc_vl",
        None,
    ),
    (
        "VL",
        "Xác nhận người lao động nước ngoài không thuộc diện cấp giấy phép lao động",
        4,
        3,
        8,
        "",
        "k24_tthc_vl",
        None,
    ),
    (
        "VL",
        "Báo cáo giải trình nhu cầu, thay đổi nhu cầu sử dụng người lao động nước ngoài",
        4,
        10,
        20,
        "",
        "k24_tthc_vl",
        None,
    ),
    # Lao động - Tiền lương
    ("LDTL", "Đăng ký nội quy lao động của doanh nghiệp", 4, 7, 60, "", None, None),
    ("LDTL", "Gửi thỏa ước lao động tập thể cấp doanh nghiệp", 4, 5, 10, "", None, None),
    ("LDTL", "Cấp giấy phép hoạt động cho thuê lại lao động", 3, 20, 0.3, "", None, None),
    ("LDTL", "Gia hạn giấy phép hoạt động cho thuê lại lao động", 3, 20, 0.2, "", None, None),
    ("LDTL", "Cấp lại giấy phép hoạt động cho thuê lại lao động", 3, 10, 0.1, "", None, None),
    ("LDTL", "Thu hồi giấy phép hoạt động cho thuê lại lao động", 2, 7, 0.02, "", None, None),
    ("LDTL", "Rút tiền ký quỹ của doanh nghiệp cho thuê lại lao động", 2, 7, 0.02, "", None, None),
    (
        "LDTL",
        "Xếp hạng công ty trách nhiệm hữu hạn một thành viên do Ủy ban nhân dân cấp tỉnh làm chủ sở hữu",
        2,
        15,
        0.1,
        "",
        None,
        None,
    ),
    (
        "LDTL",
        "Phê duyệt quỹ tiền lương, thù lao, tiền thưởng đối với người quản lý công ty trách nhiệm hữu hạn một thành viên do Ủy ban nhân dân cấp tỉnh làm chủ sở hữu",
        2,
        15,
        0.2,
        "",
        None,
        None,
    ),
    (
        "LDTL",
        "Thông báo về việc chuyển trụ sở chính, chi nhánh, văn phòng đại diện của doanh nghiệp cho thuê lại lao động",
        2,
        5,
        0.05,
        "",
        None,
        None,
    ),
    (
        "LDTL",
        "Phê duyệt phương án sử dụng lao động khi sắp xếp lại công ty trách nhiệm hữu hạn một thành viên do Ủy ban nhân dân cấp tỉnh làm chủ sở hữu",
        2,
        10,
        0.05,
        "",
        None,
        None,
    ),
    (
        "LDTL",
        "Hỗ trợ tiền thuê nhà cho người lao động đang ở thuê, ở trọ, làm việc trong doanh nghiệp",
        2,
        7,
        25,
        "covid",
        "k22_tthc_ldtl",
        "1220/QĐ-UBND",
    ),
    (
        "LDTL",
        "Hỗ trợ tiền thuê nhà cho người lao động quay trở lại thị trường lao động",
        2,
        7,
        8,
        "covid",
        "k22_tthc_ldtl",
        "1220/QĐ-UBND",
    ),
    # An toàn, vệ sinh lao động
    (
        "ATVSLD",
        "Khai báo với Sở Lao động - Thương binh và Xã hội địa phương khi đưa vào sử dụng các loại máy, thiết bị, vật tư có yêu cầu nghiêm ngặt về an toàn lao động",
        4,
        5,
        70,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Cấp mới giấy chứng nhận đủ điều kiện hoạt động huấn luyện an toàn, vệ sinh lao động hạng A",
        4,
        25,
        0.5,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Cấp lại giấy chứng nhận đủ điều kiện hoạt động huấn luyện an toàn, vệ sinh lao động hạng A",
        4,
        15,
        0.3,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Gia hạn giấy chứng nhận đủ điều kiện hoạt động huấn luyện an toàn, vệ sinh lao động hạng A",
        4,
        25,
        0.3,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Hỗ trợ chi phí khám bệnh nghề nghiệp cho người lao động phát hiện bị bệnh nghề nghiệp khi đã nghỉ hưu hoặc không còn làm việc trong các nghề, công việc có nguy cơ bị bệnh nghề nghiệp",
        3,
        10,
        0.5,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Hỗ trợ chuyển đổi nghề nghiệp cho người bị tai nạn lao động, bệnh nghề nghiệp khi trở lại làm việc",
        3,
        10,
        0.5,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Hỗ trợ phục hồi chức năng lao động cho người bị tai nạn lao động, bệnh nghề nghiệp",
        3,
        10,
        0.3,
        "",
        None,
        None,
    ),
    (
        "ATVSLD",
        "Hỗ trợ huấn luyện an toàn, vệ sinh lao động cho doanh nghiệp",
        4,
        10,
        0.3,
        "",
        None,
        None,
    ),
    # Giáo dục nghề nghiệp
    (
        "GDNN",
        "Thành lập, cho phép thành lập trường trung cấp công lập và tư thục trên địa bàn tỉnh",
        2,
        15,
        0.1,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Sáp nhập, chia, tách trường trung cấp công lập và tư thục trên địa bàn tỉnh",
        2,
        15,
        0.05,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Giải thể trường trung cấp công lập, tư thục trên địa bàn tỉnh",
        2,
        15,
        0.05,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Thành lập, cho phép thành lập trung tâm giáo dục nghề nghiệp công lập và tư thục trên địa bàn tỉnh",
        2,
        15,
        0.2,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Sáp nhập, chia, tách trung tâm giáo dục nghề nghiệp công lập và tư thục trên địa bàn tỉnh",
        2,
        15,
        0.05,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Giải thể trung tâm giáo dục nghề nghiệp công lập, tư thục trên địa bàn tỉnh",
        2,
        15,
        0.05,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trung tâm giáo dục nghề nghiệp, trường trung cấp, doanh nghiệp",
        4,
        10,
        3,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Cấp giấy chứng nhận đăng ký bổ sung hoạt động giáo dục nghề nghiệp đối với trung tâm giáo dục nghề nghiệp, trường trung cấp, doanh nghiệp",
        4,
        10,
        5,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Cấp lại giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp đối với trung tâm giáo dục nghề nghiệp, trường trung cấp, doanh nghiệp",
        4,
        5,
        1,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Cho phép thành lập phân hiệu của trường trung cấp tư thục",
        2,
        15,
        0.05,
        "",
        None,
        None,
    ),
    ("GDNN", "Chấm dứt hoạt động phân hiệu của trường trung cấp", 2, 15, 0.02, "", None, None),
    ("GDNN", "Đổi tên trường trung cấp", 2, 15, 0.05, "", None, "k22_tthc_gdnn"),
    (
        "GDNN",
        "Cho phép hoạt động giáo dục nghề nghiệp trở lại",
        3,
        10,
        0.05,
        "",
        None,
        "k22_tthc_gdnn",
    ),
    ("GDNN", "Công nhận hiệu trưởng trường trung cấp tư thục", 4, 10, 0.2, "", None, None),
    ("GDNN", "Thôi công nhận hiệu trưởng trường trung cấp tư thục", 3, 10, 0.1, "", None, None),
    (
        "GDNN",
        "Công nhận giám đốc trung tâm giáo dục nghề nghiệp tư thục",
        4,
        10,
        0.3,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Thôi công nhận giám đốc trung tâm giáo dục nghề nghiệp tư thục",
        3,
        10,
        0.1,
        "",
        None,
        None,
    ),
    ("GDNN", "Thành lập hội đồng trường trung cấp công lập", 4, 15, 0.1, "", None, None),
    (
        "GDNN",
        "Thay thế chủ tịch, thư ký, thành viên hội đồng trường trung cấp công lập",
        3,
        15,
        0.1,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Cấp giấy chứng nhận đăng ký hoạt động liên kết đào tạo với nước ngoài đối với trường trung cấp, trung tâm giáo dục nghề nghiệp",
        2,
        20,
        0.05,
        "",
        None,
        None,
    ),
    (
        "GDNN",
        "Đổi tên trường trung cấp công lập, tư thục trên địa bàn tỉnh",
        3,
        15,
        0.05,
        "",
        "k22_tthc_gdnn",
        None,
    ),
    (
        "GDNN",
        "Công nhận hội đồng quản trị trường trung cấp tư thục",
        3,
        10,
        0.1,
        "",
        "k22_tthc_gdnn",
        None,
    ),
    (
        "GDNN",
        "Cho phép hoạt động giáo dục nghề nghiệp trở lại đối với trường trung cấp, trung tâm giáo dục nghề nghiệp",
        3,
        10,
        0.05,
        "",
        "k22_tthc_gdnn",
        None,
    ),
    # Người có công
    ("NCC", "Giải quyết chế độ ưu đãi đối với Bà mẹ Việt Nam anh hùng", 4, 20, 0.5, "", None, None),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với Anh hùng Lực lượng vũ trang nhân dân, Anh hùng Lao động trong thời kỳ kháng chiến",
        4,
        12,
        0.2,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với thương binh, người hưởng chính sách như thương binh",
        4,
        12,
        8,
        "",
        None,
        None,
    ),
    ("NCC", "Giải quyết chế độ ưu đãi đối với bệnh binh", 4, 12, 2, "", None, None),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với người hoạt động kháng chiến bị nhiễm chất độc hóa học",
        4,
        12,
        15,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với con đẻ của người hoạt động kháng chiến bị nhiễm chất độc hóa học",
        4,
        12,
        6,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày",
        4,
        12,
        5,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với người có công giúp đỡ cách mạng",
        4,
        12,
        3,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với người hoạt động cách mạng trước ngày 01 tháng 01 năm 1945",
        4,
        12,
        0.1,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ ưu đãi đối với người hoạt động cách mạng từ ngày 01 tháng 01 năm 1945 đến ngày khởi nghĩa tháng Tám năm 1945",
        4,
        12,
        0.1,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ trợ cấp tiền tuất hằng tháng đối với thân nhân liệt sĩ",
        4,
        20,
        15,
        "",
        None,
        None,
    ),
    ("NCC", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", 4, 12, 40, "", None, None),
    (
        "NCC",
        "Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần",
        4,
        12,
        150,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết trợ cấp tiền tuất hằng tháng khi người có công với cách mạng từ trần",
        4,
        12,
        40,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ trợ cấp một lần đối với người được cử làm chuyên gia sang giúp Lào, Căm-pu-chia",
        3,
        20,
        0.5,
        "",
        None,
        None,
    ),
    ("NCC", "Di chuyển hồ sơ người có công với cách mạng (chuyển đi)", 4, 5, 25, "", None, None),
    ("NCC", "Tiếp nhận hồ sơ người có công với cách mạng chuyển đến", 4, 5, 20, "", None, None),
    (
        "NCC",
        "Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công",
        4,
        20,
        10,
        "",
        None,
        None,
    ),
    ("NCC", "Cấp trích lục hoặc sao hồ sơ người có công với cách mạng", 4, 8, 60, "", None, None),
    (
        "NCC",
        "Cấp lại Bằng Tổ quốc ghi công, cấp đổi giấy chứng nhận người có công với cách mạng",
        4,
        20,
        5,
        "",
        None,
        "k24_tthc_ncc",
    ),
    ("NCC", "Cấp giấy xác nhận thân nhân của người có công", 4, 5, 45, "", None, None),
    ("NCC", "Hỗ trợ thăm viếng mộ liệt sĩ", 4, 5, 30, "", None, None),
    ("NCC", "Hỗ trợ di chuyển hài cốt liệt sĩ", 4, 5, 8, "", None, None),
    (
        "NCC",
        "Di chuyển hài cốt liệt sĩ đang an táng ngoài nghĩa trang liệt sĩ về an táng tại nghĩa trang liệt sĩ theo nguyện vọng của thân nhân liệt sĩ",
        3,
        10,
        3,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Di chuyển hài cốt liệt sĩ đang an táng tại nghĩa trang liệt sĩ đi nơi khác theo nguyện vọng của đại diện thân nhân hoặc người hưởng trợ cấp thờ cúng liệt sĩ",
        3,
        10,
        3,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giám định ADN xác định danh tính hài cốt liệt sĩ còn thiếu thông tin",
        3,
        30,
        0.5,
        "",
        None,
        None,
    ),
    ("NCC", "Đính chính thông tin trên bia mộ liệt sĩ", 4, 20, 4, "", None, None),
    (
        "NCC",
        "Công nhận và giải quyết chế độ ưu đãi người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc và làm nghĩa vụ quốc tế",
        4,
        20,
        10,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ điều dưỡng phục hồi sức khỏe, cấp phương tiện trợ giúp, dụng cụ chỉnh hình đối với người có công",
        4,
        20,
        10,
        "",
        None,
        "k24_tthc_ncc",
    ),
    (
        "NCC",
        "Giám định lại thương tật do vết thương cũ tái phát và điều chỉnh chế độ",
        3,
        30,
        4,
        "",
        None,
        "k24_tthc_ncc",
    ),
    (
        "NCC",
        "Giải quyết hưởng thêm chế độ ưu đãi đối với thương binh đồng thời là bệnh binh",
        4,
        12,
        1,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Cấp bổ sung hoặc cấp lại giấy chứng nhận người có công do ngành Lao động - Thương binh và Xã hội quản lý và giấy chứng nhận thân nhân liệt sĩ",
        4,
        5,
        12,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ, đơn đề nghị thăm viếng mộ liệt sĩ",
        4,
        5,
        5,
        "",
        None,
        None,
    ),
    ("NCC", "Cấp giấy chứng nhận thân nhân liệt sĩ", 4, 12, 3, "", None, None),
    (
        "NCC",
        "Hưởng lại chế độ ưu đãi đối với người có công hoặc thân nhân trong trường hợp bị tạm đình chỉ chế độ ưu đãi",
        4,
        12,
        2,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ bảo hiểm y tế đối với thân nhân người có công với cách mạng",
        4,
        5,
        5,
        "",
        None,
        None,
    ),
    (
        "NCC",
        "Giải quyết chế độ điều dưỡng phục hồi sức khỏe đối với người có công với cách mạng và thân nhân",
        4,
        20,
        6,
        "",
        "k24_tthc_ncc",
        None,
    ),
    (
        "NCC",
        "Cấp phương tiện trợ giúp, dụng cụ chỉnh hình đối với người có công với cách mạng",
        4,
        20,
        4,
        "",
        "k24_tthc_ncc",
        None,
    ),
    (
        "NCC",
        "Giám định lại thương tật do vết thương cũ tái phát và điều chỉnh chế độ đối với thương binh",
        3,
        30,
        4,
        "",
        "k24_tthc_ncc",
        None,
    ),
    (
        "NCC",
        "Cấp lại, cấp đổi Bằng Tổ quốc ghi công, giấy chứng nhận người có công với cách mạng",
        4,
        20,
        5,
        "",
        "k24_tthc_ncc",
        None,
    ),
    # Bảo trợ xã hội
    (
        "BTXH",
        "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh",
        2,
        10,
        8,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Tiếp nhận đối tượng cần bảo vệ khẩn cấp vào cơ sở trợ giúp xã hội cấp tỉnh",
        2,
        1,
        3,
        "",
        None,
        None,
    ),
    ("BTXH", "Dừng trợ giúp xã hội tại cơ sở trợ giúp xã hội cấp tỉnh", 2, 5, 2, "", None, None),
    (
        "BTXH",
        "Thành lập cơ sở trợ giúp xã hội công lập thuộc Sở Lao động - Thương binh và Xã hội",
        2,
        15,
        0.02,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Tổ chức lại, giải thể cơ sở trợ giúp xã hội công lập thuộc Sở Lao động - Thương binh và Xã hội",
        2,
        15,
        0.02,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền giải quyết của Sở Lao động - Thương binh và Xã hội",
        4,
        5,
        0.3,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Đăng ký thay đổi nội dung giấy chứng nhận đăng ký thành lập đối với cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền thành lập của Sở Lao động - Thương binh và Xã hội",
        3,
        5,
        0.2,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Giải thể cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền thành lập của Sở Lao động - Thương binh và Xã hội",
        2,
        15,
        0.05,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội thuộc thẩm quyền của Sở Lao động - Thương binh và Xã hội",
        4,
        15,
        0.3,
        "",
        None,
        None,
    ),
    (
        "BTXH",
        "Cấp lại, điều chỉnh giấy phép hoạt động đối với cơ sở trợ giúp xã hội có giấy phép hoạt động do Sở Lao động - Thương binh và Xã hội cấp",
        3,
        10,
        0.2,
        "",
        None,
        None,
    ),
    # Trẻ em
    (
        "TE",
        "Đăng ký nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình nhận chăm sóc thay thế không phải là người thân thích của trẻ em",
        2,
        15,
        0.5,
        "",
        None,
        None,
    ),
    (
        "TE",
        "Chuyển trẻ em đang được chăm sóc thay thế tại cơ sở trợ giúp xã hội đến cá nhân, gia đình nhận chăm sóc thay thế",
        2,
        15,
        0.3,
        "",
        None,
        None,
    ),
    ("TE", "Chấm dứt việc chăm sóc thay thế cho trẻ em", 2, 10, 0.2, "", None, None),
    (
        "TE",
        "Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi và trẻ em có hoàn cảnh đặc biệt",
        2,
        10,
        0.5,
        "",
        None,
        None,
    ),
    (
        "TE",
        "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại cho trẻ em",
        2,
        1,
        0.2,
        "",
        None,
        None,
    ),
    # Phòng, chống tệ nạn xã hội
    (
        "PCTNXH",
        "Công bố cơ sở đủ điều kiện cung cấp dịch vụ cai nghiện ma túy tự nguyện",
        3,
        15,
        0.2,
        "",
        None,
        None,
    ),
    (
        "PCTNXH",
        "Công bố lại cơ sở đủ điều kiện cung cấp dịch vụ cai nghiện ma túy tự nguyện",
        3,
        15,
        0.1,
        "",
        None,
        None,
    ),
    (
        "PCTNXH",
        "Đăng ký cai nghiện ma túy tự nguyện tại cơ sở cai nghiện ma túy công lập",
        3,
        3,
        8,
        "",
        None,
        None,
    ),
    (
        "PCTNXH",
        "Hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu cho nạn nhân bị mua bán",
        2,
        10,
        0.2,
        "",
        None,
        None,
    ),
    (
        "PCTNXH",
        "Thu hồi quyết định công bố cơ sở đủ điều kiện cung cấp dịch vụ cai nghiện ma túy tự nguyện",
        2,
        10,
        0.02,
        "",
        None,
        None,
    ),
    # Quản lý lao động ngoài nước
    (
        "QLLDNN",
        "Đăng ký hợp đồng lao động trực tiếp giao kết với người sử dụng lao động ở nước ngoài",
        4,
        5,
        12,
        "",
        None,
        None,
    ),
    (
        "QLLDNN",
        "Đăng ký hợp đồng nhận lao động thực tập thời hạn dưới 90 ngày",
        3,
        5,
        1,
        "",
        None,
        None,
    ),
    (
        "QLLDNN",
        "Hỗ trợ người lao động thuộc đối tượng chính sách đi làm việc ở nước ngoài theo hợp đồng",
        3,
        10,
        6,
        "",
        None,
        None,
    ),
    (
        "QLLDNN",
        "Hỗ trợ chi phí đào tạo ngoại ngữ, bồi dưỡng kiến thức cần thiết cho người lao động đi làm việc ở nước ngoài theo hợp đồng",
        3,
        10,
        2,
        "",
        None,
        None,
    ),
]
LEVEL_42 = {4: "toan_trinh", 3: "mot_phan", 2: "thong_tin"}

# ---------------------------------------------------------------------------
# Sample documents.  (key, doc_type, numbering series, symbol suffix,
# issued_on, issuer, prepared_by, subject, cchc_areas).  Numbers are drawn
# from the series' yearly volume so they look like a real register.
# ---------------------------------------------------------------------------
SERIES = {  # name -> (number_symbol template, documents issued per year)
    "KH-SLĐTBXH": ("{n}/KH-SLĐTBXH", 80),
    "CV-SLĐTBXH": ("{n}/SLĐTBXH-{suffix}", 2100),
    "BC-SLĐTBXH": ("{n}/BC-SLĐTBXH", 290),
    "QĐ-SLĐTBXH": ("{n}/QĐ-SLĐTBXH", 430),
    "ĐA-SLĐTBXH": ("{n}/ĐA-SLĐTBXH", 65),
    "QĐ-UBND": ("{n}/QĐ-UBND", 3500),
    "KH-UBND": ("{n}/KH-UBND", 250),
    "CV-UBND": ("{n}/UBND-{suffix}", 3400),
    "CV-VP": ("{n}/VP-{suffix}", 6500),
    "QPPL-UBND": ("{n}/{year}/QĐ-UBND", 27),
    "NQ-HĐND": ("{n}/{year}/NQ-HĐND", 15),
}
S = "SLDTBXH"
SAMPLE_DOCUMENTS = [
    # ---- 2022 annual window (15/12/2021 - 14/12/2022) ----
    (
        "k22_plan",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "27/12/2021",
        S,
        "",
        "về thực hiện cải cách hành chính năm 2022",
        "ke_hoach_nam;chi_dao",
    ),
    (
        "k22_kstthc",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "11/01/2022",
        S,
        "",
        "về kiểm soát TTHC năm 2022",
        "chi_dao;tthc",
    ),
    (
        "k22_mtcl",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "14/01/2022",
        S,
        "",
        "về thực hiện mục tiêu chất lượng tại Sở LĐ-TB&XH năm 2022",
        "chi_dao;tthc",
    ),
    (
        "k22_tuyentruyen",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "21/02/2022",
        S,
        "",
        "về tuyên truyền cải cách hành chính năm 2022",
        "chi_dao",
    ),
    (
        "k22_vbqppl",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "23/02/2022",
        S,
        "",
        "về kiểm tra, xử lý, rà soát văn bản quy phạm pháp luật năm 2022",
        "the_che",
    ),
    (
        "k22_daotao",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "25/02/2022",
        S,
        "",
        "về đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2022",
        "cong_vu",
    ),
    (
        "k22_kiemtra",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "09/03/2022",
        S,
        "",
        "về kiểm tra cải cách hành chính năm 2022",
        "chi_dao",
    ),
    (
        "k22_chitieu",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "10/03/2022",
        S,
        "",
        "về quy chế chi tiêu nội bộ thực hiện chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính của Sở LĐ-TB&XH năm 2022",
        "tai_chinh",
    ),
    (
        "k22_cntt",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "16/03/2022",
        S,
        "",
        "về ứng dụng công nghệ thông tin, phát triển chính phủ số và bảo đảm an toàn thông tin mạng năm 2022",
        "chinh_phu_so",
    ),
    (
        "k22_tthc_ldtl",
        "Quyết định",
        "QĐ-UBND",
        "",
        "06/04/2022",
        "UBND",
        S,
        "về công bố thủ tục hành chính mới ban hành lĩnh vực Lao động - Tiền lương thuộc phạm vi quản lý của Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng",
        "tthc",
    ),
    (
        "k22_phong",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "12/05/2022",
        S,
        "",
        "về quy định chức năng, nhiệm vụ, quyền hạn của các phòng chuyên môn, nghiệp vụ thuộc Sở Lao động - Thương binh và Xã hội",
        "to_chuc",
    ),
    (
        "k22_taisan",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "21/07/2022",
        S,
        "",
        "ban hành Quy chế quản lý, sử dụng tài sản công của Sở Lao động - Thương binh và Xã hội",
        "tai_chinh",
    ),
    (
        "k22_cd6t",
        "Công văn",
        "CV-SLĐTBXH",
        "VP",
        "18/07/2022",
        S,
        "",
        "về đẩy mạnh thực hiện nhiệm vụ cải cách hành chính 6 tháng cuối năm 2022",
        "chi_dao",
    ),
    (
        "k22_qdpl",
        "Quyết định",
        "QPPL-UBND",
        "",
        "26/08/2022",
        "UBND",
        S,
        "ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng",
        "the_che;to_chuc",
    ),
    (
        "k22_vanhoa",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "14/09/2022",
        S,
        "",
        "ban hành Quy chế văn hóa công sở tại Sở Lao động - Thương binh và Xã hội",
        "cong_vu",
    ),
    (
        "k22_tthc_gdnn",
        "Quyết định",
        "QĐ-UBND",
        "",
        "17/10/2022",
        "UBND",
        S,
        "về công bố thủ tục hành chính được sửa đổi, bổ sung và bị bãi bỏ lĩnh vực Giáo dục nghề nghiệp thuộc phạm vi quản lý của Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng",
        "tthc",
    ),
    (
        "k22_nq",
        "Nghị quyết",
        "NQ-HĐND",
        "",
        "09/12/2022",
        "HDND",
        S,
        "quy định mức chuẩn trợ giúp xã hội, mức trợ giúp xã hội áp dụng trên địa bàn tỉnh Sóc Trăng",
        "the_che",
    ),
    # 2022 tasks: assigning and response documents
    (
        "t22_tet_a",
        "Công văn",
        "CV-UBND",
        "VX",
        "10/01/2022",
        "UBND",
        "",
        "về việc chuẩn bị và tổ chức các hoạt động chăm lo Tết Nguyên đán Nhâm Dần 2022",
        "",
    ),
    (
        "t22_tet_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "24/01/2022",
        S,
        "",
        "về kết quả thực hiện các hoạt động chăm lo Tết Nguyên đán Nhâm Dần năm 2022",
        "",
    ),
    (
        "t22_covid_a",
        "Công văn",
        "CV-VP",
        "VX",
        "08/03/2022",
        "VPUBND",
        "",
        "về việc báo cáo tình hình thực hiện chính sách hỗ trợ người lao động gặp khó khăn do đại dịch COVID-19",
        "",
    ),
    (
        "t22_covid_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "18/03/2022",
        S,
        "",
        "về tình hình thực hiện chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại dịch COVID-19 trên địa bàn tỉnh Sóc Trăng",
        "",
    ),
    (
        "t22_thuenha_a",
        "Công văn",
        "CV-VP",
        "VX",
        "12/04/2022",
        "VPUBND",
        "",
        "về việc tham mưu triển khai Quyết định số 08/2022/QĐ-TTg của Thủ tướng Chính phủ",
        "",
    ),
    ("t22_thuenha_r", "Công văn", "CV-SLĐTBXH", "VLTLATLĐ", "20/04/2022", S, "", "", ""),
    (
        "t22_treem_a",
        "Kế hoạch",
        "KH-UBND",
        "",
        "24/05/2022",
        "UBND",
        "",
        "về tổ chức Tháng hành động Vì trẻ em tỉnh Sóc Trăng năm 2022",
        "",
    ),
    (
        "t22_treem_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "05/08/2022",
        S,
        "",
        "về kết quả tổ chức Tháng hành động Vì trẻ em tỉnh Sóc Trăng năm 2022",
        "",
    ),
    (
        "t22_tbls_a",
        "Công văn",
        "CV-VP",
        "VX",
        "15/06/2022",
        "VPUBND",
        "",
        "về việc báo cáo công tác chăm sóc người có công nhân kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2022)",
        "",
    ),
    (
        "t22_tbls_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "01/08/2022",
        S,
        "",
        "về kết quả thực hiện công tác chăm sóc người có công với cách mạng nhân kỷ niệm 75 năm Ngày Thương binh - Liệt sĩ",
        "",
    ),
    (
        "t22_giamngheo_a",
        "Công văn",
        "CV-UBND",
        "TH",
        "22/08/2022",
        "UBND",
        "",
        "về việc báo cáo tình hình thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững",
        "",
    ),
    (
        "t22_giamngheo_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "06/09/2022",
        S,
        "",
        "về tình hình thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 năm 2022",
        "",
    ),
    (
        "t22_nhanluc_a",
        "Công văn",
        "CV-VP",
        "VX",
        "04/10/2022",
        "VPUBND",
        "",
        "về việc lấy ý kiến dự thảo Kế hoạch phát triển nguồn nhân lực tỉnh Sóc Trăng",
        "",
    ),
    (
        "t22_nhanluc_r",
        "Công văn",
        "CV-SLĐTBXH",
        "QLGDNN",
        "13/10/2022",
        S,
        "",
        "về góp ý dự thảo Kế hoạch phát triển nguồn nhân lực tỉnh Sóc Trăng giai đoạn 2021 - 2025",
        "",
    ),
    (
        "t22_trogiup_a",
        "Công văn",
        "CV-VP",
        "VX",
        "07/11/2022",
        "VPUBND",
        "",
        "về việc tham mưu xây dựng dự thảo Nghị quyết quy định mức chuẩn trợ giúp xã hội",
        "",
    ),
    (
        "t22_trogiup_r",
        "Công văn",
        "CV-SLĐTBXH",
        "BTXH",
        "16/11/2022",
        S,
        "",
        "về việc trình dự thảo Nghị quyết quy định mức chuẩn trợ giúp xã hội, mức trợ giúp xã hội áp dụng trên địa bàn tỉnh Sóc Trăng",
        "",
    ),
    # ---- 2024 annual window (15/12/2023 - 14/12/2024) ----
    (
        "t24_bhtn_a",
        "Công văn",
        "CV-VP",
        "VX",
        "04/12/2023",
        "VPUBND",
        "",
        "về việc báo cáo kết quả thực hiện chính sách bảo hiểm thất nghiệp năm 2023",
        "",
    ),
    (
        "k24_plan",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "26/12/2023",
        S,
        "",
        "về thực hiện cải cách hành chính năm 2024",
        "ke_hoach_nam;chi_dao",
    ),
    (
        "t24_bhtn_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "05/01/2024",
        S,
        "",
        "về kết quả thực hiện chính sách bảo hiểm thất nghiệp năm 2023 trên địa bàn tỉnh Sóc Trăng",
        "",
    ),
    (
        "t24_tet_a",
        "Công văn",
        "CV-UBND",
        "TH",
        "08/01/2024",
        "UBND",
        "",
        "về thực hiện các nhiệm vụ và chuẩn bị thông tin báo cáo về Tết Nguyên đán Giáp Thìn 2024",
        "",
    ),
    (
        "k24_kstthc",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "11/01/2024",
        S,
        "",
        "về kiểm soát TTHC năm 2024",
        "chi_dao;tthc",
    ),
    (
        "k24_mtcl",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "16/01/2024",
        S,
        "",
        "về thực hiện mục tiêu chất lượng tại Sở LĐ-TB&XH năm 2024",
        "chi_dao;tthc",
    ),
    (
        "t24_tet_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "29/01/2024",
        S,
        "",
        "về kết quả thực hiện các hoạt động phục vụ Tết Nguyên đán Giáp Thìn năm 2024",
        "",
    ),
    (
        "k24_chamdiem",
        "Công văn",
        "CV-SLĐTBXH",
        "VP",
        "05/02/2024",
        S,
        "",
        "về đánh giá kết quả chấm điểm chỉ số cải cách hành chính của Sở LĐ-TB&XH năm 2023",
        "chi_dao",
    ),
    (
        "k24_rstthc",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "19/02/2024",
        S,
        "",
        "về rà soát, đánh giá TTHC năm 2024",
        "chi_dao;tthc",
    ),
    (
        "k24_tuyentruyen",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "26/02/2024",
        S,
        "",
        "về tuyên truyền cải cách hành chính năm 2024",
        "chi_dao",
    ),
    (
        "k24_vbqppl",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "27/02/2024",
        S,
        "",
        "về kiểm tra, xử lý, rà soát văn bản quy phạm pháp luật năm 2024",
        "the_che",
    ),
    (
        "k24_daotao",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "28/02/2024",
        S,
        "",
        "về đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2024",
        "cong_vu",
    ),
    (
        "k24_kiemtra",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "12/03/2024",
        S,
        "",
        "về kiểm tra cải cách hành chính năm 2024",
        "chi_dao",
    ),
    (
        "k24_chitieu",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "15/03/2024",
        S,
        "",
        "về quy chế chi tiêu nội bộ thực hiện chế độ tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính của Sở LĐ-TB&XH năm 2024",
        "tai_chinh",
    ),
    (
        "k24_cds",
        "Kế hoạch",
        "KH-SLĐTBXH",
        "",
        "18/03/2024",
        S,
        "",
        "về chuyển đổi số, ứng dụng công nghệ thông tin và bảo đảm an toàn thông tin mạng năm 2024",
        "chinh_phu_so",
    ),
    (
        "k24_tthc_vl",
        "Quyết định",
        "QĐ-UBND",
        "",
        "19/03/2024",
        "UBND",
        S,
        "về công bố thủ tục hành chính được sửa đổi, bổ sung, thay thế lĩnh vực Việc làm thuộc phạm vi quản lý của Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng",
        "tthc",
    ),
    (
        "t24_nd70_a",
        "Công văn",
        "CV-VP",
        "VX",
        "21/03/2024",
        "VPUBND",
        "",
        "về việc tham mưu triển khai thực hiện Nghị định số 70/2023/NĐ-CP của Chính phủ",
        "",
    ),
    ("t24_nd70_r", "Công văn", "CV-SLĐTBXH", "VLTLATLĐ", "02/04/2024", S, "", "", ""),
    (
        "k24_ttdvvl",
        "Quyết định",
        "QĐ-UBND",
        "",
        "26/04/2024",
        "UBND",
        S,
        "về việc tổ chức lại Trung tâm Dịch vụ việc làm trực thuộc Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng",
        "to_chuc",
    ),
    (
        "t24_treem_a",
        "Kế hoạch",
        "KH-UBND",
        "",
        "20/05/2024",
        "UBND",
        "",
        "về tổ chức Tháng hành động Vì trẻ em tỉnh Sóc Trăng năm 2024",
        "",
    ),
    (
        "t24_ncc_a",
        "Công văn",
        "CV-VP",
        "VX",
        "12/06/2024",
        "VPUBND",
        "",
        "về việc báo cáo tình hình thực hiện chính sách ưu đãi người có công với cách mạng",
        "",
    ),
    (
        "t24_ncc_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "25/06/2024",
        S,
        "",
        "về tình hình thực hiện chính sách ưu đãi người có công với cách mạng 6 tháng đầu năm 2024",
        "",
    ),
    (
        "k24_cd6t",
        "Công văn",
        "CV-SLĐTBXH",
        "VP",
        "22/07/2024",
        S,
        "",
        "về đẩy mạnh thực hiện nhiệm vụ cải cách hành chính 6 tháng cuối năm 2024",
        "chi_dao",
    ),
    (
        "t24_treem_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "06/08/2024",
        S,
        "",
        "về kết quả tổ chức Tháng hành động Vì trẻ em tỉnh Sóc Trăng năm 2024",
        "",
    ),
    (
        "k24_danhgia",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "14/08/2024",
        S,
        "",
        "ban hành Quy chế đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức, người lao động của Sở Lao động - Thương binh và Xã hội",
        "cong_vu",
    ),
    (
        "t24_dn_a",
        "Công văn",
        "CV-UBND",
        "TH",
        "19/08/2024",
        "UBND",
        "",
        "về việc báo cáo kết quả hỗ trợ, xử lý các khó khăn, vướng mắc của doanh nghiệp, người dân",
        "",
    ),
    (
        "t24_dn_r",
        "Báo cáo",
        "BC-SLĐTBXH",
        "",
        "28/08/2024",
        S,
        "",
        "về kết quả hỗ trợ, xử lý các khó khăn, vướng mắc của doanh nghiệp, người dân trên địa bàn tỉnh Sóc Trăng năm 2024",
        "",
    ),
    (
        "k24_phong",
        "Quyết định",
        "QĐ-SLĐTBXH",
        "",
        "10/09/2024",
        S,
        "",
        "về quy định chức năng, nhiệm vụ, quyền hạn của các phòng chuyên môn, nghiệp vụ thuộc Sở Lao động - Thương binh và Xã hội",
        "to_chuc",
    ),
    (
        "k24_qdpl",
        "Quyết định",
        "QPPL-UBND",
        "",
        "12/09/2024",
        "UBND",
        S,
        "quy định mức chi hỗ trợ đào tạo trình độ sơ cấp, đào tạo dưới 03 tháng trên địa bàn tỉnh Sóc Trăng",
        "the_che",
    ),
    (
        "k24_tthc_ncc",
        "Quyết định",
        "QĐ-UBND",
        "",
        "14/10/2024",
        "UBND",
        S,
        "về công bố thủ tục hành chính được sửa đổi, bổ sung, thay thế và bị bãi bỏ lĩnh vực Người có công thuộc phạm vi quản lý của Sở Lao động - Thương binh và Xã hội tỉnh Sóc Trăng",
        "tthc",
    ),
    (
        "k24_gia",
        "Quyết định",
        "QĐ-UBND",
        "",
        "23/10/2024",
        "UBND",
        S,
        "về ban hành giá dịch vụ sự nghiệp công sử dụng ngân sách nhà nước thuộc lĩnh vực giáo dục nghề nghiệp trên địa bàn tỉnh Sóc Trăng",
        "tai_chinh",
    ),
    (
        "t24_bhxh_a",
        "Công văn",
        "CV-VP",
        "VX",
        "18/11/2024",
        "VPUBND",
        "",
        "về việc tham mưu triển khai thực hiện Luật Bảo hiểm xã hội năm 2024",
        "",
    ),
    (
        "t24_gn_a",
        "Công văn",
        "CV-VP",
        "VX",
        "03/12/2024",
        "VPUBND",
        "",
        "về việc báo cáo kết quả thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2024",
        "",
    ),
]
# Sample tasks: (assigning key, response key or None while open, action).
SAMPLE_TASKS = [
    ("t22_tet_a", "t22_tet_r", ""),
    ("t22_covid_a", "t22_covid_r", ""),
    (
        "t22_thuenha_a",
        "t22_thuenha_r",
        "đã tham mưu dự thảo Kế hoạch triển khai thực hiện chính sách hỗ trợ tiền thuê nhà cho người lao động theo Quyết định số 08/2022/QĐ-TTg ngày 28/3/2022 của Thủ tướng Chính phủ",
    ),
    ("t22_treem_a", "t22_treem_r", ""),
    ("t22_tbls_a", "t22_tbls_r", ""),
    ("t22_giamngheo_a", "t22_giamngheo_r", ""),
    ("t22_nhanluc_a", "t22_nhanluc_r", ""),
    ("t22_trogiup_a", "t22_trogiup_r", ""),
    ("t24_bhtn_a", "t24_bhtn_r", ""),
    ("t24_tet_a", "t24_tet_r", ""),
    (
        "t24_nd70_a",
        "t24_nd70_r",
        "đã dự thảo Kế hoạch triển khai thực hiện Nghị định số 70/2023/NĐ-CP ngày 18/9/2023 của Chính phủ về quản lý người lao động nước ngoài làm việc tại Việt Nam",
    ),
    ("t24_treem_a", "t24_treem_r", ""),
    ("t24_ncc_a", "t24_ncc_r", ""),
    ("t24_dn_a", "t24_dn_r", ""),
    ("t24_bhxh_a", None, ""),
    ("t24_gn_a", None, ""),
]

# ---------------------------------------------------------------------------
# Sample staff and training.
# ---------------------------------------------------------------------------
STAFF_PLAN = {  # staff_type -> [(unit, head count)], besides the seed contacts
    "cong_chuc": [
        ("BGD", 2),
        ("VP", 8),
        ("TTR", 5),
        ("KHTC", 5),
        ("VLTLATLD", 6),
        ("QLGDNN", 4),
        ("NCC", 6),
        ("BTXHTE", 5),
        ("PCTNXH", 3),
    ],
    "vien_chuc": [("TTDVVL", 30), ("TTBTXH", 22), ("CSCNMT", 24)],
}
CONTACT_UNIT = {"Giám đốc": "BGD", "Chánh Văn phòng": "VP", "Chuyên viên": "VP"}
TRAINING_SAMPLE = {
    "2022": [
        ("cu_di_hoc", "Trung cấp lý luận chính trị", "cong_chuc", 2),
        ("cu_di_hoc", "Trung cấp lý luận chính trị", "vien_chuc", 1),
        ("cu_di_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", "cong_chuc", 2),
        ("cu_di_hoc", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "cong_chuc", 2),
        ("cu_di_hoc", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "vien_chuc", 1),
        ("cu_di_hoc", "Bồi dưỡng chức danh nghề nghiệp công tác xã hội", "vien_chuc", 1),
        ("dang_ky_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", "cong_chuc", 2),
        ("dang_ky_hoc", "Cao cấp lý luận chính trị", "cong_chuc", 1),
        ("dang_ky_nang_ngach", "", "cong_chuc", 3),
        ("dang_ky_thang_hang", "", "vien_chuc", 7),
    ],
    "2024": [
        ("cu_di_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên cao cấp", "cong_chuc", 2),
        ("cu_di_hoc", "Cao cấp lý luận chính trị", "cong_chuc", 1),
        ("cu_di_hoc", "Cao cấp lý luận chính trị", "vien_chuc", 1),
        ("cu_di_hoc", "Trung cấp lý luận chính trị", "cong_chuc", 2),
        ("cu_di_hoc", "Trung cấp lý luận chính trị", "vien_chuc", 2),
        ("cu_di_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên chính", "cong_chuc", 3),
        ("cu_di_hoc", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "cong_chuc", 2),
        ("cu_di_hoc", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "vien_chuc", 2),
        ("dang_ky_hoc", "Cao cấp lý luận chính trị", "cong_chuc", 2),
        ("dang_ky_hoc", "Bồi dưỡng quản lý nhà nước ngạch chuyên viên cao cấp", "cong_chuc", 1),
        ("dang_ky_nang_ngach", "", "cong_chuc", 6),
        ("dang_ky_thang_hang", "", "vien_chuc", 12),
    ],
}
KIND_ORDER = ["cu_di_hoc", "dang_ky_hoc", "dang_ky_nang_ngach", "dang_ky_thang_hang"]

FAMILY = (
    ["Nguyễn"] * 10
    + ["Trần"] * 4
    + ["Lê"] * 3
    + [
        "Phạm",
        "Phạm",
        "Huỳnh",
        "Huỳnh",
        "Võ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Trương",
        "Lâm",
        "Thạch",
        "Thạch",
        "Sơn",
        "Danh",
        "Châu",
        "Tô",
        "Quách",
        "Kim",
        "Mai",
        "Phan",
        "Đoàn",
    ]
)
MIDDLE = {
    "m": [
        "Văn",
        "Văn",
        "Hoàng",
        "Minh",
        "Quốc",
        "Thanh",
        "Hữu",
        "Công",
        "Đức",
        "Tấn",
        "Trọng",
        "Phước",
    ],
    "f": [
        "Thị",
        "Thị",
        "Ngọc",
        "Thị Ngọc",
        "Thị Thanh",
        "Thị Kim",
        "Thị Mỹ",
        "Hồng",
        "Thị Bích",
        "Thị Thu",
        "Kim",
        "Thị Hồng",
    ],
}
GIVEN = {
    "m": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hiếu",
        "Hùng",
        "Khang",
        "Khoa",
        "Long",
        "Luân",
        "Nam",
        "Nghĩa",
        "Phong",
        "Phúc",
        "Quân",
        "Sang",
        "Tài",
        "Tâm",
        "Thắng",
        "Thiện",
        "Toàn",
        "Trí",
        "Trung",
        "Tuấn",
        "Vinh",
        "Vũ",
        "Duy",
    ],
    "f": [
        "Anh",
        "Châu",
        "Diễm",
        "Dung",
        "Duyên",
        "Giang",
        "Hạnh",
        "Hằng",
        "Hoa",
        "Hương",
        "Huyền",
        "Lan",
        "Liên",
        "Linh",
        "Loan",
        "Mai",
        "My",
        "Ngân",
        "Nhung",
        "Oanh",
        "Phương",
        "Quyên",
        "Thảo",
        "Thu",
        "Trang",
        "Trinh",
        "Tuyết",
        "Vân",
        "Xuân",
        "Yến",
    ],
}

# ---------------------------------------------------------------------------
# File layout.
# ---------------------------------------------------------------------------
COLUMNS = {
    "documents.csv": [
        "doc_id",
        "number_symbol",
        "doc_type",
        "issued_on",
        "issuer",
        "prepared_by",
        "subject",
        "cchc_areas",
        "approves",
        "source",
    ],
    "tasks.csv": [
        "task_id",
        "assigned_doc_id",
        "response_doc_id",
        "action",
        "opening",
        "follow_up",
        "source",
    ],
    "contacts.csv": [
        "contact_id",
        "role",
        "full_name",
        "position",
        "email",
        "phone",
        "valid_from",
        "valid_to",
        "source",
    ],
    "procedures.csv": [
        "procedure_code",
        "procedure_name",
        "field",
        "level_42",
        "legacy_level",
        "processing_days",
        "in_force_from",
        "in_force_to",
        "announced_by",
        "source",
    ],
    "dossiers.csv": [
        "dossier_id",
        "procedure_code",
        "field",
        "unit",
        "channel",
        "received_on",
        "due_on",
        "resolved_on",
        "outcome",
    ],
    "staff.csv": ["staff_id", "full_name", "staff_type", "unit", "source"],
    "training.csv": ["record_id", "staff_id", "kind", "course", "date", "source"],
}
SAMPLE_DOC_ID_START = 1001  # sample ids never collide with hand-entered VB0001...
SAMPLE_TASK_ID_START = 101

DAY = np.timedelta64(1, "D")
DATE_RE = re.compile(r"^\d{2}/\d{2}/\d{4}$")


# ===========================================================================
# Small helpers
# ===========================================================================
def parse_date(text: str) -> date:
    """Read dd/mm/yyyy (leading zeros optional) or ISO yyyy-mm-dd."""
    text = text.strip()
    if "-" in text:
        return datetime.strptime(text, "%Y-%m-%d").date()
    d, m, y = text.split("/")
    return date(int(y), int(m), int(d))


def fmt_date(value: date | None) -> str:
    """Write dd/mm/yyyy with leading zeros, '' for no date."""
    return "" if value is None else value.strftime("%d/%m/%Y")


def to_day(value: date) -> np.datetime64:
    """Convert a date to numpy day precision (busday functions need it)."""
    return np.datetime64(value, "D")


def col_days(df: pd.DataFrame, col: str) -> np.ndarray:
    """A date column as datetime64[D] (pandas stores seconds; busday needs days)."""
    return df[col].to_numpy().astype("datetime64[D]")


def days_to_str(days: np.ndarray) -> list[str]:
    """Format an array of datetime64[D] (NaT allowed) as dd/mm/yyyy strings."""
    out = []
    for d in days:
        out.append("" if np.isnat(d) else fmt_date(d.astype(object)))
    return out


def nfc(text: str) -> str:
    """Normalise free text to NFC, as docs/data-model.md requires."""
    return unicodedata.normalize("NFC", text)


def read_rows(name: str) -> pd.DataFrame:
    """Read a CSV as strings exactly as typed (no NaN, no type guessing)."""
    path = DATA / name
    if not path.exists():
        return pd.DataFrame(columns=COLUMNS[name])
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def seed_rows(name: str) -> pd.DataFrame:
    """Return the hand-entered seed rows of a file, dates normalised."""
    df = read_rows(name)
    df = df[df["source"] == "seed"].copy()
    for col in ("issued_on", "valid_from", "valid_to", "in_force_from", "in_force_to", "date"):
        if col in df:
            df[col] = [fmt_date(parse_date(v)) if v else "" for v in df[col]]
    return df.reset_index(drop=True)


def write_csv(df: pd.DataFrame, name: str) -> None:
    """Write UTF-8 CSV with '\\n' line endings, NFC text, columns as documented."""
    df = df[COLUMNS[name]]
    with open(DATA / name, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(df.columns)
        for row in df.itertuples(index=False):
            writer.writerow([nfc(str(v)) for v in row])


def rng_for(label: str) -> np.random.Generator:
    """Give each generator its own stream so editing one leaves the others unchanged."""
    salt = sum((i + 1) * ord(c) for i, c in enumerate(label))
    return np.random.default_rng([RNG_SEED, salt])


def load_vocab() -> dict:
    """Load data/vocabularies.yaml (hand-maintained)."""
    with open(DATA / "vocabularies.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ===========================================================================
# Documents and tasks
# ===========================================================================
def draw_number(series: str, issued: date, last: dict, rng) -> int:
    """Pick a register number that fits the series' yearly pace.

    A real register numbers documents in order through the year, so the number
    is about yearly volume x elapsed share of the year, never below the last
    number this series already used that year.  The pace drifts a little from
    year to year so sample years do not mirror the seed's numbers.
    """
    _, per_year = SERIES[series]
    pace = per_year * (1 + 0.06 * (issued.year - 2023))
    elapsed = (issued - date(issued.year, 1, 1)).days / 365
    n = 1 + int(pace * elapsed) + int(rng.integers(0, 3))
    return max(n, last.get((series, issued.year), 0) + 1)


def build_sample_documents(seed_docs: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Turn SAMPLE_DOCUMENTS into rows; return them and key -> row mapping.

    No two documents share (number_symbol, year of issue), seed rows included.
    """
    rng = rng_for("documents")
    taken = {
        (ns, parse_date(d).year)
        for ns, d in zip(seed_docs["number_symbol"], seed_docs["issued_on"], strict=True)
    }
    specs = sorted(SAMPLE_DOCUMENTS, key=lambda s: (parse_date(s[4]), s[0]))
    rows, by_key, last = [], {}, {}
    for i, (key, dtype, series, suffix, issued, issuer, prepared, subject, areas) in enumerate(
        specs
    ):
        day = parse_date(issued)
        n = draw_number(series, day, last, rng)
        while True:
            symbol = SERIES[series][0].format(n=f"{n:02d}", suffix=suffix, year=day.year)
            if (symbol, day.year) not in taken:
                break
            n += 1
        taken.add((symbol, day.year))
        last[(series, day.year)] = n
        row = dict(
            doc_id=f"VB{SAMPLE_DOC_ID_START + i:04d}",
            number_symbol=symbol,
            doc_type=dtype,
            issued_on=fmt_date(day),
            issuer=issuer,
            prepared_by=prepared,
            subject=subject,
            cchc_areas=areas,
            approves="",
            source="sample",
        )
        rows.append(row)
        by_key[key] = row
    return pd.DataFrame(rows, columns=COLUMNS["documents.csv"]), by_key


def build_sample_tasks(doc_by_key: dict) -> pd.DataFrame:
    """Link SAMPLE_TASKS to the sample document ids, numbered by assignment date."""
    specs = sorted(SAMPLE_TASKS, key=lambda t: (parse_date(doc_by_key[t[0]]["issued_on"]), t[0]))
    rows = []
    for i, (assigned, response, action) in enumerate(specs):
        rows.append(
            dict(
                task_id=f"NV{SAMPLE_TASK_ID_START + i:03d}",
                assigned_doc_id=doc_by_key[assigned]["doc_id"],
                response_doc_id=doc_by_key[response]["doc_id"] if response else "",
                action=action,
                opening="",
                follow_up="",
                source="sample",
            )
        )
    return pd.DataFrame(rows, columns=COLUMNS["tasks.csv"])


# ===========================================================================
# Procedures
# ===========================================================================
def resolve_doc(ref: str, docs_by_symbol: dict, doc_by_key: dict) -> dict:
    """Find a document by sample key or by seed number_symbol."""
    if ref in doc_by_key:
        return doc_by_key[ref]
    return docs_by_symbol[ref]


def build_procedures(vocab: dict, seed_docs: pd.DataFrame, doc_by_key: dict) -> pd.DataFrame:
    """Expand CATALOGUE into procedure rows with codes, dates and announcing decision.

    Keeps two internal columns (_weight, _kind) for the dossier generator;
    write_csv drops them.
    """
    field_code = vocab["fields"]
    field_name = {v: k for k, v in field_code.items()}
    by_symbol = {r["number_symbol"]: r for r in seed_docs.to_dict("records")}
    counters: dict[str, int] = {}
    rows = []
    for fcode, name, level, days, weight, kind, since, until in CATALOGUE:
        counters[fcode] = counters.get(fcode, 0) + 1
        announced, start = "", BASE_IN_FORCE_FROM
        if since and DATE_RE.match(since):
            start = since  # a literal date
        elif since:
            doc = resolve_doc(since, by_symbol, doc_by_key)
            announced, start = doc["number_symbol"], doc["issued_on"]
        end = ""
        if until:
            doc = resolve_doc(until, by_symbol, doc_by_key)
            end = fmt_date(parse_date(doc["issued_on"]) - timedelta(days=1))
        rows.append(
            dict(
                procedure_code=f"LDTBXH-{fcode}-{counters[fcode]:02d}",
                procedure_name=name,
                field=field_name[fcode],
                level_42=LEVEL_42[level],
                legacy_level=str(level),
                processing_days=str(days),
                in_force_from=start,
                in_force_to=end,
                announced_by=announced,
                source="sample",
                _weight=weight,
                _kind=kind,
            )
        )
    return pd.DataFrame(rows)


def in_force_counts(procs: pd.DataFrame, day: date) -> dict[int, int]:
    """Count procedures in force at `day` per legacy level (data-model rule)."""
    start = procs["in_force_from"].map(parse_date)
    end = procs["in_force_to"].map(lambda v: parse_date(v) if v else date.max)
    live = procs[(start <= day) & (end >= day)]
    return {lvl: int((live["legacy_level"] == str(lvl)).sum()) for lvl in (4, 3, 2)}


# ===========================================================================
# Dossiers
# ===========================================================================
def closed_days(start: date, end: date) -> set[date]:
    """Days the one-stop desks are shut: weekends, public holidays, Tết break."""
    shut = {d for d in HOLIDAYS if start <= d <= end}
    for tet in TET.values():
        for k in range(-2, 5):
            shut.add(tet + timedelta(days=k))
    day = start
    while day <= end:
        if day.weekday() >= 5:
            shut.add(day)
        day += timedelta(days=1)
    return shut


def daily_weights(unit: str, days: list[date]) -> tuple[np.ndarray, np.ndarray]:
    """Relative receipts per day: month pattern, Tết dip and post-Tết claim surge.

    Returns (weights, closed flag).  PVHCC still gets online filings on closed
    days; TTDVVL (in person / post) gets none.
    """
    shut = closed_days(days[0], days[-1])
    w = np.empty(len(days))
    closed = np.zeros(len(days), dtype=bool)
    for i, day in enumerate(days):
        f = MONTH_FACTOR[unit][day.month - 1]
        tet = TET.get(day.year + (1 if day.month == 12 else 0))
        if tet is not None:
            gap = (day - tet).days
            if -9 <= gap <= -3:
                f *= 0.7
            elif unit == "TTDVVL" and 5 <= gap <= 45:
                f *= 1.5
        if day in shut:
            closed[i] = True
            f *= CLOSED_DAY_ONLINE_FACTOR if unit == "PVHCC" else 0.0
        w[i] = f
    return w / w.sum(), closed


def unit_procedures(procs: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Procedures a unit receives: unemployment insurance at TTDVVL, the rest at PVHCC."""
    ui = procs["_kind"] == "ui"
    sub = procs[ui if unit == "TTDVVL" else ~ui]
    sub = sub[sub["_weight"] > 0].reset_index(drop=True)
    sub["_from"] = sub["in_force_from"].map(parse_date)
    sub["_to"] = sub["in_force_to"].map(lambda v: parse_date(v) if v else date.max)
    return sub


def pick_procedures(catalog: pd.DataFrame, day: date, online_only: bool, k: int, rng) -> np.ndarray:
    """Draw k procedures in force on `day`, weighted by demand."""
    ok = (catalog["_from"] <= day) & (catalog["_to"] >= day)
    if online_only:
        ok &= catalog["level_42"] != "thong_tin"
    weight = catalog["_weight"].where(ok, 0.0).astype(float)
    if day > COVID_DEMAND_END:
        weight = weight.where(catalog["_kind"] != "covid", 0.0)
    idx = rng.choice(len(catalog), size=k, p=(weight / weight.sum()).to_numpy())
    return idx


def draw_new(unit: str, window: str, n: int, procs: pd.DataFrame, rng) -> pd.DataFrame:
    """Create the n dossiers a unit receives in a window (dates, procedure, channel, due)."""
    start, end = WINDOWS[window]
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    weights, closed = daily_weights(unit, days)
    day_idx = np.sort(rng.choice(len(days), size=n, p=weights))
    catalog = unit_procedures(procs, unit)
    proc_idx = np.empty(n, dtype=int)
    for i in np.unique(day_idx):
        where = np.flatnonzero(day_idx == i)
        proc_idx[where] = pick_procedures(catalog, days[i], bool(closed[i]), len(where), rng)
    chosen = catalog.iloc[proc_idx].reset_index(drop=True)
    received = np.array([to_day(days[i]) for i in day_idx], dtype="datetime64[D]")
    channel = choose_channels(unit, window, chosen, closed[day_idx], rng)
    due = np.busday_offset(
        received, chosen["processing_days"].astype(int).to_numpy(), roll="forward"
    )
    return pd.DataFrame(
        {
            "unit": unit,
            "procedure_code": chosen["procedure_code"],
            "field": chosen["field"],
            "channel": channel,
            "received_on": received,
            "due_on": due,
        }
    )


def choose_channels(
    unit: str, window: str, chosen: pd.DataFrame, closed: np.ndarray, rng
) -> np.ndarray:
    """Online only where the procedure allows it; TTDVVL takes claims in person or by post."""
    n = len(chosen)
    post = rng.random(n) < POST_SHARE[unit]
    channel = np.where(post, "buu_chinh", "truc_tiep").astype(object)
    if unit == "PVHCC":
        capable = (chosen["level_42"] != "thong_tin").to_numpy()
        online = capable & ((rng.random(n) < ONLINE_SHARE[window]) | closed)
        channel[online] = "truc_tuyen"
    return channel


def pick_workday(lo: np.ndarray, hi: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Pick a working day in [lo, hi] at quantile u; fall back to lo if none."""
    n = np.busday_count(lo, hi + DAY)
    k = np.minimum(np.floor(u * np.maximum(n, 1)).astype(int), np.maximum(n - 1, 0))
    day = np.busday_offset(lo, k, roll="forward")
    return np.where(n > 0, day, lo)


def take(rng, candidates: np.ndarray, k: int, what: str) -> np.ndarray:
    """Choose k of the candidate row positions, failing loudly if there are too few."""
    if len(candidates) < k:
        raise ValueError(f"only {len(candidates)} dossiers can be {what}, need {k}")
    return np.sort(rng.choice(candidates, size=k, replace=False)) if k else np.array([], int)


def hold_open(new: pd.DataFrame, plan: DossierPlan, end: np.datetime64, rng) -> np.ndarray:
    """Choose the dossiers still in progress at the window's end (boolean mask).

    Within deadline: the latest receipts whose due date is at least two days
    after the end, so they can still be resolved early next window.  Overdue
    (last window only): a few whose due date has just passed.
    """
    mask = np.zeros(len(new), dtype=bool)
    due = col_days(new, "due_on")
    received = col_days(new, "received_on")
    cand = np.flatnonzero(due >= end + 2 * DAY)
    if len(cand) < plan.in_progress:
        raise ValueError(
            f"only {len(cand)} dossiers can still be in progress, need {plan.in_progress}"
        )
    jitter = rng.integers(0, 6, size=len(cand))
    score = received[cand].astype(int) + jitter
    mask[cand[np.argsort(-score, kind="stable")[: plan.in_progress]]] = True
    late_cand = np.flatnonzero(~mask & (due < end) & (due >= end - 30 * DAY))
    mask[take(rng, late_cand, plan.overdue, "overdue at the end")] = True
    return mask


def settle(
    pool: pd.DataFrame, plan: DossierPlan, start: np.datetime64, end: np.datetime64, rng
) -> pd.DataFrame:
    """Close every dossier of `pool` inside [start, end] with the planned outcome mix.

    Returned/withdrawn, late and on-time sets are drawn explicitly; the rest are
    resolved early.  Carried-over dossiers are closed no earlier than `start`.
    """
    pool = pool.copy()
    n = len(pool)
    received = col_days(pool, "received_on")
    due = col_days(pool, "due_on")
    lo = np.maximum(received, start)
    is_new = received >= start
    free = np.ones(n, dtype=bool)
    resolved = np.full(n, np.datetime64("NaT"), dtype="datetime64[D]")
    outcome = np.full(n, "giai_quyet", dtype=object)

    ret = take(rng, np.flatnonzero(free & is_new), plan.returned, "returned")
    resolved[ret] = pick_workday(lo[ret], np.minimum(due[ret], end), rng.beta(1, 3, len(ret)))
    outcome[ret] = np.where(rng.random(len(ret)) < RETURNED_SHARE_TRA_LAI, "tra_lai", "rut")
    free[ret] = False

    late = take(rng, np.flatnonzero(free & is_new & (due + DAY <= end)), plan.late, "late")
    late_hi = np.minimum(np.busday_offset(due[late], 3, roll="forward"), end)
    resolved[late] = pick_workday(due[late] + DAY, late_hi, rng.random(len(late)))
    free[late] = False

    ontime = take(rng, np.flatnonzero(free & (lo <= due) & (due <= end)), plan.on_time, "on time")
    resolved[ontime] = due[ontime]
    free[ontime] = False

    early = np.flatnonzero(free)
    if np.any(lo[early] > due[early] - DAY):
        raise ValueError("a dossier left to resolve early has no day before its due date")
    resolved[early] = pick_workday(
        lo[early], np.minimum(due[early] - DAY, end), rng.beta(2.5, 2, len(early))
    )

    pool["resolved_on"] = resolved
    pool["outcome"] = outcome
    return pool


def simulate_unit(unit: str, procs: pd.DataFrame) -> pd.DataFrame:
    """Run the windows in order: draw new dossiers, hold some open, close the rest."""
    rng = rng_for(f"dossiers-{unit}")
    carried = pd.DataFrame()
    done = []
    for window, plan in DOSSIER_PLANS[unit].items():
        start, end = (to_day(d) for d in WINDOWS[window])
        new = draw_new(unit, window, plan.new, procs, rng)
        open_mask = hold_open(new, plan, end, rng)
        pool = pd.concat([carried, new[~open_mask]], ignore_index=True)
        done.append(settle(pool, plan, start, end, rng))
        carried = new[open_mask].reset_index(drop=True)
    carried = carried.assign(resolved_on=np.datetime64("NaT", "D"), outcome="")
    return pd.concat(done + [carried], ignore_index=True)


def assign_dossier_ids(df: pd.DataFrame) -> pd.DataFrame:
    """Sort deterministically and number dossiers per unit and receipt day."""
    df = df.sort_values(
        ["received_on", "unit", "procedure_code", "channel", "due_on", "resolved_on", "outcome"],
        kind="stable",
        na_position="last",
    )
    df = df.reset_index(drop=True)
    seq = df.groupby(["unit", "received_on"]).cumcount() + 1
    stamp = pd.to_datetime(df["received_on"]).dt.strftime("%y%m%d")
    df["dossier_id"] = [
        f"{UNIT_ID_PREFIX[u]}-{s}-{q:04d}" for u, s, q in zip(df["unit"], stamp, seq, strict=True)
    ]
    return df


def build_dossiers(procs: pd.DataFrame) -> pd.DataFrame:
    """Generate all dossiers of both units and format them for the CSV."""
    df = pd.concat([simulate_unit(u, procs) for u in DOSSIER_PLANS], ignore_index=True)
    df = assign_dossier_ids(df)
    for col in ("received_on", "due_on", "resolved_on"):
        df[col] = days_to_str(col_days(df, col))
    return df


# ===========================================================================
# Staff and training
# ===========================================================================
def make_names(count: int, rng, taken: set[str]) -> list[str]:
    """Draw distinct, plausible Vietnamese full names (southern / Khmer surnames included)."""
    names = []
    while len(names) < count:
        sex = "f" if rng.random() < 0.55 else "m"
        name = " ".join(
            [
                FAMILY[rng.integers(len(FAMILY))],
                MIDDLE[sex][rng.integers(len(MIDDLE[sex]))],
                GIVEN[sex][rng.integers(len(GIVEN[sex]))],
            ]
        )
        if name not in taken:
            taken.add(name)
            names.append(name)
    return names


def build_staff(contacts: pd.DataFrame) -> pd.DataFrame:
    """Contacts of table 1.1 (seed) plus a sample roster of civil servants and employees."""
    rng = rng_for("staff")
    rows = []
    for c in contacts.sort_values("contact_id", key=lambda s: s.astype(int)).itertuples():
        rows.append(
            dict(
                full_name=c.full_name,
                staff_type="cong_chuc",
                unit=CONTACT_UNIT.get(c.position, "VP"),
                source="seed",
            )
        )
    taken = {r["full_name"] for r in rows}
    for staff_type, units in STAFF_PLAN.items():
        for unit, count in units:
            for name in make_names(count, rng, taken):
                rows.append(dict(full_name=name, staff_type=staff_type, unit=unit, source="sample"))
    df = pd.DataFrame(rows)
    df.insert(0, "staff_id", [f"CB{i + 1:03d}" for i in range(len(df))])
    return df


def window_workday(window: str, rng) -> date:
    """A working day inside a window, away from its edges (decision dates)."""
    start, end = WINDOWS[window]
    lo, hi = to_day(start + timedelta(days=20)), to_day(end - timedelta(days=10))
    return pick_workday(np.array([lo]), np.array([hi]), rng.random(1))[0].astype(object)


def build_training(staff: pd.DataFrame) -> pd.DataFrame:
    """Training and exam-registration records: 2023 from the seed counts, 2022/2024 sample.

    People are drawn from the sample roster (never the named contacts).  Those
    registered for a course are sent to it first in a later window, and nobody
    gets the same course or exam twice.
    """
    rng = rng_for("training")
    pool = {
        t: list(staff.loc[(staff["staff_type"] == t) & (staff["source"] == "sample"), "staff_id"])
        for t in ("cong_chuc", "vien_chuc")
    }
    queue: dict[tuple[str, str], list[str]] = {}  # (course, staff_type) -> registrants
    done: set[tuple[str, str, str]] = set()  # (staff_id, kind, course) already recorded
    plans = [
        ("2022", TRAINING_SAMPLE["2022"], "sample"),
        ("2023", TRAINING_2023, "seed"),
        ("2024", TRAINING_SAMPLE["2024"], "sample"),
    ]
    rows = []
    for window, plan, source in plans:
        dates: dict[tuple[str, str], date] = {}
        for kind, course, staff_type, count in plan:
            if (kind, course) not in dates:  # one decision date per group
                dates[(kind, course)] = window_workday(window, rng)
            people = choose_people(
                kind,
                course,
                pool[staff_type],
                count,
                queue.setdefault((course, staff_type), []),
                done,
                rng,
            )
            rows += [
                dict(
                    staff_id=p, kind=kind, course=course, date=dates[(kind, course)], source=source
                )
                for p in people
            ]
    df = pd.DataFrame(rows)
    df["_k"] = df["kind"].map(KIND_ORDER.index)
    df = df.sort_values(["date", "_k", "course", "staff_id"], kind="stable").reset_index(drop=True)
    df.insert(0, "record_id", [f"DT{i + 1:04d}" for i in range(len(df))])
    df["date"] = df["date"].map(fmt_date)
    return df


def choose_people(kind, course, pool, count, queue, done, rng) -> list[str]:
    """People for one group: registrants for this course first, then at random.

    Registrants join `queue`; a course attendance takes them off it.  `done`
    keeps anyone from repeating a course (or registering for it after taking it).
    """

    def fresh(p: str) -> bool:
        return (p, kind, course) not in done and (p, "cu_di_hoc", course) not in done

    first = [p for p in queue if fresh(p)][:count] if kind == "cu_di_hoc" else []
    rest = [p for p in pool if p not in first and p not in queue and fresh(p)]
    people = first + [str(p) for p in rng.choice(rest, size=count - len(first), replace=False)]
    if kind == "dang_ky_hoc":
        queue.extend(people)
    for p in people:
        done.add((p, kind, course))
        if p in queue and kind == "cu_di_hoc":
            queue.remove(p)
    return people


# ===========================================================================
# Checks and summary
# ===========================================================================
def window_stats(dossiers: pd.DataFrame, unit: str, window: str) -> dict[str, int]:
    """Biểu 06 figures of one unit and window, by the docs/data-model.md rules."""
    start, end = WINDOWS[window]
    d = dossiers[dossiers["unit"] == unit]
    rec = d["received_on"].map(parse_date)
    res = d["resolved_on"].map(lambda v: parse_date(v) if v else None)
    due = d["due_on"].map(parse_date)
    open_ = res.isna()
    carried = (rec < start) & (open_ | (res >= start))
    new = (rec >= start) & (rec <= end)
    closed_in = ~open_ & (res >= start) & (res <= end)
    resolved = closed_in & (d["outcome"] == "giai_quyet")
    received = carried | new
    in_prog = received & (open_ | (res > end))
    return dict(
        carried_over=int(carried.sum()),
        new=int(new.sum()),
        received=int(received.sum()),
        resolved=int(resolved.sum()),
        early=int((resolved & (res < due)).sum()),
        on_time=int((resolved & (res == due)).sum()),
        late=int((resolved & (res > due)).sum()),
        returned=int((closed_in & d["outcome"].isin(["tra_lai", "rut"])).sum()),
        in_progress=int(in_prog.sum()),
        overdue=int((in_prog & (due < end)).sum()),
        online=int((new & (d["channel"] == "truc_tuyen")).sum()),
    )


def check_targets(dossiers: pd.DataFrame, procs: pd.DataFrame, training: pd.DataFrame) -> None:
    """Fail unless the 2023 window reproduces every figure the seed report states."""
    total = 0
    for unit, target in DOSSIERS_2023.items():
        got = window_stats(dossiers, unit, "2023")
        for key, value in target.items():
            assert got[key] == value, f"2023 {unit} {key}: got {got[key]}, seed says {value}"
        assert got["in_progress"] and got["overdue"] == 0
        total += got["received"]
    assert total == RECEIVED_TOTAL_2023, f"2023 received {total} != {RECEIVED_TOTAL_2023}"
    got_levels = in_force_counts(procs, WINDOW_2023[1])
    assert got_levels == ONLINE_LEVELS_2023, f"online levels {got_levels} != {ONLINE_LEVELS_2023}"
    t = training[training["date"].map(parse_date).between(*WINDOW_2023)]
    got_kinds = t["kind"].value_counts().to_dict()
    assert got_kinds == TRAINING_TARGETS_2023, f"training {got_kinds}"


def check_integrity(frames: dict[str, pd.DataFrame], vocab: dict) -> None:
    """Codes from the vocabularies, unique keys, references that resolve."""
    docs, tasks, procs = frames["documents.csv"], frames["tasks.csv"], frames["procedures.csv"]
    dos, staff, training = frames["dossiers.csv"], frames["staff.csv"], frames["training.csv"]
    for name, key in [
        ("documents.csv", "doc_id"),
        ("tasks.csv", "task_id"),
        ("procedures.csv", "procedure_code"),
        ("dossiers.csv", "dossier_id"),
        ("staff.csv", "staff_id"),
        ("training.csv", "record_id"),
    ]:
        assert frames[name][key].is_unique, f"{name}: duplicate {key}"
    years = docs["issued_on"].map(lambda v: parse_date(v).year)
    assert not pd.concat([docs["number_symbol"], years], axis=1).duplicated().any(), (
        "number/year clash"
    )
    assert set(docs["doc_type"]) <= set(vocab["doc_types"])
    assert set(docs["issuer"]) | (set(docs["prepared_by"]) - {""}) <= set(vocab["issuers"])
    areas = {a for v in docs["cchc_areas"] for a in v.split(";") if a}
    assert areas <= set(vocab["cchc_areas"]), areas - set(vocab["cchc_areas"])
    assert set(tasks["assigned_doc_id"]) | (set(tasks["response_doc_id"]) - {""}) <= set(
        docs["doc_id"]
    )
    assert set(procs["field"]) <= set(vocab["fields"])
    assert set(dos["unit"]) <= set(vocab["units"]) and set(dos["channel"]) <= set(vocab["channels"])
    assert set(dos["outcome"]) - {""} <= set(vocab["outcomes"])
    merged = dos.merge(procs, on="procedure_code", suffixes=("", "_p"))
    assert len(merged) == len(dos) and (merged["field"] == merged["field_p"]).all()
    rec = merged["received_on"].map(parse_date)
    frm = merged["in_force_from"].map(parse_date)
    to = merged["in_force_to"].map(lambda v: parse_date(v) if v else date.max)
    assert ((frm <= rec) & (rec <= to)).all(), "dossier received outside its procedure's life"
    assert set(staff["unit"]) <= set(vocab["units"]) and set(staff["staff_type"]) <= set(
        vocab["staff_types"]
    )
    assert set(training["staff_id"]) <= set(staff["staff_id"])
    assert set(training["kind"]) <= set(vocab["training_kinds"])


def summary(frames: dict[str, pd.DataFrame]) -> None:
    """Print what was written and the headline figures per window."""
    for name, df in frames.items():
        src = df["source"].value_counts().to_dict() if "source" in df else {"sample": len(df)}
        print(f"  {name:15s} {len(df):6d} rows  {src}")
    for window in ("2022", "2023", "2024"):
        for unit in DOSSIER_PLANS:
            s = window_stats(frames["dossiers.csv"], unit, window)
            print(
                f"  {window} {unit:6s} carried {s['carried_over']:4d} new {s['new']:6d} "
                f"received {s['received']:6d} resolved {s['resolved']:6d} (late {s['late']}) "
                f"returned {s['returned']:4d} in progress {s['in_progress']:4d}"
            )
        end = WINDOWS[window][1]
        print(
            f"  {window} procedures in force at {fmt_date(end)} by legacy level: "
            f"{in_force_counts(frames['procedures.csv'], end)}"
        )


# ===========================================================================
def main(argv: list[str] | None = None) -> None:
    """Keep seed rows, regenerate sample rows, check, write, summarise."""
    import argparse

    global DATA
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="data folder to read seed rows from and write to (default: data/)",
    )
    DATA = parser.parse_args(argv).data.resolve()
    vocab = load_vocab()
    seed_docs = seed_rows("documents.csv")
    sample_docs, doc_by_key = build_sample_documents(seed_docs)
    documents = pd.concat([seed_docs, sample_docs], ignore_index=True).sort_values("doc_id")
    tasks = pd.concat([seed_rows("tasks.csv"), build_sample_tasks(doc_by_key)]).sort_values(
        "task_id"
    )
    contacts = seed_rows("contacts.csv").sort_values("contact_id", key=lambda s: s.astype(int))

    procs_full = build_procedures(vocab, seed_docs, doc_by_key)
    seed_procs = seed_rows("procedures.csv")
    procs_full = procs_full[~procs_full["procedure_code"].isin(seed_procs["procedure_code"])]
    procedures = pd.concat([seed_procs, procs_full], ignore_index=True).sort_values(
        "procedure_code"
    )
    dossiers = build_dossiers(procs_full)

    staff = build_staff(contacts)
    training = build_training(staff)

    frames = {
        "documents.csv": documents,
        "tasks.csv": tasks,
        "contacts.csv": contacts,
        "procedures.csv": procedures[COLUMNS["procedures.csv"]],
        "dossiers.csv": dossiers,
        "staff.csv": staff,
        "training.csv": training,
    }
    check_integrity(frames, vocab)
    check_targets(dossiers, frames["procedures.csv"], training)
    for name, df in frames.items():
        write_csv(df.reset_index(drop=True), name)
    print(f"wrote {len(frames)} files to {DATA}")
    summary(frames)


if __name__ == "__main__":
    main()
