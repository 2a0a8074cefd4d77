"""The page's vocabulary, and how values become escaped HTML text."""

from __future__ import annotations

import html
from typing import Any

from sakip_validate.domain.labels import Labels
from sakip_validate.domain.numbers import format_number
from sakip_validate.domain.text import visible
from sakip_validate.domain.values import as_number
from sakip_validate.findings import Lang

WORDS = Labels(
    {
        "title": ("Hasil pemeriksaan LKjIP", "LKjIP check results"),
        "summary": ("Ringkasan", "Summary"),
        "file": ("Berkas", "File"),
        "pack": ("Paket aturan", "Rule pack"),
        "total": ("Jumlah", "Total"),
        "all": ("Semua berkas", "All files"),
        "manifest": ("Manifes", "Manifest"),
        "tool": ("Alat", "Tool"),
        "schema": ("Skema", "Schema"),
        "packs": ("Paket aturan", "Rule packs"),
        "generated": ("Dibuat", "Generated"),
        "format": ("Format", "Format"),
        "sha": ("SHA-256", "SHA-256"),
        "unreadable": ("tidak dapat dibaca", "could not be read"),
        "filters": ("Saring temuan", "Filter findings"),
        "severity": ("Tingkat", "Severity"),
        "shown": ("{n} dari {total} temuan ditampilkan", "{n} of {total} findings shown"),
        "noscript": (
            "Tanpa JavaScript semua temuan ditampilkan; penyaring tidak tersedia.",
            "Without JavaScript every finding is shown; the filters are unavailable.",
        ),
        "findings": ("Temuan", "Findings"),
        "none": ("Tidak ada temuan.", "No findings."),
        "place": ("Letak dalam laporan", "Place in the report"),
        "data_line": ("berkas data, baris {line}", "data file, line {line}"),
        "technical": ("teknis", "technical"),
        "rule": ("Aturan", "Rule"),
        "table": ("Tabel", "Table"),
        "message": ("Pesan", "Message"),
        "printed": ("Tertulis", "Printed"),
        "expected": ("Seharusnya", "Expected"),
        "fix": ("Perbaikan", "Fix"),
        "basis": ("Dasar", "Basis"),
        "year": ("Tahun Anggaran", "Budget year"),
        "not_checked": (
            "Tabel dan grafik laporan tidak ditampilkan: berkas ini belum lolos pemeriksaan "
            "skema, sehingga aturan belum dijalankan atasnya.",
            "The report's tables and charts are not shown: the file did not pass the schema, "
            "so the rules did not run on it.",
        ),
        # budget tree
        "kode": ("Kode", "Code"),
        "nama": ("Program / kegiatan / sub kegiatan", "Program / kegiatan / sub kegiatan"),
        "anggaran": ("Anggaran (Rp)", "Budget (Rp)"),
        "realisasi": ("Realisasi (Rp)", "Spent (Rp)"),
        "persen": ("%", "%"),
        "flag": ("Temuan", "Findings"),
        "jumlah": ("JUMLAH", "TOTAL"),
        "no_table": ("Laporan ini tidak memuat tabel tersebut.", "The report has no such table."),
        "derived": ("jumlah rinciannya", "the sum of its sub-rows"),
        "tree_note": (
            "Baris bertanda memiliki temuan; klik kode aturan untuk melihatnya.",
            "Marked rows have findings; click a rule id to see it.",
        ),
        # charts
        "chart_capaian": (
            "Capaian kinerja per indikator ({table}) dan kategori",
            "Performance achievement per indicator ({table}) and kategori",
        ),
        "chart_serapan": (
            "Serapan anggaran per program ({table})",
            "Budget absorption per program ({table})",
        ),
        "capaian_marks": (
            "Angka dan kategori seperti tertulis di laporan; ⚠ = baris ini memiliki temuan.",
            "Figures and kategori as printed in the report; ⚠ = the row has findings.",
        ),
        "serapan_marks": (
            "Persentase realisasi anggaran seperti tertulis di laporan; "
            "⚠ = baris ini memiliki temuan.",
            "Budget execution percentage as printed in the report; ⚠ = the row has findings.",
        ),
        "scale_default": (
            "Latar: rentang kategori skala yang berlaku, {name} (skala bawaan; laporan tidak "
            "menyatakan skala lain).",
            "Background: the kategori bands of the scale in force, {name} (the default; the "
            "report declares no other).",
        ),
        "scale_declared": (
            "Latar: rentang kategori skala yang dinyatakan berlaku oleh laporan, {name}.",
            "Background: the kategori bands of the scale the report declares in force, {name}.",
        ),
        "scale_declared_unnamed": (
            "Latar: rentang kategori skala yang dinyatakan berlaku oleh laporan.",
            "Background: the kategori bands of the scale the report declares in force.",
        ),
        "scale_unusable": (
            "Laporan menyatakan skala kategori sendiri, tetapi skala itu tidak dapat dibaca; "
            "rentang kategori tidak digambar.",
            "The report declares its own kategori scale, but it cannot be read; no kategori "
            "bands are drawn.",
        ),
        "no_kategori": ("tanpa kategori", "no kategori"),
        # the policy's marks
        "status": ("Status", "Status"),
        "state_counted": ("dihitung", "counted"),
        "not_counted": (
            "{waived} dikecualikan, {baselined} di baseline",
            "{waived} waived, {baselined} in the baseline",
        ),
        "waived": ("dikecualikan", "waived"),
        "baselined": ("di baseline", "in baseline"),
        "fixed": ("Sudah diperbaiki sejak baseline ({n})", "Fixed since the baseline ({n})"),
        "skipped": ("Berkas dilewati ({n})", "Skipped files ({n})"),
        "config_file": (
            "Berkas konfigurasi: temuannya tentang pengecualian yang dinyatakan di dalamnya.",
            "A configuration file: its findings are about the waivers it declares.",
        ),
    }
)


def esc(value: object) -> str:
    """Text for HTML (content or attribute): every special character escaped.

    Line breaks stay (the page shows them as spaces); any other control or
    direction-changing character is shown as an escape, as in every output.
    """
    lines = str(value).replace("\r\n", "\n").split("\n")
    return html.escape("\n".join(visible(line) for line in lines), quote=True)


def cell_text(value: Any, lang: Lang) -> str:
    """A printed cell as the reader of ``lang`` writes it (numbers in their format)."""
    number = as_number(value)
    if number is not None:
        return format_number(value, lang)
    return "" if value is None else str(value)
