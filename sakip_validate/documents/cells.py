"""Reading one printed cell: an Indonesian number, a rupiah amount, N/A, or text.

The printed forms are those of :mod:`sakip_validate.loading.slips` (decimal
comma, thousands dots, ``Rp``, ``,-``, ``%``); a cell either reads as exactly one
number or not at all, never half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..domain.values import is_na_text
from ..loading.slips import read_printed

__all__ = ["Reading", "read_number", "split_numbers"]

_SPACES = re.compile(r"\s+")
# Dashes a report prints for "no value" (hyphen, en dash, em dash).
_DASHES = {"-", "\u2013", "\u2014"}


@dataclass(frozen=True, slots=True)
class Reading:
    """What a cell holds: ``value`` (a number or an N/A mark), or ``problem`` when unreadable."""

    value: Decimal | int | str | None
    problem: str | None = None  # why the cell could not be read as one number


def _as_data(value: Decimal, money: bool) -> Decimal | int:
    if money:
        return int(value)
    # "100%" is written 100 in the data, "50,00%" keeps its decimals (50.00).
    return int(value) if value.as_tuple().exponent == 0 else value


def read_number(text: str, *, money: bool = False) -> Reading:
    """The number a cell prints; empty cells read as None, N/A and dashes as their mark."""
    body = _SPACES.sub(" ", text).strip()
    if not body:
        return Reading(None)
    if is_na_text(body) or body in _DASHES:
        return Reading(body if body in _DASHES else "N/A")
    compact = (
        body.replace(" ", "") if re.fullmatch(r"[Rr][Pp]\.?\s*[0-9.,\-]+\s*%?", body) else body
    )
    compact = re.sub(r"\s+%$", "%", compact)
    printed = read_printed(compact, money=money)
    if printed is None:
        return Reading(None, "bukan angka")
    if money and printed.fraction and set(printed.fraction) != {"0"}:
        return Reading(None, "rupiah dengan sen")
    return Reading(_as_data(printed.value, money))


def split_numbers(text: str) -> list[Reading] | None:
    """Several numbers printed in one cell ("0,00% 5,88%"), or None when not so."""
    parts = text.split()
    if len(parts) < 2:
        return None
    readings = [read_number(part) for part in parts]
    if any(r.value is None for r in readings):
        return None
    return readings
