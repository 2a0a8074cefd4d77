"""Helpers shared by the built-in check kinds: reading cells and checking parameters."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..domain.view import TABLE_FIELDS, Cell


def number(cell: Cell) -> Decimal | None:
    """The cell as a Decimal, or None when it is empty, N/A or not a number."""
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def rupiah(cell: Cell) -> int | None:
    """The cell as whole rupiah, or None when it is not a whole number."""
    value = number(cell)
    if value is None or value != value.to_integral_value():
        return None
    return int(value)


def same_value(a: Any, b: Any) -> bool:
    """Printed values agree: numbers by value (50.00 == 50), anything else by equality."""
    if isinstance(a, int | Decimal) and isinstance(b, int | Decimal):
        if isinstance(a, bool) or isinstance(b, bool):
            return a is b
        return Decimal(a) == Decimal(b)
    return bool(a == b)


def table_problems(table: Any, fields: list[str], where: str = "/table") -> list[tuple[str, str]]:
    """Messages for a table name or fields that the report view does not know."""
    if table not in TABLE_FIELDS:
        known = ", ".join(sorted(TABLE_FIELDS))
        return [(where, f"unknown table {table!r}; known tables: {known}")]
    problems = []
    for name in fields:
        if name not in TABLE_FIELDS[table]:
            known = ", ".join(sorted(TABLE_FIELDS[table]))
            problems.append((where, f"table {table!r} has no field {name!r}; fields: {known}"))
    return problems


TABLE_NAME = {"type": "string", "enum": sorted(TABLE_FIELDS)}
FIELD_NAME = {"type": "string", "pattern": "^[a-z_]+$"}
