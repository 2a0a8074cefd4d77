"""What a file says it is: the kind of report, the level of the unit, whole or partial.

``laporan.jenis`` (LKjIP, LKj, LKPJ, another performance document),
``laporan.unit.tingkat`` (a pemda, an OPD, a kecamatan, a kementerian/lembaga and
its work units, an instansi vertikal) and ``laporan.cakupan`` (``lengkap``, the
default, or ``sebagian``: a file holding only some of the report's tables) decide
which rules apply to it. Rule packs declare that (``applies_to``); this module
only reads the header and names its values in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..findings import Text
from .labels import Labels

__all__ = [
    "CAKUPAN",
    "JENIS",
    "PARTIAL_REASON",
    "TINGKAT",
    "Scope",
    "scope_of",
]

WHOLE = "lengkap"
PARTIAL = "sebagian"

# The values of the header fields, as a reader names them. The schema's enums
# (schemas/lkjip.schema.json) hold the same keys; a test keeps the two in step.
JENIS = Labels(
    {
        "LKjIP": ("LKjIP", "LKjIP"),
        "LKj": ("LKj", "LKj"),
        "LKPJ": ("LKPJ", "LKPJ"),
        "lainnya": ("dokumen kinerja lain", "another performance document"),
    }
)
TINGKAT = Labels(
    {
        "kementerian_lembaga": ("kementerian/lembaga", "ministry or agency"),
        "unit_eselon_i": (
            "unit eselon I kementerian/lembaga",
            "echelon I unit of a ministry or agency",
        ),
        "unit_eselon_ii": (
            "unit eselon II kementerian/lembaga",
            "echelon II unit of a ministry or agency",
        ),
        "satker": (
            "satuan kerja kementerian/lembaga",
            "work unit (satker) of a ministry or agency",
        ),
        "instansi_vertikal": (
            "instansi vertikal",
            "regional office of a central agency (instansi vertikal)",
        ),
        "pemda_provinsi": ("pemerintah provinsi", "provincial government"),
        "pemda_kabupaten": ("pemerintah kabupaten", "regency government"),
        "pemda_kota": ("pemerintah kota", "city government"),
        "opd": ("perangkat daerah", "regional government agency (OPD)"),
        "kecamatan": ("kecamatan", "kecamatan (district)"),
        "kelurahan": ("kelurahan", "kelurahan (urban village)"),
        "uptd": ("UPTD", "regional technical unit (UPTD)"),
        "lainnya": ("unit lain", "another unit"),
    }
)
CAKUPAN = Labels(
    {
        WHOLE: ("laporan lengkap", "whole report"),
        PARTIAL: ("laporan sebagian", "partial report"),
    }
)

# Why a rule about the whole report does not apply to a partial one.
PARTIAL_REASON = Text(
    "berkas ini hanya memuat sebagian laporan", "this file holds only part of the report"
)


@dataclass(frozen=True, slots=True)
class Scope:
    """The header of one file: ``jenis`` and ``tingkat`` (None when the file does not
    say, as a partial report may not) and ``cakupan`` (``lengkap`` unless declared)."""

    jenis: str | None = None
    tingkat: str | None = None
    cakupan: str = WHOLE

    @property
    def partial(self) -> bool:
        """Whether the file holds only part of a report (``cakupan = "sebagian"``)."""
        return self.cakupan == PARTIAL

    def get(self, field: str) -> str | None:
        """The value of ``jenis``, ``tingkat`` or ``cakupan``."""
        value: str | None = getattr(self, field)
        return value

    def label(self, field: str) -> Text | None:
        """The value of ``field`` as a reader names it (None when the file does not say)."""
        value = self.get(field)
        if value is None:
            return None
        labels = {"jenis": JENIS, "tingkat": TINGKAT, "cakupan": CAKUPAN}[field]
        return labels.text(value) if value in labels else Text(value, value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def scope_of(data: Any) -> Scope:
    """The scope a report's data declares (defaults where it says nothing)."""
    laporan = data.get("laporan") if isinstance(data, dict) else None
    laporan = laporan if isinstance(laporan, dict) else {}
    unit = laporan.get("unit")
    unit = unit if isinstance(unit, dict) else {}
    cakupan = _text(laporan.get("cakupan")) or WHOLE
    return Scope(
        jenis=_text(laporan.get("jenis")), tingkat=_text(unit.get("tingkat")), cakupan=cakupan
    )
