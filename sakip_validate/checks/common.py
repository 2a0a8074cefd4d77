"""Helpers the built-in check kinds share: parameter schemas and checks, polarity.

Cells are read through :mod:`sakip_validate.domain.values` (``Cell.number``,
``as_rupiah``, ``same_value``), never here: one reading for checks and outputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from ..domain.numbers import Agreement, Polarity, capaian, compare_printed
from ..domain.tables import FIGURE_TABLES
from ..domain.values import as_number, is_na_text, same_value
from ..domain.view import TABLE_FIELDS, ReportView, Row
from ..engine.templates import Localized, display
from ..findings import Text

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
    """(index, statement) for each figure the text states (``narasi.pernyataan``).

    Read once per view (several rules weigh the statements): do not change the list.
    """
    found: list[tuple[int, dict[str, Any]]] | None = view.memo.get(_STATEMENTS)
    if found is None:
        items = view.section("narasi").get("pernyataan")
        found = view.memo[_STATEMENTS] = [
            (index, item)
            for index, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict)
        ]
    return found


_STATEMENTS = "text_statements"


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
    indicator of unknown polarity gives no evidence. Worked out once per row of
    the view: several rules weigh the same rows.
    """
    known: dict[int, tuple[Row, bool]] | None = view.memo.get(_ADDS_UP)
    if known is None:
        known = view.memo[_ADDS_UP] = {}
    entry = known.get(id(row))
    if entry is not None and entry[0] is row:
        return entry[1]
    target_field = "target_akhir" if row.table == "target_akhir_renstra" else "target"
    judged = judged_capaian(view, row, target_field, "realisasi", "capaian")
    adds_up = judged is not None and judged[1] is not Agreement.MISMATCH
    # The entry holds the row, so its id is not reused while the view lives.
    known[id(row)] = (row, adds_up)
    return adds_up


_ADDS_UP = "row_adds_up"


def judged_capaian(
    view: ReportView, row: Row, target_field: str, realisasi_field: str, capaian_field: str
) -> tuple[Decimal, Agreement] | None:
    """The capaian the row's own target and realisasi give, and how its printed capaian
    relates to it; None when there is nothing to judge (an empty or N/A cell, a target
    of 0, a polarity the report words otherwise).

    Worked out once per row and columns in a view: the capaian rules and the evidence
    of several others (:func:`row_adds_up`) weigh the same rows.
    """
    key = (_JUDGED, id(row), target_field, realisasi_field, capaian_field)
    entry = view.memo.get(key)
    if entry is not None and entry[0] is row:
        found: tuple[Decimal, Agreement] | None = entry[1]
        return found
    found = _judged_capaian(view, row, target_field, realisasi_field, capaian_field)
    # The entry holds the row, so its id is not reused while the view lives.
    view.memo[key] = (row, found)
    return found


_JUDGED = "judged_capaian"


def _judged_capaian(
    view: ReportView, row: Row, target_field: str, realisasi_field: str, capaian_field: str
) -> tuple[Decimal, Agreement] | None:
    target = row.cell(target_field).number
    realisasi = row.cell(realisasi_field).number
    printed = row.cell(capaian_field).number
    if target is None or realisasi is None or printed is None or target == 0:
        return None
    polarity = polarity_of(view, row.indikator)
    if polarity is None:
        return None
    computed = capaian(target, realisasi, polarity)
    if computed is None:
        return None
    return computed, compare_printed(printed, computed)


# -- one figure in several places ---------------------------------------------------

PlaceKind = Literal["table", "text", "computed"]


@dataclass(frozen=True, slots=True)
class FigurePlace:
    """One place stating a figure: a table cell, a sentence of the text, or a computation.

    ``adds_up``: the place's own operands give its value (:func:`row_adds_up`).
    A computed place (a sum of rows, the band of a capaian) is a witness: it
    votes but is never blamed.
    """

    label: Text
    value: Any
    pointer: str
    kind: PlaceKind = "table"
    table: str | None = None
    row: Row | None = None
    adds_up: bool = False


def _printed_agrees(printed: Any, exact: Any) -> bool:
    shown, value = as_number(printed), as_number(exact)
    if shown is None or value is None:
        return False
    return compare_printed(shown, value) is not Agreement.MISMATCH


def same_figure(a: FigurePlace, b: FigurePlace) -> bool:
    """Whether two places state the same figure.

    Table cells agree by value (50.00 = 50). The text may print fewer decimals
    than a table ("90%" for 90,00%), and a computed value agrees with a figure
    that rounds (or truncates) to it. N/A agrees only with N/A; words (a
    kategori) are compared ignoring case and spacing.
    """
    first, second = a.value, b.value
    # Most places agree: two equal finite numbers are the same figure however they are
    # compared below (by value, or at the precision one of them prints).
    if type(first) is Decimal and type(second) is Decimal and first == second and first.is_finite():
        return True
    if is_na_text(a.value) or is_na_text(b.value):
        return is_na_text(a.value) and is_na_text(b.value)
    if isinstance(a.value, str) and isinstance(b.value, str):
        return " ".join(a.value.split()).casefold() == " ".join(b.value.split()).casefold()
    if a.kind == "table" and b.kind == "table":
        return same_value(a.value, b.value)
    if b.kind == "computed" or (b.kind == "table" and a.kind == "text"):
        return _printed_agrees(a.value, b.value)
    if a.kind == "computed" or (a.kind == "table" and b.kind == "text"):
        return _printed_agrees(b.value, a.value)
    return _printed_agrees(a.value, b.value) or _printed_agrees(b.value, a.value)


def table_places(
    view: ReportView, field: str, key: tuple[Any, ...], tables: Sequence[str]
) -> list[FigurePlace]:
    """The cells printing ``field`` for ``key`` in ``tables`` (the first row per table)."""
    places = []
    for table in tables:
        row = view.first_row(table, key)
        if row is None:
            continue
        cell = row.cell(field)
        if cell.present:
            adds_up = field in FIGURE_TABLES and row_adds_up(view, row)
            places.append(
                FigurePlace(
                    view.table_label(table), cell.value, cell.pointer, "table", table, row, adds_up
                )
            )
    return places


def places_text(places: Sequence[FigurePlace], show: Callable[[Any], Any]) -> Localized:
    """``Tabel 2.1: 79,70%; Tabel 3.3: 78,89%``, in each language."""
    return Localized(
        "; ".join(f"{p.label.id}: {display(show(p.value), 'id')}" for p in places),
        "; ".join(f"{p.label.en}: {display(show(p.value), 'en')}" for p in places),
    )
