"""The imported draft as TOML (or JSON), with ``# PERIKSA`` beside what to confirm.

The draft is a normal report data file: the user reads each ``# PERIKSA``
comment, compares the value with the printed report at the place it names,
corrects the value if needed and removes the comment. JSON has no comments,
and an extra key would fail the schema: there the places to confirm are only
the IMPORT findings ``import`` lists.
"""

from __future__ import annotations

from ..datafile import to_json as _to_json
from ..datafile import to_toml as _to_toml
from .sources import Imported

__all__ = ["to_json", "to_toml"]

_HEADER = """\
:schema https://sakip-validate.invalid/schemas/lkjip.schema.json

DRAF hasil impor otomatis dari {label}.
Setiap nilai dibaca dari laporan tercetak; baris bertanda "# PERIKSA" belum pasti:
bandingkan dengan laporan di tempat yang disebut, perbaiki bila perlu, lalu hapus
komentarnya. Setelah itu periksa draf ini: sakip-validate check {name}"""


def to_toml(imported: Imported, name: str = "draf.toml") -> str:
    """The draft as TOML text, its notes as ``# PERIKSA`` comments."""
    header = _HEADER.format(label=imported.label, name=name).splitlines()
    return _to_toml(imported.data, header=header, notes=imported.notes)


def to_json(imported: Imported) -> str:
    """The draft as JSON, numbers exactly as read (79.70 stays 79.70)."""
    return _to_json(imported.data)
