"""What changed from one edition to another, read from what each edition records.

An edition records every block it shows twice; the structured twin
(:data:`reportbook.notebook.blocks.MIME`) holds a table's unformatted
``values``, a paragraph's text, a figure's caption and picture. Two editions
are compared block by block within each section: tables by their declared
key (else their order), figures one by one, texts as sequences (an inserted
paragraph is "added", not a shift that changes every paragraph after it).
The manifests say how each section was produced and which inputs differ.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EditionError
from ..rendering import wording
from .figures import Figure, documents_cited, table_changes

MANIFEST = "manifest.json"
REPORT = "report.ipynb"
TEXT_KINDS = ("paragraph", "heading", "header", "closing")
DRAWN, REDRAWN = "drawn", "redrawn (its figures differ)"


@dataclass
class Edition:
    """An edition as it records itself: manifest and ``(section, block)`` in report order."""

    path: Path
    manifest: dict
    blocks: list[tuple[str, dict]]

    @property
    def name(self) -> str:
        window = self.manifest.get("window", {})
        label = self.manifest.get("label", "?")
        return f"{self.path} ({label}, {wording.window(window)})"

    def of(self, section: str, kinds: tuple[str, ...]) -> list[dict]:
        return [b for s, b in self.blocks if s == section and b["kind"] in kinds]

    @property
    def sections(self) -> list[str]:
        listed = [s.get("section") for s in self.manifest.get("sections", [])]
        return list(dict.fromkeys([*listed, *(s for s, _ in self.blocks)]))


def read_edition(path: Path) -> Edition:
    """Read an edition folder's manifest.json and report.ipynb (nothing else is trusted)."""
    import nbformat

    from ..rendering.recorded import recorded_blocks

    path = Path(path)
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
        notebook = nbformat.from_dict(json.loads((path / REPORT).read_text(encoding="utf-8")))
        blocks = list(recorded_blocks(notebook))
    except FileNotFoundError as exc:
        raise EditionError(
            f"{path} is not an edition: {Path(exc.filename).name} is missing"
        ) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EditionError(
            f"{path}: cannot be read as an edition ({type(exc).__name__}: {exc})"
        ) from None
    if not isinstance(manifest, dict):
        raise EditionError(f"{path / MANIFEST}: not a JSON object")
    return Edition(path, manifest, blocks)


@dataclass(frozen=True)
class TextChange:
    """A text (paragraph, heading, header, closing, figure) changed, added or removed."""

    section: str
    kind: str  # "text" (its number in the section) or "figure" (its caption)
    label: str
    before: str  # "" when added
    after: str  # "" when removed

    @property
    def what(self) -> str:
        return f"text {self.label}" if self.kind == "text" else f"figure «{self.label}»"


@dataclass(frozen=True)
class SectionRow:
    section: str
    before: str  # "succeeded", "reused (cache)", "—" when absent
    after: str
    code_changed: bool
    changes: int  # figures and texts of this section that changed


@dataclass
class Comparison:
    """Everything that differs between ``before`` and ``after``."""

    before: Edition
    after: Edition
    figures: list[Figure] = field(default_factory=list)
    texts: list[TextChange] = field(default_factory=list)
    added: dict[str, str] = field(default_factory=dict)  # document number -> section
    removed: dict[str, str] = field(default_factory=dict)
    sections: list[SectionRow] = field(default_factory=list)
    inputs: list[tuple[str, str]] = field(default_factory=list)  # (file, edited/new/removed)

    @property
    def counts(self) -> dict[str, int]:
        rerun = sum(1 for s in self.sections if s.after == "succeeded")
        return {
            "figures": len(self.figures),
            "added": len(self.added),
            "removed": len(self.removed),
            "texts": len(self.texts),
            "rerun": rerun,
            "reused": len(self.sections) - rerun,
            "inputs": len(self.inputs),
        }

    @property
    def summary(self) -> str:
        n = self.counts
        return (
            f"{n['figures']} figure(s) changed, {n['added']} document(s) added, "
            f"{n['removed']} removed, {n['texts']} text(s) changed; "
            f"{n['rerun']} section(s) re-run, {n['reused']} reused; "
            f"{n['inputs']} input file(s) differ"
        )


def compare(before: Edition, after: Edition) -> Comparison:
    """Compare two editions section by section."""
    result = Comparison(before, after)
    for section in dict.fromkeys([*before.sections, *after.sections]):
        result.figures += table_changes(
            section, before.of(section, ("table",)), after.of(section, ("table",))
        )
        result.texts += text_changes(section, before, after)
    cited_before, cited_after = documents_cited(before.blocks), documents_cited(after.blocks)
    result.added = {n: s for n, s in cited_after.items() if n not in cited_before}
    result.removed = {n: s for n, s in cited_before.items() if n not in cited_after}
    result.sections = _sections(before, after, result)
    result.inputs = _inputs(before.manifest.get("inputs", {}), after.manifest.get("inputs", {}))
    return result


def text_of(block: dict) -> str:
    """A text block as one line: paragraphs and headings as written, header and closing fields."""
    if block["kind"] in ("paragraph", "heading"):
        return str(block.get("text", ""))
    fields = {k: v for k, v in block.items() if k != "kind"}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True)


def text_changes(section: str, before: Edition, after: Edition) -> list[TextChange]:
    """Changed, added and removed texts of one section, aligned as sequences."""
    a = [text_of(b) for b in before.of(section, TEXT_KINDS)]
    b = [text_of(x) for x in after.of(section, TEXT_KINDS)]
    found = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        old, new = a[i1:i2], b[j1:j2]
        for k in range(max(len(old), len(new))):
            position = (j1 + k + 1) if k < len(new) else (i1 + k + 1)
            before_text = old[k] if k < len(old) else ""
            after_text = new[k] if k < len(new) else ""
            found.append(TextChange(section, "text", str(position), before_text, after_text))
    found += _pictures(section, before, after)
    return found


def _pictures(section: str, before: Edition, after: Edition) -> list[TextChange]:
    """Figures (charts) redrawn, added or removed: their pictures differ."""
    old, new = before.of(section, ("figure",)), after.of(section, ("figure",))
    found = []
    for k in range(max(len(old), len(new))):
        a = old[k] if k < len(old) else None
        b = new[k] if k < len(new) else None
        if a == b:
            continue
        caption = (b if b is not None else a).get("caption", "")
        was = DRAWN if a is not None else ""
        now = (REDRAWN if a is not None else DRAWN) if b is not None else ""
        found.append(TextChange(section, "figure", caption, was, now))
    return found


def _status(entry: dict | None) -> str:
    if entry is None:
        return "—"
    status = entry.get("status", "?")
    return f"{status} ({entry['reused_from']})" if entry.get("reused_from") else status


def _sections(before: Edition, after: Edition, result: Comparison) -> list[SectionRow]:
    runs_a = {s.get("section"): s for s in before.manifest.get("sections", [])}
    runs_b = {s.get("section"): s for s in after.manifest.get("sections", [])}
    code_a = before.manifest.get("notebook_code", {})
    code_b = after.manifest.get("notebook_code", {})
    rows = []
    for section in dict.fromkeys([*after.sections, *before.sections]):
        notebook = f"notebooks/{section}.ipynb"
        changes = sum(f.section == section for f in result.figures)
        changes += sum(t.section == section for t in result.texts)
        rows.append(
            SectionRow(
                section,
                _status(runs_a.get(section)),
                _status(runs_b.get(section)),
                code_a.get(notebook) != code_b.get(notebook),
                changes,
            )
        )
    return rows


def _inputs(before: dict, after: dict) -> list[tuple[str, str]]:
    found = [(n, "edited") for n in after if n in before and before[n] != after[n]]
    found += [(n, "new") for n in after if n not in before]
    found += [(n, "removed") for n in before if n not in after]
    return sorted(found)
