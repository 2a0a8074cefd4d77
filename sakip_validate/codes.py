"""Built-in finding codes for reading and schema checking.

Rule packs (``rules/*.toml``) carry the consistency rules; these codes cover
what happens before them: the file cannot be read, parsed, or does not fit
the data model. Their ids are stable: CI baselines and ``--ignore`` refer to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity, Text


@dataclass(frozen=True, slots=True)
class Code:
    """A built-in finding code and its documentation."""

    id: str
    severity: Severity
    title: Text


def _code(code_id: str, title_id: str, title_en: str) -> Code:
    return Code(code_id, Severity.ERROR, Text(title_id, title_en))


LOAD_UNREADABLE = _code("LOAD001", "Berkas tidak dapat dibaca", "File cannot be read")
LOAD_ENCODING = _code("LOAD002", "Berkas bukan teks UTF-8", "File is not UTF-8 text")
LOAD_SYNTAX = _code("LOAD003", "Penulisan TOML/JSON tidak sah", "Invalid TOML/JSON syntax")
LOAD_DUPLICATE_KEY = _code("LOAD004", "Kunci ganda dalam JSON", "Duplicate key in JSON")
LOAD_NON_FINITE = _code("LOAD005", "Angka tak hingga atau NaN", "Infinite or not-a-number value")

SCHEMA_TYPE = _code("SCHEMA001", "Jenis nilai salah", "Wrong kind of value")
SCHEMA_REQUIRED = _code("SCHEMA002", "Isian wajib tidak ada", "Required field missing")
SCHEMA_UNKNOWN_KEY = _code("SCHEMA003", "Kunci tidak dikenal", "Unknown key")
SCHEMA_CHOICE = _code("SCHEMA004", "Nilai di luar pilihan yang sah", "Value not among the choices")
SCHEMA_FORMAT = _code("SCHEMA005", "Bentuk penulisan salah", "Wrong format")
SCHEMA_RANGE = _code("SCHEMA006", "Nilai di luar batas", "Value out of range")
SCHEMA_SIZE = _code("SCHEMA007", "Jumlah isian tidak sesuai", "Wrong number of items")
SCHEMA_VERSION = _code("SCHEMA008", "Versi skema tidak didukung", "Unsupported schema version")
SCHEMA_OTHER = _code("SCHEMA009", "Tidak sesuai skema", "Does not match the schema")

ALL_CODES: tuple[Code, ...] = (
    LOAD_UNREADABLE,
    LOAD_ENCODING,
    LOAD_SYNTAX,
    LOAD_DUPLICATE_KEY,
    LOAD_NON_FINITE,
    SCHEMA_TYPE,
    SCHEMA_REQUIRED,
    SCHEMA_UNKNOWN_KEY,
    SCHEMA_CHOICE,
    SCHEMA_FORMAT,
    SCHEMA_RANGE,
    SCHEMA_SIZE,
    SCHEMA_VERSION,
    SCHEMA_OTHER,
)
