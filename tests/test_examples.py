"""The transcribed reference report: TOML and JSON hold the same data and fit the schema."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip_validate.loading import load_path
from sakip_validate.schema_check import check_schema

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _exact(value: Any) -> Any:
    # Decimal("50.00") == Decimal("50.0"): compare the written digits too.
    if isinstance(value, dict):
        return {key: _exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_exact(item) for item in value]
    if isinstance(value, Decimal):
        return ("decimal", str(value))
    return (type(value).__name__, value)


def test_toml_and_json_load_to_identical_data() -> None:
    toml = load_path(EXAMPLES / "jatinegara-2021.toml").data
    json = load_path(EXAMPLES / "jatinegara-2021.json").data
    json.pop("$schema")
    assert _exact(toml) == _exact(json)


def test_examples_have_no_schema_finding() -> None:
    for name in ("jatinegara-2021.toml", "jatinegara-2021.json", "jatinegara-2021-corrected.toml"):
        document = load_path(EXAMPLES / name)
        assert check_schema(document) == [], name


def test_example_keeps_printed_precision_and_errors() -> None:
    data = load_path(EXAMPLES / "jatinegara-2021.toml").data
    capaian = {row["indikator"]: row for row in data["tabel"]["capaian"]["baris"]}
    assert str(capaian["IKM"]["capaian"]) == "99.93"
    assert capaian["DESA_MAJU"]["capaian"] == 100
    assert capaian["DESA_MANDIRI"]["capaian"] == "N/A"
    years = {row["indikator"]: row["tahun"] for row in data["tabel"]["perbandingan_tahun"]["baris"]}
    assert str(years["IKM"]["2020"]["capaian"]) == "98.98"  # printed, though 101,03 is right
    budget = data["tabel"]["realisasi_anggaran"]
    assert budget["jumlah"] == {
        "anggaran": 1_834_058_000,
        "realisasi": 1_508_747_079,
        "persen": Decimal("82.26"),
    }
    assert all(isinstance(row["anggaran"], int) for row in budget["baris"])
    assert len(data["narasi"]["distribusi"]) >= 5


def test_example_captures_the_texts_wholes_and_comparisons() -> None:
    data = load_path(EXAMPLES / "jatinegara-2021.toml").data
    (desa,) = data["narasi"]["keseluruhan"]
    assert (desa["id"], desa["jumlah"]) == ("desa", 17)
    shares = {item["id"] for item in data["indikator"] if item.get("bagian_dari") == "desa"}
    assert shares == {"DESA_TERTIB_ADM", "DESA_MANDIRI", "DESA_MAJU"}
    assert all(item["bagian_dari"] == "desa" for item in data["narasi"]["distribusi"])
    words = [(item["indikator"], item["kata_arah"]) for item in data["narasi"]["perbandingan"]]
    assert words == [("IKM", "peningkatan"), ("DESA_MAJU", "tetap")]
    assert "rumus" not in data["tabel"]["efisiensi"]  # the report states no formula


def test_corrected_example_states_what_the_report_left_unsaid() -> None:
    data = load_path(EXAMPLES / "jatinegara-2021-corrected.toml").data
    assert data["tabel"]["efisiensi"]["rumus"] == "kinerja_dibagi_anggaran"
    levels = [row.get("tingkat_efisiensi") for row in data["tabel"]["efisiensi"]["baris"]]
    assert levels == [Decimal("121.43"), Decimal("102.13"), None, None]
    tertib = next(item for item in data["indikator"] if item["id"] == "DESA_TERTIB_ADM")
    assert "bagian_dari" not in tertib  # what its percentage counts is not known
