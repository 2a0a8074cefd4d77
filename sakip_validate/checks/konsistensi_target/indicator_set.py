"""The IKU table, the Perjanjian Kinerja and Tabel 3.2 list the same indicators."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import BUDGET_TABLES, ReportView
from ...engine.kinds import CheckKind, Hit
from ..common import table_list

__all__ = ["IndicatorSet"]


def _rows_key(name: str) -> str:
    """Where a view table's rows stand in the raw table (``program_pendukung.indikator``)."""
    return name.split(".")[1] if "." in name else "baris"


class IndicatorSet(CheckKind):
    """The IKU table, the Perjanjian Kinerja and the capaian table list the same indicators.

    The expected set is the union, in table then document order, of the indicators of
    the listed tables that are present; each indicator missing from a present table is
    one ``missing`` hit, pointing at that table's rows.
    """

    name = "indicator_set"
    outcomes = ("missing",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_tables"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"tables": table_list(2)},
    }
    _TABLES: ClassVar[list[str]] = ["iku", "perjanjian_kinerja", "capaian"]

    def problems(self) -> list[tuple[str, str]]:
        return [
            (f"/tables/{index}", f"table {table!r} is keyed by kode, not by indikator")
            for index, table in enumerate(self.params.get("tables", []))
            if table in BUDGET_TABLES
        ]

    def run(self, view: ReportView) -> Iterator[Hit]:
        tables = [
            table
            for table in self.params.get("tables", self._TABLES)
            if isinstance(view.raw_table(table).get(_rows_key(table)), list)
        ]
        listed: dict[str, dict[str, None]] = {}
        everywhere: dict[str, None] = {}
        for table in tables:
            listed[table] = {}
            for row in view.rows(table):
                if isinstance(row.indikator, str):
                    listed[table].setdefault(row.indikator)
                    everywhere.setdefault(row.indikator)
        for indikator in everywhere:
            having = [view.table_label(t) for t in tables if indikator in listed[t]]
            for table in tables:
                if indikator in listed[table]:
                    continue
                yield Hit(
                    outcome="missing",
                    pointer=f"/tabel/{table.split('.')[0]}/{_rows_key(table)}",
                    table=table,
                    values={
                        "row": view.indicator_name(indikator),
                        "indikator": indikator,
                        "tahun": view.year,
                        "other_tables": having,
                    },
                )
