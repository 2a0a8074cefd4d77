"""A comparison stated in the text, checked against the figures (``comparison``).

"IKM tahun 2021 meningkat dibanding tahun 2020", "realisasi di bawah standar
nasional", "turun sebesar 2,5%": each is captured in ``narasi.perbandingan`` with
what is compared (an indicator's figure of a year, or a printed value), what it is
compared with (another year, a target, the national standard, a printed
benchmark), the direction word as written and, when stated, the size of the
change and whether the text gives it in points or in percent.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import (
    Agreement,
    compare_printed,
    decimals_of,
    format_number,
    percent,
    round_half_up,
)
from ...domain.units import is_percent_unit
from ...domain.values import as_number
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent
from ...findings import Text

__all__ = ["DIRECTION", "Comparison"]

# What each direction word says of the figure against its benchmark: 1 above, -1 below, 0 equal.
DIRECTION = {
    "di_atas": 1,
    "melampaui": 1,
    "lebih_tinggi": 1,
    "naik": 1,
    "meningkat": 1,
    "kenaikan": 1,
    "peningkatan": 1,
    "di_bawah": -1,
    "lebih_rendah": -1,
    "turun": -1,
    "menurun": -1,
    "penurunan": -1,
    "sama_dengan": 0,
    "tetap": 0,
}
_FACT = {
    1: Localized("lebih tinggi", "higher"),
    -1: Localized("lebih rendah", "lower"),
    0: Localized("sama", "the same"),
}
# Where each quantity of an indicator is read, first match wins (as for narasi.pernyataan).
_SOURCES = {
    "target": ("capaian", "perbandingan_tahun", "iku"),
    "realisasi": ("capaian", "perbandingan_tahun", "target_akhir_renstra"),
    "capaian": ("capaian", "perbandingan_tahun"),
    "standar": ("standar_nasional",),
}


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure of the comparison: its value, how a message names it, and where it comes from."""

    value: Decimal
    name: Localized
    source: Localized
    percent: bool  # shown with a % sign


def _word(kata: str) -> str:
    return kata.replace("_", " ")


class Comparison(CheckKind):
    """A direction word and a stated change must follow from the figures (narasi.perbandingan).

    The figure compared is the sentence's own ``nilai`` when it prints one, else
    the indicator's ``besaran`` (realisasi by default) of ``tahun`` (the report
    year by default) as the tables give it (Tabel 3.2, then 3.3, ...). The
    benchmark is ``pembanding.nilai`` when printed, else the same indicator's
    ``pembanding.besaran`` (``standar``: the national standard table) of
    ``pembanding.tahun``. Outcomes:

    * ``direction``: the word (di atas, naik, menurun, sama dengan, ...) says the
      figure is above, below or equal to the benchmark, and it is not;
    * ``magnitude``: a stated change fits neither the difference in points nor
      the relative change in percent (judged at its printed precision);
    * ``points_as_percent``: the text says "X%" (percent) but X is the difference
      in points, not the relative change; ``percent_as_points`` the reverse;
    * ``unresolved``: a figure of the comparison is in no table, so it cannot be
      checked.
    """

    name = "comparison"
    outcomes = ("direction", "magnitude", "points_as_percent", "percent_as_points", "unresolved")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {
            "acuan",
            "arah",
            "bab",
            "besar",
            "hilang",
            "kata",
            "nilai",
            "nilai_acuan",
            "perubahan",
            "selisih",
            "subjek",
            "sumber",
            "sumber_acuan",
        }
    )
    params_schema: ClassVar[dict[str, Any]] = {"type": "object", "additionalProperties": False}

    def run(self, view: ReportView) -> Iterator[Hit]:
        items = view.section("narasi").get("perbandingan")
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict) and item.get("kata_arah") in DIRECTION:
                yield from self._check(view, index, item)

    def _check(self, view: ReportView, index: int, item: dict[str, Any]) -> Iterator[Hit]:
        base = f"/narasi/perbandingan/{index}"
        bab = item.get("bab") if isinstance(item.get("bab"), str) else "?"
        kata = str(item["kata_arah"])
        ours = _compared(view, item)
        theirs = _benchmark(view, item)
        if isinstance(ours, Localized) or isinstance(theirs, Localized):
            missing = ours if isinstance(ours, Localized) else theirs
            assert isinstance(missing, Localized)
            yield Hit(
                "unresolved",
                base + ("/indikator" if isinstance(ours, Localized) else "/pembanding"),
                None,
                {
                    "bab": bab,
                    "kata": _word(kata),
                    "subjek": _subject(view, item),
                    "acuan": _benchmark_name(view, item),
                    "hilang": Localized(f"angka {missing.id}", f"the figure for {missing.en}"),
                    "printed": _word(kata),
                },
                _word(kata),
                None,
            )
            return
        if ours is None or theirs is None:
            return
        actual = (ours.value > theirs.value) - (ours.value < theirs.value)
        common: dict[str, Any] = {
            "bab": bab,
            "kata": _word(kata),
            "subjek": ours.name,
            "acuan": theirs.name,
            "sumber": ours.source,
            "sumber_acuan": theirs.source,
            "nilai": _show(ours.value, ours.percent),
            "nilai_acuan": _show(theirs.value, theirs.percent),
            "indikator": view.indicator_name(item.get("indikator"))
            if isinstance(item.get("indikator"), str)
            else None,
            "tahun": _year(view, item),
        }
        if actual != DIRECTION[kata]:
            yield Hit(
                "direction",
                f"{base}/kata_arah",
                None,
                {
                    **common,
                    "arah": _FACT[actual],
                    "printed": _show(ours.value, ours.percent),
                    "expected": _show(theirs.value, theirs.percent),
                },
                _word(kata),
                None,  # no word is "expected": the figures say which way, the text must follow
            )
            return
        yield from self._magnitude(item, base, ours, theirs, common)

    def _magnitude(
        self,
        item: dict[str, Any],
        base: str,
        ours: _Figure,
        theirs: _Figure,
        common: dict[str, Any],
    ) -> Iterator[Hit]:
        stated = as_number(item.get("besar_perubahan"))
        if stated is None:
            return
        unit = item.get("satuan_perubahan")
        points = abs(ours.value - theirs.value)
        relative = percent(points, abs(theirs.value))
        fits_points = _fits(stated, points)
        fits_relative = relative is not None and _fits(stated, relative)
        if (unit == "poin" and fits_points) or (unit == "persen" and fits_relative):
            return
        if unit is None and (fits_points or fits_relative):
            return
        decimals = decimals_of(stated)
        values = {
            **common,
            "besar": stated,
            "printed": _stated(stated, unit),
            "selisih": _plain(points, decimals),
            "perubahan": _relative(relative, decimals),
        }
        pointer = f"{base}/besar_perubahan"
        if unit == "persen" and fits_points:
            yield Hit("points_as_percent", pointer, None, values, stated, _expected(relative))
        elif unit == "poin" and fits_relative:
            yield Hit("percent_as_points", pointer, None, values, stated, points)
        else:
            expected = _expected(relative) if unit == "persen" else points
            yield Hit("magnitude", pointer, None, values, stated, expected)


def _fits(stated: Decimal, exact: Decimal) -> bool:
    return compare_printed(stated, exact) is not Agreement.MISMATCH


def _year(view: ReportView, item: dict[str, Any]) -> int | None:
    year = item.get("tahun")
    return year if isinstance(year, int) and not isinstance(year, bool) else view.year


def _is_percent(view: ReportView, indikator: Any, besaran: str) -> bool:
    if besaran == "capaian":
        return True
    return bool(indikator) and is_percent_unit(view.indicators.get(indikator, {}).get("satuan"))


def _lookup(
    view: ReportView, indikator: str, besaran: str, year: int | None
) -> tuple[Decimal, Text] | None:
    """The indicator's ``besaran`` of ``year`` from the first table that prints it."""
    for table in _SOURCES.get(besaran, ()):
        field = "standar" if besaran == "standar" else besaran
        for row in view.rows(table):
            if row.indikator == indikator and row.tahun == year:
                value = row.cell(field).number
                if value is not None:
                    return value, view.table_label(table)
    return None


def _besaran(item: dict[str, Any]) -> str:
    besaran = item.get("besaran")
    return besaran if besaran in ("target", "realisasi", "capaian") else "realisasi"


def _subject(view: ReportView, item: dict[str, Any]) -> Localized:
    """ "realisasi “IKM” tahun 2021" / "the 2021 realisasi of “IKM”", or "angka itu"."""
    indikator = item.get("indikator")
    if not isinstance(indikator, str):
        return Localized("angka itu", "the figure")
    name, besaran, year = view.indicator_name(indikator), _besaran(item), _year(view, item)
    return Localized(f"{besaran} “{name}” tahun {year}", f"the {year} {besaran} of “{name}”")


def _compared(view: ReportView, item: dict[str, Any]) -> _Figure | Localized | None:
    """The compared figure; a Localized naming it when the tables lack it; None: nothing given."""
    indikator = item.get("indikator")
    besaran = _besaran(item)
    literal = as_number(item.get("nilai"))
    name = _subject(view, item)
    shows_percent = _is_percent(view, indikator, besaran) if isinstance(indikator, str) else False
    if literal is not None:
        source = Localized("(tertulis di kalimat itu)", "(as the sentence prints it)")
        return _Figure(literal, name, source, shows_percent)
    if not isinstance(indikator, str) or indikator not in view.indicators:
        return None
    found = _lookup(view, indikator, besaran, _year(view, item))
    if found is None:
        return name
    value, table = found
    return _Figure(value, name, Localized(f"({table.id})", f"({table.en})"), shows_percent)


def _benchmark_name(view: ReportView, item: dict[str, Any]) -> Localized:
    ref = item.get("pembanding")
    ref = ref if isinstance(ref, dict) else {}
    if isinstance(ref.get("nama"), str):
        return Localized(f"“{ref['nama']}”", f"“{ref['nama']}”")
    besaran = ref.get("besaran")
    year = ref.get("tahun")
    year = year if isinstance(year, int) and not isinstance(year, bool) else None
    if besaran == "standar":
        return Localized("standar nasional", "the national standard")
    if besaran in ("target", "realisasi", "capaian") and besaran != _besaran(item):
        when = year or _year(view, item)
        return Localized(f"{besaran} tahun {when}", f"the {when} {besaran}")
    if year is not None:
        return Localized(f"tahun {year}", f"{year}")
    if as_number(ref.get("nilai")) is not None:
        return Localized("angka pembanding", "the benchmark")
    return Localized("acuannya", "its benchmark")


def _benchmark(view: ReportView, item: dict[str, Any]) -> _Figure | Localized | None:
    ref = item.get("pembanding")
    if not isinstance(ref, dict):
        return None
    indikator = item.get("indikator")
    wanted = ref.get("besaran")
    besaran = wanted if isinstance(wanted, str) and wanted in _SOURCES else _besaran(item)
    name = _benchmark_name(view, item)
    shows_percent = _is_percent(view, indikator, _besaran(item))
    literal = as_number(ref.get("nilai"))
    if literal is not None:
        source = Localized("(tertulis di kalimat itu)", "(as the sentence prints it)")
        return _Figure(literal, name, source, shows_percent)
    if "tahun" not in ref and "besaran" not in ref:
        return name  # a benchmark named ("rata-rata kabupaten") but given no figure
    if not isinstance(indikator, str):
        return name  # another year of a printed value: no table holds it
    if indikator not in view.indicators:
        return None  # an unknown id: the schema step's finding
    year = ref.get("tahun")
    year = year if isinstance(year, int) and not isinstance(year, bool) else _year(view, item)
    found = _lookup(view, indikator, besaran, year)
    if found is None:
        return name
    value, table = found
    return _Figure(value, name, Localized(f"({table.id})", f"({table.en})"), shows_percent)


def _show(value: Decimal, shows_percent: bool) -> Any:
    return Percent(value) if shows_percent else value


def _stated(value: Decimal, unit: Any) -> Any:
    if unit == "persen":
        return Percent(value)
    if unit == "poin":
        return Localized(
            f"{format_number(value, 'id')} poin", f"{format_number(value, 'en')} points"
        )
    return value


def _plain(value: Decimal, decimals: int) -> Decimal:
    return round_half_up(value, max(decimals, 2))


def _relative(value: Decimal | None, decimals: int) -> Any:
    if value is None:
        return Localized("tidak dapat dihitung (acuannya nol)", "undefined (the benchmark is zero)")
    return Percent(round_half_up(value, max(decimals, 2)))


def _expected(value: Decimal | None) -> Decimal | None:
    return None if value is None else round_half_up(value, 2)
