"""The same keyed figure is printed the same in every listed table (``cross_table_equal``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.values import same_value
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ..common import FIELD_NAME, table_list, table_problems, tables_problems
from .figures import DEFAULT_TARGET_TABLES, Key, Lookup, shown

__all__ = ["CrossTableEqual"]


class CrossTableEqual(CheckKind):
    """The same keyed figure must be printed the same in every listed table.

    Rows are joined on their key: (indikator, tahun) for indicator tables, kode
    for budget tables. For each key, the first listed table that prints the
    figure is the reference; every other table that prints something else is a hit.

    With ``skip_zero_target``, rows whose target is 0 (their own, or else the one
    found in ``target_tables``) are left out: their capaian is :class:`ZeroTarget`'s.
    """

    name = "cross_table_equal"
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "other_printed"})
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
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        reference: dict[Key, tuple[str, Any]] = {}
        percent = self.params.get("percent", True)
        skip_zero = self.params.get("skip_zero_target", False)
        target_tables = self.params.get("target_tables", DEFAULT_TARGET_TABLES)
        lookup = Lookup(view)
        for table in self.params["tables"]:
            field = self._field(table)
            for row in view.rows(table):
                cell = row.cell(field)
                if not cell.present:
                    continue
                if skip_zero and lookup.target_is_zero(row, target_tables):
                    continue
                if row.key not in reference:
                    reference[row.key] = (table, cell.value)
                    continue
                other_table, other_value = reference[row.key]
                if other_table == table or same_value(cell.value, other_value):
                    continue
                show = shown if percent else (lambda value: value)
                yield Hit(
                    outcome="mismatch",
                    pointer=cell.pointer,
                    table=table,
                    values={
                        **row.values(),
                        "field": field,
                        "printed": show(cell.value),
                        "other_table": view.table_label(other_table),
                        "other_printed": show(other_value),
                    },
                    printed=cell.value,
                    expected=other_value,
                )
