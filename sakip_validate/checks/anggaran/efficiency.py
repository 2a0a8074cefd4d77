"""The budgets of the efficiency table (3.6) against the JUMLAH row of 3.8."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.budget import BELANJA, Tree, budget_tree
from ...domain.values import as_rupiah
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Rupiah
from ..common import FIELD_NAME, TABLE_NAME, table_problems

__all__ = ["EfficiencyBudgetTotal"]


class EfficiencyBudgetTotal(CheckKind):
    """The budgets printed in the efficiency table (3.6) add up to the JUMLAH row of 3.8.

    ``fields`` maps a field of ``table`` to the field of ``total_table`` it is
    compared with. The total is the JUMLAH row, or the sum of the top-level
    rows when the report prints no JUMLAH. Outcomes: ``exceeds`` (more budget
    than the whole unit has, e.g. the whole budget repeated on several rows)
    and ``short`` (part of the budget is not attributed to any indicator).
    Only spending (belanja) counts: revenue rows of the budget table are left out,
    and so is a JUMLAH row that totals revenue.
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
        tree = budget_tree(view, p["total_table"])
        for name, total_name in p["fields"].items():
            cells = [row.cell(name) for row in view.rows(p["table"])]
            printed = [(cell, as_rupiah(cell.value)) for cell in cells]
            amounts = [(cell, value) for cell, value in printed if value is not None]
            if not amounts:
                continue
            # The efficiency table weighs spending: the JUMLAH row when it totals
            # spending, and the top spending rows (not an excerpt's: not all shown).
            printed_total = (
                tree.printed(tree.total, total_name)
                if tree.total is not None and tree.jenis == BELANJA
                else None
            )
            programs = _spending_rows(tree, total_name)
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


def _spending_rows(tree: Tree, name: str) -> int | None:
    """What the top spending rows add up to (a heading row with its sub-rows' sum).

    None when one has no figure, there are none, or the table is an excerpt.
    """
    if tree.kutipan:
        return None
    amounts = [tree.amount(root, name) for root in tree.roots if tree.jenis_of(root) == BELANJA]
    if not amounts or any(amount is None for amount in amounts):
        return None
    return sum(amount.value for amount in amounts if amount is not None)
