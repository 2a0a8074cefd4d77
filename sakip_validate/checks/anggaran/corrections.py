"""Figures the sum check calls mistyped, read as corrected by the other budget kinds."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...domain.view import Cell, ReportView
from ...engine.templates import Rupiah
from .sums import HierarchicalSum

# A rule of ordering, percentage or budget_equal may name, in ``sums``, the
# parameters of the hierarchical_sum rules of its table. A rupiah figure those rules
# already call mistyped (wrong_sum, wrong_item) is then read as corrected, so that the
# same typo is not reported a second time as "spending above budget" or "wrong %".
SUMS_PARAM: dict[str, Any] = {"type": "object"}


def sum_corrections(view: ReportView, params: dict[str, Any] | None) -> dict[str, int]:
    """Pointer of each figure the sum check calls mistyped → the figure that fits."""
    if not params:
        return {}
    found = {}
    for hit in HierarchicalSum(params).run(view):
        if hit.outcome in ("wrong_sum", "wrong_item") and isinstance(hit.expected, Rupiah):
            found[hit.pointer] = hit.expected.amount
    return found


def corrected(cell: Cell, value: Decimal, corrections: dict[str, int]) -> Decimal:
    """The cell's figure, or the one the sum check says it should be."""
    fixed = corrections.get(cell.pointer)
    return value if fixed is None else Decimal(fixed)


def sums_problems(params: dict[str, Any]) -> list[tuple[str, str]]:
    """Problems of a ``sums`` parameter: it must be valid hierarchical_sum parameters."""
    from jsonschema import Draft202012Validator

    sums = params.get("sums")
    if sums is None:
        return []
    errors = list(Draft202012Validator(HierarchicalSum.params_schema).iter_errors(sums))
    if errors:
        return [("/sums", f"not valid hierarchical_sum parameters: {errors[0].message}")]
    return [("/sums" + where, message) for where, message in HierarchicalSum(sums).problems()]
