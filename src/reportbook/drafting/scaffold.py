"""``reportbook new``: a new period's params, written from the closest earlier report's.

The texts only a person can write (difficulties, directions, notes, a signer
or recipients that differ from common.yaml) rarely change much from one
report to the next, so the next report starts from the last one's: copied,
and listed under ``carried_over:`` until someone has read them for the new
period (see :mod:`reportbook.drafting.review`). The report's number and
date are cleared, since the registry gives new ones. An existing file is
never overwritten without ``force``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ConfigError, ParameterError
from ..inputs.preflight import params_problems
from ..inputs.problems import Problem
from ..params import key_lines
from ..paths import Project
from ..periods import PERIODS, Period, resolve
from ..sections import discover
from .review import CARRIED_OVER, Unreviewed, how_to_review

CLEARED = ("report.number", "report.date")  # the registry numbers and dates each report


@dataclass
class Scaffold:
    """What ``new`` wrote: the file, where its texts came from, what to review, what is wrong."""

    project: Project
    target: Path
    source: Path
    source_period: Period
    carried: list[Unreviewed] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_edition(text: str) -> Period:
    """'2023/q2' (or '2023-q2') as a period; the form --from takes."""
    year, sep, code = text.replace("-", "/").partition("/")
    if not sep:
        raise ParameterError(f"--from {text!r}: name the report as YEAR/PERIOD, e.g. 2024/h1")
    return resolve(year, code)


def params_file(project: Project, period: Period) -> Path:
    return project.params / str(period.year) / f"{period.code}.yaml"


def editions_with_params(project: Project) -> list[Period]:
    """Every (year, period) that has a params file, whatever its order on disk."""
    found = []
    for folder in sorted(project.params.iterdir()):
        if not (folder.is_dir() and folder.name.isdigit()):
            continue
        for path in sorted(folder.glob("*.yaml")):
            if path.stem in PERIODS:
                found.append(resolve(folder.name, path.stem))
    return found


def closest_earlier(project: Project, period: Period) -> Period | None:
    """The report with params whose window ends last before ``period``'s ends.

    Between reports ending on the same day, one of the same kind comes first
    (a quarter for a quarter), then the longer window.
    """
    end = period.window.end
    earlier = [p for p in editions_with_params(project) if p.window.end < end]
    if not earlier:
        return None
    return max(earlier, key=lambda p: (p.window.end, p.kind == period.kind, p.window.days))


def new_params(
    project: Project, period: Period, source: Period | None = None, *, force: bool = False
) -> Scaffold:
    """Write params/<year>/<period>.yaml from ``source`` (default: the closest earlier report)."""
    target = params_file(project, period)
    if target.exists() and not force:
        raise ConfigError(
            f"{_relative(project, target)} exists; nothing was written (add --force to "
            f"replace it with a copy of an earlier report's params)"
        )
    source = source or closest_earlier(project, period)
    if source is None:
        raise ConfigError(
            f"no params earlier than {period.label} to start from; name one with "
            f"--from YEAR/PERIOD, or write {_relative(project, target)} by hand"
        )
    origin = params_file(project, source)
    if (source.year, source.code) == (period.year, period.code):
        raise ConfigError(f"--from {source.year}/{source.code}: a report cannot start from itself")
    if not origin.is_file():
        raise ConfigError(f"--from {source.year}/{source.code}: no params file {origin} to copy")
    values = _read(origin)
    carried = carried_keys(values)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render(values, carried, period, source, _relative(project, origin)), "utf-8")
    lines = key_lines(target)
    where = _relative(project, target)
    result = Scaffold(project, target, origin, source)
    result.carried = [Unreviewed(k, where, lines.get(k, (None,))[0]) for k in carried]
    result.problems = params_problems(project, period, discover(project.notebooks))
    return result


def _read(path: Path) -> dict:
    try:
        values = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: must be a mapping of keys to values")
    return values


def _relative(project: Project, path: Path) -> str:
    return path.relative_to(project.root).as_posix()


def carried_keys(values: dict, prefix: str = "") -> list[str]:
    """Every text a person wrote in ``values``, as dotted keys (a list counts as one text)."""
    keys = []
    for key, value in values.items():
        dotted = f"{prefix}{key}"
        if dotted in CLEARED or dotted == CARRIED_OVER:
            continue
        if isinstance(value, dict):
            keys += carried_keys(value, f"{dotted}.")
        elif value is not None:
            keys.append(dotted)
    return keys


class _Dumper(yaml.SafeDumper):
    """Block lists indented under their key, as the shipped params files write them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Several lines as a literal block (|), so a template keeps its layout."""
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _dump(values: dict) -> str:
    return yaml.dump(values, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


def render(values: dict, carried: list[str], period: Period, source: Period, origin: str) -> str:
    """The new params file: how to review, the carried-over keys, a blank report, the texts."""
    report = {**values.get("report", {}), "number": None, "date": None}
    rest = {k: v for k, v in values.items() if k not in ("report", CARRIED_OVER)}
    parts = [
        f"# The CCHC report {period.label}: the texts only a person can write.\n"
        f"# Written by `reportbook new` from {origin} ({source.label}).\n"
        f"#\n"
        f"# {CARRIED_OVER}: lists the texts copied from that report. Until each one is\n"
        f'# reviewed, every build of {period.label} is a draft marked "DỰ THẢO" and\n'
        f"# `reportbook finalize` refuses it. Read a text, rewrite what no longer fits\n"
        f"# {period.label}, then delete its line below.\n",
        _dump({CARRIED_OVER: carried}) if carried else "",
        "# The registry gives the report its number and date when it is issued.\n"
        + _dump({"report": report}),
        *(_dump({key: value}) for key, value in rest.items()),
    ]
    return "\n".join(p for p in parts if p)


def summary(result: Scaffold, period: Period) -> list[str]:
    """What ``new`` did and what the analyst must now review, one line each."""
    target, source = (
        _relative(result.project, result.target),
        _relative(result.project, result.source),
    )
    lines = [
        f"wrote {target} from {source} ({result.source_period.label})",
        "report.number and report.date are blank: the registry gives them at issue",
    ]
    if not result.carried:
        return [*lines, f"nothing was carried over; write the texts of {period.label}"]
    width = max(len(text.key) for text in result.carried)
    lines.append(f"to review for {period.label} ({len(result.carried)} text(s) carried over):")
    lines += [f"  {text.key:{width}}  {text.where}" for text in result.carried]
    lines += [
        how_to_review(period),
        'until then every build is a draft marked "DỰ THẢO" and finalize refuses it',
        f"next: reportbook build --year {period.year} --period {period.code}",
    ]
    return lines
