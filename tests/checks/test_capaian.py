"""The capaian kind: printed capaian recomputed from target and realisasi, with polarity."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.checks.capaian.formula import Capaian, shown_exact
from sakip_validate.checks.capaian.totals import ColumnTotal
from sakip_validate.domain.numbers import (
    Agreement,
    capaian,
    compare_printed,
    difference,
    inverted_capaian,
    mean,
    round_half_up,
    truncate,
)
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import Hit
from sakip_validate.engine.packs import _load_pack
from sakip_validate.engine.runner import run_rules
from sakip_validate.loading import LoadedDocument, load_bytes, load_path
from sakip_validate.loading.pointers import split_pointer

D = Decimal
ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "examples" / "jatinegara-2021.toml"
TABLES = ("capaian", "perbandingan_tahun", "analisis_penyebab", "efisiensi")

IKM = """
[[indikator]]
id = "IKM"
nama = "Nilai IKM"
satuan = "Indeks"
polaritas = "positif"

[[indikator]]
id = "MISKIN"
nama = "Persentase penduduk miskin"
satuan = "Persentase"
polaritas = "negatif"
"""


def view_of(text: str) -> ReportView:
    return ReportView(load_bytes(text.encode(), "t.toml", "toml").data)


def hits(text: str, table: str = "capaian", **params: str) -> list[Hit]:
    return list(Capaian({"table": table, **params}).run(view_of(text)))


def row(target: str, realisasi: str, printed: str, indikator: str = "IKM") -> str:
    return (
        IKM
        + f"""
[tabel.capaian]
nomor = "3.2"
tahun = 2021

[[tabel.capaian.baris]]
indikator = "{indikator}"
target = {target}
realisasi = {realisasi}
capaian = {printed}
"""
    )


# -- the reference report ------------------------------------------------------------


def test_reference_report_outcomes() -> None:
    view = ReportView(load_path(REFERENCE).data)
    found = [
        (hit.outcome, hit.pointer, hit.printed, hit.expected)
        for table in TABLES
        for hit in Capaian({"table": table}).run(view)
    ]
    assert found == [
        ("truncated", "/tabel/capaian/baris/0/capaian", Decimal("99.93"), Decimal("99.94")),
        (
            "inverted",
            "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian",
            Decimal("98.98"),
            Decimal("101.03"),
        ),
        (
            "truncated",
            "/tabel/perbandingan_tahun/baris/0/tahun/2021/capaian",
            Decimal("99.93"),
            Decimal("99.94"),
        ),
        (
            "truncated",
            "/tabel/analisis_penyebab/baris/0/capaian",
            Decimal("99.93"),
            Decimal("99.94"),
        ),
        ("truncated", "/tabel/efisiensi/baris/0/capaian", Decimal("99.93"), Decimal("99.94")),
    ]


def test_reference_arithmetic_is_what_the_findings_say() -> None:
    # IKM 2020: R/T = 101.03 does not print as 98.98, T/R = 98.98 does.
    t, r = Decimal("78.89"), Decimal("79.70")
    assert round_half_up(capaian(t, r, "positif"), 2) == Decimal("101.03")  # type: ignore[arg-type]
    assert round_half_up(inverted_capaian(t, r), 2) == Decimal("98.98")  # type: ignore[arg-type]
    # IKM 2021: 99.938... rounds to 99.94; 99.93 is the truncation.
    exact = capaian(Decimal("80.95"), Decimal("80.90"), "positif")
    assert exact is not None
    assert compare_printed(Decimal("99.93"), exact) is Agreement.TRUNCATED


def test_rules_on_reference_report() -> None:
    problems: list[Any] = []
    pack = _load_pack(ROOT / "rules" / "capaian.toml", problems)
    assert pack is not None and not problems
    findings = run_rules(load_path(REFERENCE), pack.rules)
    assert [(f.rule, f.location.pointer) for f in findings] == [
        ("CAP002", "/tabel/capaian/baris/0/capaian"),
        ("CAP006", "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian"),
        ("CAP005", "/tabel/perbandingan_tahun/baris/0/tahun/2021/capaian"),
        ("CAP008", "/tabel/analisis_penyebab/baris/0/capaian"),
        ("CAP011", "/tabel/efisiensi/baris/0/capaian"),
    ]
    inverted = findings[1]
    assert "98,98%" in inverted.message.id and "101,03%" in inverted.message.id
    assert "terbalik" in inverted.message.id and "inverted" in inverted.message.en
    assert inverted.printed == "98.98" and inverted.expected == "101.03"


def test_findings_name_the_target_and_realisasi_they_recompute_from() -> None:
    problems: list[Any] = []
    pack = _load_pack(ROOT / "rules" / "capaian.toml", problems)
    assert pack is not None and not problems
    document = load_path(REFERENCE)
    findings = run_rules(document, pack.rules)
    assert findings
    for finding in findings:
        row: Any = document.data
        for token in split_pointer(finding.location.pointer)[:-1]:
            row = row[int(token)] if isinstance(row, list) else row[token]
        assert finding.operands == (
            ("target", str(row["target"])),
            ("realisasi", str(row["realisasi"])),
        )
    assert findings[1].operands == (("target", "78.89"), ("realisasi", "79.70"))


def test_corrected_reference_gives_no_capaian_finding() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    text = text.replace("capaian = 99.93", "capaian = 99.94").replace(
        "capaian = 98.98", "capaian = 101.03"
    )
    problems: list[Any] = []
    pack = _load_pack(ROOT / "rules" / "capaian.toml", problems)
    assert pack is not None
    assert run_rules(load_bytes(text.encode(), "fixed.toml", "toml"), pack.rules) == []


# -- outcomes --------------------------------------------------------------------------


def test_exact_rounding_gives_nothing() -> None:
    assert hits(row("80.95", "80.90", "99.94")) == []
    assert hits(row("80.95", "80.90", "100")) == []  # printed without decimals: 99.9 → 100
    assert hits(row("50.00", "45.00", "90.00")) == []


def test_truncated() -> None:
    [hit] = hits(row("80.95", "80.90", "99.93"))
    assert hit.outcome == "truncated"
    assert hit.values["exact"].value == Decimal("99.9382")
    assert hit.values["expected"].value == Decimal("99.94")
    assert hit.values["target"] == Decimal("80.95")
    assert hit.values["formula"] == "realisasi ÷ target × 100"


def test_mismatch() -> None:
    [hit] = hits(row("80.95", "80.90", "98.50"))
    assert hit.outcome == "mismatch"
    assert "inverted" not in hit.values
    assert hit.expected == Decimal("99.94")


def test_inverted() -> None:
    [hit] = hits(row("78.89", "79.70", "98.98"))
    assert hit.outcome == "inverted"
    assert hit.values["inverted"].value == Decimal("98.9836")
    assert hit.expected == Decimal("101.03")


def test_inverted_also_when_the_inverse_was_truncated() -> None:
    # T/R = 98.98368... truncated to 1 place is 98.9 (rounded would be 99.0)
    [hit] = hits(row("78.89", "79.70", "98.9"))
    assert hit.outcome == "inverted"


def test_negative_polarity() -> None:
    # (2T − R)/T × 100 = (20 − 8)/10 × 100 = 120
    assert hits(row("10.00", "8.00", "120.00", "MISKIN")) == []
    [hit] = hits(row("10.00", "8.00", "80.00", "MISKIN"))  # R/T: polarity ignored
    assert hit.outcome == "mismatch"
    assert hit.values["formula"] == "(2 × target − realisasi) ÷ target × 100"
    [hit] = hits(row("10.00", "8.00", "125.00", "MISKIN"))  # T/R
    assert hit.outcome == "inverted"
    assert hits(row("10", "25", "-50", "MISKIN")) == []  # below zero is still arithmetic


def test_unknown_indicator_is_positive() -> None:
    assert hits(row("50", "45", "90", "TIDAK_ADA")) == []


@pytest.mark.parametrize(
    ("target", "realisasi", "printed"),
    [
        ("0", "0", "0"),  # target 0: another rule
        ("0.00", "5", "100"),
        ('"N/A"', "5", "100"),
        ("50", '"N/A"', "90"),
        ("50", "45", '"N/A"'),
        ("50", "45", '"-"'),
        ("50", "45", '"sembilan puluh"'),  # text where a number belongs
        ("50", "true", "90"),
    ],
)
def test_skipped_cells(target: str, realisasi: str, printed: str) -> None:
    assert hits(row(target, realisasi, printed)) == []


def test_missing_cells_tables_and_malformed_rows() -> None:
    assert hits(IKM) == []
    text = (
        IKM
        + """
[tabel.capaian]
baris = [
  "not a row",
  { indikator = "IKM", target = 50 },
  { target = 50, realisasi = 45, capaian = 80 },
]
"""
    )
    # the row without an indikator is still judged (positive by default)
    [hit] = hits(text)
    assert hit.pointer == "/tabel/capaian/baris/2/capaian"
    assert hits('tabel = "x"') == []
    assert hits("[tabel.capaian]\nbaris = 3\n") == []


def test_bad_polarity_is_skipped() -> None:
    text = row("50", "45", "80").replace('polaritas = "positif"', 'polaritas = "naik"')
    assert hits(text) == []


def test_every_year_of_the_comparison_table() -> None:
    text = (
        IKM
        + """
[[tabel.perbandingan_tahun.baris]]
indikator = "IKM"
tahun.2019 = { target = 78.89, realisasi = 78.89, capaian = 100 }
tahun.2020 = { target = 78.89, realisasi = 79.70, capaian = 98.98 }
tahun.2021 = { target = 80.95, realisasi = 80.90, capaian = 99.93 }
tahun.2022 = "N/A"
"""
    )
    found = [(h.outcome, h.values["tahun"]) for h in hits(text, "perbandingan_tahun")]
    assert found == [("inverted", 2020), ("truncated", 2021)]


def test_field_names_are_parameters() -> None:
    text = (
        IKM
        + """
[[tabel.target_akhir_renstra.baris]]
indikator = "IKM"
realisasi = 80.90
target_akhir = 84.20
capaian = 96.07
"""
    )
    [hit] = hits(text, "target_akhir_renstra", target="target_akhir")
    assert hit.outcome == "mismatch"  # 80.90/84.20 = 96.0807...: 96.08 either way, not 96.07
    assert hit.pointer == "/tabel/target_akhir_renstra/baris/0/capaian"


def test_problems_name_unknown_tables_and_fields() -> None:
    assert Capaian({"table": "capaian"}).problems() == []
    assert Capaian({"table": "capaian", "target": "tidak_ada"}).problems()
    assert Capaian({"table": "nope"}).problems()


def test_shown_exact() -> None:
    assert shown_exact(Decimal("99.938233"), 2) == Decimal("99.9382")
    assert shown_exact(Decimal("90"), 2) == Decimal("90.00")
    assert shown_exact(Decimal("120"), 0) == Decimal("120")
    assert shown_exact(Decimal("99.934999"), 2) == Decimal("99.9349")  # cut, never rounded up


# -- properties ------------------------------------------------------------------------

OPERAND = st.decimals(
    min_value=Decimal("-100000"),
    max_value=Decimal("100000"),
    allow_nan=False,
    allow_infinity=False,
    places=3,
)
POLARITY = st.sampled_from(["positif", "negatif"])
PLACES = st.integers(min_value=0, max_value=4)


def judge(target: Decimal, realisasi: Decimal, printed: Decimal, polarity: str) -> list[Hit]:
    data = {
        "indikator": [{"id": "X", "nama": "X", "satuan": "%", "polaritas": polarity}],
        "tabel": {
            "capaian": {
                "tahun": 2021,
                "baris": [
                    {"indikator": "X", "target": target, "realisasi": realisasi, "capaian": printed}
                ],
            }
        },
    }
    view = ReportView(LoadedDocument("p.toml", "toml", "", data).data)
    return list(Capaian({"table": "capaian"}).run(view))


@settings(max_examples=300)
@given(OPERAND.filter(lambda t: t != 0), OPERAND, PLACES, POLARITY)
def test_rounded_half_up_is_never_flagged(
    target: Decimal, realisasi: Decimal, places: int, polarity: str
) -> None:
    exact = capaian(target, realisasi, polarity)  # type: ignore[arg-type]
    assert exact is not None
    assert judge(target, realisasi, round_half_up(exact, places), polarity) == []


@settings(max_examples=300)
@given(OPERAND.filter(lambda t: t != 0), OPERAND, PLACES, POLARITY)
def test_truncated_is_at_most_a_truncation_warning(
    target: Decimal, realisasi: Decimal, places: int, polarity: str
) -> None:
    exact = capaian(target, realisasi, polarity)  # type: ignore[arg-type]
    assert exact is not None
    found = judge(target, realisasi, truncate(exact, places), polarity)
    assert [h.outcome for h in found] in ([], ["truncated"])


@settings(max_examples=300)
@given(
    OPERAND.filter(lambda t: t != 0),
    OPERAND,
    PLACES,
    POLARITY,
    st.integers(min_value=-50, max_value=50).filter(lambda k: k != 0),
)
def test_off_by_a_unit_is_a_mismatch_or_an_inversion(
    target: Decimal, realisasi: Decimal, places: int, polarity: str, units: int
) -> None:
    exact = capaian(target, realisasi, polarity)  # type: ignore[arg-type]
    assert exact is not None
    rounded = round_half_up(exact, places)
    printed = rounded + units * Decimal((0, (1,), -places))
    printed = round_half_up(printed, places)  # keep exactly `places` decimals
    if printed == truncate(exact, places):
        return  # one unit below the rounding can be the truncation: covered above
    [hit] = judge(target, realisasi, printed, polarity)
    inverse = inverted_capaian(target, realisasi)
    fits_inverse = (
        inverse is not None and compare_printed(printed, inverse) is not Agreement.MISMATCH
    )
    assert hit.outcome == ("inverted" if fits_inverse else "mismatch")
    assert hit.expected == rounded


def test_corrected_example_gives_no_capaian_finding() -> None:
    corrected = ROOT / "examples" / "jatinegara-2021-corrected.toml"
    if not corrected.exists():
        pytest.skip("no corrected example")
    problems: list[Any] = []
    pack = _load_pack(ROOT / "rules" / "capaian.toml", problems)
    assert pack is not None
    assert run_rules(load_path(corrected), pack.rules) == []


# -- the Jumlah and Rata-rata rows (column_total) ------------------------------------------------

CAPAIAN_TABLE = {
    "nomor": "3.2",
    "tahun": 2021,
    "baris": [
        {"indikator": "IKM", "target": D("80.95"), "realisasi": D("80.90"), "capaian": D("99.94")},
        {"indikator": "T", "target": D("50.00"), "realisasi": D("45.00"), "capaian": D("90.00")},
        {"indikator": "M", "target": D("0.00"), "realisasi": D("0.00"), "capaian": "N/A"},
    ],
}


def totals(**rows: dict[str, Any]) -> list[Hit]:
    table = {**CAPAIAN_TABLE, **rows}
    data = {
        "indikator": [
            {"id": "IKM", "nama": "Nilai IKM", "polaritas": "positif"},
            {"id": "T", "nama": "Desa tertib administrasi", "polaritas": "positif"},
            {"id": "M", "nama": "Desa mandiri", "polaritas": "positif"},
        ],
        "tabel": {"capaian": table},
    }
    view = ReportView(LoadedDocument("t.json", "json", "{}", data).data)
    return list(ColumnTotal({"table": "capaian"}).run(view))


@pytest.mark.parametrize(
    ("rows", "outcome"),
    [
        ({"jumlah": {"target": D("130.95"), "capaian": D("189.94")}}, None),
        ({"jumlah": {"capaian": D("190")}}, None),  # at the printed precision
        ({"jumlah": {"capaian": D("189.49")}}, "sum"),
        ({"rata_rata": {"capaian": D("94.97")}}, None),  # N/A left out: (99,94 + 90,00) / 2
        ({"rata_rata": {"capaian": D("63.31")}}, None),  # N/A counted as 0: 189,94 / 3
        ({"rata_rata": {"capaian": D("94.96")}}, "truncated"),  # (99,938... + 90) / 2, cut
        ({"rata_rata": {"capaian": D("63.3")}}, None),  # 63,313... at one decimal
        ({"rata_rata": {"capaian": D("63.30")}}, "mean"),
        ({"rata_rata": {"capaian": D("99.93")}}, "mean"),
        ({"rata_rata": {"realisasi": D("41.97")}}, None),  # 125,90 / 3
        ({"rata_rata": {"target": D("40")}}, "mean"),  # 130,95 / 3 = 43,65
    ],
)
def test_jumlah_and_rata_rata_rows(rows: dict[str, Any], outcome: str | None) -> None:
    found = totals(**rows)
    assert [h.outcome for h in found] == ([outcome] if outcome else [])
    if outcome:
        (key,) = rows
        (field,) = rows[key]
        assert found[0].pointer == f"/tabel/capaian/{key}/{field}"


def test_a_wrong_mean_names_the_plainest_way() -> None:
    (hit,) = totals(rata_rata={"capaian": D("99.93")})
    assert hit.expected == D("94.97")
    assert hit.values["count"] == 2
    assert hit.values["cara"].en == "the printed figures"


def test_rows_without_figures_are_not_judged() -> None:
    assert totals(rata_rata={"capaian": "N/A"}) == []
    assert totals() == []


def test_mean_and_difference_are_exact_for_printed_figures() -> None:
    assert mean([D("99.94"), D("90.00")]) == D("94.97")
    assert round_half_up(mean([D("99.94"), D("90.00"), 0]), 4) == D("63.3133")
    assert difference(D("100"), D("82.26")) == D("17.74")
    with pytest.raises(ValueError):
        mean([])
