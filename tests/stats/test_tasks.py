"""A task belongs to the window of its response, or of its assignment while unanswered."""

import pandas as pd

from reportbook.periods import resolve
from reportbook.stats import tasks


def _documents():
    frame = pd.DataFrame(
        [
            ("A1", "6345/VP-VX", "Công văn", "06/12/2022", "VPUBND", "về tháng hành động"),
            ("R1", "140/SLĐTBXH-VP", "Công văn", "14/02/2023", "SLDTBXH", "về dự thảo"),
            ("A2", "100/UBND", "Công văn", "01/12/2023", "UBND", "về báo cáo"),
            ("A3", "200/UBND", "Công văn", "01/06/2023", "UBND", "về việc khác"),
            ("R3", "300/BC-SLĐTBXH", "Báo cáo", "20/12/2023", "SLDTBXH", "về kết quả"),
        ],
        columns=["doc_id", "number_symbol", "doc_type", "issued_on", "issuer", "subject"],
    )
    frame["issued_on"] = pd.to_datetime(frame["issued_on"], format="%d/%m/%Y")
    return frame


TASKS = pd.DataFrame(
    {
        "task_id": ["NV1", "NV2", "NV3"],
        "assigned_doc_id": ["A1", "A2", "A3"],
        "response_doc_id": ["R1", "", "R3"],
        "action": ["đã dự thảo", "", ""],
    }
)


def test_assigned_before_but_answered_within_the_window_is_included():
    result = tasks.in_window(TASKS, _documents(), resolve(2023, "annual").window)
    assert list(result["task_id"]) == ["NV1", "NV2"]


def test_answered_after_the_window_belongs_to_the_next_one():
    result = tasks.in_window(TASKS, _documents(), resolve(2024, "annual").window)
    assert list(result["task_id"]) == ["NV3"]


def test_joined_documents_are_available_for_citation():
    row = tasks.in_window(TASKS, _documents(), resolve(2023, "annual").window).iloc[0]
    assert tasks.document(row, "response_")["number_symbol"] == "140/SLĐTBXH-VP"
