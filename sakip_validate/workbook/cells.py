"""Reading one cell of a filled workbook: text typed the Indonesian way, or a stored number.

A person types ``80,95%``, ``1.834.058.000`` or ``Rp 1.834.058.000,-``; a copied
cell holds a number, perhaps a fraction shown with a % format (0.8095 as
80,95%). Every such cell reads to an exact value: a ``Decimal`` keeping the
printed decimals, whole rupiah as ``int``. A binary float never passes this
module: openpyxl's float becomes a Decimal through its shortest ``repr``, the
one that reads back to the same float, so 80.95 stays 80.95.

A comma is always the decimal comma (``1,500`` is one and a half), several
comma groups excepted (``1,834,058,000``). A cell that can be read two ways
(``1.500``: one and a half with a decimal point as TOML and English write it,
or fifteen hundred with the Indonesian thousands dot) is not guessed: it comes back as
:class:`Ambiguous`, which the reader turns into a finding at the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .layout import Kind

__all__ = ["NA_MARKS", "Ambiguous", "decimals_shown", "read_cell", "read_text"]

NA_MARKS = frozenset({"N/A", "n/a", "-", "–", "—"})
_TRUE = frozenset({"ya", "y", "benar", "true", "1"})
_FALSE = frozenset({"tidak", "t", "salah", "false", "0"})


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A cell whose number reads two ways; ``readings`` are both, neutral (``1.5``, ``1500``)."""

    written: str
    readings: tuple[str, str]


_SPACES = re.compile(r"[\s\u00a0\u202f]+")
_RP = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_PLAIN = re.compile(r"^\d+$")
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_COMMA_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_COMMA_DECIMAL = re.compile(r"^\d+,\d+$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d+$")
_WHOLE_KINDS = frozenset({"int", "rupiah"})


def _number(text: str, kind: Kind) -> Decimal | Ambiguous | None:
    """The number ``text`` writes (sign, Rp, %, separators handled), or None if it is none."""
    core = _SPACES.sub("", text)
    negative = core[:1] in ("-", "−") and len(core) > 1
    if negative:
        core = core[1:]
    core = _RP.sub("", core)
    if core.endswith((",-", ".-")):
        core = core[:-2]
    if core.endswith("%") and kind not in _WHOLE_KINDS:
        core = core[:-1]
    if _PLAIN.match(core):
        neutral = core
    elif _DOT_THOUSANDS.match(core):
        whole, _, fraction = core.partition(",")
        neutral = whole.replace(".", "") + ("." + fraction if fraction else "")
        if not fraction and whole.count(".") == 1 and kind not in _WHOLE_KINDS:
            if whole.startswith("0"):
                neutral = whole  # 0.500: no thousands group starts with 0
            else:
                return Ambiguous(text, (whole, neutral))
    elif _COMMA_DECIMAL.match(core):
        # The Indonesian decimal comma, also before three digits (1,500 is 1.5):
        # the template asks for it, and a comma never marks thousands in Indonesian.
        neutral = core.replace(",", ".")
    elif _COMMA_THOUSANDS.match(core):
        # 1,834,058,000: several comma groups can only be English thousands.
        whole, _, fraction = core.partition(".")
        neutral = whole.replace(",", "") + ("." + fraction if fraction else "")
    elif _DOT_DECIMAL.match(core):
        neutral = core
    else:
        return None
    try:
        value = Decimal(neutral)
    except InvalidOperation:  # pragma: no cover - the patterns admit only digits
        return None
    return -value if negative else value


def _exact(value: Decimal, kind: Kind) -> Decimal | int:
    """A whole number without decimals as ``int`` (as TOML reads ``100``), else the Decimal."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    return value


def read_text(text: str, kind: Kind) -> Any:
    """The value of a text cell of a column of ``kind``; the text itself when it is no value.

    Text that is not a number where a number belongs is returned unchanged: the
    schema step then reports it at the cell, as it does for a TOML file.
    """
    stripped = text.strip()
    if kind in ("text", "enum", "list"):
        if kind == "list":
            return [part.strip() for part in stripped.split(";") if part.strip()]
        return stripped
    if kind == "bool":
        word = stripped.lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
        return stripped
    if kind in ("nilai", "nilai_teks") and stripped in NA_MARKS:
        return stripped
    if kind == "halaman" and not re.match(r"^[1-9][0-9]{0,4}$", stripped):
        return stripped  # "ii", "40-46": a page as printed stays text
    number = _number(stripped, kind)
    if number is None:
        return stripped
    if isinstance(number, Ambiguous):
        return number
    if kind == "halaman":
        return stripped  # a page typed as text stays text, as in TOML ("23")
    return _exact(number, kind)


def decimals_shown(number_format: str) -> tuple[int | None, bool]:
    """(decimals a number format shows, whether it is a percentage); None: General.

    Only the first section (positive numbers) counts; quoted text and escapes
    are ignored.
    """
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format.split(";")[0])
    if section.strip().lower() in ("", "general", "@"):
        return None, False
    percent = "%" in section
    match = re.search(r"[0#?]\.([0#?]+)", section)
    return (len(match.group(1)) if match else 0), percent


def read_number(value: int | float, number_format: str, kind: Kind, formula: bool) -> Any:
    """The exact value of a numeric cell, its decimals taken from the number format.

    A format that shows more decimals than the number stores pads it (79.7 shown
    as 79,70 reads 79.70, as printed). One that shows fewer keeps what was typed,
    except in a formula cell, whose printed figure is the rounded one.
    """
    if isinstance(value, bool):
        return value if kind == "bool" else str(value).upper()
    number = Decimal(value) if isinstance(value, int) else Decimal(repr(value))
    shown, percent = decimals_shown(number_format)
    if percent:
        number = number.scaleb(2)
    if shown is not None:
        exponent = number.as_tuple().exponent
        stored = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        if stored < shown or formula or (stored > shown and number == number.to_integral_value()):
            number = number.quantize(Decimal(1).scaleb(-shown))
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    if kind in ("text", "enum", "list", "halaman"):
        plain = _exact(number, kind)
        if kind == "halaman" and isinstance(plain, int):
            return plain
        text = str(plain)
        return [text] if kind == "list" else text
    if kind == "bool":
        return str(number)
    return _exact(number, kind)


def read_cell(value: Any, number_format: str, kind: Kind, formula: bool = False) -> Any:
    """The value of a cell as openpyxl gives it (None when empty)."""
    if value is None:
        return None
    if isinstance(value, str):
        return None if not value.strip() else read_text(value, kind)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float):
        return read_number(value, number_format, kind, formula)
    return str(value)
