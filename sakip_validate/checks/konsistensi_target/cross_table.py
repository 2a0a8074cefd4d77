"""The same keyed figure is printed the same in every listed table (``cross_table_equal``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from ...domain.evidence import Verdict, decide, join_texts
from ...domain.tables import FIGURE_TABLES
from ...domain.view import Cell, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized
from ..common import (
    FIELD_NAME,
    FigurePlace,
    places_text,
    row_adds_up,
    same_figure,
    section_label,
    statement_year,
    table_list,
    table_problems,
    tables_problems,
    text_statements,
)
from .figures import DEFAULT_TARGET_TABLES, Key, Lookup, show_for, shown

__all__ = ["CrossTableEqual", "evidence_text"]

# The figures the text may state for an indicator and a year (narasi.pernyataan besaran).
_TEXT_FIGURES = frozenset(FIGURE_TABLES)

Place = FigurePlace


def evidence_text(verdict: Verdict[Place], reference: Place) -> Localized:
    """Why the places outside the winning group are the odd ones, in each language."""
    if verdict.reason == "operands":
        return Localized(
            f"capaian pada {reference.label.id} sesuai dengan target dan realisasinya sendiri",
            f"the capaian in {reference.label.en} agrees with its own target and realisasi",
        )
    count = len(verdict.right)
    return Localized(
        f"angka yang sama tertulis di {count} tempat",
        f"the same figure stands in {count} places",
    )


class CrossTableEqual(CheckKind):
    """The same keyed figure must be printed the same in every listed table.

    Rows are joined on their key: (indikator, tahun) for indicator tables, kode
    for budget tables (one row per table and key: the first). When the tables
    disagree, the evidence decides (:mod:`sakip_validate.domain.evidence`): the
    places outside the value most places print, or, between values printed
    equally often, outside the one whose row adds up (its capaian is what its
    target and realisasi give), are each a ``mismatch`` naming the agreeing
    tables. When nothing decides, one ``differs`` names every place, without an
    expected value.

    With ``narasi``, the figures the text states (``narasi.pernyataan`` of the
    same besaran, indicator and year) vote as well; the text itself is judged
    by the narasi rules. With ``skip_zero_target``, rows whose target is 0
    (their own, or else the one found in ``target_tables``) are left out: their
    capaian is :class:`ZeroTarget`'s. Messages show a capaian with a % sign and a
    target or realisasi as its indicator's satuan says (``percent = false``: as
    printed, always).
    """

    name = "cross_table_equal"
    outcomes = ("mismatch", "differs")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"other_table", "other_printed", "places", "bukti"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables", "field"],
        "properties": {
            "tables": table_list(2),
            "field": {
                "oneOf": [
                    FIELD_NAME,
                    {"type": "object", "additionalProperties": FIELD_NAME},
                ]
            },
            "percent": {"type": "boolean"},
            "skip_zero_target": {"type": "boolean"},
            "target_tables": table_list(),
            "narasi": {"type": "boolean"},
        },
    }

    def _field(self, table: str) -> str:
        field = self.params["field"]
        return field if isinstance(field, str) else field.get(table, "")

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for index, table in enumerate(self.params["tables"]):
            problems += table_problems(table, [self._field(table)], f"/tables/{index}")
        target_tables = self.params.get("target_tables", [])
        problems += tables_problems(target_tables, "target", "/target_tables")
        if self.params.get("narasi") and not isinstance(self.params["field"], str):
            problems.append(("/narasi", "narasi needs one field name for every table"))
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        for key, places in self._places(view).items():
            if sum(p.kind == "table" for p in places) < 2:
                continue
            show = self._show(view, key[0] if key else None)
            verdict = decide(places, lambda p: p, same_figure, lambda p: p.adds_up)
            if verdict.agree:
                continue
            if verdict.decided:
                yield from self._odd_ones(verdict, show)
            else:
                hit = self._undecided(verdict, places, show)
                if hit is not None:
                    yield hit

    def _show(self, view: ReportView, indikator: Any) -> Callable[[Any], Any]:
        """How a figure is shown: a capaian with a % sign, a target or realisasi by its unit.

        An index (satuan Indeks, Nilai, Poin) or a count is no percentage: 80,95 stays
        80,95, where a capaian or a percentage indicator shows 80,95%.
        """
        if not self.params.get("percent", True):
            return lambda value: value
        if self.params["field"] == "capaian":
            return shown
        indicator = indikator if isinstance(indikator, str) else None
        return lambda value: show_for(view, indicator, value)

    def _places(self, view: ReportView) -> dict[Key, list[Place]]:
        skip_zero = self.params.get("skip_zero_target", False)
        target_tables = self.params.get("target_tables", DEFAULT_TARGET_TABLES)
        lookup = Lookup(view)
        found: dict[Key, list[Place]] = {}
        seen: set[tuple[str, Key]] = set()
        zero_keys: set[Key] = set()
        for table in self.params["tables"]:
            field = self._field(table)
            label = view.table_label(table)
            weigh = field in _TEXT_FIGURES
            for row in view.rows(table):
                key = row.key
                if (table, key) in seen:
                    continue  # a repeated row is the integrity check's, not a second place
                seen.add((table, key))
                cell = row.cell(field)
                if cell.value is None:
                    continue
                if skip_zero and lookup.target_is_zero(row, target_tables):
                    zero_keys.add(key)
                    continue
                adds_up = row_adds_up(view, row) if weigh else False
                place = Place(label, cell.value, cell.pointer, "table", table, row, adds_up)
                found.setdefault(key, []).append(place)
        field = self.params["field"]
        if self.params.get("narasi") and isinstance(field, str) and field in _TEXT_FIGURES:
            for index, item in text_statements(view):
                if item.get("besaran") != field or "nilai" not in item:
                    continue
                key = (item.get("indikator"), statement_year(item, view))
                if key in found and key not in zero_keys:
                    cell = Cell(item["nilai"], f"/narasi/pernyataan/{index}/nilai")
                    found[key].append(Place(section_label(item), cell.value, cell.pointer, "text"))
        return found

    def _odd_ones(self, verdict: Verdict[Place], show: Any) -> Iterator[Hit]:
        right = verdict.right
        reference = next((p for p in right if p.kind == "table"), right[0])
        others = join_texts([p.label for p in right])
        bukti = evidence_text(verdict, reference)
        for place in verdict.odd:
            if place.kind != "table" or place.row is None or place.table is None:
                continue
            yield Hit(
                outcome="mismatch",
                pointer=place.pointer,
                table=place.table,
                values={
                    **place.row.values(),
                    "field": self._field(place.table),
                    "printed": show(place.value),
                    "other_table": others,
                    "other_printed": show(reference.value),
                    "bukti": bukti,
                },
                printed=place.value,
                expected=reference.value,
            )

    def _undecided(self, verdict: Verdict[Place], places: list[Place], show: Any) -> Hit | None:
        tables = [p for p in places if p.kind == "table"]
        first = verdict.group_of(tables[0])
        if all(verdict.group_of(p) == first for p in tables):
            return None  # the tables agree; only the text differs (the narasi rules' finding)
        # One finding for the whole disagreement, at the last table that differs from the first.
        place = next(p for p in reversed(tables) if verdict.group_of(p) != first)
        assert place.row is not None and place.table is not None
        return Hit(
            outcome="differs",
            pointer=place.pointer,
            table=place.table,
            values={
                **place.row.values(),
                "field": self._field(place.table),
                "printed": show(place.value),
                "other_table": join_texts([p.label for p in places if p is not place]),
                "other_printed": show(tables[0].value),
                "places": places_text(places, show),
            },
            printed=place.value,
            expected=None,
        )
