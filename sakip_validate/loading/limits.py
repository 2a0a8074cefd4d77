"""Limits on what a report file may hold, so that no input can exhaust memory or time.

A real LKjIP is tens of kilobytes; its numbers are rupiah (at most a few
quadrillion) and percentages with a few decimals. The defaults leave a wide
margin around that and stop inputs built to hurt: a file of gigabytes, a
device or a FIFO named ``*.toml``, tables nested thousands deep, a key of a
hundred thousand dotted segments, a number with a billion-digit exponent.

Every limit can be changed (``--limit NAME=VALUE`` on the command line,
:class:`Limits` from Python); ``docs/limits.md`` lists them.
"""

from __future__ import annotations

import dataclasses
import functools
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from .pointers import join_pointer

__all__ = [
    "DEFAULT_LIMITS",
    "Limits",
    "Survey",
    "Violation",
    "first_structure_violation",
    "numbers_out_of_range",
    "survey",
]


@dataclass(frozen=True, slots=True)
class Limits:
    """How large and how deep a report may be, and how large its numbers."""

    file_bytes: int = 20 * 1024 * 1024
    """Size of one report file (or standard input) in bytes; checked before reading."""
    depth: int = 64
    """Nesting of tables and arrays."""
    key_segments: int = 64
    """Segments of one dotted TOML key or table header (``a.b.c`` has 3)."""
    items: int = 500_000
    """Values in the whole document (table rows, cells and texts together)."""
    digits: int = 40
    """Significant digits of one number."""
    exponent: int = 30
    """Largest power of ten of one number, up or down: 1e30 and 1e-30 are the extremes."""
    pages: int = 400
    """Pages of a published report read by the importer (Word, PDF); an LKjIP has about 100."""

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    def replace(self, assignment: str) -> Limits:
        """A copy with ``NAME=VALUE`` applied; ValueError naming the problem otherwise."""
        name, sep, value = assignment.partition("=")
        name = name.strip().replace("-", "_")
        if not sep or name not in self.names():
            names = ", ".join(self.names())
            raise ValueError(f"expected NAME=VALUE with NAME one of {names}; got {assignment!r}")
        text = value.strip().replace("_", "")
        if not text.isdigit() or int(text) < 1:
            raise ValueError(f"{name} must be a whole number of at least 1; got {value!r}")
        return dataclasses.replace(self, **{name: int(text)})


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True, slots=True)
class Violation:
    """A limit a document breaks: which, where (JSON pointer) and the offending size."""

    limit: str
    pointer: str
    size: int


@dataclass(frozen=True, slots=True)
class Survey:
    """What one walk over parsed data tells, before any pointer is computed.

    ``items`` and ``deepest`` are the values and the deepest level; past depth
    ``limits.depth`` the walk stops (a violation in any case) and ``complete`` is
    False: ``numbers_in_range`` and ``plain`` then tell nothing. ``plain``: only
    dicts, lists, text, whole numbers, booleans and finite Decimals, each of its
    exact type (a TOML report with no date, nan or inf).
    """

    limits: Limits
    items: int
    deepest: int
    complete: bool
    numbers_in_range: bool
    plain: bool

    @property
    def structure_ok(self) -> bool:
        return self.items <= self.limits.items and self.deepest <= self.limits.depth


def survey(data: Any, limits: Limits, *, whole: bool = False) -> Survey:
    """Size, depth, numbers beyond the limits and plainness of ``data``, in one walk.

    ``whole``: go on past depth ``limits.depth`` (for the numbers of data already
    known to be too deep). Level by level, so that depth itself cannot exhaust the
    Python stack, and without a pointer or a tuple per value: a report's thousand
    values cost one type test each, text (most of them) the cheapest.
    """
    bound = _int_bound(limits.digits)
    low, high = -limits.exponent, limits.exponent
    digits = limits.digits
    items = depth = 0
    numbers_in_range = plain = True
    stop = sys.maxsize if whole else limits.depth
    level: list[Any] = [data]
    while level:
        if depth > stop:
            return Survey(limits, items + len(level), depth, False, False, False)
        items += len(level)
        below: list[Any] = []
        for value in level:
            kind = type(value)
            if kind is str:
                continue
            if kind is dict:
                below += value.values()
            elif kind is list:
                below += value
            elif kind is int:
                if not -bound < value < bound and not number_in_range(value, limits):
                    numbers_in_range = False
            elif kind is Decimal:
                if not value.is_finite():
                    plain = False  # its own finding (TOML) or refused already (JSON)
                elif not (
                    low <= value.adjusted() <= high
                    # Its text holds every digit (and more), and costs a fifth of as_tuple.
                    and (len(str(value)) <= digits or len(value.as_tuple().digits) <= digits)
                ):
                    numbers_in_range = False
            elif kind is not bool:
                plain = False  # a date, a time, None, or a subclass: judged as before
                if isinstance(value, dict):
                    below += value.values()
                elif isinstance(value, list):
                    below += value
                elif (
                    isinstance(value, Decimal | int)
                    and not isinstance(value, bool)
                    and not number_in_range(value, limits)
                ):
                    numbers_in_range = False
        level = below
        depth += 1
    return Survey(limits, items, max(depth - 1, 0), True, numbers_in_range, plain)


@functools.cache
def _int_bound(digits: int) -> int:
    """Every int below this in size is within ``digits`` (:func:`number_in_range`);
    up to 1,000 digits, exactly those are."""
    if digits > 1000:
        return 10**1000  # a huge --limit digits: the rest is judged one by one
    return min(1 << (digits * 10 // 3), int(10**digits))


def first_structure_violation(
    data: Any, limits: Limits, known: Survey | None = None
) -> Violation | None:
    """The first place where ``data`` nests deeper or holds more values than allowed.

    ``known``: the :func:`survey` of ``data`` under ``limits``, if taken already.
    Iterative, so that depth itself cannot exhaust the Python stack.
    """
    if known is None or known.limits != limits:
        known = survey(data, limits)
    if known.structure_ok:
        return None  # the usual case, told without a pointer for every value
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    items = 0
    while stack:
        value, pointer, depth = stack.pop()
        if depth > limits.depth:
            return Violation("depth", pointer, depth)
        items += 1
        if items > limits.items:
            return Violation("items", pointer, items)
        if isinstance(value, dict):
            children = [(item, join_pointer(pointer, key)) for key, item in value.items()]
        elif isinstance(value, list):
            children = [(item, f"{pointer}/{index}") for index, item in enumerate(value)]
        else:
            continue
        stack.extend((item, where, depth + 1) for item, where in reversed(children))
    return None


class NumberTooLarge(ValueError):
    """A number the reader cannot even hold (its exponent alone has thousands of digits)."""

    def __init__(self, token: str) -> None:
        super().__init__(token[:40])
        self.token = token


def exact_decimal(token: str) -> Decimal:
    """``token`` as a Decimal; NumberTooLarge when even its exponent is beyond reading."""
    try:
        return Decimal(token)
    except InvalidOperation:
        raise NumberTooLarge(token) from None


def number_in_range(value: Decimal | int, limits: Limits) -> bool:
    """Whether a number has at most ``digits`` significant digits and a bounded exponent."""
    if isinstance(value, int):
        # bit_length avoids converting a huge int to text to count its digits.
        return value.bit_length() <= limits.digits * 10 // 3 and (
            len(str(value).lstrip("-")) <= limits.digits
        )
    if not value.is_finite():
        return True  # NaN and Infinity have their own finding
    digits = len(value.as_tuple().digits)
    return digits <= limits.digits and -limits.exponent <= value.adjusted() <= limits.exponent


def numbers_out_of_range(
    data: Any, limits: Limits, known: Survey | None = None
) -> Iterator[tuple[str, Decimal | int]]:
    """(pointer, number) of every number beyond the limits, in document order.

    ``known``: the :func:`survey` of ``data`` under ``limits``, if taken already.
    """
    if known is None or known.limits != limits or not known.complete:
        known = survey(data, limits, whole=True)
    if known.numbers_in_range:
        return  # the usual case, told without a pointer for every value
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, dict):
            stack.extend(reversed([(item, join_pointer(pointer, k)) for k, item in value.items()]))
        elif isinstance(value, list):
            stack.extend(reversed([(item, f"{pointer}/{i}") for i, item in enumerate(value)]))
        elif (
            isinstance(value, Decimal | int)
            and not isinstance(value, bool)
            and not number_in_range(value, limits)
        ):
            yield pointer, value
