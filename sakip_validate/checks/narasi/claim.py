"""A general claim of the text, tested against the tables (``claim``, NARR-CLAIM)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import Polarity, capaian
from ...domain.values import is_na_text
from ...domain.view import ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent

__all__ = ["Claim"]


class Claim(CheckKind):
    """A general claim of the text, tested against the tables (NARR-CLAIM).

    ``seluruh_target_tercapai`` ("all targets were reached") is false when any
    indicator of Tabel 3.2 has a capaian below 100% (polarity is already folded
    into the capaian) or none at all (N/A). An empty capaian cell is recomputed
    from target and realisasi. One hit per claim, naming every such indicator.
    """

    name = "claim"
    outcomes = ("contradicted",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"bab", "capaian"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["jenis"],
        "properties": {"jenis": {"enum": ["seluruh_target_tercapai"]}},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        items = view.section("narasi").get("klaim")
        claims = [
            (index, item)
            for index, item in enumerate(items if isinstance(items, list) else [])
            if isinstance(item, dict) and item.get("jenis") == self.params["jenis"]
        ]
        if not claims:
            return
        short = list(_short_of_target(view))
        if not short:
            return
        for index, item in claims:
            yield Hit(
                outcome="contradicted",
                pointer=f"/narasi/klaim/{index}/jenis",
                table="capaian",
                values={
                    "bab": item.get("bab") if isinstance(item.get("bab"), str) else "?",
                    "tahun": view.rows("capaian")[0].tahun,
                    "indikator": [row.label for row, _ in short],
                    "row": [row.label for row, _ in short],
                    "capaian": [shown for _, shown in short],
                    "printed": [shown for _, shown in short],
                },
                printed=", ".join(str(_neutral(shown)) for _, shown in short),
                expected=">= 100",
            )


def _neutral(value: Any) -> Any:
    """A capaian for the machine-readable ``printed``: the bare figure."""
    return value.value if isinstance(value, Percent) else value


def _short_of_target(view: ReportView) -> Iterator[tuple[Row, Any]]:
    """Rows of Tabel 3.2 whose target was not reached, with the capaian to show."""
    for row in view.rows("capaian"):
        cell = row.cell("capaian")
        if is_na_text(cell.value):
            yield row, cell.value
            continue
        value: Decimal | str | None = cell.number
        if value is None and not cell.present:
            value = _recomputed(view, row)
            if value == "N/A":
                yield row, "N/A"
                continue
        if isinstance(value, Decimal) and value < 100:
            yield row, Percent(value, None if cell.present else 2)


def _recomputed(view: ReportView, row: Row) -> Decimal | str | None:
    """The capaian of a row whose capaian cell is empty; "N/A" when it cannot exist."""
    if is_na_text(row.cell("realisasi").value):
        return "N/A"
    target, realisasi = row.cell("target").number, row.cell("realisasi").number
    if target is None or realisasi is None:
        return None
    polarity: Polarity = "negatif" if view.polarity(row.indikator) == "negatif" else "positif"
    result = capaian(target, realisasi, polarity)
    return "N/A" if result is None else result
