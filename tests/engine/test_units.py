"""One reading of a satuan: percentages, index values, and everything else."""

from __future__ import annotations

import pytest

from sakip_validate.domain.units import is_index_unit, is_percent_unit, same_unit, unit_kind


@pytest.mark.parametrize(
    "unit",
    ["%", "Persen", "persentase", "PERSENTASE", " Prosentase ", "Persentase (%)", "% penduduk"],
)
def test_percentages(unit: str) -> None:
    assert unit_kind(unit) == "percent"
    assert is_percent_unit(unit) and not is_index_unit(unit)


@pytest.mark.parametrize(
    "unit", ["Indeks", "indeks", "Index", "Nilai", "NILAI", "Poin", "Skor", "Indeks (skala 1-4)"]
)
def test_index_values(unit: str) -> None:
    assert unit_kind(unit) == "index"
    assert is_index_unit(unit) and not is_percent_unit(unit)


@pytest.mark.parametrize(
    "unit", ["Desa", "orang", "Dokumen", "Predikat", "persen poin", "Rupiah", "", "  ", None, 7]
)
def test_other_units_are_neither(unit: object) -> None:
    assert unit_kind(unit) is None
    assert not is_percent_unit(unit) and not is_index_unit(unit)


def test_spellings_of_one_kind_are_one_unit() -> None:
    assert same_unit("Indeks", "Nilai")
    assert same_unit("Poin", "indeks")
    assert same_unit("%", "Persentase")
    assert same_unit("Desa", " desa ")
    assert same_unit("Kasus  per 1000 penduduk", "kasus per 1000 penduduk")
    assert not same_unit("Indeks", "Persentase")
    assert not same_unit("Desa", "Orang")
    assert not same_unit("Desa", None)
