"""A "% of total" column: each row's share of the whole budget (``share_of_total``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.budget import build_tree, total_row
from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...domain.values import as_rupiah
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent, Rupiah
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .figures import sum_or_none

__all__ = ["ShareOfTotal"]


class ShareOfTotal(CheckKind):
    """A printed "% of total" equals the row's amount ÷ the whole × 100 at its precision.

    The whole is the JUMLAH row's ``field`` (or, without one, the sum of the
    top-level rows); a row may also be given as a share of its parent (a kegiatan
    of its program), which some reports print. The JUMLAH row's own share, when
    printed, must be 100. Outcomes: ``mismatch``; ``truncated`` when only cutting
    the exact share gives the printed figure. Recomputed exactly, judged at the
    printed precision.
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
        rows = view.rows(p["table"])
        total = total_row(view, p["table"])
        tree = build_tree(rows, total)
        printed_total = as_rupiah(total.cell(p["field"]).value) if total is not None else None
        programs = sum_or_none([as_rupiah(n.row.cell(p["field"]).value) for n in tree.roots])
        whole = printed_total if printed_total is not None else programs
        if whole is None or whole == 0:
            return
        grand = Localized("jumlah anggaran seluruhnya", "the whole budget")
        for node in [*tree.nodes, *([tree.total] if tree.total is not None else [])]:
            row = node.row
            cell = row.cell(p["printed"])
            shown = cell.number
            part = as_rupiah(row.cell(p["field"]).value)
            if shown is None or part is None:
                continue
            bases: list[tuple[int, Localized]] = [(whole, grand)]
            parent = node.parent
            if parent is not None and parent is not tree.total:
                parent_amount = as_rupiah(parent.row.cell(p["field"]).value)
                if parent_amount:
                    label = Localized(
                        f"induknya ({parent.row.label})", f"its parent ({parent.row.label})"
                    )
                    bases.append((parent_amount, label))
            exact = [(base, label, percent(part, base)) for base, label in bases]
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
                    "part": Rupiah(part),
                    "whole": Rupiah(base),
                    "dasar": label,
                    "printed": Percent(shown),
                    "expected": Percent(expected, decimals),
                },
                shown,
                expected,
            )
