"""Helpers the built-in check kinds share: parameter schemas and checks, polarity.

Cells are read through :mod:`sakip_validate.domain.values` (``Cell.number``,
``as_rupiah``, ``same_value``), never here: one reading for checks and outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain.numbers import Polarity
from ..domain.view import TABLE_FIELDS, ReportView

TABLE_NAME: dict[str, Any] = {"type": "string", "enum": sorted(TABLE_FIELDS)}
FIELD_NAME: dict[str, Any] = {"type": "string", "pattern": "^[a-z_]+$"}


def table_list(min_items: int = 1) -> dict[str, Any]:
    """The schema of a parameter listing view tables, each once."""
    return {"type": "array", "items": TABLE_NAME, "minItems": min_items, "uniqueItems": True}


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


def tables_problems(tables: Sequence[str], field: str, where: str) -> list[tuple[str, str]]:
    """Problems for listed tables that the view does not know or that lack ``field``."""
    problems = []
    for index, table in enumerate(tables):
        problems += table_problems(table, [field], f"{where}/{index}")
    return problems


def tables_readable(view: ReportView) -> bool:
    """Whether ``tabel`` is an object: the view assumes so (a malformed file is the schema's)."""
    return isinstance(view.data.get("tabel", {}), dict) and isinstance(
        view.data.get("indikator", []), list
    )


def polarity_of(view: ReportView, indikator: str | None) -> Polarity | None:
    """The indicator's polarity; None when the report writes another word (the schema says so)."""
    found = view.polarity(indikator)
    if found == "positif":
        return "positif"
    if found == "negatif":
        return "negatif"
    return None
