"""The printed tables of an LKjIP: their keys in the data and how a reader names them.

A report numbers its tables itself (``nomor = "3.2"``); where it does, a table is
cited as it is printed ("Tabel 3.2"). Where it does not, it is named by what it
holds, in the reader's language, never by its key in our data.
"""

from __future__ import annotations

from typing import Any

from ..findings import Text
from .labels import Labels

__all__ = ["FIGURE_TABLES", "TABLE_NAMES", "table_name"]

# Keys of ``tabel`` (and the view tables derived from them) and what they hold,
# after PermenPAN-RB 53/2014 Lampiran II and the reference report's captions.
TABLE_NAMES = Labels(
    {
        "iku": ("tabel Indikator Kinerja Utama", "key performance indicator table"),
        "tujuan_sasaran": ("tabel tujuan dan sasaran", "goals and objectives table"),
        "perjanjian_kinerja": ("tabel Perjanjian Kinerja", "performance agreement table"),
        "program_pk": (
            "tabel program Perjanjian Kinerja",
            "performance agreement programs table",
        ),
        "skala_kategori": ("tabel skala kategori capaian", "kategori scale table"),
        "capaian": ("tabel capaian kinerja", "performance achievement table"),
        "perbandingan_tahun": (
            "tabel perbandingan dengan tahun sebelumnya",
            "comparison with earlier years table",
        ),
        "target_akhir_renstra": (
            "tabel perbandingan dengan target akhir Renstra",
            "Renstra end target table",
        ),
        "analisis_penyebab": (
            "tabel analisis penyebab keberhasilan/kegagalan",
            "causes and solutions table",
        ),
        "efisiensi": ("tabel efisiensi sumber daya", "efficiency table"),
        "program_pendukung": (
            "tabel program dan kegiatan pendukung",
            "supporting programs table",
        ),
        "realisasi_anggaran": ("tabel realisasi anggaran", "budget realisation table"),
        "standar_nasional": (
            "tabel perbandingan dengan standar nasional",
            "national standard table",
        ),
    }
)


# Every table that prints an indicator's figure for a year, by figure, in the order
# the konsistensi-target rules list them (TGT001-TGT003) and the workbook shows them.
FIGURE_TABLES: dict[str, tuple[str, ...]] = {
    "target": (
        "iku",
        "tujuan_sasaran",
        "perjanjian_kinerja",
        "capaian",
        "perbandingan_tahun",
        "analisis_penyebab",
        "efisiensi",
    ),
    "realisasi": (
        "capaian",
        "perbandingan_tahun",
        "target_akhir_renstra",
        "analisis_penyebab",
        "efisiensi",
        "standar_nasional",
    ),
    "capaian": (
        "capaian",
        "perbandingan_tahun",
        "analisis_penyebab",
        "efisiensi",
        "program_pendukung.indikator",
    ),
}


def table_key(name: str) -> str:
    """The ``tabel`` key of a view table (``program_pendukung.program`` -> program_pendukung)."""
    return name.split(".")[0]


def table_name(data: Any, name: str) -> Text:
    """How the report's reader names table ``name``: "Tabel 3.2" when numbered, else its title."""
    key = table_key(name)
    tables = data.get("tabel") if isinstance(data, dict) else None
    table = tables.get(key) if isinstance(tables, dict) else None
    number = table.get("nomor") if isinstance(table, dict) else None
    if isinstance(number, str) and number.strip():
        printed = f"Tabel {number.strip()}"
        return Text(printed, printed)
    if key in TABLE_NAMES:
        return TABLE_NAMES.text(key)
    return Text(key, key)
