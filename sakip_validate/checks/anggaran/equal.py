"""One program's budget, the same in every table that prints it (``budget_equal``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.values import as_rupiah
from ...domain.view import BUDGET_TABLES, TABLE_FIELDS, Cell, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Rupiah
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .corrections import SUMS_PARAM, sum_corrections, sums_problems

__all__ = ["BudgetEqual"]


class BudgetEqual(CheckKind):
    """A program/kegiatan's rupiah figure is the same in every listed table, joined by kode.

    The first table is the reference; a row of another table that prints a
    different amount is a hit, at that row. Unlike ``cross_table_equal`` it shows
    rupiah as rupiah and, given ``sums`` (the parameters of the tables'
    ``hierarchical_sum`` rules), leaves out a difference that disappears once the
    figures the sum check calls mistyped are corrected: that typo is reported once,
    by the sum check. Outcome ``mismatch``.
    """

    name = "budget_equal"
    outcomes = ("mismatch",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "other_printed"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables", "field"],
        "properties": {
            "tables": {"type": "array", "items": TABLE_NAME, "minItems": 2, "uniqueItems": True},
            "field": FIELD_NAME,
            "sums": SUMS_PARAM,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for index, table in enumerate(self.params["tables"]):
            problems += table_problems(table, [self.params["field"]], f"/tables/{index}")
            if table in TABLE_FIELDS and table not in BUDGET_TABLES:
                problems.append((f"/tables/{index}", f"{table!r} is not a kode-keyed table"))
        return problems + sums_problems(self.params)

    def run(self, view: ReportView) -> Iterator[Hit]:
        name = self.params["field"]
        reference_table, *others = self.params["tables"]
        reference: dict[str, Cell] = {}
        for row in view.rows(reference_table):
            reference.setdefault(row.kode or "", row.cell(name))
        corrections = sum_corrections(view, self.params.get("sums"))
        for table in others:
            seen: set[str] = set()
            for row in view.rows(table):
                kode = row.kode or ""
                if kode in seen or kode not in reference:
                    continue
                seen.add(kode)
                cell, other = row.cell(name), reference[kode]
                value, other_value = as_rupiah(cell.value), as_rupiah(other.value)
                if value is None or other_value is None or value == other_value:
                    continue
                fixed = corrections.get(cell.pointer, value)
                other_fixed = corrections.get(other.pointer, other_value)
                if fixed == other_fixed:
                    continue  # a typo the sum check reports
                yield Hit(
                    "mismatch",
                    cell.pointer,
                    table,
                    {
                        "row": row.label,
                        "kode": row.kode,
                        "field": name,
                        "printed": Rupiah(value),
                        "expected": Rupiah(other_value),
                        "other_table": view.table_label(reference_table),
                        "other_printed": Rupiah(other_value),
                    },
                    Rupiah(value),
                    Rupiah(other_value),
                )
