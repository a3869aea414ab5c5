"""Fuzz: thousands of damaged params files, each accepted or reported at its file and line.

Hypothesis mutates the shipped params/common.yaml and params/2023/annual.yaml
the ways people and hostile editors do (duplicate keys, aliases, tags, tabs,
deleted and moved lines, wrong values and types, odd Unicode, cut-off files,
legacy code pages and UTF-16) and checks what ``check`` says about each:

- never a traceback, never a hang (each file is judged within seconds), and
  memory stays bounded over the whole run;
- every problem names one of the two params files and a line; only a key
  that is absent or a file that is empty has no line to name;
- a harmless edit (a comment, a blank line, a UTF-8 byte-order mark, Windows
  line endings) is accepted and yields exactly the params of the clean files.

Reproducible: derandomized, no example database; the size is chosen to run in
well under 30 s on a 2-core machine.
"""

from __future__ import annotations

import codecs
import re
import resource
import shutil
import signal
import tempfile
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportbook import resolve
from reportbook.inputs import preflight
from reportbook.inputs.contracts import uses
from reportbook.params import load_params
from reportbook.paths import Project
from reportbook.sections import discover

ROOT = Path(__file__).resolve().parents[1]
ANNUAL = resolve(2023, "annual")
SECTIONS = discover(ROOT / "notebooks")
FILES = ("params/common.yaml", "params/2023/annual.yaml")
CLEAN = {name: (ROOT / name).read_text(encoding="utf-8") for name in FILES}
EXAMPLES = 2000
NO_LINE = ("is empty", "Field required", "is missing")  # nothing there to point at

_KEY = re.compile(r"^( *)([A-Za-z_]\w*):( +)(\S.*)?$")
_FRAGMENTS = [
    "[]", "{}", "null", "~", "12", "012", "0x1F", "1_000", "1:20", "yes", "no", "2.5e3",
    "2023-13-45", "2023-12-15", "'quoted'", '"unterminated', "[a, [b, {c: d}]]", "*nowhere",
    "&anchor x", "!!str x", "!!binary aGk=", "!include x.yaml", "|", ">-", "- item", "? x",
    ": x", "%YAML 1.1", "@x", "`x`", "a: b: c", "{a: 1, a: 2}", "'it''s'", "#", " #x", "9" * 5000,
]  # fmt: skip
_ODD = ["\0", "\x07", "\x1b", "\x7f", "\x85", "\xa0", "\u200b", "\u0301", "\u2028", "\u202e",
        "\ufeff", "\ufffe", "\U0001f600", "中", "\t", "\r", "𝕏"]  # fmt: skip
LAUGHS = "\nlol1: &a [x, x, x, x, x, x, x, x]\nlol2: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"


# -- edits of a file's lines: each returns (lines, harmless) -------------------------------


def _margin_spots(lines: list[str]) -> list[int]:
    """Where a line may be inserted outside any text: before a line at the left margin."""
    return [i for i, line in enumerate(lines) if line[:1].isalpha() or line[:1] == "#"] + [
        len(lines)
    ]


def _comment(draw, lines):
    at = draw(st.sampled_from(_margin_spots(lines)))
    note = draw(st.text(st.characters(exclude_categories=("C", "Z")), max_size=12))
    return lines[:at] + [f"# {note}\n"] + lines[at:], True


def _blank(draw, lines):
    at = draw(st.sampled_from(_margin_spots(lines)))
    return lines[:at] + ["\n"] + lines[at:], True


def _key_lines(lines):
    return [i for i, line in enumerate(lines) if _KEY.match(line.rstrip("\r\n"))] or [0]


def _duplicate_key(draw, lines):
    i = draw(st.sampled_from(_key_lines(lines)))
    return lines[: i + 1] + lines[i : i + 1] + lines[i + 1 :], False


def _delete(draw, lines):
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    return lines[:i] + lines[i + draw(st.integers(1, 6)) :], False


def _move(draw, lines):
    i, j = draw(st.integers(0, len(lines))), draw(st.integers(0, len(lines)))
    moved = lines[i : i + 1]
    rest = lines[:i] + lines[i + 1 :]
    return rest[:j] + moved + rest[j:], False


def _indent(draw, lines):
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    line = lines[i] if lines else ""
    change = draw(st.sampled_from([" ", "  ", "\t", "-", "DEDENT", "TAB"]))
    if change == "DEDENT":
        line = line[1:] if line.startswith(" ") else line
    elif change == "TAB":
        line = re.sub(r"^ +", "\t", line)
    else:
        line = change + line
    return lines[:i] + [line] + lines[i + 1 :], False


def _value(draw, lines):
    i = draw(st.sampled_from(_key_lines(lines)))
    match = _KEY.match(lines[i].rstrip("\r\n")) if lines else None
    if not match:
        return lines, False
    fragment = draw(st.sampled_from(_FRAGMENTS))
    return lines[:i] + [f"{match[1]}{match[2]}: {fragment}\n"] + lines[i + 1 :], False


def _alias(draw, lines):
    i = draw(st.sampled_from(_key_lines(lines)))
    match = _KEY.match(lines[i].rstrip("\r\n")) if lines else None
    if not match or not match[4]:
        return lines + [LAUGHS], False
    anchored = f"{match[1]}{match[2]}: &v {match[4]}\n"
    return lines[:i] + [anchored] + lines[i + 1 :] + ["copied: *v\n"], False


def _odd_character(draw, lines):
    text = "".join(lines)
    at = draw(st.integers(0, len(text)))
    odd = draw(st.one_of(st.sampled_from(_ODD), st.characters(codec="utf-8")))
    return (text[:at] + odd + text[at:]).splitlines(keepends=True), False


def _truncate(draw, lines):
    text = "".join(lines)
    return text[: draw(st.integers(0, len(text)))].splitlines(keepends=True), False


def _structure(draw, lines):
    choice = draw(st.sampled_from(["- ", "LIST", "SCALAR", "EMPTY", "DOCS", "FLOW"]))
    text = "".join(lines)
    text = {
        "- ": "- " + text,
        "LIST": "- a\n- b\n",
        "SCALAR": "just text\n",
        "EMPTY": "",
        "DOCS": text + "---\n" + text,
        "FLOW": "{" + text,
    }[choice]
    return text.splitlines(keepends=True), False


EDITS = [_comment, _blank, _comment, _duplicate_key, _delete, _move, _indent, _value, _value,
         _alias, _odd_character, _truncate, _structure]  # fmt: skip


# -- how the file is saved: (bytes, harmless) ------------------------------------------------


def _saved(draw, text: str) -> tuple[bytes, bool]:
    how = draw(st.sampled_from(["utf-8"] * 6 + ["bom", "crlf", "cp1258", "utf-16", "utf-32",
                                                "latin-1", "flip", "cut"]))  # fmt: skip
    data = text.encode("utf-8", "surrogatepass")
    if how in ("utf-8", "bom", "crlf"):
        prefix = codecs.BOM_UTF8 if how == "bom" else b""
        return prefix + (data.replace(b"\n", b"\r\n") if how == "crlf" else data), True
    if how in ("cp1258", "utf-16", "utf-32", "latin-1"):
        return text.encode(how, "replace"), False
    at = draw(st.integers(0, max(len(data) - 1, 0)))
    if how == "cut":
        return data[:at], False
    return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :], False


@st.composite
def damaged_params(draw):
    """(file, its new bytes, whether the edit cannot change what the params yield)."""
    name = draw(st.sampled_from(FILES))
    lines, harmless = CLEAN[name].splitlines(keepends=True), True
    for _ in range(draw(st.integers(1, 3))):
        lines, ok = draw(st.sampled_from(EDITS))(draw, lines)
        harmless &= ok
    data, ok = _saved(draw, "".join(lines))
    return name, data, harmless and ok


# -- the property ------------------------------------------------------------------------


@contextmanager
def _within(seconds: float):
    """Fail (rather than hang the suite) when a file takes longer than ``seconds``."""

    def _timeout(*_args):
        raise TimeoutError(f"a params file took more than {seconds} s to judge")

    previous = signal.signal(signal.SIGALRM, _timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _judge(project: Project, name: str, data: bytes, harmless: bool, clean) -> None:
    for other in FILES:
        (project.root / other).write_text(CLEAN[other], encoding="utf-8")
    (project.root / name).write_bytes(data)
    with _within(5):
        problems = preflight.params_problems(project, ANNUAL, SECTIONS)
    for problem in problems:
        assert problem.file in FILES, problem
        assert problem.row is not None or problem.rule.startswith(NO_LINE), problem
    if harmless:
        assert problems == []
        assert load_params(project.params, ANNUAL) == clean
    elif not problems:
        load_params(project.params, ANNUAL)  # accepted by check: loads for the build too


@cache
def _template_syntax(template: str) -> None:
    preflight.texts._ENV.parse(template)  # raises TemplateSyntaxError, which is not cached


def test_thousands_of_damaged_params_files_are_accepted_or_named_at_file_and_line():
    root = Path(tempfile.mkdtemp(prefix="reportbook-fuzz-"))
    shutil.copytree(ROOT / "params", root / "params")
    project, clean = Project(root), load_params(ROOT / "params", ANNUAL)
    needed = uses(SECTIONS)  # the notebooks do not change: read their keys once
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(damaged_params())
    def fuzz(case):
        _judge(project, *case, clean)

    try:
        with (
            mock.patch.object(preflight, "uses", lambda sections: needed),
            mock.patch.object(preflight.texts, "parse", _template_syntax),
        ):
            fuzz()
    finally:
        shutil.rmtree(root)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 200, f"peak memory grew by {grown_mb:.0f} MB"
