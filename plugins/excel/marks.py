"""What the run marked on the table sheets: one file's findings by the place they point at.

The workbook never judges a figure itself. A printed cell is drawn red exactly
when a finding's pointer is the cell's pointer; a row says TIDAK exactly when a
finding points at the row, at one of its cells, or deeper inside it. So the
findings sheet and the table sheets always tell the same story.

A finding about a figure printed in several tables (Tabel 2.1's target for 2020,
also printed in Tabel 3.3) points at the one place the evidence blames; the
rows printing the same figure elsewhere show it as *related* (TERKAIT), so no
row stating a disputed figure reads "ya". Which cells state the same figure is
the domain's: an indicator's target, realisasi or capaian of a year in the
tables :data:`~sakip_validate.domain.tables.FIGURE_TABLES` lists, an
indicator's printed name in every indicator table, a program's or kegiatan's
name (by kode) in every budget table.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sakip_validate.domain.tables import FIGURE_TABLES
from sakip_validate.domain.view import BUDGET_TABLES, TABLE_FIELDS, Cell, ReportView, Row
from sakip_validate.findings import Finding

__all__ = ["Marks"]


def _self_and_ancestors(pointer: str) -> Iterator[str]:
    """``/a/b/c``, ``/a/b``, ``/a`` (the document root is no place on a sheet)."""
    while pointer:
        yield pointer
        pointer = pointer.rpartition("/")[0]


def _printed_row(row: Row) -> str:
    """The pointer of the printed row a view row comes from.

    Tables that spread years over a row (``/tabel/iku/baris/0/target/2025``) give
    one view row per year; the printed row is the list item they share.
    """
    parts = row.pointer.split("/")
    return "/".join(parts[:5]) if len(parts) > 5 and parts[1] == "tabel" else row.pointer


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    unique = {id(finding): finding for finding in findings}
    return sorted(unique.values(), key=Finding.sort_key)


Fact = tuple[str | int | None, ...]


def same_facts(view: ReportView) -> dict[str, Fact]:
    """Each printed cell that states a fact printed elsewhere too, with the fact it states."""
    facts: dict[str, Fact] = {}
    for table in TABLE_FIELDS:
        for row in view.rows(table):
            for name, cell in row.cells.items():
                fact: Fact | None = None
                if name in FIGURE_TABLES and table in FIGURE_TABLES[name] and row.indikator:
                    fact = ("figure", name, row.indikator, row.tahun)
                elif name == "nama_tertulis" and row.indikator:
                    fact = ("indicator name", row.indikator)
                elif name == "nama" and table in BUDGET_TABLES and row.kode:
                    fact = ("budget name", row.kode)
                if fact is not None:
                    facts[cell.pointer] = fact
    return facts


class Marks:
    """The findings of one file, looked up by cell, by row or by group of cells."""

    __slots__ = ("_at", "_facts", "_stating", "_within")

    def __init__(self, findings: Iterable[Finding], view: ReportView | None = None) -> None:
        self._at: dict[str, list[Finding]] = {}
        self._within: dict[str, list[Finding]] = {}
        for finding in sorted(findings, key=Finding.sort_key):
            pointer = finding.location.pointer
            self._at.setdefault(pointer, []).append(finding)
            for place in _self_and_ancestors(pointer):
                self._within.setdefault(place, []).append(finding)
        self._facts = same_facts(view) if view is not None else {}
        self._stating: dict[Fact, list[str]] = {}  # fact -> the cells stating it
        for pointer, fact in self._facts.items():
            self._stating.setdefault(fact, []).append(pointer)

    def at(self, cell: Cell) -> list[Finding]:
        """The findings pointing at this very cell."""
        return list(self._at.get(cell.pointer, ()))

    def related(self, rows: Sequence[Row], own: Sequence[Sequence[Finding]]) -> list[list[Finding]]:
        """Each row's findings on the same facts printed in other places (not its own)."""
        found = []
        for row, mine in zip(rows, own, strict=True):
            here = {cell.pointer for cell in row.cells.values()}
            taken = {id(finding) for finding in mine}
            related = []
            for pointer in here:
                fact = self._facts.get(pointer)
                if fact is None:
                    continue
                for other in self._stating[fact]:
                    if other in here:
                        continue
                    related += [f for f in self._at.get(other, ()) if id(f) not in taken]
            found.append(_ordered(related))
        return found

    def cell(self, cell: Cell) -> bool:
        """Whether a finding points at this very cell (it is drawn red)."""
        return bool(self._at.get(cell.pointer))

    def cells(self, cells: Iterable[Cell]) -> list[Finding]:
        """The findings pointing at any of ``cells`` or inside them (a row of figures)."""
        return _ordered(f for cell in cells for f in self._within.get(cell.pointer, ()))

    def rows(self, rows: Sequence[Row]) -> list[list[Finding]]:
        """Each row's findings: at the row or inside it, or at one of its cells.

        A finding on a printed row that the view spreads over several rows (one
        per year) and that no single one of them holds marks all of them.
        """
        found = [
            _ordered(
                [
                    *self._within.get(row.pointer, ()),
                    *(f for cell in row.cells.values() for f in self._at.get(cell.pointer, ())),
                ]
            )
            for row in rows
        ]
        placed = {id(finding) for row_findings in found for finding in row_findings}
        for index, row in enumerate(rows):
            item = _printed_row(row)
            if item == row.pointer:
                continue
            spread = [f for f in self._within.get(item, ()) if id(f) not in placed]
            if spread:
                found[index] = _ordered([*found[index], *spread])
        return found
