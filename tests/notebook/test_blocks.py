"""Blocks render escaped HTML with the classes the stylesheet expects."""

import pandas as pd
import pytest

from reportbook.notebook.blocks import Figure, Heading, Paragraph, Table

from ..blocks_helpers import header_block


def test_paragraph_escapes_markup_from_data():
    result = Paragraph('<script>alert("x")</script> & {{ 7*7 }}').html()
    assert "<script>" not in result
    assert "&lt;script&gt;" in result and "&amp;" in result and "{{ 7*7 }}" in result


def test_document_numbers_and_hyphenated_names_are_kept_on_one_line():
    result = Paragraph("Sở LĐ-TB&XH trình Quyết định số 20/2023/QĐ-UBND ngày 29/9/2023").html()
    assert '<span class="rb-nobr">20/2023/QĐ-UBND</span>' in result
    assert '<span class="rb-nobr">29/9/2023</span>' in result
    assert '<span class="rb-nobr">LĐ-TB&amp;XH</span>' in result


def test_a_paragraph_that_would_gape_is_condensed_a_little():
    gaping = (
        "Sở LĐ-TB&XH trình UBND tỉnh ban hành Quyết định số 20/2023/QĐ-UBND ngày "
        "29/9/2023 của Ủy ban nhân dân tỉnh ban hành định mức kinh tế - kỹ thuật."
    )
    assert 'style="letter-spacing: -0.' in Paragraph(gaping).html()
    assert "style=" not in Paragraph("Một đoạn ngắn.").html()


def test_heading_has_its_level():
    assert Heading("3. Tình hình", level=3).html() == '<h3 class="rb-h">3. Tình hình</h3>'


def test_table_with_groups_has_two_header_rows_and_a_total_row():
    frame = pd.DataFrame(
        {"Đơn vị": ["A", "Tổng cộng"], "Tổng số": ["1", "1"], "Trực tuyến": ["0", "0"]}
    )
    result = Table(frame, "Bảng thử", groups=[("Đơn vị", 1), ("Nhận", 2)], total_row=True).html()
    assert result.count("<tr") == 4
    assert '<th rowspan="2">Đơn vị</th>' in result and '<th colspan="2">Nhận</th>' in result
    assert '<tr class="rb-total">' in result
    assert "<caption>Bảng\u00a0thử</caption>" in result
    assert result.count("<col ") == 3 and 'class="rb-table"' in result


def test_the_form_number_in_a_caption_never_breaks():
    result = Table(pd.DataFrame({"a": [1]}), "Tình hình (Biểu 06/VPCP/KSTT)").html()
    assert '<span class="rb-nobr">06/VPCP/KSTT</span>' in result


def test_captions_keep_their_last_two_words_together():
    table = Table(pd.DataFrame({"a": [1]}), "Hồ sơ theo lĩnh vực, năm 2023").html()
    figure = Figure(_small_figure(), "Hồ sơ theo tháng, năm 2023").html()
    assert "<caption>Hồ sơ theo lĩnh vực, năm\u00a02023</caption>" in table
    assert "<figcaption>Hồ sơ theo tháng, năm\u00a02023</figcaption>" in figure
    assert Figure(_small_figure(), "Hồ sơ theo tháng, năm 2023").data()["caption"] == (
        "Hồ sơ theo tháng, năm 2023"  # the recorded content is the caption as written
    )


def _small_figure():
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(1, 1))
    ax.bar([0], [1])
    return fig


def test_a_table_wider_than_a_portrait_page_is_marked_wide():
    frame = pd.DataFrame({f"c{i}": [i] for i in range(14)})
    assert 'class="rb-table rb-wide"' in Table(frame, "Biểu").html()


def test_table_escapes_cells():
    frame = pd.DataFrame({"a": ["<b>x</b>"]})
    assert "&lt;b&gt;x&lt;/b&gt;" in Table(frame, "c").html()


def _header(date_line):
    return header_block(date_line).html()


def test_header_block_has_the_decree_30_pieces():
    result = _header("Sóc Trăng, ngày 05 tháng 02 năm 2024")
    for piece in (
        '<div class="rb-parent">UBND TỈNH SÓC TRĂNG</div>',
        '<div class="rb-agency"><span class="rb-line">SỞ LAO ĐỘNG - THƯƠNG BINH</span> '
        '<span class="rb-line">VÀ XÃ HỘI</span></div>',
        "/BC-SLĐTBXH</div>",
        '<div class="rb-nation">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>',
        '<div class="rb-motto"><span class="rb-ruled">Độc lập - Tự do - Hạnh phúc</span></div>',
        '<div class="rb-dateline">Sóc Trăng, ngày 05 tháng 02 năm 2024</div>',
        '<div class="rb-kind">BÁO CÁO</div>',
    ):
        assert piece in result


def test_the_number_sits_level_with_the_place_and_date_in_a_row_of_their_own():
    result = _header("Sóc Trăng, ngày 05 tháng 02 năm 2024")
    dates_row = result[result.index('<tr class="rb-header-dates">') :]
    assert dates_row.index("Số:") < dates_row.index("Sóc Trăng, ngày") < dates_row.index("</tr>")


def test_closing_block_has_recipients_and_signature():
    from reportbook.notebook.blocks import Template

    result = Template(
        "closing",
        recipients=["Sở Nội vụ;", "Lưu: VT."],
        signer={"title": "GIÁM ĐỐC", "name": "Võ Thanh Quang", "authority": "KT. GIÁM ĐỐC"},
    ).html()
    assert '<div class="rb-recipients-title">Nơi nhận:</div>' in result
    assert '<div class="rb-recipient">- Lưu: VT.</div>' in result
    assert result.index("KT. GIÁM ĐỐC") < result.index("Võ Thanh Quang")


def test_every_template_kind_has_its_html_template():
    from reportbook.notebook.blocks import TEMPLATE_KINDS
    from reportbook.paths import TEMPLATES

    missing = [k for k in TEMPLATE_KINDS if not (TEMPLATES / "blocks" / f"{k}.html.j2").is_file()]
    assert missing == []


def test_an_unknown_template_block_fails_where_it_is_made():
    from reportbook.notebook.blocks import Template

    with pytest.raises(
        ValueError, match=r"no block template 'signature'; templates are: header, closing"
    ):
        Template("signature", signer={})


def test_a_table_key_must_be_declared_so_no_check_is_silently_skipped():
    frame = pd.DataFrame({"a": [1]})
    assert Table(frame, "c", key="dossiers_by_unit").data()["key"] == "dossiers_by_unit"
    with pytest.raises(
        ValueError, match=r"unknown table key 'dossiers_per_unit'.*dossiers_by_unit"
    ):
        Table(frame, "c", key="dossiers_per_unit")


def test_a_paragraph_said_instead_of_tables_records_which_ones():
    said = Paragraph("Chưa so sánh với cùng kỳ năm trước.", omits=["dossiers_vs_previous_year"])
    assert said.data()["omits"] == ["dossiers_vs_previous_year"]
    assert "omits" not in Paragraph("Một đoạn văn.").data()  # plain paragraphs record as before


def test_a_paragraph_cannot_omit_a_table_nobody_declared():
    with pytest.raises(ValueError, match="unknown table key 'dossiers_by_month'"):
        Paragraph("…", omits=["dossiers_by_month"])


def test_in_jupyterlab_a_block_brings_the_report_look_scoped_to_jupyterlab_outputs():
    from reportbook.notebook.blocks import MIME
    from reportbook.notebook.lookalike import SCOPE, style, without_style

    frame = pd.DataFrame({"Đơn vị": ["A"], "Tổng số": ["1.234"]})
    shown = Table(frame, "Bảng thử")._repr_mimebundle_()
    html = shown["text/html"]
    assert html.startswith('<style class="rb-lookalike">') and MIME in shown
    rules = [line for line in style().splitlines()[1:-1] if line.strip()]
    assert all(line.startswith(SCOPE) for line in rules)  # nothing outside JupyterLab's outputs
    assert f"{SCOPE} table.rb-table td.rb-left {{ text-align: left; }}" in style()
    assert "@page" not in style() and ".rb-document" not in style()
    assert without_style(html) == Table(frame, "Bảng thử").html()
