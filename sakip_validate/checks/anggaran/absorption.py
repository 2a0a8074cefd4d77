"""Performance confused with budget absorption (``capaian_is_absorption``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.budget import AMOUNT_FIELDS, PENDAPATAN, Node, Tree, budget_tree
from ...domain.facts import normal_name
from ...domain.numbers import (
    Agreement,
    capaian,
    compare_printed,
    decimals_of,
    percent,
    round_half_up,
)
from ...domain.values import same_value
from ...domain.view import Cell, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from ...loading.pointers import join_pointer
from ..common import FIELD_NAME, TABLE_NAME, polarity_of, table_problems

__all__ = ["CapaianIsAbsorption"]


@dataclass
class _Match:
    row: Row
    cell: Cell
    shown: Decimal
    absorption: Decimal
    recomputed: bool
    item: dict[str, Any] | None  # the program indicator the figure belongs to, if any

    @property
    def absorption_shown(self) -> Decimal:
        """The budget % as printed, or recomputed and rounded like the capaian it matched."""
        if not self.recomputed:
            return self.absorption
        return round_half_up(self.absorption, decimals_of(self.shown))


class CapaianIsAbsorption(CheckKind):
    """The "% capaian" of programs and kegiatan (3.7) is their budget % (3.8).

    Performance is then confused with budget absorption. Outcomes:

    * ``absorption``: one coincidence proves nothing, so the table is reported
      once, at the first pair, when ``min_matches`` figures (default 2) equal
      their budget %, at least one of them not 0% or 100%;
    * ``single``: when the table as a whole is not reported, one program
      indicator whose capaian equals its budget % (not 0% or 100%) while the
      indicator it measures has another capaian in the capaian table (printed,
      else recomputed from target and realisasi): the figure cannot be that
      indicator's performance, so the evidence is strong on its own. The
      indicator is the item's ``indikator``, else that of the item of the same
      name under the same kode in ``program_table`` (Tabel 2.4).

    A program's ``indikator_kinerja`` capaian are compared too. Revenue rows
    (``jenis_anggaran`` pendapatan) are left out: how much of a revenue target was
    collected may well be the performance figure itself.
    """

    name = "capaian_is_absorption"
    outcomes = ("absorption", "single")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"other_table", "count", "compared", "kodes", "serapan", "tabel_capaian"}
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
            "program_table": TABLE_NAME,
            "capaian_table": TABLE_NAME,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        fields = [p["field"], *([p["indicators"]] if "indicators" in p else [])]
        problems = table_problems(p["table"], fields, "/table")
        budget = [p["budget_percent"], p.get("budget_part", ""), p.get("budget_whole", "")]
        problems += table_problems(p["budget_table"], [f for f in budget if f], "/budget_table")
        if "program_table" in p:
            problems += table_problems(p["program_table"], ["indikator_kinerja"], "/program_table")
        if "capaian_table" in p:
            wanted = ["target", "realisasi", "capaian"]
            problems += table_problems(p["capaian_table"], wanted, "/capaian_table")
        return problems

    def _absorption(self, tree: Tree, node: Node) -> tuple[Decimal, bool] | None:
        """The budget % of a 3.8 row as printed, else recomputed (then flagged True).

        A heading row's rupiah are the sums of its sub-rows.
        """
        p = self.params
        shown = node.row.cell(p["budget_percent"]).number
        if shown is not None:
            return shown, False
        if "budget_part" not in p or "budget_whole" not in p:
            return None
        part, whole = _figure(tree, node, p["budget_part"]), _figure(tree, node, p["budget_whole"])
        exact = None if part is None or whole is None else percent(part, whole)
        return None if exact is None else (exact, True)

    def _cells(self, row: Row) -> Iterator[tuple[Cell, dict[str, Any] | None]]:
        yield row.cell(self.params["field"]), None
        name = self.params.get("indicators")
        items = row.cell(name).value if name else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                base = join_pointer(join_pointer(row.pointer, name or ""), str(index))
                field = self.params["field"]
                yield Cell(item.get(field), join_pointer(base, field)), item

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        budget: dict[str, tuple[Decimal, bool]] = {}
        tree = budget_tree(view, p["budget_table"], with_total=False)
        for node in tree.nodes:
            if tree.jenis_of(node) == PENDAPATAN:
                continue  # revenue collected is a performance figure of its own
            read = self._absorption(tree, node)
            if node.row.kode is not None and read is not None:
                budget.setdefault(node.row.kode, read)
        compared = 0
        matches: list[_Match] = []
        for row in view.rows(p["table"]):
            found = budget.get(row.kode or "")
            if found is None:
                continue
            absorption, recomputed = found
            for cell, item in self._cells(row):
                shown = cell.number
                if shown is None:
                    continue
                compared += 1
                if same_value(shown, absorption) or (
                    compare_printed(shown, absorption) is Agreement.EXACT
                ):
                    matches.append(_Match(row, cell, shown, absorption, recomputed, item))
        telling = [m for m in matches if m.shown not in (0, 100)]
        if len(matches) >= p.get("min_matches", 2) and telling:
            yield self._table_hit(view, matches, compared)
            return
        for match in telling:
            hit = self._single_hit(view, match)
            if hit is not None:
                yield hit

    def _table_hit(self, view: ReportView, matches: list[_Match], compared: int) -> Hit:
        p = self.params
        first = matches[0]
        kodes = list(dict.fromkeys(m.row.kode for m in matches if m.row.kode))
        return Hit(
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

    def _single_hit(self, view: ReportView, match: _Match) -> Hit | None:
        p = self.params
        indikator = self._indicator_of(view, match)
        if indikator is None:
            return None
        own = _own_capaian(view, p.get("capaian_table", "capaian"), indikator)
        if own is None or compare_printed(match.shown, own) is not Agreement.MISMATCH:
            return None
        decimals = decimals_of(match.shown)
        return Hit(
            "single",
            match.cell.pointer,
            p["table"],
            {
                "row": match.row.label,
                "kode": match.row.kode,
                "field": p["field"],
                "indikator": view.indicator_name(indikator),
                "printed": Percent(match.shown),
                "serapan": Percent(match.absorption_shown),
                "expected": Percent(round_half_up(own, decimals), decimals),
                "other_table": view.table_label(p["budget_table"]),
                "tabel_capaian": view.table_label(p.get("capaian_table", "capaian")),
            },
            match.shown,
            round_half_up(own, decimals),
        )

    def _indicator_of(self, view: ReportView, match: _Match) -> str | None:
        """The indicator a program indicator measures: its own id, else Tabel 2.4's."""
        item = match.item
        if item is None:
            return None
        own = item.get("indikator")
        if isinstance(own, str) and own in view.indicators:
            return own
        name = item.get("nama_tertulis")
        table = self.params.get("program_table")
        if not isinstance(name, str) or table is None:
            return None
        for row in view.rows(table):
            if row.kode != match.row.kode:
                continue
            items = row.cell("indikator_kinerja").value
            for other in items if isinstance(items, list) else []:
                if not isinstance(other, dict) or not isinstance(other.get("nama_tertulis"), str):
                    continue
                same = normal_name(other["nama_tertulis"]) == normal_name(name)
                found = other.get("indikator")
                if same and isinstance(found, str) and found in view.indicators:
                    return found
        return None


def _figure(tree: Tree, node: Node, name: str) -> Decimal | None:
    """A row's figure: printed, else (a rupiah column) the sum of its sub-rows."""
    printed = node.row.cell(name).number
    if printed is not None or node.row.cell(name).present or name not in AMOUNT_FIELDS:
        return printed
    summed = tree.amount(node, name)
    return None if summed is None else Decimal(summed.value)


def _own_capaian(view: ReportView, table: str, indikator: str) -> Decimal | None:
    """The indicator's capaian in the capaian table: printed, else from target and realisasi."""
    for row in view.rows(table):
        if row.indikator != indikator or (view.year is not None and row.tahun != view.year):
            continue
        printed = row.cell("capaian").number
        if printed is not None:
            return printed
        target, realisasi = row.cell("target").number, row.cell("realisasi").number
        polarity = polarity_of(view, indikator)
        if target is None or realisasi is None or polarity is None:
            return None
        return capaian(target, realisasi, polarity)
    return None
