"""Document references read as official text writes them, in the order it lists them."""

import re

import pandas as pd
import pytest

from reportbook import DataError, open_report
from reportbook.paths import Project
from reportbook.periods import resolve
from reportbook.stats import documents

from ..conftest import ROOT, SEED

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
    result = documents.select(DOCS, "chi_dao", resolve(2023, "annual").window, vocab=VOCAB)
    assert list(result["doc_id"]) == ["1", "5"]  # 14/12/2023 in, 15/12/2023 out


VOCAB = {
    "doc_types": {"Chỉ thị": "CT", "Kế hoạch": "KH", "Quyết định": "QĐ", "Công văn": "CV"},
    "issuers": {
        "TTCP": {"name": "Thủ tướng Chính phủ", "kind": "central"},
        "BLDTBXH": {"name": "Bộ Lao động - Thương binh và Xã hội", "kind": "central"},
        "BNV": {"name": "Bộ Nội vụ", "kind": "central"},
        "SLDTBXH": {"name": "Sở Lao động - Thương binh và Xã hội", "kind": "self"},
        # listed before the central issuers, yet ranked after them by its kind
        "CTUBND": {"name": "Chủ tịch UBND tỉnh", "kind": "province"},
    },
}


def _listed(*rows):
    """Documents (id, type, date, issuer) in a deliberately scrambled file order."""
    return _docs(*[(i, f"{i}/X", t, day, who, "", "", "") for i, t, day, who in rows])


def test_citation_order_is_type_then_date_whatever_the_file_order():
    docs = _listed(
        ("a", "Công văn", "01/02/2023", "SLDTBXH"),
        ("b", "Kế hoạch", "06/03/2023", "SLDTBXH"),
        ("c", "Kế hoạch", "12/01/2023", "SLDTBXH"),
    )
    result = documents.citation_order(docs, VOCAB)
    assert list(result["doc_id"]) == ["c", "b", "a"]  # the plans, oldest first, then the letter
    assert list(documents.citation_order(docs.iloc[::-1], VOCAB)["doc_id"]) == ["c", "b", "a"]


def test_citation_order_puts_higher_authorities_first_then_the_vocabulary_order():
    docs = _listed(
        ("qd-bnv", "Quyết định", "26/02/2007", "BNV"),
        ("qd-bld", "Quyết định", "01/06/2009", "BLDTBXH"),
        ("ct-ubnd", "Chỉ thị", "28/12/2012", "CTUBND"),
        ("ct-ttg", "Chỉ thị", "22/04/2019", "TTCP"),
    )
    result = documents.citation_order(docs, VOCAB)
    assert list(result["doc_id"]) == ["ct-ttg", "ct-ubnd", "qd-bld", "qd-bnv"]


def test_citation_order_breaks_ties_by_register_id_and_puts_unknown_types_last():
    docs = _listed(
        ("VB2", "Tờ trình", "01/02/2023", "SLDTBXH"),
        ("VB9", "Kế hoạch", "01/02/2023", "SLDTBXH"),
        ("VB1", "Kế hoạch", "01/02/2023", "SLDTBXH"),
    )
    assert list(documents.citation_order(docs, VOCAB)["doc_id"]) == ["VB1", "VB9", "VB2"]


def _seed_numbers(text: str) -> list[str]:
    return re.findall(r"số (\d[\w./\-&Đđ]*?/[\w/&.\-Đđ]+?)(?= ngày| \d)", text)


def test_the_shipped_report_lists_section_i_and_ii_3_in_the_seeds_order():
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    section_i = seed.split("đã ban hành:")[1].split("Theo đó")[0]
    section_3 = seed.split("các văn bản như")[1].split("...")[0]
    report = open_report(2023, "annual", Project(ROOT))
    listed = list(report.documents("chi_dao")["number_symbol"])
    directives = [d["reference"].split("số ")[1].split(" ngày")[0] for d in report.directives()]
    assert listed == _seed_numbers(section_i)
    assert directives == _seed_numbers(section_3)


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
