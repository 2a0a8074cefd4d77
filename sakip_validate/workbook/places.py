"""Cell references as Excel writes them: ``Anggaran!D14``, ``'Perbandingan Tahun'!E7``."""

from __future__ import annotations

import re

__all__ = ["cell_name", "column_letter", "pointer_of", "reference"]

_PLAIN_SHEET = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")


def column_letter(column: int) -> str:
    """The letters of 1-based ``column`` (1 -> A, 27 -> AA)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """``D14`` for 1-based row 14, column 4."""
    return f"{column_letter(column)}{row}"


def reference(sheet: str, row: int, column: int) -> str:
    """``Anggaran!D14``; a sheet name with spaces or other signs is quoted as Excel does."""
    name = sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{cell_name(row, column)}"


def pointer_of(parts: tuple[str | int, ...]) -> str:
    """The JSON pointer of a path of keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)
