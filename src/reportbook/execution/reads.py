"""Record what a section reads, so the cache can key on exactly that.

Declaring a section's inputs by hand drifts as soon as a notebook starts
reading another table; recording them cannot. Inside a pooled kernel:

- an audit hook (``sys.addaudithook``) sees every Python ``open()`` of a file
  under ``data/`` or ``params/``; readers that open files outside Python
  (pyarrow, DuckDB) call :func:`record` themselves;
- params are recorded by value, not by file: ``load_params`` reads its files
  inside :func:`by_value` and returns a :func:`tracked` model that records
  each field (and each key of ``texts``, ``lists``, ``units``) a section
  touches, with a hash of its value. Editing one text then re-runs only the
  sections that use that text.

Outside a pooled kernel (the build process, JupyterLab, tests) nothing is
watched and recording costs a set insert.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..params import Params

_seen: set[str] = set()
_values: dict[str, str] = {}
_watched: tuple[str, ...] = ()
_quiet = 0
KEYED_FIELDS = ("texts", "lists", "units")  # recorded per key, not as a whole


def record(path: str | os.PathLike[str]) -> None:
    """Note that ``path`` was read (called by readers the audit hook cannot see)."""
    _seen.add(os.path.abspath(os.fspath(path)))


def _on_event(event: str, args: tuple) -> None:
    if event == "open" and _watched and not _quiet:
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            path = os.path.abspath(os.fsdecode(path))
            if path.startswith(_watched):
                _seen.add(path)


def watch(root: str | os.PathLike[str]) -> None:
    """Start recording opens under ``root``/data and ``root``/params (once per process)."""
    global _watched
    first = not _watched
    root = os.path.abspath(os.fspath(root))
    _watched = tuple(os.path.join(root, name) + os.sep for name in ("data", "params"))
    if first:
        sys.addaudithook(_on_event)


def watching() -> bool:
    return bool(_watched)


@contextmanager
def by_value() -> Iterator[None]:
    """Files opened inside are not recorded: what is read from them is, by value."""
    global _quiet
    _quiet += 1
    try:
        yield
    finally:
        _quiet -= 1


def take() -> dict:
    """What was read since the last call (``files``, ``values``); clears the record."""
    found = {"files": sorted(_seen), "values": dict(sorted(_values.items()))}
    _seen.clear()
    _values.clear()
    return found


def value_digest(value: Any) -> str:
    """A hash of a params value (pydantic models by their JSON dump; None when absent)."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json")
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def value_of(model: Params, name: str) -> Any:
    """The value a recorded ``name`` ('report', 'texts/basis') has in ``model``; None if absent."""
    field, _, key = name.partition("/")
    value = getattr(model, field, None)
    return value.get(key) if key else value


class _TrackedMapping(Mapping):
    """A read-only mapping recording each key looked up, or everything when iterated."""

    def __init__(self, data: Mapping, field: str):
        self._data, self._field = data, field

    def __getitem__(self, key: str):
        _values[f"{self._field}/{key}"] = value_digest(self._data.get(key))
        return self._data[key]

    def __iter__(self):
        _values[self._field] = value_digest(dict(self._data))
        return iter(self._data)

    def __len__(self):
        _values[self._field] = value_digest(dict(self._data))
        return len(self._data)

    def __contains__(self, key: object):
        _values[f"{self._field}/{key}"] = value_digest(self._data.get(key))
        return key in self._data


class _TrackedModel:
    """A params model that records every field read; anything else records the whole."""

    def __init__(self, model: Params):
        object.__setattr__(self, "_model", model)

    def __getattr__(self, name: str):
        model = object.__getattribute__(self, "_model")
        if name in type(model).model_fields:
            value = getattr(model, name)
            if name in KEYED_FIELDS:
                return _TrackedMapping(value, name)
            _values[name] = value_digest(value)
            return value
        for field in type(model).model_fields:  # model_dump() and the like: everything
            _values[field] = value_digest(getattr(model, field))
        return getattr(model, name)

    def __setattr__(self, name: str, value: object):
        raise AttributeError("params are read-only")


def tracked(model: Params) -> Params:
    """``model`` wrapped to record what is read from it, when recording is on."""
    return _TrackedModel(model) if _watched else model
