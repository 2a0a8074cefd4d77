"""Helpers the built-in check kinds share: parameter schemas and checks, polarity.

Cells are read through :mod:`sakip_validate.domain.values` (``Cell.number``,
``as_rupiah``, ``same_value``), never here: one reading for checks and outputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..domain.numbers import Agreement, Polarity, capaian, compare_printed
from ..findings import Text
from ..domain.view import TABLE_FIELDS, ReportView, Row

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


def text_statements(view: ReportView) -> list[tuple[int, dict[str, Any]]]:
    """(index, statement) for each figure the text states (``narasi.pernyataan``)."""
    items = view.section("narasi").get("pernyataan")
    return [
        (index, item)
        for index, item in enumerate(items if isinstance(items, list) else [])
        if isinstance(item, dict)
    ]


def statement_year(item: dict[str, Any], view: ReportView) -> int | None:
    """The year a text statement speaks of: its own ``tahun``, else the report year."""
    year = item.get("tahun")
    return year if isinstance(year, int) and not isinstance(year, bool) else view.year


def section_label(item: dict[str, Any]) -> Text:
    """How a message names the part of the text a statement stands in (``Bab 3.2``)."""
    bab = item.get("bab")
    shown = bab if isinstance(bab, str) and bab.strip() else "?"
    return Text(f"Bab {shown}", f"section {shown}")


def row_adds_up(view: ReportView, row: Row) -> bool:
    """Whether the row's capaian is what its own target and realisasi give.

    Such a row is evidence for each of the three figures it prints: they were
    written together, and they agree. Tabel 3.4 measures against the Renstra
    end target (``target_akhir``). A target of 0, an N/A or an empty cell, or an
    indicator of unknown polarity gives no evidence.
    """
    target_field = "target_akhir" if row.table == "target_akhir_renstra" else "target"
    target = row.cell(target_field).number
    realisasi = row.cell("realisasi").number
    printed = row.cell("capaian").number
    polarity = polarity_of(view, row.indikator)
    if target is None or realisasi is None or printed is None or polarity is None or target == 0:
        return False
    computed = capaian(target, realisasi, polarity)
    if computed is None:
        return False
    return compare_printed(printed, computed) is not Agreement.MISMATCH
