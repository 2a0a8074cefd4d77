"""Every required part of the report, and every Bab III analysis, is there (``sections_present``).

The report data declares which parts it has (``kelengkapan``); tables and signature
blocks that are present count as evidence too, so a report is never told it lacks a
part whose content the data holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ..common import tables_readable
from .blocks import signatories

__all__ = ["ANALYSIS_LABELS", "PART_LABELS", "SectionsPresent"]

# Label of each declared part, as the regulation names it (the same in both languages)
# and a short English gloss.
PART_LABELS: dict[str, tuple[str, str]] = {
    "kata_pengantar": ("Kata Pengantar", "Kata Pengantar (foreword)"),
    "ikhtisar_eksekutif": ("Ikhtisar Eksekutif", "Ikhtisar Eksekutif (executive summary)"),
    "daftar_isi": ("Daftar Isi", "Daftar Isi (table of contents)"),
    "bab_1_pendahuluan": ("Bab I Pendahuluan", "Bab I Pendahuluan (introduction)"),
    "bab_2_perencanaan_kinerja": (
        "Bab II Perencanaan Kinerja",
        "Bab II Perencanaan Kinerja (performance planning)",
    ),
    "bab_3_akuntabilitas_kinerja": (
        "Bab III Akuntabilitas Kinerja",
        "Bab III Akuntabilitas Kinerja (performance accountability)",
    ),
    "bab_3_realisasi_anggaran": (
        "Bab III bagian Realisasi Anggaran",
        "Realisasi Anggaran (budget execution) in Bab III",
    ),
    "bab_4_penutup": ("Bab IV Penutup", "Bab IV Penutup (closing chapter)"),
    "lampiran_perjanjian_kinerja": (
        "Lampiran Perjanjian Kinerja",
        "Lampiran Perjanjian Kinerja (performance agreement annex)",
    ),
    "lampiran_lain": ("Lampiran lain-lain", "Lampiran lain-lain (other annexes)"),
    "pernyataan_telah_direviu": (
        "Pernyataan Telah Direviu",
        "Pernyataan Telah Direviu (statement of review)",
    ),
}


# The seven Bab III analyses, numbered as Lampiran II of PermenPAN-RB 53/2014 lists them.
ANALYSIS_LABELS: dict[str, tuple[str, str]] = {
    "target_realisasi": (
        "analisis 1 (perbandingan target dan realisasi tahun ini)",
        "analysis 1 (target against realisasi for this year)",
    ),
    "perbandingan_tahun": (
        "analisis 2 (perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya)",
        "analysis 2 (realisasi and capaian against earlier years)",
    ),
    "target_akhir_renstra": (
        "analisis 3 (perbandingan realisasi dengan target akhir Renstra)",
        "analysis 3 (realisasi against the Renstra end target)",
    ),
    "standar_nasional": (
        "analisis 4 (perbandingan realisasi dengan standar nasional)",
        "analysis 4 (realisasi against the national standard)",
    ),
    "penyebab_solusi": (
        "analisis 5 (penyebab keberhasilan/kegagalan dan alternatif solusi)",
        "analysis 5 (causes of success or failure and the solutions tried)",
    ),
    "efisiensi": (
        "analisis 6 (efisiensi penggunaan sumber daya)",
        "analysis 6 (efficiency of resource use)",
    ),
    "program_pendukung": (
        "analisis 7 (program/kegiatan yang menunjang keberhasilan atau kegagalan)",
        "analysis 7 (programs and kegiatan behind each result)",
    ),
}


LISTS: dict[str, dict[str, tuple[str, str]]] = {
    "bagian": PART_LABELS,
    "analisis_bab_3": ANALYSIS_LABELS,
}


# A table with rows proves that the part or analysis it belongs to is in the report.
EVIDENCE_TABLES: dict[str, tuple[str, ...]] = {
    "bab_3_realisasi_anggaran": ("realisasi_anggaran",),
    "target_realisasi": ("capaian",),
    "perbandingan_tahun": ("perbandingan_tahun",),
    "target_akhir_renstra": ("target_akhir_renstra",),
    "standar_nasional": ("standar_nasional",),
    "penyebab_solusi": ("analisis_penyebab",),
    "efisiensi": ("efisiensi",),
    "program_pendukung": ("program_pendukung.indikator", "program_pendukung.program"),
}


# A printed signature block proves its part is there (the PK signed by both parties
# is what the Lampiran Perjanjian Kinerja holds).
EVIDENCE_BLOCKS: dict[str, str] = {
    "kata_pengantar": "kata_pengantar",
    "ikhtisar_eksekutif": "ikhtisar_eksekutif",
    "bab_4_penutup": "penutup",
    "lampiran_perjanjian_kinerja": "perjanjian_kinerja",
    "pernyataan_telah_direviu": "pernyataan_telah_direviu",
}


class SectionsPresent(CheckKind):
    """Every required part (or Bab III analysis) is declared in ``kelengkapan``.

    ``params.list`` names the list (``bagian`` or ``analisis_bab_3``) and
    ``params.required`` the items that must be there; one ``missing`` hit per
    absent item. A table or signature block of the item in the data counts as
    present; the national-standard comparison also counts as present when the
    report states that no national standard exists. When ``kelengkapan`` itself
    is absent there is one ``not_filled`` hit instead of a cascade.
    """

    name = "sections_present"
    outcomes = ("missing", "not_filled")
    placeholders: ClassVar[frozenset[str]] = frozenset({"item", "item_en"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["list", "required"],
        "properties": {
            "list": {"enum": sorted(LISTS)},
            "required": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        labels = LISTS[self.params["list"]]
        return [
            (f"/required/{index}", f"unknown item {item!r}; known: {', '.join(labels)}")
            for index, item in enumerate(self.params["required"])
            if item not in labels
        ]

    def run(self, view: ReportView) -> Iterator[Hit]:
        if not isinstance(view.raw, dict):
            return  # not a report at all: the schema says so, once
        declared = view.data.get("kelengkapan")
        if not isinstance(declared, dict):
            yield Hit(outcome="not_filled", pointer="", table=None)
            return
        name = self.params["list"]
        items = declared.get(name)
        if not isinstance(items, list):
            return  # the schema reports a missing or malformed list
        labels = LISTS[name]
        blocks = {b.get("bagian") for _, b in signatories(view) if isinstance(b.get("bagian"), str)}
        for item in self.params["required"]:
            if item in items or self._evidenced(view, item, declared, blocks):
                continue
            pointer = f"/kelengkapan/{name}"
            flag = "pernyataan_tanpa_standar_nasional"
            if item == "standar_nasional" and flag in declared:
                pointer = f"/kelengkapan/{flag}"
            label_id, label_en = labels[item]
            yield Hit(
                outcome="missing",
                pointer=pointer,
                table=None,
                values={"item": label_id, "item_en": label_en, "field": item},
            )

    @staticmethod
    def _evidenced(view: ReportView, item: str, declared: dict[str, Any], blocks: set[Any]) -> bool:
        if item == "standar_nasional" and declared.get("pernyataan_tanpa_standar_nasional") is True:
            return True
        tables = EVIDENCE_TABLES.get(item, ()) if tables_readable(view) else ()
        if any(view.rows(table) for table in tables):
            return True
        return EVIDENCE_BLOCKS.get(item) in blocks
