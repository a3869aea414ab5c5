"""Charts a reader reads right: linear value axes, Decree 42 levels on the services chart."""

import pandas as pd
import pytest

from reportbook.notebook import charts

LABELS_42 = {
    "toan_trinh": "Dịch vụ công trực tuyến toàn trình",
    "mot_phan": "Dịch vụ công trực tuyến một phần",
    "thong_tin": "Cung cấp thông tin trực tuyến",
}


@pytest.fixture
def services_figure():
    # Decree 42 level x legacy level, as services.by_level counts them; one
    # toàn trình procedure still at legacy level 3, to show both are named.
    cross = pd.DataFrame(
        {4: [60, 0, 0], 3: [1, 29, 0], 2: [0, 0, 32]},
        index=pd.Index(["toan_trinh", "mot_phan", "thong_tin"], name="level_42"),
    )
    fig = charts.services_by_level(cross, LABELS_42, "Thủ tục theo mức độ")
    yield fig
    charts.plt.close(fig)


def test_fields_are_drawn_on_a_linear_axis_from_zero_so_15_times_looks_15_times():
    counts = pd.Series({"Việc làm": 12339, "Người có công": 820, "Trẻ em": 3})
    fig = charts.dossiers_by_field(counts, "Hồ sơ theo lĩnh vực")
    ax = fig.axes[0]
    result = sorted(bar.get_width() for bar in ax.patches)
    charts.plt.close(fig)
    assert ax.get_xscale() == "linear"
    assert ax.get_xlim()[0] == 0
    assert result[-1] / result[-2] == pytest.approx(12339 / 820)


def test_services_chart_has_a_bar_per_decree_42_level_with_its_count(services_figure):
    ax = services_figure.axes[0]
    labels = [tick.get_text() for tick in ax.get_xticklabels()]
    heights = [bar.get_height() for bar in ax.patches]
    assert [label.split("\n")[0] for label in labels] == [
        "Toàn trình",
        "Một phần",
        "Cung cấp thông tin trực tuyến",
    ]
    assert heights == [61, 29, 32]
    assert ax.get_yscale() == "linear"


def test_services_chart_names_the_legacy_levels_each_decree_42_level_holds(services_figure):
    labels = [tick.get_text() for tick in services_figure.axes[0].get_xticklabels()]
    assert [label.split("\n")[1] for label in labels] == [
        "(mức độ 4, 3 cũ)",
        "(mức độ 3 cũ)",
        "(mức độ 2 cũ)",
    ]


def test_services_chart_leaves_out_a_level_the_catalogue_does_not_have():
    cross = pd.DataFrame({4: [5]}, index=pd.Index(["toan_trinh"], name="level_42"))
    fig = charts.services_by_level(cross, LABELS_42, "t")
    labels = [tick.get_text() for tick in fig.axes[0].get_xticklabels()]
    charts.plt.close(fig)
    assert labels == ["Dịch vụ công trực tuyến toàn trình\n(mức độ 4 cũ)"]
