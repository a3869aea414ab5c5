"""A draft edition cannot be made final; the refusal names the texts still to review."""

import json

import pytest

from reportbook.archive import edition as archive
from reportbook.archive.manifest import sha256
from reportbook.errors import EditionError


def _edition(folder, **manifest):
    """A complete stand-in edition whose manifest lists its one output."""
    folder.mkdir(parents=True)
    (folder / "report.html").write_text("<p>DỰ THẢO</p>", encoding="utf-8")
    outputs = {"report.html": sha256(folder / "report.html")}
    record = {"parameters": {"year": 2024, "period": "q3"}, "outputs": outputs, **manifest}
    (folder / "manifest.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


UNREVIEWED = [
    {"key": "lists.difficulties", "file": "params/2024/q3.yaml", "line": 20},
    {"key": "lists.directions", "file": "params/2024/q3.yaml", "line": 24},
]


def test_finalize_refuses_a_draft_and_lists_what_remains(tmp_path):
    edition = _edition(tmp_path / "2024" / "q3", draft=True, unreviewed=UNREVIEWED)
    with pytest.raises(EditionError) as refused:
        archive.finalize(edition)
    message = str(refused.value)
    assert "is a draft (DỰ THẢO) and cannot be made final: 2 carried-over text(s)" in message
    assert "  lists.difficulties (params/2024/q3.yaml, line 20)" in message
    assert "delete its line under 'carried_over:' in params/2024/q3.yaml" in message
    assert "reportbook build --year 2024 --period q3" in message
    assert not archive.is_final(edition)


def test_finalize_accepts_an_edition_built_with_every_text_reviewed(tmp_path):
    edition = _edition(tmp_path / "2024" / "q3", draft=False, unreviewed=[])
    assert archive.finalize(edition)["final"] is True


def test_an_edition_from_before_drafts_existed_can_still_be_made_final(tmp_path):
    edition = _edition(tmp_path / "2023" / "annual")  # no "draft" key in its manifest
    assert archive.finalize(edition)["final"] is True
