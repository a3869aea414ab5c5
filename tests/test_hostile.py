"""Hostile input gets nowhere: values are shown literally, never evaluated or steering paths."""

from __future__ import annotations

import pandas as pd
import pytest

from reportbook import ParameterError
from reportbook.build import build
from reportbook.errors import ConfigError
from reportbook.notebook import texts
from reportbook.periods import resolve
from reportbook.rendering.render import visible_text
from tests.conftest import copy_project, run_cli
from tests.faults import bad_input

HOSTILE = (
    "Kế hoạch \"x\" 'y' <script>alert(1)</script> {{ 7 * 7 }} {% raw %} "
    '__import__("os").system("touch PWNED")'
)


def _cli(root, *args):
    return run_cli(root, *args, timeout=600)


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


def _damage(root, relative: str, edit) -> None:
    path = root / relative
    path.write_bytes(edit(path.read_bytes()))


def test_check_names_every_damaged_file_and_line_in_one_run(tmp_path):
    root = copy_project(tmp_path).root
    _damage(
        root,
        "params/common.yaml",
        lambda b: b.replace(b"  kind_symbol: BC\n", b"  kind_symbol: BC\n  kind: X\n"),
    )
    _damage(root, "params/2023/annual.yaml", lambda b: b.decode().encode("cp1258", "replace"))
    _damage(root, "notebooks/04-thu-tuc-hanh-chinh.ipynb", lambda b: b[: len(b) // 2])
    _damage(root, "data/vocabularies.yaml", lambda b: b.replace(b"  PVHCC:", b"\tPVHCC:", 1))
    result = _cli(root, "check", "--year", "2023")
    err = " ".join(result.stderr.split())
    common = (root / "params" / "common.yaml").read_text(encoding="utf-8")
    line = common[: common.index("  kind: X")].count("\n") + 1
    expected = [
        f"params/common.yaml, line {line}: key 'kind' appears twice",
        "params/2023/annual.yaml, line 1: is not UTF-8",
        "notebooks/04-thu-tuc-hanh-chinh.ipynb, line ",
        "the file was cut off (truncated)",
        "data/vocabularies.yaml, line 8: a tab indents this line",
        "4 problem(s) in 4 file(s)",
    ]
    bad_input(result.returncode == 2 and all(e in err for e in expected))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert [e for e in expected if e not in err] == [], result.stderr


@pytest.mark.parametrize(
    "relative,edit,message",
    [
        (
            "notebooks/04-thu-tuc-hanh-chinh.ipynb",
            lambda b: b"[1, 2]",
            "notebooks/04-thu-tuc-hanh-chinh.ipynb: is not a Jupyter notebook (it is a list)",
        ),
        (
            "params/2023/annual.yaml",
            lambda b: b + b"a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\n",
            "params/2023/annual.yaml, line 25: YAML anchors and aliases",
        ),
    ],
    ids=["notebook not a notebook", "params aliases"],
)
def test_build_stops_at_a_damaged_file_naming_it_and_builds_nothing(
    tmp_path, relative, edit, message
):
    root = copy_project(tmp_path).root
    _damage(root, relative, edit)
    result = _cli(root, "build", "--year", "2023", "--quiet")
    err = " ".join(result.stderr.split())
    bad_input(result.returncode == 2 and message in err)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert message in err, result.stderr
    assert not (root / "outputs" / "2023" / "annual").exists()


def test_billion_laughs_are_refused_in_bounded_time_and_memory(tmp_path):
    import time
    import tracemalloc

    from reportbook.params import load_params

    root = copy_project(tmp_path).root
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )  # 9 ** 9 = 387 million strings once expanded
    (root / "params" / "2023" / "annual.yaml").write_text(laughs, encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ConfigError, match="line 1: YAML anchors and aliases"):
        load_params(root / "params", resolve(2023, "annual"))
    seconds, (_, peak) = time.perf_counter() - started, tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seconds < 1 and peak < 5_000_000
