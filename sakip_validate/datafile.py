"""Report data written out as a data file (TOML or JSON), exactly as it is held.

What ``import`` writes, from a workbook or from a printed report. The data holds
only what the readers produce: dicts, lists, strings, booleans, ``int`` and
``Decimal``. Numbers keep their printed digits (79.70 stays 79.70, a whole
Decimal stays a decimal), so reading the file back gives the same data.

TOML comments carry what the reader knows about a value: its source
(``comment``: the workbook cell, written after the value) and what the user must
confirm (``notes``: written on lines above it, or above the nearest line that
holds it when the value is written inline).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

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
    return text if "." in text else text + ".0"  # a whole Decimal must not read back as int


def _integer(value: int) -> str:
    # Rupiah read the way they are printed: 1_834_058_000.
    return f"{value:_}" if abs(value) >= 10_000 else str(value)


def _value(value: Any) -> str:
    """A value written inline (a scalar, an array, or an inline table)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return _integer(value)
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


def _pointer(parts: tuple[str | int, ...]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class _TomlWriter:
    def __init__(
        self,
        comment: Callable[[str], str | None],
        notes: Mapping[str, Sequence[str]],
        note_word: str,
    ) -> None:
        self.comment = comment
        self.notes = {pointer: list(texts) for pointer, texts in notes.items() if texts}
        self.note_word = note_word
        self.lines: list[str] = []

    def line(self, text: str, parts: tuple[str | int, ...], *, inline: bool) -> None:
        """One line holding the value at ``parts``, below the notes that belong to it."""
        pointer = _pointer(parts)
        for note in self.notes.pop(pointer, []):
            self.lines.append(f"# {self.note_word}: {' '.join(note.split())}")
        if inline:  # notes on parts of a value written on this one line
            for inner in [p for p in self.notes if p.startswith(pointer + "/")]:
                where = inner[len(pointer) + 1 :]
                for note in self.notes.pop(inner):
                    self.lines.append(f"# {self.note_word} ({where}): {' '.join(note.split())}")
        source = self.comment(pointer)
        self.lines.append(f"{text}  # {source}" if source else text)

    def body(self, table: dict[str, Any], parts: tuple[str | int, ...], in_array: bool) -> None:
        """The key = value lines of one table, then its sub-tables and arrays of tables."""
        later: list[tuple[str, Any]] = []
        for key, value in table.items():
            inline = isinstance(value, dict) and (in_array or not value)
            if (isinstance(value, dict) and not inline) or _is_table_array(value):
                later.append((key, value))
                continue
            self.line(f"{_key(key)} = {_value(value)}", (*parts, key), inline=True)
        for key, value in later:
            path = (*parts, key)
            name = ".".join(_key(str(p)) for p in path if isinstance(p, str))
            if isinstance(value, dict):
                self.lines.append("")
                self.line(f"[{name}]", path, inline=False)
                self.body(value, path, in_array=False)
            else:
                for index, item in enumerate(value):
                    self.lines.append("")
                    self.line(f"[[{name}]]", (*path, index), inline=False)
                    self.body(item, (*path, index), in_array=True)


def _attached(data: Any, notes: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Each note moved to the nearest value the data holds (a note may name a part not read)."""
    held: set[str] = set()

    def walk(value: Any, pointer: str) -> None:
        held.add(pointer)
        if isinstance(value, dict | list):
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                walk(item, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")

    walk(data, "")
    attached: dict[str, list[str]] = {}
    for pointer, texts in notes.items():
        target = pointer
        while target not in held:
            target = target.rsplit("/", 1)[0]
        attached.setdefault(target, []).extend(texts)
    return attached


def to_toml(
    data: dict[str, Any],
    *,
    header: Sequence[str] = (),
    comment: Callable[[str], str | None] = lambda pointer: None,
    notes: Mapping[str, Sequence[str]] = {},
    note_word: str = "PERIKSA",
) -> str:
    """``data`` as a TOML document.

    ``header``: comment lines at the top (without their ``#``). ``comment(pointer)``: a
    note written after the value's line. ``notes``: pointer -> texts written as
    ``# PERIKSA: …`` above the line holding that value; a note whose value has no
    line of its own goes above its nearest written parent.
    """
    writer = _TomlWriter(comment, _attached(data, notes), note_word)
    # "#:schema …" is a directive editors read: no space after its "#".
    writer.lines.extend(
        "#" + (line if not line or line.startswith(":") else " " + line) for line in header
    )
    if header:
        writer.lines.append("")
    writer.body(data, (), in_array=False)
    for pointer, texts in writer.notes.items():  # a value that was never written
        for note in texts:
            writer.lines.append(f"# {note_word} ({pointer}): {' '.join(note.split())}")
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
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _value(value)


def to_json(data: dict[str, Any]) -> str:
    """``data`` as a JSON document (2-space indent), numbers exactly as held."""
    return _json(data, 0) + "\n"
