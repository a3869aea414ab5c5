"""The reviewer's checks pass on consistent figures and name what is broken."""

import re

from reportbook.rendering import checks

GOOD = {
    "A": {
        "received": 10,
        "resolved": 6,
        "returned": 1,
        "in_progress": 3,
        "carried_over": 2,
        "new": 8,
        "online": 4,
        "in_person_post": 6,
        "early": 5,
        "on_time": 0,
        "late": 1,
        "within_deadline": 3,
        "overdue": 0,
    },
}
GOOD["total"] = dict(GOOD["A"])


def _missing(key: str) -> str:
    """The name of the failed check for a checked table the report does not show."""
    return f"Báo cáo có {checks.TABLE_NAMES[key]}"


def test_consistent_figures_pass_every_identity():
    result = checks.dossier_identities(GOOD, "Biểu 06")
    assert result and all(c.passed for c in result)


def test_a_broken_identity_fails_and_names_row_and_figures():
    broken = {"A": dict(GOOD["A"], resolved=7), "total": dict(GOOD["A"], resolved=7)}
    failed = [c for c in checks.dossier_identities(broken, "Biểu 06") if not c.passed]
    assert failed[0].name == "Nhận = đã giải quyết + trả lại, rút + đang giải quyết"
    assert failed[0].scope == "Biểu 06: A"
    assert failed[0].detail == "10 = 7 + 1 + 3 (= 11)"


def test_a_total_that_is_not_the_sum_of_its_rows_fails():
    values = {"A": GOOD["A"], "B": GOOD["A"], "total": GOOD["A"]}
    failed = [c for c in checks.dossier_identities(values, "Biểu 06") if not c.passed]
    expected = "Tổng cộng = tổng các dòng (Số hồ sơ nhận giải quyết: Tổng số)"
    assert any(c.name == expected for c in failed)


def test_unit_and_field_totals_must_agree_across_tables():
    unit = {"values": {"total": {"received": 10}}}
    field = {"values": {"total": {"received": 9}}}
    result = checks.cross_section_checks(
        {"dossiers_by_unit": unit, "dossiers_by_field": field}, "tổng số hồ sơ là 10 hồ sơ"
    )
    by_name = {c.name: c.passed for c in result}
    assert (
        by_name["Tổng theo đơn vị = tổng theo lĩnh vực (Số hồ sơ nhận giải quyết: Tổng số)"]
        is False
    )
    assert by_name["Số tổng trong lời văn = tổng của Biểu 06"] is True


def test_services_by_level_must_match_the_comparison_table():
    levels = {"values": {"toan_trinh": {"4": 60}, "mot_phan": {"3": 29}}}
    versus = {"values": {"current": {"4": 60, "3": 28}}}
    result = checks.cross_section_checks(
        {"services_by_level": levels, "services_vs_previous_year": versus}, ""
    )
    assert [c.passed for c in result] == [True, False]


def test_a_checked_table_missing_from_the_report_fails_loudly():
    import nbformat

    from reportbook.notebook.blocks import MIME

    nb = nbformat.v4.new_notebook()
    table = {"kind": "table", "key": "services_by_level", "caption": "c", "values": {}}
    out = nbformat.v4.new_output("display_data", data={MIME: table, "text/plain": ""})
    nb.cells.append(nbformat.v4.new_code_cell("t", outputs=[out]))
    failed = {c.name for c in checks.run(nb) if not c.passed}
    assert "Báo cáo có Biểu 06 theo đơn vị" in failed
    assert _missing("services_vs_previous_year") in failed
    assert _missing("services_by_level") not in failed


def test_a_table_left_out_with_a_sentence_saying_why_is_not_missing():
    import nbformat

    from reportbook.notebook.blocks import MIME, Paragraph

    nb = nbformat.v4.new_notebook()
    said = Paragraph("Dữ liệu chưa bao gồm cùng kỳ năm trước.", omits=["services_vs_previous_year"])
    out = nbformat.v4.new_output("display_data", data={MIME: said.data(), "text/plain": ""})
    nb.cells.append(nbformat.v4.new_code_cell("t", outputs=[out]))
    failed = {c.name for c in checks.run(nb) if not c.passed}
    assert _missing("services_vs_previous_year") not in failed
    assert _missing("dossiers_by_unit") in failed  # omitted by nobody


def test_checks_name_columns_as_the_form_prints_them_never_by_their_keys():
    """A reviewer reads "Kỳ trước chuyển sang", not the data's ``carried_over``."""
    values = {"A": GOOD["A"], "total": GOOD["A"]}
    result = checks.dossier_identities(values, "Biểu 06")
    result += checks.cross_section_checks(
        {"dossiers_by_unit": {"values": values}, "dossiers_by_field": {"values": values}}, ""
    )
    shown = " ".join(f"{c.name} {c.scope} {c.detail}" for c in result)
    assert "(Số hồ sơ nhận giải quyết: Kỳ trước chuyển sang)" in shown
    assert re.findall(r"[a-z]+_[a-z_]+|\((?:received|new|late|online|early)\)", shown) == []


def test_a_missing_table_is_named_as_the_report_names_it_never_by_its_key():
    shown = {"dossiers_by_unit": {}, "dossiers_by_field": {}, "services_by_level": {}}
    (check,) = checks.missing_tables(shown)
    assert check.name == "Báo cáo có bảng so sánh dịch vụ công trực tuyến với cùng kỳ (mục e)"
    assert "services_vs_previous_year" not in f"{check.name} {check.scope} {check.detail}"


def test_a_total_missing_from_the_text_says_the_text_lacks_it():
    unit = {"values": {"total": {"received": 13573}}}
    (result,) = checks.cross_section_checks({"dossiers_by_unit": unit}, "gồm 13.573 hồ sơ")
    assert not result.passed and result.detail == "lời văn không có “là 13.573 hồ sơ”"
