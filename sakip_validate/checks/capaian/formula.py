"""Capaian kinerja recomputed from the printed target and realisasi (``capaian``, CAP-PCT)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import (
    Agreement,
    Polarity,
    compare_printed,
    decimals_of,
    inverted_capaian,
    round_half_up,
    truncate,
)
from ...domain.view import ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from ..common import FIELD_NAME, TABLE_NAME, judged_capaian, polarity_of, table_problems

__all__ = ["FORMULAS", "Capaian", "shown_exact"]

# How each polarity's capaian is computed, as the messages name it. The words are
# the regulation's own (target, realisasi), so one text serves both languages.
FORMULAS: dict[Polarity, str] = {
    "positif": "realisasi ÷ target × 100",
    "negatif": "(2 × target − realisasi) ÷ target × 100",
}


# Places shown beyond the printed ones for the unrounded value ("99,9382%").
_EXTRA_PLACES = 2


def shown_exact(value: Decimal, decimals: int) -> Decimal:
    """``value`` cut to a few more places than printed, for messages.

    Cutting (not rounding) keeps the shown digits honest: a value shown as 99,9349
    really is below 99,935, so the reader can redo the rounding by eye. Trailing
    zeros beyond the printed places are dropped (90,0000 shows as 90,00).
    """
    cut = truncate(value, decimals + _EXTRA_PLACES)
    while decimals_of(cut) > decimals and cut.as_tuple().digits[-1] == 0:
        cut = truncate(cut, decimals_of(cut) - 1)
    return cut


class Capaian(CheckKind):
    """Every printed capaian agrees with its target and realisasi.

    The capaian is recomputed with the indicator's polarity (positif: R/T × 100;
    negatif: (2T − R)/T × 100) and judged at the printed precision. Outcomes:

    * ``mismatch``: neither rounding nor truncation gives the printed figure;
    * ``truncated``: it fits only if the report cut the value instead of rounding it;
    * ``inverted``: it does not fit, but T/R × 100 does (the formula was turned upside down).

    Rows with a target of 0, an empty or N/A cell, or text where a number belongs
    are skipped: target-0 and N/A consistency belong to other checks.
    """

    name = "capaian"
    outcomes: ClassVar[tuple[str, ...]] = ("mismatch", "truncated", "inverted")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"target", "realisasi", "formula", "exact", "inverted"}
    )
    operands: ClassVar[tuple[str, ...]] = ("target", "realisasi")
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table"],
        "properties": {
            "table": TABLE_NAME,
            "target": FIELD_NAME,
            "realisasi": FIELD_NAME,
            "capaian": FIELD_NAME,
        },
    }

    @property
    def fields(self) -> tuple[str, str, str]:
        """(target, realisasi, capaian) field names."""
        return (
            self.params.get("target", "target"),
            self.params.get("realisasi", "realisasi"),
            self.params.get("capaian", "capaian"),
        )

    def problems(self) -> list[tuple[str, str]]:
        return table_problems(self.params["table"], list(self.fields))

    def run(self, view: ReportView) -> Iterator[Hit]:
        table = self.params["table"]
        for row in view.rows(table):
            hit = self._judge(view, table, row)
            if hit is not None:
                yield hit

    def _judge(self, view: ReportView, table: str, row: Row) -> Hit | None:
        target_field, realisasi_field, capaian_field = self.fields
        # None for an empty or N/A cell, a target of 0, or a malformed polarity (the
        # schema reports it); worked out once per row for every rule weighing it.
        judged = judged_capaian(view, row, target_field, realisasi_field, capaian_field)
        if judged is None:
            return None
        exact, agreement = judged
        if agreement is Agreement.EXACT:
            return None
        target = row.cell(target_field).number
        realisasi = row.cell(realisasi_field).number
        cell = row.cell(capaian_field)
        printed = cell.number
        polarity = polarity_of(view, row.indikator)
        assert target is not None and realisasi is not None and printed is not None
        assert polarity is not None
        decimals = decimals_of(printed)
        values: dict[str, Any] = {
            **row.values(),
            "field": capaian_field,
            "target": target,
            "realisasi": realisasi,
            "formula": FORMULAS[polarity],
            "exact": Percent(shown_exact(exact, decimals)),
            "printed": Percent(printed),
        }
        expected = round_half_up(exact, decimals)
        outcome = "truncated" if agreement is Agreement.TRUNCATED else "mismatch"
        if outcome == "mismatch":
            inverted = inverted_capaian(target, realisasi)
            if (
                inverted is not None
                and compare_printed(printed, inverted) is not Agreement.MISMATCH
            ):
                outcome = "inverted"
                values["inverted"] = Percent(shown_exact(inverted, decimals))
        values["expected"] = Percent(expected)
        return Hit(
            outcome=outcome,
            pointer=cell.pointer,
            table=table,
            values=values,
            printed=printed,
            expected=expected,
        )
