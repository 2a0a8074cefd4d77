"""Reading one cell the Indonesian way: exact values, never a guess."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_validate.domain.numbers import format_number
from sakip_validate.workbook.cells import Ambiguous, decimals_shown, read_cell, read_text


@pytest.mark.parametrize(
    ("typed", "kind", "expected"),
    [
        ("80,95%", "nilai", Decimal("80.95")),
        ("80,90", "nilai", Decimal("80.90")),
        ("100", "nilai", 100),
        ("78.89", "nilai", Decimal("78.89")),
        ("1.834.058.000", "rupiah", 1834058000),
        ("Rp 1.834.058.000,-", "rupiah", 1834058000),
        ("Rp1.834.058.000,00", "rupiah", Decimal("1834058000.00")),
        ("1.500", "rupiah", 1500),
        ("1.834.058.000,5", "nilai", Decimal("1834058000.5")),
        ("N/A", "nilai", "N/A"),
        ("-", "nilai", "-"),
        ("–", "nilai", "–"),
        ("tidak ada", "nilai", "tidak ada"),  # not a number: the schema reports it
        ("2.021", "int", 2021),
        ("ya", "bool", True),
        ("Tidak", "bool", False),
        ("40-46", "halaman", "40-46"),
        ("ii", "halaman", "ii"),
        ("  Kecamatan Jatinegara ", "text", "Kecamatan Jatinegara"),
        ("-5,5", "number", Decimal("-5.5")),
    ],
)
def test_typed_text(typed: str, kind: str, expected: object) -> None:
    value = read_text(typed, kind)  # type: ignore[arg-type]
    assert value == expected
    assert type(value) is type(expected)
    assert str(value) == str(expected)  # the printed decimals are kept


def test_comma_is_the_decimal_comma() -> None:
    assert read_text("1,500", "nilai") == Decimal("1.500")
    assert read_text("1,834,058,000", "rupiah") == 1834058000  # English thousands
    assert read_text("0.500", "nilai") == Decimal("0.500")  # no thousands group starts with 0


@pytest.mark.parametrize("typed", ["1.500", "12.250", "999.000", "-1.500"])
def test_ambiguous_numbers_are_not_guessed(typed: str) -> None:
    value = read_text(typed, "nilai")
    assert isinstance(value, Ambiguous)
    assert value.written == typed


@pytest.mark.parametrize(
    ("stored", "number_format", "kind", "expected"),
    [
        (0.8095, "0.00%", "nilai", Decimal("80.95")),
        (0.5, "0%", "nilai", 50),
        (79.7, "0.00", "nilai", Decimal("79.70")),
        (80.95, "General", "nilai", Decimal("80.95")),
        (1834058000, "#,##0", "rupiah", 1834058000),
        (1834058000.0, "#,##0", "rupiah", 1834058000),
        (100, "General", "nilai", 100),
        (2021, "General", "int", 2021),
        (23, "General", "halaman", 23),
        (1.2, "General", "text", "1.2"),
        (80.954, "0.00", "nilai", Decimal("80.954")),  # typed: more than shown is kept
    ],
)
def test_stored_numbers(stored: object, number_format: str, kind: str, expected: object) -> None:
    value = read_cell(stored, number_format, kind)  # type: ignore[arg-type]
    assert value == expected
    assert type(value) is type(expected)
    assert str(value) == str(expected)


def test_formula_value_reads_as_printed() -> None:
    # A formula's stored 99.938... shows as 99,94 with 0.00: the printed figure.
    assert str(read_cell(99.93821, "0.00", "nilai", formula=True)) == "99.94"


def test_number_formats() -> None:
    assert decimals_shown("General") == (None, False)
    assert decimals_shown("#,##0.00") == (2, False)
    assert decimals_shown("0.0%") == (1, True)
    assert decimals_shown('"Rp"#,##0;[Red]-#,##0') == (0, False)


@given(
    st.integers(min_value=-(10**14), max_value=10**14),
    st.integers(min_value=0, max_value=4),
    st.booleans(),
)
def test_indonesian_printed_numbers_read_exactly(units: int, decimals: int, percent: bool) -> None:
    """Whatever the Indonesian way prints, reading gives the number back exactly, or asks."""
    shown = Decimal(units).scaleb(-decimals)
    printed = format_number(shown, "id", decimals) + ("%" if percent else "")
    read = read_text(printed, "nilai")
    if isinstance(read, Ambiguous):
        # only one thousands dot and no decimals can be read two ways
        assert decimals == 0
        assert printed.lstrip("-").rstrip("%").count(".") == 1
        return
    assert read == shown
    assert str(read) == str(shown)


@given(st.integers(min_value=0, max_value=10**15))
def test_rupiah_with_thousands_dots(amount: int) -> None:
    printed = "Rp " + format_number(Decimal(amount), "id", 0) + ",-"
    assert read_text(printed, "rupiah") == amount
