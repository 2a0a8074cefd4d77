"""Tests for sakip_validate.numbers: printed precision, agreement, capaian, formatting."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_validate.domain.numbers import (
    Agreement,
    capaian,
    compare_printed,
    decimals_of,
    format_en,
    format_id,
    format_rupiah_id,
    inverted_capaian,
    percent,
    printed_interval,
    round_half_up,
    truncate,
)

D = Decimal

# A value with 0..10 decimals; negatives included because the rounding
# conventions claim to be symmetric about zero.
values = st.integers(0, 10).flatmap(
    lambda places: st.decimals(
        min_value=-100000, max_value=100000, places=places, allow_nan=False, allow_infinity=False
    )
)
precisions = st.integers(0, 4)


def ulp(n: int) -> Decimal:
    """One unit in the last place of a figure printed with ``n`` decimals."""
    return D(1).scaleb(-n)


# --- decimals_of -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("99.93"), 2),
        (D("100"), 0),
        (100, 0),
        (D("1E+2"), 0),
        (D("80.90"), 2),
        (D("0.000"), 3),
        (D("-5.5"), 1),
    ],
)
def test_decimals_of(value: Decimal | int, expected: int) -> None:
    assert decimals_of(value) == expected


@pytest.mark.parametrize("bad", [1.5, True, "1.5", None])
def test_floats_and_other_types_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        decimals_of(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        percent(bad, 10)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [D("NaN"), D("Infinity"), D("-Infinity")])
def test_non_finite_decimals_are_refused(bad: Decimal) -> None:
    with pytest.raises(ValueError):
        compare_printed(bad, D(1))


# --- rounding helpers ----------------------------------------------------------


def test_round_half_up_and_truncate() -> None:
    assert round_half_up(D("99.935"), 2) == D("99.94")
    assert round_half_up(D("99.9349999"), 2) == D("99.93")
    assert round_half_up(D("-99.935"), 2) == D("-99.94")  # ties away from zero
    assert round_half_up(D("2.5"), 0) == 3  # not banker's rounding
    assert truncate(D("99.938"), 2) == D("99.93")
    assert truncate(D("-99.938"), 2) == D("-99.93")  # towards zero
    assert str(round_half_up(7, 2)) == "7.00"
    with pytest.raises(ValueError):
        round_half_up(D(1), -1)


def test_huge_values_do_not_hit_the_precision_limit() -> None:
    # Built from strings: arithmetic here would use the global 28-digit context.
    one = "1" + "0" * 60
    big = D(one + ".125")
    assert round_half_up(big, 2) == D(one + ".13")
    assert compare_printed(D(one + ".12"), big) is Agreement.TRUNCATED
    assert printed_interval(D(one + ".13")) == (D(one + ".125"), D(one + ".135"))


# --- printed_interval ------------------------------------------------------------


def test_printed_interval_bounds_and_convention() -> None:
    interval = printed_interval(D("99.93"))
    assert interval == (D("99.925"), D("99.935"))
    low, high = interval  # still a plain pair
    assert (low, high) == (D("99.925"), D("99.935"))
    assert interval.closed_low and not interval.closed_high
    assert interval.contains(D("99.925"))
    assert not interval.contains(D("99.935"))  # prints as 99.94
    assert printed_interval(100) == (D("99.5"), D("100.5"))
    assert printed_interval(D("1E+2")) == (D("99.5"), D("100.5"))


def test_printed_interval_negative_and_zero_mirror_the_positive_case() -> None:
    negative = printed_interval(D("-99.93"))
    assert negative == (D("-99.935"), D("-99.925"))
    assert not negative.contains(D("-99.935"))  # prints as -99.94
    assert negative.contains(D("-99.925"))
    zero = printed_interval(D("0.00"))
    assert not zero.contains(D("0.005")) and not zero.contains(D("-0.005"))
    assert zero.contains(D("0.0049")) and zero.contains(D("-0.0049"))


@given(values, precisions, st.data())
def test_printed_interval_holds_exactly_what_rounds_to_the_figure(
    x: Decimal, n: int, data: st.DataObject
) -> None:
    figure = round_half_up(x, n)
    # Probe near the figure, where the answer changes: within ±1.5 units of the
    # last place, at up to 4 extra decimals so the boundaries themselves occur.
    extra = data.draw(st.integers(1, 4))
    steps = data.draw(st.integers(-15 * 10 ** (extra - 1), 15 * 10 ** (extra - 1)))
    probe = figure + steps * D(1).scaleb(-(n + extra))
    interval = printed_interval(figure)
    assert interval.contains(probe) == (round_half_up(probe, n) == figure)
    assert interval.high - interval.low == ulp(n)


# --- compare_printed -------------------------------------------------------------


@given(values, precisions)
def test_half_up_rounding_is_exact(x: Decimal, n: int) -> None:
    assert compare_printed(round_half_up(x, n), x) is Agreement.EXACT


@given(values, precisions)
def test_truncation_is_never_a_mismatch(x: Decimal, n: int) -> None:
    assert compare_printed(truncate(x, n), x) in {Agreement.EXACT, Agreement.TRUNCATED}


@given(values, precisions, st.integers(-1000, 1000).filter(bool))
def test_anything_else_is_a_mismatch(x: Decimal, n: int, units: int) -> None:
    printed = round_half_up(x, n) + units * ulp(n)
    if printed == truncate(x, n):
        printed += units * ulp(n)  # step past the truncated form as well
    assert compare_printed(printed, x) is Agreement.MISMATCH


def _fraction_rounding(value: Fraction, n: int) -> tuple[Fraction, Fraction]:
    """(half-up, truncated) rounding of an exact fraction to ``n`` places."""
    scaled = abs(value) * 10**n
    sign = -1 if value < 0 else 1
    half_up = Fraction(sign * int(scaled + Fraction(1, 2)), 10**n)
    cut = Fraction(sign * int(scaled), 10**n)
    return half_up, cut


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**12), precisions)
def test_division_results_classify_like_exact_fractions(part: int, whole: int, n: int) -> None:
    # The 50-digit quotient must never flip a tie or cut decision (ROUND_05UP).
    quotient = percent(part, whole)
    assert quotient is not None
    exact = Fraction(part * 100, whole)
    half_up, cut = _fraction_rounding(exact, n)
    assert Fraction(round_half_up(quotient, n)) == half_up
    assert Fraction(truncate(quotient, n)) == cut


def test_tie_boundary_is_exact_not_truncated() -> None:
    assert compare_printed(D("99.94"), D("99.935")) is Agreement.EXACT
    assert compare_printed(D("99.93"), D("99.935")) is Agreement.TRUNCATED
    assert compare_printed(D("99.93"), D("99.925")) is Agreement.EXACT
    assert compare_printed(D("99.92"), D("99.925")) is Agreement.TRUNCATED


# --- the reference report ------------------------------------------------------


def test_tabel_3_2_ikm_capaian_is_truncated() -> None:
    exact = capaian(D("80.95"), D("80.90"), "positif")
    assert exact is not None
    assert str(exact).startswith("99.938")
    assert compare_printed(D("99.93"), exact) is Agreement.TRUNCATED
    assert round_half_up(exact, decimals_of(D("99.93"))) == D("99.94")


def test_tabel_3_3_ikm_2020_uses_the_inverted_formula() -> None:
    target, realisasi, printed = D("78.89"), D("79.70"), D("98.98")
    right = capaian(target, realisasi, "positif")
    assert right is not None
    assert round_half_up(right, 2) == D("101.03")
    assert compare_printed(printed, right) is Agreement.MISMATCH
    inverted = inverted_capaian(target, realisasi)
    assert inverted is not None
    assert str(inverted).startswith("98.98")
    assert compare_printed(printed, inverted) in {Agreement.EXACT, Agreement.TRUNCATED}


@pytest.mark.parametrize(
    ("realisasi", "anggaran", "printed"),
    [(6_883_000, 11_581_000, D("59.43")), (1_508_747_079, 1_834_058_000, D("82.26"))],
)
def test_tabel_3_8_budget_percentages_are_exact(
    realisasi: int, anggaran: int, printed: Decimal
) -> None:
    exact = percent(realisasi, anggaran)
    assert exact is not None
    assert compare_printed(printed, exact) is Agreement.EXACT


def test_desa_status_share_is_a_mismatch() -> None:
    share = percent(11, 17)
    assert share is not None
    assert str(share).startswith("64.705")
    assert compare_printed(D("58.82"), share) is Agreement.MISMATCH
    ten = percent(10, 17)
    assert ten is not None
    assert compare_printed(D("58.82"), ten) is Agreement.EXACT  # the figure is 10/17


def test_zero_denominators_give_none() -> None:
    assert capaian(0, D("5"), "positif") is None
    assert capaian(D("0.00"), 0, "negatif") is None
    assert inverted_capaian(D("80"), 0) is None
    assert percent(5, 0) is None


# --- capaian ---------------------------------------------------------------------


def test_capaian_polarities() -> None:
    assert capaian(10, 8, "positif") == 80
    assert capaian(10, 8, "negatif") == 120
    assert capaian(10, 12, "negatif") == 80
    assert capaian(10, 25, "negatif") == -50  # can go negative; the scale must cope
    assert inverted_capaian(8, 10) == 80
    with pytest.raises(ValueError):
        capaian(10, 8, "positive")  # type: ignore[arg-type]


def test_results_do_not_depend_on_the_global_context() -> None:
    expected = percent(11, 17)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_FLOOR
        assert percent(11, 17) == expected
        assert round_half_up(D("99.935"), 2) == D("99.94")
        assert printed_interval(D("123456.78")) == (D("123456.775"), D("123456.785"))
    assert expected is not None and len(expected.as_tuple().digits) >= 28


# --- formatting ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "id_text", "en_text"),
    [
        (1_834_058_000, None, "1.834.058.000", "1,834,058,000"),
        (D("99.93"), None, "99,93", "99.93"),
        (D("-5.5"), None, "-5,5", "-5.5"),
        (D("-1234.5"), None, "-1.234,5", "-1,234.5"),
        (D("80.90"), None, "80,90", "80.90"),  # printed digits kept
        (D("1E+2"), None, "100", "100"),
        (D("99.935"), 2, "99,94", "99.94"),  # half-up, not banker's
        (D("1234567.891"), 2, "1.234.567,89", "1,234,567.89"),
        (100, 2, "100,00", "100.00"),
        (D("-0.001"), 2, "0,00", "0.00"),  # no negative zero
        (D("0.5"), 0, "1", "1"),
    ],
)
def test_format(value: Decimal | int, decimals: int | None, id_text: str, en_text: str) -> None:
    assert format_id(value, decimals) == id_text
    assert format_en(value, decimals) == en_text


def test_format_rupiah() -> None:
    assert format_rupiah_id(1_834_058_000) == "Rp1.834.058.000"
    assert format_rupiah_id(0) == "Rp0"
    assert format_rupiah_id(-5000) == "-Rp5.000"
    with pytest.raises(TypeError):
        format_rupiah_id(D("1000"))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "12.50",
        "100",
        "1.5E+3",
        "1E-7",
        "0",
        "-0",
        "0.00",
        "-0.000",
        "1E+2",
        "-1.23E+5",
        "0E-10",
        "0E+3",
        "123456789012345678901234567890.123",
        "1E-9999",
        "9.999E+9999",
        "0.0000001",
    ],
)
def test_exponent_from_str_is_as_tuple_exponent(text: str) -> None:
    from sakip_validate.domain.numbers import _exponent

    value = Decimal(text)
    assert _exponent(value) == value.as_tuple().exponent
