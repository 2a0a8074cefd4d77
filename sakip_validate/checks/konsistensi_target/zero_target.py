"""A target of 0 makes capaian undefined: N/A, alike in every table (``zero_target``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.values import same_value
from ...domain.view import ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ..common import FIELD_NAME, table_list, tables_problems
from .figures import DEFAULT_TARGET_TABLES, Key, Lookup, show_for, shown

__all__ = ["ZeroTarget"]

# Tables whose capaian is realisasi / target of the year (not Tabel 3.4: its capaian is
# measured against the Renstra end target, which is not 0 when the year's target is).
DEFAULT_CAPAIAN_TABLES = [
    "capaian",
    "perbandingan_tahun",
    "analisis_penyebab",
    "efisiensi",
    "program_pendukung.indikator",
]


class ZeroTarget(CheckKind):
    """A target of 0 makes capaian undefined: it must be printed N/A, alike in every table.

    The target of a row is its own ``target`` cell or, when the row prints none
    (Tabel 3.7), the first of ``target_tables`` that prints one for the same
    (indikator, tahun). Outcomes, at most one per capaian cell:

    * ``not_na``: a number is printed where the target is 0 (with
      ``allow_hundred_when_realisasi_zero``, 100 is accepted when the realisasi is 0);
    * ``inconsistent``: an accepted print that differs from the first accepted print of
      the same key in another table ("N/A" here, "-" there; or N/A vs 100).
    """

    name = "zero_target"
    outcomes = ("not_na", "inconsistent")
    placeholders: ClassVar[frozenset[str]] = frozenset({"target", "other_table", "other_printed"})
    operands: ClassVar[tuple[str, ...]] = ("target",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "tables": table_list(),
            "field": FIELD_NAME,
            "target_tables": table_list(),
            "allow_hundred_when_realisasi_zero": {"type": "boolean"},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        field = self.params.get("field", "capaian")
        problems = tables_problems(
            self.params.get("tables", DEFAULT_CAPAIAN_TABLES), field, "/tables"
        )
        problems += tables_problems(
            self.params.get("target_tables", []), "target", "/target_tables"
        )
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        field = self.params.get("field", "capaian")
        target_tables = self.params.get("target_tables", DEFAULT_TARGET_TABLES)
        allow_hundred = self.params.get("allow_hundred_when_realisasi_zero", False)
        lookup = Lookup(view)
        accepted: dict[Key, tuple[str, Any]] = {}
        for table in self.params.get("tables", DEFAULT_CAPAIAN_TABLES):
            for row in view.rows(table):
                cell = row.cell(field)
                value = cell.number
                if not (cell.is_na or value is not None):
                    continue  # empty or text: the schema and the completeness rules judge those
                target = lookup.own_or_first(row, "target", target_tables)
                if target is None or target.number != 0:
                    continue
                values = {
                    **row.values(),
                    "field": field,
                    "printed": shown(cell.value),
                    "target": show_for(view, row.indikator, target.value),
                }
                if value is not None and not (
                    allow_hundred and value == 100 and self._realisasi_zero(lookup, row)
                ):
                    yield Hit("not_na", cell.pointer, table, values, cell.value, "N/A")
                    continue
                first = accepted.setdefault(row.key, (table, cell.value))
                if first[0] == table or same_value(first[1], cell.value):
                    continue
                values["other_table"] = view.table_label(first[0])
                values["other_printed"] = shown(first[1])
                yield Hit("inconsistent", cell.pointer, table, values, cell.value, first[1])

    @staticmethod
    def _realisasi_zero(lookup: Lookup, row: Row) -> bool:
        realisasi = lookup.own_or_first(row, "realisasi", ["capaian", "perbandingan_tahun"])
        return realisasi is not None and realisasi.number == 0
