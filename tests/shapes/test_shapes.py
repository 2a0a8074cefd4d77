"""Every real report shape fits: the files of tests/data/shapes give what their header says.

Each fixture is pinned by the (rule, pointer) of its findings and the rules listed
as not applicable to it. Around them: a partial report's minimal header, what a
whole report is told when it lacks its completeness list, tables or chapters,
and that a partial report's own columns and arithmetic are still checked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_validate.api import check_bytes, check_file
from sakip_validate.result import FileReport
from tests.data.shapes.make_printed_forms import CASES as PRINTED_FORMS

ROOT = Path(__file__).resolve().parents[2]
SHAPES = ROOT / "tests" / "data" / "shapes"
EXAMPLES = ROOT / "examples"

# The rules about the parts of a whole report, skipped for a partial one.
WHOLE_ONLY = {"DIS011", "LKP001", "LKP002", "LKP003", "LKP004", "LKP019", "LKP020", "LKP021"}
# The rules of the Laporan Kinerja format, skipped for an LKPJ.
LKJ_ONLY = {
    "KAT020",
    *(f"LKP{n:03}" for n in (1, 2, 3, 4, 5, 6, 7, 8, 13, 16, 17, 18, 19, 20, 21)),
}

# file -> (findings as (rule, pointer), rules not applicable)
EXPECTED: dict[str, tuple[list[tuple[str, str]], set[str]]] = {
    "sebagian-tabel-capaian.toml": ([], WHOLE_ONLY | {"LKP005", "LKP006"}),
    "sebagian-tabel-anggaran.toml": (
        [("ANG009", "/tabel/realisasi_anggaran/baris/5/persen")],
        WHOLE_ONLY,
    ),
    "lkj-instansi-vertikal-polres.toml": ([], {"KAT020", "LKP006", "LKP013"}),
    "lkj-satker-kementerian.toml": (
        [("CAP002", "/tabel/capaian/baris/2/capaian")],
        {"KAT020", "LKP006", "LKP013"},
    ),
    "lkpj-kabupaten.toml": ([("CAP003", "/tabel/capaian/baris/3/capaian")], LKJ_ONLY),
    "lengkap-terpotong-setelah-bab-2.toml": (
        [
            ("LKP004", ""),
            ("TGT011", "/indikator/0/satuan"),
            ("LKP020", "/tabel"),
            ("LKP021", "/tabel"),
            ("TGT018", "/tabel/iku/baris/1/nama_tertulis"),
            ("DIS008", "/tabel/iku/baris/1/target/2021"),
            ("TGT018", "/tabel/iku/baris/2/nama_tertulis"),
            ("DIS007", "/narasi/distribusi/2/kelompok/0/jumlah"),
            ("DIS007", "/narasi/distribusi/3/kelompok/0/jumlah"),
        ],
        set(),
    ),
}


def _check(name: str) -> FileReport:
    return check_file(SHAPES / name, name)


def _found(report: FileReport) -> list[tuple[str, str]]:
    return [(f.rule, f.location.pointer) for f in report.findings]


def _skipped(report: FileReport) -> set[str]:
    return {skipped.rule for skipped in report.skipped_rules}


def test_every_shape_fixture_is_pinned() -> None:
    """Each fixture is pinned here, by test_anggaran_shapes (anggaran-*) or test_printed_forms."""
    files = {path.name for path in SHAPES.iterdir() if path.suffix in {".toml", ".json"}}
    pinned = (
        set(EXPECTED)
        | set(PRINTED_FORMS)
        | {name for name in files if name.startswith("anggaran-")}
    )
    assert sorted(files) == sorted(pinned)
    assert not set(EXPECTED) & set(PRINTED_FORMS)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_shape_gives_what_its_header_says(name: str) -> None:
    findings, skipped = EXPECTED[name]
    report = _check(name)
    assert report.checked, _found(report)
    assert sorted(_found(report)) == sorted(findings)
    assert _skipped(report) == skipped
    for rule in report.skipped_rules:
        assert rule.reason.id and rule.reason.en
    # the header comment names every rule it must give
    header = (SHAPES / name).read_text(encoding="utf-8").split("\nversi_skema", 1)[0]
    for rule, _ in findings:
        assert rule in header, f"{name}: the header does not say it gives {rule}"


@pytest.mark.parametrize("name", ["jatinegara-2021.toml", "jatinegara-2021-corrected.toml"])
def test_the_reference_reports_skip_no_rule(name: str) -> None:
    assert check_file(EXAMPLES / name).skipped_rules == []


def test_skipped_rules_say_why_in_both_languages() -> None:
    reasons = {r.rule: r.reason for r in _check("sebagian-tabel-capaian.toml").skipped_rules}
    assert reasons["LKP004"].id == "berkas ini hanya memuat sebagian laporan"
    assert reasons["LKP005"].id == "Tabel 3.1 yang dimuat tidak mempunyai kolom sumber data"
    assert reasons["LKP006"].en == "Tabel 3.1 as held has no kategori column"
    lkpj = {r.rule: r.reason for r in _check("lkpj-kabupaten.toml").skipped_rules}
    assert lkpj["LKP001"].id == "hanya untuk LKjIP dan LKj, bukan LKPJ"
    polres = {r.rule: r.reason for r in _check("lkj-instansi-vertikal-polres.toml").skipped_rules}
    assert polres["LKP006"].id == "tidak berlaku untuk instansi vertikal"
    assert "batas waktu" in polres["LKP013"].id


# -- a partial report: a minimal header --------------------------------------------

MINIMAL = """versi_skema = "1.0"
[laporan]
{cakupan}tahun_anggaran = 2023
unit = {{ nama = "Kecamatan Contoh" }}

[[tabel.realisasi_anggaran.baris]]
kode = "1"
tingkat = "program"
nama = "PROGRAM A"
anggaran = 100
realisasi = 90
persen = 90.00
"""


def _text(text: str, name: str = "t.toml") -> FileReport:
    return check_bytes(text.encode(), name, "toml")


def test_a_partial_report_needs_only_unit_year_and_the_indicators_it_uses() -> None:
    report = _text(MINIMAL.format(cakupan='cakupan = "sebagian"\n'))
    assert report.checked and report.findings == []
    assert _skipped(report) == WHOLE_ONLY


def test_the_same_file_as_a_whole_report_is_told_what_a_whole_report_needs() -> None:
    report = _text(MINIMAL.format(cakupan=""))
    assert not report.checked
    missing = {(f.rule, f.expected) for f in report.findings}
    assert missing == {("SCHEMA002", "indikator"), ("SCHEMA002", "jenis"), ("SCHEMA002", "tingkat")}
    for finding in report.findings:
        assert finding.hint is not None
        assert 'cakupan = "sebagian"' in finding.hint.id
        assert 'cakupan = "sebagian"' in finding.hint.en


def test_a_partial_report_still_names_the_indicators_its_tables_use() -> None:
    text = MINIMAL.format(cakupan='cakupan = "sebagian"\n') + (
        '[tabel.capaian]\nbaris = [{ indikator = "IKM", target = 80, realisasi = 79 }]\n'
    )
    assert {f.rule for f in _text(text).findings} == {"SCHEMA010"}


# -- a partial report: columns the printed table lacks -----------------------------

CAPAIAN = """versi_skema = "1.0"
[laporan]
{cakupan}jenis = "LKjIP"
tahun_anggaran = 2023
unit = {{ nama = "Kecamatan Contoh", tingkat = "kecamatan" }}

[[indikator]]
id = "A"
nama = "Indikator A"
satuan = "Persentase"
polaritas = "positif"

[[indikator]]
id = "B"
nama = "Indikator B"
satuan = "Persentase"
polaritas = "positif"

[tabel.capaian]
tahun = 2023
baris = [
    {{ indikator = "A", target = 80.00, realisasi = 40.00{a} }},
    {{ indikator = "B", target = 50.00, realisasi = 25.00{b} }},
]
"""


def test_a_partial_report_column_that_some_row_fills_is_still_checked() -> None:
    text = CAPAIAN.format(
        cakupan='cakupan = "sebagian"\n', a=', capaian = 50.00, sumber_data = "BPS"', b=""
    )
    found = _found(_text(text))
    assert ("LKP005", "/tabel/capaian/baris/1/sumber_data") in found
    assert ("LKP018", "/tabel/capaian/baris/1/capaian") in found


def test_a_partial_report_column_no_row_fills_is_not_checked() -> None:
    report = _text(CAPAIAN.format(cakupan='cakupan = "sebagian"\n', a="", b=""))
    assert report.findings == []
    assert {"LKP005", "LKP006", "LKP018"} <= _skipped(report)


def test_a_whole_report_column_no_row_fills_is_a_finding() -> None:
    report = _text(CAPAIAN.format(cakupan="", a="", b=""))
    rules = [f.rule for f in report.findings]
    assert rules.count("LKP005") == 2 and rules.count("LKP018") == 2
    assert not {"LKP005", "LKP006", "LKP018"} & _skipped(report)


def test_a_partial_report_arithmetic_is_checked() -> None:
    text = CAPAIAN.format(cakupan='cakupan = "sebagian"\n', a=", capaian = 60.00", b="")
    assert ("CAP001", "/tabel/capaian/baris/0/capaian") in _found(_text(text))


# -- a whole report: what it lacks -------------------------------------------------


def test_the_cut_report_declared_partial_is_told_nothing_about_what_it_does_not_hold() -> None:
    text = (SHAPES / "lengkap-terpotong-setelah-bab-2.toml").read_text(encoding="utf-8")
    partial = text.replace("[laporan]\n", '[laporan]\ncakupan = "sebagian"\n', 1)
    report = _text(partial)
    rules = {f.rule for f in report.findings}
    assert not rules & {"LKP004", "LKP020", "LKP021"}
    assert _skipped(report) == WHOLE_ONLY
    whole = {f.rule for f in _check("lengkap-terpotong-setelah-bab-2.toml").findings}
    assert whole - rules == {"LKP004", "LKP020", "LKP021"}


def test_a_part_the_report_lists_as_missing_is_one_finding_not_two() -> None:
    reference = (EXAMPLES / "jatinegara-2021.toml").read_text(encoding="utf-8")
    # drop Tabel 3.8 and the part it belongs to: LKP001 names the part, LKP021 stays silent
    start = reference.index("[tabel.realisasi_anggaran]")
    end = reference.index("# ---", reference.index("[tabel.realisasi_anggaran.jumlah]"))
    cut = reference[:start] + reference[end:]
    cut = cut.replace('  "bab_3_realisasi_anggaran",  # §3.3 REALISASI ANGGARAN\n', "")
    found = {f.rule for f in _text(cut).findings}
    assert "LKP021" not in found and "LKP001" in found
    # the part declared, its table gone: LKP021, at the list item that declares the part
    kept = reference[:start] + reference[end:]
    findings = _text(kept).findings
    (missing,) = [f for f in findings if f.rule == "LKP021"]
    assert missing.location.pointer == "/kelengkapan/bagian/5"
    assert missing.severity.label == "error"


def test_a_whole_report_without_a_completeness_list_gets_an_error() -> None:
    reference = (EXAMPLES / "jatinegara-2021-corrected.toml").read_text(encoding="utf-8")
    cut = reference[: reference.index("\n[kelengkapan]")] + "\n"
    (finding,) = _text(cut).findings
    assert (finding.rule, finding.severity.label) == ("LKP004", "error")
