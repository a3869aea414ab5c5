"""The command line speaks to its users: help for them, each path named once."""

import pytest

from reportbook.cli import main

from .conftest import copy_project


def test_help_says_what_reportbook_does_not_how_the_module_is_built(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Decree 30/2020" in out and "HTML, PDF and Word" in out
    assert "examples:" in out and "--section 04" in out
    assert "parse, call one library function" not in out


def test_build_help_lists_everything_a_build_writes(capsys):
    with pytest.raises(SystemExit):
        main(["build", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    for written in ("report.html", "report.pdf", "report.docx (Word)", "review/", "manifest.json"):
        assert written in out
    assert "even if the cache holds it" in out


def test_a_missing_params_file_is_named_once(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path)
    monkeypatch.setenv("REPORTBOOK_ROOT", str(project.root))
    monkeypatch.chdir(project.root)
    assert main(["check", "--year", "2025", "--period", "q3"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "params/2025/q3.yaml: no params for quý III năm 2025" in err
    assert str(project.root) not in err


def test_messages_piped_into_a_log_are_never_wrapped_mid_sentence(tmp_path, monkeypatch, capsys):
    project = copy_project(tmp_path)
    monkeypatch.setenv("REPORTBOOK_ROOT", str(project.root))
    monkeypatch.setenv("COLUMNS", "40")  # a narrow pipe: rich would wrap at 40
    monkeypatch.chdir(project.root)
    assert main(["check", "--year", "2023", "--period", "q1"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert "inputs for quý I năm 2023 are valid (params, notebooks, data)" in lines
