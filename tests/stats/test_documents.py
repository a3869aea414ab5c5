"""Document references read as official text writes them."""

import pandas as pd
import pytest

from reportbook import DataError
from reportbook.periods import resolve
from reportbook.stats import documents

ISSUERS = {
    "SLDTBXH": {"name": "Sở Lao động - Thương binh và Xã hội", "kind": "self"},
    "SNV": {"name": "Sở Nội vụ", "kind": "peer"},
    "UBND": {"name": "Ủy ban nhân dân tỉnh", "kind": "province"},
    "TTDVVL": {"name": "Trung tâm Dịch vụ việc làm", "kind": "unit"},
}


def _docs(*rows):
    frame = pd.DataFrame(
        rows,
        columns=[
            "doc_id",
            "number_symbol",
            "doc_type",
            "issued_on",
            "issuer",
            "prepared_by",
            "subject",
            "cchc_areas",
        ],
    )
    frame["issued_on"] = pd.to_datetime(frame["issued_on"], format="%d/%m/%Y")
    return frame


DOCS = _docs(
    (
        "1",
        "72/KH-SLĐTBXH",
        "Kế hoạch",
        "28/12/2022",
        "SLDTBXH",
        "",
        "về thực hiện CCHC năm 2023",
        "ke_hoach_nam;chi_dao",
    ),
    ("2", "535/SNV-TTr", "Công văn", "11/03/2022", "SNV", "", "về việc hướng dẫn", "huong_dan"),
    ("3", "1002/QĐ-UBND", "Quyết định", "21/04/2023", "UBND", "SLDTBXH", "về công bố TTHC", "tthc"),
    ("4", "964/ĐA-TTĐVVL", "Đề án", "14/11/2023", "TTDVVL", "", "về vị trí việc làm", "to_chuc"),
    ("5", "02/KH-SLĐTBXH", "Kế hoạch", "14/12/2023", "SLDTBXH", "", "về kiểm tra", "chi_dao"),
    (
        "6",
        "80/KH-SLĐTBXH",
        "Kế hoạch",
        "15/12/2023",
        "SLDTBXH",
        "",
        "về CCHC năm 2024",
        "ke_hoach_nam;chi_dao",
    ),
)


def test_reference_has_type_number_and_date():
    assert documents.reference(DOCS.iloc[0]) == "Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022"


def test_citation_names_other_issuers_but_not_the_reporting_body():
    own = documents.citation(DOCS.iloc[0], ISSUERS, "SLDTBXH")
    other = documents.citation(DOCS.iloc[1], ISSUERS, "SLDTBXH")
    assert own == "Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022 về thực hiện CCHC năm 2023"
    assert other == "Công văn số 535/SNV-TTr ngày 11/3/2022 của Sở Nội vụ về việc hướng dẫn"


def test_select_filters_by_area_and_inclusive_window():
    result = documents.select(DOCS, "chi_dao", resolve(2023, "annual").window)
    assert list(result["doc_id"]) == ["1", "5"]  # 14/12/2023 in, 15/12/2023 out


def test_annual_plan_is_the_plan_issued_in_the_year_window():
    assert documents.annual_plan(DOCS, resolve(2023, "annual").window)["doc_id"] == "1"
    assert documents.annual_plan(DOCS, resolve(2024, "annual").window)["doc_id"] == "6"
    assert documents.annual_plan(DOCS, resolve(2022, "annual").window) is None


def test_roles_split_own_units_advised_and_other():
    result = documents.split_by_role(DOCS, ISSUERS, "SLDTBXH")
    assert {k: list(v["doc_id"]) for k, v in result.items()} == {
        "own": ["1", "5", "6"],
        "units": ["4"],
        "advised": ["3"],
        "other": ["2"],
    }


def test_by_number_needs_exactly_one_match():
    assert documents.by_number(DOCS, "535/SNV-TTr")["doc_id"] == "2"
    with pytest.raises(DataError, match="no document numbered '9/XX'"):
        documents.by_number(DOCS, "9/XX")
