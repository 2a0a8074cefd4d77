"""The report's signature blocks (``penandatangan``): reading them and naming their part."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...domain.view import ReportView

BLOCK_LABELS: dict[str, str] = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar_eksekutif": "Ikhtisar Eksekutif",
    "penutup": "Penutup",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "pernyataan_telah_direviu": "Pernyataan Telah Direviu",
    "lainnya": "lainnya",
}
BLOCK_NAMES = sorted(BLOCK_LABELS)
# The blocks the unit head signs for the report itself, checked unless a rule names others.
SIGNED_PARTS = ["kata_pengantar", "ikhtisar_eksekutif", "penutup"]


def signatories(view: ReportView) -> list[tuple[int, dict[str, Any]]]:
    """(index, block) for each well-formed signature block, in document order."""
    blocks = view.data.get("penandatangan")
    if not isinstance(blocks, list):
        return []
    return [(index, block) for index, block in enumerate(blocks) if isinstance(block, dict)]


def block_label(block: dict[str, Any]) -> str:
    """The part a block signs, as the report names it ("Kata Pengantar")."""
    bagian = block.get("bagian")
    return BLOCK_LABELS.get(bagian, str(bagian)) if isinstance(bagian, str) else "?"


def signing_date(block: dict[str, Any]) -> dt.date | None:
    """The date the block was signed, or None when it prints no readable date."""
    value = block.get("tanggal")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
