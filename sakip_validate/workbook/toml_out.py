"""Writing report data as TOML (each value's source cell in a comment) or as JSON.

The data holds only what the loaders produce: dicts, lists, strings, booleans,
``int`` and ``Decimal``. Numbers are written exactly as they are held (79.70
stays 79.70), so reading the file back gives the same data.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from .places import pointer_of

__all__ = ["to_json", "to_toml"]

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE.match(key) else _string(key)


def _string(text: str) -> str:
    # JSON's escapes are TOML's; TOML also forbids a raw DEL in a basic string.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _number(value: Decimal) -> str:
    text = str(value)
    if "E" in text:
        return text.replace("E", "e")
    return text if "." in text else text + ".0"


def _value(value: Any) -> str:
    """A value written inline (a scalar, an array, or an inline table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        return _number(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


class _TomlWriter:
    def __init__(self, cells: Mapping[str, str], source: str) -> None:
        self.cells = cells
        self.source = source
        self.lines: list[str] = []

    def comment(self, parts: tuple[str | int, ...]) -> str:
        cell = self.cells.get(pointer_of(parts))
        return f"  # {cell}" if cell else ""

    def body(self, table: dict[str, Any], parts: tuple[str | int, ...], in_array: bool) -> None:
        """The key = value lines of one table, then its sub-tables and arrays of tables."""
        later: list[tuple[str, Any]] = []
        for key, value in table.items():
            inline = isinstance(value, dict) and (in_array or not value)
            if (isinstance(value, dict) and not inline) or _is_table_array(value):
                later.append((key, value))
                continue
            self.lines.append(f"{_key(key)} = {_value(value)}{self.comment((*parts, key))}")
        for key, value in later:
            path = (*parts, key)
            name = ".".join(_key(str(p)) for p in path if isinstance(p, str))
            if isinstance(value, dict):
                self.lines.extend(["", f"[{name}]{self.comment(path)}"])
                self.body(value, path, in_array=False)
            else:
                for index, item in enumerate(value):
                    self.lines.extend(["", f"[[{name}]]{self.comment((*path, index))}"])
                    self.body(item, (*path, index), in_array=True)


def to_toml(data: dict[str, Any], cells: Mapping[str, str], source: str) -> str:
    """``data`` as a TOML document; each value's comment names its cell in ``source``."""
    writer = _TomlWriter(cells, source)
    writer.lines.extend(
        [
            f"# Diimpor dari / imported from {source} oleh / by sakip-validate import.",
            "# Komentar menyebut sel asal setiap nilai / comments name each value's source cell.",
            "",
        ]
    )
    writer.body(data, (), in_array=False)
    return "\n".join(writer.lines) + "\n"


def _json(value: Any, indent: int) -> str:
    pad, inner = "  " * indent, "  " * (indent + 1)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [f"{inner}{_string(k)}: {_json(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _json(v, indent + 1) for v in value) + "\n" + pad + "]"
    if isinstance(value, Decimal):
        return str(value)  # the JSON reader reads numbers as Decimal, decimals kept
    return _value(value)


def to_json(data: dict[str, Any]) -> str:
    """``data`` as a JSON document (2-space indent), numbers exactly as held."""
    return _json(data, 0) + "\n"
