"""Tingkat efisiensi: the formulas LKjIPs use to set performance against budget absorption.

PermenPAN-RB 53/2014 asks for an analysis of the efficient use of resources but
prescribes no formula; reports use one of a few, named here as the data model
does (``tabel.efisiensi.rumus``). Each takes the capaian kinerja (%) and the
capaian anggaran (realisasi ÷ anggaran × 100, %) of one row:

* ``kinerja_dibagi_anggaran``: capaian kinerja ÷ capaian anggaran × 100 (above
  100: more performance than budget spent);
* ``kinerja_dikurangi_anggaran``: capaian kinerja − capaian anggaran (points);
* ``sisa_anggaran``: (1 − realisasi anggaran ÷ anggaran) × 100, the budget left
  unspent, i.e. 100 − capaian anggaran;
* ``satu_dikurangi_anggaran_per_kinerja``: (1 − capaian anggaran ÷ capaian
  kinerja) × 100, the share of performance not paid for;
* ``anggaran_dibagi_kinerja``: capaian anggaran ÷ capaian kinerja × 100 (below
  100: less budget spent than performance reached).
"""

from __future__ import annotations

from decimal import Decimal

from .numbers import Number, difference, percent

__all__ = ["RUMUS", "tingkat_efisiensi"]

_HUNDRED = Decimal(100)

# How each formula is written; the regulation's own words, so one text serves both languages.
RUMUS: dict[str, str] = {
    "kinerja_dibagi_anggaran": "capaian kinerja ÷ capaian anggaran × 100",
    "kinerja_dikurangi_anggaran": "capaian kinerja − capaian anggaran",
    "sisa_anggaran": "(1 − realisasi anggaran ÷ anggaran) × 100",
    "satu_dikurangi_anggaran_per_kinerja": "(1 − capaian anggaran ÷ capaian kinerja) × 100",
    "anggaran_dibagi_kinerja": "capaian anggaran ÷ capaian kinerja × 100",
}


def tingkat_efisiensi(rumus: str, kinerja: Number, anggaran: Number) -> Decimal | None:
    """The efficiency of one row by ``rumus``; None when it divides by zero.

    ``kinerja`` and ``anggaran`` are the capaian kinerja and the capaian
    anggaran, both in percent.
    """
    if rumus == "kinerja_dibagi_anggaran":
        return percent(kinerja, anggaran)
    if rumus == "kinerja_dikurangi_anggaran":
        return difference(kinerja, anggaran)
    if rumus == "sisa_anggaran":
        return difference(_HUNDRED, anggaran)
    if rumus == "satu_dikurangi_anggaran_per_kinerja":
        ratio = percent(anggaran, kinerja)
        return None if ratio is None else difference(_HUNDRED, ratio)
    if rumus == "anggaran_dibagi_kinerja":
        return percent(anggaran, kinerja)
    raise ValueError(f"unknown formula {rumus!r}; known: {', '.join(RUMUS)}")
