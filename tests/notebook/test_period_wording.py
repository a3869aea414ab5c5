"""A report's wording follows its period: subject, opening words, figures' window, closing,
directions, and comparisons with last year only where the data covers both windows."""

import shutil

import pytest

from reportbook import open_report
from reportbook.notebook import formatting
from reportbook.paths import Project

from ..conftest import ROOT

SHIPPED = Project(ROOT)


def _report(year, period):
    return open_report(year, period, SHIPPED)


@pytest.fixture
def project_with(tmp_path):
    """A project sharing the shipped data, with params for the given extra periods."""

    def make(*editions):
        shutil.copytree(ROOT / "params", tmp_path / "params")
        (tmp_path / "data").symlink_to(ROOT / "data")
        for year, period in editions:
            target = tmp_path / "params" / str(year) / f"{period}.yaml"
            target.parent.mkdir(exist_ok=True)
            shutil.copy(ROOT / "params" / "2023" / "q1.yaml", target)
        return Project(tmp_path)

    return make


@pytest.mark.parametrize(
    ("period", "subject"),
    [
        ("annual", "Công tác cải cách hành chính năm 2023"),
        ("h1", "Công tác cải cách hành chính 6 tháng đầu năm 2023"),
        ("q1", "Công tác cải cách hành chính quý I năm 2023"),
        ("m03", "Công tác cải cách hành chính tháng 3 năm 2023"),
    ],
)
def test_the_subject_line_names_the_period(period, subject):
    assert _report(2023, period).header().values["subject"] == subject


def test_sentences_open_with_the_period_and_its_window():
    report = _report(2023, "q1")
    total = report.render("tthc_total", total={"received": 5}, previous=None)
    assert report.values["in_period"] == "Trong quý I năm 2023"
    assert total.startswith(
        "Trong quý I (từ 15/12/2022 đến 14/3/2023), tổng số hồ sơ"
    )  # Decree 30 dates


def test_the_annual_figures_keep_the_reference_reports_words():
    total = _report(2023, "annual").render("tthc_total", total={"received": 5}, previous=None)
    assert total.startswith("Trong năm (từ 15/12/2022 đến 14/12/2023), tổng số hồ sơ")


@pytest.mark.parametrize(
    ("period", "words"),
    [("m03", "tháng 3 năm 2023"), ("9m", "9 tháng năm 2023"), ("q4", "quý IV năm 2023")],
)
def test_the_closing_sentence_names_the_period(period, words):
    closing = _report(2023, period).render("closing")
    assert closing.startswith(f"Trên đây là báo cáo kết quả công tác cải cách hành chính {words} ")


@pytest.mark.parametrize(
    ("period", "intro"),
    [
        ("q1", "Trong quý II năm 2023, Sở LĐ-TB&XH tập trung thực hiện"),
        ("q4", "Trong quý I năm 2024, Sở LĐ-TB&XH tập trung thực hiện"),
        ("h1", "Trong 6 tháng cuối năm 2023, Sở LĐ-TB&XH tập trung thực hiện"),
        ("m12", "Trong tháng 1 năm 2024, Sở LĐ-TB&XH tập trung thực hiện"),
    ],
)
def test_directions_within_the_year_open_with_the_months_ahead(period, intro):
    assert _report(2023, period).render("directions_intro").startswith(intro)


def test_the_annual_directions_need_no_opening_sentence():
    assert _report(2023, "annual").render("directions_intro") == ""


def test_the_quality_system_text_fits_a_quarter_and_a_year():
    assert "Xây dựng mục tiêu chất lượng năm 2023" in _report(2023, "annual").render("iso")
    assert "Triển khai thực hiện mục tiêu chất lượng năm 2023" in _report(2023, "q3").render("iso")


def test_a_month_without_new_documents_still_says_what_was_done():
    report = _report(2023, "m05")
    nothing = {"own": [], "advised": [], "other": [], "units": []}
    assert report.render("tthc_documents", **nothing).startswith("Trong tháng 5 năm 2023, Sở")
    assert "không phát sinh văn bản mới" in report.render("tai_chinh", **nothing)
    outro = report.render("chi_dao_outro", **nothing)
    assert not outro.startswith("Theo đó, Kế hoạch")  # no plan was issued to refer to


def test_registrations_are_reported_even_when_nobody_was_sent_to_a_course():
    training = {
        "cu_di_hoc": {"count": 0, "staff": "", "courses": [], "by_course": []},
        "dang_ky_hoc": {
            "count": 2,
            "by_course": [{"count": 2, "staff": "công chức", "course": "Bồi dưỡng ngạch"}],
        },
        "dang_ky_nang_ngach": {"count": 0, "staff": ""},
        "dang_ky_thang_hang": {"count": 1, "staff": "viên chức"},
    }
    text = _report(2023, "m03").render("cong_vu_training", training=training)
    assert text == (
        "Trong tháng 3 năm 2023, đơn vị chưa cử công chức, viên chức tham gia các lớp đào tạo, "
        "bồi dưỡng; rà soát, đăng ký 02 công chức tham gia lớp bồi dưỡng ngạch; đăng ký nhu cầu "
        "thi thăng hạng chức danh nghề nghiệp cho 01 viên chức."
    )


def test_a_period_whose_data_covers_last_years_window_compares_with_it():
    assert _report(2023, "q1").compares
    assert _report(2023, "m01").compares  # 15/12/2021–14/01/2022 is in the data


def test_without_last_years_data_the_report_says_why_it_does_not_compare():
    report = _report(2022, "h1")  # the same period of 2021 starts before the data
    text = report.render("no_comparison", what="số hồ sơ TTHC", **report.coverage_values())
    first = formatting.date(report.coverage.start)
    assert not report.compares
    assert text == (
        f"Dữ liệu hiện có (từ {first} đến {formatting.date(report.coverage.end)}) chưa bao gồm "
        "trọn cùng kỳ năm 2021 (từ 15/12/2020 đến 14/6/2021), nên chưa so sánh số hồ sơ TTHC "
        "với cùng kỳ năm trước."
    )


def test_a_window_after_the_data_is_reported_as_not_yet_covered(project_with):
    report = open_report(2025, "q1", project_with((2025, "q1")))
    text = report.render("dossier_coverage", **report.coverage_values())
    assert (report.covered(), report.compares) == ("none", False)
    assert "chưa có số liệu của quý I năm 2025 (từ 15/12/2024 đến 14/3/2025)" in text


def test_a_window_the_data_covers_in_part_says_the_figures_are_partial(project_with):
    report = open_report(2021, "m11", project_with((2021, "m11")))
    text = report.render("dossier_coverage", **report.coverage_values())
    assert report.covered() == "partial"
    assert "chưa trọn tháng 11 năm 2021 (từ 15/10/2021 đến 14/11/2021)" in text
