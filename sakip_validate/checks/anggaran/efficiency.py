"""The budgets of the efficiency table (3.6) against the JUMLAH row of 3.8."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.budget import build_tree, total_row
from ...domain.values import as_rupiah
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Rupiah
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .figures import sum_or_none

__all__ = ["EfficiencyBudgetTotal"]


class EfficiencyBudgetTotal(CheckKind):
    """The budgets printed in the efficiency table (3.6) add up to the JUMLAH row of 3.8.

    ``fields`` maps a field of ``table`` to the field of ``total_table`` it is
    compared with. The total is the JUMLAH row, or the sum of the top-level
    rows when the report prints no JUMLAH. Outcomes: ``exceeds`` (more budget
    than the whole unit has, e.g. the whole budget repeated on several rows)
    and ``short`` (part of the budget is not attributed to any indicator).
    """

    name = "efficiency_budget_total"
    outcomes = ("exceeds", "short")
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "count", "difference"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "total_table", "fields"],
        "properties": {
            "table": TABLE_NAME,
            "total_table": TABLE_NAME,
            "fields": {"type": "object", "minProperties": 1, "additionalProperties": FIELD_NAME},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        problems = table_problems(p["table"], list(p["fields"]), "/table")
        problems += table_problems(p["total_table"], list(p["fields"].values()), "/total_table")
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        rows = view.rows(p["total_table"])
        total = total_row(view, p["total_table"])
        for name, total_name in p["fields"].items():
            cells = [row.cell(name) for row in view.rows(p["table"])]
            printed = [(cell, as_rupiah(cell.value)) for cell in cells]
            amounts = [(cell, value) for cell, value in printed if value is not None]
            if not amounts:
                continue
            printed_total = as_rupiah(total.cell(total_name).value) if total is not None else None
            programs = sum_or_none(
                [as_rupiah(n.row.cell(total_name).value) for n in build_tree(rows).roots]
            )
            whole = printed_total if printed_total is not None else programs
            if whole is None:
                continue
            added = sum(value for _, value in amounts)
            # A JUMLAH row that disagrees with its programs is the sum check's finding:
            # agreeing with either of the two is not this check's business.
            if added in (printed_total, programs):
                continue
            # Blame by evidence: a row that repeats the whole budget is the likely
            # slip; otherwise the table as a whole (its first figure).
            repeated = [cell for cell, value in amounts if value == whole]
            blamed = repeated[0] if added > whole and repeated else amounts[0][0]
            yield Hit(
                "exceeds" if added > whole else "short",
                blamed.pointer,
                p["table"],
                {
                    "field": name.replace("_", " "),
                    "printed": Rupiah(added),
                    "expected": Rupiah(whole),
                    "difference": Rupiah(abs(added - whole)),
                    "count": len(amounts),
                    "other_table": view.table_label(p["total_table"]),
                },
                Rupiah(added),
                Rupiah(whole),
            )
