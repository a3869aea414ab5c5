"""``reportbook import``: read exports, check them, merge them into data/, keep what they replace.

``reportbook import dossiers A.xlsx [B.xlsx ...] [--mapping FILE.yaml]`` (or
``documents``) checks every export first and imports nothing if any breaks a
rule; then merges them in the order given, writes the data file once (as
CSV) and keeps the file it replaced under ``data/.history/``. When nothing
changes nothing is written, so importing the same exports again leaves
data/ byte for byte as it was. ``reportbook import --undo`` puts back the
file the newest import replaced.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError, InputError, ParameterError
from .exports import KINDS

if TYPE_CHECKING:
    import pandas as pd
    from rich.console import Console

    from ..inputs.tabular import RawTable
    from .convert import Converted
    from .exports import ExportKind
    from .mapping import Mapping
    from .merge import Counts


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The ``import`` subcommand's arguments."""
    sub = commands.add_parser(
        "import", help="merge exports (xlsx/csv) of dossiers or documents into data/"
    )
    sub.add_argument("table", nargs="?", choices=sorted(KINDS), help="what the export holds")
    sub.add_argument("files", nargs="*", metavar="FILE", help="exports, merged in this order")
    sub.add_argument("--mapping", metavar="FILE.yaml", help="headings and labels of your system")
    sub.add_argument(
        "--undo", action="store_true", help="restore the file the newest import replaced"
    )


def run(args: argparse.Namespace, console: Console) -> int:
    """Import the exports the command line names, or undo the last import."""
    from ..paths import Project

    data_dir = Project.locate().data
    if args.undo:
        if args.table or args.files or args.mapping:
            raise ParameterError("--undo takes no table, export or mapping; it undoes the last")
        from .history import undo

        console.print(undo(data_dir), highlight=False, markup=False, soft_wrap=True)
        return 0
    if not args.table or not args.files:
        raise ParameterError("name what to import: reportbook import dossiers FILE.xlsx [...]")
    mapping = Path(args.mapping) if args.mapping else None
    result = import_exports(data_dir, args.table, [Path(f) for f in args.files], mapping)
    for line in result.lines():
        console.print(line, highlight=False, markup=False, soft_wrap=True)
    return 0


@dataclass
class Imported:
    """What an import did: counts per export and in all, and where the old file is kept."""

    target: Path
    exports: list[tuple[str, int, Counts]]  # (export as named in messages, records, counts)
    records: int  # in the data file afterwards
    entry: Path | None = None  # the history entry (None: nothing changed, nothing written)
    created: bool = False  # there was no data file before
    untagged: list[str] = field(default_factory=list)  # new documents without cchc_areas

    def lines(self) -> list[str]:
        out = [f"{name}: {n} record(s): {_counts(c)}" for name, n, c in self.exports]
        from .merge import Counts

        total = sum((c for _, _, c in self.exports), start=Counts())
        if self.entry is None:
            out.append(f"{self.target}: unchanged ({_counts(total)}); nothing written")
            return out
        out.append(f"{self.target}: {_counts(total)}; {self.records} record(s)")
        kept = "it did not exist before" if self.created else "the file it replaced is kept"
        out.append(f"{kept}: see {self.entry}/ (undo: reportbook import --undo)")
        if self.untagged:
            out.append(
                f"{len(self.untagged)} new document(s) have no cchc_areas "
                f"({', '.join(self.untagged)}): tag the ones a report cites in {self.target}"
            )
        return out


def _counts(counts: Counts) -> str:
    text = f"{counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged"
    if counts.kept_closed:
        text += (
            f", {counts.kept_closed} left closed (closed in the data, still open in an "
            f"older export)"
        )
    return text


def import_exports(
    data_dir: Path, table: str, files: list[Path], mapping_path: Path | None = None
) -> Imported:
    """Check every export, merge them in order into data/<table>.csv, keep the replaced file."""
    from ..inputs.loading import load_vocabularies
    from ..inputs.tabular import read_table
    from .convert import defaults
    from .mapping import load_mapping

    kind = KINDS[table]
    vocab = load_vocabularies(data_dir)
    mapping = load_mapping(mapping_path, kind, vocab)
    procedures = read_table(data_dir, "procedures") if table == "dossiers" else None
    values = defaults(kind, mapping)
    converted = _checked([read_export(path) for path in files], kind, vocab, mapping, procedures)
    previous, merged = _existing(data_dir, table)
    existing_ids = set(merged["doc_id"]) if table == "documents" else set()
    exports = []
    from .merge import merge

    for conv in converted:
        merged, counts = merge(merged, conv.records.frame, kind, values)
        exports.append((_named(conv.raw), len(conv.records.frame), counts))
    target = data_dir / f"{table}.csv"
    result = Imported(target, exports, len(merged), created=previous is None)
    if any(c.changed for _, _, c in exports):
        result.entry = _write(target, previous, merged, files, exports)
        if table == "documents":
            new = merged[~merged["doc_id"].isin(existing_ids)]
            result.untagged = list(new.loc[new["cchc_areas"] == "", "doc_id"])
    return result


def _named(raw: RawTable) -> str:
    return raw.path.name + (f", sheet {raw.sheet!r}" if raw.sheet else "")


def _checked(
    raws: list[RawTable],
    kind: ExportKind,
    vocab: dict,
    mapping: Mapping,
    procedures: RawTable | None,
) -> list[Converted]:
    """Every export converted; InputError listing all problems of all of them, if any."""
    from ..inputs.problems import report
    from . import checking
    from .convert import convert, defaults

    converted, problems = [], []
    for raw in raws:
        conv = convert(raw, kind, mapping, vocab, procedures)
        problems += checking.problems(conv, kind, vocab, procedures, defaults(kind, mapping))
        converted.append(conv)
    if problems:
        raise InputError(
            f"the export(s) break {len(problems)} rule(s); nothing was imported, data/ is "
            f"unchanged:\n{report(problems)}",
            problems=problems,
        )
    return converted


def read_export(path: Path) -> RawTable:
    """Read an export like a data file (text cells, the sheet's row numbers), named as given."""
    from ..inputs.tabular import EXTENSIONS, read_table

    if not path.is_file():
        raise DataError(f"{path}: export not found", path=path)
    if path.suffix.lower() not in EXTENSIONS:
        raise DataError(f"{path}: an export must be an Excel workbook (.xlsx) or a CSV file")
    with tempfile.TemporaryDirectory(prefix="reportbook-import-") as tmp:
        # Alone in a folder: read_table finds <stem>.csv or .xlsx, and no sibling interferes.
        link = Path(tmp) / f"export{path.suffix.lower()}"
        link.symlink_to(path.resolve())
        raw = read_table(Path(tmp), "export")
    raw.path = path
    return raw


def _existing(data_dir: Path, table: str) -> tuple[Path | None, pd.DataFrame]:
    """The current data file (None if there is none) and its text cells."""
    import pandas as pd

    from ..inputs.schema import TABLES
    from ..inputs.tabular import EXTENSIONS, read_table

    if (data_dir / f"{table}.parquet").is_file():
        raise DataError(
            f"{data_dir / table}.parquet holds the {table} at province scale; import writes "
            f"{table}.csv, so convert the Parquet file back to CSV first"
        )
    present = [
        data_dir / f"{table}{ext}" for ext in EXTENSIONS if (data_dir / f"{table}{ext}").is_file()
    ]
    if not present:
        return None, pd.DataFrame(columns=TABLES[table].column_names, dtype=str)
    raw = read_table(data_dir, table)  # both .csv and .xlsx: its message says to keep one
    return raw.path, raw.frame


def _write(
    target: Path,
    previous: Path | None,
    merged: pd.DataFrame,
    files: list[Path],
    exports: list[tuple[str, int, Counts]],
) -> Path:
    from ..archive.manifest import sha256
    from .history import replace_file
    from .merge import write_csv

    names = ("added", "updated", "unchanged", "kept_closed")
    record = {
        "command": f"reportbook import {target.stem}",
        "exports": [
            {
                "file": str(path),
                "sha256": sha256(path),
                "counts": dict(zip(names, counts.values(), strict=True)),
            }
            for path, (_, _, counts) in zip(files, exports, strict=True)
        ],
    }
    return replace_file(target, previous, lambda path: write_csv(merged, path), record)
