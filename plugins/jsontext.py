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


def _write(value: Any, indent: str, sort_keys: bool, parts: list[str]) -> None:
    if isinstance(value, str):
        parts.append(_text(value))
    elif value is None:
        parts.append("null")
    elif value is True:
        parts.append("true")
    elif value is False:
        parts.append("false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, float):
        parts.append(json.dumps(value))  # NaN, Infinity and repr as json writes them
    elif isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        if not all(isinstance(key, str) for key in value):
            # json turns other keys into text its own way: let it write this one.
            _standard(value, indent, sort_keys, parts)
            return
        inner = indent + "  "
        items = sorted(value.items()) if sort_keys else value.items()
        first = True
        for key, item in items:
            parts.append(("{\n" if first else ",\n") + inner + _text(key) + ": ")
            _write(item, inner, sort_keys, parts)
            first = False
        parts.append("\n" + indent + "}")
    elif isinstance(value, list | tuple):
        if not value:
            parts.append("[]")
            return
        inner = indent + "  "
        first = True
        for item in value:
            parts.append(("[\n" if first else ",\n") + inner)
            _write(item, inner, sort_keys, parts)
            first = False
        parts.append("\n" + indent + "]")
    else:
        _standard(value, indent, sort_keys, parts)


def _standard(value: Any, indent: str, sort_keys: bool, parts: list[str]) -> None:
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort_keys)
    parts.append(text.replace("\n", "\n" + indent))
