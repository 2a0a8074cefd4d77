"""The text of the template's instructions sheet ("Petunjuk"), in plain Indonesian."""

from __future__ import annotations

__all__ = ["INSTRUCTIONS", "INSTRUCTIONS_SHEET"]

INSTRUCTIONS_SHEET = "Petunjuk"

INSTRUCTIONS: tuple[str, ...] = (
    "Petunjuk mengisi templat data LKjIP",
    "1. Setiap lembar memuat satu tabel laporan. Salin isi tabel yang tercetak di laporan, "
    "satu baris tabel menjadi satu baris lembar, mulai tepat di bawah baris judul kolom.",
    "2. Arahkan tetikus ke judul kolom (sudut merah) untuk membaca keterangannya. Jangan "
    "mengubah judul kolom dan nama lembar: keduanya dipakai untuk membaca isian.",
    "3. Tulis angka persis seperti tercetak: 80,95 atau 80,95% untuk persen, 1.834.058.000 "
    "atau Rp 1.834.058.000,- untuk rupiah. Jumlah angka di belakang koma dipertahankan. "
    "Bila laporan mencetak N/A atau tanda -, tulis N/A atau -.",
    "4. Angka seperti 1.500 pada kolom persen atau nilai dapat berarti satu koma lima atau "
    "seribu lima ratus; pemeriksaan akan menanyakannya. Tulislah 1,5 atau 1500.",
    "5. Kolom Id Indikator memakai id dari lembar Indikator (kolom Id). Isi lembar Indikator "
    "lebih dahulu, lalu pilih id dari daftar.",
    "6. Kolom bertahun (misalnya Target 20__) : ganti 20__ pada judul kolom dengan tahunnya, "
    "misalnya Target 2021. Kolom yang judulnya masih 20__ dibiarkan kosong.",
    "7. Lembar yang tabelnya tidak ada di laporan dibiarkan kosong. Baris kosong dilewati.",
    "8. Pada lembar yang namanya berakhiran Indikator atau Kelompok, kolom Baris induk "
    "menyebut nomor urut baris induknya di lembar sebelumnya (baris data pertama = 1).",
    "9. Simpan sebagai .xlsx, lalu periksa: sakip-validate check laporan.xlsx. Setiap temuan "
    "menyebut lembar dan selnya, misalnya Anggaran!D14.",
    "10. Untuk mengubah isian menjadi berkas TOML: sakip-validate import laporan.xlsx "
    "-o laporan.toml. Sebaliknya: sakip-validate export laporan.toml -o laporan.xlsx.",
)
