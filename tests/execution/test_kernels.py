"""Sections on a pool of warm kernels: nothing leaks from one section to the next."""

from __future__ import annotations

import json

import nbformat
import pytest

from reportbook import resolve
from reportbook.errors import SectionError
from reportbook.execution.execute import execute_sections

from ..conftest import copy_project
from ..kernel_helpers import stream_text, write_section

pytestmark = pytest.mark.e2e

ANNUAL = resolve(2023, "annual")

LEAKER = """
secret = 42
def helper(): return 1
import os, warnings
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
matplotlib.rcParams["lines.linewidth"] = 9
matplotlib.rcParams["font.size"] = 30
plt.figure(); plt.plot([1, 2])
pd.set_option("display.max_rows", 3)
warnings.simplefilter("ignore")
os.environ["RB_LEAKED"] = "1"
os.chdir("/")
print("pid", os.getpid())
"""

PROBE = """
import json, os, warnings
import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
print(json.dumps({
    "names": sorted(n for n in ("secret", "helper") if n in globals()),
    "linewidth": matplotlib.rcParams["lines.linewidth"],
    "font_size": matplotlib.rcParams["font.size"],
    "figures": len(plt.get_fignums()),
    "max_rows": pd.get_option("display.max_rows"),
    "filters": len(warnings.filters),
    "leaked_env": "RB_LEAKED" in os.environ,
    "cwd": os.getcwd(),
    "count": get_ipython().execution_count,
}))
print("pid", os.getpid())
"""


def _probe(path) -> tuple[dict, str]:
    lines = stream_text(path).splitlines()
    return json.loads(lines[0]), lines[1]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_section_sees_nothing_the_previous_section_on_the_same_kernel_did(project, tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    leaker = write_section(folder, "01-leaker", LEAKER)
    probe = write_section(folder, "02-probe", PROBE)

    alone = execute_sections([probe], tmp_path / "fresh", ANNUAL, project, jobs=1)
    after = execute_sections([leaker, probe], tmp_path / "shared", ANNUAL, project, jobs=1)

    expected, _ = _probe(alone[0].output)
    result, probe_pid = _probe(after[1].output)
    leaker_pid = [ln for ln in stream_text(after[0].output).splitlines() if ln.startswith("pid")][0]
    assert probe_pid == leaker_pid  # the same kernel ran both
    assert result == expected
    assert result["names"] == [] and result["figures"] == 0 and not result["leaked_env"]


def test_sections_keep_report_order_whatever_order_they_finish_in(project, tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    slow = write_section(folder, "01-slow", "import time; time.sleep(1.5); print('slow')")
    fast = [write_section(folder, f"0{i}-fast", f"print('fast {i}')") for i in range(2, 5)]

    runs = execute_sections([slow, *fast], tmp_path / "out", ANNUAL, project, jobs=2)

    assert [r.section for r in runs] == [slow, *fast]
    assert [stream_text(r.output).strip() for r in runs] == ["slow", "fast 2", "fast 3", "fast 4"]


def test_executed_sections_are_papermill_records_with_the_injected_parameters(project, tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    section = write_section(folder, "01-show", "print(year, period)")

    (run,) = execute_sections([section], tmp_path / "out", resolve(2023, "h1"), project, jobs=1)

    nb = nbformat.read(run.output, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'period = "h1"' in injected[0].source
    assert nb.metadata.papermill["parameters"] == {"year": 2023, "period": "h1"}
    assert stream_text(run.output).strip() == "2023 h1"
    assert run.status == "succeeded"


def test_a_failing_section_raises_and_leaves_papermills_error_banner(project, tmp_path):
    folder = tmp_path / "nb"
    folder.mkdir()
    good = write_section(folder, "01-good", "print('ok')")
    bad = write_section(folder, "02-bad", "x = 1", "raise ValueError('broken on purpose')")

    with pytest.raises(SectionError, match=r"02-bad failed in cell .*broken on purpose") as info:
        execute_sections([good, bad], tmp_path / "out", ANNUAL, project, jobs=2)

    nb = nbformat.read(info.value.output_path, as_version=4)
    assert "An Exception was encountered" in nb.cells[0].source
    assert any(
        o.output_type == "error" for c in nb.cells if c.cell_type == "code" for o in c.outputs
    )
