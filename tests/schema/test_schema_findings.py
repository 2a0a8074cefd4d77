"""Schema errors become plain findings, one per real problem, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_validate.findings import Finding, Text
from sakip_validate.loading import load_bytes
from sakip_validate.schema_check import check_schema

VALID = (Path(__file__).resolve().parent.parent / "data" / "valid.toml").read_text("utf-8")


def findings_for(text: str) -> list[Finding]:
    return check_schema(load_bytes(text.encode(), "laporan.toml", "toml"))


def replaced(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


def test_valid_report_has_no_finding() -> None:
    assert findings_for(VALID) == []


def test_text_in_a_year_reads_naturally() -> None:
    (finding,) = findings_for(replaced("tahun_anggaran = 2025", 'tahun_anggaran = "2021a"'))
    assert finding.rule == "SCHEMA001"
    assert finding.message.id == 'laporan.tahun_anggaran harus bilangan bulat; tertulis "2021a".'
    assert finding.message.en == 'laporan.tahun_anggaran must be a whole number; found "2021a".'
    assert finding.printed == '"2021a"'
    assert finding.hint is not None and "2021" in finding.hint.id


def test_a_whole_number_is_written_without_a_decimal_point() -> None:
    # 2025.0 would silently switch off every rule keyed by the year
    for written in ("2025.0", "2025.5"):
        (finding,) = findings_for(replaced("tahun_anggaran = 2025", f"tahun_anggaran = {written}"))
        assert finding.rule == "SCHEMA001"
        assert finding.printed == written


def test_value_kind_gives_one_message_not_a_cascade() -> None:
    (finding,) = findings_for(replaced("realisasi = 79.00", 'realisasi = "80,9O"'))
    assert finding.rule == "SCHEMA001"
    assert finding.message.id == (
        'tabel.capaian.baris[0].realisasi harus angka, atau "N/A" / "-"; tertulis "80,9O".'
    )
    assert finding.table == Text("Tabel 3.2", "Tabel 3.2")
    assert finding.table_key == "capaian"
    assert findings_for(replaced("realisasi = 79.00", 'realisasi = "N/A"')) == []


def test_misspelt_key_is_one_finding_naming_the_intended_key() -> None:
    (finding,) = findings_for(replaced('polaritas = "positif"', 'polaritasnya = "positif"'))
    assert finding.rule == "SCHEMA003"
    assert finding.hint is not None
    assert "`polaritas`" in finding.hint.id and "`polaritas`" in finding.hint.en
    assert finding.location.pointer == "/indikator/0/polaritasnya"
    assert (finding.location.line, finding.location.column) == (39, 1)


def test_unknown_key_without_a_close_match_lists_known_keys() -> None:
    (finding,) = findings_for(replaced("[renstra]\n", "[renstra]\nzzz = 1\n"))
    assert finding.hint is not None
    assert "`periode_awal`" in finding.hint.id


def test_missing_field_points_at_its_table_and_says_what_it_is() -> None:
    (finding,) = findings_for(replaced("periode_akhir = 2029\n", ""))
    assert finding.rule == "SCHEMA002"
    assert finding.message.id == "Isian wajib `periode_akhir` tidak ada di renstra."
    assert finding.message.en == "Required field `periode_akhir` is missing from renstra."
    assert finding.hint is not None and "tahun akhir renstra" in finding.hint.id.lower()
    assert finding.location.line == VALID.splitlines().index("[renstra]") + 1


@pytest.mark.parametrize(
    ("old", "new", "rule", "word_id", "word_en"),
    [
        ('tingkat = "kecamatan"', 'tingkat = "desa"', "SCHEMA004", "pilihan", "choices"),
        ('tanggal = "2026-02-25"', 'tanggal = "25-02-2026"', "SCHEMA005", "tanggal", "date"),
        ('nip = "19700101 199503 1 001"', 'nip = "NIP 1970"', "SCHEMA005", "bentuk", "form"),
        ("anggaran = 100_000_000", "anggaran = -1", "SCHEMA006", "negatif", "negative"),
        ("tahun_terbit = 2026", "tahun_terbit = 1800", "SCHEMA006", "kurang", "less"),
        ('nama = "Kecamatan Contoh"', 'nama = ""', "SCHEMA007", "kosong", "empty"),
        ("iku = true", 'iku = "ya"', "SCHEMA001", "true atau false", "true or false"),
    ],
)
def test_each_kind_of_problem_in_both_languages(
    old: str, new: str, rule: str, word_id: str, word_en: str
) -> None:
    (finding,) = findings_for(replaced(old, new))
    assert finding.rule == rule
    assert word_id in finding.message.id.lower() + (finding.hint.id.lower() if finding.hint else "")
    assert word_en in finding.message.en.lower() + (finding.hint.en.lower() if finding.hint else "")
    assert finding.location.line is not None


def test_several_problems_are_reported_in_document_order() -> None:
    text = replaced("tahun_anggaran = 2025", 'tahun_anggaran = "x"')
    text = text.replace("capaian = 98.75", 'capaian = "y"')
    rules = [(f.rule, f.location.pointer) for f in findings_for(text)]
    assert rules == [
        ("SCHEMA001", "/laporan/tahun_anggaran"),
        ("SCHEMA001", "/tabel/capaian/baris/0/capaian"),
    ]


def test_json_reports_get_the_same_findings_as_toml() -> None:
    valid_json = (Path(__file__).resolve().parent.parent / "data" / "valid.json").read_text("utf-8")
    text = valid_json.replace('"tahun_anggaran": 2025', '"tahun_anggaran": "2021a"')
    (finding,) = check_schema(load_bytes(text.encode(), "laporan.json", "json"))
    assert finding.message.id == 'laporan.tahun_anggaran harus bilangan bulat; tertulis "2021a".'
    line = next(i for i, t in enumerate(text.splitlines(), 1) if '"2021a"' in t)
    column = text.splitlines()[line - 1].index('"2021a"') + 1
    assert (finding.location.line, finding.location.column) == (line, column)
