"""Reading budget figures: a table's rows with its JUMLAH row, sums, amounts for messages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...domain.budget import total_row
from ...domain.values import as_rupiah
from ...domain.view import ReportView, Row
from ...engine.templates import Rupiah


def rows_with_total(view: ReportView, table: str, with_total: bool) -> list[Row]:
    """The rows of ``table``, followed by its JUMLAH row when asked and printed."""
    rows = list(view.rows(table))
    total = total_row(view, table) if with_total else None
    return [*rows, total] if total is not None else rows


def sum_or_none(values: list[int | None]) -> int | None:
    """The sum of the amounts, or None when one of them is missing."""
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


def money_or_number(value: Decimal, rupiah: bool) -> Any:
    """A figure for a message: rupiah when asked and whole, else the number as printed."""
    amount = as_rupiah(value) if rupiah else None
    return Rupiah(amount) if amount is not None else value
