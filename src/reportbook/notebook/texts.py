"""Render the sentence templates of params/ with computed values.

Templates are Jinja, evaluated in a sandbox with undefined names as errors:
a template can use the values it is given and the formatting filters below,
nothing else. The output is plain text (HTML escaping happens when it is
rendered), split into paragraphs on blank lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ..errors import ConfigError
from . import formatting

# Where a template comes from: (params file, line it starts on), or a function giving it.
Origin = tuple[str, int | None] | Callable[[], tuple[str, int | None]] | None


# Separators that stand alone between items: a list ended by one of them uses it
# throughout ("a; b; c"), never "a, b; c" (Vietnamese lists switch only to "và").
SEPARATORS = (", ", "; ")


def join_vi(items: Iterable[object], last: str = " và ", sep: str = ", ") -> str:
    """Join a list the Vietnamese way: 'a, b và c'.

    ``last`` joins the last two items. When it is itself a separator (", " or
    "; ") the whole list uses it, so one list never mixes commas and semicolons.
    """
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    if last in SEPARATORS:
        sep = last
    return sep.join(items[:-1]) + last + items[-1]


def cites(docs: Iterable[Mapping[str, Any]], last: str = " và ", said: object = ()) -> str:
    """Join the citations of template document values: 'Kế hoạch số ... về ..., ... và ...'.

    ``said`` is the issuer code (or codes) the sentence already names ("tham
    mưu UBND tỉnh ban hành"): their documents are cited without "của <issuer>",
    which would say it twice.
    """
    named = {said} if isinstance(said, str) else set(said)
    return join_vi([d["title"] if d.get("issuer") in named else d["citation"] for d in docs], last)


def lower_first(text: str) -> str:
    """'Trung cấp lý luận chính trị' -> 'trung cấp lý luận chính trị' (mid-sentence)."""
    return text[:1].lower() + text[1:] if text else text


def _date(value: dt.date) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return formatting.date(value)


def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        # A line holding only a block tag becomes an empty line: blank lines, and
        # only blank lines, separate paragraphs, whatever the tags around them.
        trim_blocks=False,
        lstrip_blocks=True,
    )
    env.filters.update(
        number=formatting.number,
        count=formatting.count,
        percent=formatting.percent,
        date=_date,
        signed=formatting.signed,
        join_vi=join_vi,
        lower_first=lower_first,
        cites=cites,
    )
    return env


_ENV = _environment()


@lru_cache(maxsize=1024)
def _compiled(template: str) -> jinja2.Template:
    """A text's template compiled once per process (compiling costs far more than rendering).

    A syntax error is raised, not kept, so every render of a broken text reports it.
    """
    return _ENV.from_string(template)


def parse(template: str) -> None:
    """Compile ``template``; raise jinja2.TemplateSyntaxError if it is malformed."""
    _ENV.parse(template)


def render(template: str, values: dict, *, name: str = "<text>", origin: Origin = None) -> str:
    """Render one template; errors name the params file and line, the text and the problem.

    ``origin`` is (params file, line where the template starts) when known, or
    a function returning it, called only when there is an error to place: a
    successful render must not read the params files again (the section cache
    would then think the section depends on every params value).
    """
    try:
        return _compiled(template).render(**values).strip()
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigError(f"{_where(name, origin, exc.lineno)}: {exc.message}") from None
    except jinja2.UndefinedError as exc:
        raise ConfigError(
            f"{_where(name, origin, None)}: {exc.message}; "
            f"available values: {', '.join(sorted(values))}"
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise ConfigError(
            f"{_where(name, origin, None)}: not allowed in a template: {exc}"
        ) from None
    except (jinja2.TemplateError, TypeError, ValueError, LookupError, ArithmeticError) as exc:
        # e.g. {% import %} (no loader: templates reach no files), a filter given a wrong value
        raise ConfigError(
            f"{_where(name, origin, None)}: cannot be rendered: {type(exc).__name__}: {exc}"
        ) from None


def _where(name: str, origin: Origin, lineno: int | None) -> str:
    """'params/common.yaml, line 57, text 'basis'' (the file's line when both are known)."""
    if callable(origin):
        origin = origin()
    text = f"text {name!r}" + (f", line {lineno}" if lineno and not origin else "")
    if not origin:
        return text
    file, start = origin
    if start is None:
        return f"{file}, {text}"
    line = start + (lineno - 1 if lineno else 0)
    return f"{file}, line {line}, {text}"


def paragraphs(text: str) -> list[str]:
    """Split rendered text into paragraphs on blank lines, joining wrapped lines."""
    blocks = [b for b in (" ".join(p.split()) for p in text.split("\n\n")) if b]
    return blocks
