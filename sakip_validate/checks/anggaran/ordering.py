"""A low figure must not exceed a high one: realisasi ≤ anggaran (``ordering``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .corrections import SUMS_PARAM, corrected, sum_corrections, sums_problems
from .figures import money_or_number, rows_with_total

__all__ = ["Ordering"]


class Ordering(CheckKind):
    """A low figure must not exceed a high one: realisasi ≤ anggaran on spending rows.

    Only for spending (belanja): income (pendapatan) may exceed its target, so
    do not configure it on such rows. Outcome ``exceeds``.
    """

    name = "ordering"
    outcomes = ("exceeds",)
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
        as_rupiah = p.get("rupiah", True)
        corrections = sum_corrections(view, p.get("sums"))
        for row in rows_with_total(view, p["table"], p.get("total", False)):
            low_cell, high_cell = row.cell(p["field_low"]), row.cell(p["field_high"])
            low, high = low_cell.number, high_cell.number
            if low is None or high is None or low <= high:
                continue
            if corrected(low_cell, low, corrections) <= corrected(high_cell, high, corrections):
                continue  # a mistyped figure, already reported by the sum check
            yield Hit(
                "exceeds",
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
