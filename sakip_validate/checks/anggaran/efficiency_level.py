"""The tingkat efisiensi of Tabel 3.6 against the formula that gives it (``efficiency_level``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.efficiency import RUMUS, tingkat_efisiensi
from ...domain.numbers import (
    Agreement,
    capaian,
    compare_printed,
    decimals_of,
    format_number,
    percent,
    round_half_up,
)
from ...domain.values import is_na
from ...domain.view import ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent
from ..common import TABLE_NAME, polarity_of, table_problems

__all__ = ["EfficiencyLevel"]

_FIELDS = [
    "target",
    "realisasi",
    "capaian",
    "anggaran",
    "realisasi_anggaran",
    "capaian_anggaran",
    "tingkat_efisiensi",
]


class EfficiencyLevel(CheckKind):
    """A printed tingkat efisiensi must follow from its row by a formula.

    The operands are the row's capaian kinerja and capaian anggaran, as printed
    or, where a cell is empty or to allow for figures rounded before use,
    recomputed exactly (capaian from target and realisasi, with polarity;
    capaian anggaran from the rupiah). Outcomes:

    * ``mismatch`` / ``truncated``: the report states its formula
      (``tabel.efisiensi.rumus``) and the printed figure does not follow from it,
      or only by cutting;
    * ``unexplained``: the report states none and none of the common formulas
      (``domain.efficiency.RUMUS``) gives the printed figure; the message names
      each formula tried and what it gives;
    * ``no_inputs``: a tingkat efisiensi is printed (100% included) on a row that
      lacks the capaian kinerja or the capaian anggaran, so no formula can give it.
    """

    name = "efficiency_level"
    outcomes = ("mismatch", "truncated", "unexplained", "no_inputs")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"kinerja", "capaian_anggaran", "rumus", "dicoba", "kurang"}
    )
    operands: ClassVar[tuple[str, ...]] = ("kinerja", "capaian_anggaran")
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table"],
        "properties": {"table": TABLE_NAME},
    }

    def problems(self) -> list[tuple[str, str]]:
        return table_problems(self.params["table"], _FIELDS)

    def run(self, view: ReportView) -> Iterator[Hit]:
        table = self.params["table"]
        rumus = view.raw_table(table).get("rumus")
        stated = rumus if isinstance(rumus, str) and rumus in RUMUS else None
        for row in view.rows(table):
            cell = row.cell("tingkat_efisiensi")
            shown = cell.number
            if shown is None:
                continue
            kinerja, anggaran = _performance(view, row), _absorption(row)
            values: dict[str, Any] = {
                **row.values(),
                "field": "tingkat_efisiensi",
                "printed": Percent(shown),
            }
            if not kinerja or not anggaran:
                missing = []
                if not kinerja:
                    missing.append(Localized("capaian kinerja", "capaian kinerja"))
                if not anggaran:
                    missing.append(Localized("capaian anggaran", "capaian anggaran"))
                values["kurang"] = missing
                if stated is not None:
                    values["rumus"] = RUMUS[stated]
                yield Hit("no_inputs", cell.pointer, table, values, shown, None)
                continue
            values["kinerja"] = Percent(kinerja[0])
            values["capaian_anggaran"] = Percent(anggaran[0])
            decimals = decimals_of(shown)
            if stated is not None:
                hit = _judge_stated(stated, shown, kinerja, anggaran, decimals, values)
                if hit is not None:
                    yield Hit(hit[0], cell.pointer, table, hit[1], shown, hit[2])
                continue
            tried: list[tuple[str, Decimal]] = []
            explained = False
            for name in RUMUS:
                results = _results(name, shown, kinerja, anggaran)
                if any(agreement is not Agreement.MISMATCH for agreement, _ in results):
                    explained = True
                    break
                first = next((value for _, value in results if value is not None), None)
                if first is not None:
                    tried.append((RUMUS[name], round_half_up(first, max(decimals, 2))))
            if explained:
                continue
            values["dicoba"] = Localized(
                "; ".join(f"{text} = {format_number(value, 'id')}" for text, value in tried),
                "; ".join(f"{text} = {format_number(value, 'en')}" for text, value in tried),
            )
            yield Hit("unexplained", cell.pointer, table, values, shown, None)


def _results(
    rumus: str, shown: Decimal, kinerja: list[Decimal], anggaran: list[Decimal]
) -> list[tuple[Agreement, Decimal | None]]:
    """How the printed figure relates to ``rumus`` for each variant of the operands."""
    found = []
    for k in kinerja:
        for a in anggaran:
            value = tingkat_efisiensi(rumus, k, a)
            found.append(
                (Agreement.MISMATCH if value is None else compare_printed(shown, value), value)
            )
    return found


def _judge_stated(
    rumus: str,
    shown: Decimal,
    kinerja: list[Decimal],
    anggaran: list[Decimal],
    decimals: int,
    values: dict[str, Any],
) -> tuple[str, dict[str, Any], Decimal | None] | None:
    results = _results(rumus, shown, kinerja, anggaran)
    if any(agreement is Agreement.EXACT for agreement, _ in results):
        return None
    truncated = [v for agreement, v in results if agreement is Agreement.TRUNCATED]
    plain = truncated[0] if truncated else results[0][1]
    expected = None if plain is None else round_half_up(plain, decimals)
    # the message shows two decimals at least: "121,43%" says more than "121%"
    shown_expected: Any = (
        Percent(round_half_up(plain, max(decimals, 2)), max(decimals, 2))
        if plain is not None
        else Localized("tidak dapat dihitung (pembaginya nol)", "undefined (division by zero)")
    )
    out = {**values, "rumus": RUMUS[rumus], "expected": shown_expected}
    return ("truncated" if truncated else "mismatch", out, expected)


def _performance(view: ReportView, row: Row) -> list[Decimal]:
    """The capaian kinerja: as printed, and recomputed exactly when target and realisasi allow."""
    found = []
    printed = row.cell("capaian")
    if printed.number is not None:
        found.append(printed.number)
    elif is_na(printed.value):
        return []
    target, realisasi = row.cell("target").number, row.cell("realisasi").number
    polarity = polarity_of(view, row.indikator)
    if target is not None and realisasi is not None and polarity is not None:
        exact = capaian(target, realisasi, polarity)
        if exact is not None and exact not in found:
            found.append(exact)
    return found


def _absorption(row: Row) -> list[Decimal]:
    """The capaian anggaran: as printed, and recomputed exactly from the rupiah."""
    found = []
    printed = row.cell("capaian_anggaran").number
    if printed is not None:
        found.append(printed)
    part, whole = row.cell("realisasi_anggaran").number, row.cell("anggaran").number
    if part is not None and whole is not None:
        exact = percent(part, whole)
        if exact is not None and exact not in found:
            found.append(exact)
    return found
