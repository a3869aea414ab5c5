"""JupyterLab's stylesheets written once per reviewer edition and linked, not inlined per page.

nbconvert's lab template inlines JupyterLab's stylesheets (about 270 kB)
into every page it writes. The reviewer edition has a page per section, so
an edition carried the same 3,8 MB of CSS fourteen times, and every page
paid for it in template rendering and nbconvert's BeautifulSoup pass.
:class:`LinkedStylesExporter` writes a ``<link>`` to ``../css/<name>``
instead and remembers each stylesheet it linked; :func:`write` puts them
beside the pages, so each page still opens offline from the edition alone.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

import markupsafe
from nbconvert import HTMLExporter
from nbformat.v4 import new_notebook

FOLDER = "css"  # review/css/, a sibling of review/sections/


class LinkedStylesExporter(HTMLExporter):
    """An HTML exporter whose ``include_css`` links the stylesheet instead of inlining it."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.stylesheets: dict[str, str] = {}  # file name in review/css -> its text

    def _init_resources(self, resources: dict | None) -> dict:
        resources = super()._init_resources(resources)
        env = self.environment

        def include_css(name: str) -> markupsafe.Markup:
            file = PurePosixPath(name).name
            source = env.loader.get_source(env, name)[0]
            if self.stylesheets.setdefault(file, source) != source:
                raise ValueError(f"two stylesheets named {file}: {name} and another")
            return markupsafe.Markup(f'<link rel="stylesheet" href="../{FOLDER}/{file}">')

        resources["include_css"] = include_css
        return resources


def write(exporter: LinkedStylesExporter, review_root: Path) -> list[Path]:
    """Write every stylesheet the pages link to ``review_root/css``; return the files."""
    if not exporter.stylesheets:  # nothing rendered yet in this process (pages from the cache)
        exporter.from_notebook_node(new_notebook())
    folder = review_root / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in sorted(exporter.stylesheets.items()):
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
