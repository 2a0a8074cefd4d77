"""The Jumlah and Rata-rata rows under a capaian table (``column_total``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import (
    Agreement,
    capaian,
    compare_printed,
    decimals_of,
    mean,
    round_half_up,
)
from ...domain.values import as_number, is_na
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent
from ...loading.pointers import join_pointer
from ..common import FIELD_NAME, TABLE_NAME, polarity_of, table_problems

__all__ = ["ColumnTotal"]

_ROWS = {"jumlah": "sum", "rata_rata": "mean"}


class ColumnTotal(CheckKind):
    """The Jumlah row is the sum of each column and the Rata-rata row its mean.

    The rows are ``jumlah`` and ``rata_rata`` of ``table`` as printed. A figure
    agrees when one honest way of computing it gives it at its printed precision:
    the printed cells of the rows that print a number (an N/A row left out), or,
    for a mean, the N/A rows counted as 0, or, for capaian, each row's capaian
    recomputed exactly from its target and realisasi. Outcomes: ``sum`` and
    ``mean`` when no way gives it, ``truncated`` when one does only by cutting.
    """

    name = "column_total"
    outcomes = ("sum", "mean", "truncated")
    placeholders: ClassVar[frozenset[str]] = frozenset({"count", "baris", "cara"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table"],
        "properties": {
            "table": TABLE_NAME,
            "fields": {
                "type": "array",
                "items": FIELD_NAME,
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def _fields(self) -> list[str]:
        fields = self.params.get("fields", ["target", "realisasi", "capaian"])
        return list(fields)

    def problems(self) -> list[tuple[str, str]]:
        return table_problems(self.params["table"], self._fields())

    def run(self, view: ReportView) -> Iterator[Hit]:
        table = self.params["table"]
        raw = view.raw_table(table)
        rows = view.rows(table)
        for key, kind in _ROWS.items():
            printed_row = raw.get(key)
            if not isinstance(printed_row, dict):
                continue
            pointer = join_pointer(f"/tabel/{table.split('.')[0]}", key)
            for field in self._fields():
                shown = as_number(printed_row.get(field))
                if shown is None:
                    continue
                cells = [row.cell(field) for row in rows]
                numbers = [cell.number for cell in cells]
                given = [n for n in numbers if n is not None]
                if not given:
                    continue
                # an N/A row may be counted as 0 in a mean (an empty cell never is)
                with_na = [
                    Decimal(0) if n is None else n
                    for n, cell in zip(numbers, cells, strict=True)
                    if n is not None or cell.is_na
                ]
                ways = _ways(view, rows, field, given, with_na, kind)
                results = [compare_printed(shown, value) for _, value in ways]
                if Agreement.EXACT in results:
                    continue
                decimals = decimals_of(shown)
                first_way, first = ways[0]
                truncated = Agreement.TRUNCATED in results
                outcome = "truncated" if truncated else kind
                if truncated:
                    first_way, first = ways[results.index(Agreement.TRUNCATED)]
                expected = round_half_up(first, decimals)
                yield Hit(
                    outcome,
                    join_pointer(pointer, field),
                    table,
                    {
                        "row": "Jumlah" if kind == "sum" else "Rata-rata",
                        "baris": Localized(
                            "Jumlah" if kind == "sum" else "Rata-rata",
                            "Jumlah (total)" if kind == "sum" else "Rata-rata (mean)",
                        ),
                        "field": field,
                        "count": len(given),
                        "cara": first_way,
                        "printed": _shown(field, shown),
                        "expected": _shown(field, expected),
                    },
                    shown,
                    expected,
                )


def _ways(
    view: ReportView,
    rows: list[Any],
    field: str,
    given: list[Decimal],
    with_na: list[Decimal],
    kind: str,
) -> list[tuple[Localized, Decimal]]:
    """The honest ways of computing the figure, the plainest first."""
    total = sum(given, Decimal(0))
    ways = []
    if kind == "sum":
        ways.append((Localized("angka yang tercetak", "the printed figures"), total))
    else:
        ways.append((Localized("angka yang tercetak", "the printed figures"), mean(list(given))))
        if len(given) < len(with_na):
            zero = Localized("N/A dihitung 0", "N/A counted as 0")
            ways.append((zero, mean(list(with_na))))
    if field == "capaian":
        exact = [_exact_capaian(view, row) for row in rows]
        values = [value for value in exact if value is not None]
        if values and len(values) == len(given):
            way = Localized("capaian dihitung ulang", "the capaian recomputed")
            ways.append((way, sum(values, Decimal(0)) if kind == "sum" else mean(list(values))))
    return ways


def _shown(field: str, value: Decimal) -> Any:
    return Percent(value) if field == "capaian" else value


def _exact_capaian(view: ReportView, row: Any) -> Decimal | None:
    if is_na(row.cell("capaian").value) or row.cell("capaian").number is None:
        return None
    target, realisasi = row.cell("target").number, row.cell("realisasi").number
    polarity = polarity_of(view, row.indikator)
    if target is None or realisasi is None or polarity is None:
        return None
    return capaian(target, realisasi, polarity)
