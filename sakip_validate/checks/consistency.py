"""Consistency across tables: the same figure, the same target, the same indicators."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Percent
from ..engine.view import ReportView
from .common import FIELD_NAME, TABLE_NAME, same_value, table_problems


def _shown(value: Any) -> Any:
    return Percent(value) if not isinstance(value, str) else value


class CrossTableEqual(CheckKind):
    """The same keyed figure must be printed the same in every listed table.

    Rows are joined on their key: (indikator, tahun) for indicator tables, kode
    for budget tables. For each key, the first listed table that prints the
    figure is the reference; every other table that prints something else is a hit.
    """

    name = "cross_table_equal"
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "other_printed"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables", "field"],
        "properties": {
            "tables": {"type": "array", "items": TABLE_NAME, "minItems": 2, "uniqueItems": True},
            "field": {
                "oneOf": [
                    FIELD_NAME,
                    {"type": "object", "additionalProperties": FIELD_NAME},
                ]
            },
            "percent": {"type": "boolean"},
        },
    }

    def _field(self, table: str) -> str:
        field = self.params["field"]
        return field if isinstance(field, str) else field.get(table, "")

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for index, table in enumerate(self.params["tables"]):
            problems += table_problems(table, [self._field(table)], f"/tables/{index}")
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        reference: dict[tuple[Any, ...], tuple[str, Any]] = {}
        percent = self.params.get("percent", True)
        for table in self.params["tables"]:
            field = self._field(table)
            for row in view.rows(table):
                cell = row.cell(field)
                if not cell.present:
                    continue
                if row.key not in reference:
                    reference[row.key] = (table, cell.value)
                    continue
                other_table, other_value = reference[row.key]
                if other_table == table or same_value(cell.value, other_value):
                    continue
                show = _shown if percent else (lambda value: value)
                yield Hit(
                    outcome="mismatch",
                    pointer=cell.pointer,
                    table=table,
                    values={
                        "row": row.label,
                        "field": field,
                        "indikator": row.indikator,
                        "tahun": row.tahun,
                        "kode": row.kode,
                        "printed": show(cell.value),
                        "other_table": view.table_label(other_table),
                        "other_printed": show(other_value),
                    },
                    printed=cell.value,
                    expected=other_value,
                )
