"""Named cells of a table are filled in every row (``required_cells``)."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.columns import column_name
from ...domain.view import TABLE_FIELDS, ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from ...findings import Text
from ..common import FIELD_NAME, TABLE_NAME, table_problems, tables_readable

__all__ = ["RequiredCells"]


def _misspelled(row: Row, name: str) -> bool:
    """Whether the row holds an unknown key that looks like ``name`` (``sumber_dat``).

    The schema reports such a key; calling the cell empty as well would report
    one slip twice.
    """
    unknown = [key for key in row.cells if key not in TABLE_FIELDS.get(row.table, ())]
    return bool(difflib.get_close_matches(name, unknown, n=1, cutoff=0.75))


def _is_empty(value: Any, markers: list[str]) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip()
        return not text or text in markers
    return False


class RequiredCells(CheckKind):
    """Named cells of a table must be filled in every row.

    An empty cell does not exist in the data, so the hit points where it would
    stand (the loader locates the row). ``empty_markers`` lists printed texts
    that stand for an empty cell (``"-"``). A row may be exempted when its
    capaian is N/A (``skip_when_na``) or reaches a value
    (``skip_if_capaian_at_least``: no solution is needed for a target met).
    In a partial report, a column no row fills is one the printed table lacks:
    it is not checked, and a rule all of whose columns are lacking is listed
    as not applicable.
    """

    name = "required_cells"
    outcomes = ("empty",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"capaian"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "fields"],
        "properties": {
            "table": TABLE_NAME,
            "fields": {"type": "array", "items": FIELD_NAME, "minItems": 1, "uniqueItems": True},
            "empty_markers": {"type": "array", "items": {"type": "string"}},
            "skip_when_na": {"type": "array", "items": FIELD_NAME},
            "skip_if_capaian_at_least": {"type": "number"},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        table = self.params["table"]
        problems = table_problems(table, self.params["fields"], "/fields")
        if not problems:
            problems += table_problems(table, self.params.get("skip_when_na", []), "/skip_when_na")
        if not problems and "skip_if_capaian_at_least" in self.params:
            problems += table_problems(table, ["capaian"], "/skip_if_capaian_at_least")
        return problems

    def _exempt(self, row: Row) -> bool:
        if any(row.cell(name).is_na for name in self.params.get("skip_when_na", [])):
            return True
        bound = self.params.get("skip_if_capaian_at_least")
        if bound is None:
            return False
        capaian = row.cell("capaian").number
        # A rule pack gives the bound as a TOML number; str() keeps it exact.
        return capaian is not None and capaian >= Decimal(str(bound))

    def inapplicable(self, view: ReportView, outcome: str) -> Text | None:
        """A partial report whose table is printed without any of the columns."""
        table = self.params["table"]
        fields = self.params["fields"]
        if not tables_readable(view) or not all(view.lacks_column(table, f) for f in fields):
            return None
        label = view.table_label(table)
        names = [column_name(field) for field in fields]
        return Text(
            f"{label.id} yang dimuat tidak mempunyai kolom {', '.join(n.id for n in names)}",
            f"{label.en} as held has no {', '.join(n.en for n in names)} column",
        )

    def run(self, view: ReportView) -> Iterator[Hit]:
        table = self.params["table"]
        markers = self.params.get("empty_markers", [])
        if not tables_readable(view):
            return
        # A partial report's table printed without a column has no empty cells in it.
        fields = [name for name in self.params["fields"] if not view.lacks_column(table, name)]
        for row in view.rows(table):
            if self._exempt(row):
                continue
            for name in fields:
                cell = row.cell(name)
                if not _is_empty(cell.value, markers) or _misspelled(row, name):
                    continue
                capaian = row.cell("capaian").value
                yield Hit(
                    outcome="empty",
                    pointer=cell.pointer,
                    table=table,
                    values={
                        **row.values(),
                        "field": name,
                        "capaian": Percent(capaian)
                        if row.cell("capaian").number is not None
                        else capaian,
                    },
                    printed=cell.value,
                )
