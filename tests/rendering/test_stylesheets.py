"""Reviewer section pages link JupyterLab's stylesheets, written once per edition.

nbconvert's lab template inlines about 270 kB of CSS in each page; an
edition has a page per section. The pages must look the same (the very
stylesheets nbconvert would inline) and still open offline.
"""

import re

import nbformat
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_notebook, new_output

from reportbook.rendering import review, stylesheets


def _executed(folder, name):
    cell = new_code_cell("1 + 1", execution_count=1)
    cell.outputs = [new_output("execute_result", data={"text/plain": "2"}, execution_count=1)]
    path = folder / f"{name}.ipynb"
    nbformat.write(new_notebook(cells=[cell]), path)
    return path


def test_section_pages_link_the_stylesheets_written_once_beside_them(tmp_path):
    paths = [_executed(tmp_path, "01-a"), _executed(tmp_path, "02-b")]
    pages = tmp_path / "review" / "sections"
    pages.mkdir(parents=True)
    review.write_sections(paths, pages)
    css = sorted(p.name for p in (tmp_path / "review" / "css").iterdir())
    assert css == ["index.css", "theme-light.css"]
    for page in pages.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        linked = re.findall(r'<link href="\.\./css/([^"]+)" rel="stylesheet"/>', html)
        assert linked == ["index.css", "theme-light.css"]
        inline = re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)
        assert max(map(len, inline)) < 10_000, "a large stylesheet is still inlined"


def test_the_linked_stylesheets_are_those_nbconvert_would_inline(tmp_path):
    pages = tmp_path / "review" / "sections"
    pages.mkdir(parents=True)
    review.write_sections([_executed(tmp_path, "01-a")], pages)
    inlined, _ = HTMLExporter(template_name="lab").from_notebook_node(new_notebook())
    for css in (tmp_path / "review" / "css").iterdir():
        text = css.read_text(encoding="utf-8")
        assert len(text) > 1000
        assert text in inlined


def test_a_fresh_exporter_still_writes_the_stylesheets_when_pages_came_from_the_cache(tmp_path):
    exporter = stylesheets.LinkedStylesExporter(template_name="lab")
    written = stylesheets.write(exporter, tmp_path)
    assert sorted(p.name for p in written) == ["index.css", "theme-light.css"]
    assert all(p.stat().st_size > 1000 for p in written)
