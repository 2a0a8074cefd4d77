"""The report is signed within the months allowed after the budget year (``signing_deadline``)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.scope import TINGKAT
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...findings import Text
from ...loading.pointers import join_pointer
from .blocks import BLOCK_NAMES, SIGNED_PARTS, block_label, signatories, signing_date

__all__ = ["SigningDeadline", "deadline"]

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _date_id(day: dt.date) -> str:
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def _date_en(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def deadline(year: int, months: int) -> dt.date:
    """The last day of the ``months``-th month after budget year ``year``."""
    month_year, month = divmod(year * 12 + months - 1, 12)
    last = calendar.monthrange(month_year + 1, month + 1)[1]
    return dt.date(month_year + 1, month + 1, last)


class SigningDeadline(CheckKind):
    """The report is signed within the months allowed after the budget year.

    ``params.months`` maps the unit's ``laporan.unit.tingkat`` to the months
    allowed; a unit level not listed is not judged (the rule is listed as not
    applicable to it). One hit per report, at the first block of
    ``params.bagian`` signed after the deadline.
    """

    name = "signing_deadline"
    outcomes = ("late",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bagian", "tanggal", "tanggal_en", "batas", "batas_en", "bulan", "tingkat"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["months"],
        "properties": {
            "months": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 24},
            },
            "bagian": {
                "type": "array",
                "items": {"enum": BLOCK_NAMES},
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def inapplicable(self, view: ReportView, outcome: str) -> Text | None:
        """A unit level the rule gives no deadline for (a kementerian/lembaga, a satker)."""
        tingkat = view.scope.tingkat
        if tingkat is None or tingkat in self.params["months"]:
            return None
        shown = TINGKAT.text(tingkat) if tingkat in TINGKAT else Text(tingkat, tingkat)
        return Text(
            f"aturan ini tidak memuat batas waktu penyampaian untuk {shown.id}",
            f"the rule gives no reporting deadline for this unit: {shown.en}",
        )

    def run(self, view: ReportView) -> Iterator[Hit]:
        laporan = view.data.get("laporan")
        unit = laporan.get("unit") if isinstance(laporan, dict) else None
        tingkat = unit.get("tingkat") if isinstance(unit, dict) else None
        months = self.params["months"].get(tingkat) if isinstance(tingkat, str) else None
        year = view.year
        if year is None or months is None:
            return
        limit = deadline(year, months)
        wanted = self.params.get("bagian", SIGNED_PARTS)
        for index, block in signatories(view):
            signed = signing_date(block)
            if block.get("bagian") not in wanted or signed is None or signed <= limit:
                continue
            yield Hit(
                outcome="late",
                pointer=join_pointer(f"/penandatangan/{index}", "tanggal"),
                table=None,
                values={
                    "bagian": block_label(block),
                    "tanggal": _date_id(signed),
                    "tanggal_en": _date_en(signed),
                    "batas": _date_id(limit),
                    "batas_en": _date_en(limit),
                    "bulan": months,
                    "tingkat": tingkat,
                },
                printed=signed.isoformat(),
                expected=limit.isoformat(),
            )
            return
