"""The arithmetic of shares: which counts of a whole print as a given percentage."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...engine.templates import Percent

__all__ = ["HUNDRED", "matching_counts", "nearest", "run_text", "sums_to_hundred"]

# Only bounds a search that is verified exactly afterwards: plenty of digits, no traps needed.
_WIDE = Context(prec=80, rounding=ROUND_FLOOR)
HUNDRED = Decimal(100)


def matching_counts(
    printed: Decimal, whole: int, *, truncated: bool = False
) -> tuple[int, int] | None:
    """The counts k (0 ≤ k ≤ whole) for which k/whole × 100 prints as ``printed``.

    Half-up rounding at the printed precision; with ``truncated`` also the counts
    that give ``printed`` by truncation. The counts form one run, returned as
    (first, last); None when there is none, i.e. the figure cannot be a share of
    ``whole``. The search is bounded by the figure's printed interval, so it costs
    a handful of exact comparisons whatever ``whole`` is.
    """
    if whole <= 0:
        return None
    # Keyed by the printed digits, not the value: 50.0 and 50.00 are equal
    # Decimals but stand for different intervals. A Decimal's str keeps its sign,
    # digits and exponent (one string for each), and is cheaper than as_tuple.
    digits = str(printed) if type(printed) is Decimal else printed.as_tuple()
    key = (digits, whole, truncated)
    if key not in _RUNS:
        if len(_RUNS) >= _RUNS_KEPT:
            _RUNS.clear()
        _RUNS[key] = _matching_counts(printed, whole, truncated)
    return _RUNS[key]


# The same (figure, whole) pairs recur across a report's tables and checks.
_RUNS: dict[tuple[object, int, bool], tuple[int, int] | None] = {}
_RUNS_KEPT = 20000


def _matching_counts(printed: Decimal, whole: int, truncated: bool) -> tuple[int, int] | None:
    def accepted(k: int) -> bool:
        share = percent(k, whole)
        assert share is not None  # whole > 0
        agreement = compare_printed(printed, share)
        return agreement is Agreement.EXACT or (truncated and agreement is Agreement.TRUNCATED)

    half = Decimal((0, (5,), -(decimals_of(printed) + 1)))
    low = _WIDE.subtract(printed, half)
    high = _WIDE.add(printed, _WIDE.multiply(half, 2 if truncated else 1))

    def scaled(bound: Decimal, rounding: str) -> int:
        value = _WIDE.divide(_WIDE.multiply(bound, whole), HUNDRED)
        return int(value.to_integral_value(rounding=rounding))

    first = max(0, scaled(low, ROUND_FLOOR) - 1)
    last = min(whole, scaled(high, ROUND_CEILING) + 1)
    while first <= last and not accepted(first):
        first += 1
    while last >= first and not accepted(last):
        last -= 1
    return (first, last) if first <= last else None


def run_text(run: tuple[int, int]) -> str | int:
    return run[0] if run[0] == run[1] else f"{run[0]}–{run[1]}"


def nearest(printed: Decimal, whole: int) -> list[Percent]:
    """The shares of ``whole`` just below and just above ``printed``, at its precision."""
    decimals = decimals_of(printed)
    below = int(
        _WIDE.divide(_WIDE.multiply(printed, whole), HUNDRED).to_integral_value(ROUND_FLOOR)
    )
    found = []
    for k in (below, below + 1):
        if 0 <= k <= whole:
            share = percent(k, whole)
            assert share is not None
            found.append(Percent(round_half_up(share, decimals), decimals))
    if not found:  # the figure lies beyond 0..100%: the nearest share is an end
        end = 0 if printed < 0 else whole
        share = percent(end, whole)
        assert share is not None
        found.append(Percent(round_half_up(share, decimals), decimals))
    return found


def sums_to_hundred(figures: list[Decimal]) -> bool:
    """Whether printed shares can come from values that add up to exactly 100.

    Each figure stands for its half-up interval p ± h or, if it was truncated,
    [p, p + 2h); 100 must lie within the sum of those widest bounds, so honest
    rounding (or truncation, reported separately when the counts are known) never fails.
    """
    low = Decimal(0)
    high = Decimal(0)
    for figure in figures:
        half = Decimal((0, (5,), -(decimals_of(figure) + 1)))
        low = _WIDE.add(low, _WIDE.subtract(figure, half))
        high = _WIDE.add(high, _WIDE.add(figure, _WIDE.multiply(half, 2)))
    return low <= HUNDRED <= high
