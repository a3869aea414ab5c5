"""Executed notebooks keep results and drop what varies from run to run."""

import nbformat

from reportbook.execution import determinism
from reportbook.notebook.blocks import MIME
from reportbook.rendering import results


def _executed():
    nb = nbformat.v4.new_notebook()
    nb.metadata["papermill"] = {
        "start_time": "t0",
        "end_time": "t1",
        "duration": 1.5,
        "input_path": "/home/a/notebooks/x.ipynb",
        "output_path": "/tmp/.annual.staging-r4nd/sections/x.ipynb",
        "parameters": {"year": 2023, "period": "annual"},
    }
    cell = nbformat.v4.new_code_cell(
        "year = 2023",
        metadata={
            "tags": ["injected-parameters"],
            "execution": {"iopub.status.busy": "t"},
            "papermill": {"start_time": "t", "duration": 0.1, "status": "completed"},
        },
    )
    return nb, cell


def test_timings_and_machine_paths_are_removed_and_results_kept():
    nb, cell = _executed()
    nb.cells.append(cell)
    result = determinism.normalise(nb, "x.ipynb")
    assert result.metadata["papermill"] == {
        "input_path": "notebooks/x.ipynb",
        "output_path": "sections/x.ipynb",
        "parameters": {"year": 2023, "period": "annual"},
    }
    assert result.cells[0].metadata == {
        "tags": ["injected-parameters"],
        "papermill": {"status": "completed"},
    }
    assert result.cells[0]["id"] == "injected-parameters"


def test_results_are_named_by_section_kind_number_and_caption():
    nb = nbformat.v4.new_notebook()
    html = '<table class="rb-table"><caption>Bảng &amp; số</caption></table>'
    payload = {"kind": "table", "caption": "Bảng & số", "columns": [], "rows": []}
    out = nbformat.v4.new_output(
        "display_data", data={"text/html": html, "text/plain": "x", MIME: payload}
    )
    nb.cells.append(
        nbformat.v4.new_code_cell("t", outputs=[out], metadata={"reportbook_section": "04-tthc"})
    )
    assert list(results.items(nb)) == ["04-tthc: table 1 «Bảng & số»"]


def test_results_hash_the_recorded_content_not_its_html():
    def notebook(html):
        nb = nbformat.v4.new_notebook()
        payload = {"kind": "paragraph", "text": "Tổng số 1.234 hồ sơ", "style": "rb-p"}
        out = nbformat.v4.new_output("display_data", data={"text/html": html, MIME: payload})
        nb.cells.append(nbformat.v4.new_code_cell("t", outputs=[out]))
        return nb

    first = results.items(notebook("<p>Tổng số 1.234 hồ sơ</p>"))
    second = results.items(notebook('<p class="x">Tổng số 1.234 hồ sơ</p>'))
    assert first == second and list(first) == ["report: paragraph 1"]
