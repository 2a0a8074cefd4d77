"""An indicator with a target is measured, and its capaian is filled in (``measured``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.columns import column_name
from ...domain.numbers import capaian, round_half_up
from ...domain.view import Cell, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from ...findings import Text
from ..common import polarity_of, table_list, tables_problems
from ..konsistensi_target.figures import DEFAULT_TARGET_TABLES, Key, Lookup, show_for

__all__ = ["Measured"]

# The tables that print an indicator's realisasi beside its target (Tabel 3.2-3.6).
_TABLES = [
    "capaian",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "analisis_penyebab",
    "efisiensi",
]


def _exempt(view: ReportView, key: Key, lookup: Lookup) -> bool:
    """The report states why the indicator (or its realisasi of that year) cannot be measured."""
    indikator, _ = key
    reason = view.indicators.get(indikator or "", {}).get("alasan_tidak_terukur")
    if isinstance(reason, str) and reason.strip():
        return True
    row = lookup.row("capaian", key)
    reason = row.cell("alasan_tidak_terukur").value if row is not None else None
    return isinstance(reason, str) and bool(reason.strip())


class Measured(CheckKind):
    """A non-zero target has a measured realisasi; a target and a realisasi have a capaian.

    The target of a row is its own (Tabel 3.4: the year's target from the other
    tables); years after the report year are not judged. N/A is allowed as
    realisasi only when the target is 0 or the report states why the indicator
    cannot be measured (``alasan_tidak_terukur`` on the indicator, or on its
    Tabel 3.2 row for that year). Outcomes:

    * ``unmeasured``: no table gives a number for the realisasi of an (indikator,
      year) whose target is not 0 (every cell N/A or empty): one hit, at the first
      such cell. When some tables give a number and others N/A, that is the
      cross-table rules' finding;
    * ``empty_realisasi``: a table leaves the realisasi empty where other tables
      give it;
    * ``empty_capaian``: a row prints a target and a realisasi but leaves the
      capaian empty (expected: the computed capaian, or N/A for a target of 0).

    In a partial report a table printed without the realisasi (or capaian)
    column is not judged for it.
    """

    name = "measured"
    outcomes = ("unmeasured", "empty_realisasi", "empty_capaian")
    placeholders: ClassVar[frozenset[str]] = frozenset({"target", "realisasi"})
    operands: ClassVar[tuple[str, ...]] = ("target", "realisasi")
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"tables": table_list()},
    }

    def problems(self) -> list[tuple[str, str]]:
        return tables_problems(self.params.get("tables", []), "realisasi", "/tables")

    # The column each outcome is about.
    _COLUMN: ClassVar[dict[str, str]] = {
        "unmeasured": "realisasi",
        "empty_realisasi": "realisasi",
        "empty_capaian": "capaian",
    }

    def inapplicable(self, view: ReportView, outcome: str) -> Text | None:
        """A partial report whose tables are all printed without the column."""
        column = self._COLUMN[outcome]
        held = [t for t in self.params.get("tables", _TABLES) if view.rows(t)]
        if not held or not all(view.lacks_column(table, column) for table in held):
            return None
        labels = [view.table_label(table) for table in held]
        name = column_name(column)
        return Text(
            f"{', '.join(t.id for t in labels)} yang dimuat tidak mempunyai kolom {name.id}",
            f"{', '.join(t.en for t in labels)} as held has no {name.en} column",
        )

    def run(self, view: ReportView) -> Iterator[Hit]:
        lookup = Lookup(view)
        keys: dict[Key, list[tuple[Row, Cell]]] = {}
        for table in self.params.get("tables", _TABLES):
            if view.lacks_column(table, "realisasi"):
                continue  # a partial report's table printed without realisasi
            for row in view.rows(table):
                if not isinstance(row.indikator, str) or not isinstance(row.tahun, int):
                    continue
                if view.year is not None and row.tahun > view.year:
                    continue  # a later year's target is not measured yet
                target = self._target(row, lookup)
                if target is None:
                    continue
                keys.setdefault(row.key, []).append((row, target))
                hit = self._capaian(view, row, target)
                if hit is not None:
                    yield hit
        for key, rows in keys.items():
            if _exempt(view, key, lookup):
                continue
            yield from self._realisasi(view, rows)

    @staticmethod
    def _target(row: Row, lookup: Lookup) -> Cell | None:
        """The numeric target that applies to the row (its own, else the year's)."""
        if row.table == "target_akhir_renstra":
            found = lookup.first(row.key, "target", DEFAULT_TARGET_TABLES, numeric=True)
            return found[1] if found is not None else None
        own = row.cell("target")
        return own if own.number is not None else None

    @staticmethod
    def _realisasi(view: ReportView, rows: list[tuple[Row, Cell]]) -> Iterator[Hit]:
        nonzero = [(row, target) for row, target in rows if target.number != 0]
        if not nonzero:
            return
        measured = any(row.cell("realisasi").number is not None for row, _ in rows)
        for row, target in nonzero:
            cell = row.cell("realisasi")
            if cell.number is not None or (cell.present and not cell.is_na):
                continue  # a number, or text the schema reports
            if cell.is_na and measured:
                continue  # N/A beside numbers elsewhere: the cross-table rules' finding
            yield Hit(
                outcome="empty_realisasi" if measured else "unmeasured",
                pointer=cell.pointer,
                table=row.table,
                values={
                    **row.values(),
                    "field": "realisasi",
                    "printed": cell.value,
                    "target": show_for(view, row.indikator, target.value),
                },
                printed=cell.value,
            )
            if not measured:
                return  # one finding for an indicator that was not measured at all

    @staticmethod
    def _capaian(view: ReportView, row: Row, target: Cell) -> Hit | None:
        if row.table == "target_akhir_renstra":
            target = row.cell("target_akhir")
        cell = row.cell("capaian")
        realisasi = row.cell("realisasi")
        t, r = target.number, realisasi.number
        if cell.present or t is None or r is None or view.lacks_column(row.table, "capaian"):
            return None
        polarity = polarity_of(view, row.indikator)
        if polarity is None:
            return None
        computed = capaian(t, r, polarity)
        expected: Any = "N/A" if computed is None else Percent(round_half_up(computed, 2), 2)
        return Hit(
            outcome="empty_capaian",
            pointer=cell.pointer,
            table=row.table,
            values={
                **row.values(),
                "field": "capaian",
                "printed": None,
                "expected": expected,
                "target": show_for(view, row.indikator, target.value),
                "realisasi": show_for(view, row.indikator, realisasi.value),
            },
            printed=None,
            expected="N/A" if computed is None else round_half_up(computed, 2),
        )
