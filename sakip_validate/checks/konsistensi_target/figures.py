"""One figure across several tables: finding it by key, and showing it in a message."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...domain.evidence import decide
from ...domain.tables import FIGURE_TABLES
from ...domain.units import is_percent_unit
from ...domain.values import as_number, same_value
from ...domain.view import TABLE_FIELDS, Cell, ReportView, Row
from ...engine.templates import Percent
from ..common import row_adds_up

Key = tuple[Any, ...]

# Where the target of a row is looked up when the row prints none (Tabel 3.7 left side):
# the signed agreement first, then the capaian table, then the Renstra yearly targets.
DEFAULT_TARGET_TABLES = ["perjanjian_kinerja", "capaian", "iku"]


def shown(value: Any) -> Any:
    """A capaian for a message: a figure with a % sign, text (N/A) as printed."""
    return Percent(value) if not isinstance(value, str) else value


def show_for(view: ReportView, indikator: str | None, value: Any) -> Any:
    """A target or realisasi for a message: with a % sign when the indicator is a percentage."""
    if as_number(value) is not None:
        satuan = view.indicators.get(indikator or "", {}).get("satuan")
        return Percent(value) if is_percent_unit(satuan) else value
    return value


class Lookup:
    """Rows of several view tables indexed by key, built lazily once per run."""

    def __init__(self, view: ReportView) -> None:
        self.view = view
        self._index: dict[str, dict[Key, Row]] = {}

    def row(self, table: str, key: Key) -> Row | None:
        if table not in self._index:
            index: dict[Key, Row] = {}
            for row in self.view.rows(table):
                index.setdefault(row.key, row)  # the first row of a key, in document order
            self._index[table] = index
        return self._index[table].get(key)

    def first(
        self, key: Key, field: str, tables: Sequence[str], *, numeric: bool = False
    ) -> tuple[str, Cell] | None:
        """The first listed table whose row for ``key`` prints ``field`` (a number if asked)."""
        for table in tables:
            if field not in TABLE_FIELDS.get(table, ()):
                continue
            row = self.row(table, key)
            if row is None:
                continue
            cell = row.cell(field)
            if cell.present and (not numeric or cell.number is not None):
                return table, cell
        return None

    def own_or_first(self, row: Row, field: str, tables: Sequence[str]) -> Cell | None:
        """The row's own ``field`` when its table has that column and prints it, else a lookup."""
        if field in TABLE_FIELDS.get(row.table, ()):
            own = row.cell(field)
            if own.present:
                return own
        found = self.first(row.key, field, tables)
        return found[1] if found is not None else None

    def target_is_zero(self, row: Row, tables: Sequence[str]) -> bool:
        """Whether the target that applies to ``row`` is printed as 0 (so capaian is undefined)."""
        target = self.own_or_first(row, "target", tables)
        value = target.number if target is not None else None
        return value is not None and value == 0


# Every table that prints an indicator's target for a year (as TGT001 compares them).
TARGET_TABLES = list(FIGURE_TABLES["target"])


def agreed_target(
    view: ReportView, lookup: Lookup, key: Key, preferred: Sequence[str]
) -> tuple[str, Cell] | None:
    """The numeric target of ``key`` that the evidence supports, and where it stands.

    Every table printing the target votes (:mod:`sakip_validate.domain.evidence`);
    the place returned is the first of the supported value in ``preferred`` order,
    then in :data:`TARGET_TABLES` order. None when the tables disagree and nothing
    decides, or no table prints a number: the disagreement is TGT001/TGT013's.
    """
    order = list(preferred) + [t for t in TARGET_TABLES if t not in preferred]
    places: list[tuple[str, Cell, bool]] = []
    for table in order:
        if "target" not in TABLE_FIELDS.get(table, ()):
            continue
        row = lookup.row(table, key)
        if row is None:
            continue
        cell = row.cell("target")
        if cell.present:
            places.append((table, cell, row_adds_up(view, row)))
    verdict = decide(places, lambda p: p[1].value, same_value, lambda p: p[2])
    for table, cell, _ in verdict.right:
        if cell.number is not None:
            return table, cell
    return None
