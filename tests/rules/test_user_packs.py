"""Rule packs a user writes: added with --rules, no Python, checked when loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
REPORT = """\
versi_skema = "1.0"
[laporan]
jenis = "LKjIP"
tahun_anggaran = 2021
unit = { nama = "Kecamatan Contoh", tingkat = "kecamatan" }
[[indikator]]
id = "A"
nama = "Indikator A"
satuan = "Persentase"
polaritas = "positif"
[tabel.capaian]
tahun = 2021
baris = [{ indikator = "A", target = 5, realisasi = 5, capaian = 100 }]
[tabel.analisis_penyebab]
tahun = 2021
baris = [{ indikator = "A", target = 5, realisasi = 6, capaian = 100 }]
"""
# Tabel 3.5's capaian (100%) is not what its own realisasi gives (120%), while Tabel 3.2's
# row adds up: the evidence blames Tabel 3.5's realisasi (the kind's "mismatch" outcome).


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "aturan"
    folder.mkdir()
    shutil.copy(DATA / "user_pack" / "kebijakan-daerah.toml", folder)
    return folder


def test_user_pack_runs_without_python(pack_dir: Path, tmp_path: Path) -> None:
    report = tmp_path / "laporan.toml"
    report.write_text(REPORT, encoding="utf-8")
    code, output = run("check", str(report), "--rules", str(pack_dir), "--fail-on", "warning")
    assert code == 1
    assert "USR001" in output
    assert "Realisasi Indikator A di Tabel" in output or "Realisasi Indikator A di tabel" in output
    # without the pack the rule does not exist
    assert "USR001" not in run("check", str(report))[1]


def test_user_pack_is_listed_and_explained(pack_dir: Path) -> None:
    code, output = run("rules", "--rules", str(pack_dir / "kebijakan-daerah.toml"))
    assert code == 0 and "USR001" in output and "kebijakan-daerah" in output
    code, output = run("explain", "USR001", "--rules", str(pack_dir), "--lang", "en")
    assert code == 0 and "Regional policy requires" in output


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        ('severity = "warning"', 'severity = "warning"\nseverty = "x"', 11, "severty"),
        ('kind = "cross_table_equal"', 'kind = "no_such_kind"', 11, "no_such_kind"),
        ('{other_printed}."\nmessage.en', '{nope}."\nmessage.en', 13, "nope"),
        ('"analisis_penyebab"]', '"tabel_x"]', 18, "tabel_x"),
        ('id = "USR001"', 'id = "usr-1"', 9, "usr-1"),
    ],
)
def test_invalid_pack_names_file_and_line_and_exits_two(
    pack_dir: Path, old: str, new: str, line: int, words: str
) -> None:
    pack = pack_dir / "kebijakan-daerah.toml"
    text = pack.read_text(encoding="utf-8")
    assert old in text
    pack.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--rules", str(pack)])
    assert result.exit_code == 2
    assert f"{pack}:{line}:" in result.output
    assert words in result.output
    assert "Traceback" not in result.output


def test_duplicate_rule_id_is_refused(pack_dir: Path) -> None:
    pack = pack_dir / "kebijakan-daerah.toml"
    shutil.copy(pack, pack_dir / "salinan.toml")
    result = CliRunner().invoke(main, ["rules", "--rules", str(pack_dir)])
    assert result.exit_code == 2
    assert "USR001" in result.output
    assert "salinan.toml" in result.output and "beri paket ini id sendiri" in result.output


def test_a_pack_cannot_take_a_built_in_pack_id(pack_dir: Path) -> None:
    pack = pack_dir / "kebijakan-daerah.toml"
    text = pack.read_text(encoding="utf-8")
    pack_id = text.split('id = "', 1)[1].split('"', 1)[0]
    pack.write_text(text.replace(f'id = "{pack_id}"', 'id = "anggaran"', 1), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--rules", str(pack_dir)])
    assert result.exit_code == 2
    assert "Id paket 'anggaran' sudah dipakai" in result.output


def test_a_huge_parameter_list_is_refused(pack_dir: Path) -> None:
    pack = pack_dir / "kebijakan-daerah.toml"
    text = pack.read_text(encoding="utf-8")
    params = 'params = { tables = ["capaian", "analisis_penyebab"], field = "realisasi" }'
    assert params in text
    tables = ", ".join(f'"t{i}"' for i in range(1001))
    text = text.replace(params, f'params = {{ tables = [{tables}], field = "realisasi" }}', 1)
    pack.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--rules", str(pack_dir)])
    assert result.exit_code == 2
    assert "Parameter terlalu besar" in result.output


def test_pack_that_is_not_toml_is_refused(pack_dir: Path) -> None:
    (pack_dir / "rusak.toml").write_text("[pack\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--rules", str(pack_dir)])
    assert result.exit_code == 2
    assert "rusak.toml:1:" in result.output


def test_a_user_rule_can_say_which_reports_it_is_for(pack_dir: Path, tmp_path: Path) -> None:
    pack = pack_dir / "kebijakan-daerah.toml"
    params = 'params = { tables = ["capaian", "analisis_penyebab"], field = "realisasi" }'
    text = pack.read_text(encoding="utf-8")
    pack.write_text(
        text.replace(params, params + '\napplies_to = { tingkat = ["opd"] }', 1), encoding="utf-8"
    )
    report = tmp_path / "laporan.toml"
    partial = REPORT.replace("[laporan]\n", '[laporan]\ncakupan = "sebagian"\n', 1)
    report.write_text(partial, encoding="utf-8")  # a kecamatan's report
    output = run("check", str(report), "--rules", str(pack_dir))[1]
    assert "  USR001  " not in output  # the slip it would find is not reported
    assert "; USR001 (tidak berlaku untuk kecamatan)." in output
    output = run("explain", "USR001", "--rules", str(pack_dir))[1]
    assert "Berlaku untuk: unit: perangkat daerah" in output


@pytest.mark.parametrize(
    ("applies_to", "words"),
    [
        ('{ jenis = ["LKJIP"] }', "'LKJIP' tidak dikenal untuk applies_to.jenis"),
        ('{ tingkat = ["polres"] }', "'polres' tidak dikenal untuk applies_to.tingkat"),
        ('{ cakupan = ["semua"] }', "'semua' tidak dikenal untuk applies_to.cakupan"),
        ('{ unit = ["opd"] }', "applies_to"),
        ("{}", "applies_to"),
    ],
)
def test_applies_to_names_only_values_the_report_schema_knows(
    pack_dir: Path, applies_to: str, words: str
) -> None:
    pack = pack_dir / "kebijakan-daerah.toml"
    params = 'params = { tables = ["capaian", "analisis_penyebab"], field = "realisasi" }'
    text = pack.read_text(encoding="utf-8")
    pack.write_text(
        text.replace(params, f"{params}\napplies_to = {applies_to}", 1), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["rules", "--rules", str(pack)])
    assert result.exit_code == 2
    assert f"{pack}:19:" in result.output
    assert words in result.output


def test_rules_as_json_say_which_reports_each_rule_is_for() -> None:
    import json

    code, output = run("rules", "--format", "json")
    assert code == 0
    by_id = {rule["id"]: rule for rule in json.loads(output)}
    assert by_id["ANG001"]["applies_to"] is None
    assert by_id["LKP004"]["applies_to"] == {"jenis": ["LKjIP", "LKj"], "cakupan": ["lengkap"]}
    assert "instansi_vertikal" not in by_id["LKP006"]["applies_to"]["tingkat"]
