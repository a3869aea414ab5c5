"""End to end: the 2023 annual report built from data carries the seed's content.

These tests build real editions with papermill (about a minute each).
"""

from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest
from pypdf import PdfReader

from reportbook import resolve
from reportbook.build import build
from reportbook.inputs.loading import Dataset
from reportbook.notebook import formatting
from reportbook.rendering.render import visible_text
from reportbook.stats import dossiers

from .conftest import ROOT, SEED, copy_project, pdftotext
from .prose_checks import prose_faults

pytestmark = pytest.mark.e2e

HEADINGS = [
    "BÁO CÁO",
    "Công tác cải cách hành chính năm 2023",
    "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH",
    "1. Công tác chỉ đạo, điều hành tại đơn vị",
    "II. KẾT QUẢ CHỦ YẾU ĐẠT ĐƯỢC",
    "1. Kết quả thực hiện nhiệm vụ CCHC của Sở LĐ-TB&XH",
    "1.1. Báo cáo thông tin",
    "1.2. Tóm tắt kết quả nổi bật",
    "a. Công tác cải cách thể chế",
    "b. Công tác cải cách thủ tục hành chính",
    "c. Công tác cải cách tổ chức bộ máy hành chính nhà nước",
    "d. Công tác cải cách công vụ",
    "đ. Công tác cải cách tài chính công",
    "e. Xây dựng và phát triển Chính phủ điện tử",
    "2. Thực hiện các nhiệm vụ được UBND tỉnh giao",
    "3. Tình hình thực hiện Chỉ thị số 26/CT-TTg ngày 05/9/2016",
    "III. NHỮNG KHÓ KHĂN, VƯỚNG MẮC",
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRONG THỜI GIAN TỚI",
    "Nơi nhận:",
    "GIÁM ĐỐC",
    "Võ Thanh Quang",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "SỞ LAO ĐỘNG - THƯƠNG BINH",  # the agency in two lines, broken at "VÀ" (Decree 30 header)
    "VÀ XÃ HỘI",
]

FIGURES = [
    "13.573 hồ sơ",
    "đã tiếp nhận 1.234 hồ sơ",
    "kỳ trước chuyển sang 24 hồ sơ",
    "đã giải quyết và trả kết quả 1.227 hồ sơ",
    "trễ hạn 02 hồ sơ",
    "đang giải quyết 07 hồ sơ",
    "12.339 hồ sơ bảo hiểm thất nghiệp",
    "kỳ trước chuyển sang 396 hồ sơ, mới tiếp nhận 11.943 hồ sơ",
    "11.572 hồ sơ",
    "đang giải quyết 365 hồ sơ",
    "trả lại, rút 402 hồ sơ",
    "60 thủ tục hành chính được công bố dịch vụ công trực tuyến mức độ 4",
    "29 thủ tục hành chính được công bố dịch vụ công mức độ 3",
    "32 thủ tục hành chính công bố dịch vụ công trực tuyến mức độ 2",
    "cử 12 lượt công chức, viên chức",
    "đăng ký nhu cầu thi nâng ngạch cho 05 công chức",
    "thi thăng hạng chức danh nghề nghiệp cho 10 viên chức",
    "(từ 15/12/2022 đến 14/12/2023)",
    "Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022",
    "Quyết định số 3118/QĐ-UBND ngày 08/12/2023",
    "Công văn số 535/SNV-TTr ngày 11/3/2022 của Sở Nội vụ",
    "vtquang@soctrang.gov.vn",
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def seed_references() -> list[str]:
    """Every 'số <number/symbol>' the seed report cites."""
    seed = SEED.read_text(encoding="utf-8")
    found = re.findall(r"[Ss]ố (\d[\w.\-]*/[\w/&.\-Đđ]+)", seed)
    return sorted({ref.rstrip(".,;") for ref in found})


@pytest.fixture(scope="module")
def html_text(built_2023_annual):
    return _flat(visible_text((built_2023_annual / "report.html").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def pdf_text(built_2023_annual):
    return _flat(pdftotext(built_2023_annual / "report.pdf"))


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_has_the_seed_headings(fmt, html_text, pdf_text):
    text = html_text if fmt == "html" else pdf_text
    missing = [h for h in HEADINGS if h not in text]
    assert missing == []


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_has_the_seed_figures(fmt, html_text, pdf_text):
    text = html_text if fmt == "html" else pdf_text
    missing = [f for f in FIGURES if f not in text]
    assert missing == []


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_cites_every_document_the_seed_cites(fmt, html_text, pdf_text):
    text = html_text if fmt == "html" else pdf_text
    references = seed_references()
    assert len(references) > 60
    missing = [ref for ref in references if f"số {ref}" not in text.replace("Số ", "số ")]
    assert missing == []


# Wordings of the seed that a generated sentence used to lose (issue 11, item 5).
SEED_WORDING = [
    "trễ hạn 02 hồ sơ (trễ hạn do nhập trễ trên phần mềm, hồ sơ thực tế vẫn trả đúng hạn)",
    "tham mưu UBND tỉnh ban hành: Quyết định số 1002/QĐ-UBND ngày 21/4/2023 về công bố",
    "và được UBND tỉnh phê duyệt tại Quyết định số 3118/QĐ-UBND ngày 08/12/2023 về phê duyệt",
    "Đề án số 01/ĐA-CSCNMT ngày 14/11/2023 về vị trí việc làm",
    "Thực hiện ý kiến chỉ đạo của UBND tỉnh tại Công văn số 2142/VP-VX ngày 21/4/2023",
    "Căn cứ Kế hoạch số 16/KH-UBND ngày 19/01/2023",
    "Đồng thời đang triển khai thực hiện Kế hoạch số 116/KH-UBND.",
    "giai đoạn 2023-2025; Quyết định số 2695/QĐ-UBND",
    "năm 2023. - Công văn số 80/SLĐTBXH-VP",  # section I: the plans, then the letters
]


@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_writes_what_an_official_would_sign(fmt, html_text, pdf_text):
    text = html_text if fmt == "html" else pdf_text
    seed = _flat(SEED.read_text(encoding="utf-8"))
    assert prose_faults(text) == []
    assert " 0 hồ sơ" not in text and "của Ủy ban nhân dân tỉnh ban hành" not in text
    assert [w for w in SEED_WORDING if w not in seed] == []
    assert [w for w in SEED_WORDING if w not in text] == []


def test_edition_holds_every_output(built_2023_annual):
    names = {p.relative_to(built_2023_annual).as_posix() for p in built_2023_annual.rglob("*")}
    assert {"report.html", "report.pdf", "report.ipynb", "manifest.json"} <= names
    sections = [n for n in names if n.startswith("sections/") and n.endswith(".ipynb")]
    assert len(sections) == len(list((ROOT / "notebooks").glob("*.ipynb")))


def test_manifest_records_parameters_window_inputs_versions_and_timings(built_2023_annual):
    manifest = json.loads((built_2023_annual / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"] == {"year": 2023, "period": "annual"}
    assert manifest["window"] == {"start": "2022-12-15", "end": "2023-12-14"}
    assert "data/dossiers.csv" in manifest["inputs"]
    assert "params/2023/annual.yaml" in manifest["inputs"]
    assert "notebooks/04-thu-tuc-hanh-chinh.ipynb" in manifest["inputs"]
    assert {"python", "papermill", "pandas", "weasyprint"} <= set(manifest["versions"])
    assert all(s["status"] == "succeeded" and s["seconds"] > 0 for s in manifest["sections"])
    assert "report.pdf" in manifest["outputs"]


def test_executed_sections_carry_the_injected_parameters(built_2023_annual):
    nb = nbformat.read(built_2023_annual / "sections" / "04-thu-tuc-hanh-chinh.ipynb", as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'period = "annual"' in injected[0].source
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))


def test_html_is_self_contained_and_shows_no_code(built_2023_annual):
    html = (built_2023_annual / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<link" not in html
    assert not re.search(r"""src=["']?https?:""", html)
    assert "open_report" not in html and "import " not in visible_text(html)
    assert html.count('src="data:image/png;base64,') >= 3


def test_pdf_embeds_only_the_liberation_serif_family(built_2023_annual):
    reader = PdfReader(built_2023_annual / "report.pdf")
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor"
            )
            assert descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            ), f"{font['/BaseFont']} is not embedded"
    assert names and all("LiberationSerif" in n.replace("-", "") for n in names), names


def test_pdf_is_a4(built_2023_annual):
    page = PdfReader(built_2023_annual / "report.pdf").pages[0]
    width_mm, height_mm = (
        float(v) * 25.4 / 72 for v in (page.mediabox.width, page.mediabox.height)
    )
    assert round(width_mm) == 210 and round(height_mm) == 297


def test_first_half_lists_only_its_documents_and_its_own_figures(tmp_path):
    project = copy_project(tmp_path)
    result = build(2023, "h1", project=project)
    text = _flat(visible_text((result.edition / "report.html").read_text(encoding="utf-8")))
    window = resolve(2023, "h1").window
    data = Dataset(project.data)
    docs = data.table("documents")
    areas = ("chi_dao", "the_che", "tthc", "to_chuc", "cong_vu", "tai_chinh")
    tagged = docs[docs["cchc_areas"].str.split(";").map(lambda a: bool(set(a) & set(areas)))]
    inside = tagged["issued_on"].between(pd.Timestamp(window.start), pd.Timestamp(window.end))
    for _, doc in tagged[inside].iterrows():
        assert f"số {doc['number_symbol']} ngày" in text, doc["number_symbol"]
    for _, doc in tagged[~inside & (tagged["issued_on"].dt.year >= 2022)].iterrows():
        stamp = formatting.date(doc["issued_on"].date())
        assert f"số {doc['number_symbol']} ngày {stamp}" not in text, doc["number_symbol"]
    h1 = dossiers.statistics(data.table("dossiers"), window).loc["total", "received"]
    annual = dossiers.statistics(data.table("dossiers"), resolve(2023, "annual").window)
    assert h1 != annual.loc["total", "received"]
    assert "(từ 15/12/2022 đến 14/6/2023)" in text
    assert "13.573" not in text
    assert "6 tháng đầu năm 2023" in text


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_runs_as_is_like_in_jupyterlab(path, tmp_path, monkeypatch):
    """No papermill, no injected parameters, no REPORTBOOK_ROOT: the defaults must work."""
    from nbclient import NotebookClient

    project = copy_project(tmp_path)
    monkeypatch.delenv("REPORTBOOK_ROOT", raising=False)
    nb = nbformat.read(project.notebooks / path.name, as_version=4)
    NotebookClient(
        nb,
        kernel_name="python3",
        timeout=300,
        resources={"metadata": {"path": str(project.notebooks)}},
    ).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert outputs, "the section shows nothing"
    assert not [o for o in outputs if o.output_type == "error"]
