"""Bytes to text: UTF-8 with or without BOM, and a clear message for anything else."""

from __future__ import annotations

import codecs
import re

from ..codes import LOAD_ENCODING
from ..findings import Text
from .positions import Position
from .problems import LoadProblem

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")

_FOREIGN_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)

_RESAVE_HINT = Text(
    "Simpan ulang berkas dengan pengodean UTF-8 (misalnya di Notepad: Simpan Sebagai, "
    "Pengodean: UTF-8; di VS Code: klik pengodean di bilah status, Save with Encoding, UTF-8).",
    "Save the file again with UTF-8 encoding (e.g. Notepad: Save As, Encoding: UTF-8; "
    "VS Code: click the encoding in the status bar, Save with Encoding, UTF-8).",
)


def decode_utf8(raw: bytes) -> str:
    """Decode report bytes as UTF-8, dropping a UTF-8 BOM; raise LoadProblem otherwise."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    else:
        for bom, name in _FOREIGN_BOMS:
            if raw.startswith(bom):
                raise LoadProblem(
                    LOAD_ENCODING,
                    Text(
                        f"Berkas tersimpan dengan pengodean {name}, bukan UTF-8.",
                        f"The file is saved as {name}, not UTF-8.",
                    ),
                    hint=_RESAVE_HINT,
                    position=Position(1, 1),
                )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # Lines end at \r\n, \r or \n, as in editors and the position index.
        before = _LINE_BREAK.split(raw[: error.start])
        line = len(before)
        column = len(before[-1].decode("utf-8", errors="replace")) + 1
        bad = raw[error.start : error.end].hex(" ").upper()
        raise LoadProblem(
            LOAD_ENCODING,
            Text(
                f"Berkas bukan teks UTF-8: bait {bad} pada baris {line} kolom {column} "
                "tidak sah dalam UTF-8 (berkas mungkin tersimpan sebagai Windows-1252/ANSI).",
                f"The file is not UTF-8 text: byte {bad} at line {line} column {column} "
                "is not valid UTF-8 (the file may be saved as Windows-1252/ANSI).",
            ),
            hint=_RESAVE_HINT,
            position=Position(line, column),
            printed=bad,
        ) from None
