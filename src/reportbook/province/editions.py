"""What a body reported: read from its archived edition, after checking the edition's hashes.

The consolidated report never recomputes a body's figures from its raw data:
a body answers for its own report, and a province holds millions of
dossiers. It reads what the edition recorded — ``manifest.json`` and the
structured payload of every block in ``report.ipynb``
(:data:`reportbook.notebook.blocks.MIME`): the Biểu 06 table's ``values``
(key ``dossiers_by_unit``), the online services by level (key
``services_by_level``), and the document references in its text — and only
after :func:`reportbook.archive.edition.integrity_problems` finds every file
as its manifest (and final.json) recorded it. An edition whose files differ
is *unverified*: it is listed with its problems and none of its figures are
added up.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..archive.edition import integrity_problems, is_final
from ..archive.manifest import MANIFEST, sha256
from ..notebook.blocks import TableKey
from ..periods import Period
from .workspace import Body

FINAL, DRAFT, BUILT, UNVERIFIED, MISSING = "final", "draft", "built", "unverified", "missing"
STATUS_LABELS = {  # as the consolidated report prints them
    FINAL: "Chính thức",
    DRAFT: "Dự thảo",
    BUILT: "Đã lập, chưa chốt",
    UNVERIFIED: "Chưa xác thực",
    MISSING: "Chưa báo cáo",
}
COUNTED = (FINAL, DRAFT, BUILT)  # statuses whose figures are added up
LEVELS = ("toan_trinh", "mot_phan", "thong_tin")
# A reference as reportbook.stats.documents.reference writes it, and " của" when the
# citation names another issuer: "Kế hoạch số 72/KH-SLĐTBXH ngày 28/12/2022 của ...".
REFERENCE = re.compile(
    r"(?P<type>[A-ZĐ][\wđ]*(?: [\wđ]+)?) số (?P<number>[^\s,;]+?) "
    r"ngày (?P<day>\d{2}/\d{2}/\d{4})(?P<other> của)?"
)


@dataclass
class Reported:
    """One body's report for the period, as the consolidated report uses it."""

    body: Body
    name: str
    status: str
    edition: Path
    problems: list[str] = field(default_factory=list)
    dossiers: dict[str, int] | None = None  # Biểu 06, the body's total row
    services: dict[str, int] | None = None  # procedures in force per Decree 42 level
    documents: int | None = None  # distinct documents its report cites
    own_documents: int | None = None  # of which the body issued
    manifest_sha256: str | None = None

    @property
    def counted(self) -> bool:
        return self.status in COUNTED

    def source(self) -> dict:
        """What the consolidated manifest records of this body's edition."""
        return {
            "body": self.body.id,
            "name": self.name,
            "status": self.status,
            "edition": str(self.edition),
            "manifest_sha256": self.manifest_sha256,
            "problems": self.problems,
        }


def read_edition(body: Body, period: Period) -> Reported:
    """The body's edition for ``period``: missing, unverified, or its recorded figures."""
    edition = body.edition(period.year, period.code)
    name = _declared_name(body)
    if not (edition / MANIFEST).is_file():
        return Reported(body, name, MISSING, edition)
    problems = integrity_problems(edition)
    if problems:
        return Reported(body, name, UNVERIFIED, edition, problems=problems)
    manifest = json.loads((edition / MANIFEST).read_text(encoding="utf-8"))
    organisation = manifest.get("params", {}).get("organisation", {})
    status = DRAFT if manifest.get("draft") is True else FINAL if is_final(edition) else BUILT
    reported = Reported(body, organisation.get("name", name), status, edition)
    reported.manifest_sha256 = sha256(edition / MANIFEST)
    _read_figures(reported, edition / "report.ipynb", organisation.get("symbol", ""))
    return reported


def _declared_name(body: Body) -> str:
    """The body's name from its params (for a body that has not reported)."""
    try:
        common = yaml.safe_load((body.project.params / "common.yaml").read_text(encoding="utf-8"))
        return str(common["organisation"]["name"])
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return body.id


def _read_figures(reported: Reported, notebook: Path, symbol: str) -> None:
    """The Biểu 06 total, the services by level and the documents cited, from the payloads."""
    import nbformat

    from ..rendering.recorded import recorded_blocks

    blocks = [block for _, block in recorded_blocks(nbformat.read(notebook, as_version=4))]
    tables = {b.get("key"): b for b in blocks if b["kind"] == "table" and b.get("key")}
    problems = []
    if TableKey.DOSSIERS_BY_UNIT in tables:
        reported.dossiers = dict(tables[TableKey.DOSSIERS_BY_UNIT]["values"]["total"])
    else:
        problems.append(f"{notebook.name}: no table {TableKey.DOSSIERS_BY_UNIT.value!r}")
    if TableKey.SERVICES_BY_LEVEL in tables:
        levels = tables[TableKey.SERVICES_BY_LEVEL]["values"]
        reported.services = {k: sum(levels.get(k, {}).values()) for k in LEVELS}
    else:
        problems.append(f"{notebook.name}: no table {TableKey.SERVICES_BY_LEVEL.value!r}")
    texts = " ".join(b.get("text", "") for b in blocks if b["kind"] in ("paragraph", "heading"))
    reported.documents, reported.own_documents = documents_cited(texts, symbol)
    if problems:  # an edition of other notebooks: say what it lacks, add up nothing of it
        reported.status, reported.problems = UNVERIFIED, problems


def documents_cited(text: str, symbol: str) -> tuple[int, int]:
    """Distinct documents referenced in ``text``, and those issued by the body itself.

    A body's own document is cited without "của <issuer>" and carries the
    body's symbol ("68/KH-STP"); a document it drafted for the Provincial
    People's Committee carries the committee's ("116/KH-UBND").
    """
    found: dict[tuple[str, str], bool] = {}
    for match in REFERENCE.finditer(text):
        parts = re.split(r"[/-]", match["number"])
        own = not match["other"] and symbol in parts[1:]
        key = (match["number"], match["day"])
        found[key] = found.get(key, False) or own
    return len(found), sum(found.values())
