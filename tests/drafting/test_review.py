"""Which carried-over texts are unreviewed, where they are, and how to review one."""

import shutil

from reportbook.drafting.review import how_to_review, unreviewed
from reportbook.params import load_params
from reportbook.periods import resolve

from ..conftest import ROOT


def test_each_unreviewed_text_points_at_the_file_and_line_to_read(tmp_path):
    shutil.copytree(ROOT / "params", tmp_path / "params")
    path = tmp_path / "params" / "2023" / "q1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("carried_over:\n  - lists.directions\n" + text, encoding="utf-8")
    period = resolve(2023, "q1")
    lines = path.read_text(encoding="utf-8").splitlines()
    (found,) = unreviewed(load_params(tmp_path / "params", period), tmp_path / "params", period)
    assert (found.key, found.file) == ("lists.directions", "params/2023/q1.yaml")
    assert lines[found.line - 2] == "  directions:"  # the line is the list's first item
    assert found.where == f"params/2023/q1.yaml, line {found.line}"


def test_reviewed_means_deleted_from_carried_over():
    assert how_to_review(resolve(2024, "q3")) == (
        "review each text for quý III năm 2024, then delete its line under "
        "'carried_over:' in params/2024/q3.yaml"
    )


def test_check_says_the_edition_will_be_a_draft(tmp_path, monkeypatch, capsys):
    from reportbook.cli import main

    shutil.copytree(ROOT / "params", tmp_path / "params")
    for name in ("data", "notebooks"):
        (tmp_path / name).symlink_to(ROOT / name)
    path = tmp_path / "params" / "2023" / "q1.yaml"
    path.write_text("carried_over: [lists.directions]\n" + path.read_text("utf-8"), "utf-8")
    monkeypatch.setenv("REPORTBOOK_ROOT", str(tmp_path))
    assert main(["check", "--year", "2023", "--period", "q1"]) == 0
    said = " ".join(capsys.readouterr().err.split())
    assert "its edition will be a draft (DỰ THẢO): not reviewed yet: lists.directions" in said
