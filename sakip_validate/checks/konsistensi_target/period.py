"""Every year the report states lies in its Renstra period (``renstra_period``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit

__all__ = ["RenstraPeriod"]

# Tables whose rows spread over years, and where the years stand in a row.
_YEARLY = {"iku": "target", "perbandingan_tahun": "tahun"}


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class RenstraPeriod(CheckKind):
    """The years a report states lie in ``renstra.periode_awal..periode_akhir``.

    Outcomes:

    * ``year_outside``: a year column of Tabel 2.1 (yearly targets) or Tabel 3.3
      (comparison with earlier years) outside the period; one hit per table and
      year, at the year of its first row;
    * ``report_year_outside``: the budget year reported (``laporan.tahun_anggaran``)
      outside the period;
    * ``end_year``: the year of the Renstra end target (Tabel 3.4) is not the
      period's last year.

    Nothing is judged when the report gives no readable period.
    """

    name = "renstra_period"
    outcomes = ("year_outside", "report_year_outside", "end_year")
    placeholders: ClassVar[frozenset[str]] = frozenset({"awal", "akhir"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        renstra = view.section("renstra")
        first, last = _year(renstra.get("periode_awal")), _year(renstra.get("periode_akhir"))
        if first is None or last is None or first > last:
            return  # no readable period (an inverted one is the schema's and integrity's)
        period = {"awal": first, "akhir": last}
        year = view.year
        if year is not None and not first <= year <= last:
            yield Hit(
                "report_year_outside",
                "/laporan/tahun_anggaran",
                None,
                {**period, "tahun": year, "printed": year},
                printed=year,
            )
        yield from self._years(view, first, last, period)
        end = view.raw_table("target_akhir_renstra")
        end_year = _year(end.get("tahun_target_akhir"))
        if end_year is not None and end_year != last:
            yield Hit(
                "end_year",
                "/tabel/target_akhir_renstra/tahun_target_akhir",
                "target_akhir_renstra",
                {**period, "tahun": end_year, "printed": end_year, "expected": last},
                printed=end_year,
                expected=last,
            )

    @staticmethod
    def _years(view: ReportView, first: int, last: int, period: dict[str, int]) -> Iterator[Hit]:
        for table, column in _YEARLY.items():
            reported: set[int] = set()
            for row in view.rows(table):
                year = row.tahun
                if year is None or first <= year <= last or year in reported:
                    continue
                reported.add(year)
                yield Hit(
                    "year_outside",
                    row.pointer,  # the year's own entry in the row
                    table,
                    {**row.values(), "field": column, "printed": year, **period},
                    printed=year,
                    at_key=True,
                )
