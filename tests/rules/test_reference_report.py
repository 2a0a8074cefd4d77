"""The reference report: each defect found once; nothing on the corrected copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_validate.api import check_file

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"

# (rule, pointer) for every finding on examples/jatinegara-2021.*, in document order.
# Reviewed by hand against ../shared/reference/lkjip-kecamatan-jatinegara-2021.txt.
EXPECTED = [
    # "Pt." (Kata Pengantar) is the slip: "Plt." is the legal abbreviation of an acting head
    # (was reported at the correct Penutup block, /penandatangan/1/jabatan)
    ("LKP010", "/penandatangan/0/jabatan"),
    ("TGT011", "/indikator/0/satuan"),
    ("DIS008", "/tabel/iku/baris/1/target/2021"),
    # Tabel 2.1 is the odd one: Tabel 3.3's rows add up (capaian = realisasi ÷ target), so the
    # four targets are blamed in Tabel 2.1 (they were reported at Tabel 3.3's correct cells)
    ("TGT001", "/tabel/iku/baris/1/target/2019"),
    ("TGT001", "/tabel/iku/baris/1/target/2020"),
    ("TGT001", "/tabel/iku/baris/2/target/2019"),
    ("TGT001", "/tabel/iku/baris/2/target/2020"),
    # the sasaran wording printed in Tabel 2.1's indicator column (shifted rows)
    ("TGT018", "/tabel/iku/baris/1/nama_tertulis"),
    ("TGT018", "/tabel/iku/baris/2/nama_tertulis"),
    # (TGT006 at /tabel/iku/baris/2/target/2020 is gone: that 0% is the Tabel 2.1 slip TGT001
    # reports; the target the evidence supports, 5,88%, is not behind 2019's realisasi)
    ("TGT006", "/tabel/perjanjian_kinerja/baris/2/target"),
    # names spelt differently: "Pemerintah" (2.4) and "PENUNJUANG" (3.7) against Tabel 3.8;
    # "Perencanaan Dan Evaluasi" (2.4) against "Perencanaan, Penganggaran Dan Evaluasi" (3.7, 3.8)
    ("TGT019", "/tabel/program_pk/baris/0/nama"),
    ("TGT019", "/tabel/program_pk/baris/1/nama"),
    ("TGT019", "/tabel/program_pendukung/program/0/nama"),
    ("KAT016", "/tabel/skala_kategori/baris/0"),
    ("KAT004", "/tabel/skala_kategori/baris/0/batas_bawah"),
    ("KAT005", "/tabel/skala_kategori/baris/0/batas_atas"),
    ("KAT004", "/tabel/skala_kategori/baris/1/batas_bawah"),
    ("KAT004", "/tabel/skala_kategori/baris/2/batas_bawah"),
    ("KAT004", "/tabel/skala_kategori/baris/3/batas_bawah"),
    ("CAP002", "/tabel/capaian/baris/0/capaian"),
    ("LKP005", "/tabel/capaian/baris/1/sumber_data"),
    ("LKP005", "/tabel/capaian/baris/2/sumber_data"),
    # IKM 2020 target: only Tabel 2.1 (79,70%) and Tabel 3.3 (78,89%) state it and neither row
    # adds up, so one finding names both, without an expected value (was TGT001 here)
    ("TGT013", "/tabel/perbandingan_tahun/baris/0/tahun/2020/target"),
    ("CAP006", "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian"),
    ("CAP005", "/tabel/perbandingan_tahun/baris/0/tahun/2021/capaian"),
    ("TGT002", "/tabel/perbandingan_tahun/baris/2/tahun/2021/realisasi"),
    ("TGT004", "/tabel/perbandingan_tahun/baris/2/tahun/2021/capaian"),
    ("TGT002", "/tabel/target_akhir_renstra/baris/2/realisasi"),
    ("LKP008", "/tabel/analisis_penyebab/baris/0/solusi"),
    ("CAP008", "/tabel/analisis_penyebab/baris/0/capaian"),
    ("CAP011", "/tabel/efisiensi/baris/0/capaian"),
    ("ANG027", "/tabel/efisiensi/baris/0/tingkat_efisiensi"),
    ("ANG028", "/tabel/efisiensi/baris/1/tingkat_efisiensi"),
    ("ANG028", "/tabel/efisiensi/baris/3/tingkat_efisiensi"),
    ("TGT003", "/tabel/program_pendukung/indikator/3/capaian"),
    ("ANG021", "/tabel/program_pendukung/program/0/indikator_kinerja/0/capaian"),
    ("DIS007", "/narasi/distribusi/1/kelompok/0/jumlah"),
    ("DIS007", "/narasi/distribusi/2/kelompok/0/jumlah"),
    ("DIS007", "/narasi/distribusi/3/kelompok/0/jumlah"),
    ("DIS002", "/narasi/distribusi/4/kelompok/2/persen"),
    ("DIS002", "/narasi/distribusi/4/kelompok/3/persen"),
    ("NAR001", "/narasi/pernyataan/3/nilai"),
    ("NAR006", "/narasi/klaim/0/jenis"),
    ("LKP001", "/kelengkapan/bagian"),
    ("LKP001", "/kelengkapan/bagian"),
    ("LKP003", "/kelengkapan/pernyataan_tanpa_standar_nasional"),
]


@pytest.mark.parametrize("name", ["jatinegara-2021.toml", "jatinegara-2021.json"])
def test_reference_report_findings_are_pinned(name: str) -> None:
    report = check_file(EXAMPLES / name)
    found = [(f.rule, f.location.pointer) for f in report.findings]
    assert sorted(found) == sorted(EXPECTED)
    distinct = {(f.rule, f.location.pointer, f.message.en) for f in report.findings}
    assert len(distinct) == len(found), "a defect is reported twice"


def test_reference_report_key_defects_carry_values() -> None:
    findings = {
        (f.rule, f.location.pointer): f
        for f in check_file(EXAMPLES / "jatinegara-2021.toml").findings
    }
    inverted = findings[("CAP006", "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian")]
    assert inverted.printed == "98.98"
    assert inverted.expected == "101.03"
    assert inverted.table is not None and inverted.table.id == "Tabel 3.3"
    assert inverted.legal_basis
    share = findings[("DIS002", "/narasi/distribusi/4/kelompok/2/persen")]
    assert "10 dari 17" in share.message.id
    desa = findings[("DIS008", "/tabel/iku/baris/1/target/2021")]
    assert "45,00% di Tabel 3.2 (realisasi 2021)" in desa.message.id
    assert "persentase dari 17 desa" in desa.message.id
    level = findings[("ANG027", "/tabel/efisiensi/baris/0/tingkat_efisiensi")]
    assert level.printed == "100"
    assert "capaian kinerja ÷ capaian anggaran × 100 = 121,48" in level.message.id


def test_reference_report_blames_by_evidence() -> None:
    findings = {
        (f.rule, f.location.pointer): f
        for f in check_file(EXAMPLES / "jatinegara-2021.toml").findings
    }
    acting = findings[("LKP010", "/penandatangan/0/jabatan")]
    assert (acting.printed, acting.expected) == ("Pt. CAMAT JATINEGARA", "Plt. CAMAT JATINEGARA")
    typo = findings[("TGT001", "/tabel/iku/baris/1/target/2020")]
    assert (typo.printed, typo.expected) == ("35", "50.00")
    assert "Tabel 3.3" in typo.message.id and "sesuai dengan target dan realisasinya" in (
        typo.message.id
    )
    both = findings[("TGT013", "/tabel/perbandingan_tahun/baris/0/tahun/2020/target")]
    assert both.expected is None
    assert "Tabel 2.1: 79,70%" in both.message.id and "Tabel 3.3: 78,89%" in both.message.id
    assert "seharusnya" not in both.message.id


@pytest.mark.parametrize("name", ["jatinegara-2021-corrected.toml"])
def test_corrected_report_gives_no_finding(name: str) -> None:
    report = check_file(EXAMPLES / name)
    assert [(f.rule, f.location.pointer, f.message.en) for f in report.findings] == []
