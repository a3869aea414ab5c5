"""Per-period texts and the reporting body's configuration, from params/.

``params/common.yaml`` holds what every report of the body shares (who it
is, the sentence templates); ``params/<year>/<period>.yaml`` holds what only a
person can write for that report (its number and date, the difficulties and
directions, the signer and recipients) and may override any shared value.
The merged result is checked by a pydantic model so that a misspelt key or a
missing text fails before any section runs.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from .errors import ConfigError, FileFormatError, ParamsFileError
from .execution import reads
from .inputs import yamlfiles
from .periods import Period

# The keys only a person can write for one report: its number and date, and its
# lists (difficulties, directions). Everything else is shared in common.yaml.
PERIOD_KEYS = ("report", "lists")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Organisation(_Strict):
    """The reporting body; ``code`` is its issuer code in data/vocabularies.yaml."""

    code: str
    name: str
    short_name: str
    symbol: str
    parent: str
    place: str
    province: str


class Signer(_Strict):
    title: str
    name: str
    authority: str | None = None  # "KT. GIÁM ĐỐC" when a deputy signs


class ReportInfo(_Strict):
    """The report's own number and signing date; blank until the registry assigns them."""

    kind: str = "BÁO CÁO"
    kind_symbol: str = "BC"
    subject: str = "Công tác cải cách hành chính"
    number: str | None = None
    date: dt.date | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _parse_date(cls, value: object) -> object:
        if isinstance(value, str) and "/" in value:
            return dt.datetime.strptime(value.strip(), "%d/%m/%Y").date()
        return value

    @field_validator("number", mode="before")
    @classmethod
    def _number_text(cls, value: object) -> str | None:
        return None if value is None else str(value)


class Unit(_Strict):
    """How the report names a receiving unit and its dossiers (section II.1.2.b)."""

    intro: str
    dossiers: str = "hồ sơ TTHC"
    late_note: str | None = None


class Params(_Strict):
    organisation: Organisation
    units: dict[str, Unit] = {}
    report: ReportInfo = ReportInfo()
    signer: Signer
    recipients: list[str]
    guidance: str | None = None
    texts: dict[str, str] = {}
    lists: dict[str, list[str]] = {}
    # Keys `reportbook new` copied from an earlier report that nobody has reviewed
    # yet; while any is listed, the edition is a draft. Declared last, so the
    # validator sees every other field and can tell a misspelt key.
    carried_over: list[str] = []

    @field_validator("carried_over", mode="before")
    @classmethod
    def _none_left(cls, keys: object) -> object:
        return [] if keys is None else keys  # every line deleted leaves "carried_over:" empty

    @field_validator("carried_over")
    @classmethod
    def _carried_keys_exist(cls, keys: list[str], info: ValidationInfo) -> list[str]:
        unknown = [k for k in keys if k.split(".")[0] in info.data and not _has(info.data, k)]
        if unknown:
            raise ValueError(
                f"names {', '.join(repr(k) for k in unknown)}, which these params do not set "
                f"(list dotted keys such as 'lists.difficulties')"
            )
        return keys


def _has(values: object, dotted: str) -> bool:
    """Whether ``dotted`` ('units.PVHCC.late_note', 'lists.directions') names a value."""
    for part in dotted.split("."):
        if isinstance(values, BaseModel):
            values = values.model_dump()
        if isinstance(values, dict) and part in values:
            values = values[part]
        elif isinstance(values, list) and part.isdigit() and int(part) < len(values):
            values = values[int(part)]
        else:
            return False
    return True


def param_files(params_dir: Path, period: Period) -> list[Path]:
    """The files merged for a period, general first."""
    return [params_dir / "common.yaml", params_dir / str(period.year) / f"{period.code}.yaml"]


def load_params(params_dir: Path, period: Period) -> Params:
    """Merge common.yaml and <year>/<period>.yaml and validate the result.

    Both files are read (by :mod:`reportbook.yamlfiles`' strict rules) before
    anything is merged, so a fault in each is reported at once, at its own file.
    """
    common, specific = param_files(params_dir, period)
    if not specific.exists():
        raise ConfigError(
            f"{specific}: no params for {period.label}; write them with "
            f"`reportbook new --year {period.year} --period {period.code}` (from the closest "
            f"earlier report's params) and review its texts"
        )
    documents, faults = [], []
    with reads.by_value():  # a section depends on the values it uses, not on whole files
        for path in (common, specific):
            try:
                documents.append(yamlfiles.load(path, _shown(params_dir, path)))
            except FileFormatError as fault:
                faults.append(fault)
    if faults:
        raise ParamsFileError(faults)
    try:
        return reads.tracked(Params.model_validate(_merge(*documents)))
    except ValidationError as exc:
        errors = [(_dotted(e["loc"]), _message(e)) for e in exc.errors()]
        raise ConfigError(_explain(errors, [common, specific]), errors=errors) from None


def _shown(params_dir: Path, path: Path) -> str:
    """'params/2023/annual.yaml': how messages name a params file."""
    return f"{params_dir.name}/{path.relative_to(params_dir).as_posix()}"


def _dotted(loc: tuple) -> str:
    return ".".join(str(p) for p in loc)


# What to do about each kind of pydantic error, in the words of a params file.
_HINTS = {
    "missing": "add it",
    "extra_forbidden": "not a params key here: check its spelling and indentation, or delete it",
    "string_type": "write text here (in quotes if it looks like a number, date, yes/no or null)",
    "list_type": "write a list here: one '- item' line per entry, indented under the key",
    "dict_type": "write 'key: value' lines here, indented under the key",
    "model_type": "write 'key: value' lines here, indented under the key",
    "date_type": "write the date as dd/mm/yyyy, or null until the report is signed",
    "date_parsing": "write the date as dd/mm/yyyy, or null until the report is signed",
    "date_from_datetime_parsing": "write the date as dd/mm/yyyy, or null until it is signed",
    "date_from_datetime_inexact": "write the date as dd/mm/yyyy, without a time",
    "value_error": "write the date as dd/mm/yyyy, or null until the report is signed",
}


def _message(error: dict) -> str:
    """pydantic's message and, where known, what to write instead."""
    hint = _HINTS.get(error["type"])
    return f"{error['msg']} ({hint})" if hint else error["msg"]


def _merge(base: dict, override: dict) -> dict:
    """Deep-merge two mappings; the override wins, nested mappings merge."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _explain(errors: list[tuple[str, str]], files: list[Path]) -> str:
    lines = [f"params for this period are invalid ({' + '.join(str(f) for f in files)}):"]
    lines += [f"  {where}: {message}" for where, message in errors]
    return "\n".join(lines)


def key_lines(path: Path) -> dict[str, tuple[int, bool]]:
    """``{dotted key: (line of its value, value is a block scalar)}`` of a YAML file.

    Lets a message about a text point at the line of the params file to edit,
    not just at the key. A file that cannot be read has no lines (its own
    problem is reported where it is read).
    """
    try:
        return _key_lines(path.read_bytes())
    except OSError:
        return {}


@lru_cache(maxsize=16)
def _key_lines(data: bytes) -> dict[str, tuple[int, bool]]:
    """key_lines of a file's bytes; checks ask for many keys of the same two files."""
    try:
        text = data.decode("utf-8-sig")
        root = yamlfiles.parse(text, "params")
    except (UnicodeDecodeError, FileFormatError):
        return {}
    found: dict[str, tuple[int, bool]] = {}

    def walk(node: yaml.Node, prefix: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, f"{prefix}{key.value}.")
        elif isinstance(node, yaml.SequenceNode):
            for index, value in enumerate(node.value):
                walk(value, f"{prefix}{index}.")
        if prefix:
            block = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
            found[prefix[:-1]] = (node.start_mark.line + 1 + block, block)

    if root is not None:
        walk(root, "")
    return found


def origin(params_dir: Path, period: Period, dotted: str) -> tuple[str, int | None]:
    """The params file (relative to the project) that sets ``dotted`` last, and its line.

    A key that is missing or invalid is placed at its nearest parent that exists;
    one with no parent in either file, in the file that holds such keys: the
    period's file for :data:`PERIOD_KEYS`, common.yaml for the rest.
    """
    parts = dotted.split(".")
    for depth in range(len(parts), 0, -1):
        key = ".".join(parts[:depth])
        found = None
        for path in param_files(params_dir, period):
            lines = key_lines(path)
            if key in lines:
                found = (_shown(params_dir, path), lines[key][0])
        if found:
            return found
    files = [_shown(params_dir, f) for f in param_files(params_dir, period)]
    return (files[1] if parts[0] in PERIOD_KEYS else files[0], None)
