"""A printed % equals part ÷ whole × 100 at its printed precision (``percentage``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...domain.view import Cell, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
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
    achievement of a lower-is-better indicator).
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
        as_rupiah = p.get("rupiah", False)
        corrections = sum_corrections(view, p.get("sums"))
        for row in rows_with_total(view, p["table"], p.get("total", False)):
            if "polarity" in p and view.polarity(row.indikator) != p["polarity"]:
                continue
            cell = row.cell(p["printed"])
            shown = cell.number
            part_cell, whole_cell = row.cell(p["part"]), row.cell(p["whole"])
            part, whole = part_cell.number, whole_cell.number
            if shown is None or part is None or whole is None:
                continue
            if self._explained(shown, part_cell, part, whole_cell, whole, corrections):
                continue
            values: dict[str, Any] = {
                **row.values(),
                "field": p["printed"],
                "part": money_or_number(part, as_rupiah),
                "whole": money_or_number(whole, as_rupiah),
                "printed": Percent(shown),
            }
            exact = percent(part, whole)
            if exact is None:
                yield Hit("zero_whole", cell.pointer, p["table"], values, cell.value, "N/A")
                continue
            agreement = compare_printed(shown, exact)
            if agreement is Agreement.EXACT:
                continue
            places = decimals_of(shown)
            expected = round_half_up(exact, places)
            values["expected"] = Percent(expected, places)
            values["exact"] = Percent(round_half_up(exact, places + 2), places + 2)
            outcome = "truncated" if agreement is Agreement.TRUNCATED else "mismatch"
            yield Hit(outcome, cell.pointer, p["table"], values, cell.value, expected)

    @staticmethod
    def _explained(
        shown: Decimal,
        part_cell: Cell,
        part: Decimal,
        whole_cell: Cell,
        whole: Decimal,
        corrections: dict[str, int],
    ) -> bool:
        """The % fits once the sum check's corrected rupiah replace mistyped ones."""
        fixed_part = corrected(part_cell, part, corrections)
        fixed_whole = corrected(whole_cell, whole, corrections)
        if (fixed_part, fixed_whole) == (part, whole):
            return False
        exact = percent(fixed_part, fixed_whole)
        return exact is not None and compare_printed(shown, exact) is not Agreement.MISMATCH
