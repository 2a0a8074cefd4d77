"""Rupiah amounts that betray a broken export, e.g. 2147483647 (``suspicious_amount``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.values import as_rupiah
from ...domain.view import TABLE_FIELDS, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Rupiah
from ..common import FIELD_NAME, table_problems
from .figures import rows_with_total

__all__ = ["SuspiciousAmount"]


class SuspiciousAmount(CheckKind):
    """A rupiah amount equal to a value that betrays a broken export, e.g. 2147483647.

    2.147.483.647 is the largest 32-bit integer: an amount exactly that large was
    cut off (overflowed) by the application that produced the table. ``cells``
    maps a table to the fields to scan; its JUMLAH row is scanned too.
    """

    name = "suspicious_amount"
    outcomes = ("suspicious",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["cells"],
        "properties": {
            "cells": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {"type": "array", "items": FIELD_NAME, "minItems": 1},
            },
            "amounts": {"type": "array", "items": {"type": "integer"}, "minItems": 1},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for table, fields in self.params["cells"].items():
            problems += table_problems(table, fields, f"/cells/{table}")
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        amounts = set(self.params.get("amounts", [2_147_483_647]))
        for table, fields in self.params["cells"].items():
            if table not in TABLE_FIELDS:
                continue
            for row in rows_with_total(view, table, True):
                for name in fields:
                    cell = row.cell(name)
                    value = as_rupiah(cell.value)
                    if value is None or value not in amounts:
                        continue
                    yield Hit(
                        "suspicious",
                        cell.pointer,
                        table,
                        {
                            **row.values(),
                            "field": name,
                            "printed": Rupiah(value),
                        },
                        Rupiah(value),
                    )
