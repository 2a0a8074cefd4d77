"""The one-walk survey of parsed data tells what the separate walks it replaced told.

The references below are those walks as they were (values and depth, numbers beyond
the limits, TOML data that needs normalising), kept here to pin the survey to them
on generated data: any nesting, every kind of value, subclasses, tight limits.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.loading import limits as L
from sakip_validate.loading import load_bytes, number_findings
from sakip_validate.loading.toml_reader import (
    TypedText,
    _needs_normalising,
    deep_key_line,
    key_segments,
)


def _size_and_depth(data: Any, stop: int) -> tuple[int, int]:
    stack: list[tuple[Any, int]] = [(data, 0)]
    items = deepest = 0
    while stack:
        value, depth = stack.pop()
        items += 1
        if depth > deepest:
            deepest = depth
            if depth > stop:
                break
        if isinstance(value, dict):
            stack.extend([(item, depth + 1) for item in value.values()])
        elif isinstance(value, list):
            stack.extend([(item, depth + 1) for item in value])
    return items, deepest


def _any_number_out_of_range(data: Any, limits: L.Limits) -> bool:
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif (
            isinstance(value, Decimal | int)
            and not isinstance(value, bool)
            and not L.number_in_range(value, limits)
        ):
            return True
    return False


class _Dict(dict):  # type: ignore[type-arg]
    pass


class _List(list):  # type: ignore[type-arg]
    pass


_numbers = st.one_of(
    st.integers(min_value=-(10**45), max_value=10**45),
    st.sampled_from([10**8 - 1, 10**8, -(10**8), 2**26, 2**27 - 1, 2**27]),
    st.decimals(allow_nan=True, allow_infinity=True, places=None),
    st.builds(
        lambda digits, exponent: Decimal((0, digits, exponent)),
        st.lists(st.integers(0, 9), min_size=1, max_size=12).map(tuple),
        st.integers(-14, 14),
    ),
)
_leaves = st.one_of(
    st.text(max_size=3),
    st.booleans(),
    st.none(),
    _numbers,
    st.just(dt.date(2021, 1, 1)),
    st.just(TypedText("2021-01-01")),
)
_data = st.recursive(
    _leaves,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=2), inner, max_size=4),
        st.lists(inner, max_size=3).map(_List),
        st.dictionaries(st.text(max_size=2), inner, max_size=3).map(_Dict),
    ),
    max_leaves=30,
)
_limits = st.builds(
    L.Limits,
    depth=st.integers(1, 6),
    items=st.integers(1, 40),
    digits=st.integers(1, 12),
    exponent=st.integers(1, 12),
)


@settings(max_examples=400, deadline=None)
@given(data=_data, limits=_limits)
def test_survey_tells_what_the_separate_walks_told(data: Any, limits: L.Limits) -> None:
    known = L.survey(data, limits)
    items, deepest = _size_and_depth(data, limits.depth)
    structure_ok = items <= limits.items and deepest <= limits.depth
    assert known.structure_ok == structure_ok
    if known.complete:
        assert (known.items, known.deepest) == (items, deepest)
        assert known.numbers_in_range == (not _any_number_out_of_range(data, limits))
        assert known.plain == (not _needs_normalising(data))
    else:
        assert deepest > limits.depth
    whole = L.survey(data, limits, whole=True)
    assert whole.complete
    assert whole.numbers_in_range == (not _any_number_out_of_range(data, limits))
    # The walks with pointers take the survey's word, and agree with it taken afresh.
    assert L.first_structure_violation(data, limits, known) == L.first_structure_violation(
        data, limits
    )
    assert (L.first_structure_violation(data, limits) is None) == structure_ok
    assert list(L.numbers_out_of_range(data, limits, known)) == list(
        L.numbers_out_of_range(data, limits)
    )


@settings(max_examples=300, deadline=None)
@given(value=st.integers(min_value=-(10**60), max_value=10**60), digits=st.integers(1, 70))
def test_the_int_bound_is_number_in_range(value: int, digits: int) -> None:
    limits = L.Limits(digits=digits)
    known = L.survey([value, [value]], limits)
    assert known.numbers_in_range == L.number_in_range(value, limits)


def test_a_huge_digits_limit_judges_ints_one_by_one() -> None:
    limits = L.Limits(digits=10**9)
    assert L.survey([10**2000, -(10**1500)], limits).numbers_in_range


def test_number_findings_walk_again_when_the_data_was_replaced() -> None:
    document = load_bytes(b'versi_skema = "1.0"\nangka = 5\n', "a.toml", "toml")
    assert document.survey() is not None
    assert number_findings(document) == []
    document.data = {"angka": Decimal("1E+99")}
    assert document.survey() is None
    [finding] = number_findings(document)
    assert finding.location.pointer == "/angka"


def _key_lines(text: str, limit: int) -> tuple[int, int] | None:
    """deep_key_line without its filters: every line of the text, one by one."""
    for number, line in enumerate(text.splitlines(), start=1):
        segments = key_segments(line)
        if segments > limit:
            return number, segments
    return None


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            [".", ".", ".", "a", "\n", "\r", "\r\n", "=", "[", "]", '"', "'", " ", "\x0b", "\u2028"]
        ),
        max_size=60,
    ).map("".join),
    limit=st.integers(1, 8),
)
def test_deep_key_line_filters_keep_every_deep_key(text: str, limit: int) -> None:
    assert deep_key_line(text, limit) == _key_lines(text, limit)


def test_survey_numbers_at_the_edges_of_the_limits() -> None:
    limits = L.Limits(digits=4, exponent=3)
    edges = [
        Decimal("1E3"),
        Decimal("1E4"),
        Decimal("1E-3"),
        Decimal("1E-4"),
        Decimal("-9.999E3"),
        Decimal("0E-3"),
        Decimal("0E-4"),
        Decimal("1.000"),
        Decimal("1.0000"),
        Decimal("NaN"),
        Decimal("-Infinity"),
        9999,
        10000,
        -9999,
        -10000,
        True,
    ]
    for value in edges:
        assert L.survey({"a": [value]}, limits).numbers_in_range == (
            not _any_number_out_of_range(value, limits)
        ), value
