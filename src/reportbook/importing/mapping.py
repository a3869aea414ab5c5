"""An analyst's mapping file: the headings and labels of *their* system's export.

Built-in aliases cover the common spellings (:mod:`reportbook.importing.exports`);
a province whose system writes "Số biên nhận" for the dossier number, or
"Đã hủy" for a withdrawn dossier, says so in a small YAML file passed with
``--mapping``::

    columns:            # field: the export's heading (or a list of headings)
      dossier_id: Số biên nhận
    labels:             # field: {export label: code}; null = still open
      outcome:
        Đã hủy: rut
        Chờ bổ sung: null
    defaults:           # columns the export lacks, for new records only
      source: import

Headings given here replace the built-in aliases of that field; labels are
added to the built-in ones (and win over them). Every problem names the
mapping file, its line and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import InputError
from ..inputs.problems import Problem, report
from ..inputs.schema import TABLES
from .exports import OPEN, ExportKind, vocabulary_labels

SECTIONS = ("columns", "labels", "defaults")


@dataclass
class Mapping:
    """Overrides read from a mapping file (empty without one)."""

    columns: dict[str, tuple[str, ...]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)


class _Reader:
    """Walks the YAML nodes so each problem can name its line."""

    def __init__(self, path: Path, kind: ExportKind, vocab: dict):
        self.path, self.kind, self.vocab = path, kind, vocab
        self.problems: list[Problem] = []
        self.mapping = Mapping()

    def problem(self, node: yaml.Node, key: str | None, value: object, rule: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(str(self.path), line, key, value, rule, row_word="line"))

    def read(self, root: yaml.Node | None) -> None:
        if root is None:
            return
        if not isinstance(root, yaml.MappingNode):
            self.problem(root, None, None, f"must map {', '.join(SECTIONS)} to their entries")
            return
        for key_node, value in root.value:
            name = key_node.value
            if name not in SECTIONS:
                self.problem(key_node, name, None, f"is not a section; use {', '.join(SECTIONS)}")
            elif not isinstance(value, yaml.MappingNode):
                self.problem(value, name, None, "must map names to values")
            else:
                getattr(self, f"_{name}")(value)

    def _columns(self, node: yaml.MappingNode) -> None:
        known = sorted(self.kind.headings)
        for key_node, value in node.value:
            name = key_node.value
            if name not in self.kind.headings:
                rule = f"is not a field of a {self.kind.table} export (fields: {', '.join(known)})"
                self.problem(key_node, f"columns.{name}", None, rule)
                continue
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            headings = [i.value for i in items if isinstance(i, yaml.ScalarNode) and i.value]
            if len(headings) != len(items) or not headings:
                self.problem(value, f"columns.{name}", None, "must be a heading or a list of them")
                continue
            self.mapping.columns[name] = tuple(headings)

    def _labels(self, node: yaml.MappingNode) -> None:
        for key_node, value in node.value:
            name = key_node.value
            if name not in self.kind.label_fields:
                fields = ", ".join(self.kind.label_fields)
                self.problem(key_node, f"labels.{name}", None, f"has no labels (fields: {fields})")
            elif not isinstance(value, yaml.MappingNode):
                self.problem(value, f"labels.{name}", None, "must map export labels to codes")
            else:
                self.mapping.labels[name] = self._codes(name, value)

    def _codes(self, name: str, node: yaml.MappingNode) -> dict[str, str]:
        allowed = set(vocabulary_labels(self.kind.vocabularies.get(name, ""), self.vocab).values())
        codes: dict[str, str] = {}
        for label_node, code_node in node.value:
            code = "" if code_node.tag.endswith(":null") else str(code_node.value)
            where = f"labels.{name}.{label_node.value}"
            if code == OPEN and name != "outcome":
                self.problem(code_node, where, None, "needs a code (only an outcome may be null)")
            elif code != OPEN and allowed and code not in allowed:
                vocabulary, codes_allowed = self.kind.vocabularies[name], ", ".join(sorted(allowed))
                rule = f"is not a code of vocabulary {vocabulary!r} (allowed: {codes_allowed})"
                self.problem(code_node, where, code, rule)
            else:
                codes[str(label_node.value)] = code
        return codes

    def _defaults(self, node: yaml.MappingNode) -> None:
        table = TABLES[self.kind.table]
        for key_node, value in node.value:
            name = key_node.value
            if name not in table.column_names:
                columns = ", ".join(table.column_names)
                self.problem(key_node, f"defaults.{name}", None, f"is not a column ({columns})")
            elif not isinstance(value, yaml.ScalarNode):
                self.problem(value, f"defaults.{name}", None, "must be one value")
            else:
                self.mapping.defaults[name] = str(value.value)


def load_mapping(path: Path | None, kind: ExportKind, vocab: dict) -> Mapping:
    """Read ``path`` (None: no overrides); raise InputError listing every problem."""
    if path is None:
        return Mapping()
    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: mapping file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a valid YAML mapping file: {exc}") from None
    reader = _Reader(Path(path), kind, vocab)
    reader.read(root)
    if reader.problems:
        raise InputError(
            f"{path}: the mapping file is not valid; nothing was imported:\n"
            f"{report(reader.problems)}",
            problems=reader.problems,
        )
    return reader.mapping
