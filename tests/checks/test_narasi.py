"""The narasi kinds: figures of the text against the tables, and claims."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sakip_validate.checks.narasi.claim import Claim
from sakip_validate.checks.narasi.comparison import Comparison
from sakip_validate.checks.narasi.statement import BESARAN, Statement, agreement, indicator_count
from sakip_validate.domain.numbers import Agreement
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import Hit
from sakip_validate.engine.templates import Percent, Rupiah
from sakip_validate.loading import LoadedDocument, load_path

D = Decimal
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "jatinegara-2021.toml"
ALL = sorted(BESARAN)


def view_of(data: dict[str, Any]) -> ReportView:
    return ReportView(LoadedDocument("test.toml", "toml", "", data).data)


def reference() -> dict[str, Any]:
    return copy.deepcopy(load_path(EXAMPLE).data)


def run(data: dict[str, Any], besaran: list[str] = ALL) -> list[Hit]:
    return list(Statement({"besaran": besaran}).run(view_of(data)))


def claims(data: dict[str, Any]) -> list[Hit]:
    return list(Claim({"jenis": "seluruh_target_tercapai"}).run(view_of(data)))


INDICATORS = [
    {"id": "IKM", "nama": "Nilai IKM", "satuan": "Indeks", "polaritas": "positif", "iku": True},
    {
        "id": "TERTIB",
        "nama": "Persentase desa tertib administrasi",
        "satuan": "Persentase",
        "polaritas": "positif",
        "iku": True,
    },
]


def small(*pernyataan: dict[str, Any], **tables: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "laporan": {"tahun_anggaran": 2021},
        "indikator": copy.deepcopy(INDICATORS),
        "tabel": {
            "capaian": {
                "nomor": "3.2",
                "tahun": 2021,
                "baris": [
                    {
                        "indikator": "IKM",
                        "target": D("80.95"),
                        "realisasi": D("80.90"),
                        "capaian": D("99.93"),
                        "kategori": "Sangat Tinggi",
                    },
                    {
                        "indikator": "TERTIB",
                        "target": D("50.00"),
                        "realisasi": D("45.00"),
                        "capaian": D("90.00"),
                        "kategori": "Tinggi",
                    },
                ],
            },
            "perbandingan_tahun": {
                "nomor": "3.3",
                "baris": [
                    {
                        "indikator": "IKM",
                        "tahun": {
                            "2019": {"target": D("78.89"), "realisasi": D("78.89"), "capaian": 100},
                            "2021": {"target": D("80.95"), "realisasi": D("80.90")},
                        },
                    }
                ],
            },
            "realisasi_anggaran": {
                "nomor": "3.8",
                "tahun": 2021,
                "jumlah": {
                    "anggaran": 1_834_058_000,
                    "realisasi": 1_508_747_079,
                    "persen": D("82.26"),
                },
            },
        },
        "narasi": {"pernyataan": list(pernyataan)},
    }
    data["tabel"].update(tables)
    return data


def said(besaran: str, nilai: Any, **fields: Any) -> dict[str, Any]:
    return {"bab": "3.2", "besaran": besaran, "nilai": nilai, "kutipan": "...", **fields}


# -- agreement ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "table", "expected"),
    [
        (90, D("90.00"), Agreement.EXACT),
        (D("99.9"), D("99.93"), Agreement.EXACT),
        (D("99.9"), D("99.96"), Agreement.TRUNCATED),
        (95, D("90.00"), Agreement.MISMATCH),
        ("N/A", "N/A", Agreement.EXACT),
        ("n/a", "-", Agreement.EXACT),
        (0, "N/A", Agreement.MISMATCH),
        ("N/A", 0, Agreement.MISMATCH),
        ("sangat  tinggi", "Sangat Tinggi", Agreement.EXACT),
        ("Tinggi", "Sangat Tinggi", Agreement.MISMATCH),
        ("sembilan puluh", D("90"), None),
        (90, None, None),
        (True, 1, None),
    ],
)
def test_agreement(stated: Any, table: Any, expected: Agreement | None) -> None:
    assert agreement(stated, table) is expected


# -- Statement on the reference report --------------------------------------------------------


def test_reference_report_only_the_indicator_count_differs() -> None:
    hits = run(reference())
    assert [(h.outcome, h.pointer, h.printed, h.expected, h.table) for h in hits] == [
        ("mismatch", "/narasi/pernyataan/3/nilai", 3, 4, "iku")
    ]
    assert hits[0].values["bab"] == "3.2"


def test_reference_report_bab_iv_figures_agree_and_2018_is_skipped() -> None:
    data = reference()
    for item in data["narasi"]["pernyataan"]:
        if item["bab"] == "4" or item.get("tahun") == 2018:
            item["nilai"] = D("1") if item["besaran"] != "kategori" else "Rendah"
    changed = {h.pointer for h in run(data)}
    bab_iv = {
        f"/narasi/pernyataan/{i}/nilai"
        for i, item in enumerate(data["narasi"]["pernyataan"])
        if item["bab"] == "4"
    }
    # every Bab IV figure is compared (and now differs); the 2018 ones have no table
    assert bab_iv <= changed
    assert "/narasi/pernyataan/0/nilai" not in changed
    assert "/narasi/pernyataan/1/nilai" not in changed


# -- Statement outcomes -------------------------------------------------------------------------


def test_indicator_count_from_the_iku_flags() -> None:
    data = small(said("jumlah_indikator", 2))
    assert indicator_count(view_of(data)) == 2
    data["indikator"][1]["iku"] = False
    assert indicator_count(view_of(data)) == 1
    assert [h.expected for h in run(data)] == [1]


def test_indicator_count_falls_back_to_the_tables() -> None:
    data = small(said("jumlah_indikator", 2))
    del data["indikator"]
    assert indicator_count(view_of(data)) == 2
    assert run(data) == []
    data["tabel"] = {}
    assert indicator_count(view_of(data)) is None
    assert run(data) == []


def test_capaian_at_the_printed_precision_of_the_text() -> None:
    assert run(small(said("capaian", 90, indikator="TERTIB", tahun=2021))) == []
    hits = run(small(said("capaian", 95, indikator="TERTIB", tahun=2021)))
    assert [(h.outcome, h.table, h.values["printed"], h.values["expected"]) for h in hits] == [
        ("mismatch", "capaian", Percent(95), Percent(D("90.00")))
    ]


def test_truncated_figure_in_the_text() -> None:
    hits = run(small(said("capaian", D("99.9"), indikator="IKM")))
    assert hits == []
    hits = run(small(said("realisasi", D("80.8"), indikator="IKM")))
    assert [h.outcome for h in hits] == ["mismatch"]
    data = small(said("capaian", D("99.9"), indikator="IKM"))
    data["tabel"]["capaian"]["baris"][0]["capaian"] = D("99.96")
    hits = run(data)
    assert [(h.outcome, h.expected, h.values["dibulatkan"]) for h in hits] == [
        ("truncated", D("100.0"), Percent(D("100.0")))
    ]


def test_index_shown_without_percent_sign() -> None:
    hits = run(small(said("realisasi", D("80.80"), indikator="IKM")))
    assert hits[0].values["printed"] == D("80.80")
    hits = run(small(said("target", 55, indikator="TERTIB")))
    assert hits[0].values["expected"] == Percent(D("50.00"))


def test_year_defaults_to_the_report_year() -> None:
    hits = run(small(said("target", D("80.90"), indikator="IKM")))
    assert [(h.table, h.values["tahun"]) for h in hits] == [("capaian", 2021)]


def test_earlier_years_from_tabel_3_3() -> None:
    assert run(small(said("realisasi", D("78.89"), indikator="IKM", tahun=2019))) == []
    hits = run(small(said("realisasi", D("78.51"), indikator="IKM", tahun=2019)))
    assert [(h.table, h.pointer) for h in hits] == [
        ("perbandingan_tahun", "/narasi/pernyataan/0/nilai")
    ]


def test_empty_cell_in_tabel_3_2_falls_back_to_tabel_3_3() -> None:
    data = small(said("capaian", 100, indikator="IKM", tahun=2019))
    assert run(data) == []
    data = small(said("realisasi", D("80.90"), indikator="IKM"))
    del data["tabel"]["capaian"]["baris"][0]["realisasi"]
    assert run(data) == []  # Tabel 3.3 2021 realisasi 80,90


def test_later_target_from_tabel_2_1() -> None:
    iku = {
        "nomor": "2.1",
        "baris": [{"indikator": "IKM", "target": {"2021": D("80.95"), "2022": D("82.20")}}],
    }
    assert run(small(said("target", D("82.20"), indikator="IKM", tahun=2022), iku=iku)) == []
    hits = run(small(said("target", D("82.00"), indikator="IKM", tahun=2022), iku=iku))
    # one table and the text, and no row that adds up: nothing says which is right
    assert [(h.outcome, h.table, h.expected) for h in hits] == [("differs", "iku", None)]
    assert hits[0].values["places"].id == "Tabel 2.1: 82,20"
    assert run(small(said("realisasi", D("82.00"), indikator="IKM", tahun=2022), iku=iku)) == []


def test_year_without_table_is_skipped() -> None:
    assert run(small(said("realisasi", D("78.51"), indikator="IKM", tahun=2018))) == []


def test_kategori_ignores_case_and_compares_words() -> None:
    assert run(small(said("kategori", "sangat tinggi", indikator="IKM"))) == []
    hits = run(small(said("kategori", "Tinggi", indikator="IKM")))
    assert [(h.printed, h.expected) for h in hits] == [("Tinggi", "Sangat Tinggi")]


def test_kategori_only_from_tabel_3_2() -> None:
    assert run(small(said("kategori", "Rendah", indikator="IKM", tahun=2019))) == []


def test_na_in_text_and_table() -> None:
    data = small(said("capaian", "N/A", indikator="IKM"))
    assert [h.outcome for h in run(data)] == ["mismatch"]
    data["tabel"]["capaian"]["baris"][0]["capaian"] = "N/A"
    assert run(data) == []


PROGRAMS = {
    "nomor": "3.8",
    "tahun": 2021,
    "baris": [
        {"kode": "1", "tingkat": "program", "anggaran": 1_000_000_000, "realisasi": 900_000_000},
        {"kode": "2", "tingkat": "program", "anggaran": 834_058_000, "realisasi": 608_747_079},
    ],
    "jumlah": {"anggaran": 1_834_058_000, "realisasi": 1_508_747_079, "persen": D("82.26")},
}


def test_budget_figures_against_the_jumlah_row() -> None:
    ok = small(
        said("pagu_anggaran", 1_834_058_000, bab="4"),
        said("realisasi_anggaran", 1_508_747_079, bab="4"),
        said("persen_realisasi_anggaran", D("82.26"), bab="4"),
        said("persen_realisasi_anggaran", D("82.3"), bab="4"),
        realisasi_anggaran=copy.deepcopy(PROGRAMS),
    )
    assert run(ok) == []
    wrong = small(
        said("pagu_anggaran", 1_843_058_000, bab="4"),
        said("realisasi_anggaran", 1_508_747_080, bab="4", tahun=2021),
        said("persen_realisasi_anggaran", D("82.2"), bab="4"),
        realisasi_anggaran=copy.deepcopy(PROGRAMS),
    )
    hits = run(wrong)
    assert [(h.outcome, h.table, h.values["row"]) for h in hits] == [
        ("mismatch", "realisasi_anggaran", "JUMLAH"),
        ("mismatch", "realisasi_anggaran", "JUMLAH"),
        ("truncated", "realisasi_anggaran", "JUMLAH"),
    ]
    assert hits[0].values["printed"] == Rupiah(1_843_058_000)
    assert hits[0].values["expected"] == Rupiah(1_834_058_000)
    assert hits[0].values["other_table"].id == (
        "baris JUMLAH Tabel 3.8 dan jumlah baris program Tabel 3.8"
    )


def test_a_wrong_jumlah_row_does_not_blame_the_correct_text() -> None:
    data = small(
        said("pagu_anggaran", 1_834_058_000, bab="4"),
        said("persen_realisasi_anggaran", D("82.26"), bab="4"),
        realisasi_anggaran=copy.deepcopy(PROGRAMS),
    )
    data["tabel"]["realisasi_anggaran"]["jumlah"]["anggaran"] = 1_843_058_000  # a typo
    data["tabel"]["realisasi_anggaran"]["jumlah"]["persen"] = D("81.86")  # from the typo
    # the program rows add up to what the text says (pagu, and R ÷ A = 82,26%): the
    # table's JUMLAH row is the budget rules' finding, not the text's
    assert run(data) == []
    del data["tabel"]["realisasi_anggaran"]["baris"]
    # without the program rows nothing backs the text against the JUMLAH row
    assert [h.outcome for h in run(data)] == ["differs", "mismatch"]


def test_budget_text_against_a_jumlah_row_alone_names_both() -> None:
    hits = run(small(said("pagu_anggaran", 1_843_058_000, bab="4")))
    assert [(h.outcome, h.expected) for h in hits] == [("differs", None)]
    assert hits[0].values["places"].id == "baris JUMLAH Tabel 3.8: Rp1.834.058.000"


def test_a_wrong_kategori_in_the_table_does_not_blame_the_correct_text() -> None:
    data = small(said("kategori", "Sangat Tinggi", indikator="IKM"))
    data["tabel"]["capaian"]["baris"][0]["kategori"] = "Tinggi"  # 99,93% is Sangat Tinggi
    assert run(data) == []  # KAT001 reports the table
    data = small(said("kategori", "Tinggi", indikator="IKM"))
    hits = run(data)
    assert [(h.outcome, h.expected) for h in hits] == [("mismatch", "Sangat Tinggi")]
    assert "skala yang berlaku untuk capaian 99,93%" in hits[0].values["other_table"].id


def test_text_sides_with_the_majority_of_tables() -> None:
    # Tabel 3.2 has a typo (80,09); Tabel 3.3 and the text say 80,90: the text is right
    data = small(said("realisasi", D("80.90"), indikator="IKM"))
    data["tabel"]["capaian"]["baris"][0]["realisasi"] = D("80.09")
    assert run(data) == []


def test_budget_of_another_year_or_without_jumlah_row_is_skipped() -> None:
    assert run(small(said("pagu_anggaran", 1, tahun=2020))) == []
    data = small(said("pagu_anggaran", 1))
    del data["tabel"]["realisasi_anggaran"]["jumlah"]
    assert run(data) == []


def test_the_jumlah_row_of_a_revenue_table_is_no_pagu() -> None:
    data = small(said("pagu_anggaran", 1))
    assert run(data) != []
    data["tabel"]["realisasi_anggaran"]["jenis_anggaran"] = "pendapatan"
    assert run(data) == []


def test_besaran_filter() -> None:
    data = small(said("pagu_anggaran", 1), said("capaian", 1, indikator="IKM"))
    assert [h.values["besaran"] for h in run(data, ["capaian"])] == ["capaian"]
    assert [h.values["besaran"] for h in run(data, ["pagu_anggaran"])] == ["pagu anggaran"]


@pytest.mark.parametrize(
    "pernyataan",
    [
        None,
        "text",
        [1, None, "x", {}],
        [{"besaran": "capaian", "nilai": 90}],
        [{"besaran": "capaian", "nilai": 90, "indikator": "UNKNOWN"}],
        [{"besaran": "capaian", "nilai": "sembilan puluh", "indikator": "IKM"}],
        [{"besaran": "capaian", "nilai": 90, "indikator": ["IKM"], "tahun": "2021"}],
        [{"besaran": "pagu_anggaran", "nilai": "banyak", "tahun": True}],
        [{"besaran": "lainnya", "nilai": 1}],
        [{"besaran": "jumlah_indikator", "nilai": "empat"}],
    ],
)
def test_malformed_statements_are_skipped(pernyataan: Any) -> None:
    data = small()
    data["narasi"] = {"pernyataan": pernyataan}
    assert run(data) == []


def test_malformed_tables_are_skipped() -> None:
    data = small(said("pagu_anggaran", 1), said("capaian", 1, indikator="IKM"))
    data["tabel"] = {"capaian": "x", "realisasi_anggaran": {"jumlah": [1]}}
    data["indikator"] = "x"
    assert run(data) == []
    assert claims(data) == []


# -- Claim --------------------------------------------------------------------------------


def test_reference_report_claim_is_contradicted() -> None:
    hits = claims(reference())
    assert len(hits) == 1
    hit = hits[0]
    assert hit.pointer == "/narasi/klaim/0/jenis"
    assert hit.values["indikator"] == [
        "Laju Peningkatan Nilai IKM Kecamatan",
        "Peningkatan persentase desa yang tertib administrasi",
        "Peningkatan Persentase desa mandiri",
    ]
    assert hit.values["capaian"] == [Percent(D("99.93")), Percent(D("90.00")), "N/A"]
    assert hit.values["bab"] == "4"


def claim_data(*rows: dict[str, Any]) -> dict[str, Any]:
    data = small()
    data["indikator"].append(
        {"id": "NEG", "nama": "Angka kemiskinan", "satuan": "Persen", "polaritas": "negatif"}
    )
    data["tabel"]["capaian"]["baris"] = list(rows)
    data["narasi"]["klaim"] = [
        {"bab": "4", "jenis": "seluruh_target_tercapai", "kutipan": "seluruh target tercapai"}
    ]
    return data


def test_claim_true_when_every_target_reached() -> None:
    data = claim_data(
        {"indikator": "IKM", "target": 80, "realisasi": 81, "capaian": D("101.25")},
        {"indikator": "NEG", "target": 10, "realisasi": 9, "capaian": 110},  # negative: folded
        {"indikator": "TERTIB", "target": 50, "realisasi": 50, "capaian": D("100.00")},
    )
    assert claims(data) == []


def test_claim_with_an_empty_capaian_cell_is_recomputed() -> None:
    data = claim_data(
        {"indikator": "NEG", "target": 10, "realisasi": 9},  # (2*10-9)/10 = 110%
        {"indikator": "TERTIB", "target": 50, "realisasi": 45},
        {"indikator": "IKM", "target": 0, "realisasi": 0},
        {"indikator": "IKM", "target": 80},
    )
    hits = claims(data)
    assert hits[0].values["capaian"] == [Percent(D("90"), 2), "N/A"]
    assert [name for name in hits[0].values["indikator"]] == [
        "Persentase desa tertib administrasi",
        "Nilai IKM",
    ]


def test_no_claim_or_no_table_gives_nothing() -> None:
    data = claim_data({"indikator": "IKM", "capaian": 50})
    data["narasi"]["klaim"] = []
    assert claims(data) == []
    data = claim_data()
    assert claims(data) == []
    data = claim_data({"indikator": "IKM", "capaian": 50})
    data["narasi"]["klaim"][0]["jenis"] = "lainnya"
    assert claims(data) == []


def test_each_claim_is_reported_once() -> None:
    data = claim_data({"indikator": "IKM", "capaian": 50}, {"indikator": "TERTIB", "capaian": "-"})
    data["narasi"]["klaim"].append(dict(data["narasi"]["klaim"][0], bab="1"))
    hits = claims(data)
    assert [(h.pointer, h.values["bab"]) for h in hits] == [
        ("/narasi/klaim/0/jenis", "4"),
        ("/narasi/klaim/1/jenis", "1"),
    ]
    assert hits[0].values["capaian"] == [Percent(50), "-"]


# -- Comparison ---------------------------------------------------------------------------


def comparisons(data: dict[str, Any]) -> list[Hit]:
    return list(Comparison({}).run(view_of(data)))


def compared(*items: dict[str, Any], standar: Any = None) -> dict[str, Any]:
    """TERTIB: 30,00 (2019), 35,00 (2020), 45,00 (2021, Tabel 3.2); IKM 78,89 / 79,70 / 80,90."""
    years = {
        "2019": {"target": D("50.00"), "realisasi": D("30.00")},
        "2020": {"target": D("50.00"), "realisasi": D("35.00")},
    }
    data: dict[str, Any] = {
        "laporan": {"tahun_anggaran": 2021},
        "indikator": copy.deepcopy(INDICATORS),
        "tabel": {
            "capaian": {
                "nomor": "3.2",
                "tahun": 2021,
                "baris": [
                    {"indikator": "TERTIB", "target": D("50.00"), "realisasi": D("45.00")},
                    {"indikator": "IKM", "target": D("80.95"), "realisasi": D("80.90")},
                ],
            },
            "perbandingan_tahun": {
                "nomor": "3.3",
                "baris": [
                    {"indikator": "TERTIB", "tahun": years},
                    {"indikator": "IKM", "tahun": {"2020": {"realisasi": D("79.70")}}},
                ],
            },
        },
        "narasi": {"perbandingan": list(items)},
    }
    if standar is not None:
        row = {"indikator": "TERTIB", "standar": standar}
        data["tabel"]["standar_nasional"] = {"tahun": 2021, "baris": [row]}
    return data


def comparison(kata: str, pembanding: dict[str, Any] | None = None, **fields: Any) -> dict:
    item = {"bab": "3.2", "indikator": "TERTIB", "kata_arah": kata, "kutipan": "..."}
    item["pembanding"] = pembanding if pembanding is not None else {"tahun": 2020}
    item.update(fields)
    return item


@pytest.mark.parametrize(
    ("kata", "wrong"),
    [
        ("naik", False),
        ("meningkat", False),
        ("peningkatan", False),
        ("di_atas", False),
        ("turun", True),
        ("penurunan", True),
        ("di_bawah", True),
        ("sama_dengan", True),
        ("tetap", True),
    ],
)
def test_the_direction_word_must_follow_the_figures(kata: str, wrong: bool) -> None:
    hits = comparisons(compared(comparison(kata)))  # 45,00 in 2021 against 35,00 in 2020
    assert [h.outcome for h in hits] == (["direction"] if wrong else [])
    if wrong:
        assert hits[0].pointer == "/narasi/perbandingan/0/kata_arah"
        assert hits[0].values["arah"].id == "lebih tinggi"


def test_equal_figures_are_the_same_at_any_printed_precision() -> None:
    data = compared(comparison("tetap", {"nilai": D("45")}))
    assert comparisons(data) == []
    data = compared(comparison("naik", {"nilai": D("45")}))
    assert comparisons(data)[0].values["arah"].en == "the same"


def test_benchmarks_target_standard_and_printed_values() -> None:
    below_target = comparison("di_bawah", {"besaran": "target"})  # 45,00 against 50,00
    above_standard = comparison("di_atas", {"besaran": "standar"})
    printed = comparison("lebih_rendah", {"nilai": D("60"), "nama": "rata-rata kabupaten"})
    data = compared(below_target, above_standard, printed, standar=D("40"))
    assert comparisons(data) == []
    data["tabel"]["standar_nasional"]["baris"][0]["standar"] = D("47.5")
    (hit,) = comparisons(data)
    assert hit.pointer == "/narasi/perbandingan/1/kata_arah"
    assert hit.values["acuan"].id == "standar nasional"


def test_a_sentence_printing_its_own_figure_is_judged_on_it() -> None:
    data = compared(comparison("turun", nilai=D("34")))
    assert comparisons(data) == []  # 34 as the sentence prints it, against 35,00 in 2020


@pytest.mark.parametrize(
    ("besar", "satuan", "outcome"),
    [
        (D("10"), "poin", None),
        (D("10.00"), None, None),
        (D("28.57"), "persen", None),
        (D("28.6"), None, None),
        (D("28.5"), "persen", None),  # truncated, not a different figure
        (D("10"), "persen", "points_as_percent"),
        (D("28.57"), "poin", "percent_as_points"),
        (D("12"), "poin", "magnitude"),
        (D("12"), None, "magnitude"),
        (D("29"), "persen", None),
        (D("30"), "persen", "magnitude"),
    ],
)
def test_the_stated_change_is_points_or_percent_and_says_which(
    besar: Decimal, satuan: str | None, outcome: str | None
) -> None:
    fields: dict[str, Any] = {"besar_perubahan": besar}
    if satuan is not None:
        fields["satuan_perubahan"] = satuan
    hits = comparisons(compared(comparison("naik", **fields)))  # 35,00 -> 45,00
    assert [h.outcome for h in hits] == ([outcome] if outcome else [])
    if outcome:
        assert hits[0].pointer == "/narasi/perbandingan/0/besar_perubahan"
        assert hits[0].values["selisih"] == D("10.00")
        assert hits[0].values["perubahan"] == Percent(D("28.57"))


def test_a_penurunan_sebesar_x_percent_of_points_is_its_own_finding() -> None:
    item = comparison("penurunan", {"tahun": 2021}, tahun=2020, besar_perubahan=D("10"))
    item["satuan_perubahan"] = "persen"  # 45,00 -> 35,00: 10 points, 22,22 percent
    (hit,) = comparisons(compared(item))
    assert hit.outcome == "points_as_percent"
    assert hit.expected == D("22.22")


def test_a_wrong_direction_is_not_also_a_wrong_magnitude() -> None:
    item = comparison("turun", besar_perubahan=D("3"), satuan_perubahan="poin")
    assert [h.outcome for h in comparisons(compared(item))] == ["direction"]


def test_figures_no_table_gives_are_unresolved() -> None:
    data = compared(
        comparison("naik", {"tahun": 2018}),
        comparison("naik", tahun=2017),
        comparison("naik", {"besaran": "standar"}),
        comparison("di_atas", {"nama": "rata-rata kabupaten"}),
    )
    hits = comparisons(data)
    assert [(h.outcome, h.pointer) for h in hits] == [
        ("unresolved", "/narasi/perbandingan/0/pembanding"),
        ("unresolved", "/narasi/perbandingan/1/indikator"),
        ("unresolved", "/narasi/perbandingan/2/pembanding"),
        ("unresolved", "/narasi/perbandingan/3/pembanding"),
    ]
    assert hits[3].values["hilang"].id == "angka “rata-rata kabupaten”"


def test_relative_change_from_zero_is_not_computed() -> None:
    item = comparison("naik", {"nilai": D("0")}, besar_perubahan=D("45"), satuan_perubahan="poin")
    assert comparisons(compared(item)) == []
    item["satuan_perubahan"] = "persen"
    (hit,) = comparisons(compared(item))
    assert hit.outcome == "points_as_percent" and hit.expected is None


def test_reference_report_comparisons_agree_with_its_tables() -> None:
    data = reference()
    found = data["narasi"]["perbandingan"]
    assert {item["kata_arah"] for item in found} >= {"peningkatan", "tetap"}
    assert comparisons(data) == []
    turned = copy.deepcopy(data)
    for item in turned["narasi"]["perbandingan"]:
        item["kata_arah"] = "penurunan"
    assert {h.outcome for h in comparisons(turned)} == {"direction"}
