"""Writing the imported draft as TOML (or JSON), with ``# PERIKSA`` beside what to confirm.

The draft is a normal report data file: the user reads each ``# PERIKSA``
comment, compares the value with the printed report at the place it names,
corrects the value if needed and removes the comment. JSON has no comments:
there the notes go into the file's ``_periksa`` list and the findings.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from .sources import Imported

__all__ = ["to_json", "to_toml"]

_HEADER = """\
#:schema https://sakip-validate.invalid/schemas/lkjip.schema.json
#
# DRAF hasil impor otomatis dari {label}.
# Setiap nilai dibaca dari laporan tercetak; baris bertanda "# PERIKSA" belum pasti:
# bandingkan dengan laporan di tempat yang disebut, perbaiki bila perlu, lalu hapus
# komentarnya. Setelah itu periksa draf ini: sakip-validate check {name}
"""


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        text = str(abs(value))
        if len(text) > 4:
            groups: list[str] = []
            while text:
                groups.insert(0, text[-3:])
                text = text[:-3]
            text = "_".join(groups)
        return ("-" if value < 0 else "") + text
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_scalar(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} in TOML")


def _key(key: str) -> str:
    return (
        key
        if key.replace("_", "").replace("-", "").isalnum() and key.isascii()
        else json.dumps(key)
    )


def _flat(value: Any) -> bool:
    return not isinstance(value, (dict, list)) or (
        isinstance(value, list) and all(not isinstance(v, (dict, list)) for v in value)
    )


class _Writer:
    def __init__(self, imported: Imported) -> None:
        self.lines: list[str] = []
        self.notes = imported.notes
        self.written: set[str] = set()
        self.attached: dict[str, list[str]] = {}

    def attach(self, data: dict[str, Any]) -> None:
        paths: set[str] = {""}

        def walk(value: Any, pointer: str) -> None:
            paths.add(pointer)
            if isinstance(value, dict):
                for k, v in value.items():
                    walk(v, f"{pointer}/{k}")
            elif isinstance(value, list):
                for i, v in enumerate(value):
                    walk(v, f"{pointer}/{i}")

        walk(data, "")
        for pointer, texts in self.notes.items():
            target = pointer
            while target not in paths:
                target = target.rsplit("/", 1)[0]
            self.attached.setdefault(target, []).extend(texts)

    def note(self, pointer: str, *, inline: bool = True) -> None:
        for text in self.attached.pop(pointer, []):
            self.lines.append(f"# PERIKSA: {' '.join(text.split())}")
        if not inline:
            return
        # notes on parts written inline (a year of a target, one indikator_kinerja)
        for inner in [p for p in self.attached if p.startswith(pointer + "/")]:
            for text in self.attached.pop(inner):
                where = inner[len(pointer) + 1 :]
                self.lines.append(f"# PERIKSA ({where}): {' '.join(text.split())}")

    def table(self, data: dict[str, Any], path: list[str], pointer: str, in_row: bool) -> None:
        nested: list[tuple[str, Any]] = []
        for key, value in data.items():
            child = f"{pointer}/{key}"
            if _flat(value) or (isinstance(value, dict) and all(_flat(v) for v in value.values())):
                self.note(child)
                self.lines.append(f"{_key(key)} = {_scalar(value)}")
            elif (
                isinstance(value, dict)
                and in_row
                and all(isinstance(v, dict) for v in value.values())
            ):
                self.note(child)
                for sub, inner in value.items():
                    self.lines.append(f"{_key(key)}.{_key(sub)} = {_scalar(inner)}")
            elif isinstance(value, list) and in_row:
                self.note(child)
                self.lines.append(f"{_key(key)} = [")
                for item in value:
                    self.lines.append(f"  {_scalar(item)},")
                self.lines.append("]")
            else:
                nested.append((key, value))
        for key, value in nested:
            child = f"{pointer}/{key}"
            name = ".".join([*path, _key(key)])
            if isinstance(value, dict):
                self.lines.append("")
                self.note(child, inline=False)
                self.lines.append(f"[{name}]")
                self.table(value, [*path, _key(key)], child, in_row)
            else:
                for i, item in enumerate(value):
                    self.lines.append("")
                    self.note(f"{child}/{i}", inline=False)
                    self.lines.append(f"[[{name}]]")
                    self.table(item, [*path, _key(key)], f"{child}/{i}", True)


def to_toml(imported: Imported, name: str = "draf.toml") -> str:
    """The draft as TOML text, its notes as ``# PERIKSA`` comments."""
    writer = _Writer(imported)
    writer.attach(imported.data)
    writer.lines.append(_HEADER.format(label=imported.label, name=name).rstrip("\n"))
    writer.table(imported.data, [], "", False)
    return "\n".join(writer.lines) + "\n"


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


class _Encoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return _DecimalText(o)
        return super().default(o)


class _DecimalText(float):
    """A float subclass that prints the Decimal's own digits (json writes repr)."""

    def __new__(cls, value: Decimal) -> _DecimalText:
        item = super().__new__(cls, value)
        item.text = format(value, "f")  # type: ignore[attr-defined]
        return item

    def __repr__(self) -> str:
        return self.text  # type: ignore[attr-defined,no-any-return]


def to_json(imported: Imported) -> str:
    """The draft as JSON. JSON has no comments, and an extra key would fail the
    schema, so the places to confirm are only the IMPORT findings ``import`` lists."""
    data = dict(imported.data)
    text = json.dumps(data, cls=_Encoder, ensure_ascii=False, indent=2)
    return text + "\n"
