"""Section notebooks are discovered in order and stored without outputs."""

from pathlib import Path

import nbformat
import pytest

from reportbook import ConfigError, ParameterError
from reportbook.sections import discover, select

from .vietnamese_helpers import is_vietnamese

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_sections_are_in_number_order():
    result = [s.number for s in discover(ROOT / "notebooks")]
    assert result == sorted(result) and len(result) == len(NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_parameters_cell_with_2023_annual_defaults(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    namespace = {}
    exec(tagged[0].source, namespace)  # noqa: S102 - our own notebook's parameters cell
    assert (namespace["year"], namespace["period"]) == (2023, "annual")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_defines_no_functions(path):
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "def " not in code and "class " not in code, "logic belongs in the package"


def test_select_by_number_name_or_slug():
    sections = discover(ROOT / "notebooks")
    result = select(sections, ["4", "00-mo-dau", "chi-thi"])
    assert [s.number for s in result] == ["00", "04", "10"]


def test_select_an_unknown_section_lists_the_sections():
    with pytest.raises(ParameterError, match="no section '99'; sections are: 00-mo-dau"):
        select(discover(ROOT / "notebooks"), ["99"])


def test_misnamed_notebooks_are_an_error(tmp_path):
    (tmp_path / "Untitled.ipynb").write_text("{}")
    with pytest.raises(ConfigError, match="not named NN-slug.ipynb: Untitled.ipynb"):
        discover(tmp_path)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_vietnamese_title_and_opening_note_for_its_readers(path):
    """The reviewer edition lists a section by ``metadata.title`` and opens with its note."""
    nb = nbformat.read(path, as_version=4)
    title = nb.metadata.get("title", "")
    assert is_vietnamese(title) and path.stem not in title
    opening = nb.cells[0]
    assert "remove_cell" in opening.metadata.get("tags", [])
    assert is_vietnamese(opening.source), opening.source
