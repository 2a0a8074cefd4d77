"""Reading printed cells: numbers, rupiah and the not-available mark, one way everywhere.

A cell of a report holds what the report prints: an ``int`` (rupiah, whole
numbers), a ``Decimal`` carrying the printed digits, text (``"N/A"``, names) or
nothing. Checks and outputs read cells only through these functions, so that
"is this a number" and "is this N/A" have one answer in the whole program.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = [
    "NA_FORMS",
    "as_count",
    "as_number",
    "as_rupiah",
    "is_na",
    "is_na_text",
    "na_mark",
    "same_value",
]

_RUPIAH_DIGITS = 40

# How a report prints "not available" in a figure's place, each form as the data
# keeps it (the schema's ``nilai`` accepts exactly these): N/A in either case, and a
# dash, which a word processor may have turned into an en or em dash.
NA_FORMS = frozenset({"N/A", "n/a", "-", "\u2013", "\u2014"})
_NA_TEXT = frozenset(form.casefold() for form in NA_FORMS)
# Forms that are one mark printed two ways: a table printing "N/A" and another "n/a"
# say the same thing alike; "N/A" and "-" are two different marks.
_NA_MARK = {"N/A": "N/A", "n/a": "N/A", "-": "-", "\u2013": "-", "\u2014": "-"}


def is_na(value: Any) -> bool:
    """Whether ``value`` is a printed not-available mark (``N/A``, ``n/a``, ``-``, ``–``, ``—``)."""
    return isinstance(value, str) and value in NA_FORMS


def na_mark(value: Any) -> str | None:
    """The not-available mark ``value`` prints ("N/A" or "-"), or None when it prints none."""
    return _NA_MARK.get(value) if isinstance(value, str) else None


def is_na_text(value: Any) -> bool:
    """Whether ``value`` is text meant as not available, letter case and spacing aside.

    Free text (a kategori, a figure quoted from the report's prose) is not held to
    the exact forms of a table cell: `` n/a `` reads as ``N/A`` there.
    """
    return isinstance(value, str) and value.strip().casefold() in _NA_TEXT


def as_number(value: Any) -> Decimal | None:
    """``value`` as a Decimal, or None when it is empty, N/A, text, a bool or not finite."""
    # The common cases first, by exact type: every figure of a report is read here.
    if type(value) is Decimal:
        return value if value.is_finite() else None
    if type(value) is int:
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    return Decimal(value)


def as_rupiah(value: Any) -> int | None:
    """``value`` as whole rupiah, or None when it is not a whole number."""
    if type(value) is int:
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    number = as_number(value)
    # int() of a number with a huge exponent would build a huge integer: the
    # loader bounds numbers, and this never trusts that it did.
    if number is None or number.adjusted() > _RUPIAH_DIGITS or number != number.to_integral_value():
        return None
    return int(number)


def same_value(a: Any, b: Any) -> bool:
    """Printed values agree: numbers by value (50.00 == 50), anything else by equality.

    The not-available marks agree by mark: "n/a" is "N/A", an en dash is "-".
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    mark = na_mark(a)
    if mark is not None:
        return mark == na_mark(b)
    first, second = as_number(a), as_number(b)
    if first is not None and second is not None:
        return first == second
    return bool(a == b)


def as_count(value: Any) -> int | None:
    """``value`` as a count of things: a whole number, at least 0; else None."""
    count = as_rupiah(value)
    return count if count is not None and count >= 0 else None
