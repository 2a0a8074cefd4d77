"""A low figure must not exceed a high one: realisasi ≤ anggaran (``ordering``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.budget import PENDAPATAN, Node, Tree, budget_tree
from ...domain.view import BUDGET_TABLES, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .corrections import SUMS_PARAM, corrected, sum_corrections, sums_problems
from .figures import money_or_number, rows_with_total

__all__ = ["Ordering"]


class Ordering(CheckKind):
    """A low figure must not exceed a high one: realisasi ≤ anggaran on spending rows.

    Outcome ``exceeds``. In a budget table the rows of a pendapatan subtree (or of
    a pendapatan table: ``jenis_anggaran``) are revenue, which may exceed its
    target: such a row gives ``above_target`` instead, once per subtree (at the
    highest printed row above its target; the rows beneath it are not repeated).
    Only printed figures are compared: a heading row's sums exceed only where a
    row beneath them does, and that row is reported.
    """

    name = "ordering"
    outcomes = ("exceeds", "above_target")
    placeholders: ClassVar[frozenset[str]] = frozenset({"difference"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "field_low", "field_high"],
        "properties": {
            "table": TABLE_NAME,
            "field_low": FIELD_NAME,
            "field_high": FIELD_NAME,
            "total": {"type": "boolean"},
            "rupiah": {"type": "boolean"},
            "sums": SUMS_PARAM,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        return table_problems(p["table"], [p["field_low"], p["field_high"]]) + sums_problems(p)

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        corrections = sum_corrections(view, p.get("sums"))
        if p["table"] not in BUDGET_TABLES:
            for row in rows_with_total(view, p["table"], p.get("total", False)):
                if (pair := self._above(row, corrections)) is not None:
                    yield self._hit("exceeds", row, *pair)
            return
        tree = budget_tree(view, p["table"], with_total=p.get("total", False))
        nodes = [*tree.nodes, *([tree.total] if tree.total is not None else [])]
        found = {id(node): self._above(node.row, corrections) for node in nodes}
        revenue_above = {key for key, value in found.items() if value is not None}
        for node in nodes:
            figures = found[id(node)]
            if figures is None:
                continue
            low, high = figures
            if tree.jenis_of(node) != PENDAPATAN:
                yield self._hit("exceeds", node.row, low, high)
            elif not _under_one_above(tree, node, revenue_above):
                yield self._hit("above_target", node.row, low, high)

    def _above(self, row: Row, corrections: dict[str, int]) -> tuple[Decimal, Decimal] | None:
        """(low, high) when the row prints a low figure above its high one."""
        p = self.params
        low_cell, high_cell = row.cell(p["field_low"]), row.cell(p["field_high"])
        low, high = low_cell.number, high_cell.number
        if low is None or high is None or low <= high:
            return None
        if corrected(low_cell, low, corrections) <= corrected(high_cell, high, corrections):
            return None  # a mistyped figure, already reported by the sum check
        return low, high

    def _hit(self, outcome: str, row: Row, low: Decimal, high: Decimal) -> Hit:
        p = self.params
        as_rupiah = p.get("rupiah", True)
        low_cell = row.cell(p["field_low"])
        return Hit(
            outcome,
            low_cell.pointer,
            p["table"],
            {
                **row.values(),
                "field": p["field_low"],
                "printed": money_or_number(low, as_rupiah),
                "expected": money_or_number(high, as_rupiah),
                "difference": money_or_number(low - high, as_rupiah),
            },
            printed=low_cell.value,
            expected=row.cell(p["field_high"]).value,
        )


def _under_one_above(tree: Tree, node: Node, above: set[int]) -> bool:
    """Whether a revenue row above ``node`` (same subtree) already exceeds its target."""
    up = node.parent
    while up is not None and tree.jenis_of(up) == PENDAPATAN:
        if id(up) in above:
            return True
        up = up.parent
    return False
