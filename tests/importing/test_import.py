"""An import reads an export's own headings and labels, checks it like `check`, merges once."""

import datetime as dt
import os
import shutil
import unicodedata

import openpyxl
import pytest

from reportbook.errors import DataError, InputError
from reportbook.importing.command import import_exports
from reportbook.importing.exports import fold
from reportbook.importing.history import undo
from tests.conftest import ROOT

EXPORTS = ROOT / "examples" / "exports"
HEADINGS = [
    "Mã hồ sơ",
    "Tên thủ tục",
    "Lĩnh vực",
    "Đơn vị tiếp nhận",
    "Hình thức nộp",
    "Ngày tiếp nhận",
    "Ngày hẹn trả",
    "Ngày có kết quả",
    "Trạng thái",
]
FOREIGN_WORKER = "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"
PVHCC = "Trung tâm Phục vụ hành chính công"


@pytest.fixture
def data(tmp_path):
    """The shipped data/ with a small dossiers.csv (the first 300 dossiers of 2021)."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    lines = (folder / "dossiers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "dossiers.csv").write_text("".join(lines[:301]), encoding="utf-8")
    return folder


def export(path, rows, headings=HEADINGS, sheet="Hồ sơ"):
    book = openpyxl.Workbook()
    book.active.title = sheet
    book.active.append(headings)
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def dossier(number, status="Đang xử lý", done=None, **change):
    row = dict(
        zip(
            HEADINGS,
            [
                f"000.00.21.H53-240301-{number:04d}",
                FOREIGN_WORKER,
                "Việc làm",
                PVHCC,
                "Trực tuyến",
                dt.datetime(2024, 3, 1, 8, 15),
                dt.datetime(2024, 3, 20, 17, 0),
                done,
                status,
            ],
            strict=True,
        )
    )
    row.update(change)
    return list(row.values())


def test_headings_and_labels_are_compared_without_case_diacritics_or_spacing():
    nfd = unicodedata.normalize("NFD", "Mã hồ sơ")  # as some exports write Vietnamese
    variants = ["Mã hồ sơ", "MÃ HỒ SƠ", "Ma ho so", "  Mã  hồ_sơ ", "Mã hồ sơ:", nfd]
    assert {fold(v) for v in variants} == {"ma ho so"}
    assert fold("Đã trả kết quả") == fold("ĐÃ TRẢ KẾT QUẢ") == "da tra ket qua"


def test_an_export_adds_new_dossiers_and_a_later_overlapping_one_updates_them(data, tmp_path):
    first = export(tmp_path / "march.xlsx", [dossier(1), dossier(2)])
    later = export(
        tmp_path / "april.xlsx",
        [
            dossier(2, "Đã trả kết quả", dt.datetime(2024, 3, 12, 9, 30)),
            dossier(3),
        ],
    )
    assert import_exports(data, "dossiers", [first]).exports[0][2].values() == (2, 0, 0, 0)
    result = import_exports(data, "dossiers", [later])
    assert result.exports[0][2].values() == (1, 1, 0, 0)  # added, updated, unchanged, kept
    rows = (data / "dossiers.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-3:] == [
        "000.00.21.H53-240301-0001,LDTBXH-VL-09,Việc làm,PVHCC,truc_tuyen,01/03/2024,20/03/2024,,",
        "000.00.21.H53-240301-0002,LDTBXH-VL-09,Việc làm,PVHCC,truc_tuyen,01/03/2024,20/03/2024,"
        "12/03/2024,giai_quyet",
        "000.00.21.H53-240301-0003,LDTBXH-VL-09,Việc làm,PVHCC,truc_tuyen,01/03/2024,20/03/2024,,",
    ]
    assert len(rows) == 1 + 300 + 3  # nothing duplicated


def test_the_procedure_is_the_one_of_that_name_in_force_on_the_day_of_receipt(data, tmp_path):
    # the foreign-worker procedures were replaced on 19/03/2024 and kept their names
    before = dossier(1, **{"Ngày tiếp nhận": "18/03/2024", "Ngày hẹn trả": "25/03/2024"})
    after = dossier(2, **{"Ngày tiếp nhận": "19/03/2024", "Ngày hẹn trả": "26/03/2024"})
    import_exports(data, "dossiers", [export(tmp_path / "e.xlsx", [before, after])])
    rows = (data / "dossiers.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[1] for r in rows[-2:]] == ["LDTBXH-VL-09", "LDTBXH-VL-26"]


def test_an_older_export_imported_late_does_not_reopen_a_closed_dossier(data, tmp_path):
    closed = export(tmp_path / "new.xlsx", [dossier(1, "Đã trả kết quả", "12/03/2024")])
    older = export(tmp_path / "old.xlsx", [dossier(1)])
    import_exports(data, "dossiers", [closed])
    before = (data / "dossiers.csv").read_bytes()
    result = import_exports(data, "dossiers", [older])
    assert result.exports[0][2].kept_closed == 1 and result.entry is None
    assert (data / "dossiers.csv").read_bytes() == before


def test_every_problem_names_the_export_its_row_and_heading_and_nothing_is_imported(data, tmp_path):
    bad = export(
        tmp_path / "bad.xlsx",
        [
            dossier(1, "Đã hủy"),
            dossier(2, **{"Tên thủ tục": "Không có thủ tục này"}),
            dossier(3, **{"Ngày tiếp nhận": "31/02/2024"}),
            dossier(4, "Đã trả kết quả"),
            dossier(4),
            dossier(5, **{"Lĩnh vực": "Người có công"}),
        ],
    )
    before = (data / "dossiers.csv").read_bytes()
    with pytest.raises(InputError) as caught:
        import_exports(data, "dossiers", [bad])
    found = {(p.file, p.sheet, p.row, p.column, p.value) for p in caught.value.problems}
    assert found == {
        ("bad.xlsx", "Hồ sơ", 2, "Trạng thái", "Đã hủy"),
        ("bad.xlsx", "Hồ sơ", 3, "Tên thủ tục", "Không có thủ tục này"),
        ("bad.xlsx", "Hồ sơ", 4, "Ngày tiếp nhận", "31/02/2024"),
        ("bad.xlsx", "Hồ sơ", 5, "Trạng thái", "Đã trả kết quả"),
        ("bad.xlsx", "Hồ sơ", 6, "Mã hồ sơ", "000.00.21.H53-240301-0004"),
        ("bad.xlsx", "Hồ sơ", 7, "Lĩnh vực", "Người có công"),
    }
    rules = "\n".join(str(p) for p in caught.value.problems)
    # the rules and messages of `reportbook check`, at the export's row and heading
    assert "row 4, column 'Ngày tiếp nhận': '31/02/2024' is not a date dd/mm/yyyy" in rules
    assert "row 6, column 'Mã hồ sơ': '000.00.21.H53-240301-0004' is a duplicate id" in rules
    assert "'Đã hủy' is not a known outcome label" in rules
    assert (data / "dossiers.csv").read_bytes() == before
    assert not (data / ".history").exists()


@pytest.mark.parametrize("name", ["", "   ", '=VLOOKUP(A2,"Thủ tục",2)'])
def test_a_procedure_name_that_reads_empty_is_a_problem_not_a_dossier_without_procedure(
    data, tmp_path, name
):
    # a formula the export does not store a value for reads as empty too
    bad = export(tmp_path / "bad.xlsx", [dossier(1), dossier(2, **{"Tên thủ tục": name})])
    before = (data / "dossiers.csv").read_bytes()
    with pytest.raises(InputError) as caught:
        import_exports(data, "dossiers", [bad])
    rules = [str(p) for p in caught.value.problems]
    assert len(rules) == 1 and "row 3, column 'Tên thủ tục'" in rules[0], rules
    assert "is empty but required" in rules[0]
    assert (data / "dossiers.csv").read_bytes() == before


def test_a_missing_column_is_named_with_the_headings_it_may_have(data, tmp_path):
    headings = [h for h in HEADINGS if h != "Mã hồ sơ"]
    bad = export(tmp_path / "no-id.xlsx", [dossier(1)[1:]], headings=headings)
    with pytest.raises(InputError, match="has no column for dossier_id .*'Mã hồ sơ', 'Số hồ sơ'"):
        import_exports(data, "dossiers", [bad])


def test_a_mapping_file_names_other_headings_and_labels(data, tmp_path):
    headings = ["Số biên nhận", *HEADINGS[1:]]
    other = export(tmp_path / "other.xlsx", [dossier(1, "Đã hủy", "05/03/2024")], headings)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "columns:\n  dossier_id: Số biên nhận\nlabels:\n  outcome:\n    Đã hủy: rut\n",
        encoding="utf-8",
    )
    import_exports(data, "dossiers", [other], mapping)
    last = (data / "dossiers.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert last.endswith(",05/03/2024,rut")


def test_a_wrong_mapping_file_is_named_with_its_line_and_key(data, tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "columns:\n  dossier_id: Số biên nhận\n  colour: Màu\nlabels:\n  outcome:\n"
        "    Đã hủy: huy\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        import_exports(data, "dossiers", [EXPORTS / "dossiers-2021-12.xlsx"], mapping)
    found = {(p.row, p.column) for p in caught.value.problems}
    assert found == {(3, "columns.colour"), (6, "labels.outcome.Đã hủy")}
    assert "line 6, key 'labels.outcome.Đã hủy': 'huy' is not a code" in str(caught.value)


def test_an_import_can_be_undone_and_nothing_is_lost(data, tmp_path):
    shipped = (data / "dossiers.csv").read_bytes()
    import_exports(data, "dossiers", [export(tmp_path / "e.xlsx", [dossier(1)])])
    imported = (data / "dossiers.csv").read_bytes()
    message = undo(data)
    assert "restored dossiers.csv" in message
    assert (data / "dossiers.csv").read_bytes() == shipped
    (entry,) = (data / ".history").iterdir()
    assert (entry / "undone" / "dossiers.csv").read_bytes() == imported
    with pytest.raises(DataError, match="nothing to undo"):
        undo(data)


@pytest.mark.parametrize("kill_at", range(4))
def test_an_undo_killed_at_any_step_leaves_whole_files_and_runs_again(
    data, tmp_path, monkeypatch, kill_at
):
    """Killed inside its copies and renames, an undo leaves the imported or the restored file."""
    from reportbook.importing import history

    shipped = (data / "dossiers.csv").read_bytes()
    import_exports(data, "dossiers", [export(tmp_path / "e.xlsx", [dossier(1)])])
    imported = (data / "dossiers.csv").read_bytes()
    steps = []

    def dying(real):
        def step(*args):
            if len(steps) == kill_at:
                raise KeyboardInterrupt  # the user's Ctrl-C, or a kill, at this step
            steps.append(args)
            return real(*args)

        return step

    monkeypatch.setattr(history.shutil, "copy2", dying(shutil.copy2))
    monkeypatch.setattr(history.os, "replace", dying(os.replace))
    with pytest.raises(KeyboardInterrupt):
        undo(data)
    assert (data / "dossiers.csv").read_bytes() in (shipped, imported)
    monkeypatch.undo()
    undo(data)
    assert (data / "dossiers.csv").read_bytes() == shipped
    (entry,) = (data / ".history").iterdir()
    assert (entry / "undone" / "dossiers.csv").read_bytes() == imported


def test_undo_refuses_when_the_file_was_edited_after_the_import(data, tmp_path):
    import_exports(data, "dossiers", [export(tmp_path / "e.xlsx", [dossier(1)])])
    with open(data / "dossiers.csv", "a", encoding="utf-8") as handle:
        handle.write("hand-typed,LDTBXH-VL-26,Việc làm,PVHCC,truc_tuyen,01/03/2024,20/03/2024,,\n")
    with pytest.raises(DataError, match="changed since the import .* nothing was undone"):
        undo(data)


def test_new_documents_get_the_next_ids_and_are_listed_for_tagging(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    lines = (data / "documents.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "/2024," not in line]  # the register before 2024
    (data / "documents.csv").write_text("".join(kept), encoding="utf-8")
    result = import_exports(data, "documents", [EXPORTS / "documents-2024.xlsx"])
    added = result.exports[0][2].added
    assert added == len(lines) - len(kept) and len(result.untagged) == added
    rows = (data / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert rows[-1].startswith("VB1066,6362/VP-VX,Công văn,03/12/2024,VPUBND,,")
    assert rows[-1].endswith(",,import")  # no cchc_areas yet; imported, not seed or sample
    assert import_exports(data, "documents", [EXPORTS / "documents-2024.xlsx"]).entry is None


def test_the_command_line_prints_the_counts_and_exits_2_on_a_broken_export(
    data, tmp_path, monkeypatch, capsys
):
    from reportbook.cli import main

    monkeypatch.setenv("REPORTBOOK_ROOT", str(data.parent))
    for name in ("params", "notebooks"):
        (data.parent / name).mkdir()
    good = export(tmp_path / "good.xlsx", [dossier(1), dossier(2)])
    assert main(["import", "dossiers", str(good)]) == 0
    out = capsys.readouterr().err
    assert "good.xlsx, sheet 'Hồ sơ': 2 record(s): 2 added, 0 updated, 0 unchanged" in out
    assert "(undo: reportbook import --undo)" in out
    bad = export(tmp_path / "bad.xlsx", [dossier(3, "Đã hủy")])
    assert main(["import", "dossiers", str(bad)]) == 2
    assert (
        "bad.xlsx, sheet 'Hồ sơ', row 2, column 'Trạng thái': 'Đã hủy'" in capsys.readouterr().err
    )
    assert main(["import", "--undo"]) == 0
    assert "restored dossiers.csv" in capsys.readouterr().err
