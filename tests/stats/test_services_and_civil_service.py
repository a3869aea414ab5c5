"""Online services are counted on the window's last day; training within the window."""

import datetime as dt

import pandas as pd

from reportbook.periods import resolve
from reportbook.stats import civil_service, services


def _procedures():
    frame = pd.DataFrame(
        [
            ("P1", "toan_trinh", "4", "01/01/2020", None),
            ("P2", "mot_phan", "3", "01/01/2020", "22/05/2023"),
            ("P3", "thong_tin", "2", "09/06/2023", None),
            ("P4", "toan_trinh", "4", "15/12/2023", None),
        ],
        columns=["procedure_code", "level_42", "legacy_level", "in_force_from", "in_force_to"],
    )
    for col in ("in_force_from", "in_force_to"):
        frame[col] = pd.to_datetime(frame[col], format="%d/%m/%Y")
    return frame


def test_in_force_includes_the_first_and_last_days():
    procedures = _procedures()
    assert list(services.in_force(procedures, dt.date(2023, 5, 22))["procedure_code"]) == [
        "P1",
        "P2",
    ]
    assert list(services.in_force(procedures, dt.date(2023, 5, 23))["procedure_code"]) == ["P1"]


def test_counts_by_legacy_level_on_a_day():
    result = services.by_legacy_level(_procedures(), dt.date(2023, 12, 14))
    assert result == {4: 1, 3: 0, 2: 1}


def test_cross_count_by_decree_42_level():
    result = services.by_level(_procedures(), dt.date(2023, 12, 14))
    assert result.loc["toan_trinh", 4] == 1 and result.loc["thong_tin", 2] == 1


def test_training_summary_counts_kinds_courses_and_staff_types():
    staff = pd.DataFrame({"staff_id": ["S1", "S2"], "staff_type": ["cong_chuc", "vien_chuc"]})
    training = pd.DataFrame(
        {
            "record_id": ["T1", "T2", "T3", "T4"],
            "staff_id": ["S1", "S2", "S1", "S1"],
            "kind": ["cu_di_hoc", "cu_di_hoc", "dang_ky_hoc", "cu_di_hoc"],
            "course": ["Trung cấp LLCT", "Trung cấp LLCT", "Cao cấp LLCT", "Khác"],
            "date": pd.to_datetime(
                ["15/12/2022", "14/12/2023", "01/06/2023", "15/12/2023"], format="%d/%m/%Y"
            ),
        }
    )
    result = civil_service.summary(training, staff, resolve(2023, "annual").window)
    assert result["cu_di_hoc"]["count"] == 2
    assert result["cu_di_hoc"]["courses"] == ["Trung cấp LLCT"]
    assert civil_service.staff_label(result["cu_di_hoc"]["staff_types"]) == "công chức, viên chức"
    assert result["dang_ky_hoc"]["by_course"] == [
        {"course": "Cao cấp LLCT", "count": 1, "staff_types": ["cong_chuc"]}
    ]
