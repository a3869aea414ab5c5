"""`reportbook verify` reads an edition's manifest.json, which anyone can edit or damage.

Whatever happened to it, verify names the file and the key that is missing
or wrong (or the line where its JSON breaks) and stops with exit 2, before
re-running anything: never a KeyError or AttributeError traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportbook.archive.verify import read_manifest
from reportbook.errors import EditionError
from tests.conftest import copy_project
from tests.faults import bad_input

GOOD = {
    "parameters": {"year": 2023, "period": "annual"},
    "label": "năm 2023",
    "inputs": {"data/dossiers.csv": "ab12", "params/common.yaml": "cd34"},
    "outputs": {"report.html": "ef56", "sections/00-mo-dau.ipynb": "0a1b"},
    "results": {"00-mo-dau: table 1 «x»": "9f"},
}


def _without(key: str) -> bytes:
    return json.dumps({k: v for k, v in GOOD.items() if k != key}).encode()


def _with(key: str, value) -> bytes:
    return json.dumps({**GOOD, key: value}).encode()


def _text() -> str:
    return json.dumps(GOOD, ensure_ascii=False, indent=2)


@pytest.fixture
def edition(tmp_path):
    folder = tmp_path / "outputs" / "2023" / "annual"
    folder.mkdir(parents=True)
    return folder


def test_a_whole_manifest_is_read(edition):
    (edition / "manifest.json").write_text(_text(), encoding="utf-8")
    assert read_manifest(edition) == GOOD


# (id, the manifest's bytes, what the message must say)
CASES = [
    ("emptied", b"", "manifest.json: is empty"),
    ("cut off", _text().encode()[:60], "manifest.json, line 4: ends before its JSON is complete"),
    ("binary garbage", bytes(range(256)) * 4, "is binary data"),
    ("legacy code page", _text().encode("cp1258"), "legacy Vietnamese code page"),
    ("a list", b"[]", "manifest.json: must be a JSON object, not a list"),
    ("a number", b"42", "must be a JSON object, not a number"),
    ("no parameters", _without("parameters"), "has no 'parameters' (the year and period"),
    ("no inputs", _without("inputs"), "has no 'inputs' (the hash of every input file)"),
    ("no outputs", _without("outputs"), "has no 'outputs' (the hash of every output file)"),
    ("outputs a list", _with("outputs", ["report.html"]), "'outputs' (the hash of every output"),
    ("results a list", _with("results", []), "'results' must be an object, not a list"),
    ("year not a year", _with("parameters", {"year": [1], "period": "annual"}), "year must be"),
    ("unknown period", _with("parameters", {"year": 2023, "period": "q5"}), "'parameters':"),
    ("input outside", _with("inputs", {"../../etc/passwd": "x"}), "'../../etc/passwd'"),
    ("absolute input", _with("inputs", {"/etc/passwd": "x"}), "not a file under data/"),
    ("output outside", _with("outputs", {"../annual.old/x": "y"}), "not a file inside"),
    ("hash not text", _with("outputs", {"report.html": 5}), "'report.html': 5"),
    ("not JSON at all", b"parameters: {}\n", "manifest.json, line 1: is not valid JSON"),
]


@pytest.mark.parametrize("name,content,message", CASES, ids=[c[0] for c in CASES])
def test_a_damaged_manifest_is_named_with_the_key_or_line(edition, name, content, message):
    (edition / "manifest.json").write_bytes(content)
    with pytest.raises(EditionError) as err:
        read_manifest(edition)
    text = str(err.value)
    bad_input(str(edition / "manifest.json") in text and message in text)
    assert str(edition / "manifest.json") in text and message in text, text
    assert "backup" in text or "save it again as UTF-8" in text  # it cannot be rebuilt


def test_an_edition_without_a_manifest_is_not_an_edition(edition):
    with pytest.raises(EditionError, match="is not an edition: it has no manifest.json"):
        read_manifest(edition)


def test_the_cli_names_the_manifest_and_the_missing_key(tmp_path, edition):
    project = copy_project(tmp_path)
    (edition / "manifest.json").write_bytes(_without("outputs"))
    result = subprocess.run(
        [sys.executable, "-m", "reportbook", "verify", str(edition)],
        cwd=project.root,
        env={**os.environ, "REPORTBOOK_ROOT": str(project.root)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    bad_input(result.returncode == 2 and "has no 'outputs'" in result.stderr)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{edition / 'manifest.json'}: has no 'outputs'" in " ".join(result.stderr.split())
    assert not (Path(tmp_path) / "outputs" / ".cache").exists()  # nothing was re-run
