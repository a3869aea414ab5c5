"""Line breaks a typesetter accepts: whole numbers and names, no gaping lines, header names."""

import pytest

from reportbook.notebook import typeset

GAPING = (
    "Sở LĐ-TB&XH trình UBND tỉnh ban hành Quyết định số 20/2023/QĐ-UBND ngày 29/9/2023 "
    "của Ủy ban nhân dân tỉnh ban hành định mức kinh tế - kỹ thuật áp dụng đối với dịch vụ "
    "công sử dụng ngân sách nhà nước trong lĩnh vực việc làm tỉnh Sóc Trăng."
)


def test_numbers_and_hyphenated_names_are_kept_whole_and_spaced_dashes_are_not():
    kept = [
        piece for piece, whole in typeset.pieces(f"{GAPING} (Biểu 06/VPCP/KSTT) COVID-19") if whole
    ]
    assert kept == ["LĐ-TB&XH", "20/2023/QĐ-UBND", "29/9/2023", "06/VPCP/KSTT", "COVID-19"]
    assert "".join(p for p, _ in typeset.pieces(GAPING)) == GAPING


def test_a_paragraph_whose_line_would_gape_before_a_number_is_condensed_until_it_does_not():
    assert typeset.looseness(GAPING) > typeset.GAPING  # "... Quyết định số" alone on a line
    spacing = typeset.tracking(GAPING)
    assert -typeset.MAX_CONDENSE_PT <= spacing < 0
    assert typeset.looseness(GAPING, spacing) <= typeset.TIGHT


def test_ordinary_text_keeps_its_spacing():
    text = "Chưa có nhiều sáng kiến, giải pháp mới trong công tác cải cách hành chính. " * 3
    assert typeset.tracking(text) == 0.0


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH"]),
        ("SỞ TƯ PHÁP", ["SỞ TƯ PHÁP"]),
    ],
)
def test_the_agency_name_breaks_at_its_joints_never_inside_a_word_pair(name, lines):
    assert typeset.agency_lines(name) == lines


def test_without_room_before_va_the_name_breaks_after_its_dash():
    assert typeset.name_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", 60, 13) == [
        "SỞ LAO ĐỘNG -",
        "THƯƠNG BINH VÀ XÃ HỘI",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hồ sơ TTHC tiếp nhận theo lĩnh vực, năm 2023",
            "Hồ sơ TTHC tiếp nhận theo lĩnh vực, năm\u00a02023",
        ),
        ("Tình hình (Biểu 06/VPCP/KSTT)", "Tình hình (Biểu\u00a006/VPCP/KSTT)"),
        ("Hai từ", "Hai\u00a0từ"),
        ("Một", "Một"),
    ],
)
def test_a_caption_binds_its_last_two_words_so_none_is_left_alone_on_the_last_line(text, expected):
    assert typeset.caption(text) == expected


def test_a_bound_caption_still_breaks_anywhere_else():
    text = "Thủ tục hành chính theo mức độ dịch vụ công trực tuyến, năm 2023"
    result = typeset.caption(text)
    assert result.replace("\u00a0", " ") == text
    assert result.count("\u00a0") == 1 and result.count(" ") == text.count(" ") - 1
