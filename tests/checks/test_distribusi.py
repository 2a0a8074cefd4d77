"""The distribusi kinds: counts and shares of one statement, and statements that disagree."""

from __future__ import annotations

import copy
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.api import default_rules
from sakip_validate.checks.distribusi.agreement import DistributionAgreement
from sakip_validate.checks.distribusi.distribution import Distribution
from sakip_validate.checks.distribusi.fractions import ShareOfWhole
from sakip_validate.checks.distribusi.shares import matching_counts
from sakip_validate.checks.distribusi.statements import category_key
from sakip_validate.domain.numbers import percent, round_half_up
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import Hit
from sakip_validate.engine.runner import run_rules
from sakip_validate.engine.templates import Percent, render
from sakip_validate.loading import LoadedDocument, load_bytes, load_path

D = Decimal
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "jatinegara-2021.toml"
PACKS = ("distribusi", "narasi")


def view_of(data: dict[str, Any]) -> ReportView:
    return ReportView(LoadedDocument("test.toml", "toml", "", data).data)


def view_toml(text: str) -> ReportView:
    return ReportView(load_bytes(text.encode(), "test.toml", "toml").data)


def distribution(**params: Any) -> list[Hit]:
    view = params.pop("view")
    return list(Distribution(params).run(view))


def statement(groups: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    item = {"id": "s", "bab": "3.2", "jenis": "status_desa", "satuan": "desa", "kutipan": "..."}
    item.update(fields)
    item["kelompok"] = groups
    return item


def report(*items: dict[str, Any], year: int = 2021) -> dict[str, Any]:
    return {"laporan": {"tahun_anggaran": year}, "narasi": {"distribusi": list(items)}}


def outcomes(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(hit.outcome, hit.pointer) for hit in hits]


# -- matching_counts ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "whole", "expected"),
    [
        (D("58.82"), 17, (10, 10)),
        (D("64.71"), 17, (11, 11)),
        (D("35.29"), 17, (6, 6)),
        (D("0"), 17, (0, 0)),
        (D("100"), 17, (17, 17)),
        (D("59"), 1000, (585, 594)),
        (D("6.25"), 17, None),
        (D("101"), 17, None),
        (D("-5"), 17, None),
    ],
)
def test_matching_counts(printed: Decimal, whole: int, expected: tuple[int, int] | None) -> None:
    assert matching_counts(printed, whole) == expected


def test_matching_counts_with_truncation() -> None:
    # 11/17 = 64.7058...: 64,70 only by truncation
    assert matching_counts(D("64.70"), 17) is None
    assert matching_counts(D("64.70"), 17, truncated=True) == (11, 11)


def test_matching_counts_is_fast_for_a_huge_whole() -> None:
    start = time.perf_counter()
    assert matching_counts(D("33"), 10**12) == (325_000_000_000, 334_999_999_999)
    assert matching_counts(D("33.3333333"), 10**12) is not None
    assert time.perf_counter() - start < 1


@given(st.integers(1, 300), st.integers(0, 3), st.data())
def test_matching_counts_agrees_with_brute_force(whole: int, places: int, data: Any) -> None:
    k = data.draw(st.integers(0, whole))
    share = percent(k, whole)
    assert share is not None
    printed = round_half_up(share, places)
    run = matching_counts(printed, whole)
    brute = [j for j in range(whole + 1) if round_half_up(percent(j, whole), places) == printed]  # type: ignore[arg-type]
    assert run is not None
    assert list(range(run[0], run[1] + 1)) == brute


def test_category_key_ignores_case_spacing_and_the_unit_word() -> None:
    assert category_key("Desa  Mandiri", "desa") == "mandiri"
    assert category_key("MANDIRI", "desa") == "mandiri"
    assert category_key("desa", "desa") == "desa"
    assert category_key("Desa Mandiri", "") == "desa mandiri"


# -- Distribution on the reference report ----------------------------------------------


def test_reference_report_two_wrong_percentages() -> None:
    view = ReportView(load_path(EXAMPLE).data)
    hits = distribution(view=view)
    assert outcomes(hits) == [
        ("percent", "/narasi/distribusi/4/kelompok/2/persen"),
        ("percent", "/narasi/distribusi/4/kelompok/3/persen"),
    ]
    berkembang, tertinggal = hits
    assert berkembang.values["jumlah_lain"] == 10
    assert berkembang.values["jumlah"] == 11
    assert berkembang.expected == D("64.71")
    assert tertinggal.values["jumlah_lain"] == 6
    assert tertinggal.expected == D("29.41")
    rule = next(r for r in default_rules() if r.id == "DIS002")
    text = render(rule.message.id, {**berkembang.values}, "id")
    assert "58,82% adalah 10 dari 17 desa, bukan 11" in text


def corrected_reference() -> LoadedDocument:
    """The reference report with every defect of the distribusi and narasi packs corrected."""
    document = load_path(EXAMPLE)
    data = copy.deepcopy(document.data)
    dist = data["narasi"]["distribusi"]
    dist[1]["kelompok"] = [
        {"kategori": "maju", "jumlah": 1},
        {"kategori": "berkembang", "jumlah": 11},
        {"kategori": "tertinggal", "jumlah": 5},
    ]
    dist[2]["kelompok"] = [
        {"kategori": "mandiri", "jumlah": 0},
        {"kategori": "maju", "jumlah": 1},
        {"kategori": "berkembang", "jumlah": 11},
        {"kategori": "tertinggal", "jumlah": 5},
    ]
    dist[3]["kelompok"] = [{"kategori": "mandiri", "jumlah": 0}]
    dist[4]["kelompok"][2]["persen"] = D("64.71")
    dist[4]["kelompok"][3]["persen"] = D("29.41")
    for item in data["narasi"]["pernyataan"]:
        if item["besaran"] == "jumlah_indikator":
            item["nilai"] = 4
    data["narasi"]["klaim"] = []
    # what desa tertib administrasi counts is unknown: no whole, as in the corrected example
    for indicator in data["indikator"]:
        if indicator["id"] == "DESA_TERTIB_ADM":
            indicator.pop("bagian_dari")
    return LoadedDocument(document.label, document.format, document.text, data)


def test_corrected_reference_gives_no_finding_of_these_packs() -> None:
    rules = [rule for rule in default_rules() if rule.pack in PACKS]
    assert len(rules) >= 10
    assert run_rules(corrected_reference(), rules) == []


def test_reference_findings_of_these_packs() -> None:
    rules = [rule for rule in default_rules() if rule.pack in PACKS]
    findings = run_rules(load_path(EXAMPLE), rules)
    assert sorted((f.rule, f.location.pointer) for f in findings) == [
        ("DIS002", "/narasi/distribusi/4/kelompok/2/persen"),
        ("DIS002", "/narasi/distribusi/4/kelompok/3/persen"),
        ("DIS007", "/narasi/distribusi/1/kelompok/0/jumlah"),
        ("DIS007", "/narasi/distribusi/2/kelompok/0/jumlah"),
        ("DIS007", "/narasi/distribusi/3/kelompok/0/jumlah"),
        ("DIS008", "/tabel/iku/baris/1/target/2021"),
        ("NAR001", "/narasi/pernyataan/3/nilai"),
        ("NAR006", "/narasi/klaim/0/jenis"),
    ]
    for finding in findings:
        assert finding.location.line is not None
        assert "{" not in finding.message.id + finding.message.en
    shares = [f for f in findings if f.rule == "DIS002"]
    narasi = load_path(EXAMPLE).data["narasi"]
    statement, (desa,) = narasi["distribusi"][4], narasi["keseluruhan"]
    assert "keseluruhan" not in statement and statement["bagian_dari"] == desa["id"]
    assert [f.operands for f in shares] == [
        (("jumlah", str(group["jumlah"])), ("keseluruhan", str(desa["jumlah"])))
        for group in statement["kelompok"][2:4]
    ]


# -- Distribution outcomes ---------------------------------------------------------------


def test_complete_statement_must_add_up() -> None:
    groups = [{"kategori": "maju", "jumlah": 2}, {"kategori": "berkembang", "jumlah": 16}]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=17, lengkap=True))))
    assert outcomes(hits) == [("sum", "/narasi/distribusi/0/keseluruhan")]
    assert hits[0].printed == 18
    assert hits[0].expected == 17
    assert hits[0].values["rincian"] == "2 desa maju, 16 desa berkembang"


def test_partial_statement_may_leave_groups_out_but_not_exceed_the_whole() -> None:
    under = statement([{"kategori": "mandiri", "jumlah": 1}], keseluruhan=17, lengkap=False)
    over = statement([{"kategori": "mandiri", "jumlah": 18}], keseluruhan=17)
    assert distribution(view=view_of(report(under))) == []
    assert [h.outcome for h in distribution(view=view_of(report(over)))] == ["sum"]


def test_complete_statement_with_a_group_without_count_is_not_summed() -> None:
    groups = [{"kategori": "maju", "jumlah": 2}, {"kategori": "berkembang"}]
    assert distribution(view=view_of(report(statement(groups, keseluruhan=17, lengkap=True)))) == []


def test_whole_taken_from_the_counts_when_not_stated() -> None:
    groups = [
        {"kategori": "maju", "jumlah": 1, "persen": D("5.88")},
        {"kategori": "berkembang", "jumlah": 16, "persen": D("88.24")},
    ]
    hits = distribution(view=view_of(report(statement(groups, lengkap=True))))
    # 16/17 = 94,12%; 88,24% is 15 of 17
    assert [(h.outcome, h.values["jumlah_lain"], h.values["keseluruhan"]) for h in hits] == [
        ("percent", 15, 17)
    ]


def test_truncated_share_is_its_own_outcome() -> None:
    groups = [{"kategori": "berkembang", "jumlah": 11, "persen": D("64.70")}]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=17))))
    assert [(h.outcome, h.expected) for h in hits] == [("percent_truncated", D("64.71"))]


def test_infeasible_share_without_count() -> None:
    groups = [{"kategori": "maju", "persen": D("6.25")}]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=17))))
    assert [h.outcome for h in hits] == ["infeasible"]
    nearest = hits[0].values["terdekat"]
    assert nearest == [Percent(D("5.88"), 2), Percent(D("11.76"), 2)]


def test_wrong_and_infeasible_share_is_reported_once_as_infeasible() -> None:
    groups = [{"kategori": "berkembang", "jumlah": 11, "persen": D("65.71")}]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=17))))
    assert [h.outcome for h in hits] == ["infeasible"]


def test_wrong_but_feasible_share_is_not_also_infeasible() -> None:
    groups = [{"kategori": "berkembang", "jumlah": 11, "persen": D("58.82")}]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=17))))
    assert [h.outcome for h in hits] == ["percent"]


def test_coarse_share_names_the_run_of_counts() -> None:
    groups = [{"kategori": "a", "jumlah": 500, "persen": 59}]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=1000))))
    assert [(h.outcome, h.values["jumlah_lain"]) for h in hits] == [("percent", "585–594")]


def test_shares_of_a_complete_statement_must_make_100() -> None:
    groups = [
        {"kategori": "maju", "persen": D("5.88")},
        {"kategori": "berkembang", "persen": D("64.71")},
        {"kategori": "tertinggal", "persen": D("19.41")},
    ]
    hits = distribution(view=view_of(report(statement(groups, lengkap=True))))
    assert outcomes(hits) == [("total", "/narasi/distribusi/0/kelompok")]
    assert hits[0].printed == D("90.00")


def test_shares_within_rounding_of_100_pass() -> None:
    thirds = [{"kategori": str(i), "persen": D("33.3")} for i in range(3)]
    whole = [{"kategori": str(i), "persen": 33} for i in range(3)]
    for groups in (thirds, whole):
        assert distribution(view=view_of(report(statement(groups, lengkap=True)))) == []


def test_total_not_repeated_when_a_share_is_already_reported() -> None:
    groups = [
        {"kategori": "maju", "jumlah": 1, "persen": D("5.88")},
        {"kategori": "berkembang", "jumlah": 16, "persen": D("50.00")},
    ]
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=17, lengkap=True))))
    assert [h.outcome for h in hits] == ["infeasible"]


def test_partial_statement_shares_need_not_make_100() -> None:
    groups = [{"kategori": "maju", "persen": D("5.88")}]
    assert distribution(view=view_of(report(statement(groups, keseluruhan=17)))) == []


def test_whole_of_zero_is_not_divided() -> None:
    groups = [{"kategori": "maju", "jumlah": 0, "persen": 0}]
    assert distribution(view=view_of(report(statement(groups, keseluruhan=0, lengkap=True)))) == []


def test_jenis_filter() -> None:
    groups = [{"kategori": "maju", "persen": D("6.25")}]
    item = statement(groups, keseluruhan=17, jenis="lainnya")
    view = view_of(report(item))
    assert distribution(view=view, jenis=["status_desa"]) == []
    assert len(distribution(view=view, jenis=["lainnya"])) == 1


@pytest.mark.parametrize(
    "narasi",
    [
        None,
        [],
        "text",
        {"distribusi": "text"},
        {"distribusi": [1, "x", None, {}]},
        {"distribusi": [{"kelompok": "x", "keseluruhan": "17"}]},
        {"distribusi": [{"kelompok": [1, {"jumlah": "dua", "persen": "5,88"}], "lengkap": True}]},
        {"distribusi": [{"kelompok": [{"jumlah": True, "persen": True}], "keseluruhan": True}]},
        {"distribusi": [{"kelompok": [{"jumlah": -1, "persen": D("NaN")}], "keseluruhan": -3}]},
        {"distribusi": [{"kelompok": [{"jumlah": D("1.5")}], "keseluruhan": D("17.0")}]},
    ],
)
def test_malformed_data_is_skipped(narasi: Any) -> None:
    data = {"narasi": narasi, "laporan": {"tahun_anggaran": "2021"}}
    assert distribution(view=view_of(data)) == []
    assert list(DistributionAgreement({"jenis": ["status_desa"]}).run(view_of(data))) == []


def test_rule_fragments_from_toml() -> None:
    view = view_toml(
        """
[[narasi.distribusi]]
id = "x"
bab = "3.2"
jenis = "status_desa"
keseluruhan = 17
satuan = "desa"
lengkap = true
kutipan = "..."
kelompok = [
  { kategori = "maju", jumlah = 1, persen = 5.88 },
  { kategori = "lain", jumlah = 16, persen = 94.12 },
]
"""
    )
    assert distribution(view=view) == []


# -- Properties ----------------------------------------------------------------------------


@st.composite
def honest_distributions(draw: Any) -> tuple[int, list[int], int]:
    whole = draw(st.integers(1, 500))
    groups = draw(st.integers(1, 6))
    cuts = sorted(draw(st.lists(st.integers(0, whole), min_size=groups - 1, max_size=groups - 1)))
    bounds = [0, *cuts, whole]
    counts = [bounds[i + 1] - bounds[i] for i in range(groups)]
    places = draw(st.integers(0, 3))
    return whole, counts, places


def _groups(whole: int, counts: list[int], places: int) -> list[dict[str, Any]]:
    groups = []
    for i, count in enumerate(counts):
        share = percent(count, whole)
        assert share is not None
        groups.append(
            {"kategori": f"k{i}", "jumlah": count, "persen": round_half_up(share, places)}
        )
    return groups


@settings(max_examples=200)
@given(honest_distributions())
def test_honest_counts_and_rounded_shares_give_no_hit(case: tuple[int, list[int], int]) -> None:
    whole, counts, places = case
    item = statement(_groups(whole, counts, places), keseluruhan=whole, lengkap=True)
    assert distribution(view=view_of(report(item))) == []


@settings(max_examples=200)
@given(honest_distributions(), st.data())
def test_one_wrong_count_gives_a_hit(case: tuple[int, list[int], int], data: Any) -> None:
    whole, counts, places = case
    groups = _groups(whole, counts, places)
    index = data.draw(st.integers(0, len(groups) - 1))
    wrong = data.draw(st.integers(0, whole + 5).filter(lambda n: n != counts[index]))
    groups[index]["jumlah"] = wrong
    hits = distribution(view=view_of(report(statement(groups, keseluruhan=whole, lengkap=True))))
    assert hits
    assert len({(h.outcome, h.pointer) for h in hits}) == len(hits)  # each defect once
    share = percent(wrong, whole)
    assert share is not None
    if round_half_up(share, places) != groups[index]["persen"]:
        # the printed share no longer fits the count: said at that group's share
        assert f"/narasi/distribusi/0/kelompok/{index}/persen" in [h.pointer for h in hits]


@settings(max_examples=100)
@given(honest_distributions(), st.data())
def test_one_wrong_count_in_a_partial_statement_is_caught_by_its_share(
    case: tuple[int, list[int], int], data: Any
) -> None:
    whole, counts, places = case
    groups = _groups(whole, counts, places)
    index = data.draw(st.integers(0, len(groups) - 1))
    wrong = data.draw(st.integers(0, whole).filter(lambda n: n != counts[index]))
    groups[index]["jumlah"] = wrong
    share = percent(wrong, whole)
    assert share is not None
    hits = distribution(view=view_of(report(statement([groups[index]], keseluruhan=whole))))
    if round_half_up(share, places) == groups[index]["persen"]:
        assert hits == []  # the printed precision cannot tell the two counts apart
    else:
        assert [h.outcome for h in hits] in (["percent"], ["percent_truncated"])


# -- DistributionAgreement ---------------------------------------------------------------------


def agreement(data: dict[str, Any], jenis: tuple[str, ...] = ("status_desa",)) -> list[Hit]:
    return list(DistributionAgreement({"jenis": list(jenis)}).run(view_of(data)))


def counts(**named: int) -> list[dict[str, Any]]:
    return [{"kategori": name, "jumlah": n} for name, n in named.items()]


def test_reference_report_disagreements_each_once() -> None:
    hits = list(
        DistributionAgreement({"jenis": ["status_desa"]}).run(ReportView(load_path(EXAMPLE).data))
    )
    assert [(h.outcome, h.pointer, h.values["bab_acuan"]) for h in hits] == [
        ("undated", "/narasi/distribusi/1/kelompok/0/jumlah", "3.2 (2021)"),
        ("undated", "/narasi/distribusi/2/kelompok/0/jumlah", "3.2 (2021)"),
        ("undated", "/narasi/distribusi/3/kelompok/0/jumlah", "3.2 (2021)"),
    ]
    assert hits[0].values["rincian"] == "2 desa maju, 4 desa berkembang, 11 desa tertinggal"
    assert hits[0].values["rincian_acuan"] == "1 desa maju, 11 desa berkembang, 5 desa tertinggal"
    assert hits[1].values["kategori"] == ["mandiri", "berkembang"]
    assert hits[2].values["rincian"] == "1 desa mandiri"
    assert hits[2].values["rincian_acuan"] == "0 desa mandiri"


def test_same_year_disagreement_is_a_mismatch() -> None:
    data = report(
        statement(counts(maju=2), bab="1.3", tahun=2021),
        statement(counts(**{"Desa Maju": 1}), bab="3.2", tahun=2021),
    )
    hits = agreement(data)
    assert [(h.outcome, h.values["bab"], h.values["bab_acuan"]) for h in hits] == [
        ("mismatch", "3.2", "1.3 (2021)")
    ]


def test_statements_of_different_years_are_not_compared() -> None:
    data = report(
        statement(counts(maju=2), bab="1.3", tahun=2020),
        statement(counts(maju=1), bab="3.2", tahun=2021),
    )
    assert agreement(data) == []


def test_each_statement_is_reported_once_against_one_reference() -> None:
    data = report(*(statement(counts(mandiri=n), bab=f"1.{n}") for n in range(5)))
    hits = agreement(data)
    assert [(h.outcome, h.values["bab"], h.values["bab_acuan"]) for h in hits] == [
        ("undated", f"1.{n}", "1.0") for n in range(1, 5)
    ]


def test_dated_statement_of_the_report_year_is_the_reference() -> None:
    data = report(
        statement(counts(mandiri=1), bab="1.3"),
        statement(counts(mandiri=0), bab="3.1", tahun=2020),
        statement(counts(mandiri=2), bab="3.2", tahun=2021),
    )
    hits = agreement(data)
    assert [(h.values["bab"], h.values["bab_acuan"]) for h in hits] == [("1.3", "3.2 (2021)")]


def test_other_jenis_and_groups_without_counts_are_ignored() -> None:
    data = report(
        statement(counts(maju=2), bab="1.3", jenis="lainnya"),
        statement([{"kategori": "maju", "persen": D("5.88")}], bab="2.2"),
        statement(counts(maju=1), bab="3.2"),
    )
    assert agreement(data) == []
    assert agreement(data, ("status_desa", "lainnya")) == []


def test_every_pair_of_a_year_is_compared_not_only_with_the_first() -> None:
    # The first statement of 2021 names desa mandiri only: the conflict between the
    # second and the third on desa maju was missed when each was held to the first.
    data = report(
        statement(counts(mandiri=0), bab="1.3", tahun=2021),
        statement(counts(maju=1, berkembang=10), bab="2.2", tahun=2021),
        statement(counts(maju=2, berkembang=10), bab="3.2", tahun=2021),
    )
    hits = agreement(data)
    assert [(h.outcome, h.pointer, h.values["bab_acuan"]) for h in hits] == [
        ("mismatch", "/narasi/distribusi/2/kelompok/0/jumlah", "2.2 (2021)")
    ]
    assert hits[0].values["rincian"] == "2 desa maju"
    assert hits[0].values["rincian_acuan"] == "1 desa maju"


def test_the_odd_one_out_of_a_year_is_blamed() -> None:
    data = report(
        statement(counts(maju=2), bab="1.3", tahun=2021),
        statement(counts(maju=1), bab="2.2", tahun=2021),
        statement(counts(maju=1), bab="3.2", tahun=2021),
    )
    hits = agreement(data)
    assert [(h.values["bab"], h.values["bab_acuan"]) for h in hits] == [("1.3", "2.2 (2021)")]


def test_a_statement_differing_from_two_others_names_both() -> None:
    data = report(
        statement(counts(maju=1), bab="1.3", tahun=2021),
        statement(counts(tertinggal=6), bab="2.2", tahun=2021),
        statement(counts(maju=2, tertinggal=5), bab="3.2", tahun=2021),
        statement(counts(maju=1, tertinggal=6), bab="3.3", tahun=2021),
    )
    hits = agreement(data)
    assert [(h.values["bab"], h.values["bab_acuan"], h.values["rincian"]) for h in hits] == [
        ("3.2", "1.3 (2021), 2.2 (2021)", "2 desa maju, 5 desa tertinggal")
    ]
    assert hits[0].values["rincian_acuan"] == "1 desa maju, 6 desa tertinggal"


def test_an_undated_statement_is_still_held_to_the_main_reference_only() -> None:
    data = report(
        statement(counts(maju=1), bab="3.2", tahun=2021),
        statement(counts(maju=2), bab="3.3", tahun=2021),
        statement(counts(maju=2), bab="1.3"),
    )
    hits = agreement(data)
    assert [(h.outcome, h.values["bab"], h.values["bab_acuan"]) for h in hits] == [
        ("mismatch", "3.3", "3.2 (2021)"),
        ("undated", "1.3", "3.2 (2021)"),
    ]


# -- ShareOfWhole ----------------------------------------------------------------------------

SHARE_PARAMS: dict[str, Any] = {
    "tables": {
        "iku": ["target"],
        "capaian": ["target", "realisasi"],
        "target_akhir_renstra": ["realisasi", "target_akhir"],
    },
    "program_table": "program_pk",
    "statements": True,
    "distributions": True,
}


def share(data: dict[str, Any], **params: Any) -> list[Hit]:
    return list(ShareOfWhole({**SHARE_PARAMS, **params}).run(view_of(data)))


def whole_of(jumlah: int = 17, id: str = "desa") -> dict[str, Any]:
    return {"id": id, "bab": "1.3", "satuan": "desa", "jumlah": jumlah, "kutipan": "..."}


def share_report(
    *rows: dict[str, Any], bagian_dari: str | None = "desa", **narasi: Any
) -> dict[str, Any]:
    indicator: dict[str, Any] = {"id": "D", "nama": "Persentase desa", "polaritas": "positif"}
    if bagian_dari is not None:
        indicator["bagian_dari"] = bagian_dari
    return {
        "laporan": {"tahun_anggaran": 2021},
        "indikator": [indicator],
        "tabel": {"capaian": {"nomor": "3.2", "tahun": 2021, "baris": list(rows)}},
        "narasi": {"keseluruhan": [whole_of()], **narasi},
    }


def test_shares_of_17_desa_pass_at_their_printed_precision() -> None:
    data = share_report({"indikator": "D", "target": D("5.88"), "realisasi": D("35")})
    data["tabel"]["iku"] = {"baris": [{"indikator": "D", "target": {"2021": 6, "2022": "N/A"}}]}
    assert share(data) == []  # 35% = 6/17 (35,29) and 6% = 1/17 (5,88), rounded


def test_a_share_no_count_gives_is_reported_once_per_indicator_with_every_figure() -> None:
    data = share_report({"indikator": "D", "target": D("50.00"), "realisasi": D("45.00")})
    data["tabel"]["iku"] = {"nomor": "2.1", "baris": [{"indikator": "D", "target": {"2021": 50}}]}
    (hit,) = share(data)
    assert (hit.outcome, hit.pointer) == ("infeasible", "/tabel/iku/baris/0/target/2021")
    shown = [render("{daftar}", hit.values, "id")]
    assert shown == [
        "50% di Tabel 2.1 (target 2021), 50,00% di Tabel 3.2 (target 2021), "
        "45,00% di Tabel 3.2 (realisasi 2021)"
    ]
    assert render("{contoh}", hit.values, "en") == "1 desa = 5.88%"


def test_an_indicator_without_a_whole_is_not_judged() -> None:
    data = share_report({"indikator": "D", "realisasi": D("45.00")}, bagian_dari=None)
    assert share(data) == []


def test_program_targets_and_text_figures_are_shares_too() -> None:
    data = share_report({"indikator": "D", "realisasi": D("5.88")})
    item = {"nama_tertulis": "Persentase desa", "indikator": "D", "target": D("6.25")}
    program = {"kode": "3", "tingkat": "program", "nama": "P", "indikator_kinerja": [item]}
    data["tabel"]["program_pk"] = {"tahun": 2021, "baris": [program]}
    stated = {"bab": "4", "besaran": "realisasi", "indikator": "D", "nilai": D("45")}
    data["narasi"]["pernyataan"] = [stated]
    (hit,) = share(data)
    assert hit.pointer == "/tabel/program_pk/baris/0/indikator_kinerja/0/target"
    assert "45% di bab 4 (realisasi 2021)" in render("{daftar}", hit.values, "id")


def test_the_end_target_is_the_target_of_its_year() -> None:
    data = share_report({"indikator": "D", "realisasi": D("5.88")})
    data["tabel"]["target_akhir_renstra"] = {
        "tahun": 2021,
        "tahun_target_akhir": 2024,
        "baris": [{"indikator": "D", "realisasi": D("5.88"), "target_akhir": D("17.7")}],
    }
    data["tabel"]["iku"] = {"baris": [{"indikator": "D", "target": {"2024": D("17.65")}}]}
    # 17,7 is no share of 17 (3/17 = 17,647, rounded twice): infeasible, not a precision clash
    assert [(h.outcome, h.pointer) for h in share(data)] == [
        ("infeasible", "/tabel/target_akhir_renstra/baris/0/target_akhir")
    ]
    data["tabel"]["target_akhir_renstra"]["baris"][0]["target_akhir"] = D("17.6")
    assert share(data) == []  # 17,6 and 17,65 are both 3 of 17


def test_one_fraction_at_two_precisions_must_be_one_count() -> None:
    # Of 955 keluarga, 52 is 5,445...% (5,45 / 5,4) and 53 is 5,549...% (5,55 / 5,5).
    indicator = {"id": "K", "nama": "Keluarga miskin", "polaritas": "negatif", "bagian_dari": "kk"}
    kk = {"id": "kk", "bab": "1.3", "satuan": "keluarga", "jumlah": 955, "kutipan": "..."}

    def with_text(nilai: Decimal) -> dict[str, Any]:
        stated = {"bab": "3.2", "besaran": "realisasi", "indikator": "K", "nilai": nilai}
        return {
            "laporan": {"tahun_anggaran": 2021},
            "indikator": [indicator],
            "tabel": {"capaian": {"baris": [{"indikator": "K", "realisasi": D("5.45")}]}},
            "narasi": {"keseluruhan": [kk], "pernyataan": [stated]},
        }

    (hit,) = share(with_text(D("5.5")))
    assert (hit.outcome, hit.pointer) == ("precision", "/narasi/pernyataan/0/nilai")
    assert (hit.values["jumlah"], hit.values["jumlah_lain"]) == (53, 52)
    assert hit.expected == D("5.4")
    assert share(with_text(D("5.4"))) == []  # truncated as printed, not the same clash
    assert share(with_text(D("5"))) == []  # 5% covers 43-52 keluarga: 52 among them
    assert share(with_text(D("5.6"))) == []  # a plain difference: the statement rules'


def test_dated_distributions_of_a_year_are_one_fact_per_group() -> None:
    kk = {"id": "kk", "bab": "1.3", "satuan": "keluarga", "jumlah": 955, "kutipan": "..."}
    first = statement(
        [{"kategori": "miskin", "persen": D("5.45")}], bab="1.3", tahun=2021, bagian_dari="kk"
    )
    second = statement(
        [{"kategori": "Miskin", "persen": D("5.5")}], bab="3.2", tahun=2021, bagian_dari="kk"
    )
    data = report(first, second)
    data["narasi"]["keseluruhan"] = [kk]
    (hit,) = share(data)
    assert (hit.outcome, hit.pointer) == ("precision", "/narasi/distribusi/1/kelompok/0/persen")
    second["tahun"] = 2020
    assert share(data) == []


def test_a_distribution_stating_another_whole_and_undeclared_wholes() -> None:
    data = report(
        statement(counts(maju=1), bab="3.2", keseluruhan=18, bagian_dari="desa"),
        statement(counts(maju=1), bab="3.3", bagian_dari="kelurahan"),
    )
    data["narasi"]["keseluruhan"] = [whole_of()]
    data["indikator"] = [{"id": "D", "nama": "Persentase desa", "bagian_dari": "dusun"}]
    assert outcomes(share(data)) == [
        ("undeclared", "/indikator/0/bagian_dari"),
        ("whole_differs", "/narasi/distribusi/0/keseluruhan"),
        ("undeclared", "/narasi/distribusi/1/bagian_dari"),
    ]


def test_the_declared_whole_serves_a_statement_that_states_none() -> None:
    groups = [
        {"kategori": "maju", "jumlah": 1, "persen": D("5.88")},
        {"kategori": "berkembang", "jumlah": 11, "persen": D("58.82")},
        {"kategori": "tertinggal", "jumlah": 4, "persen": D("35.29")},
    ]
    data = report(statement(groups, lengkap=True, bagian_dari="desa"))
    data["narasi"]["keseluruhan"] = [whole_of()]
    assert outcomes(distribution(view=view_of(data))) == [
        ("sum", "/narasi/distribusi/0/kelompok"),
        ("percent", "/narasi/distribusi/0/kelompok/1/persen"),
        ("percent", "/narasi/distribusi/0/kelompok/2/persen"),
    ]


@settings(max_examples=200)
@given(st.integers(1, 400), st.data())
def test_honest_shares_at_any_precision_give_no_hit(whole: int, data: Any) -> None:
    k = data.draw(st.integers(0, whole))
    exact = percent(k, whole)
    assert exact is not None
    places = data.draw(st.lists(st.integers(0, 3), min_size=2, max_size=3))
    rows = [{"indikator": "D", "realisasi": round_half_up(exact, p)} for p in places[:1]]
    texts = [
        {"bab": "4", "besaran": "realisasi", "indikator": "D", "nilai": round_half_up(exact, p)}
        for p in places[1:]
    ]
    report_data = share_report(*rows, pernyataan=texts)
    report_data["narasi"]["keseluruhan"] = [whole_of(whole)]
    assert share(report_data) == []
