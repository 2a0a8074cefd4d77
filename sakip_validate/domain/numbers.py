"""Exact arithmetic on printed report figures (DESIGN.md §3).

Report figures arrive as ``int`` (rupiah, whole numbers) or ``Decimal`` carrying
the printed digits: ``"99,93%"`` is ``Decimal("99.93")`` and so stands for any
value that prints as 99,93.  This module decides whether an exactly recomputed
value agrees with such a figure, computes capaian and percentages without
floats, and formats numbers the way an Indonesian report prints them.

Rounding conventions (the ones spreadsheets use, which is where the figures
come from):

* *half-up* is ``ROUND_HALF_UP``: ties go away from zero, like Excel's
  ``ROUND`` (99.935 → 99.94, -99.935 → -99.94);
* *truncate* is ``ROUND_DOWN``: towards zero, like Excel's ``TRUNC``.

Both are symmetric about zero, so a negative figure behaves like its mirror.

All arithmetic runs in local ``decimal.Context`` objects; the global context is
never read or changed.
"""

from __future__ import annotations

import enum
import functools
from decimal import (
    ROUND_05UP,
    ROUND_DOWN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
)
from typing import Literal, NamedTuple

__all__ = [
    "DIVISION_PRECISION",
    "Agreement",
    "Polarity",
    "PrintedInterval",
    "capaian",
    "compare_printed",
    "decimals_of",
    "difference",
    "format_en",
    "format_id",
    "format_number",
    "format_rupiah_id",
    "inverted_capaian",
    "mean",
    "percent",
    "printed_interval",
    "round_half_up",
    "truncate",
]

Number = Decimal | int
Polarity = Literal["positif", "negatif"]

# Significant digits kept by a division.  Far more than any printed figure
# needs: a quotient of report numbers is only ever re-rounded to a few places.
DIVISION_PRECISION = 50

_HUNDRED = Decimal(100)

# Bounds of every context: far beyond any report figure (the loader admits at
# most 40 significant digits and powers of ten up to 30), so that no input can
# make a computation grow its digits or its exponent without limit; going past
# them raises instead (InvalidOperation, Overflow).
MAX_PRECISION = 200
MAX_EXPONENT = 9999


@functools.lru_cache(maxsize=256)
def _context(prec: int, *, exact: bool = False) -> Context:
    """A local context; ``exact=True`` turns any rounding into an error.

    Contexts are shared (one per precision): only their traps and rounding are
    read, never their flags, and a report's arithmetic asks for a few precisions
    hundreds of thousands of times.
    """
    traps = [InvalidOperation, DivisionByZero, Overflow]
    if exact:
        traps.append(Inexact)
    return Context(
        prec=min(prec, MAX_PRECISION),
        rounding=ROUND_HALF_UP,
        Emax=MAX_EXPONENT,
        Emin=-MAX_EXPONENT,
        traps=traps,
    )


# Divisions round with ROUND_05UP ("round for re-rounding"): an inexact result
# never ends in 0 or 5, so it never lands exactly on a tie or a cut point of a
# coarser precision, and rounding it again later (half-up or truncate to the
# printed places) gives the same answer as rounding the true quotient once.
_DIVISION = Context(
    prec=DIVISION_PRECISION,
    rounding=ROUND_05UP,
    Emax=MAX_EXPONENT,
    Emin=-MAX_EXPONENT,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


def _check(value: Number, name: str = "value") -> Decimal:
    """Return ``value`` as a finite Decimal; refuse floats, bools and NaN/Infinity."""
    # The common cases first, by exact type (called for nearly every figure of a report).
    if type(value) is Decimal:
        if value.is_finite():
            return value
    elif type(value) is int:
        return Decimal(value)
    # bool is an int subclass; a True reaching arithmetic is always a bug upstream.
    if isinstance(value, bool) or not isinstance(value, _NUMBER_TYPES):
        raise TypeError(f"{name} must be int or Decimal, not {type(value).__name__}")
    if isinstance(value, int):
        return Decimal(value)
    if not value.is_finite():
        raise ValueError(f"{name} must be finite, got {value}")
    return value


_NUMBER_TYPES = (int, Decimal)
# Integers below this take the short way through _format (far below MAX_PRECISION digits).
_BIG_INT = 10**40


def _digits_needed(value: Decimal, decimals: int) -> int:
    """Precision that holds ``value`` at ``decimals`` places with room to spare."""
    return max(DIVISION_PRECISION, value.adjusted() + decimals + 3)


def _exponent(value: Decimal) -> int:
    """The exponent of a finite Decimal, read from its str (``as_tuple`` builds a tuple of
    every digit): "12.50" -> -2, "100" -> 0, "1.5E+3" -> 2, "1E-7" -> -7."""
    text = str(value)
    point = text.find(".")
    mark = text.find("E")
    if mark < 0:
        if point < 0:
            if not value.is_finite():
                raise AssertionError("only NaN/Infinity have a str exponent")
            return 0
        return point + 1 - len(text)
    return int(text[mark + 1 :]) - (mark - point - 1 if point >= 0 else 0)


def _exact_mul(a: Decimal, b: Decimal) -> Decimal:
    """``a × b`` without rounding (the context traps Inexact should it ever be needed)."""
    # A figure's str holds every digit of its coefficient: its length is enough room.
    digits = len(str(a)) + len(str(b))
    return _context(max(DIVISION_PRECISION, digits + 1), exact=True).multiply(a, b)


def _exact_sub(a: Decimal, b: Decimal) -> Decimal:
    """``a − b`` without rounding (the context traps Inexact should it ever be needed)."""
    top = max(a.adjusted(), b.adjusted()) + 1  # one more digit for a carry
    bottom = min(_exponent(a), _exponent(b))
    return _context(max(DIVISION_PRECISION, top - bottom + 2), exact=True).subtract(a, b)


def decimals_of(value: Number) -> int:
    """Number of printed decimal places: ``99.93`` → 2, ``100`` → 0, ``1E+2`` → 0."""
    if type(value) is int:
        return 0
    exponent = _exponent(_check(value))
    return -exponent if exponent < 0 else 0


def _quantum(decimals: int) -> Decimal:
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    if decimals < len(_QUANTA):
        return _QUANTA[decimals]
    return Decimal((0, (1,), -decimals))


# 1, 0.1, 0.01, ...: the quanta of the places figures are printed with, made once.
_QUANTA = tuple(Decimal((0, (1,), -places)) for places in range(32))


def round_half_up(value: Number, decimals: int) -> Decimal:
    """``value`` rounded half-up (ties away from zero) to ``decimals`` places.

    This is what a figure should have been printed as, e.g. for a message
    "tertulis 99,93; seharusnya 99,94".
    """
    x = _check(value)
    ctx = _context(_digits_needed(x, decimals))
    return x.quantize(_quantum(decimals), rounding=ROUND_HALF_UP, context=ctx)


def truncate(value: Number, decimals: int) -> Decimal:
    """``value`` cut (towards zero) to ``decimals`` places, like Excel's ``TRUNC``."""
    x = _check(value)
    ctx = _context(_digits_needed(x, decimals))
    return x.quantize(_quantum(decimals), rounding=ROUND_DOWN, context=ctx)


class PrintedInterval(NamedTuple):
    """The values a printed figure stands for: between ``low`` and ``high``.

    Which end is closed follows from half-up printing (ties away from zero):

    * figure > 0: ``[low, high)``. 99.925 prints as 99.93 but 99.935 prints
      as 99.94, so for 99.93 the interval is [99.925, 99.935);
    * figure < 0: ``(low, high]``, the mirror image ([-99.935, -99.925) would
      wrongly admit -99.935, which prints as -99.94);
    * figure = 0: ``(low, high)``, since ±0.005 print as ±0.01.

    Use :meth:`contains` rather than comparing with the bounds by hand.
    """

    low: Decimal
    high: Decimal

    @property
    def _sign(self) -> int:
        # low and high are symmetric about the figure, so their sum has its sign.
        total = _context(DIVISION_PRECISION).add(self.low, self.high)
        return (total > 0) - (total < 0)

    @property
    def closed_low(self) -> bool:
        return self._sign > 0

    @property
    def closed_high(self) -> bool:
        return self._sign < 0

    def contains(self, value: Number) -> bool:
        """Whether ``value`` lies in the interval (and so prints as the figure)."""
        x = _check(value)
        above = x >= self.low if self.closed_low else x > self.low
        below = x <= self.high if self.closed_high else x < self.high
        return above and below


def printed_interval(value: Number) -> PrintedInterval:
    """The interval ``v ± h``, ``h = 0.5·10^-decimals``, that a printed figure stands for.

    XBRL Calculations 1.1 style; see :class:`PrintedInterval` for which ends
    are closed.  ``Decimal("99.93")`` → ``(99.925, 99.935)``, meaning
    [99.925, 99.935).
    """
    v = _check(value)
    d = decimals_of(v)
    half = Decimal((0, (5,), -(d + 1)))
    return PrintedInterval(_exact_sub(v, half), _exact_sub(v, -half))


class Agreement(enum.Enum):
    """How a printed figure relates to the exactly recomputed value."""

    EXACT = "exact"
    """The recomputed value rounds (half-up) to the printed figure."""
    TRUNCATED = "truncated"
    """It does not round to it, but truncation gives it: the milder finding."""
    MISMATCH = "mismatch"
    """Neither rounding nor truncation explains the printed figure."""


def compare_printed(printed: Number, exact: Number) -> Agreement:
    """Classify ``printed`` against ``exact`` at the precision ``printed`` shows."""
    p = _check(printed, "printed")
    d = decimals_of(p)
    # round_half_up(exact, d), then truncate(exact, d), sharing their checks and context.
    x = _check(exact)
    ctx = _context(_digits_needed(x, d))
    quantum = _quantum(d)
    if x.quantize(quantum, rounding=ROUND_HALF_UP, context=ctx) == p:
        return Agreement.EXACT
    if x.quantize(quantum, rounding=ROUND_DOWN, context=ctx) == p:
        return Agreement.TRUNCATED
    return Agreement.MISMATCH


def _ratio_percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    """``numerator / denominator × 100`` with one rounding; None when dividing by 0."""
    if denominator == 0:
        return None
    # Multiply first (exactly) so the only rounding is the division's.
    return _DIVISION.divide(_exact_mul(numerator, _HUNDRED), denominator)


def capaian(target: Number, realisasi: Number, polarity: Polarity) -> Decimal | None:
    """Capaian kinerja in percent, or None when the target is 0 (report must print N/A).

    * ``positif``: R / T × 100;
    * ``negatif``: (2T − R) / T × 100, i.e. (T − (R − T)) / T × 100, the form
      printed in real LKjIPs (domain-notes §1.5).
    """
    t = _check(target, "target")
    r = _check(realisasi, "realisasi")
    if polarity == "positif":
        return _ratio_percent(r, t)
    if polarity == "negatif":
        return _ratio_percent(_exact_sub(_exact_mul(Decimal(2), t), r), t)
    raise ValueError(f"polarity must be 'positif' or 'negatif', got {polarity!r}")


def inverted_capaian(target: Number, realisasi: Number) -> Decimal | None:
    """T / R × 100, the inverted formula some reports use by mistake; None when R = 0."""
    return _ratio_percent(_check(target, "target"), _check(realisasi, "realisasi"))


def percent(part: Number, whole: Number) -> Decimal | None:
    """``part / whole × 100`` (budget absorption, counts as shares); None when whole = 0."""
    return _ratio_percent(_check(part, "part"), _check(whole, "whole"))


def difference(minuend: Number, subtrahend: Number) -> Decimal:
    """``minuend − subtrahend`` exactly (no rounding at any size a report prints)."""
    return _exact_sub(_check(minuend, "minuend"), _check(subtrahend, "subtrahend"))


def mean(values: list[Number]) -> Decimal:
    """The arithmetic mean of printed figures, with one rounding (the division's)."""
    if not values:
        raise ValueError("the mean of no values is undefined")
    total = Decimal(0)
    for value in values:
        total = _context(MAX_PRECISION, exact=True).add(total, _check(value))
    return _DIVISION.divide(total, Decimal(len(values)))


def _format(value: Number, decimals: int | None, thousands: str, point: str) -> str:
    if type(value) is int and not decimals and -_BIG_INT < value < _BIG_INT:
        # Whole rupiah, the most common figure in a message: digits and separators only
        # (what the general path gives an int at 0 places, without the Decimal work).
        text = format(value, ",d")
        return text if thousands == "," else text.replace(",", thousands)
    x = _check(value)
    if decimals is None:
        # At its own places a figure needs no rounding: quantizing would give it back
        # unchanged. Only for figures well inside the contexts' bounds: beyond them
        # round_half_up refuses (InvalidOperation), as it always has.
        shape = x.as_tuple()
        exponent = shape.exponent
        assert isinstance(exponent, int)  # finite
        places = -exponent if exponent < 0 else 0
        ordinary = -100 <= exponent <= 0 and len(shape.digits) <= 100
        rounded = x if ordinary else round_half_up(x, places)
    else:
        places = decimals
        rounded = round_half_up(x, places)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0,00": a zero has no sign on paper
    # Already quantized, so the format spec only adds separators, never rounds.
    text = format(rounded, _SPECS[places] if places < len(_SPECS) else f",.{places}f")
    if thousands == "," and point == ".":
        return text  # already the English form
    return text.translate(_separators(thousands, point))


_SPECS = tuple(f",.{places}f" for places in range(32))


@functools.lru_cache(maxsize=8)
def _separators(thousands: str, point: str) -> dict[int, str]:
    return {ord(","): thousands, ord("."): point}


def format_id(value: Number, decimals: int | None = None) -> str:
    """Indonesian form: ``1.834.058.000``, ``99,93``, ``-5,5``.

    ``decimals=None`` keeps the printed places of ``value``; otherwise the value
    is rounded half-up to ``decimals`` places.
    """
    return _format(value, decimals, thousands=".", point=",")


def format_en(value: Number, decimals: int | None = None) -> str:
    """English form: ``1,834,058,000``, ``99.93``, ``-5.5`` (same rules as :func:`format_id`)."""
    return _format(value, decimals, thousands=",", point=".")


def format_number(value: Number, lang: str, decimals: int | None = None) -> str:
    """``value`` as a reader of ``lang`` writes it (``id``: 1.834.058.000 and 99,93)."""
    if lang == "en":
        return format_en(value, decimals)
    return format_id(value, decimals)


def format_rupiah_id(amount: int) -> str:
    """Rupiah as an Indonesian report prints it: ``Rp1.834.058.000``, ``-Rp5.000``."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amount must be int, not {type(amount).__name__}")
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{format_id(abs(amount))}"
