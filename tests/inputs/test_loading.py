"""Data files are read as typed frames; every broken rule is named with its place."""

import unicodedata

import pytest

from reportbook import DataError
from reportbook.inputs.loading import load_table
from reportbook.inputs.schema import DOSSIERS, TRAINING

VOCAB = {
    "units": {"PVHCC": "", "TTDVVL": ""},
    "channels": {"truc_tuyen": "", "truc_tiep": "", "buu_chinh": ""},
    "outcomes": {"giai_quyet": "", "tra_lai": "", "rut": ""},
    "fields": {"Việc làm": "VL"},
    "training_kinds": {"cu_di_hoc": ""},
    "sources": {"seed": "", "sample": ""},
}
HEADER = "dossier_id,procedure_code,field,unit,channel,received_on,due_on,resolved_on,outcome\n"


def _write(tmp_path, body, name="dossiers.csv", header=HEADER):
    (tmp_path / name).write_text(header + body, encoding="utf-8")
    return tmp_path


def test_dates_in_both_formats_become_timestamps(tmp_path):
    _write(tmp_path, "D1,P1,Việc làm,PVHCC,truc_tiep,15/12/2022,2022-12-20,,\n")
    result = load_table(tmp_path, DOSSIERS, VOCAB)
    assert str(result.loc[0, "received_on"].date()) == "2022-12-15"
    assert str(result.loc[0, "due_on"].date()) == "2022-12-20"
    assert result["resolved_on"].isna().all()


def test_a_bad_date_names_file_row_column_value_and_rule(tmp_path):
    _write(
        tmp_path,
        "D1,P1,Việc làm,PVHCC,truc_tiep,15/12/2022,20/12/2022,,\n"
        "D2,P1,Việc làm,PVHCC,truc_tiep,31/02/2023,20/12/2022,,\n",
    )
    with pytest.raises(
        DataError, match=r"dossiers\.csv, row 3, column 'received_on': '31/02/2023' is not a date"
    ) as err:
        load_table(tmp_path, DOSSIERS, VOCAB)
    assert (err.value.row, err.value.column) == (3, "received_on")


def test_every_problem_is_reported_at_once(tmp_path):
    _write(
        tmp_path,
        "D1,P1,Việc làm,XX,fax,yesterday,20/12/2022,,done\n"
        "D1,P1,Việc làm,PVHCC,truc_tiep,15/12/2022,20/12/2022,,\n",
    )
    with pytest.raises(DataError) as err:
        load_table(tmp_path, DOSSIERS, VOCAB)
    message = str(err.value)
    assert "6 problem(s)" in message
    for expected in (
        "column 'outcome': 'done' must be given exactly when resolved_on is",
        "column 'unit': 'XX' is not in vocabulary 'units'",
        "column 'channel': 'fax'",
        "column 'received_on': 'yesterday'",
        "column 'outcome': 'done'",
        "row 3, column 'dossier_id': 'D1' is a duplicate id",
    ):
        assert expected in message


def test_a_missing_column_lists_the_expected_ones(tmp_path):
    _write(tmp_path, "D1,P1\n", header="dossier_id,procedure_code\n")
    with pytest.raises(DataError, match="missing column.*field, unit, channel"):
        load_table(tmp_path, DOSSIERS, VOCAB)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataError, match=r"dossiers\.csv: file not found"):
        load_table(tmp_path, DOSSIERS, VOCAB)


def test_required_cells_must_not_be_empty(tmp_path):
    _write(tmp_path, "D1,P1,Việc làm,PVHCC,,15/12/2022,20/12/2022,,\n")
    with pytest.raises(DataError, match="row 2, column 'channel': '' is empty but required"):
        load_table(tmp_path, DOSSIERS, VOCAB)


def test_decomposed_vietnamese_matches_the_vocabulary(tmp_path):
    field = unicodedata.normalize("NFD", "Việc làm")
    _write(tmp_path, f"D1,P1,{field},PVHCC,truc_tiep,15/12/2022,20/12/2022,,\n")
    result = load_table(tmp_path, DOSSIERS, VOCAB)
    assert result.loc[0, "field"] == "Việc làm"


def test_empty_optional_text_stays_empty(tmp_path):
    header = "record_id,staff_id,kind,course,date,source\n"
    _write(tmp_path, "T1,S1,cu_di_hoc,,10/03/2023,seed\n", name="training.csv", header=header)
    result = load_table(tmp_path, TRAINING, VOCAB)
    assert result.loc[0, "course"] == ""
