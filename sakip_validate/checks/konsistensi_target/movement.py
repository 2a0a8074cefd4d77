"""How targets move over the years: against last year's realisasi, towards the end target."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.view import Cell, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...findings import Text
from ..common import table_list, tables_problems
from .figures import Key, Lookup, agreed_target, show_for

__all__ = ["TargetBelowPrevious", "Trajectory"]


def _better(a: Decimal, b: Decimal, polarity: str) -> bool:
    """Whether ``a`` is strictly better than ``b`` for an indicator of this polarity."""
    return a < b if polarity == "negatif" else a > b


class TargetBelowPrevious(CheckKind):
    """A target for year N should not fall short of the realisasi already reached in N−1.

    Positive indicators: target_N < realisasi_(N−1) is a hit; negative ones: target_N >
    realisasi_(N−1). The target of (indikator, N) is the one the evidence supports
    (:func:`agreed_target`: most tables, or the row that adds up), found first in
    ``target_tables``; the realisasi the first in ``realisasi_tables``. A target that
    other tables contradict is :class:`CrossTableEqual`'s to report, not a second
    finding here. Outcome ``behind``, one per (indikator, N).

    Only years up to the report year are judged (unless ``future_years``): a report
    answers for the targets it worked to, and a Renstra target for next year that this
    year's realisasi already passed is the next agreement's matter, not an error here.
    """

    name = "target_below_previous"
    outcomes = ("behind",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"tahun_lalu", "other_table", "other_printed"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "target_tables": table_list(),
            "realisasi_tables": table_list(),
            "future_years": {"type": "boolean"},
        },
    }
    _TARGETS: ClassVar[list[str]] = ["perjanjian_kinerja", "capaian", "iku"]
    _REALISASI: ClassVar[list[str]] = ["capaian", "perbandingan_tahun"]

    def problems(self) -> list[tuple[str, str]]:
        problems = tables_problems(self.params.get("target_tables", []), "target", "/target_tables")
        problems += tables_problems(
            self.params.get("realisasi_tables", []), "realisasi", "/realisasi_tables"
        )
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        target_tables = self.params.get("target_tables", self._TARGETS)
        realisasi_tables = self.params.get("realisasi_tables", self._REALISASI)
        lookup = Lookup(view)
        keys: dict[Key, None] = {}  # (indikator, N) in table then document order
        for table in target_tables:
            for row in view.rows(table):
                if isinstance(row.indikator, str) and isinstance(row.tahun, int):
                    keys.setdefault(row.key)
        last = None if self.params.get("future_years", False) else view.year
        for indikator, year in keys:
            if last is not None and year > last:
                continue
            target = agreed_target(view, lookup, (indikator, year), target_tables)
            previous = lookup.first(
                (indikator, year - 1), "realisasi", realisasi_tables, numeric=True
            )
            if target is None or previous is None:
                continue
            (table, cell), (other_table, other) = target, previous
            t, r = cell.number, other.number
            assert t is not None and r is not None  # found with numeric=True
            if not _better(r, t, view.polarity(indikator)):
                continue
            target_row = lookup.row(table, (indikator, year))
            label = target_row.label if target_row is not None else view.indicator_name(indikator)
            yield Hit(
                outcome="behind",
                pointer=cell.pointer,
                table=table,
                values={
                    "row": label,
                    "field": "target",
                    "indikator": indikator,
                    "tahun": year,
                    "tahun_lalu": year - 1,
                    "printed": show_for(view, indikator, cell.value),
                    "other_table": view.table_label(other_table),
                    "other_printed": show_for(view, indikator, other.value),
                },
                printed=cell.value,
                expected=other.value,
            )


class Trajectory(CheckKind):
    """Yearly Renstra targets (Tabel 2.1) move towards the Renstra end target (Tabel 3.4).

    Only numeric targets are judged (N/A is skipped), years after the end year are
    ignored. Outcomes:

    * ``away``: a yearly target falls back against the polarity from the previous
      numeric yearly target (positive indicators: lower; negative: higher);
    * ``beyond``: a yearly target already lies past the end target (positive: above it);
    * ``missing_end_target``: an IKU indicator (``iku = true``, or listed in Tabel 2.1
      when the flag is not given) has no numeric end target in Tabel 3.4. Judged only
      when Tabel 3.4 is present: a missing table is the completeness rules' finding.
    """

    name = "trajectory"
    outcomes = ("away", "beyond", "missing_end_target")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"tahun_lalu", "tahun_akhir", "target_akhir", "other_table", "other_printed"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }
    _YEARLY = "iku"
    _END = "target_akhir_renstra"

    def _end_year(self, view: ReportView) -> int | None:
        year = view.raw_table(self._END).get("tahun_target_akhir")
        if not isinstance(year, int) or isinstance(year, bool):
            renstra = view.data.get("renstra")
            year = renstra.get("periode_akhir") if isinstance(renstra, dict) else None
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    def run(self, view: ReportView) -> Iterator[Hit]:
        end_year = self._end_year(view)
        end_label = view.table_label(self._END)
        ends: dict[str, tuple[Cell, Decimal]] = {}
        for row in view.rows(self._END):
            cell = row.cell("target_akhir")
            value = cell.number
            if isinstance(row.indikator, str) and value is not None:
                ends.setdefault(row.indikator, (cell, value))
        yearly: dict[str, list[Row]] = {}
        for row in view.rows(self._YEARLY):
            if isinstance(row.indikator, str):
                yearly.setdefault(row.indikator, []).append(row)
        for indikator, rows in yearly.items():
            yield from self._judge(view, indikator, rows, ends.get(indikator), end_year, end_label)
        if "baris" in view.raw_table(self._END):
            yield from self._missing(view, yearly, ends, end_year)

    def _judge(
        self,
        view: ReportView,
        indikator: str,
        rows: list[Row],
        end: tuple[Cell, Decimal] | None,
        end_year: int | None,
        end_label: Text,
    ) -> Iterator[Hit]:
        polarity = view.polarity(indikator)
        previous: tuple[Row, Decimal] | None = None
        for row in sorted(rows, key=lambda r: r.tahun or 0):
            cell = row.cell("target")
            value = cell.number
            if value is None or (end_year is not None and (row.tahun or 0) > end_year):
                continue
            values: dict[str, Any] = {
                "row": row.label,
                "field": "target",
                "indikator": indikator,
                "tahun": row.tahun,
                "printed": show_for(view, indikator, cell.value),
                "tahun_akhir": end_year,
            }
            if previous is not None and _better(previous[1], value, polarity):
                before = previous[0]
                values |= {
                    "tahun_lalu": before.tahun,
                    "other_table": view.table_label(self._YEARLY),
                    "other_printed": show_for(view, indikator, before.cell("target").value),
                }
                yield Hit(
                    "away",
                    cell.pointer,
                    self._YEARLY,
                    values,
                    cell.value,
                    before.cell("target").value,
                )
            elif end is not None and _better(value, end[1], polarity):
                values |= {
                    "target_akhir": show_for(view, indikator, end[0].value),
                    "other_table": end_label,
                    "other_printed": show_for(view, indikator, end[0].value),
                }
                yield Hit("beyond", cell.pointer, self._YEARLY, values, cell.value, end[0].value)
            previous = (row, value)

    def _missing(
        self,
        view: ReportView,
        yearly: dict[str, list[Row]],
        ends: dict[str, tuple[Cell, Decimal]],
        end_year: int | None,
    ) -> Iterator[Hit]:
        rows = {row.indikator: row for row in reversed(view.rows(self._END))}
        order = list(view.indicators) + [i for i in yearly if i not in view.indicators]
        for indikator in order:
            flag = view.indicators.get(indikator, {}).get("iku")
            if indikator in ends or not (flag is True or (flag is None and indikator in yearly)):
                continue
            row = rows.get(indikator)
            if row is not None:
                cell = row.cell("target_akhir")
                pointer, printed = cell.pointer, cell.value
            else:
                pointer, printed = f"/tabel/{self._END}/baris", None
            yield Hit(
                outcome="missing_end_target",
                pointer=pointer,
                table=self._END,
                values={
                    "row": view.indicator_name(indikator),
                    "field": "target_akhir",
                    "indikator": indikator,
                    "tahun": end_year,
                    "tahun_akhir": end_year,
                    "printed": printed,
                },
                printed=printed,
            )
