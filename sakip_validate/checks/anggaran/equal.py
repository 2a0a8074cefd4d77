"""One program's budget, the same in every table that prints it (``budget_equal``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.budget import Node, Tree, budget_tree
from ...domain.view import BUDGET_TABLES, TABLE_FIELDS, ReportView
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

    A heading row that prints no figure counts with the sum of its sub-rows; the
    finding then goes to the table that prints the figure. Two heading rows are
    not compared: the printed rows beneath them are.
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
        reference_tree = budget_tree(view, reference_table, with_total=False)
        reference = _first_by_kode(reference_tree)
        corrections = sum_corrections(view, self.params.get("sums"))
        for table in others:
            tree = budget_tree(view, table, with_total=False)
            for kode, node in _first_by_kode(tree).items():
                if kode not in reference:
                    continue
                mine = _Figure(tree, node, name, corrections)
                theirs = _Figure(reference_tree, reference[kode], name, corrections)
                if mine.amount is None or theirs.amount is None:
                    continue
                if mine.amount.value == theirs.amount.value:
                    continue
                if mine.amount.derived and theirs.amount.derived:
                    continue  # the printed rows beneath them are compared one by one
                if mine.fixed == theirs.fixed:
                    continue  # a typo the sum check reports
                # Blame a printed figure: this table's, unless it prints none here.
                if mine.amount.derived:
                    yield theirs.hit(view, reference_table, mine, table)
                else:
                    yield mine.hit(view, table, theirs, reference_table)


def _first_by_kode(tree: Tree) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for node in tree.nodes:
        found.setdefault(node.row.kode or "", node)
    return found


class _Figure:
    """One row's figure in one table: printed or summed, and as the sum check corrects it."""

    def __init__(self, tree: Tree, node: Node, name: str, corrections: dict[str, int]) -> None:
        self.node = node
        self.name = name
        self.cell = node.row.cell(name)
        self.amount = tree.amount(node, name)
        fixed = tree.amount(node, name, corrections)
        self.fixed = None if fixed is None else fixed.value

    def rupiah(self) -> Rupiah:
        assert self.amount is not None
        return Rupiah(self.amount.value, derived=self.amount.derived)

    def hit(self, view: ReportView, table: str, other: _Figure, other_table: str) -> Hit:
        row = self.node.row
        return Hit(
            "mismatch",
            self.cell.pointer,
            table,
            {
                "row": row.label,
                "kode": row.kode,
                "field": self.name,
                "printed": self.rupiah(),
                "expected": other.rupiah(),
                "other_table": view.table_label(other_table),
                "other_printed": other.rupiah(),
            },
            self.rupiah(),
            other.rupiah(),
        )
