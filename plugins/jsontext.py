"""JSON text exactly as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, faster.

With an indent, the standard library encodes in pure Python, call by call; the
JSON and SARIF outputs of a run over thousands of reports spent most of their
time there. This writer handles what those outputs hold (dicts with text keys,
lists, text, integers, floats, booleans, None) with the C string encoder and
gives the same text, byte for byte (a property test compares them).
"""

from __future__ import annotations

import json
from typing import Any

try:  # the C speed-up, as json itself uses when ensure_ascii is off
    from _json import encode_basestring as _text
except ImportError:  # pragma: no cover - a Python without the json accelerator
    from json.encoder import py_encode_basestring as _text

__all__ = ["dumps"]

_float = float.__repr__


def dumps(value: Any, indent: str = "", *, sort_keys: bool = False) -> str:
    """``value`` as ``json.dumps(..., ensure_ascii=False, indent=2)`` writes it, with every
    line after the first prefixed by ``indent`` (its depth in an enclosing document)."""
    parts: list[str] = []
    _write(value, indent, sort_keys, parts)
    return "".join(parts)


def _scalar(value: Any) -> str | None:
    """The text of a scalar, or None for a container (or anything json must handle)."""
    kind = type(value)
    if kind is str:
        return _text(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return json.dumps(value)  # NaN, Infinity and repr as json writes them
    return None


def _write(value: Any, indent: str, sort_keys: bool, parts: list[str]) -> None:
    text = _scalar(value)
    if text is not None:
        parts.append(text)
    elif isinstance(value, dict):
        _write_dict(value, indent, sort_keys, parts)
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = indent + "  "
        opening = "[\n" + inner
        for item in value:
            parts.append(opening)
            opening = ",\n" + inner
            text = _scalar(item)
            if text is None:
                _write(item, inner, sort_keys, parts)
            else:
                parts.append(text)
        parts.append("\n" + indent + "]")
    elif isinstance(value, str | int | float):  # subclasses (an IntEnum): as json sees them
        parts.append(json.dumps(value, ensure_ascii=False))
    else:
        _standard(value, indent, sort_keys, parts)


def _write_dict(value: dict[Any, Any], indent: str, sort_keys: bool, parts: list[str]) -> None:
    if not value:
        parts.append("{}")
        return
    start = len(parts)
    inner = indent + "  "
    opening = "{\n" + inner
    for key, item in sorted(value.items()) if sort_keys else value.items():
        if type(key) is not str:
            # json turns other keys into text its own way: let it write this one.
            del parts[start:]
            _standard(value, indent, sort_keys, parts)
            return
        text = _scalar(item)
        if text is None:
            parts.append(opening + _text(key) + ": ")
            _write(item, inner, sort_keys, parts)
        else:
            parts.append(opening + _text(key) + ": " + text)
        opening = ",\n" + inner
    parts.append("\n" + indent + "}")


def _standard(value: Any, indent: str, sort_keys: bool, parts: list[str]) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    parts.append(text.replace("\n", "\n" + indent))
