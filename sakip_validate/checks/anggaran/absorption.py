"""Performance confused with budget absorption (``capaian_is_absorption``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...domain.values import same_value
from ...domain.view import Cell, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from ...loading.pointers import join_pointer
from ..common import FIELD_NAME, TABLE_NAME, table_problems

__all__ = ["CapaianIsAbsorption"]


@dataclass
class _Match:
    row: Row
    cell: Cell
    shown: Decimal
    absorption: Decimal
    recomputed: bool

    @property
    def absorption_shown(self) -> Decimal:
        """The budget % as printed, or recomputed and rounded like the capaian it matched."""
        if not self.recomputed:
            return self.absorption
        return round_half_up(self.absorption, decimals_of(self.shown))


class CapaianIsAbsorption(CheckKind):
    """The "% capaian" of programs and kegiatan (3.7) is their budget % (3.8).

    Performance is then confused with budget absorption. One coincidence proves
    nothing, so the check needs ``min_matches`` equal pairs (default 2), at least
    one of them not 0% or 100%, and reports the whole table once, at the first
    pair. A program's ``indikator_kinerja`` capaian are compared too.
    """

    name = "capaian_is_absorption"
    outcomes = ("absorption",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"other_table", "count", "compared", "kodes"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "field", "budget_table", "budget_percent"],
        "properties": {
            "table": TABLE_NAME,
            "field": FIELD_NAME,
            "indicators": FIELD_NAME,
            "budget_table": TABLE_NAME,
            "budget_percent": FIELD_NAME,
            "budget_part": FIELD_NAME,
            "budget_whole": FIELD_NAME,
            "min_matches": {"type": "integer", "minimum": 1},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        fields = [p["field"], *([p["indicators"]] if "indicators" in p else [])]
        problems = table_problems(p["table"], fields, "/table")
        budget = [p["budget_percent"], p.get("budget_part", ""), p.get("budget_whole", "")]
        problems += table_problems(p["budget_table"], [f for f in budget if f], "/budget_table")
        return problems

    def _absorption(self, row: Row) -> tuple[Decimal, bool] | None:
        """The budget % of a 3.8 row as printed, else recomputed (then flagged True)."""
        p = self.params
        shown = row.cell(p["budget_percent"]).number
        if shown is not None:
            return shown, False
        if "budget_part" not in p or "budget_whole" not in p:
            return None
        part, whole = row.cell(p["budget_part"]).number, row.cell(p["budget_whole"]).number
        exact = None if part is None or whole is None else percent(part, whole)
        return None if exact is None else (exact, True)

    def _cells(self, row: Row) -> Iterator[Cell]:
        yield row.cell(self.params["field"])
        name = self.params.get("indicators")
        items = row.cell(name).value if name else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                base = join_pointer(join_pointer(row.pointer, name or ""), str(index))
                yield Cell(item.get(self.params["field"]), join_pointer(base, self.params["field"]))

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        budget: dict[str, tuple[Decimal, bool]] = {}
        for row in view.rows(p["budget_table"]):
            read = self._absorption(row)
            if row.kode is not None and read is not None:
                budget.setdefault(row.kode, read)
        compared = 0
        matches: list[_Match] = []
        for row in view.rows(p["table"]):
            found = budget.get(row.kode or "")
            if found is None:
                continue
            absorption, recomputed = found
            for cell in self._cells(row):
                shown = cell.number
                if shown is None:
                    continue
                compared += 1
                if same_value(shown, absorption) or (
                    compare_printed(shown, absorption) is Agreement.EXACT
                ):
                    matches.append(_Match(row, cell, shown, absorption, recomputed))
        telling = [m for m in matches if m.shown not in (0, 100)]
        if len(matches) < p.get("min_matches", 2) or not telling:
            return
        first = matches[0]
        kodes = list(dict.fromkeys(m.row.kode for m in matches if m.row.kode))
        yield Hit(
            "absorption",
            first.cell.pointer,
            p["table"],
            {
                "row": first.row.label,
                "kode": first.row.kode,
                "field": p["field"],
                "printed": Percent(first.shown),
                "expected": Percent(first.absorption_shown),
                "count": len(matches),
                "compared": compared,
                "kodes": kodes,
                "other_table": view.table_label(p["budget_table"]),
            },
            first.shown,
            None,  # nothing is "expected" here: the figure measures the wrong thing
        )
