"""The konsistensi-target kinds and rules: cross-table figures, target 0, target movement,
indicator sets and units."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_validate.api import default_rules
from sakip_validate.checks.konsistensi_target.cross_table import CrossTableEqual
from sakip_validate.checks.konsistensi_target.index_unit import IndexUnit
from sakip_validate.checks.konsistensi_target.indicator_set import IndicatorSet
from sakip_validate.checks.konsistensi_target.movement import TargetBelowPrevious, Trajectory
from sakip_validate.checks.konsistensi_target.names import NameConsistent
from sakip_validate.checks.konsistensi_target.period import RenstraPeriod
from sakip_validate.checks.konsistensi_target.zero_target import ZeroTarget
from sakip_validate.domain.evidence import decide, join_texts
from sakip_validate.domain.names import NameMatch, compare_names
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import CheckKind, Hit
from sakip_validate.engine.runner import run_rules
from sakip_validate.findings import Text
from sakip_validate.loading import LoadedDocument, load_bytes, load_path

D = Decimal
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RULES = {rule.id: rule for rule in default_rules() if rule.pack == "konsistensi-target"}
MY_RULES = [RULES[f"TGT{n:03d}"] for n in range(1, 24)]


# -- helpers -------------------------------------------------------------------------


def _json(value: Any) -> str:
    """JSON text with Decimals written as plain numbers (never through float)."""
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k)}:{_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json(v) for v in value) + "]"
    if isinstance(value, Decimal):
        return str(value)
    return json.dumps(value)


def document(data: dict[str, Any]) -> LoadedDocument:
    return load_bytes(_json(data).encode(), "report.json", "json")


def hits(kind: type[CheckKind], data: dict[str, Any], **params: Any) -> list[Hit]:
    return list(kind(params).run(ReportView(document(data).data)))


def outcomes(found: list[Hit]) -> list[tuple[str, str]]:
    return [(hit.outcome, hit.pointer) for hit in found]


def indicator(ident: str, *, polaritas: str = "positif", **extra: Any) -> dict[str, Any]:
    return {
        "id": ident,
        "nama": extra.pop("nama", f"Indikator {ident}"),
        "satuan": extra.pop("satuan", "Persentase"),
        "polaritas": polaritas,
        **extra,
    }


def report(*indicators: dict[str, Any], year: int = 2021, **tables: Any) -> dict[str, Any]:
    return {
        "laporan": {"tahun_anggaran": year},
        "indikator": list(indicators) or [indicator("A")],
        "tabel": tables,
    }


def rows(*items: dict[str, Any], tahun: int = 2021) -> dict[str, Any]:
    return {"tahun": tahun, "baris": list(items)}


# -- cross_table_equal ----------------------------------------------------------------


def test_cross_table_equal_reports_each_cell_that_differs_from_the_first_table() -> None:
    data = report(
        capaian=rows({"indikator": "A", "realisasi": D("45.00")}),
        analisis_penyebab=rows({"indikator": "A", "realisasi": 45}),  # same value
        efisiensi=rows({"indikator": "A", "realisasi": D("44.00")}),
    )
    found = hits(
        CrossTableEqual,
        data,
        tables=["capaian", "analisis_penyebab", "efisiensi"],
        field="realisasi",
    )
    assert outcomes(found) == [("mismatch", "/tabel/efisiensi/baris/0/realisasi")]
    assert found[0].expected == D("45.00")
    # two tables against one: the odd table is named, and both agreeing ones
    assert found[0].values["other_table"] == Text(
        "tabel capaian kinerja dan tabel analisis penyebab keberhasilan/kegagalan",
        "performance achievement table and causes and solutions table",
    )
    assert found[0].values["bukti"].id == "angka yang sama tertulis di 2 tempat"


def test_cross_table_equal_skip_zero_target_leaves_zero_target_cells_alone() -> None:
    data = report(
        perjanjian_kinerja=rows({"indikator": "A", "target": D("0.00")}),
        capaian=rows({"indikator": "A", "target": D("0.00"), "capaian": "N/A"}),
        perbandingan_tahun={
            "baris": [{"indikator": "A", "tahun": {"2021": {"target": 0, "capaian": 0}}}]
        },
        program_pendukung={"indikator": [{"indikator": "A", "capaian": 0}]},  # target via PK
    )
    params: dict[str, Any] = {
        "tables": ["capaian", "perbandingan_tahun", "program_pendukung.indikator"],
        "field": "capaian",
    }
    # without skipping, N/A is outvoted by the two 0% cells
    assert outcomes(hits(CrossTableEqual, data, **params)) == [
        ("mismatch", "/tabel/capaian/baris/0/capaian")
    ]
    assert hits(CrossTableEqual, data, **params, skip_zero_target=True) == []


def test_cross_table_equal_still_compares_rows_whose_target_is_not_zero() -> None:
    data = report(
        capaian=rows(
            {"indikator": "A", "target": D("5.88"), "realisasi": D("5.88"), "capaian": 100}
        ),
        program_pendukung={"indikator": [{"indikator": "A", "capaian": 0}]},
    )
    found = hits(
        CrossTableEqual,
        data,
        tables=["capaian", "program_pendukung.indikator"],
        field="capaian",
        skip_zero_target=True,
    )
    assert outcomes(found) == [("mismatch", "/tabel/program_pendukung/indikator/0/capaian")]


# -- zero_target ----------------------------------------------------------------------


def _zero_report(**capaian_by_table: Any) -> dict[str, Any]:
    tables: dict[str, Any] = {"perjanjian_kinerja": rows({"indikator": "A", "target": D("0.00")})}
    for table, value in capaian_by_table.items():
        if table == "program_pendukung":
            tables[table] = {"indikator": [{"indikator": "A", "capaian": value}]}
        elif table == "perbandingan_tahun":
            tables[table] = {
                "baris": [{"indikator": "A", "tahun": {"2021": {"target": 0, "capaian": value}}}]
            }
        else:
            tables[table] = rows({"indikator": "A", "target": D("0.00"), "capaian": value})
    return report(**tables)


def test_zero_target_number_is_not_na_once_per_cell() -> None:
    data = _zero_report(capaian="N/A", perbandingan_tahun=0, analisis_penyebab="N/A", efisiensi=100)
    found = hits(ZeroTarget, data)
    assert outcomes(found) == [
        ("not_na", "/tabel/perbandingan_tahun/baris/0/tahun/2021/capaian"),
        ("not_na", "/tabel/efisiensi/baris/0/capaian"),
    ]
    assert found[0].expected == "N/A"


def test_zero_target_finds_the_target_of_a_row_that_prints_none() -> None:
    found = hits(ZeroTarget, _zero_report(capaian="N/A", program_pendukung=D("0.00")))
    assert outcomes(found) == [("not_na", "/tabel/program_pendukung/indikator/0/capaian")]


def test_zero_target_na_written_two_ways_is_inconsistent() -> None:
    found = hits(ZeroTarget, _zero_report(capaian="N/A", analisis_penyebab="-", efisiensi="N/A"))
    assert outcomes(found) == [("inconsistent", "/tabel/analisis_penyebab/baris/0/capaian")]
    assert found[0].expected == "N/A"


def test_zero_target_policy_allowing_hundred_when_nothing_was_realised() -> None:
    data = _zero_report(capaian=100, analisis_penyebab="N/A")
    data["tabel"]["capaian"]["baris"][0]["realisasi"] = 0
    data["tabel"]["analisis_penyebab"]["baris"][0]["realisasi"] = 0
    assert outcomes(hits(ZeroTarget, data, allow_hundred_when_realisasi_zero=True)) == [
        ("inconsistent", "/tabel/analisis_penyebab/baris/0/capaian")
    ]
    data["tabel"]["capaian"]["baris"][0]["realisasi"] = D("5.88")
    assert outcomes(hits(ZeroTarget, data, allow_hundred_when_realisasi_zero=True)) == [
        ("not_na", "/tabel/capaian/baris/0/capaian")
    ]


def test_zero_target_ignores_nonzero_na_and_text_targets_and_empty_cells() -> None:
    data = report(
        capaian=rows(
            {"indikator": "A", "target": D("5.88"), "capaian": 0},
            {"indikator": "B", "target": "N/A", "capaian": 0},
            {"indikator": "C", "target": 0, "capaian": "tidak dapat dihitung"},
            {"indikator": "D", "target": 0},
        )
    )
    assert hits(ZeroTarget, data) == []


# -- target_below_previous ------------------------------------------------------------


def _history(polaritas: str, target: Any, realisasi_before: Any, **extra: Any) -> dict[str, Any]:
    return report(
        indicator("A", polaritas=polaritas),
        perjanjian_kinerja=rows({"indikator": "A", "target": target}),
        perbandingan_tahun={
            "baris": [{"indikator": "A", "tahun": {"2020": {"realisasi": realisasi_before}}}]
        },
        **extra,
    )


@pytest.mark.parametrize(
    ("polaritas", "target", "before", "expected"),
    [
        ("positif", D("0.00"), D("5.88"), 1),
        ("positif", D("5.88"), D("5.88"), 0),
        ("positif", D("6"), D("5.88"), 0),
        ("negatif", D("6"), D("5.88"), 1),
        ("negatif", D("5"), D("5.88"), 0),
        ("positif", "N/A", D("5.88"), 0),
        ("positif", D("1"), "N/A", 0),
    ],
)
def test_target_below_previous_follows_polarity(
    polaritas: str, target: Any, before: Any, expected: int
) -> None:
    found = hits(TargetBelowPrevious, _history(polaritas, target, before))
    assert len(found) == expected
    if found:
        assert found[0].pointer == "/tabel/perjanjian_kinerja/baris/0/target"
        assert found[0].values["tahun_lalu"] == 2020


def test_target_below_previous_judges_each_year_once_and_not_future_years() -> None:
    data = report(
        iku={"baris": [{"indikator": "A", "target": {"2020": 0, "2021": 0, "2022": 1}}]},
        perjanjian_kinerja=rows({"indikator": "A", "target": D("0.00")}),
        capaian=rows({"indikator": "A", "target": D("0.00"), "realisasi": 5}),
        perbandingan_tahun={
            "baris": [
                {"indikator": "A", "tahun": {"2019": {"realisasi": 3}, "2020": {"realisasi": 4}}}
            ]
        },
    )
    assert outcomes(hits(TargetBelowPrevious, data)) == [
        ("behind", "/tabel/perjanjian_kinerja/baris/0/target"),  # 2021: the signed PK first
        ("behind", "/tabel/iku/baris/0/target/2020"),
    ]
    # 2022 (1 < 5) belongs to next year's report unless asked for.
    assert len(hits(TargetBelowPrevious, data, future_years=True)) == 3


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    polaritas=st.sampled_from(["positif", "negatif"]),
    targets=st.lists(st.decimals(0, 100, places=2), min_size=3, max_size=3),
    realisasi=st.lists(st.decimals(0, 100, places=2), min_size=3, max_size=3),
)
def test_target_below_previous_matches_a_plain_oracle(
    polaritas: str, targets: list[Decimal], realisasi: list[Decimal]
) -> None:
    years = [2019, 2020, 2021]
    data = report(
        indicator("A", polaritas=polaritas),
        iku={
            "baris": [
                {"indikator": "A", "target": dict(zip(map(str, years), targets, strict=True))}
            ]
        },
        perbandingan_tahun={
            "baris": [
                {
                    "indikator": "A",
                    "tahun": {
                        str(y): {"realisasi": r} for y, r in zip(years, realisasi, strict=True)
                    },
                }
            ]
        },
    )
    worse = (lambda t, r: t < r) if polaritas == "positif" else (lambda t, r: t > r)
    expected = [y for i, y in enumerate(years[1:], 1) if worse(targets[i], realisasi[i - 1])]
    assert [hit.values["tahun"] for hit in hits(TargetBelowPrevious, data)] == expected


# -- trajectory -----------------------------------------------------------------------


def _plan(targets: dict[str, Any], end: Any, polaritas: str = "positif", **flags: Any) -> dict:
    return report(
        indicator("A", polaritas=polaritas, **flags),
        iku={"baris": [{"indikator": "A", "target": targets}]},
        target_akhir_renstra={
            "tahun": 2021,
            "tahun_target_akhir": 2024,
            "baris": [{"indikator": "A", "target_akhir": end}],
        },
    )


def test_trajectory_of_the_reference_indicators_is_fine() -> None:
    ikm = {"2019": D("78.89"), "2020": D("79.70"), "2021": D("80.95"), "2022": D("82.20")}
    assert hits(Trajectory, _plan(ikm | {"2023": D("83.20")}, D("84.20"))) == []
    mandiri = {"2019": "N/A", "2020": 0, "2021": 0, "2022": D("5.88"), "2023": D("5.88")}
    assert hits(Trajectory, _plan(mandiri, D("11.76"))) == []


def test_trajectory_away_and_beyond_follow_polarity() -> None:
    found = hits(Trajectory, _plan({"2021": 50, "2022": 40, "2023": 120}, 100))
    assert outcomes(found) == [
        ("away", "/tabel/iku/baris/0/target/2022"),
        ("beyond", "/tabel/iku/baris/0/target/2023"),
    ]
    assert found[0].values["tahun_lalu"] == 2021
    negatif = hits(Trajectory, _plan({"2021": 50, "2022": 60, "2023": 10}, 20, "negatif"))
    assert outcomes(negatif) == [
        ("away", "/tabel/iku/baris/0/target/2022"),
        ("beyond", "/tabel/iku/baris/0/target/2023"),
    ]


def test_trajectory_skips_na_and_years_after_the_end_year() -> None:
    targets = {"2021": 50, "2022": "N/A", "2023": 60, "2025": 10}
    assert hits(Trajectory, _plan(targets, 100)) == []


def test_trajectory_missing_end_target() -> None:
    na_end = hits(Trajectory, _plan({"2021": 50}, "N/A", iku=True))
    assert outcomes(na_end) == [
        ("missing_end_target", "/tabel/target_akhir_renstra/baris/0/target_akhir")
    ]
    data = _plan({"2021": 50}, 100, iku=True)
    data["indikator"].append(indicator("B", iku=True))
    data["indikator"].append(indicator("C", iku=False))
    assert outcomes(hits(Trajectory, data)) == [
        ("missing_end_target", "/tabel/target_akhir_renstra/baris")
    ]
    del data["tabel"]["target_akhir_renstra"]  # the table is missing: completeness's finding
    assert hits(Trajectory, data) == []


@given(
    polaritas=st.sampled_from(["positif", "negatif"]),
    steps=st.lists(st.decimals(0, 10, places=2), min_size=1, max_size=5),
)
def test_trajectory_monotone_plans_towards_the_end_give_nothing(
    polaritas: str, steps: list[Decimal]
) -> None:
    sign = 1 if polaritas == "positif" else -1
    value, targets = D(50), {}
    for offset, step in enumerate(steps):
        value += sign * step
        targets[str(2019 + offset)] = value
    end = value + sign * D("0.01")
    assert hits(Trajectory, _plan(targets, end, polaritas)) == []


# -- indicator_set --------------------------------------------------------------------


def test_indicator_set_names_what_is_missing_where() -> None:
    data = report(
        indicator("A"),
        indicator("B"),
        iku={"baris": [{"indikator": "A", "target": {"2021": 1}}]},
        perjanjian_kinerja=rows({"indikator": "A", "target": 1}, {"indikator": "B", "target": 2}),
        capaian=rows({"indikator": "B", "target": 2}),
    )
    found = hits(IndicatorSet, data)
    assert [(h.values["indikator"], h.table, h.pointer) for h in found] == [
        ("A", "capaian", "/tabel/capaian/baris"),
        ("B", "iku", "/tabel/iku/baris"),
    ]
    assert [t.id for t in found[0].values["other_tables"]] == [
        "tabel Indikator Kinerja Utama",
        "tabel Perjanjian Kinerja",
    ]


def test_indicator_set_skips_absent_tables_and_reads_program_pendukung() -> None:
    data = report(
        perjanjian_kinerja=rows({"indikator": "A", "target": 1}),
        program_pendukung={"program": []},
    )
    assert hits(IndicatorSet, data) == []
    found = hits(IndicatorSet, data, tables=["perjanjian_kinerja", "program_pendukung.indikator"])
    assert found == []  # Tabel 3.7 without its indicator side is not judged
    data["tabel"]["program_pendukung"]["indikator"] = []
    found = hits(IndicatorSet, data, tables=["perjanjian_kinerja", "program_pendukung.indikator"])
    assert outcomes(found) == [("missing", "/tabel/program_pendukung/indikator")]


# -- index_unit -----------------------------------------------------------------------


def test_index_unit_percent_for_an_index_is_reported_once() -> None:
    ikm = indicator("IKM", nama="Laju Peningkatan Nilai IKM Kecamatan", satuan="Persentase")
    data = report(
        ikm,
        tujuan_sasaran=rows({"indikator": "IKM", "satuan_tertulis": "Persentase"}),
        perjanjian_kinerja=rows({"indikator": "IKM", "satuan_tertulis": "%"}),
    )
    found = hits(IndexUnit, data)
    assert outcomes(found) == [("percent_for_index", "/indikator/0/satuan")]
    assert found[0].values["kata"] == "Nilai IKM"


def test_index_unit_table_cells_and_differences() -> None:
    ikm = indicator("IKM", nama="Indeks Kepuasan Masyarakat", satuan="Indeks")
    desa = indicator("DESA", nama="Persentase desa maju", satuan="Persentase")
    data = report(
        ikm,
        desa,
        tujuan_sasaran=rows(
            {"indikator": "IKM", "satuan_tertulis": "Persen"},
            {"indikator": "DESA", "satuan_tertulis": "%"},
        ),
        perjanjian_kinerja=rows(
            {"indikator": "IKM", "satuan_tertulis": "indeks"},
            {"indikator": "DESA", "satuan_tertulis": "Desa"},
        ),
    )
    assert outcomes(hits(IndexUnit, data)) == [
        ("percent_for_index", "/tabel/tujuan_sasaran/baris/0/satuan_tertulis"),
        ("differs", "/tabel/perjanjian_kinerja/baris/1/satuan_tertulis"),
    ]


def test_index_unit_matches_whole_words_only() -> None:
    data = report(indicator("A", nama="Persentase desa dengan Sikmanda aktif"))
    assert hits(IndexUnit, data) == []


# -- the reference report, its corrected copy, and hostile input ------------------------


def _my_findings(path: Path) -> list[tuple[str, str]]:
    found = run_rules(load_path(path), MY_RULES)
    return [(f.rule, f.location.pointer) for f in found]


def test_reference_report_findings() -> None:
    assert _my_findings(EXAMPLES / "jatinegara-2021.toml") == [
        ("TGT011", "/indikator/0/satuan"),
        ("TGT018", "/tabel/iku/baris/1/nama_tertulis"),
        # Tabel 2.1 is outvoted: Tabel 3.3's rows add up (capaian = realisasi ÷ target)
        ("TGT001", "/tabel/iku/baris/1/target/2019"),
        ("TGT001", "/tabel/iku/baris/1/target/2020"),
        ("TGT018", "/tabel/iku/baris/2/nama_tertulis"),
        ("TGT001", "/tabel/iku/baris/2/target/2019"),
        ("TGT001", "/tabel/iku/baris/2/target/2020"),
        ("TGT006", "/tabel/perjanjian_kinerja/baris/2/target"),
        ("TGT019", "/tabel/program_pk/baris/0/nama"),
        ("TGT019", "/tabel/program_pk/baris/1/nama"),
        # two tables, neither row adds up: one finding naming both, no expected value
        ("TGT013", "/tabel/perbandingan_tahun/baris/0/tahun/2020/target"),
        ("TGT002", "/tabel/perbandingan_tahun/baris/2/tahun/2021/realisasi"),
        ("TGT004", "/tabel/perbandingan_tahun/baris/2/tahun/2021/capaian"),
        ("TGT002", "/tabel/target_akhir_renstra/baris/2/realisasi"),
        ("TGT003", "/tabel/program_pendukung/indikator/3/capaian"),
        ("TGT019", "/tabel/program_pendukung/program/0/nama"),
    ]


def test_reference_report_messages_name_table_row_and_values() -> None:
    found = run_rules(load_path(EXAMPLES / "jatinegara-2021.toml"), [RULES["TGT004"]])
    assert [f.message.id for f in found] == [
        "Target Peningkatan Persentase desa mandiri tahun 2021 adalah 0%, sehingga capaian tidak"
        " dapat dihitung; Tabel 3.3 menulis capaian 0%, seharusnya N/A."
    ]


@pytest.mark.parametrize("name", ["jatinegara-2021.json"])
def test_json_copy_gives_the_same_findings(name: str) -> None:
    toml = _my_findings(EXAMPLES / "jatinegara-2021.toml")
    assert _my_findings(EXAMPLES / name) == toml


def test_corrected_reference_report_gives_no_finding() -> None:
    assert _my_findings(EXAMPLES / "jatinegara-2021-corrected.toml") == []


ALL_KINDS: list[type[CheckKind]] = [
    CrossTableEqual,
    ZeroTarget,
    TargetBelowPrevious,
    Trajectory,
    IndicatorSet,
    IndexUnit,
]
junk = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(["N/A", "-", "x", "2021"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "indikator",
                    "target",
                    "realisasi",
                    "capaian",
                    "tahun",
                    "baris",
                    "satuan_tertulis",
                    "target_akhir",
                    "2020",
                    "2021",
                    "A",
                    "indikator",
                    "tahun_target_akhir",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    tables=st.dictionaries(
        st.sampled_from(
            [
                "iku",
                "perjanjian_kinerja",
                "capaian",
                "perbandingan_tahun",
                "target_akhir_renstra",
                "program_pendukung",
                "tujuan_sasaran",
                "efisiensi",
            ]
        ),
        junk,
        max_size=5,
    ),
    indikator=junk
    | st.lists(
        junk
        | st.fixed_dictionaries(
            {"id": st.just("A")},
            optional={
                "polaritas": st.sampled_from(["positif", "negatif", "x"]),
                "iku": junk,
                "satuan": junk,
                "nama": junk,
            },
        )
    ),
)
def test_malformed_data_never_crashes(tables: dict[str, Any], indikator: Any) -> None:
    data = {"laporan": {"tahun_anggaran": 2021}, "indikator": indikator, "tabel": tables}
    view = ReportView(document(data).data)
    params: dict[type[CheckKind], dict[str, Any]] = {
        CrossTableEqual: {
            "tables": ["capaian", "program_pendukung.indikator"],
            "field": "capaian",
            "skip_zero_target": True,
        }
    }
    for kind in ALL_KINDS:
        list(kind(params.get(kind, {})).run(view))


# -- properties over whole consistent reports -------------------------------------------

XTAB_RULES = [RULES[i] for i in ("TGT002", "TGT003", "TGT004", "TGT005")]
CAPAIAN_TABLES = ["capaian", "analisis_penyebab", "efisiensi"]


@st.composite
def consistent_reports(draw: st.DrawFn) -> dict[str, Any]:
    """Tables 3.2, 3.3, 3.5, 3.6 and 3.7 that agree, some targets 0 (capaian N/A)."""
    count = draw(st.integers(1, 4))
    figures = []
    for _ in range(count):
        target = draw(st.sampled_from([D(0), D("0.00")]) | st.decimals(1, 100, places=2))
        realisasi = draw(st.decimals(0, 100, places=2))
        capaian: Any = "N/A" if target == 0 else draw(st.decimals(0, 200, places=2))
        figures.append((target, realisasi, capaian))
    ids = [f"I{n}" for n in range(count)]
    cells = [
        {"indikator": i, "target": t, "realisasi": r, "capaian": c}
        for i, (t, r, c) in zip(ids, figures, strict=True)
    ]
    return report(
        *[indicator(i) for i in ids],
        **{table: rows(*[dict(cell) for cell in cells]) for table in CAPAIAN_TABLES},
        perbandingan_tahun={
            "baris": [
                {
                    "indikator": cell["indikator"],
                    "tahun": {"2021": {k: cell[k] for k in cell if k != "indikator"}},
                }
                for cell in cells
            ]
        },
        program_pendukung={
            "indikator": [
                {"indikator": cell["indikator"], "capaian": cell["capaian"]} for cell in cells
            ]
        },
    )


def _xtab(data: dict[str, Any]) -> list[tuple[str, str]]:
    return [(f.rule, f.location.pointer) for f in run_rules(document(data), XTAB_RULES)]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_reports())
def test_consistent_tables_give_no_finding(data: dict[str, Any]) -> None:
    assert _xtab(data) == []


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(
    consistent_reports(),
    st.data(),
)
def test_changing_one_cell_gives_exactly_one_finding(
    data: dict[str, Any], draw: st.DataObject
) -> None:
    # Any table but the first (Tabel 3.2 is the reference the others are compared with).
    table = draw.draw(
        st.sampled_from(
            ["analisis_penyebab", "efisiensi", "perbandingan_tahun", "program_pendukung"]
        )
    )
    field = (
        "capaian"
        if table == "program_pendukung"
        else draw.draw(st.sampled_from(["realisasi", "capaian"]))
    )
    if table == "program_pendukung":
        items = data["tabel"][table]["indikator"]
    elif table == "perbandingan_tahun":
        items = [item["tahun"]["2021"] for item in data["tabel"][table]["baris"]]
    else:
        items = data["tabel"][table]["baris"]
    index = draw.draw(st.integers(0, len(items) - 1))
    old = items[index][field]
    new = draw.draw(st.decimals(0, 300, places=2).filter(lambda v: old == "N/A" or v != old))
    items[index][field] = new
    found = _xtab(data)
    assert len(found) == 1, found
    expected_rule = "TGT002" if field == "realisasi" else "TGT003"
    if field == "capaian" and old == "N/A":
        expected_rule = "TGT004"  # a number where the target is 0
    assert found[0][0] == expected_rule


def test_parameters_the_schema_cannot_judge_are_reported() -> None:
    assert (
        CrossTableEqual(
            {"tables": ["capaian", "efisiensi"], "field": "capaian", "target_tables": ["efisiensi"]}
        ).problems()
        == []
    )
    bad = CrossTableEqual(
        {
            "tables": ["capaian", "efisiensi"],
            "field": "capaian",
            "target_tables": ["standar_nasional"],
        }
    ).problems()
    assert [where for where, _ in bad] == ["/target_tables/0"]
    assert [w for w, _ in ZeroTarget({"tables": ["iku"]}).problems()] == ["/tables/0"]
    assert [w for w, _ in TargetBelowPrevious({"realisasi_tables": ["iku"]}).problems()] == [
        "/realisasi_tables/0"
    ]
    assert [w for w, _ in IndicatorSet({"tables": ["iku", "program_pk"]}).problems()] == [
        "/tables/1"
    ]
    assert [w for w, _ in IndexUnit({"tables": ["capaian"]}).problems()] == ["/tables/0"]


# -- names --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Kegiatan Administrasi Umum", "KEGIATAN  ADMINISTRASI UMUM.", NameMatch.SAME),
        ("Perencanaan, Dan Evaluasi", "Perencanaan Dan Evaluasi", NameMatch.SAME),
        ("PROGRAM PENUNJUANG URUSAN", "Program Penunjang Urusan", NameMatch.CLOSE),
        ("Urusan Pemerintah Daerah", "Urusan Pemerintahan Daerah", NameMatch.CLOSE),
        (
            "Kegiatan Perencanaan Dan Evaluasi Kinerja Perangkat Daerah",
            "Kegiatan Perencanaan, Penganggaran Dan Evaluasi Kinerja Perangkat Daerah",
            NameMatch.CLOSE,
        ),
        ("Persentase desa mandiri", "Peningkatan Persentase desa mandiri", NameMatch.CLOSE),
        ("Persentase desa mandiri", "Persentase desa maju", NameMatch.DIFFERENT),
        ("Nilai IKM", "Laju Peningkatan Nilai IKM Kecamatan", NameMatch.DIFFERENT),
        ("di kecamatan", "di kelurahan", NameMatch.DIFFERENT),
        ("", "Nilai IKM", NameMatch.DIFFERENT),
    ],
)
def test_compare_names(a: str, b: str, expected: NameMatch) -> None:
    assert compare_names(a, b) is expected
    assert compare_names(b, a) is expected


def test_compare_names_stays_fast_on_long_names() -> None:
    long = " ".join(f"kata{i}" for i in range(5000))
    assert compare_names(long, long + " tambahan") is NameMatch.CLOSE
    assert compare_names(long, "lain sama sekali") is NameMatch.DIFFERENT


def _names_report(**tables: Any) -> dict[str, Any]:
    data = report(indicator("A", nama="Persentase desa yang tertib administrasi"), **tables)
    data["sasaran"] = [
        {"id": "S1", "tingkat": "sasaran", "nama": "Meningkatnya koordinasi pemerintahan"}
    ]
    return data


def test_printed_indicator_names_against_each_other_and_the_declared_name() -> None:
    data = _names_report(
        perjanjian_kinerja=rows(
            {"indikator": "A", "nama_tertulis": "PERSENTASE DESA YANG TERTIB ADMINISTRASI"}
        ),
        capaian=rows(
            {"indikator": "A", "nama_tertulis": "Persentase desa yang tertib adminstrasi"}
        ),
        analisis_penyebab=rows({"indikator": "A", "nama_tertulis": "Persentase desa maju"}),
    )
    found = hits(NameConsistent, data, subject="indikator")
    assert [(h.outcome, h.pointer, h.expected) for h in found] == [
        (
            "spelling",
            "/tabel/capaian/baris/0/nama_tertulis",
            "Persentase desa yang tertib administrasi",
        ),
        (
            "different",
            "/tabel/analisis_penyebab/baris/0/nama_tertulis",
            "Persentase desa yang tertib administrasi",
        ),
    ]
    assert (
        found[0].values["other_table"].id == "rumusan baku indikator dan tabel Perjanjian Kinerja"
    )


def test_sasaran_text_in_the_indicator_column_is_its_own_finding() -> None:
    data = _names_report(
        iku={
            "baris": [
                {
                    "indikator": "A",
                    "nama_tertulis": "Meningkatnya Koordinasi Pemerintahan",
                    "target": {"2021": 50},
                }
            ]
        },
        capaian=rows(
            {"indikator": "A", "nama_tertulis": "Persentase desa yang tertib administrasi"}
        ),
    )
    found = hits(NameConsistent, data, subject="indikator")
    assert [(h.outcome, h.pointer) for h in found] == [
        ("sasaran", "/tabel/iku/baris/0/nama_tertulis")
    ]
    assert found[0].values["sasaran"] == "Meningkatnya koordinasi pemerintahan"


def test_a_lone_printed_name_against_the_declared_one_names_both() -> None:
    data = _names_report(
        capaian=rows({"indikator": "A", "nama_tertulis": "Persentase desa tertib administrasi"}),
    )
    found = hits(NameConsistent, data, subject="indikator")
    assert [(h.outcome, h.expected) for h in found] == [("spelling", None)]
    assert found[0].values["other_printed"] == "Persentase desa yang tertib administrasi"


def test_program_names_by_kode_closest_spelling_wins() -> None:
    program = {"kode": "1", "tingkat": "program", "anggaran": 1}
    data = report(
        program_pk={"baris": [{**program, "nama": "Program Penunjang Urusan Pemerintah Daerah"}]},
        program_pendukung={
            "program": [{**program, "nama": "PROGRAM PENUNJUANG URUSAN PEMERINTAHAN DAERAH"}]
        },
        realisasi_anggaran={
            "baris": [{**program, "nama": "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"}]
        },
    )
    found = hits(NameConsistent, data, subject="program")
    assert [(h.outcome, h.pointer) for h in found] == [
        ("spelling", "/tabel/program_pk/baris/0/nama"),
        ("spelling", "/tabel/program_pendukung/program/0/nama"),
    ]
    assert {h.expected for h in found} == {"PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH"}
    assert found[0].values["tingkat"] == Text("program", "program")


def test_program_names_equal_after_normalisation_pass() -> None:
    program = {"kode": "2", "tingkat": "program", "anggaran": 1}
    data = report(
        program_pk={
            "baris": [
                {**program, "nama": "Program Penyelenggaraan Pemerintahan Dan Pelayanan Publik"}
            ]
        },
        realisasi_anggaran={
            "baris": [
                {**program, "nama": "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"}
            ]
        },
    )
    assert hits(NameConsistent, data, subject="program") == []


# -- renstra_period ---------------------------------------------------------------------


def _period_report(**tables: Any) -> dict[str, Any]:
    data = report(**tables)
    data["renstra"] = {"periode_awal": 2019, "periode_akhir": 2024}
    return data


def test_years_outside_the_renstra_period_once_per_table_and_year() -> None:
    data = _period_report(
        iku={"baris": [{"indikator": "A", "target": {"2018": 1, "2019": 2, "2025": 3}}]},
        perbandingan_tahun={
            "baris": [
                {"indikator": "A", "tahun": {"2018": {"realisasi": 1}, "2021": {"realisasi": 2}}},
                {"indikator": "B", "tahun": {"2018": {"realisasi": 1}}},
            ]
        },
    )
    found = hits(RenstraPeriod, data)
    assert [(h.outcome, h.pointer, h.at_key) for h in found] == [
        ("year_outside", "/tabel/iku/baris/0/target/2018", True),
        ("year_outside", "/tabel/iku/baris/0/target/2025", True),
        ("year_outside", "/tabel/perbandingan_tahun/baris/0/tahun/2018", True),
    ]


def test_report_year_and_end_target_year_against_the_period() -> None:
    data = _period_report(
        target_akhir_renstra={"tahun": 2025, "tahun_target_akhir": 2023, "baris": []}
    )
    data["laporan"]["tahun_anggaran"] = 2025
    found = hits(RenstraPeriod, data)
    assert [(h.outcome, h.printed, h.expected) for h in found] == [
        ("report_year_outside", 2025, None),
        ("end_year", 2023, 2024),
    ]
    data["laporan"]["tahun_anggaran"] = 2021
    data["tabel"]["target_akhir_renstra"]["tahun_target_akhir"] = 2024
    assert hits(RenstraPeriod, data) == []


@pytest.mark.parametrize("renstra", [None, {}, {"periode_awal": 2024, "periode_akhir": 2019}, "x"])
def test_no_readable_period_judges_nothing(renstra: Any) -> None:
    data = report(iku={"baris": [{"indikator": "A", "target": {"1990": 1}}]})
    if renstra is not None:
        data["renstra"] = renstra
    assert hits(RenstraPeriod, data) == []


# -- blame by evidence ----------------------------------------------------------------


def test_decide_majority_then_operands_then_rule_else_undecided() -> None:
    same = lambda a, b: a == b  # noqa: E731
    verdict = decide(["a", "b", "a"], lambda p: p, same)
    assert (verdict.reason, verdict.right, verdict.odd) == ("majority", ("a", "a"), ("b",))
    verdict = decide(["a", "b"], lambda p: p, same, corroborated=lambda p: p == "b")
    assert (verdict.reason, verdict.right) == ("operands", ("b",))
    verdict = decide(["a", "b"], lambda p: p, same, ruling=lambda groups: 0)
    assert (verdict.reason, verdict.right) == ("rule", ("a",))
    verdict = decide(["a", "b"], lambda p: p, same)
    assert (verdict.decided, verdict.odd, len(verdict.groups)) == (False, (), 2)
    assert decide(["a", "a"], lambda p: p, same).agree
    assert decide([], lambda p: p, same).agree


def test_join_texts() -> None:
    assert join_texts([Text("A", "A")]) == Text("A", "A")
    assert join_texts(["A", Text("B", "Bee"), "C", "A"]) == Text("A, B dan C", "A, Bee and C")


def test_a_typo_in_tabel_3_2_realisasi_is_reported_at_tabel_3_2() -> None:
    data = report(
        capaian=rows({"indikator": "A", "target": 50, "realisasi": 54, "capaian": 90}),
        perbandingan_tahun={
            "baris": [
                {
                    "indikator": "A",
                    "tahun": {"2021": {"target": 50, "realisasi": 45, "capaian": 90}},
                }
            ]
        },
    )
    found = hits(CrossTableEqual, data, tables=["capaian", "perbandingan_tahun"], field="realisasi")
    # two tables: Tabel 3.3's row adds up (45 / 50 = 90%), Tabel 3.2's does not
    assert [(h.outcome, h.pointer, h.expected) for h in found] == [
        ("mismatch", "/tabel/capaian/baris/0/realisasi", 45)
    ]


def test_the_text_breaks_a_tie_between_two_tables() -> None:
    data = report(
        iku={"baris": [{"indikator": "A", "target": {"2021": 60}}]},
        perjanjian_kinerja=rows({"indikator": "A", "target": 50}),
    )
    params: dict[str, Any] = {"tables": ["iku", "perjanjian_kinerja"], "field": "target"}
    assert [h.outcome for h in hits(CrossTableEqual, data, **params, narasi=True)] == ["differs"]
    data["narasi"] = {
        "pernyataan": [{"bab": "4", "besaran": "target", "indikator": "A", "nilai": 50}]
    }
    found = hits(CrossTableEqual, data, **params, narasi=True)
    assert [(h.outcome, h.pointer) for h in found] == [
        ("mismatch", "/tabel/iku/baris/0/target/2021")
    ]
    assert found[0].values["other_table"].id == "tabel Perjanjian Kinerja dan Bab 4"
    # without narasi the text does not vote
    assert [h.outcome for h in hits(CrossTableEqual, data, **params)] == ["differs"]


def test_target_below_previous_uses_the_target_the_evidence_supports() -> None:
    data = report(
        iku={"baris": [{"indikator": "A", "target": {"2020": 0}}]},
        perbandingan_tahun={
            "baris": [
                {
                    "indikator": "A",
                    "tahun": {
                        "2019": {"target": 5, "realisasi": 5, "capaian": 100},
                        "2020": {"target": 5, "realisasi": 5, "capaian": 100},
                    },
                }
            ]
        },
    )
    # Tabel 2.1's 0 is outvoted by Tabel 3.3's 5 (its row adds up): not behind 2019's 5
    assert hits(TargetBelowPrevious, data) == []
