"""Read the YAML files a person writes (params/, data/vocabularies.yaml) strictly.

A params file is text typed by hand and sometimes by someone who means harm.
Plain ``yaml.safe_load`` accepts things that silently change the report or
exhaust the machine, so this reader refuses them, each with the file, the
line and the fix:

- a key written twice in one mapping (at any depth): safe_load keeps the
  later one and a text disappears from the report without a word;
- anchors, aliases and merge keys (``&a``, ``*a``, ``<<``): an alias can
  expand without bound ("billion laughs": a 1 kB file that needs gigabytes),
  and hand-written texts never need them;
- tags (``!!python/object``, ``!!binary``, ``!custom``): a params file holds
  text, numbers, dates, lists and mappings, nothing else;
- tabs in a line's indentation, control characters, a lone carriage return,
  files that are not UTF-8 (a UTF-8 byte-order mark is fine), files larger
  than :data:`MAX_BYTES` or nested deeper than :data:`MAX_DEPTH`;
- an empty file, more than one document, a top level that is not a mapping;
- a file whose last line has no line break: a file cut off in the middle of a
  text would otherwise silently give a shorter text.

Numbers are read only in their plain decimal form (``12``, ``-3``, ``2.5``):
YAML 1.1 would read ``012`` as octal 10, ``1_000`` as 1000 and ``1:20`` as 80,
so a report number typed ``012`` would silently become ``10``; here they stay
text. Dates (``2023-12-15``) and true/false/null keep their YAML meaning.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import FileFormatError
from .textfiles import read_text, restore

MAX_BYTES = 1_000_000  # the shipped common.yaml is 12 kB
MAX_DEPTH = 10  # params nest 4 deep (units: PVHCC: intro:), vocabularies 3

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 15 times faster
# Characters no hand-written text needs: controls, Unicode line separators, a BOM
# inside the file, a lone CR, and bidirectional controls (invisible in an editor,
# they make the PDF print the rest of a line reversed; data cells refuse them too).
_BIDI = "\u202a-\u202e\u2066-\u2069"
_BAD_CHARACTER = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
    f"|[\u2028\u2029\ufeff{_BIDI}]|\r(?!\n)"
)
_TAB_INDENT = re.compile(r"^ *\t", re.MULTILINE)
_QUOTING = (
    "check the indentation (spaces only) on this line and the one before, and put quotes "
    "around text that contains ': ' or ' #' or starts with - ? : [ ] { } # & * ! | > ' \" % @ `"
)
ALIASES = (
    "YAML anchors and aliases (&name, *name) are not allowed: they can expand without "
    "bound; write the value out in full where it is needed"
)


class _Loader(_Base):
    """Safe loading with unique keys, no merge keys and plain decimal numbers."""

    shown = "?"

    def construct_object(self, node: yaml.Node, deep: bool = False) -> object:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as exc:  # 2023-13-45, a 5000-digit number
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            raise FileFormatError(
                self.shown,
                node.start_mark.line + 1,
                f"{shown!r} cannot be read ({str(exc)[:80]}); put quotes around it to keep it "
                f"as text (dates are written dd/mm/yyyy)",
            ) from None

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict:
        mapping: dict = {}
        first: dict[tuple[type, object], int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                rule = "merge keys ('<<') are not allowed; write the keys out in full"
                raise FileFormatError(self.shown, line, rule)
            if not isinstance(key_node, yaml.ScalarNode):
                rule = "a key must be a plain name, not a list or a mapping"
                raise FileFormatError(self.shown, line, rule)
            key = self.construct_object(key_node, deep=True)
            if (type(key), key) in first:
                raise FileFormatError(
                    self.shown,
                    line,
                    f"key {key_node.value!r} appears twice in the same mapping (first on line "
                    f"{first[type(key), key]}); only one would be used and the other silently "
                    f"lost: delete one or rename it",
                )
            first[type(key), key] = line
            mapping[key] = self.construct_object(value_node, deep=True)
        return mapping


def _plain_numbers() -> None:
    """Resolve only plain decimal numbers as numbers; octal, 1_000, 1:20 stay text."""
    int_tag, float_tag = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
    _Loader.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag not in (int_tag, float_tag)]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    _Loader.add_implicit_resolver(
        int_tag, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
    )
    _Loader.add_implicit_resolver(
        float_tag,
        re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
        list("-+0123456789."),
    )


_plain_numbers()


def load(path: Path, shown: str, *, fix: str | None = None) -> dict:
    """The file's top-level mapping, or FileFormatError naming ``shown``, the line and the fix."""
    fix = fix or restore(shown)
    text = read_text(path, shown, max_bytes=MAX_BYTES, fix=fix)
    if text.strip() and not text.endswith(("\n", "\r")):
        last = text.rsplit("\n", 1)[-1]
        raise FileFormatError(
            shown,
            text.count("\n") + 1,
            f"does not end with a line break, so it may have been cut off (its last line ends "
            f"{last[-40:]!r}); if that is its real end, add a line break after it",
        )
    node = parse(text, shown)
    if node is None:
        raise FileFormatError(shown, None, f"is empty (only blank lines or comments); {fix}")
    if not isinstance(node, yaml.MappingNode):
        what = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        raise FileFormatError(
            shown,
            node.start_mark.line + 1,
            f"must be a mapping of keys to values ('key: value' lines starting at the left "
            f"margin), not {what}",
        )
    loader = _Loader("")
    loader.shown = shown
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


def parse(text: str, shown: str) -> yaml.Node | None:
    """The YAML node tree of ``text`` after every rule but those on keys and values."""
    _check_text(text, shown)
    _check_events(text, shown)
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc, shown) from None
    finally:
        loader.dispose()


def _check_text(text: str, shown: str) -> None:
    bad = _BAD_CHARACTER.search(text)
    if bad:
        line, column = _position(text, bad.start())
        if bad.group() == "\r":
            rule = (
                "has a carriage return (CR) without a line feed (old Mac line endings); "
                "save it with Windows (CRLF) or Unix (LF) line endings"
            )
        elif re.match(f"[{_BIDI}]", bad.group()):
            rule = (
                f"column {column} holds U+{ord(bad.group()):04X}, an invisible bidirectional "
                f"control that makes the PDF print the text reversed: delete it"
            )
        else:
            rule = (
                f"column {column} holds the invisible character U+{ord(bad.group()):04X}, "
                f"which is not allowed in a text file: delete it"
            )
        raise FileFormatError(shown, line, rule)
    tab = _TAB_INDENT.search(text)
    if tab:
        line, _ = _position(text, tab.end() - 1)
        rule = "a tab indents this line; YAML indents with spaces only: replace the tab with spaces"
        raise FileFormatError(shown, line, rule)


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _check_events(text: str, shown: str) -> None:
    """No anchors, aliases, tags or second document, and bounded nesting, before any node."""
    depth = documents = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            documents += isinstance(event, yaml.DocumentStartEvent)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            rule = _event_rule(event, depth, documents)
            if rule:
                raise FileFormatError(shown, event.start_mark.line + 1, rule)
    except yaml.MarkedYAMLError as exc:
        raise _syntax(exc, shown) from None


def _event_rule(event: yaml.Event, depth: int, documents: int) -> str | None:
    """The rule ``event`` breaks, if any."""
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        return ALIASES
    tag = getattr(event, "tag", None)
    if tag is not None and isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
        written = tag.replace("tag:yaml.org,2002:", "!!")
        return (
            f"the YAML tag {written!r} is not allowed: this file holds text, numbers, "
            f"dates, lists and mappings only; remove the tag"
        )
    if depth > MAX_DEPTH:
        return f"is nested more than {MAX_DEPTH} levels deep; check the indentation"
    if documents > 1:
        return "holds a second YAML document ('---'); the file is one document: remove it"
    return None


def _syntax(exc: yaml.MarkedYAMLError, shown: str) -> FileFormatError:
    """A YAML syntax error at its line, with the usual causes and their fix.

    The line is where the reader noticed, except for an unclosed bracket or
    quote, which is named where it opens (the reader notices lines later).
    """
    problem, context = exc.problem or exc.context or "syntax error", exc.context or ""
    at, opened = exc.problem_mark or exc.context_mark, exc.context_mark
    if opened and exc.problem_mark and ("flow" in context or "quoted" in context):
        rule = (
            f"not valid YAML: {context.removeprefix('while ')} that starts here is not "
            f"closed as expected ({problem} on line {at.line + 1}, column {at.column + 1})"
        )
        return FileFormatError(shown, opened.line + 1, f"{rule}; {_QUOTING}")
    if not at:
        return FileFormatError(shown, None, f"not valid YAML: {problem}; {_QUOTING}")
    where = f" ({context} on line {opened.line + 1})" if opened and exc.problem else ""
    rule = f"not valid YAML, column {at.column + 1}: {problem}{where}"
    return FileFormatError(shown, at.line + 1, f"{rule}; {_QUOTING}")
