"""A whole report holds the tables its format requires (``tables_present``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ..common import table_list, tables_readable
from .sections import PART_LABELS

__all__ = ["TablesPresent"]


class TablesPresent(CheckKind):
    """A required table is in the report: any of ``params.tables`` has a row.

    ``params.part`` names the part of the report (``kelengkapan.bagian``) the
    table belongs to. When the report's own list of parts says that part is
    missing, the part's rule (LKP001) says so and this check is silent: one
    finding for one missing thing. Otherwise one ``missing`` hit, at the list
    item that declares the part present, else at the report's tables.
    Rules of this kind are for whole reports (``applies_to.cakupan``).
    """

    name = "tables_present"
    outcomes = ("missing",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables", "part"],
        "properties": {
            "tables": table_list(),
            "part": {"enum": sorted(PART_LABELS)},
        },
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        if not isinstance(view.raw, dict) or not tables_readable(view):
            return  # not a report at all: the schema says so, once
        if any(view.rows(table) for table in self.params["tables"]):
            return
        part = self.params["part"]
        declared = view.data.get("kelengkapan")
        items = declared.get("bagian") if isinstance(declared, dict) else None
        if isinstance(items, list):
            if part not in items:
                return  # the part itself is missing: LKP001's finding
            pointer, at_key = f"/kelengkapan/bagian/{items.index(part)}", False
        elif "tabel" in view.data:
            pointer, at_key = "/tabel", True
        else:
            pointer, at_key = "", False
        yield Hit(
            outcome="missing",
            pointer=pointer,
            table=None,
            values={"field": part},
            at_key=at_key,
        )
