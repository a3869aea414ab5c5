"""The exporters are kept per process: a kept one writes the same bytes as a fresh one."""

import base64
import io

import matplotlib.pyplot as plt
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from reportbook.notebook.blocks import MIME, Figure, Paragraph
from reportbook.rendering import render, review


def _png() -> str:
    fig, ax = plt.subplots(figsize=(2, 1))
    ax.bar([0, 1], [3, 5])
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _notebooks():
    """Notebooks unlike each other: kernels, languages, tags, outputs of every kind."""
    text = Paragraph("Sở Tư pháp đã tiếp nhận 1.099 hồ sơ.")
    figure = Figure(plt.figure(figsize=(2, 1)), "Hình thử")
    first = new_notebook(
        cells=[
            new_markdown_cell("##### a. Công tác chỉ đạo, điều hành\n\n*nghiêng* và **đậm**"),
            new_code_cell(
                "r.text('basis')",
                execution_count=1,
                outputs=[new_output("display_data", data={"text/html": text.html(), MIME: {}})],
            ),
            new_code_cell(
                "figure",
                execution_count=2,
                outputs=[new_output("display_data", data={"text/html": figure.html()})],
            ),
        ],
        metadata={"language_info": {"name": "python", "pygments_lexer": "ipython3"}},
    )
    second = new_notebook(
        cells=[
            new_code_cell("x = 1", execution_count=1, metadata={"tags": ["remove_cell"]}),
            new_code_cell(
                "print(x)",
                execution_count=2,
                outputs=[
                    new_output("stream", text="1\n"),
                    new_output("display_data", data={"image/png": _png(), "text/plain": "<Fig>"}),
                ],
            ),
            new_markdown_cell("Chỉ có chữ."),
        ],
        metadata={"language_info": {"name": "python"}},
    )
    return [first, second, first]


def _resources():
    page = {"title": "Báo cáo thử", "css": "/*@fonts*/", "footer": "chân trang", "marks": []}
    return {"reportbook": page}


@pytest.fixture
def kept():
    """Exporters that have already converted something, as a batch worker's are."""
    render.warm_up()
    review.warm_up()
    return render._exporter(), review._section_exporter()


def test_the_page_exporter_is_made_once_per_process():
    assert render._exporter() is render._exporter()
    assert review._section_exporter() is review._section_exporter()


def test_a_kept_page_exporter_writes_the_bytes_of_a_fresh_one(kept):
    page_exporter, _ = kept
    for nb in _notebooks():
        result, _ = page_exporter.from_notebook_node(nb, resources=_resources())
        expected, _ = render._exporter.__wrapped__().from_notebook_node(nb, resources=_resources())
        assert result == expected


def test_a_kept_section_exporter_writes_the_bytes_of_a_fresh_one(kept):
    _, section_exporter = kept
    for nb in _notebooks():
        result, _ = section_exporter.from_notebook_node(nb)
        expected, _ = review._section_exporter.__wrapped__().from_notebook_node(nb)
        assert result == expected


def test_the_report_page_is_the_same_after_other_reports(kept):
    first, second, _ = _notebooks()
    expected = render.to_html(first, "Báo cáo thử", footer="chân trang")
    render.to_html(second, "Báo cáo khác")
    result = render.to_html(first, "Báo cáo thử", footer="chân trang")
    assert result == expected
