"""Hand-broken reports: each gives exactly one clear, positioned finding and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.cli import main

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"

# file, rule, pointer, line, column, words the Indonesian message must contain
CASES = [
    ("wrong-type.toml", "SCHEMA001", "/laporan/tahun_anggaran", 5, 18, "bilangan bulat"),
    ("wrong-type.json", "SCHEMA001", "/laporan/tahun_anggaran", 5, 23, "bilangan bulat"),
    ("missing-required.toml", "SCHEMA002", "/indikator/0", 35, 1, "`nama`"),
    ("unknown-key.toml", "SCHEMA003", "/tabel/capaian/baris/0/sumber_dat", 72, 1, "sumber_data"),
    ("duplicate-key.json", "LOAD004", "/indikator/0/iku", 43, 7, '"iku"'),
    ("duplicate-key.toml", "LOAD003", "", 42, 1, "kunci ganda"),
    ("nan.json", "LOAD005", "/tabel/capaian/baris/0/capaian", 80, 22, "NaN"),
    ("nan.toml", "LOAD005", "/tabel/capaian/baris/0/capaian", 70, 11, "nan"),
    ("invalid-utf8.toml", "LOAD002", "", 9, 23, "UTF-8"),
    ("invalid-utf8.json", "LOAD002", "", 8, 30, "UTF-8"),
    ("utf16.toml", "LOAD002", "", 1, 1, "UTF-16"),
    ("truncated.toml", "LOAD003", "", 70, 19, "terpotong"),
    ("truncated.json", "LOAD003", "", 80, 11, "terpotong"),
    ("malformed-date.toml", "SCHEMA005", "/penandatangan/0/tanggal", 18, 11, "tanggal"),
    ("malformed-date-native.toml", "LOAD003", "", 18, 11, "tanggal"),
    (
        "negative-anggaran.toml",
        "SCHEMA006",
        "/tabel/realisasi_anggaran/baris/0/anggaran",
        83,
        12,
        "negatif",
    ),
    ("text-in-number.toml", "LOAD008", "/tabel/capaian/baris/0/realisasi", 69, 13, "tulis: 82.00"),
    ("invalid-choice.toml", "SCHEMA004", "/indikator/0/polaritas", 39, 13, '"negatif"'),
    ("bad-year-key.toml", "SCHEMA005", "/tabel/iku/baris/0/target/2O26", 50, 26, "tahun"),
    ("unsupported-version.toml", "SCHEMA008", "/versi_skema", 1, 15, '"2.0"'),
    ("root-array.json", "SCHEMA001", "", 1, 1, "tingkat teratas"),
]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.mark.parametrize(("name", "rule", "pointer", "line", "column", "words"), CASES)
def test_one_positioned_finding(
    name: str, rule: str, pointer: str, line: int, column: int, words: str
) -> None:
    code, output = _run("check", str(BROKEN / name), "--format", "json")
    assert code == 1
    document = json.loads(output)
    assert len(document["findings"]) == 1, document["findings"]
    finding = document["findings"][0]
    assert (finding["rule"], finding["line"], finding["column"]) == (rule, line, column)
    assert finding["pointer"] == pointer
    assert words in finding["message"] + " " + (finding["hint"] or "")
    assert finding["severity"] == "error"
    assert finding["file"].endswith(name)


@pytest.mark.parametrize("name", [case[0] for case in CASES])
def test_console_names_the_place_and_has_no_traceback(name: str) -> None:
    code, output = _run("check", str(BROKEN / name))
    assert code == 1
    assert "Traceback" not in output
    assert f"{name}:" in output
    assert "1 berkas diperiksa: 1 kesalahan" in output


def test_english_messages_exist_for_every_case() -> None:
    paths = [str(BROKEN / case[0]) for case in CASES]
    code, output = _run("check", *paths, "--format", "json", "--lang", "en")
    assert code == 1
    document = json.loads(output)
    assert len(document["findings"]) == len(CASES)
    for finding in document["findings"]:
        # English text, not the Indonesian default
        english = finding["message"] + " " + (finding["hint"] or "")
        assert not any(w in english for w in (" tidak ", " harus ", "Berkas ", "misalnya"))


def test_broken_files_are_never_modified() -> None:
    before = {p.name: p.read_bytes() for p in BROKEN.iterdir()}
    _run("check", str(BROKEN))
    after = {p.name: p.read_bytes() for p in BROKEN.iterdir()}
    assert before == after
