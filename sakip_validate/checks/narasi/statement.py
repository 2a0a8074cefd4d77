"""A figure stated in the text equals the table's (``statement``, NARR-NUM)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.numbers import Agreement, compare_printed, decimals_of, round_half_up
from ...domain.values import as_number, as_rupiah, is_na_text
from ...domain.view import Cell, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent, Rupiah

__all__ = ["BESARAN", "Statement", "agreement", "indicator_count"]

BUDGET_FIGURES = {
    "pagu_anggaran": "anggaran",
    "realisasi_anggaran": "realisasi",
    "persen_realisasi_anggaran": "persen",
}
# How each quantity is named in a message: the regulations' own words, kept in both languages.
BESARAN = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "kategori": "kategori",
    "pagu_anggaran": "pagu anggaran",
    "realisasi_anggaran": "realisasi anggaran",
    "persen_realisasi_anggaran": "persentase realisasi anggaran",
    "jumlah_indikator": "jumlah indikator",
}
# Where each indicator figure is looked up, first match wins: Tabel 3.2 reports the year,
# Tabel 3.3 earlier years; only a target can also be planned for a later year (Tabel 2.1).
_SOURCES = {
    "target": ("capaian", "perbandingan_tahun", "iku"),
    "realisasi": ("capaian", "perbandingan_tahun"),
    "capaian": ("capaian", "perbandingan_tahun"),
    "kategori": ("capaian",),
}


def _words(value: str) -> str:
    return " ".join(value.casefold().split())


def agreement(stated: Any, table: Any) -> Agreement | None:
    """How a figure stated in the text relates to the table's figure; None: cannot tell.

    Numbers are judged at the precision the text prints ("90%" agrees with a
    table's 90,00); "N/A" agrees only with "N/A"; words are compared ignoring
    case and spacing. An empty table cell, or text where a number belongs, is
    not judged.
    """
    if table is None or stated is None:
        return None
    if is_na_text(stated) or is_na_text(table):
        return Agreement.EXACT if is_na_text(stated) and is_na_text(table) else Agreement.MISMATCH
    ours, theirs = as_number(stated), as_number(table)
    if ours is not None and theirs is not None:
        return compare_printed(ours, theirs)
    if isinstance(stated, str) and isinstance(table, str):
        return Agreement.EXACT if _words(stated) == _words(table) else Agreement.MISMATCH
    return None


def _statements(view: ReportView) -> Iterator[tuple[int, dict[str, Any]]]:
    items = view.section("narasi").get("pernyataan")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if isinstance(item, dict):
            yield index, item


def _year(item: dict[str, Any], view: ReportView) -> int | None:
    year = item.get("tahun")
    return year if isinstance(year, int) and not isinstance(year, bool) else view.year


def indicator_count(view: ReportView) -> int | None:
    """How many indicators the report has: its IKU (``iku = true``) when it marks them.

    Falls back to the indicators of Tabel 2.1, then of Tabel 3.2, when the
    ``indikator`` list is absent; None when nothing says.
    """
    listed = [item for item in view.data.get("indikator", []) or [] if isinstance(item, dict)]
    if isinstance(view.data.get("indikator"), list) and listed:
        if any("iku" in item for item in listed):
            return sum(1 for item in listed if item.get("iku") is True)
        return len(listed)
    for table in ("iku", "capaian"):
        names = {row.indikator for row in view.rows(table) if row.indikator is not None}
        if names:
            return len(names)
    return None


class Statement(CheckKind):
    """A figure stated in the text must equal the table's (NARR-NUM).

    * ``jumlah_indikator``: the number of indicators (see :func:`indicator_count`);
    * ``target``, ``realisasi``, ``capaian`` of an indicator for a year: Tabel 3.2
      when it reports that year, else Tabel 3.3 (earlier years); a target of a
      year neither covers (a later year) comes from Tabel 2.1;
    * ``kategori``: the kategori column of Tabel 3.2;
    * ``pagu_anggaran``, ``realisasi_anggaran``, ``persen_realisasi_anggaran``: the
      JUMLAH row of Tabel 3.8.

    A statement with no table figure to compare (a year no table covers, an empty
    cell) is skipped. Outcomes: ``mismatch``; ``truncated`` when the text cut a
    figure that rounding would have written otherwise.
    """

    name = "statement"
    outcomes = ("mismatch", "truncated")
    placeholders: ClassVar[frozenset[str]] = frozenset({"bab", "besaran", "dibulatkan"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["besaran"],
        "properties": {
            "besaran": {
                "type": "array",
                "items": {"enum": sorted(BESARAN)},
                "minItems": 1,
                "uniqueItems": True,
            }
        },
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        wanted = set(self.params["besaran"])
        for index, item in _statements(view):
            besaran = item.get("besaran")
            if not isinstance(besaran, str) or besaran not in wanted:
                continue
            found = self._table_figure(view, item, besaran)
            if found is None:
                continue
            table, row_label, cell, shown = found
            stated = item.get("nilai")
            result = agreement(stated, cell.value)
            if result is None or result is Agreement.EXACT:
                continue
            values: dict[str, Any] = {
                "bab": item.get("bab") if isinstance(item.get("bab"), str) else "?",
                "besaran": BESARAN[besaran],
                "field": besaran,
                "row": row_label,
                "indikator": row_label,
                "tahun": _year(item, view),
                "printed": shown(stated),
                "expected": shown(cell.value),
            }
            expected: Any = cell.value
            if result is Agreement.TRUNCATED:
                stated_figure, table_figure = as_number(stated), as_number(cell.value)
                assert stated_figure is not None and table_figure is not None
                expected = round_half_up(table_figure, decimals_of(stated_figure))
                values["dibulatkan"] = shown(expected)
            yield Hit(
                outcome=result.value,
                pointer=f"/narasi/pernyataan/{index}/nilai",
                table=table,
                values=values,
                printed=stated,
                expected=expected,
            )

    def _table_figure(
        self, view: ReportView, item: dict[str, Any], besaran: str
    ) -> tuple[str | None, str, Cell, Any] | None:
        """(view table, row label, the table's cell, how to show values) or None."""
        year = _year(item, view)
        if besaran == "jumlah_indikator":
            count = indicator_count(view)
            if count is None:
                return None
            return "iku", "IKU", Cell(count, "/indikator"), _show_plain
        if besaran in BUDGET_FIGURES:
            return _budget_total(view, year, BUDGET_FIGURES[besaran], besaran)
        indikator = item.get("indikator")
        if not isinstance(indikator, str) or besaran not in _SOURCES:
            return None
        for table in _SOURCES[besaran]:
            for row in view.rows(table):
                if row.indikator == indikator and row.tahun == year:
                    cell = row.cell(besaran)
                    if cell.present:
                        return table, row.label, cell, _shown_for(view, indikator, besaran)
        return None


def _show_plain(value: Any) -> Any:
    return value


def _show_percent(value: Any) -> Any:
    return Percent(value) if as_number(value) is not None else value


def _show_rupiah(value: Any) -> Any:
    amount = as_rupiah(value)
    return Rupiah(amount) if amount is not None else value


def _shown_for(view: ReportView, indikator: str, besaran: str) -> Any:
    if besaran == "capaian":
        return _show_percent
    if besaran == "kategori":
        return _show_plain
    satuan = str(view.indicators.get(indikator, {}).get("satuan", "")).casefold()
    return _show_percent if "persen" in satuan or "%" in satuan else _show_plain


def _budget_total(
    view: ReportView, year: int | None, field: str, besaran: str
) -> tuple[str | None, str, Cell, Any] | None:
    """The JUMLAH row of Tabel 3.8, when it reports ``year``."""
    table = view.raw_table("realisasi_anggaran")
    total = table.get("jumlah")
    if not isinstance(total, dict):
        return None
    table_year = table.get("tahun")
    table_year = table_year if isinstance(table_year, int) else view.year
    if year is not None and table_year is not None and year != table_year:
        return None
    cell = Cell(total.get(field), f"/tabel/realisasi_anggaran/jumlah/{field}")
    if not cell.present:
        return None
    shown = _show_percent if besaran == "persen_realisasi_anggaran" else _show_rupiah
    return "realisasi_anggaran", "JUMLAH", cell, shown
