"""A printed % equals part ÷ whole × 100 at its printed precision (``percentage``)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.budget import AMOUNT_FIELDS, Node, Tree, budget_tree
from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...domain.values import as_rupiah
from ...domain.view import BUDGET_TABLES, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent, Rupiah
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .corrections import SUMS_PARAM, corrected, sum_corrections, sums_problems
from .figures import money_or_number, rows_with_total

__all__ = ["Percentage"]


class Percentage(CheckKind):
    """A printed % equals part / whole × 100 at the precision it is printed with.

    Outcomes: ``mismatch`` (neither rounding nor truncation gives the printed
    figure), ``truncated`` (only truncation does), ``zero_whole`` (the whole is
    0 yet a number is printed: it must be N/A or blank, never 100). With
    ``total`` the table's JUMLAH row is checked too; with ``polarity`` only rows
    of indicators of that polarity are checked (a plain ratio is not the
    achievement of a lower-is-better indicator). In a budget table a % printed
    on a heading row is checked against the sums of its sub-rows, and the
    message says the figures are sums; revenue and spending rows alike.
    """

    name = "percentage"
    outcomes = ("mismatch", "truncated", "zero_whole")
    placeholders: ClassVar[frozenset[str]] = frozenset({"part", "whole", "exact"})
    operands: ClassVar[tuple[str, ...]] = ("part", "whole")
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "part", "whole", "printed"],
        "properties": {
            "table": TABLE_NAME,
            "part": FIELD_NAME,
            "whole": FIELD_NAME,
            "printed": FIELD_NAME,
            "total": {"type": "boolean"},
            "rupiah": {"type": "boolean"},
            "polarity": {"enum": ["positif", "negatif"]},
            "sums": SUMS_PARAM,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        return table_problems(p["table"], [p["part"], p["whole"], p["printed"]]) + sums_problems(p)

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        corrections = sum_corrections(view, p.get("sums"))
        for row, operands in self._rows(view, corrections):
            if "polarity" in p and view.polarity(row.indikator) != p["polarity"]:
                continue
            cell = row.cell(p["printed"])
            shown = cell.number
            part, whole = operands(p["part"]), operands(p["whole"])
            if shown is None or part is None or whole is None:
                continue
            if self._explained(shown, part, whole):
                continue
            exact = percent(part.value, whole.value)
            agreement = compare_printed(shown, exact) if exact is not None else None
            if agreement is Agreement.EXACT:
                continue  # most rows: no message to prepare
            values: dict[str, Any] = {
                **row.values(),
                "field": p["printed"],
                "part": part.shown(p.get("rupiah", False)),
                "whole": whole.shown(p.get("rupiah", False)),
                "printed": Percent(shown),
            }
            if exact is None:
                yield Hit("zero_whole", cell.pointer, p["table"], values, cell.value, "N/A")
                continue
            places = decimals_of(shown)
            expected = round_half_up(exact, places)
            values["expected"] = Percent(expected, places)
            values["exact"] = Percent(round_half_up(exact, places + 2), places + 2)
            outcome = "truncated" if agreement is Agreement.TRUNCATED else "mismatch"
            yield Hit(outcome, cell.pointer, p["table"], values, cell.value, expected)

    def _rows(
        self, view: ReportView, corrections: dict[str, int]
    ) -> Iterator[tuple[Row, Callable[[str], _Operand | None]]]:
        """Each row with a reader of its operands.

        In a budget table a heading row's rupiah operand is the sum of its sub-rows
        (never in an excerpt, where the rows shown may not be all of them).
        """
        p = self.params
        if p["table"] not in BUDGET_TABLES:
            for row in rows_with_total(view, p["table"], p.get("total", False)):
                yield row, functools.partial(_printed_operand, row, corrections)
            return
        tree = budget_tree(view, p["table"], with_total=p.get("total", False))
        for node in [*tree.nodes, *([tree.total] if tree.total is not None else [])]:
            yield node.row, functools.partial(_tree_operand, tree, node, corrections)

    @staticmethod
    def _explained(shown: Decimal, part: _Operand, whole: _Operand) -> bool:
        """The % fits once the sum check's corrected rupiah replace mistyped ones."""
        if (part.fixed, whole.fixed) == (part.value, whole.value):
            return False
        exact = percent(part.fixed, whole.fixed)
        return exact is not None and compare_printed(shown, exact) is not Agreement.MISMATCH


@dataclass(frozen=True, slots=True)
class _Operand:
    """A part or whole of the %: as printed (or summed), and as the sum check corrects it."""

    value: Decimal
    fixed: Decimal
    derived: bool = False

    def shown(self, rupiah: bool) -> Any:
        """The figure for a message; a summed one says it is the sum of the sub-rows."""
        amount = as_rupiah(self.value) if rupiah else None
        if amount is not None and self.derived:
            return Rupiah(amount, derived=True)
        return money_or_number(self.value, rupiah)


def _printed_operand(row: Row, corrections: dict[str, int], name: str) -> _Operand | None:
    cell = row.cell(name)
    value = cell.number
    if value is None:
        return None
    return _Operand(value, corrected(cell, value, corrections))


def _tree_operand(
    tree: Tree, node: Node, corrections: dict[str, int], name: str
) -> _Operand | None:
    if node.row.cell(name).present or name not in AMOUNT_FIELDS:
        return _printed_operand(node.row, corrections, name)
    summed = tree.amount(node, name)
    if summed is None:
        return None
    fixed = tree.amount(node, name, corrections)
    value = Decimal(summed.value)
    return _Operand(value, value if fixed is None else Decimal(fixed.value), derived=True)
