"""Reading a satuan (unit): a percentage, an index, or something counted.

Reports spell one unit many ways: a percentage is "%", "Persen", "Persentase"
(and "Prosentase"); an index value is "Indeks", "Nilai", "Poin" or "Skor". The
kind decides how a figure is shown (a percentage gets a % sign, an index does
not) and which spellings are the same unit. Checks and outputs read a satuan
only through these functions.
"""

from __future__ import annotations

import re
from typing import Any, Literal

__all__ = ["UnitKind", "is_index_unit", "is_percent_unit", "same_unit", "unit_kind"]

UnitKind = Literal["percent", "index"]

# The first word of a satuan says its kind: "Persentase (%)", "Indeks (skala 1-4)".
_PERCENT_WORDS = frozenset({"%", "persen", "persentase", "prosentase", "presentase"})
_INDEX_WORDS = frozenset({"indeks", "index", "nilai", "poin", "skor"})
# Percentage points are a difference of percentages, not a share of a hundred.
_POINT_WORDS = frozenset({"poin", "point"})
_WORD = re.compile(r"%|[^\W\d_]+")


def unit_kind(unit: Any) -> UnitKind | None:
    """ "percent" or "index" for a satuan of that kind, else None (desa, orang, dokumen)."""
    if not isinstance(unit, str):
        return None
    words = _WORD.findall(unit.casefold())
    if not words:
        return None
    if words[0] in _PERCENT_WORDS and not _POINT_WORDS.intersection(words):
        return "percent"
    if words[0] in _INDEX_WORDS:
        return "index"
    return None


def is_percent_unit(unit: Any) -> bool:
    """Whether a satuan is a percentage, however it is spelled."""
    return unit_kind(unit) == "percent"


def is_index_unit(unit: Any) -> bool:
    """Whether a satuan is an index value (Indeks, Nilai, Poin, Skor): not a percentage."""
    return unit_kind(unit) == "index"


def same_unit(a: Any, b: Any) -> bool:
    """Two satuan name one unit: alike ignoring case and spacing, or both of one kind."""
    if not (isinstance(a, str) and isinstance(b, str)):
        return False
    kind = unit_kind(a)
    if kind is not None and kind == unit_kind(b):
        return True
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
