"""params/ files are merged and validated before anything runs.

Whatever a careless or hostile editor does to a params file, ``check`` and
``build`` report it as one problem naming the file and the line to edit, the
rule and the fix: never a traceback, never a text silently lost.
"""

import codecs
import datetime as dt
import shutil
from pathlib import Path

import pytest

from reportbook import ConfigError, resolve
from reportbook.errors import ParamsFileError
from reportbook.inputs.preflight import params_problems
from reportbook.params import load_params
from reportbook.paths import Project
from reportbook.sections import discover
from tests.faults import bad_input

ROOT = Path(__file__).resolve().parents[1]
ANNUAL = resolve(2023, "annual")
SECTIONS = discover(ROOT / "notebooks")
COMMON, PERIOD_FILE = "params/common.yaml", "params/2023/annual.yaml"


@pytest.fixture
def params_dir(tmp_path):
    target = tmp_path / "params"
    shutil.copytree(ROOT / "params", target)
    return target


def test_the_shipped_2023_annual_params_load():
    result = load_params(ROOT / "params", ANNUAL)
    assert result.organisation.symbol == "SLĐTBXH"
    assert result.signer.name == "Võ Thanh Quang"
    assert result.report.date is None
    assert len(result.lists["difficulties"]) == 4


def test_a_period_file_overrides_common_values(params_dir):
    (params_dir / "2023" / "annual.yaml").write_text(
        "signer:\n  title: GIÁM ĐỐC\n  name: Nguyễn Văn A\nreport:\n  date: 15/12/2023\n",
        encoding="utf-8",
    )
    result = load_params(params_dir, ANNUAL)
    assert result.signer.name == "Nguyễn Văn A"
    assert result.report.date == dt.date(2023, 12, 15)
    assert result.organisation.name == "Sở Lao động - Thương binh và Xã hội"


def test_an_unknown_key_is_rejected_with_its_location(params_dir):
    path = params_dir / "2023" / "annual.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\nsigner_name: X\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="signer_name: Extra inputs are not permitted"):
        load_params(params_dir, ANNUAL)


def test_a_period_without_params_says_which_file_to_create(params_dir):
    with pytest.raises(ConfigError, match=r"2025/q3\.yaml: no params for quý III năm 2025"):
        load_params(params_dir, resolve(2025, "q3"))


def test_malformed_yaml_names_the_file_and_line(params_dir):
    (params_dir / "2023" / "annual.yaml").write_text("lists: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"params/2023/annual\.yaml, line 1: not valid YAML"):
        load_params(params_dir, ANNUAL)


def test_both_damaged_files_are_reported_together(params_dir):
    (params_dir / "common.yaml").write_text("", encoding="utf-8")
    (params_dir / "2023" / "annual.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ParamsFileError) as err:
        load_params(params_dir, ANNUAL)
    assert [(f.file, f.line) for f in err.value.faults] == [(COMMON, None), (PERIOD_FILE, 1)]


# -- what a params file may not contain --------------------------------------------------


def _after(anchor: str, extra: str):
    """An edit inserting ``extra`` after the line holding ``anchor``; the new line's number."""

    def edit(text: str) -> bytes:
        at = text.index("\n", text.index(anchor)) + 1
        return (text[:at] + extra + text[at:]).encode("utf-8")

    def line(text: str) -> int:
        return text[: text.index("\n", text.index(anchor)) + 1].count("\n") + 1

    return edit, line


def _append(extra: str):
    return (lambda text: (text + extra).encode("utf-8"), lambda text: text.count("\n") + 1)


def _replace(old: str, new: str):
    return (
        lambda text: text.replace(old, new, 1).encode("utf-8"),
        lambda text: text[: text.index(old)].count("\n") + 1,
    )


def _bytes(data: bytes, line: int | None = 1):
    return (lambda text: data, lambda text: line)


def _encoded(codec: str, line: int | None = 1):
    return (lambda text: text.encode(codec, errors="replace"), lambda text: line)


def _cut_mid_character():
    """An edit cutting the file inside a two-byte character, as a full disk or a copy can."""

    def cut(text: str) -> bytes:
        data = text.encode("utf-8")
        return data[: next(i for i in range(len(data) // 2, len(data)) if data[i] >= 0xC0) + 1]

    return cut, lambda text: cut(text).count(b"\n") + 1


# "Billion laughs": 1 kB that a plain YAML reader expands to 9 * 8 ** 8 strings (gigabytes).
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
    for p, c in zip("abcdefgh", "bcdefghi", strict=True)
)

# (id, file, (edit, expected line), what the message must say)
CASES = [
    (
        "duplicate top-level key",
        PERIOD_FILE,
        _append("lists:\n  directions: []\n"),
        "key 'lists' appears twice",
    ),
    (
        "duplicate nested key",
        COMMON,
        _after("  kind_symbol: BC", "  kind: BIÊN BẢN\n"),
        "key 'kind' appears twice",
    ),
    (
        "duplicate key three levels deep",
        PERIOD_FILE,
        _after("    late_note:", "    late_note: x\n"),
        "key 'late_note' appears twice",
    ),
    (
        "duplicate key once quoted",
        COMMON,
        _after("  name: Võ Thanh Quang", '  "name": Nguyễn Văn A\n'),
        "key 'name' appears twice",
    ),
    ("duplicate text key", COMMON, _append("  closing: Hết.\n"), "key 'closing' appears twice"),
    ("billion laughs", PERIOD_FILE, _append(LAUGHS), "anchors and aliases"),
    ("one alias", COMMON, _append("guidance_copy: *x\n"), "anchors and aliases"),
    ("merge key", PERIOD_FILE, _after("report:", "  <<: {kind: X}\n"), "merge keys"),
    (
        "python tag",
        PERIOD_FILE,
        _append("guidance: !!python/object/apply:os.system [id]\n"),
        "tag '!!python/object/apply:os.system'",
    ),
    ("binary tag", PERIOD_FILE, _append("guidance: !!binary aGVsbG8=\n"), "tag '!!binary'"),
    ("custom tag", COMMON, _append("guidance: !include secrets.yaml\n"), "tag '!include'"),
    (
        "tab indentation",
        PERIOD_FILE,
        _replace("  number: null", "\tnumber: null"),
        "a tab indents this line",
    ),
    (
        "legacy code page cp1258",
        PERIOD_FILE,
        _encoded("cp1258", 1),
        "saved in a legacy Vietnamese code page",
    ),
    ("UTF-16 with BOM", COMMON, _encoded("utf-16"), "is saved as UTF-16"),
    ("UTF-16 without BOM", PERIOD_FILE, _encoded("utf-16-le"), "is saved as UTF-16"),
    ("UTF-32", COMMON, _encoded("utf-32"), "is saved as UTF-16 or UTF-32"),
    ("binary garbage", PERIOD_FILE, _bytes(bytes(range(256)) * 8, line=2), "is binary data"),
    ("cut off mid-character", COMMON, _cut_mid_character(), "the file was cut off"),
    (
        "cut off mid-text",
        PERIOD_FILE,
        (
            lambda t: t[: t.index(" chưa theo dõi")].encode(),
            lambda t: t.count("\n", 0, t.index(" chưa theo dõi")) + 1,
        ),
        "does not end with a line break, so it may have been cut off",
    ),
    (
        "control character",
        COMMON,
        _replace("Sở Nội vụ", "Sở Nội\x07 vụ"),
        "invisible character U+0007",
    ),
    (
        "bidirectional override",
        PERIOD_FILE,
        _replace("Chưa có nhiều", "Chưa có \u202enhiều"),
        "bidirectional control",
    ),
    (
        "old Mac line endings",
        PERIOD_FILE,
        (lambda t: t.replace("\n", "\r").encode(), lambda t: 1),
        "carriage return",
    ),
    ("NUL byte", COMMON, _replace("GIÁM ĐỐC", "GIÁM\0ĐỐC"), "U+0000"),
    (
        "top level is a list",
        PERIOD_FILE,
        _bytes(b"- signer\n- report\n"),
        "must be a mapping of keys to values",
    ),
    ("top level is text", COMMON, _bytes(b"just some text\n"), "not a single value"),
    ("emptied common.yaml", COMMON, _bytes(b"", None), "is empty"),
    ("comments only", PERIOD_FILE, _bytes(b"# texts to come\n\n", None), "is empty"),
    ("second document", PERIOD_FILE, _append("---\nreport: {}\n"), "second YAML document"),
    ("unclosed bracket", COMMON, _after("recipients:", "  - [unclosed\n"), "not valid YAML"),
    (
        "colon in unquoted text",
        PERIOD_FILE,
        _append("guidance: Số: 535/SNV\n"),
        "put quotes around text",
    ),
    (
        "impossible date",
        PERIOD_FILE,
        _replace("date: null", "date: 2023-13-45"),
        "'2023-13-45' cannot be read",
    ),
    (
        "number of 5000 digits",
        PERIOD_FILE,
        _replace("number: null", "number: " + "9" * 5000),
        "cannot be read",
    ),
    (
        "nested 40 deep",
        COMMON,
        _append("deep: " + "[" * 40 + "]" * 40 + "\n"),
        "nested more than 10 levels",
    ),
    ("a key that is a list", COMMON, _append("? [a, b]\n: x\n"), "a key must be a plain name"),
    (
        "larger than 1 MB",
        PERIOD_FILE,
        (lambda t: (t + "# " + "x" * 1_100_000 + "\n").encode(), lambda t: None),
        "at most 1,000,000 bytes",
    ),
]


@pytest.mark.parametrize("name,file,change,message", CASES, ids=[c[0] for c in CASES])
def test_a_damaged_params_file_is_one_problem_at_its_file_and_line(
    params_dir, name, file, change, message
):
    edit, line = change
    path = params_dir.parent / file
    text = path.read_text(encoding="utf-8")
    path.write_bytes(edit(text))
    problems = params_problems(Project(params_dir.parent), ANNUAL, SECTIONS)
    found = [(p.file, p.row, p.rule) for p in problems]
    clear = len(problems) == 1 and found[0][:2] == (file, line(text)) and message in found[0][2]
    bad_input(clear)
    assert len(problems) == 1, found
    assert found[0][:2] == (file, line(text)) and message in found[0][2], found


def test_a_params_file_that_is_a_folder_or_missing_is_named(params_dir):
    (params_dir / "common.yaml").unlink()
    (params_dir / "common.yaml").mkdir()
    folder = params_problems(Project(params_dir.parent), ANNUAL, SECTIONS)
    (params_dir / "common.yaml").rmdir()
    missing = params_problems(Project(params_dir.parent), ANNUAL, SECTIONS)
    for problems, rule in ((folder, "is a folder, not a file"), (missing, "file not found")):
        bad_input(len(problems) == 1 and problems[0].file == COMMON)
        assert [(p.file, p.rule.split(";")[0]) for p in problems] == [(COMMON, rule)]


# -- keys and values that parse but are wrong ----------------------------------------------

# (id, file, (old, new), the text of the line the problem must name, key, message)
WRONG_VALUES = [
    (
        "shared key deleted",
        COMMON,
        ("signer:\n  title: GIÁM ĐỐC\n  name: Võ Thanh Quang\n", ""),
        None,
        "signer",
        "Field required",
    ),
    (
        "recipients as one text",
        COMMON,
        ('recipients:\n  - Sở Nội vụ\n  - "Lưu: VT"\n', "recipients: Sở Nội vụ\n"),
        "recipients: Sở",
        "recipients",
        "write a list here",
    ),
    (
        "a text written as a list",
        COMMON,
        ('  no_tasks: "', '  no_tasks:\n    - "'),
        '    - "',
        "texts.no_tasks",
        "write text here",
    ),
    (
        "date as dd-mm-yyyy",
        PERIOD_FILE,
        ("date: null", "date: 15-12-2023"),
        "date: 15-12-2023",
        "report.date",
        "dd/mm/yyyy",
    ),
    (
        "misspelt model key",
        PERIOD_FILE,
        ("  number: null", "  numbr: null"),
        "numbr",
        "report.numbr",
        "check its spelling",
    ),
    (
        "misspelt text key",
        COMMON,
        ("  closing: |", "  closng: |"),
        "    Trên đây là báo cáo",
        "texts.closng",
        "did you mean 'closing'?",
    ),
    (
        "a unit without its intro",
        COMMON,
        ("    intro: Trung tâm Dịch vụ việc làm\n", ""),
        "    dossiers: hồ sơ bảo hiểm",
        "units.TTDVVL.intro",
        "Field required",
    ),
    (
        "a number where a name goes",
        COMMON,
        ("  name: Võ Thanh Quang", "  name: 12"),
        "  name: 12",
        "signer.name",
        "in quotes if it looks like a number",
    ),
]


@pytest.mark.parametrize(
    "name,file,change,anchor,key,message", WRONG_VALUES, ids=[c[0] for c in WRONG_VALUES]
)
def test_a_wrong_key_or_value_names_file_line_key_and_what_to_write(
    params_dir, name, file, change, anchor, key, message
):
    path = params_dir.parent / file
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    text = text.replace(change[0], change[1], 1)
    path.write_text(text, encoding="utf-8")
    line = text[: text.index(anchor)].count("\n") + 1 if anchor else None
    problems = [
        p
        for p in params_problems(Project(params_dir.parent), ANNUAL, SECTIONS)
        if p.column == key or not p.column.startswith(("texts.", "lists."))
    ]  # (a text deleted is also reported as missing where a section renders it)
    found = [(p.file, p.row, p.column) for p in problems]
    clear = found == [(file, line, key)] and message in problems[0].rule
    bad_input(clear)
    assert found == [(file, line, key)] and message in problems[0].rule, problems


def test_a_missing_shared_key_is_blamed_on_common_yaml_not_the_period_file(params_dir):
    common = params_dir / "common.yaml"
    common.write_text(common.read_text(encoding="utf-8").split("\ntexts:\n")[0], encoding="utf-8")
    problems = params_problems(Project(params_dir.parent), ANNUAL, SECTIONS)
    bad_input(bool(problems) and {p.file for p in problems} == {COMMON})
    assert problems and {p.file for p in problems} == {COMMON}
    assert {p.column for p in problems} >= {"texts.basis", "texts.closing"}


# -- what a params file may contain -------------------------------------------------------


def test_a_utf8_byte_order_mark_and_windows_line_endings_are_fine(params_dir):
    for path in (params_dir / "common.yaml", params_dir / "2023" / "annual.yaml"):
        text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
        path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert load_params(params_dir, ANNUAL) == load_params(ROOT / "params", ANNUAL)
    assert params_problems(Project(params_dir.parent), ANNUAL, SECTIONS) == []


def test_a_number_with_leading_zeros_stays_as_written(params_dir):
    path = params_dir / "2023" / "annual.yaml"
    text = path.read_text(encoding="utf-8").replace("number: null", "number: 012")
    path.write_text(text, encoding="utf-8")
    assert load_params(params_dir, ANNUAL).report.number == "012"  # not octal 10


def test_the_same_key_in_both_files_is_an_override_not_a_duplicate(params_dir):
    path = params_dir / "2023" / "annual.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "recipients:\n  - Sở Nội vụ\n", encoding="utf-8"
    )
    assert load_params(params_dir, ANNUAL).recipients == ["Sở Nội vụ"]


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
