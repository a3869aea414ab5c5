"""The reviewer edition: each executed section with its code, the checks, the manifest.

Written to ``<edition>/review/``: ``index.html`` links every page,
``sections/NN-slug.html`` shows each executed section notebook with code and
outputs (nbconvert's lab template without its network scripts, images
embedded, JupyterLab's stylesheets written once in ``css/``, see
:mod:`.stylesheets`), ``checks.html`` lists every identity verified on the
figures and the data warnings of the build, and ``manifest.html`` the
parameters, window and input hashes. Every page opens
offline and links only to files of the same edition.

Its readers are the department's staff and the province's inspectors, so
every page is in Vietnamese (``lang="vi"``): sections are listed by their
title, dates, numbers and statuses come from :mod:`.wording`, and a draft
or an edition with failed checks says so at the top of every page.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat

from ..paths import TEMPLATES
from . import wording
from .checks import Check

if TYPE_CHECKING:
    from nbconvert import HTMLExporter

    from ..execution.cache import Cache
    from .stylesheets import LinkedStylesExporter

REVIEW_DIR = "review"
PAGE_TEMPLATES = ("index.html.j2", "checks.html.j2", "manifest.html.j2")
_ENV = wording.environment()
EDITION_FILES = [
    ("../report.html", "Báo cáo (HTML)"),
    ("../report.pdf", "Báo cáo (PDF)"),
    ("../report.docx", "Báo cáo (Word)"),
    ("../report.ipynb", "Sổ tay đã gộp các phần"),
    ("../manifest.json", "Bản kê tham số, dữ liệu đầu vào và phiên bản"),
]


@lru_cache(maxsize=1)  # one per process, its templates compiled once (see render._exporter)
def _section_exporter() -> LinkedStylesExporter:
    # imported when needed: nbconvert costs 0,2 s at start-up
    from .stylesheets import LinkedStylesExporter

    return LinkedStylesExporter(
        template_name="review",
        extra_template_basedirs=[str(TEMPLATES / "nbconvert")],
        embed_images=True,
        anchor_link_text="",
        language_code="vi",
    )


def section_page(exporter: HTMLExporter, path: Path) -> str:
    """One executed section as a page titled by the section's own title."""
    nb = nbformat.read(path, as_version=4)
    title = wording.section_title(nb, path.stem)
    nb.metadata["title"] = f"{title} — Bản thẩm định"  # the page's <title>; the file is untouched
    body, _ = exporter.from_notebook_node(nb, resources={"reportbook": {"title": title}})
    return body


def warm_up() -> None:
    """Build the sections' exporter and compile its templates (inherited by a forked child)."""
    cell = nbformat.v4.new_code_cell("print('reportbook')", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", text="reportbook\n")]
    markdown = nbformat.v4.new_markdown_cell("reportbook")
    _section_exporter().from_notebook_node(nbformat.v4.new_notebook(cells=[markdown, cell]))
    for template in (*PAGE_TEMPLATES, "compare.html.j2"):  # compare: the comparison page's
        _ENV.get_template(template)


def write_sections(section_paths: list[Path], folder: Path, cache: Cache | None = None) -> None:
    """Render each executed section with its code, or copy the pages from the cache.

    The pages depend only on the executed notebooks (and reportbook's own
    templates, part of the environment key), so unchanged sections reuse them.
    """
    from ..execution.cache import cached_files, digest, environment_key
    from . import stylesheets  # nbconvert with it: imported when pages are written

    names = [f"{p.stem}.html" for p in section_paths]
    key = digest(*(p.read_bytes() for p in section_paths), environment_key()) if cache else None

    def make() -> list[Path]:
        exporter = _section_exporter()
        for path, name in zip(section_paths, names, strict=True):
            (folder / name).write_text(section_page(exporter, path), encoding="utf-8")
        return [folder / n for n in names]

    cached_files(cache, key, names, folder, make)
    stylesheets.write(_section_exporter(), folder.parent)


def write(
    edition: Path,
    section_paths: list[Path],
    manifest: dict,
    checks: list[Check],
    title: str,
    cache: Cache | None = None,
    warnings: list | tuple = (),
) -> Path:
    """Write ``edition/review`` (data ``warnings`` on the checks page); return its index page."""
    root = edition / REVIEW_DIR
    (root / "sections").mkdir(parents=True, exist_ok=True)
    write_sections(section_paths, root / "sections", cache)
    common = {"title": title, "window": manifest["window"], "marks": manifest.get("marks", [])}
    found = {"checks": checks, "warnings": list(warnings)}  # warnings: inputs.plausible
    pages = {  # their templates: PAGE_TEMPLATES
        "index.html": ("index.html.j2", _index(section_paths, manifest, checks)),
        "checks.html": ("checks.html.j2", {"page_title": "Kiểm tra số liệu", **found}),
        "manifest.html": (
            "manifest.html.j2",
            {"page_title": "Nguồn và phiên bản", "manifest": manifest},
        ),
    }
    for name, (template, values) in pages.items():
        html = _ENV.get_template(template).render(**common, **values)
        (root / name).write_text(html, encoding="utf-8")
    return root / "index.html"


def _index(section_paths: list[Path], manifest: dict, checks: list[Check]) -> dict:
    """The index page's values: sections by title, the checks' tally, unreviewed texts."""
    titles = section_titles(section_paths)
    passed = sum(c.passed for c in checks)
    return {
        "page_title": "Bản thẩm định",
        "sections": [
            {"title": titles[p.stem], "name": p.name, "file": f"{p.stem}.html"}
            for p in section_paths
        ],
        "passed": passed,
        "failed": len(checks) - passed,
        "files": [
            {"href": h, "label": label, "name": h.removeprefix("../")} for h, label in EDITION_FILES
        ],
        "unreviewed": manifest.get("unreviewed", []),
    }


def section_titles(section_paths: list[Path]) -> dict[str, str]:
    """``{section name: title}``: what a reviewer calls each section (plain JSON, no validation)."""
    return {
        p.stem: wording.section_title(json.loads(p.read_text(encoding="utf-8")), p.stem)
        for p in section_paths
    }
