"""The printed-number scanner: what it finds, what it leaves alone, and what it says."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import tomli

from sakip_validate.loading import LoadFailed, load_bytes
from sakip_validate.loading.slips import read_printed, scan, slip_hint, slip_message

# (TOML text, written form found, TOML replacement, JSON replacement)
FOUND = [
    ("capaian = 90,00", "90,00", "90.00", "90.00"),
    ("capaian = 90,5", "90,5", "90.5", "90.5"),
    ("capaian = -5,88", "-5,88", "-5.88", "-5.88"),
    ("anggaran = 1.250.000.000", "1.250.000.000", "1_250_000_000", "1250000000"),
    ("anggaran = 1.250.000,00", "1.250.000,00", "1_250_000.00", "1250000.00"),
    ("anggaran = Rp 1.250.000", "Rp 1.250.000", "1_250_000", "1250000"),
    ("anggaran = Rp. 1.250.000", "Rp. 1.250.000", "1_250_000", "1250000"),
    ("anggaran = Rp1.250.000,-", "Rp1.250.000,-", "1_250_000", "1250000"),
    ("anggaran = Rp 1.250", "Rp 1.250", "1250", "1250"),
    ("anggaran = 1.250.000,-", "1.250.000,-", "1_250_000", "1250000"),
    ("anggaran = 1250000,-", "1250000,-", "1250000", "1250000"),
    ("anggaran = 1_250_000,50", "1_250_000,50", "1_250_000.50", "1250000.50"),
    ("capaian = 90%", "90%", "90", "90"),
    ("capaian = 90,5 %", "90,5 %", "90.5", "90.5"),
    ("capaian = 90.5%", "90.5%", "90.5", "90.5"),
    ("capaian = 98,75 # dari Tabel 3.2", "98,75", "98.75", "98.75"),
    ("capaian = 98,75\r\nx = 1", "98,75", "98.75", "98.75"),
]


@pytest.mark.parametrize(("source", "written", "toml_write", "json_write"), FOUND)
def test_a_printed_number_after_equals_is_found(
    source: str, written: str, toml_write: str, json_write: str
) -> None:
    slips = scan(source, "toml")
    assert len(slips) == 1
    slip = slips[0]
    assert source[slip.start : slip.end] == written
    assert slip.printed.replacement("toml") == toml_write
    assert slip.printed.replacement("json") == json_write
    # What the message says to write means the number the report printed.
    meant = tomli.loads(f"x = {toml_write}", parse_float=Decimal)["x"]
    assert Decimal(meant) == slip.printed.value
    assert json.loads(json_write, parse_float=Decimal) == slip.printed.value


@pytest.mark.parametrize(("source", "written", "toml_write", "json_write"), FOUND)
def test_the_same_number_is_found_in_json(
    source: str, written: str, toml_write: str, json_write: str
) -> None:
    key, value = source.split(" = ", 1)
    value = value.split(" #")[0].split("\r\n")[0]
    text = '{\n  "a": [1, 2],\n  "' + key + '": ' + value + "\n}"
    slips = scan(text, "json")
    assert [text[s.start : s.end] for s in slips] == [written]
    assert slips[0].printed.replacement("json") == json_write


def test_printed_numbers_in_inline_tables_and_arrays_are_found() -> None:
    text = "t = { 2025 = 80,5, 2026 = 81,0 }\nx = { persen = 5,88 }\na = [82,00, 1.250.000, 9%]\n"
    assert [text[s.start : s.end] for s in scan(text, "toml")] == [
        "80,5",
        "81,0",
        "5,88",
        "82,00",
        "1.250.000",
        "9%",
    ]


def test_in_an_array_only_a_comma_that_cannot_separate_is_a_decimal_comma() -> None:
    text = "a = [1.250.000,5, 82,05, 90,5%, 82,5]"
    assert [text[s.start : s.end] for s in scan(text, "toml")] == ["1.250.000,5", "82,05", "90,5%"]


def test_every_printed_number_of_a_file_is_found_in_order() -> None:
    text = 'a = 1\nb = 2,5\n[t]\nc = "x"\nd = Rp 1.000\n[[t.r]]\ne = { f = 3% }\n'
    assert [text[s.start : s.end] for s in scan(text, "toml")] == ["2,5", "Rp 1.000", "3%"]


# Valid TOML that holds commas, dots, Rp and % everywhere but in a number's place.
VALID_TOML = [
    'versi = "1.250.000,00"',
    "versi = '90,00%'",
    'nama = "Rp 1.250.000,-"  # Rp 1.250.000,-',
    "# capaian = 90,00",
    'teks = """\ncapaian = 90,00\n"""',
    "teks = '''\nanggaran = Rp 1.250.000\n'''",
    'teks = """a\\"""\nb = 9,9"""',
    "tanggal = 2021-01-01",
    "waktu = 2021-01-01T07:30:00+07:00",
    "jam = 07:30:00",
    "a.b.c = 1",
    '[tabel."3.2"]\nx = 1',
    "[[tabel.baris]]\nx = 1.250",
    "daftar = [1,2,3]",
    "daftar = [82,5, 83,0]",
    "daftar = [1,-2]",
    "daftar = [0.000,0]",
    "daftar = [1.250,5]",
    "t = { a = 1,b = 2 }",
    "t = {a = 1,5 = 2}",
    "angka = 1_250_000",
    "angka = 1.250",
    "angka = 1e5",
    "angka = -0.5",
    "angka = +7",
    "angka = 0x1F",
    "nilai = inf",
    "2025 = 80.00",
    "1.250.000 = 5",
]


@pytest.mark.parametrize("text", VALID_TOML)
def test_valid_toml_gives_no_slip(text: str) -> None:
    tomli.loads(text)  # the case itself must be valid
    assert scan(text, "toml") == []


VALID_JSON = [
    '{"a": "90,00%", "b": "Rp 1.250.000,-"}',
    '{"a": [82,5, 83,0]}',
    '{"a": [1,-2]}',
    '{"a": [0.000,0]}',
    '{"a": 1.250, "b": -0.5e3}',
    '{"90,5": 1}',
    "[1,2,3]",
    '"Rp 1.000"',
]


@pytest.mark.parametrize("text", VALID_JSON)
def test_valid_json_gives_no_slip(text: str) -> None:
    json.loads(text)
    assert scan(text, "json") == []


@pytest.mark.parametrize(
    "text",
    [
        "x = 2021-01-01,5",  # not a number at all
        "x = 12.5,3",  # two decimal marks: no reading
        "x = 1.2.3",  # not grouped by thousands
        "x = 1.25.000",
        "x = Rupiah 5",
    ],
)
def test_what_is_no_printed_number_is_left_to_the_parser(text: str) -> None:
    assert scan(text, "toml") == []


def test_read_printed_reads_a_quoted_value_whole() -> None:
    printed = read_printed("Rp 1.250.000,-")
    assert printed is not None
    assert printed.marks == ("rupiah", "thousands", "dash")
    assert printed.value == 1250000
    assert read_printed("90.00") is not None and read_printed("90.00").marks == ()  # type: ignore[union-attr]
    assert read_printed("90,00 persen") is None
    assert read_printed("١٢٣,٥") is None  # only ASCII digits are digits of a report


def test_one_dot_group_is_thousands_only_where_whole_rupiah_belong() -> None:
    decimal = read_printed("1.250")
    money = read_printed("1.250", money=True)
    assert decimal is not None and decimal.marks == () and decimal.value == Decimal("1.250")
    assert money is not None and money.marks == ("thousands",) and money.value == 1250


def test_messages_name_each_mark_in_both_languages() -> None:
    printed = read_printed("Rp 1.250.000,00")
    assert printed is not None
    message = slip_message(printed, "toml")
    assert message.id == (
        "Angka ditulis dengan awalan Rp, titik pemisah ribuan dan koma desimal: "
        "tertulis: Rp 1.250.000,00 — tulis: 1_250_000.00."
    )
    assert message.en == (
        "The number is written with an Rp prefix, thousands dots and a decimal comma: "
        "written: Rp 1.250.000,00 — write: 1_250_000.00."
    )
    hint = slip_hint(printed, "json")
    assert hint.id.startswith("Di JSON, ") and "1250000" in hint.id
    assert hint.en.startswith("In JSON, ") and "Rp and ,-" in hint.en


def test_a_quoted_number_is_told_to_lose_its_quotes() -> None:
    printed = read_printed("98,75%")
    assert printed is not None
    message = slip_message(printed, "json", quoted=True)
    assert 'tertulis: "98,75%" — tulis: 98.75 (tanpa tanda kutip)' in message.id
    assert 'written: "98,75%" — write: 98.75 (without quotes)' in message.en


def _failure(text: str, fmt: str) -> LoadFailed:
    with pytest.raises(LoadFailed) as caught:
        load_bytes(text.encode(), f"x.{fmt}", fmt)  # type: ignore[arg-type]
    return caught.value


def test_a_load_failure_lists_every_slip_and_quotes_their_lines() -> None:
    failed = _failure("a = 90,00\nb = 1\nc = 1.250.000\n", "toml")
    assert [(f.rule, f.location.line, f.location.column) for f in failed.findings] == [
        ("LOAD008", 1, 5),
        ("LOAD008", 3, 5),
    ]
    assert failed.finding is failed.findings[0]
    assert failed.lines == {1: "a = 90,00", 3: "c = 1.250.000"}


def test_a_syntax_error_apart_from_the_slips_is_kept() -> None:
    failed = _failure('a = "x\nb = 90,00\n', "toml")
    assert [f.rule for f in failed.findings] == ["LOAD003", "LOAD008"]


def test_a_json_slip_stands_where_the_parser_stopped() -> None:
    failed = _failure('{\n  "capaian": 90,5,\n  "x": 1\n}', "json")
    assert [(f.rule, f.location.line, f.location.column) for f in failed.findings] == [
        ("LOAD008", 2, 14)
    ]
    assert failed.findings[0].expected == "90.5"


def test_a_file_full_of_slips_is_reported_in_bounded_findings() -> None:
    text = "".join(f"a{i} = {i},5\n" for i in range(250))
    failed = _failure(text, "toml")
    assert len(failed.findings) == 100
    assert "150 angka lain" in failed.findings[-1].message.id
    assert "150 more numbers" in failed.findings[-1].message.en
