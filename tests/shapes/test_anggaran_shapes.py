"""Budget tables as real reports print them: heading rows, revenue, excerpts.

Each fixture ``tests/data/shapes/anggaran-*.toml`` says in its header what it shows
and which findings it must give (``#   RULE /pointer`` lines); the run must give
exactly those among the budget, schema and load findings. The other tests change
one declaration of a fixture and show what that declaration decides.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sakip_validate.api import check_bytes, run
from sakip_validate.findings import Finding, Severity
from sakip_validate.loading import load_path
from tests.mutation.mutations import as_json

ROOT = Path(__file__).resolve().parent.parent.parent
SHAPES = ROOT / "tests" / "data" / "shapes"
FIXTURES = sorted(SHAPES.glob("anggaran-*.toml"))
EXPECTED = re.compile(r"^#\s+([A-Z]+\d{3}) (/\S*)$")
# The packs the budget shapes are about; the rest of each fixture is a clean report.
PACKS = {"anggaran", "skema", "berkas"}
BASE = "/tabel/realisasi_anggaran"


def expected(path: Path) -> list[tuple[str, str]]:
    """The (rule, pointer) pairs a fixture's header says it must give."""
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if match := EXPECTED.match(line):
            found.append((match.group(1), match.group(2)))
    return found


def relevant(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.pack in PACKS or f.rule.startswith("INTERNAL")]


def given(findings: list[Finding]) -> list[tuple[str, str]]:
    return sorted((f.rule, f.location.pointer) for f in relevant(findings))


def data_of(name: str) -> dict[str, Any]:
    """A fixture's data as the loader reads it (numbers with their printed digits)."""
    data: dict[str, Any] = load_path(SHAPES / name).data
    return data


def check(data: dict[str, Any]) -> list[Finding]:
    """The findings on ``data`` written as JSON (the same report, another file format)."""
    return check_bytes(as_json(data), "shape.json", "json").findings


def rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = data["tabel"]["realisasi_anggaran"]["baris"]
    return found


def test_there_is_a_fixture_for_every_shape_of_the_issue() -> None:
    names = {path.name for path in FIXTURES}
    assert {
        "anggaran-baris-judul.toml",
        "anggaran-baris-judul-jumlah-tercetak.toml",
        "anggaran-kutipan.toml",
        "anggaran-pendapatan.toml",
        "anggaran-pendapatan-dan-belanja.toml",
    } <= names
    for path in FIXTURES:
        assert expected(path), f"{path.name} does not say what it must give"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.stem)
def test_each_shape_gives_what_its_header_says(path: Path) -> None:
    result = run([str(path)])
    assert given(result.findings) == sorted(expected(path))
    for finding in relevant(result.findings):
        assert finding.message.id and finding.message.en
        assert "{" not in finding.message.id + finding.message.en


# -- heading rows -------------------------------------------------------------------


def test_a_wrong_percentage_on_a_heading_row_is_judged_by_the_sums_of_its_sub_rows() -> None:
    (finding,) = relevant(run([str(SHAPES / "anggaran-baris-judul.toml")]).findings)
    assert finding.rule == "ANG008" and finding.severity is Severity.ERROR
    assert finding.row == "1.1 Kegiatan Administrasi Keuangan Perangkat Daerah"
    assert "Rp74.000.000 (jumlah rinciannya)" in finding.message.id
    assert "Rp80.000.000 (jumlah rinciannya)" in finding.message.id
    assert "Rp80,000,000 (the sum of its sub-rows)" in finding.message.en
    assert (finding.printed, finding.expected) == ("93.00", "92.50")
    assert dict(finding.operands) == {"part": "74000000", "whole": "80000000"}


def test_a_wrong_percentage_on_a_printed_row_under_heading_rows_is_reported() -> None:
    data = data_of("anggaran-baris-judul.toml")
    rows(data)[1]["persen"] = Decimal("92.50")
    rows(data)[2]["persen"] = Decimal("59.50")  # 57.000.000 / 60.000.000 is 95.00%
    assert given(check(data)) == [("ANG008", f"{BASE}/baris/2/persen")]


def test_heading_rows_without_the_planted_error_give_nothing() -> None:
    data = data_of("anggaran-baris-judul.toml")
    rows(data)[1]["persen"] = Decimal("92.50")
    assert given(check(data)) == []
    data = data_of("anggaran-baris-judul-jumlah-tercetak.toml")
    rows(data)[0]["anggaran"] = 100_000_000
    assert given(check(data)) == []


def test_a_printed_total_over_heading_rows_blames_a_printed_figure() -> None:
    data = data_of("anggaran-baris-judul-jumlah-tercetak.toml")
    # A mistyped sub kegiatan beneath heading rows is found through them: the
    # program and the JUMLAH row agree, and the sub kegiatan's own % confirms it.
    rows(data)[0]["anggaran"] = 100_000_000
    rows(data)[2]["anggaran"] = 66_000_000  # printed 95.00% of 60.000.000
    found = relevant(check(data))
    assert [(f.rule, f.location.pointer) for f in found] == [("ANG004", f"{BASE}/baris/2/anggaran")]
    assert found[0].expected == "60000000"


def test_one_amount_without_the_other_is_a_schema_finding() -> None:
    data = data_of("anggaran-baris-judul.toml")
    rows(data)[0]["anggaran"] = 100_000_000
    (finding,) = relevant(check(data))
    assert (finding.rule, finding.location.pointer) == ("SCHEMA002", f"{BASE}/baris/0")
    assert finding.expected == "realisasi"
    assert "`anggaran` diisi" in finding.message.id
    assert finding.hint is not None and "baris judul" in finding.hint.id.lower()


def test_a_heading_row_with_a_printed_percentage_and_no_sub_rows_is_left_alone() -> None:
    data = data_of("anggaran-baris-tanpa-angka.toml")
    rows(data)[2]["persen"] = Decimal("50.00")
    assert given(check(data)) == [("ANG031", f"{BASE}/baris/2")]


# -- revenue ------------------------------------------------------------------------


def test_revenue_declared_as_spending_exceeds_its_budget() -> None:
    data = data_of("anggaran-pendapatan.toml")
    del data["tabel"]["realisasi_anggaran"]["jenis_anggaran"]
    assert given(check(data)) == [
        ("ANG006", f"{BASE}/baris/{index}/realisasi") for index in (0, 1, 4)
    ]


def test_revenue_above_target_is_information_said_once_per_subtree() -> None:
    findings = relevant(run([str(SHAPES / "anggaran-pendapatan.toml")]).findings)
    assert {f.severity for f in findings} == {Severity.INFO}
    assert [f.row for f in findings] == ["4.1 Pajak Daerah", "4.2.1 Retribusi Pelayanan Kesehatan"]
    # When the whole table is above target, the JUMLAH row says it once for all.
    data = data_of("anggaran-pendapatan.toml")
    rows(data)[3].update(realisasi=440_000_000, persen=Decimal("110.00"))
    rows(data)[5].update(realisasi=280_000_000, persen=Decimal("112.00"))
    jumlah = data["tabel"]["realisasi_anggaran"]["jumlah"]
    jumlah.update(realisasi=1_000_000_000, persen=Decimal("111.11"))
    assert given(check(data)) == [("ANG029", f"{BASE}/jumlah/realisasi")]


def test_the_jumlah_row_of_a_mixed_table_totals_its_own_jenis_only() -> None:
    data = data_of("anggaran-pendapatan-dan-belanja.toml")
    table = data["tabel"]["realisasi_anggaran"]
    # A JUMLAH row that adds revenue to spending is wrong: revenue is never added in.
    table["jumlah"] = {"anggaran": 110_000_000, "realisasi": 970_200_000}
    assert ("ANG002", f"{BASE}/jumlah/realisasi") in given(check(data))
    # Declared a revenue table with a spending subtree, the JUMLAH row totals revenue.
    table["jenis_anggaran"] = "pendapatan"
    del rows(data)[0]["jenis_anggaran"]
    for row in rows(data)[3:]:
        if "." not in row["kode"]:
            row["jenis_anggaran"] = "belanja"
    table["jumlah"] = {"anggaran": 900_000_000, "realisasi": 870_000_000}
    assert given(check(data)) == [
        ("ANG006", f"{BASE}/baris/6/realisasi"),
        ("ANG029", f"{BASE}/baris/1/realisasi"),
    ]


def test_a_revenue_row_under_a_spending_parent_is_not_part_of_its_sum() -> None:
    data = data_of("anggaran-pendapatan-dan-belanja.toml")
    rows(data).append(
        {
            "kode": "1.3",
            "tingkat": "kegiatan",
            "nama": "Retribusi Pemakaian Aula Kecamatan",
            "jenis_anggaran": "pendapatan",
            "anggaran": 5_000_000,
            "realisasi": 4_000_000,
        }
    )
    assert given(check(data)) == sorted(expected(SHAPES / "anggaran-pendapatan-dan-belanja.toml"))


# -- excerpts -----------------------------------------------------------------------


def test_the_excerpt_declaration_turns_errors_into_warnings() -> None:
    data = data_of("anggaran-kutipan.toml")
    warnings = check(data)
    assert {f.severity for f in relevant(warnings)} == {Severity.WARNING}
    del data["tabel"]["realisasi_anggaran"]["kutipan"]
    errors = relevant(check(data))
    assert {f.severity for f in errors} == {Severity.ERROR}
    assert sorted(f.location.pointer for f in errors) == sorted(
        f.location.pointer for f in relevant(warnings)
    )


def test_an_excerpt_still_checks_its_printed_percentages() -> None:
    data = data_of("anggaran-kutipan.toml")
    rows(data)[1]["persen"] = Decimal("92.00")
    assert ("ANG008", f"{BASE}/baris/1/persen") in given(check(data))


def test_an_excerpt_derives_no_heading_total() -> None:
    data = data_of("anggaran-kutipan.toml")
    # Kegiatan 1.1 as a heading row with a % printed: its sub-rows shown may not be all.
    rows(data)[1] = {k: v for k, v in rows(data)[1].items() if k not in ("anggaran", "realisasi")}
    rows(data)[1]["persen"] = Decimal("10.00")
    pointers = [pointer for _, pointer in given(check(data))]
    assert f"{BASE}/baris/1/persen" not in pointers
    assert not any(rule == "ANG031" for rule, _ in given(check(data)))


def test_shapes_load_from_json_the_same() -> None:
    for path in FIXTURES:
        assert given(check(data_of(path.name))) == sorted(expected(path)), path.name


# -- the schema ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "key", "value", "rule"),
    [
        ("table", "jenis_anggaran", "penerimaan", "SCHEMA004"),
        ("row", "jenis_anggaran", "Pendapatan", "SCHEMA004"),
        ("table", "kutipan", "ya", "SCHEMA001"),
    ],
)
def test_the_declarations_are_checked_by_the_schema(
    where: str, key: str, value: str, rule: str
) -> None:
    data = data_of("anggaran-pendapatan-dan-belanja.toml")
    target = data["tabel"]["realisasi_anggaran"] if where == "table" else rows(data)[3]
    target[key] = value
    pointer = f"{BASE}/{key}" if where == "table" else f"{BASE}/baris/3/{key}"
    assert given(check(data)) == [(rule, pointer)]


def test_the_performance_agreement_table_takes_the_same_declarations() -> None:
    data = data_of("anggaran-baris-judul.toml")
    data["tabel"]["program_pk"] = {
        "nomor": "2.4",
        "jenis_anggaran": "belanja",
        "kutipan": True,
        "baris": [
            {"kode": "1", "tingkat": "program", "nama": "Program Penunjang", "anggaran": 90},
            {"kode": "1.1", "tingkat": "kegiatan", "nama": "Kegiatan A", "anggaran": 80},
            {
                "kode": "4",
                "tingkat": "program",
                "nama": "Pendapatan",
                "jenis_anggaran": "pendapatan",
            },
        ],
    }
    rows(data)[1]["persen"] = Decimal("92.50")
    # 2.4 is an excerpt: program 1 above its kegiatan shown is a warning; and its 90
    # against 3.8's heading row (the sum of its sub-rows, 100.000.000) is an error.
    assert given(check(data)) == [
        ("ANG017", "/tabel/program_pk/baris/0/anggaran"),
        ("ANG017", "/tabel/program_pk/baris/1/anggaran"),
        ("ANG030", "/tabel/program_pk/baris/0/anggaran"),
    ]
