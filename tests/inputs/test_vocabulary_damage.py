"""data/vocabularies.yaml is read by the params files' strict rules (``yamlfiles``).

A damaged vocabulary file is one problem naming it and the line, not a
traceback and not a hundred thousand data rows blamed for codes it lost.
(A file cut exactly at a line break is valid YAML; naming the vocabularies
it lost is the data checks' work.)
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reportbook.inputs.loading import Dataset, load_vocabularies
from tests.faults import bad_input

ROOT = Path(__file__).resolve().parents[2]
SHOWN = "data/vocabularies.yaml"


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copy(ROOT / "data" / "vocabularies.yaml", folder / "vocabularies.yaml")
    return folder


def _text() -> str:
    return (ROOT / "data" / "vocabularies.yaml").read_text(encoding="utf-8")


def _line_of(fragment: str) -> int:
    text = _text()
    return text[: text.index(fragment)].count("\n") + 1


def _cut_at(fragment: str) -> bytes:
    text = _text()
    return text[: text.index(fragment)].encode("utf-8")


# (id, the file's new bytes, what the message must say, with its line)
CASES = [
    ("emptied", lambda: b"", f"{SHOWN}: is empty"),
    (
        "cut off",
        lambda: _cut_at(" hành chính nhà nước"),
        f"{SHOWN}, line {_line_of(' hành chính nhà nước')}: does not end with a line break",
    ),
    ("legacy code page", lambda: _text().encode("cp1258", "replace"), "legacy Vietnamese"),
    ("UTF-16", lambda: _text().encode("utf-16"), f"{SHOWN}, line 1: is saved as UTF-16"),
    ("binary garbage", lambda: bytes(range(256)) * 4, "is binary data"),
    ("a list", lambda: b"- units\n- channels\n", f"{SHOWN}, line 1: must be a mapping"),
    (
        "vocabulary twice",
        lambda: (_text() + "channels:\n  fax: Fax\n").encode(),
        f"line {_text().count(chr(10)) + 1}: key 'channels' appears twice in the same "
        f"mapping (first on line {_line_of('channels:')})",
    ),
    (
        "code twice",
        lambda: _text().replace("  rut: Rút hồ sơ\n", "  rut: Rút hồ sơ\n  rut: Rút\n").encode(),
        f"line {_line_of('  rut:') + 1}: key 'rut' appears twice",
    ),
    (
        "tab",
        lambda: _text().replace("  PVHCC:", "\tPVHCC:").encode(),
        f"line {_line_of('  PVHCC:')}: a tab indents",
    ),
    ("alias", lambda: (_text() + "copy: *units\n").encode(), "anchors and aliases"),
    ("tag", lambda: (_text() + "x: !!python/name:os.system\n").encode(), "tag '!!python/name"),
]


@pytest.mark.parametrize("name,content,message", CASES, ids=[c[0] for c in CASES])
def test_a_damaged_vocabulary_file_is_one_problem_naming_it(data, name, content, message):
    (data / "vocabularies.yaml").write_bytes(content())
    problems = Dataset(data).problems()
    clear = len(problems) == 1 and message in problems[0].rule
    bad_input(clear)
    assert len(problems) == 1 and message in problems[0].rule, problems


def test_the_shipped_vocabularies_read_as_before():
    vocab = load_vocabularies(ROOT / "data")
    assert vocab["legacy_levels"]["2"] == "Mức độ 2"  # numeric codes are text, as before
    assert vocab["channels"]["truc_tuyen"] == "Trực tuyến"
