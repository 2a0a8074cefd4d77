"""The wholes the text states once (``narasi.keseluruhan``): what percentages are shares of."""

from __future__ import annotations

from dataclasses import dataclass

from ...domain.values import as_count
from ...domain.view import ReportView

__all__ = ["Whole", "wholes"]


@dataclass(frozen=True, slots=True)
class Whole:
    """A whole stated in the text: N things (e.g. 17 desa), where it is stated."""

    id: str
    jumlah: int
    satuan: str
    bab: str
    pointer: str


def wholes(view: ReportView) -> dict[str, Whole]:
    """The declared wholes by id (the first of a repeated id; the schema step reports it)."""
    items = view.section("narasi").get("keseluruhan")
    found: dict[str, Whole] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            continue
        count = as_count(item.get("jumlah"))
        if count is None or count == 0 or item["id"] in found:
            continue
        satuan = item.get("satuan")
        bab = item.get("bab")
        found[item["id"]] = Whole(
            id=item["id"],
            jumlah=count,
            satuan=" ".join(satuan.split()) if isinstance(satuan, str) else "",
            bab=bab if isinstance(bab, str) else "?",
            pointer=f"/narasi/keseluruhan/{index}",
        )
    return found
