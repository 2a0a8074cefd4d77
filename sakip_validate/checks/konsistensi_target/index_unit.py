"""An indicator named an index has no percentage as satuan (``index_unit``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.units import is_percent_unit, same_unit
from ...domain.view import ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ..common import table_list, tables_problems

__all__ = ["IndexUnit"]


class IndexUnit(CheckKind):
    """An indicator whose name says it is an index must not have a percentage as satuan.

    ``index_words`` (whole words, any case) mark an index in the indicator's name or in
    a ``nama_tertulis``. The satuan is the one of the ``indikator`` list and the
    ``satuan_tertulis`` of Tabel 2.2 and 2.3. Outcomes, one per cell:

    * ``percent_for_index``: the indicator's satuan is a percentage (reported once, at
      the ``indikator`` entry, or else at each table cell that prints a percentage);
    * ``differs``: a table prints another satuan than the ``indikator`` entry.
    """

    name = "index_unit"
    outcomes = ("percent_for_index", "differs")
    placeholders: ClassVar[frozenset[str]] = frozenset({"satuan", "kata"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "index_words": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "minItems": 1,
            },
            "tables": table_list(),
        },
    }
    _WORDS: ClassVar[list[str]] = ["indeks", "index", "nilai ikm", "ikm", "skm"]
    _TABLES: ClassVar[list[str]] = ["tujuan_sasaran", "perjanjian_kinerja"]

    def problems(self) -> list[tuple[str, str]]:
        return tables_problems(self.params.get("tables", []), "satuan_tertulis", "/tables")

    def _index_word(self, names: list[Any]) -> str | None:
        """The first index word found in the names, as the name writes it."""
        for word in self.params.get("index_words", self._WORDS):
            pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
            for name in names:
                found = pattern.search(name) if isinstance(name, str) else None
                if found:
                    return found.group(0)
        return None

    def run(self, view: ReportView) -> Iterator[Hit]:
        tables = self.params.get("tables", self._TABLES)
        cells: dict[str, list[tuple[str, Row]]] = {}
        for table in tables:
            for row in view.rows(table):
                if isinstance(row.indikator, str) and row.cell("satuan_tertulis").present:
                    cells.setdefault(row.indikator, []).append((table, row))
        raw = view.data.get("indikator")
        for index, item in enumerate(raw if isinstance(raw, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            indikator, satuan = item["id"], item.get("satuan")
            rows = cells.get(indikator, [])
            word = self._index_word(
                [item.get("nama")] + [r.cell("nama_tertulis").value for _, r in rows]
            )
            own_is_percent = word is not None and is_percent_unit(satuan)
            values = {"row": view.indicator_name(indikator), "indikator": indikator, "kata": word}
            if own_is_percent:
                pointer = f"/indikator/{index}/satuan"
                yield Hit(
                    "percent_for_index",
                    pointer,
                    None,
                    values | {"satuan": satuan, "printed": satuan},
                    satuan,
                )
            for table, row in rows:
                cell = row.cell("satuan_tertulis")
                shown = values | {"satuan": satuan, "printed": cell.value}
                if word is not None and is_percent_unit(cell.value):
                    if not own_is_percent:
                        yield Hit("percent_for_index", cell.pointer, table, shown, cell.value)
                elif isinstance(satuan, str) and not same_unit(cell.value, satuan):
                    yield Hit("differs", cell.pointer, table, shown, cell.value, satuan)
