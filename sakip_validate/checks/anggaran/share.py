"""A "% of total" column: each row's share of the whole budget (``share_of_total``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.budget import Amount, budget_tree
from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent, Rupiah
from ..common import FIELD_NAME, TABLE_NAME, table_problems

__all__ = ["ShareOfTotal"]


class ShareOfTotal(CheckKind):
    """A printed "% of total" equals the row's amount ÷ the whole × 100 at its precision.

    The whole is the JUMLAH row's ``field`` (or, without one, the sum of the
    top-level rows); a row may also be given as a share of its parent (a kegiatan
    of its program), which some reports print. The JUMLAH row's own share, when
    printed, must be 100. Outcomes: ``mismatch``; ``truncated`` when only cutting
    the exact share gives the printed figure. Recomputed exactly, judged at the
    printed precision.

    A heading row's amount is the sum of its sub-rows. Revenue and spending are
    shares of their own whole (a pendapatan row of the pendapatan rows). An
    excerpt's whole is its JUMLAH row only: the rows it shows are not the whole.
    """

    name = "share_of_total"
    outcomes = ("mismatch", "truncated")
    placeholders: ClassVar[frozenset[str]] = frozenset({"part", "whole", "dasar"})
    operands: ClassVar[tuple[str, ...]] = ("part", "whole")
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "field", "printed"],
        "properties": {"table": TABLE_NAME, "field": FIELD_NAME, "printed": FIELD_NAME},
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        return table_problems(p["table"], [p["field"], p["printed"]])

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        tree = budget_tree(view, p["table"])
        grand = Localized("jumlah anggaran seluruhnya", "the whole budget")
        for node in [*tree.nodes, *([tree.total] if tree.total is not None else [])]:
            row = node.row
            cell = row.cell(p["printed"])
            shown = cell.number
            part = tree.amount(node, p["field"])
            if shown is None or part is None:
                continue
            bases: list[tuple[Amount, Localized]] = []
            whole = tree.whole(p["field"], tree.jenis_of(node))
            if whole is not None and whole.value and not whole.partial:
                bases.append((whole, grand))
            parent = node.parent
            if parent is not None and parent is not tree.total and node in tree.members(parent):
                parent_amount = tree.amount(parent, p["field"])
                if parent_amount is not None and parent_amount.value:
                    label = Localized(
                        f"induknya ({parent.row.label})", f"its parent ({parent.row.label})"
                    )
                    bases.append((parent_amount, label))
            if not bases:
                continue  # an excerpt without its JUMLAH row: the whole is not shown
            exact = [(base, label, percent(part.value, base.value)) for base, label in bases]
            results = [compare_printed(shown, value) for _, _, value in exact if value is not None]
            if Agreement.EXACT in results:
                continue
            base, label, value = exact[0]
            assert value is not None
            decimals = decimals_of(shown)
            expected = round_half_up(value, decimals)
            truncated = compare_printed(shown, value) is Agreement.TRUNCATED
            yield Hit(
                "truncated" if truncated else "mismatch",
                cell.pointer,
                p["table"],
                {
                    **row.values(),
                    "field": p["printed"],
                    "part": Rupiah(part.value, derived=part.derived),
                    "whole": Rupiah(base.value, derived=base.derived and label is not grand),
                    "dasar": label,
                    "printed": Percent(shown),
                    "expected": Percent(expected, decimals),
                },
                shown,
                expected,
            )
