"""Reading report files: bytes to exact data, with the place of every value."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..codes import LOAD_UNREADABLE
from ..findings import Finding, Text, TextLocation
from .decoding import decode_utf8
from .document import Format, LoadedDocument
from .json_reader import parse_json
from .problems import LoadProblem
from .toml_reader import parse_toml

__all__ = [
    "FORMATS",
    "Format",
    "LoadFailed",
    "LoadedDocument",
    "format_for_path",
    "load_bytes",
    "load_path",
]

FORMATS: dict[str, Format] = {".toml": "toml", ".json": "json"}


class LoadFailed(Exception):
    """The file gave no data; ``finding`` says why and where."""

    def __init__(self, finding: Finding, *, unreadable: bool = False) -> None:
        super().__init__(finding.message.en)
        self.finding = finding
        self.unreadable = unreadable


def format_for_path(path: Path) -> Format | None:
    """The format a file's extension names, or None."""
    return FORMATS.get(path.suffix.lower())


def load_bytes(raw: bytes, label: str, fmt: Format) -> LoadedDocument:
    """Decode and parse one report; raise LoadFailed with a positioned finding."""
    text = ""
    try:
        text = decode_utf8(raw)
        data = parse_toml(text) if fmt == "toml" else parse_json(text)
    except LoadProblem as problem:
        position = problem.position
        if position is None and problem.pointer and text:
            document = LoadedDocument(label, fmt, text, None)
            location = document.locate(problem.pointer)
        else:
            location = TextLocation(
                label,
                problem.pointer,
                position.line if position else None,
                position.column if position else None,
            )
        raise LoadFailed(
            Finding(
                rule=problem.code.id,
                severity=problem.code.severity,
                message=problem.message,
                pack=problem.code.pack,
                title=problem.code.title,
                location=location,
                hint=problem.hint,
                printed=problem.printed,
            )
        ) from None
    return LoadedDocument(label, fmt, text, data, sha256=hashlib.sha256(raw).hexdigest())


def load_path(path: Path, label: str | None = None, fmt: Format | None = None) -> LoadedDocument:
    """Read and parse a report file; the format follows the extension unless given."""
    label = label if label is not None else str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        reason = Text("Berkas tidak ditemukan.", "File not found.")
        hint = Text("Periksa nama dan folder berkas.", "Check the file name and folder.")
        raise LoadFailed(_unreadable(label, reason, hint), unreadable=True) from None
    except IsADirectoryError:
        reason = Text("Ini sebuah folder, bukan berkas.", "This is a folder, not a file.")
        raise LoadFailed(_unreadable(label, reason, None), unreadable=True) from None
    except PermissionError:
        reason = Text("Tidak ada izin membaca berkas ini.", "No permission to read this file.")
        hint = Text("Periksa hak akses berkas.", "Check the file's permissions.")
        raise LoadFailed(_unreadable(label, reason, hint), unreadable=True) from None
    except OSError as error:
        reason = Text(
            f"Berkas tidak dapat dibaca: {error.strerror}.",
            f"The file cannot be read: {error.strerror}.",
        )
        raise LoadFailed(_unreadable(label, reason, None), unreadable=True) from None
    fmt = fmt or format_for_path(path)
    if fmt is None:
        suffix_id = path.suffix or "tanpa akhiran"
        suffix_en = path.suffix or "no extension"
        reason = Text(
            f"Format berkas tidak dikenal dari akhirannya ({suffix_id}).",
            f"Unknown file format from its extension ({suffix_en}).",
        )
        hint = Text(
            "Beri nama berakhiran .toml atau .json.",
            "Name the file with a .toml or .json extension.",
        )
        raise LoadFailed(_unreadable(label, reason, hint), unreadable=True)
    return load_bytes(raw, label, fmt)


def _unreadable(label: str, message: Text, hint: Text | None) -> Finding:
    return Finding(
        rule=LOAD_UNREADABLE.id,
        severity=LOAD_UNREADABLE.severity,
        message=message,
        pack=LOAD_UNREADABLE.pack,
        title=LOAD_UNREADABLE.title,
        location=TextLocation(label),
        hint=hint,
    )
