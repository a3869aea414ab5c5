"""Two editions are compared result by result, from what each edition records."""

import json

import nbformat
import pytest

from reportbook.archive.verify import HISTORY_PAGE, Verdict, _compare
from reportbook.cli import main
from reportbook.compare.editions import compare, read_edition
from reportbook.compare.page import PAGE, write_comparison
from reportbook.notebook.blocks import MIME

from ..vietnamese_helpers import english_words, identifiers, visible_text

UNITS = {
    "PVHCC": {"received": 1234, "resolved": 1227, "in_progress": 7},
    "total": {"received": 13573, "resolved": 12799, "in_progress": 372},
}
CAPTION = "Tình hình, kết quả giải quyết TTHC theo đơn vị tiếp nhận (Biểu 06/VPCP/KSTT)"
PLAN = "Căn cứ Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022 về cải cách hành chính năm 2023."


def table(values, key="dossiers_by_unit", caption=CAPTION):
    return {
        "kind": "table",
        "caption": caption,
        "key": key,
        "columns": [],
        "rows": [],
        "values": values,
    }


def paragraph(text):
    return {"kind": "paragraph", "text": text, "style": "rb-p"}


def figure(png, caption="Hồ sơ TTHC theo tháng"):
    return {"kind": "figure", "caption": caption, "png": png}


def notebook(sections):
    """A merged report.ipynb: one code cell per block, recording it as a section would."""
    nb = nbformat.v4.new_notebook()
    for section, blocks in sections.items():
        for block in blocks:
            output = nbformat.v4.new_output("display_data", data={MIME: block, "text/html": ""})
            cell = nbformat.v4.new_code_cell("", outputs=[output])
            cell.metadata["reportbook_section"] = section
            nb.cells.append(cell)
    return nb


def manifest(sections, inputs=None, code=None, label="năm 2023"):
    return {
        "label": label,
        "window": {"start": "2022-12-15", "end": "2023-12-14"},
        "inputs": inputs or {"data/dossiers.csv": "a"},
        "notebook_code": code or {f"notebooks/{s}.ipynb": "c" for s in sections},
        "sections": [
            {"section": s, "status": status, "reused_from": "cache" if status == "reused" else None}
            for s, status in sections.items()
        ],
    }


def edition(folder, blocks, runs, **recorded):
    folder.mkdir(parents=True)
    nbformat.write(notebook(blocks), folder / "report.ipynb")
    text = json.dumps(manifest(runs, **recorded), ensure_ascii=False)
    (folder / "manifest.json").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def two(tmp_path):
    before = edition(
        tmp_path / "a",
        {
            "00-mo-dau": [paragraph(PLAN)],
            "04-thu-tuc": [paragraph("Đoạn một."), table(UNITS), figure("AAAA")],
        },
        {"00-mo-dau": "succeeded", "04-thu-tuc": "succeeded"},
    )
    changed = {**UNITS, "PVHCC": {**UNITS["PVHCC"], "received": 1301, "in_progress": 74}}
    after = edition(
        tmp_path / "b",
        {
            "00-mo-dau": [paragraph(PLAN.replace("72/KH-SLĐTBXH", "80/KH-SLĐTBXH"))],
            "04-thu-tuc": [
                paragraph("Đoạn mới [bold]chèn[/bold]."),
                paragraph("Đoạn một."),
                table(changed),
                figure("BBBB"),
            ],
        },
        {"00-mo-dau": "reused", "04-thu-tuc": "succeeded"},
        inputs={"data/dossiers.csv": "b", "params/2023/annual.yaml": "p"},
        code={"notebooks/00-mo-dau.ipynb": "c", "notebooks/04-thu-tuc.ipynb": "changed"},
    )
    return before, after


def test_each_changed_figure_is_listed_with_both_values_and_the_change(two):
    result = compare(*map(read_edition, two))
    found = {(f.item, f.before, f.after, f.change) for f in result.figures}
    assert found == {
        ("PVHCC · Số hồ sơ nhận giải quyết: Tổng số", 1234, 1301, "+67"),
        ("PVHCC · Số hồ sơ đang giải quyết: Tổng số", 7, 74, "+67"),
    }
    assert {f.table for f in result.figures} == {CAPTION}


def test_an_inserted_paragraph_is_added_and_the_ones_after_it_are_not_changed(two):
    result = compare(*map(read_edition, two))
    texts = [(t.section, t.what, t.before, t.after) for t in result.texts]
    assert ("04-thu-tuc", "text 1", "", "Đoạn mới [bold]chèn[/bold].") in texts
    assert not [t for t in texts if t[2] == "Đoạn một."]
    redrawn = (
        "04-thu-tuc",
        "figure «Hồ sơ TTHC theo tháng»",
        "drawn",
        "redrawn (its figures differ)",
    )
    assert redrawn in texts


def test_documents_cited_are_added_or_removed_by_their_number_not_by_dates(two):
    result = compare(*map(read_edition, two))
    assert result.added == {"80/KH-SLĐTBXH": "00-mo-dau"}
    assert result.removed == {"72/KH-SLĐTBXH": "00-mo-dau"}


def test_sections_say_how_they_were_produced_and_inputs_which_differ(two):
    result = compare(*map(read_edition, two))
    rows = {s.section: (s.before, s.after, s.code_changed, s.changes) for s in result.sections}
    assert rows == {
        "00-mo-dau": ("succeeded", "reused (cache)", False, 1),
        "04-thu-tuc": ("succeeded", "succeeded", True, 4),
    }
    assert result.inputs == [("data/dossiers.csv", "edited"), ("params/2023/annual.yaml", "new")]


def test_reportbook_diff_prints_readable_tables_and_exits_0(two, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["diff", str(two[0]), str(two[1])]) == 0
    out = capsys.readouterr().out
    assert "Figures that changed" in out and "1.234" in out and "1.301" in out and "+67" in out
    assert "+ added" in out and "80/KH-SLĐTBXH" in out and "− removed" in out
    assert "[bold]chèn[/bold]" in out  # data is shown literally, never read as markup
    assert "2 figure(s) changed, 1 document(s) added, 1 removed, 3 text(s) changed" in out
    assert "redrawn (its figures differ)" in out


def test_reportbook_diff_names_each_table_once_and_writes_windows_as_the_report(
    two, capsys, monkeypatch
):
    monkeypatch.setenv("COLUMNS", "200")
    main(["diff", str(two[0]), str(two[1])])
    out = capsys.readouterr().out
    assert out.count(CAPTION) == 1  # above its two changed figures, not on each row
    assert "15/12/2022 – 14/12/2023" in out and "2022-12-15" not in out


def test_reportbook_diff_of_a_folder_that_is_no_edition_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["diff", str(tmp_path / "empty"), str(tmp_path / "empty")]) == 2
    assert "is not an edition: manifest.json is missing" in capsys.readouterr().err


def test_the_reviewer_page_compares_with_the_replaced_edition_and_escapes_data(two, tmp_path):
    before, after = two
    review = tmp_path / "stage" / "review"
    review.mkdir(parents=True)
    merged = nbformat.read(after / "report.ipynb", as_version=4)
    recorded = json.loads((after / "manifest.json").read_text(encoding="utf-8"))
    page = write_comparison(review, before, recorded, merged, "BÁO CÁO").read_text(encoding="utf-8")
    assert "So với lần lập trước" in page and "2 số liệu thay đổi" in page
    assert "<td>1.234</td><td>1.301</td><td>+67</td>" in page
    assert "Đoạn mới [bold]chèn[/bold]." in page and "<script" not in page
    assert "hình «Hồ sơ TTHC theo tháng»</td><td>có</td><td>vẽ lại (số liệu khác)" in page
    first = write_comparison(review, tmp_path / "none", recorded, merged, "BÁO CÁO")
    assert "lần lập đầu tiên" in first.read_text(encoding="utf-8")


def test_a_replaced_edition_that_cannot_be_compared_is_said_so_and_fails_no_build(two, tmp_path):
    before, after = two
    odd = nbformat.read(before / "report.ipynb", as_version=4)
    odd.cells[0].outputs[0].data[MIME] = {"kind": "table", "caption": 3, "rows": 7}
    nbformat.write(odd, before / "report.ipynb")
    review = tmp_path / "stage" / "review"
    review.mkdir(parents=True)
    merged = nbformat.read(after / "report.ipynb", as_version=4)
    recorded = json.loads((after / "manifest.json").read_text(encoding="utf-8"))
    page = write_comparison(review, before, recorded, merged, "BÁO CÁO").read_text(encoding="utf-8")
    assert (
        "không đọc được nên không so sánh được" in page and "không so sánh được (TypeError" in page
    )


def test_verify_does_not_re_run_the_page_comparing_with_an_edition_that_is_gone():
    archived = {"results": {}, "outputs": {"report.html": "h", HISTORY_PAGE: "compared"}}
    rerun = {"results": {}, "outputs": {"report.html": "h", HISTORY_PAGE: "first edition"}}
    verdict = Verdict(edition=None)
    _compare(archived, rerun, verdict)
    assert verdict.ok and PAGE in HISTORY_PAGE


def test_the_reviewer_page_is_in_vietnamese_sections_by_title_statuses_dates_in_words(
    two, tmp_path
):
    before, after = two
    review = tmp_path / "stage" / "review"
    review.mkdir(parents=True)
    merged = nbformat.read(after / "report.ipynb", as_version=4)
    recorded = json.loads((after / "manifest.json").read_text(encoding="utf-8"))
    (before / "final.json").write_text('{"finalized_at": "2026-11-27T09:05:00+0700"}')
    titles = {"00-mo-dau": "Phần đầu", "04-thu-tuc": "II.1.2.b. Thủ tục hành chính"}
    page = write_comparison(review, before, recorded, merged, "BÁO CÁO", titles)
    html = page.read_text(encoding="utf-8")
    text = visible_text(html, skip=("code",))
    assert '<html lang="vi">' in html and "<title>BÁO CÁO — So với lần lập trước</title>" in html
    assert "kỳ số liệu 15/12/2022 – 14/12/2023" in text and "2022-12-15" not in text
    assert "đã chốt lúc 09:05 ngày 27/11/2026" in text
    assert "<td>II.1.2.b. Thủ tục hành chính</td><td>đã chạy</td><td>đã chạy</td>" in html
    assert "<td>Phần đầu</td><td>đã chạy</td><td>dùng lại (bộ nhớ đệm)</td>" in html
    assert "04-thu-tuc" not in text and identifiers(text) == [] and english_words(text) == []
