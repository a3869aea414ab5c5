"""The package shows the pipeline as folders, in modules and functions that fit on a screen."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "reportbook"
MODULES = sorted(PACKAGE.rglob("*.py"))
STAGES = ["inputs", "stats", "notebook", "execution", "rendering", "archive", "province"]
# Around the pipeline: bringing data in, comparing editions, previewing while writing.
TOOLS = ["importing", "compare", "preview"]
SHARED = {
    "__init__",
    "__main__",
    "errors",
    "paths",
    "periods",
    "params",
    "sections",
    "context",
    "build",
    "cli",
    "arguments",
    "progress",
}


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def test_each_stage_of_the_pipeline_and_each_tool_around_it_is_a_subpackage():
    for stage in STAGES + TOOLS:
        assert (PACKAGE / stage / "__init__.py").is_file(), stage
        assert ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))


def test_the_top_level_keeps_only_what_every_stage_shares_and_the_entry_points():
    result = {p.stem for p in PACKAGE.glob("*.py")}
    assert result == SHARED


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_is_over_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 300


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_function_is_over_40_lines(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > 40
    ]
    assert long == []


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_every_module_says_why_it_exists(path):
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), _name(path)
