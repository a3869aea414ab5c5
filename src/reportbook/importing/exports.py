"""What an export looks like: its headings and labels, and how its records are matched.

The one-stop information system and the document-management software write
Vietnamese headings ("Mã hồ sơ", "Số ký hiệu") and labels ("Đã trả kết quả",
"Trực tuyến") rather than the data model's column names and codes. Vendors
and provinces spell them differently, so headings and labels are compared
*folded*: case, diacritics, "đ", spacing and punctuation do not matter
("MÃ HỒ SƠ", "Ma ho so" and "Mã  hồ sơ" are one heading). The built-in
aliases below are the common spellings; a mapping file adds or overrides them
(:mod:`reportbook.importing.mapping`). The vocabularies' own labels and codes
(data/vocabularies.yaml) are always accepted too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

OPEN = ""  # the outcome of a dossier still being processed: no code

_SEPARATORS = re.compile(r"[^0-9a-z]+")


def fold(text: object) -> str:
    """``text`` without case, diacritics or punctuation: how headings and labels are compared."""
    decomposed = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn").lower()
    return _SEPARATORS.sub(" ", bare).strip()


@dataclass(frozen=True)
class ExportKind:
    """One kind of export: the data file it feeds and how to read it.

    ``headings`` lists, per field, the export headings that mean it (the
    first is the one messages name); a field that is not a column of the data
    file (``procedure_name``) only helps derive one. ``labels`` are the
    built-in label -> code maps; ``vocabularies`` says which vocabulary's
    labels and codes a field also accepts. ``required`` fields must be found
    (or derived); ``key`` matches an export's records to the file's.
    """

    table: str
    headings: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    key: tuple[str, ...]
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    vocabularies: dict[str, str] = field(default_factory=dict)
    dates: tuple[str, ...] = ()
    defaults: dict[str, str] = field(default_factory=dict)

    @property
    def label_fields(self) -> list[str]:
        return sorted(set(self.labels) | set(self.vocabularies))


DOSSIERS = ExportKind(
    table="dossiers",
    headings={
        "dossier_id": ("Mã hồ sơ", "Số hồ sơ", "Mã số hồ sơ", "Số biên nhận"),
        "procedure_code": ("Mã thủ tục", "Mã TTHC", "Mã thủ tục hành chính"),
        "procedure_name": ("Tên thủ tục", "Tên TTHC", "Tên thủ tục hành chính", "Thủ tục"),
        "field": ("Lĩnh vực", "Tên lĩnh vực"),
        "unit": ("Đơn vị tiếp nhận", "Cơ quan tiếp nhận", "Nơi tiếp nhận", "Đơn vị"),
        "channel": ("Hình thức nộp", "Hình thức tiếp nhận", "Kênh nộp", "Hình thức"),
        "received_on": ("Ngày tiếp nhận", "Ngày nhận", "Ngày nộp", "Thời gian tiếp nhận"),
        "due_on": ("Ngày hẹn trả", "Ngày hẹn trả kết quả", "Hạn xử lý", "Hạn giải quyết"),
        "resolved_on": (
            "Ngày có kết quả",
            "Ngày trả kết quả",
            "Ngày hoàn thành",
            "Ngày kết thúc",
        ),
        "outcome": ("Trạng thái", "Tình trạng", "Trạng thái hồ sơ", "Tình trạng hồ sơ"),
    },
    required=("dossier_id", "unit", "channel", "received_on", "due_on", "outcome"),
    key=("dossier_id",),
    labels={
        "outcome": {
            "Đã trả kết quả": "giai_quyet",
            "Đã giải quyết": "giai_quyet",
            "Hoàn thành": "giai_quyet",
            "Đã hoàn thành": "giai_quyet",
            "Trả lại": "tra_lai",
            "Trả lại hồ sơ": "tra_lai",
            "Đã trả lại": "tra_lai",
            "Rút hồ sơ": "rut",
            "Đã rút hồ sơ": "rut",
            "Rút": "rut",
            "Đang xử lý": OPEN,
            "Đang giải quyết": OPEN,
            "Mới tiếp nhận": OPEN,
            "Chờ xử lý": OPEN,
        },
        "channel": {
            "Trực tuyến": "truc_tuyen",
            "Nộp trực tuyến": "truc_tuyen",
            "Trực tiếp": "truc_tiep",
            "Nộp trực tiếp": "truc_tiep",
            "Bưu chính": "buu_chinh",
            "Qua bưu chính": "buu_chinh",
            "Bưu chính công ích": "buu_chinh",
            "Nộp qua bưu chính": "buu_chinh",
        },
    },
    vocabularies={
        "outcome": "outcomes",
        "channel": "channels",
        "unit": "units",
        "field": "fields",
    },
    dates=("received_on", "due_on", "resolved_on"),
)

DOCUMENTS = ExportKind(
    table="documents",
    headings={
        "number_symbol": ("Số ký hiệu", "Số, ký hiệu", "Số và ký hiệu", "Số hiệu văn bản"),
        "issued_on": ("Ngày ban hành", "Ngày văn bản", "Ngày ký"),
        "doc_type": ("Loại văn bản", "Loại VB", "Hình thức văn bản"),
        "issuer": ("Cơ quan ban hành", "Nơi ban hành", "Đơn vị ban hành", "Cơ quan ban hành VB"),
        "subject": ("Trích yếu", "Trích yếu nội dung", "Nội dung"),
        "prepared_by": ("Cơ quan tham mưu", "Đơn vị tham mưu"),
        "cchc_areas": ("Lĩnh vực CCHC", "Nội dung CCHC"),
    },
    required=("number_symbol", "issued_on", "doc_type", "issuer"),
    key=("number_symbol", "issued_year"),
    labels={
        "issuer": {
            "UBND tỉnh": "UBND",
            "HĐND tỉnh": "HDND",
            "VP UBND tỉnh": "VPUBND",
            "Văn phòng UBND tỉnh": "VPUBND",
            "Chủ tịch Ủy ban nhân dân tỉnh": "CTUBND",
            "Sở LĐ-TB&XH": "SLDTBXH",
            "Sở LĐTBXH": "SLDTBXH",
            "Bộ LĐ-TB&XH": "BLDTBXH",
        },
    },
    vocabularies={
        "doc_type": "doc_types",
        "issuer": "issuers",
        "prepared_by": "issuers",
    },
    dates=("issued_on",),
    # Where a new document comes from: the register export, not the seed or a sample.
    defaults={"source": "import"},
)

KINDS = {kind.table: kind for kind in (DOSSIERS, DOCUMENTS)}


def vocabulary_labels(name: str, vocab: dict) -> dict[str, str]:
    """``{label or code: code}`` of one vocabulary, as written in data/vocabularies.yaml.

    A code maps to itself; its label (``issuers`` have ``{name: ...}``) and,
    for ``doc_types``, its abbreviation ("KH") map to it too.
    """
    found: dict[str, str] = {}
    for code, label in (vocab.get(name) or {}).items():
        found[str(code)] = str(code)
        if isinstance(label, dict):
            label = label.get("name")
        if label:
            found[str(label)] = str(code)
    return found
