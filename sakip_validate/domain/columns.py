"""How a printed table heads each column: the one vocabulary of column names.

A citation names the column as the report heads it ("kolom Capaian 2020"), and a
message names it in a sentence ("tidak mempunyai kolom sumber data"). Both come
from :data:`COLUMNS`, keyed by the field's name in the data model; a key
``table:field`` gives a heading one table prints differently. The headings follow
PermenPAN-RB 53/2014 Lampiran II and the reference report. English keeps the
glossary's words (target, realisasi, capaian, kategori, Renstra) and translates
the rest; a test keeps every field of every table in the schema covered.
"""

from __future__ import annotations

from ..findings import Text
from .labels import Labels

__all__ = ["COLUMNS", "column_heading", "column_name"]

COLUMNS = Labels(
    {
        # indicator tables
        "no": ("No", "No"),
        "sasaran_tertulis": ("Tujuan/Sasaran", "Tujuan/Sasaran"),
        "nama_tertulis": ("Indikator Kinerja", "Performance indicator"),
        "satuan_tertulis": ("Satuan", "Unit"),
        "target": ("Target", "Target"),
        "realisasi": ("Realisasi", "Realisasi"),
        "capaian": ("Capaian", "Capaian"),
        "kategori": ("Kategori", "Kategori"),
        "sumber_data": ("Sumber Data", "Data source"),
        "alasan_tidak_terukur": ("Keterangan", "Remarks"),
        "target_akhir": ("Target Akhir Renstra", "Renstra end target"),
        "tingkat_kemajuan": ("Tingkat Kemajuan", "Progress"),
        "analisis": ("Analisis Keberhasilan/Kegagalan", "Analysis of success or failure"),
        "solusi": ("Solusi", "Solution"),
        "standar": ("Standar Nasional", "National standard"),
        "sumber_standar": ("Sumber Standar", "Source of the standard"),
        "keterangan": ("Keterangan", "Remarks"),
        # the efficiency table: the indicator's figures, then the budget's
        "anggaran": ("Anggaran", "Budget"),
        "realisasi_anggaran": ("Realisasi Anggaran", "Budget spent"),
        "capaian_anggaran": ("Capaian Anggaran", "Budget capaian"),
        "tingkat_efisiensi": ("Tingkat Efisiensi", "Efficiency"),
        # budget tables (programs, kegiatan, sub kegiatan)
        "kode": ("Kode", "Code"),
        "induk": ("Kode", "Code"),  # the parent shows in the code's segments
        "nama": ("Program/Kegiatan", "Program/kegiatan"),
        "tingkat": ("Program/Kegiatan", "Program/kegiatan"),  # the level shows in the name
        "jenis_anggaran": ("Program/Kegiatan", "Program/kegiatan"),
        "indikator_kinerja": ("Indikator Kinerja", "Performance indicator"),
        "persen_dari_total": ("% dari Jumlah", "% of total"),
        "menunjang": ("Menunjang/Tidak Menunjang", "Supporting or not"),
        "realisasi_anggaran:realisasi": ("Realisasi", "Spent"),
        "realisasi_anggaran:persen": ("% Capaian Anggaran", "% of budget spent"),
        # the kategori scale
        "skala_kategori:tertulis": ("Skala Capaian Kinerja", "Capaian scale"),
        "skala_kategori:batas_bawah": (
            "Skala Capaian Kinerja (batas bawah)",
            "Capaian scale (lower bound)",
        ),
        "skala_kategori:bawah_inklusif": (
            "Skala Capaian Kinerja (batas bawah)",
            "Capaian scale (lower bound)",
        ),
        "skala_kategori:batas_atas": (
            "Skala Capaian Kinerja (batas atas)",
            "Capaian scale (upper bound)",
        ),
        "skala_kategori:atas_inklusif": (
            "Skala Capaian Kinerja (batas atas)",
            "Capaian scale (upper bound)",
        ),
        "skala_kategori:kategori": ("Kategori Penilaian", "Kategori"),
        # signature blocks
        "penandatangan:tempat": ("tempat penandatanganan", "place of signing"),
        "penandatangan:tanggal": ("tanggal penandatanganan", "date of signing"),
        "penandatangan:jabatan": ("jabatan penanda tangan", "signatory's position"),
        "penandatangan:jabatan_definitif": (
            "jabatan definitif penanda tangan",
            "signatory's substantive position",
        ),
        "penandatangan:nama": ("nama penanda tangan", "signatory's name"),
        "penandatangan:pangkat_golongan": (
            "pangkat/golongan penanda tangan",
            "signatory's rank/grade",
        ),
        "penandatangan:nip": ("NIP penanda tangan", "signatory's NIP"),
        "penandatangan:nrp": ("NRP penanda tangan", "signatory's NRP"),
        "penandatangan:bagian": ("blok tanda tangan", "signature block"),
        # what a passage of the text states
        "narasi:jumlah": ("jumlah {what}", "number of {what}"),
        "narasi:persen": ("persentase {what}", "percentage of {what}"),
        "narasi:kategori": ("{what}", "{what}"),
        # an indicator or an objective as the report names and measures it
        "indikator:nama": ("nama", "name"),
        "indikator:satuan": ("satuan", "unit"),
        "indikator:polaritas": ("arah (makin tinggi atau makin rendah makin baik)", "direction"),
        "indikator:alasan_tidak_terukur": ("keterangan tidak terukur", "why it is not measured"),
        "sasaran:nama": ("rumusan", "wording"),
        # the cover
        "laporan:judul": ("judul", "title"),
        "laporan:tahun_anggaran": ("tahun anggaran", "budget year"),
        "laporan:tahun_terbit": ("tahun terbit", "year of publication"),
        "laporan:unit": ("nama unit kerja", "name of the unit"),
    }
)


def column_heading(table: str, field: str, year: str | int | None = None) -> Text | None:
    """How table ``table`` heads the column of ``field`` ("Capaian 2020" with ``year``).

    ``table`` is a ``tabel`` key (``program_pendukung``), or ``penandatangan``,
    ``narasi``, ``indikator``, ``sasaran`` or ``laporan`` for the parts of the
    report that are not tables. None when the field is no printed column.
    """
    key = f"{table.split('.')[0]}:{field}"
    if key in COLUMNS:
        heading = COLUMNS.text(key)
    elif field in COLUMNS and table not in _NOT_TABLES:
        heading = COLUMNS.text(field)
    else:
        return None
    if year is None:
        return heading
    return Text(f"{heading.id} {year}", f"{heading.en} {year}")


# Parts of the report that are not tables: only their own ``part:field`` keys apply.
_NOT_TABLES = frozenset({"penandatangan", "narasi", "indikator", "sasaran", "laporan"})


def column_name(field: str) -> Text:
    """The column ``field`` named in a sentence ("kolom sumber data"): its heading, lower case.

    A field no table heads is named by its key with spaces (a rule pack may name
    any field; the pack loader checks it against the view's fields).
    """
    heading = COLUMNS.text(field) if field in COLUMNS else None
    if heading is None:
        plain = field.replace("_", " ")
        return Text(plain, plain)
    return Text(heading.id.lower(), heading.en[:1].lower() + heading.en[1:])
