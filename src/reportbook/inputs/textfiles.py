"""Read a file a person edits as UTF-8 text or JSON, or say exactly why it cannot be.

Params, vocabularies and notebooks are edited by hand, on Windows machines
that still save Vietnamese in the legacy code page (cp1258, TCVN3) or in
UTF-16, by editors that add a byte-order mark, and they are copied, cut off
and overwritten. A bare ``UnicodeDecodeError`` or ``JSONDecodeError`` names
neither the file nor the fix; these readers raise
:class:`~reportbook.errors.FileFormatError` naming the file, the line and
what to do, for every such fault, so every caller reports it the same way.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path

from ..errors import FileFormatError

RESTORE = "restore it from git (git checkout -- FILE) or a backup"
SAVE_AS_UTF8 = "save it again as UTF-8 (in Notepad: Save As, Encoding: UTF-8)"
_UTF32 = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16 = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def restore(shown: str) -> str:
    """The advice for a damaged file: take it back from version control."""
    return RESTORE.replace("FILE", shown)


def read_bytes(
    path: Path, shown: str, *, max_bytes: int | None = None, fix: str | None = None
) -> bytes:
    """The file's bytes; a missing file, a folder or an unreadable file is named."""
    fix = fix or restore(shown)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise FileFormatError(shown, None, f"file not found; {fix}") from None
    except IsADirectoryError:
        raise FileFormatError(shown, None, "is a folder, not a file") from None
    except OSError as exc:
        raise FileFormatError(shown, None, f"cannot be read: {exc.strerror or exc}") from None
    if max_bytes is not None and len(data) > max_bytes:
        raise FileFormatError(
            shown,
            None,
            f"is {len(data):,} bytes; a hand-written file of this kind is at most "
            f"{max_bytes:,} bytes, so this is not the right file; {fix}",
        )
    return data


def read_text(
    path: Path,
    shown: str,
    *,
    bom_ok: bool = True,
    max_bytes: int | None = None,
    fix: str | None = None,
) -> str:
    """The file as text; it must be UTF-8 (a UTF-8 byte-order mark only where ``bom_ok``).

    ``fix`` is the advice for a damaged file (default: restore it from git).
    """
    fix = fix or restore(shown)
    data = read_bytes(path, shown, max_bytes=max_bytes, fix=fix)
    if data.startswith(_UTF32) or data.startswith(_UTF16) or _looks_utf16(data):
        raise FileFormatError(shown, 1, f"is saved as UTF-16 or UTF-32, not UTF-8; {SAVE_AS_UTF8}")
    if data.startswith(codecs.BOM_UTF8):
        if not bom_ok:
            raise FileFormatError(
                shown,
                1,
                "starts with a byte-order mark (BOM), which Jupyter cannot read; "
                "save it as UTF-8 without BOM",
            )
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc, shown, fix) from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: ASCII text with a zero byte in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    half = len(sample) // 2
    return max(sample[0::2].count(0), sample[1::2].count(0)) > 0.4 * half


def _not_utf8(data: bytes, exc: UnicodeDecodeError, shown: str, fix: str) -> FileFormatError:
    """Where the first byte that is not UTF-8 is, and the likely cause."""
    start = exc.start
    line = data.count(b"\n", 0, start) + 1
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    if exc.end >= len(data) and "end of data" in exc.reason:
        return FileFormatError(
            shown,
            line,
            f"ends in the middle of a character: the file was cut off (truncated); {fix}",
        )
    if _looks_binary(data):
        return FileFormatError(
            shown, line, f"is binary data, not a text file (damaged or overwritten); {fix}"
        )
    return FileFormatError(
        shown,
        line,
        f"is not UTF-8: byte 0x{data[start]:02X} at column {column} is not valid UTF-8; the file "
        f"was probably saved in a legacy Vietnamese code page (Windows-1258/cp1258, TCVN3 or "
        f"VNI); {SAVE_AS_UTF8}, e.g. iconv -f cp1258 -t utf-8",
    )


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return b"\0" in sample or controls > 0.05 * len(sample)


def load_json(path: Path, shown: str, *, bom_ok: bool = True, fix: str | None = None) -> object:
    """The file's JSON value; syntax errors give the line and say when the file is cut off.

    ``fix`` is the advice for a damaged file (default: restore it from git).
    """
    fix = fix or restore(shown)
    text = read_text(path, shown, bom_ok=bom_ok, fix=fix)
    if not text.strip():
        raise FileFormatError(shown, None, f"is empty; {fix}")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            last = text.rstrip().count("\n") + 1
            rule = "ends before its JSON is complete: the file was cut off (truncated)"
            raise FileFormatError(shown, last, f"{rule}; {fix}") from None
        rule = f"is not valid JSON: {exc.msg} at column {exc.colno}"
        raise FileFormatError(shown, exc.lineno, f"{rule}; {fix}") from None
    except RecursionError:
        raise FileFormatError(shown, None, f"is nested too deeply to be read; {fix}") from None


def kind(value: object) -> str:
    """A JSON or YAML value's kind in words, for 'must be X, not Y' messages."""
    names = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)
