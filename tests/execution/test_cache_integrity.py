"""A cache entry is used only while it has the hash recorded when it was stored."""

from __future__ import annotations

import json

from reportbook.execution.cache import Cache
from reportbook.execution.run import unfinished


def _cache(tmp_path, warnings):
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "data" / "a.csv").write_text("x\n1\n", encoding="utf-8")
    return Cache(tmp_path / "cache", root, warn=warnings.append), root


def test_an_intact_section_entry_is_found(tmp_path):
    warnings = []
    cache, root = _cache(tmp_path, warnings)
    executed = tmp_path / "run.ipynb"
    executed.write_text('{"cells": []}', encoding="utf-8")
    cache.store("04-x", "k1", executed, {"files": [str(root / "data" / "a.csv")], "values": {}})
    assert cache.lookup("04-x", "k1") is not None and warnings == []


def test_an_edited_section_entry_is_discarded_and_reported(tmp_path):
    warnings = []
    cache, root = _cache(tmp_path, warnings)
    executed = tmp_path / "run.ipynb"
    executed.write_text('{"cells": []}', encoding="utf-8")
    cache.store("04-x", "k1", executed, {"files": [], "values": {}})
    stored = next((tmp_path / "cache").rglob("k1.ipynb"))
    stored.write_text('{"cells": [], "forged": 1}', encoding="utf-8")
    assert cache.lookup("04-x", "k1") is None
    assert not stored.exists()
    assert warnings and "section 04-x was damaged" in warnings[0]


def test_an_entry_from_an_older_format_without_its_hash_is_a_miss(tmp_path):
    cache, _ = _cache(tmp_path, [])
    folder = tmp_path / "cache" / "sections" / "04-x"
    folder.mkdir(parents=True)
    (folder / "k1.json").write_text(json.dumps({"files": {}, "values": {}}), encoding="utf-8")
    (folder / "k1.ipynb").write_text("{}", encoding="utf-8")
    assert cache.lookup("04-x", "k1") is None


def test_a_render_entry_with_a_changed_file_is_discarded(tmp_path):
    warnings = []
    cache, _ = _cache(tmp_path, warnings)
    page = tmp_path / "report.html"
    page.write_text("<p>1.234</p>", encoding="utf-8")
    cache.store_rendered("r1", [page])
    assert cache.rendered("r1", ["report.html"]) is not None
    (tmp_path / "cache" / "render" / "r1" / "report.html").write_bytes(b"garbage!!")
    assert cache.rendered("r1", ["report.html"]) is None
    assert not (tmp_path / "cache" / "render" / "r1").exists() and warnings


def _executed(tmp_path, cells):
    path = tmp_path / "x.ipynb"
    path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
    return path


def _code(status="completed", count=1, outputs=()):
    return {
        "cell_type": "code",
        "execution_count": count,
        "outputs": list(outputs),
        "metadata": {"papermill": {"status": status}},
    }


def test_a_section_is_complete_only_when_every_code_cell_ran_without_error(tmp_path):
    assert unfinished(_executed(tmp_path, [_code(), {"cell_type": "markdown"}, _code()])) is None
    pending = unfinished(_executed(tmp_path, [_code(), _code(status="pending", count=None)]))
    assert pending == "cell 1 did not run (papermill status: pending)"
    error = {"output_type": "error", "ename": "SystemExit", "evalue": "0"}
    assert unfinished(_executed(tmp_path, [_code(outputs=[error])])) == (
        "cell 0 has an error output (SystemExit: 0)"
    )
