"""One reading of a printed cell: not-available marks, numbers and rupiah."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sakip_validate.domain.values import (
    NA_FORMS,
    as_number,
    as_rupiah,
    is_na,
    is_na_text,
    na_mark,
    same_value,
)
from sakip_validate.resources import load_schema


@pytest.mark.parametrize("form", ["N/A", "n/a", "-", "\u2013", "\u2014"])
def test_each_printed_not_available_form_is_na(form: str) -> None:
    assert is_na(form)
    assert is_na_text(form)
    assert as_number(form) is None


@pytest.mark.parametrize("text", ["NA", "N.A.", "n/A", "", " N/A", "--", "0", "nihil"])
def test_other_text_is_no_table_na(text: str) -> None:
    assert not is_na(text)


def test_free_text_reads_na_in_any_case_and_spacing() -> None:
    assert is_na_text(" n/a ")
    assert is_na_text("N/a")
    assert not is_na_text("nihil")


def test_the_schema_accepts_exactly_the_na_forms() -> None:
    nilai = load_schema("lkjip.schema.json")["$defs"]["nilai"]
    forms = next(branch["enum"] for branch in nilai["anyOf"] if "enum" in branch)
    assert set(forms) == NA_FORMS


def test_na_marks() -> None:
    assert na_mark("n/a") == na_mark("N/A") == "N/A"
    assert na_mark("-") == na_mark("\u2013") == na_mark("\u2014") == "-"
    assert na_mark("nihil") is None and na_mark(0) is None


def test_printed_values_agree_by_mark_and_by_number() -> None:
    assert same_value("N/A", "n/a")
    assert same_value("-", "\u2013")
    assert not same_value("N/A", "-")
    assert not same_value("N/A", 0)
    assert same_value(Decimal("50.00"), 50)
    assert not same_value("Tinggi", "tinggi")


def test_rupiah_printed_with_decimals_are_whole_rupiah() -> None:
    assert as_rupiah(Decimal("1834058000.00")) == 1834058000
    assert as_rupiah(1834058000) == 1834058000
    assert as_rupiah(Decimal("1834058000.50")) is None
    assert as_rupiah("1.834.058.000") is None
