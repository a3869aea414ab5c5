"""Tables laid out once for every renderer: the form's header rows, widths, orientation."""

from reportbook.notebook import layout
from reportbook.stats.form06 import COLUMN_LABELS, COLUMNS, header_groups

FORM_COLUMNS = ["Đơn vị", *(COLUMN_LABELS[c] for c in COLUMNS)]
ROWS = [
    [
        "Trung tâm Phục vụ hành chính công",
        *"1.234 590 644 24 1.210 1.227 1.225 0 2 0 7 7 0".split(),
    ],
    ["Tổng cộng", *"13.573 590 12.983 420 13.153 12.799 12.510 287 2 402 372 372 0".split()],
]


def test_biểu_06_heads_each_total_then_of_which_over_its_parts():
    header = layout.header_rows(FORM_COLUMNS, header_groups("Đơn vị"))
    assert [label for label, _, _ in header[0]] == [
        "Đơn vị",
        "Số hồ sơ nhận giải quyết",
        "Số hồ sơ đã giải quyết",
        "Số hồ sơ trả lại, rút",
        "Số hồ sơ đang giải quyết",
    ]
    assert header[1][:3] == [("Tổng số", 1, 2), ("Trong đó", 2, 1), ("Trong đó", 2, 1)]
    assert [label for label, _, _ in header[2][:4]] == [
        "Trực tuyến",
        "Trực tiếp, bưu chính",
        "Kỳ trước chuyển sang",
        "Mới tiếp nhận",
    ]
    assert ("Đơn vị", 1, 3) in header[0] and ("Số hồ sơ trả lại, rút", 1, 3) in header[0]


def test_every_header_cell_has_its_place_and_every_column_its_own_label():
    header = layout.header_rows(FORM_COLUMNS, header_groups("Đơn vị"))
    labels = layout.leaf_labels(header)
    assert len(labels) == len(FORM_COLUMNS) and all(len(own) == 1 for own in labels)
    assert labels[10] == ["Số hồ sơ trả lại, rút"]


def test_a_wide_table_goes_landscape_and_no_heading_word_or_figure_is_broken():
    assert layout.is_wide(FORM_COLUMNS) and not layout.is_wide(FORM_COLUMNS[:5])
    header = layout.header_rows(FORM_COLUMNS, header_groups("Đơn vị"))
    widths = layout.column_widths(header, ROWS, layout.table_width_mm(FORM_COLUMNS))
    assert abs(sum(widths) - layout.LANDSCAPE_WIDTH_MM) < 0.5
    bold = layout.metrics(True)
    for column, own in enumerate(layout.leaf_labels(header)):
        texts = own + [row[column] for row in ROWS]
        longest = max(bold.width(w, layout.TABLE_PT) for t in texts for w in t.split())
        assert longest + layout.CELL_PADDING_PT <= widths[column] * layout.PT_PER_MM + 0.01


def test_a_long_text_column_gets_the_room_and_a_short_one_keeps_little():
    header = layout.header_rows(["STT", "Email/điện thoại"], None)
    rows = [["01", "vtquang@soctrang.gov.vn 0913.983.079"]]
    stt, contact = layout.column_widths(header, rows, 100)
    assert stt < 15 < contact


def _contacts():
    """Table 1.1 of the seed as tables.contacts writes it: STT, role, name, post, e-mail/phone."""
    import datetime as dt

    import pandas as pd

    from reportbook.notebook import tables

    people = pd.DataFrame(
        {
            "contact_id": [1, 2],
            "role": ["Lãnh đạo phụ trách CCHC", "Công chức phụ trách tham mưu CNTT"],
            "full_name": ["Võ Thanh Quang", "Trương Hoàng Đình Thi"],
            "position": ["Giám đốc", "Chánh Văn phòng"],
            "email": ["vtquang@soctrang.gov.vn", "thdthi@soctrang.gov.vn"],
            "phone": ["0913.983.079", "0919.864.555"],
            "valid_from": pd.to_datetime(["2021-01-01", "2021-01-01"]),
            "valid_to": pd.to_datetime([None, None]),
        }
    )
    frame = tables.contacts(people, dt.date(2023, 12, 14))
    columns = [str(c) for c in frame.columns]
    rows = [[str(v) for v in row] for row in frame.itertuples(index=False)]
    header = layout.header_rows(columns, None)
    return columns, rows, layout.column_widths(header, rows, layout.table_width_mm(columns))


def test_the_contacts_table_gives_stt_less_room_than_any_text_column():
    columns, _, widths = _contacts()
    stt = widths[columns.index("STT")]
    assert all(
        stt < width for column, width in zip(columns, widths, strict=True) if column != "STT"
    )
    assert abs(sum(widths) - layout.TEXT_WIDTH_MM) < 0.5


def test_the_contacts_table_never_breaks_an_e_mail_address():
    columns, rows, widths = _contacts()
    column = columns.index("Email/điện thoại")
    bold = layout.metrics(True)
    longest = max(bold.width(row[column].split()[0], layout.TABLE_PT) for row in rows)
    assert longest + layout.CELL_PADDING_PT <= widths[column] * layout.PT_PER_MM
