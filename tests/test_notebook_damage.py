"""A damaged section notebook is named, with its line or cell and the fix, never a traceback.

``check`` lists it among the other problems (:func:`parameter_problems`);
``build`` reads every notebook's code before validation (to key the cache) and
stops there with the same message (:func:`code_cells`).
"""

from __future__ import annotations

import codecs
import json
import shutil
from pathlib import Path

import pytest

from reportbook.errors import FileFormatError
from reportbook.inputs.contracts import parameter_problems, uses
from reportbook.sections import Section, code_cells
from tests.faults import bad_input

ROOT = Path(__file__).resolve().parents[1]
NAME = "04-thu-tuc-hanh-chinh.ipynb"
SHOWN = f"notebooks/{NAME}"


@pytest.fixture
def section(tmp_path):
    shutil.copy(ROOT / "notebooks" / NAME, tmp_path / NAME)
    return Section(tmp_path / NAME, "04", "thu-tuc-hanh-chinh")


def _json_edit(change):
    def edit(data: bytes) -> bytes:
        nb = json.loads(data)
        change(nb)
        return json.dumps(nb, ensure_ascii=False, indent=1).encode("utf-8")

    return edit


def _set(path: tuple, value):
    def change(nb):
        target = nb
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return _json_edit(change)


def _cut(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _legacy(data: bytes) -> bytes:
    return data.decode("utf-8").encode("cp1258", errors="replace")


# (id, edit of the notebook's bytes, line or cell expected (None: the whole file), message)
CASES = [
    ("cut off", _cut, "line", "the file was cut off"),
    ("emptied", lambda d: b"", None, "is empty"),
    ("binary garbage", lambda d: bytes(range(256)) * 4, "line", "is binary data"),
    ("legacy code page", _legacy, "line", "legacy Vietnamese code page"),
    ("UTF-16", lambda d: d.decode("utf-8").encode("utf-16"), "line", "is saved as UTF-16"),
    ("byte-order mark", lambda d: codecs.BOM_UTF8 + d, "line", "byte-order mark"),
    ("JSON list", lambda d: b"[1, 2]", None, "is not a Jupyter notebook (it is a list)"),
    ("JSON text", lambda d: b'"notebook"', None, "is not a Jupyter notebook (it is text)"),
    ("object without cells", lambda d: b'{"metadata": {}}', None, "without 'cells'"),
    ("nbformat 3", _set(("nbformat",), 3), None, "not a version 4 Jupyter notebook"),
    ("cells not a list", _set(("cells",), {}), None, "not a version 4 Jupyter notebook"),
    ("unknown cell type", _set(("cells", 2, "cell_type"), "cod"), "cell", "is not a notebook cell"),
    ("source a number", _set(("cells", 2, "source"), 42), "cell", "is not a notebook cell"),
    ("outputs not a list", _set(("cells", 2, "outputs"), "x"), "cell", "outputs: 'x' is not of"),
    ("metadata not a mapping", _set(("metadata",), []), None, "metadata: [] is not of type"),
    ("nested too deeply", lambda d: b"[" * 100_000, None, "nested too deeply"),
    ("not JSON at all", lambda d: b"cells: []\n", "line", "is not valid JSON"),
]


@pytest.mark.parametrize("name,edit,unit,message", CASES, ids=[c[0] for c in CASES])
def test_check_names_a_damaged_notebook_without_a_traceback(section, name, edit, unit, message):
    section.path.write_bytes(edit(section.path.read_bytes()))
    problems = parameter_problems(section)
    where = problems[0].row_word if problems and problems[0].row is not None else None
    clear = (
        len(problems) == 1
        and problems[0].file == SHOWN
        and message in problems[0].rule
        and where == unit
    )
    bad_input(clear)
    assert len(problems) == 1 and problems[0].file == SHOWN, problems
    assert message in problems[0].rule and where == unit, problems[0]


@pytest.mark.parametrize("name,edit,unit,message", CASES[:13], ids=[c[0] for c in CASES[:13]])
def test_build_stops_at_a_damaged_notebook_with_the_same_message(
    section, name, edit, unit, message
):
    section.path.write_bytes(edit(section.path.read_bytes()))
    with pytest.raises(FileFormatError, match=SHOWN) as err:
        code_cells(section.path)
    assert message in str(err.value)
    assert uses([section]).unreadable == [section.name]


def test_the_shipped_notebooks_have_no_problem():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        number, slug = path.stem.split("-", 1)
        assert parameter_problems(Section(path, number, slug)) == []
