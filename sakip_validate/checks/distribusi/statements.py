"""The distributions stated in the text (``narasi.distribusi``), as the kinds read them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...domain.values import as_count, as_number
from ...domain.view import ReportView
from .wholes import wholes

__all__ = [
    "JENIS_PARAM",
    "StatedDistribution",
    "StatedGroup",
    "breakdown",
    "category_key",
    "statements",
]

_BASE = "/narasi/distribusi"


@dataclass(frozen=True, slots=True)
class StatedGroup:
    """One group of a statement: its name, its count and its printed share."""

    index: int
    kategori: str
    key: str
    jumlah: int | None
    persen: Decimal | None
    pointer: str


@dataclass(frozen=True, slots=True)
class StatedDistribution:
    """One statement of a distribution: the whole, its unit and its groups."""

    index: int
    pointer: str
    bab: str
    tahun: int | None
    jenis: Any
    keseluruhan: int | None
    satuan: str
    lengkap: bool
    groups: tuple[StatedGroup, ...]
    bagian_dari: str | None = None
    declared: int | None = None  # N of the whole it is declared a part of (narasi.keseluruhan)

    @property
    def counts(self) -> list[int] | None:
        """Every group's count, or None when some group gives none."""
        counts = [group.jumlah for group in self.groups if group.jumlah is not None]
        return counts if len(counts) == len(self.groups) else None

    @property
    def stated_whole(self) -> int | None:
        """N as the text gives it: in this sentence, else the whole it is declared part of."""
        return self.keseluruhan if self.keseluruhan is not None else self.declared

    @property
    def whole(self) -> int | None:
        """N: the stated whole, else the sum of the counts of a complete statement."""
        if self.stated_whole is not None:
            return self.stated_whole
        counts = self.counts
        return sum(counts) if self.lengkap and counts else None


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def category_key(kategori: str, satuan: str = "") -> str:
    """Normalised group name: case and spacing ignored, a leading unit word dropped.

    "Desa Mandiri" counted in "desa" is the group "mandiri".
    """
    words = kategori.casefold().split()
    unit = satuan.casefold().strip()
    if len(words) > 1 and unit and words[0] == unit:
        words = words[1:]
    return " ".join(words)


def statements(view: ReportView) -> list[StatedDistribution]:
    """The ``narasi.distribusi`` statements that can be read, in document order.

    Read once per report (three kinds ask, some once per jenis): the list is shared,
    so callers do not change it.
    """
    found: list[StatedDistribution] | None = view.memo.get(_MEMO)
    if found is None:
        found = view.memo[_MEMO] = _statements(view)
    return found


_MEMO = "distribusi.statements"


def _statements(view: ReportView) -> list[StatedDistribution]:
    items = view.section("narasi").get("distribusi")
    declared = wholes(view)
    found = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        pointer = f"{_BASE}/{index}"
        satuan = _text(item.get("satuan"))
        groups = []
        raw_groups = item.get("kelompok")
        for g, raw in enumerate(raw_groups if isinstance(raw_groups, list) else []):
            if not isinstance(raw, dict):
                continue
            kategori = _text(raw.get("kategori"))
            groups.append(
                StatedGroup(
                    index=g,
                    kategori=kategori or f"#{g + 1}",
                    key=category_key(kategori, satuan) if kategori else f"#{g + 1}",
                    jumlah=as_count(raw.get("jumlah")),
                    persen=as_number(raw.get("persen")),
                    pointer=f"{pointer}/kelompok/{g}",
                )
            )
        tahun = item.get("tahun")
        part_of = item.get("bagian_dari")
        part_of = part_of if isinstance(part_of, str) else None
        whole = declared.get(part_of) if part_of is not None else None
        found.append(
            StatedDistribution(
                index=index,
                pointer=pointer,
                bab=_text(item.get("bab")) or "?",
                tahun=tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
                jenis=item.get("jenis"),
                keseluruhan=as_count(item.get("keseluruhan")),
                satuan=satuan,
                lengkap=item.get("lengkap") is True,
                groups=tuple(groups),
                bagian_dari=part_of,
                declared=whole.jumlah if whole is not None else None,
            )
        )
    return found


def breakdown(pairs: list[tuple[int, str]], satuan: str) -> str:
    """ "2 desa maju, 4 desa berkembang": counts and group names, as the text words them."""
    unit = f" {satuan}" if satuan else ""
    return ", ".join(f"{count}{unit} {name}" for count, name in pairs)


# The ``jenis`` parameter: which distributions (by their ``jenis``) a rule checks.
JENIS_PARAM: dict[str, Any] = {
    "type": "array",
    "items": {"type": "string", "minLength": 1},
    "minItems": 1,
    "uniqueItems": True,
}
