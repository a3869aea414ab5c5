"""The shipped templates write what an official would sign, in every period.

Each rule of ``tests/prose_checks.py`` (an issuer named once, "không có …"
instead of a zero count, one separator per list, parentheses rather than a
dash) is checked on the texts of params/ rendered with the shipped data for
all 19 periods of 2023 and the 2024 annual report, and with zeros.
"""

import pytest

from reportbook import open_report
from reportbook.notebook import texts
from reportbook.paths import Project
from reportbook.periods import PERIODS
from reportbook.stats import documents

from ..conftest import ROOT, SEED
from ..prose_checks import prose_faults

SHIPPED = Project(ROOT)
EDITIONS = [(2023, code) for code in PERIODS] + [(2024, "annual")]
DOCUMENT_TEXTS = {
    "the_che": "the_che",
    "tthc_documents": "tthc",
    "to_chuc": "to_chuc",
    "cong_vu_intro": "cong_vu",
    "tai_chinh": "tai_chinh",
    "chi_dao": "chi_dao",
}


def _doc(issuer, citation, title=None):
    return {"issuer": issuer, "citation": citation, "title": title or citation}


def test_a_list_ended_by_a_separator_uses_it_between_every_item():
    assert texts.join_vi(["a", "b", "c"], last="; ") == "a; b; c"
    assert texts.join_vi(["a", "b", "c"], last=", ") == "a, b, c"
    assert texts.join_vi(["a", "b", "c"]) == "a, b và c"


def test_cites_leaves_out_the_issuer_the_sentence_already_names():
    docs = [
        _doc("UBND", "QĐ 1 của Ủy ban nhân dân tỉnh về a", "QĐ 1 về a"),
        _doc("SNV", "CV 2 của Sở Nội vụ về b", "CV 2 về b"),
    ]
    assert texts.cites(docs, said="UBND") == "QĐ 1 về a và CV 2 của Sở Nội vụ về b"
    assert texts.cites(docs, said=["UBND", "SNV"]) == "QĐ 1 về a và CV 2 về b"
    assert texts.cites(docs) == "QĐ 1 của Ủy ban nhân dân tỉnh về a và CV 2 của Sở Nội vụ về b"


def test_a_citation_does_not_name_an_issuer_its_abstract_names():
    report = open_report(2023, "annual", SHIPPED)
    register = report.table("documents")
    unit_project = documents.by_number(register, "01/ĐA-CSCNMT")
    letter = documents.by_number(register, "166/UBND-NV")
    assert report.cite(unit_project) == (
        "Đề án số 01/ĐA-CSCNMT ngày 14/11/2023 về vị trí việc làm, cơ cấu chức danh nghề "
        "nghiệp và số lượng người làm việc của Cơ sở cai nghiện ma túy"
    )
    assert " của Ủy ban nhân dân tỉnh về tham mưu" in report.cite(letter)


@pytest.mark.parametrize(("year", "period"), EDITIONS)
def test_document_sentences_follow_the_rules_in_every_period(year, period):
    report = open_report(year, period, SHIPPED)
    written = [
        report.render(key, **report.documents_by_role(area)) for key, area in DOCUMENT_TEXTS.items()
    ]
    written += [report.render("task", **task) for task in report.tasks()]
    written.append(report.render("directives", directives=report.directives()))
    assert prose_faults(" ".join(" ".join(written).split())) == []


ZERO_DOSSIERS = dict.fromkeys(
    [
        "received",
        "online",
        "carried_over",
        "new",
        "resolved",
        "early",
        "on_time",
        "late",
        "returned",
        "in_progress",
        "overdue",
    ],
    0,
)
SOME_DOSSIERS = {
    "received": 9,
    "online": 3,
    "carried_over": 2,
    "new": 7,
    "resolved": 6,
    "early": 3,
    "on_time": 2,
    "late": 1,
    "returned": 1,
    "in_progress": 2,
    "overdue": 1,
}


@pytest.mark.parametrize("zero", ["none", *ZERO_DOSSIERS])
def test_a_dossier_figure_of_zero_is_said_in_words(zero):
    report = open_report(2023, "annual", SHIPPED)
    figures = ZERO_DOSSIERS if zero == "none" else {**SOME_DOSSIERS, zero: 0}
    written = report.render("tthc_unit", unit=report.unit("PVHCC"), s=figures)
    written += report.render("tthc_total", total=figures, previous=None)
    assert prose_faults(written) == []


def test_dossiers_all_resolved_early_are_said_in_one_phrase():
    report = open_report(2023, "annual", SHIPPED)
    figures = {**SOME_DOSSIERS, "resolved": 6, "early": 6, "on_time": 0, "late": 0}
    written = report.render("tthc_unit", unit=report.unit("PVHCC"), s=figures)
    assert "đã giải quyết và trả kết quả trước hạn 6 hồ sơ;" in written
    assert "hồ sơ: trước hạn" not in written


def test_the_late_dossiers_note_is_in_parentheses_as_in_the_seed():
    report = open_report(2023, "annual", SHIPPED)
    written = report.render("tthc_unit", unit=report.unit("PVHCC"), s=SOME_DOSSIERS)
    assert "trễ hạn 01 hồ sơ (trễ hạn do nhập trễ trên phần mềm" in written


@pytest.mark.parametrize("level", ["4", "3", "2", "toan_trinh", "mot_phan", "all"])
def test_a_catalogue_without_some_level_is_said_in_words(level):
    report = open_report(2023, "annual", SHIPPED)
    legacy = {4: 60, 3: 29, 2: 32}
    counts = {"toan_trinh": 60, "mot_phan": 29}
    if level == "all":
        legacy, counts = dict.fromkeys(legacy, 0), dict.fromkeys(counts, 0)
    elif level.isdigit():
        legacy[int(level)] = 0
    else:
        counts[level] = 0
    written = report.render("online_services", legacy=legacy, previous=None, **counts)
    assert prose_faults(written) == []


def _seed_text():
    return " ".join(SEED.read_text(encoding="utf-8").split())


def test_a_project_is_cited_with_the_decision_approving_it_as_in_the_seed():
    annual = open_report(2023, "annual", SHIPPED)
    written = annual.render("to_chuc", **annual.documents_by_role("to_chuc"))
    sentence = (
        "Đề án số 56/ĐA-SLĐTBXH ngày 10/11/2023 về vị trí việc làm và cơ cấu ngạch công chức "
        "tại Sở LĐ-TB&XH và được UBND tỉnh phê duyệt tại Quyết định số 3118/QĐ-UBND"
    )
    assert sentence in _seed_text() and sentence in written
    assert "Đề án số 61/ĐA-SLĐTBXH ngày 24/11/2023" not in written.split(". ")[0]  # not merged
    assert "trình Sở Nội vụ thẩm định, trình UBND tỉnh phê duyệt." in written  # 61 awaits it


def test_a_project_awaiting_approval_and_an_approval_of_an_earlier_project_say_so():
    november = open_report(2023, "m11", SHIPPED)  # Đề án 56 (10/11), not yet approved
    december = open_report(2023, "m12", SHIPPED)  # QĐ 3118 (08/12) approves it
    before = november.render("to_chuc", **november.documents_by_role("to_chuc"))
    after = december.render("to_chuc", **december.documents_by_role("to_chuc"))
    assert "xây dựng Đề án số 56/ĐA-SLĐTBXH" in before and "3118" not in before
    assert "Đề án số 56/ĐA-SLĐTBXH ngày 10/11/2023" in after
    assert "đã được phê duyệt tại Quyết định số 3118/QĐ-UBND" in after


@pytest.mark.parametrize(
    "opening",
    [
        "Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Công văn số 2142/VP-VX ngày 21/4/2023",
        "Căn cứ Kế hoạch số 16/KH-UBND ngày 19/01/2023",
        "Đồng thời đang triển khai thực hiện Kế hoạch số 116/KH-UBND.",
        "Thực hiện Thông báo số 04/TB-BCĐUBND ngày 11/7/2023",
    ],
)
def test_tasks_open_as_the_register_says_like_the_seed(opening):
    report = open_report(2023, "annual", SHIPPED)
    written = " ".join(report.render("task", **task) for task in report.tasks())
    assert opening in _seed_text() and opening in written


@pytest.mark.parametrize(
    ("written", "rule"),
    [  # sentences an earlier build wrote (issue 11, item 5)
        (
            "Sở LĐ-TB&XH trình UBND tỉnh ban hành Quyết định số 20/2023/QĐ-UBND ngày "
            "29/9/2023 của Ủy ban nhân dân tỉnh ban hành định mức kinh tế - kỹ thuật.",
            "issuer said twice",
        ),
        (
            "Đề án số 01/ĐA-CSCNMT ngày 14/11/2023 của Cơ sở cai nghiện ma túy về vị trí việc "
            "làm và số lượng người làm việc của Cơ sở cai nghiện ma túy.",
            "issuer repeated in its citation",
        ),
        ("(mới tiếp nhận 11.943 hồ sơ; trực tuyến 0 hồ sơ).", "zero said as a count"),
        (
            "được phê duyệt: Quyết định số 1/QĐ-UBND ngày 01/8/2023 về a, giai đoạn 1, "
            "Quyết định số 2/QĐ-UBND ngày 02/11/2023 về b; Quyết định số 3/QĐ-UBND ngày "
            "15/11/2023 về c.",
            "list mixes separators",
        ),
        ("trễ hạn 02 hồ sơ — trễ hạn do nhập trễ trên phần mềm", "em dash"),
    ],
)
def test_the_checks_catch_what_an_official_would_correct(written, rule):
    assert any(fault.startswith(rule) for fault in prose_faults(written))
