"""Work in a forked child beside the parent's: its files, its failure, its lower priority."""

import os

import pytest

from reportbook import RenderError
from reportbook.rendering.background import CHILD_NICENESS, alongside


def test_the_child_writes_its_files_while_the_parent_works(tmp_path):
    with alongside(lambda: (tmp_path / "child").write_text(str(os.getpid())), "child work"):
        (tmp_path / "parent").write_text(str(os.getpid()))
    assert (tmp_path / "child").read_text() != (tmp_path / "parent").read_text()


def test_a_failing_child_fails_the_block_with_its_message():
    def fail():
        raise ValueError("Biểu 06 không ghi được")

    with pytest.raises(RenderError, match="writing the table failed: ValueError: Biểu 06"):
        with alongside(fail, "writing the table"):
            pass


def test_children_give_way_to_the_parent_whose_work_the_build_waits_for(tmp_path):
    with alongside(lambda: (tmp_path / "nice").write_text(str(os.nice(0))), "child work"):
        pass
    assert int((tmp_path / "nice").read_text()) == min(os.nice(0) + CHILD_NICENESS, 19)


def test_two_children_nested_both_finish_before_the_blocks_end(tmp_path):
    with alongside(lambda: (tmp_path / "word").write_text("docx"), "writing report.docx"):
        with alongside(lambda: (tmp_path / "review").write_text("html"), "the reviewer edition"):
            pass
        assert (tmp_path / "review").read_text() == "html"
    assert (tmp_path / "word").read_text() == "docx"
