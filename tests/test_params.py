"""params/ files are merged and validated before anything runs."""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reportbook import ConfigError, resolve
from reportbook.params import load_params

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def params_dir(tmp_path):
    target = tmp_path / "params"
    shutil.copytree(ROOT / "params", target)
    return target


def test_the_shipped_2023_annual_params_load():
    result = load_params(ROOT / "params", resolve(2023, "annual"))
    assert result.organisation.symbol == "SLĐTBXH"
    assert result.signer.name == "Võ Thanh Quang"
    assert result.report.date is None
    assert len(result.lists["difficulties"]) == 4


def test_a_period_file_overrides_common_values(params_dir):
    (params_dir / "2023" / "annual.yaml").write_text(
        "signer:\n  title: GIÁM ĐỐC\n  name: Nguyễn Văn A\nreport:\n  date: 15/12/2023\n",
        encoding="utf-8",
    )
    result = load_params(params_dir, resolve(2023, "annual"))
    assert result.signer.name == "Nguyễn Văn A"
    assert result.report.date == dt.date(2023, 12, 15)
    assert result.organisation.name == "Sở Lao động - Thương binh và Xã hội"


def test_an_unknown_key_is_rejected_with_its_location(params_dir):
    path = params_dir / "2023" / "annual.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nsigner_name: X\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="signer_name: Extra inputs are not permitted"):
        load_params(params_dir, resolve(2023, "annual"))


def test_a_period_without_params_says_which_file_to_create(params_dir):
    with pytest.raises(ConfigError, match=r"2025/q3\.yaml: no params for quý III năm 2025"):
        load_params(params_dir, resolve(2025, "q3"))


def test_malformed_yaml_names_the_file(params_dir):
    (params_dir / "2023" / "annual.yaml").write_text("lists: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"annual\.yaml: not valid YAML"):
        load_params(params_dir, resolve(2023, "annual"))


def test_carried_over_lists_keys_the_params_set(params_dir):
    path = params_dir / "2023" / "q1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "carried_over:\n  - lists.directions\n  - units.PVHCC.intro\n",
        encoding="utf-8",
    )
    result = load_params(params_dir, resolve(2023, "q1"))
    assert result.carried_over == ["lists.directions", "units.PVHCC.intro"]


def test_a_misspelt_carried_over_key_is_rejected_by_name(params_dir):
    path = params_dir / "2023" / "q1.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "carried_over:\n  - lists.dificulties\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="carried_over: .*'lists.dificulties', which these"):
        load_params(params_dir, resolve(2023, "q1"))


def test_deleting_every_carried_over_line_leaves_nothing_to_review(params_dir):
    path = params_dir / "2023" / "q1.yaml"
    path.write_text("carried_over:\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_params(params_dir, resolve(2023, "q1")).carried_over == []
