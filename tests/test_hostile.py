"""Hostile input gets nowhere: values are shown literally, never evaluated or steering paths."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

from reportbook import ParameterError
from reportbook.build import build
from reportbook.errors import ConfigError
from reportbook.notebook import texts
from reportbook.periods import resolve
from reportbook.rendering.render import visible_text
from tests.conftest import copy_project

HOSTILE = (
    "Kế hoạch \"x\" 'y' <script>alert(1)</script> {{ 7 * 7 }} {% raw %} "
    '__import__("os").system("touch PWNED")'
)


def _cli(root, *args):
    env = {**os.environ, "REPORTBOOK_ROOT": str(root)}
    return subprocess.run(
        [sys.executable, "-m", "reportbook", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize(
    "year,period",
    [
        ("../../etc", "annual"),
        ("2023", "../../x"),
        ("2023/..", "annual"),
        ("2023", "annual/../../h1"),
        ("1e3", "annual"),
        ("2023", "h1\n"),
    ],
)
def test_year_and_period_cannot_steer_paths_outside_outputs(year, period):
    try:
        target = resolve(year, period)
    except ParameterError:
        return
    assert (str(target.year), target.code) == ("2023", "h1")  # a clean value, nothing else


@pytest.mark.parametrize(
    "args",
    [
        ["build", "--year", "../../tmp"],
        ["build", "--year", "2023", "--period", "../annual"],
        ["check", "--year", "2023", "--period", "/etc"],
    ],
)
def test_the_cli_rejects_path_like_year_or_period_before_anything_runs(tmp_path, args):
    root = copy_project(tmp_path).root
    result = _cli(root, *args)
    assert result.returncode == 2 and "error:" in result.stderr and "Traceback" not in result.stderr
    assert not (root / "outputs").exists()


def test_a_corrupted_dossier_date_gives_one_readable_message(tmp_path):
    root = copy_project(tmp_path).root
    path = root / "data" / "dossiers.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[41] = lines[41].replace("/20", "/2O", 1)  # a letter O typed for a zero
    path.write_text("".join(lines), encoding="utf-8")
    result = _cli(root, "build", "--year", "2023", "--quiet")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert (
        "dossiers.csv, row 42, column" in result.stderr
        and "1 problem(s) in 1 file(s)" in result.stderr
    )
    assert not (root / "outputs" / "2023" / "annual").exists()


def test_template_errors_name_the_params_file_and_line():
    with pytest.raises(ConfigError, match=r"params/common.yaml, line 12, text 'intro': unexpected"):
        texts.render("ok\n{{ }", {}, name="intro", origin=("params/common.yaml", 11))


def test_templates_cannot_open_files_or_import_modules():
    for evil in (
        "{{ open('/etc/passwd').read() }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{% import 'os' as os %}",
    ):
        with pytest.raises(ConfigError):
            texts.render(evil, {}, name="evil")


@pytest.mark.e2e
def test_hostile_data_and_params_are_shown_literally_and_escaped(tmp_path):
    project = copy_project(tmp_path)
    docs = pd.read_csv(project.data / "documents.csv", dtype=str, keep_default_na=False)
    row = docs.index[
        docs["cchc_areas"].str.contains("chi_dao") & docs["issued_on"].str.endswith("/2023")
    ][0]
    docs.loc[row, "subject"] = HOSTILE + "\nline two"
    docs.to_csv(project.data / "documents.csv", index=False)
    annual = project.params / "2023" / "annual.yaml"
    text = annual.read_text(encoding="utf-8").replace(
        "  difficulties:\n",
        "  difficulties:\n    - 'Tên <b>đậm</b> & <script>alert(2)</script>'\n",
        1,
    )
    annual.write_text(text, encoding="utf-8")
    result = build(2023, "annual", project=project)
    html = (result.edition / "report.html").read_text(encoding="utf-8")
    visible = " ".join(visible_text(html).split())
    assert "<script>alert" not in html and "<b>đậm" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '{{ 7 * 7 }} {% raw %} __import__("os").system("touch PWNED")' in visible
    assert "Tên <b>đậm</b> & <script>alert(2)</script>" in visible
    assert not list(tmp_path.rglob("PWNED")) and not (project.notebooks / "PWNED").exists()
