"""The anggaran kinds: the kode tree and its sums, realisasi ≤ anggaran, printed %, sanity."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from sakip_validate.checks.anggaran.absorption import CapaianIsAbsorption
from sakip_validate.checks.anggaran.efficiency import EfficiencyBudgetTotal
from sakip_validate.checks.anggaran.efficiency_level import EfficiencyLevel
from sakip_validate.checks.anggaran.equal import BudgetEqual
from sakip_validate.checks.anggaran.ordering import Ordering
from sakip_validate.checks.anggaran.percentage import Percentage
from sakip_validate.checks.anggaran.share import ShareOfTotal
from sakip_validate.checks.anggaran.slips import is_slip, slip
from sakip_validate.checks.anggaran.sums import HierarchicalSum
from sakip_validate.checks.anggaran.suspicious import SuspiciousAmount
from sakip_validate.domain.budget import build_tree
from sakip_validate.domain.efficiency import RUMUS, tingkat_efisiensi
from sakip_validate.domain.numbers import percent, round_half_up, truncate
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import CheckKind, Hit
from sakip_validate.engine.model import Rule
from sakip_validate.engine.packs import _load_pack
from sakip_validate.engine.runner import run_rules
from sakip_validate.engine.templates import Localized, Percent, Rupiah
from sakip_validate.findings import Finding, Text
from sakip_validate.loading import LoadedDocument, load_bytes, load_path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "examples" / "jatinegara-2021.toml"
PACK = ROOT / "rules" / "anggaran.toml"

RATIO = {"printed": "persen", "part": "realisasi", "whole": "anggaran"}
SUM_PARAMS: dict[str, Any] = {
    "table": ["realisasi_anggaran", "program_pk"],
    "field": ["anggaran", "realisasi"],
    "total": True,
    "percent": RATIO,
}
BASE = "/tabel/realisasi_anggaran"


# -- helpers ------------------------------------------------------------------------


def view_of(data: dict[str, Any]) -> ReportView:
    return ReportView(LoadedDocument("t.json", "json", "{}", data).data)


def run(kind: CheckKind, data: dict[str, Any]) -> list[Hit]:
    return list(kind.run(view_of(data)))


def b(kode: str, anggaran: Any, realisasi: Any = None, persen: Any = None, **extra: Any) -> dict:
    """One row of Tabel 3.8 (realisasi defaults to the anggaran)."""
    row = {
        "kode": kode,
        "tingkat": ("program", "kegiatan", "sub_kegiatan")[min(kode.count("."), 2)],
        "nama": f"Baris {kode}",
        "anggaran": anggaran,
        "realisasi": anggaran if realisasi is None else realisasi,
    }
    if persen is not None:
        row["persen"] = persen
    row.update(extra)
    return row


def budget(rows: list[dict], jumlah: dict | None = None, **tables: Any) -> dict[str, Any]:
    table: dict[str, Any] = {"nomor": "3.8", "baris": rows}
    if jumlah is not None:
        table["jumlah"] = jumlah
    return {"tabel": {"realisasi_anggaran": table, **tables}}


def sums(data: dict[str, Any], **params: Any) -> list[Hit]:
    return run(HierarchicalSum({**SUM_PARAMS, **params}), data)


def pct(part: int, whole: int) -> Decimal:
    exact = percent(part, whole)
    assert exact is not None
    return round_half_up(exact, 2)


def pack_rules() -> dict[str, Rule]:
    problems: list[Finding] = []
    pack = _load_pack(PACK, problems)
    assert pack is not None and problems == []
    return {rule.id: rule for rule in pack.rules}


RULES = pack_rules()


# -- is_slip ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "right", "slip"),
    [
        (84_000_000, 8_400_000, True),  # a zero too many
        (840_000, 8_400_000, True),  # a zero missing
        (8_400_000_000, 8_400_000, True),  # ×1000
        (8_400, 8_400_000, True),  # written in thousands
        (1_834_508_000, 1_834_058_000, True),  # adjacent digits swapped
        (21, 12, True),
        (321, 123, False),  # digits swapped but not adjacent
        (8_400_001, 8_400_000, False),
        (10_000, 1, False),  # ×10.000 is not a slip we claim
        (5, 5, False),
        (0, 0, False),
        (-50, -5, False),
    ],
)
def test_is_slip(printed: int, right: int, slip: bool) -> None:
    assert is_slip(printed, right) is slip


def test_slip_says_what_went_wrong_in_both_languages() -> None:
    assert slip(84_000_000, 8_400_000) == Localized(
        "angka tercetak kelebihan 1 angka nol (×10)",
        "the printed figure has 1 zero(s) too many (×10)",
    )
    lacking = slip(8_400, 8_400_000)
    assert lacking is not None and "(÷1.000)" in lacking.id and "(÷1,000)" in lacking.en
    swapped = slip(1_834_508_000, 1_834_058_000)
    assert swapped is not None and "(05 tertulis 50)" in swapped.id
    assert slip(1, 2) is None


# -- the tree ---------------------------------------------------------------------------


def tree_of(rows: list[dict]) -> dict[str, str | None]:
    view = view_of(budget(rows))
    tree = build_tree(view.rows("realisasi_anggaran"))
    return {n.row.pointer: (n.parent.row.kode if n.parent else None) for n in tree.nodes}


def test_parent_is_the_kode_prefix_or_the_induk() -> None:
    rows = [b("1", 0), b("1.1", 0), b("1.1.1", 0), b("X7", 0, induk="1.1"), b("2", 0)]
    parents = tree_of(rows)
    assert list(parents.values()) == [None, "1", "1.1", "1.1", None]


def test_a_missing_level_hangs_under_the_nearest_ancestor() -> None:
    assert list(tree_of([b("1", 0), b("1.2.1", 0)]).values()) == [None, "1"]


def test_an_induk_cycle_is_cut() -> None:
    parents = tree_of([b("A", 0, induk="B"), b("B", 0, induk="A")])
    assert None in parents.values()


def test_a_repeated_kode_is_a_child_but_never_a_parent() -> None:
    rows = [b("1", 0), b("1.1", 0), b("1.1", 0), b("1.1.1", 0)]
    view = view_of(budget(rows))
    tree = build_tree(view.rows("realisasi_anggaran"))
    first, second = tree.nodes[1], tree.nodes[2]
    assert [c.row.kode for c in first.children] == ["1.1.1"]
    assert second.children == [] and second.parent is tree.nodes[0]


# -- hierarchical sums --------------------------------------------------------------------


def consistent_rows() -> list[dict]:
    return [
        b("1", 30_000_000, 24_000_000, pct(24_000_000, 30_000_000)),
        b("1.1", 20_000_000, 16_000_000, pct(16_000_000, 20_000_000)),
        b("1.1.1", 12_500_000, 10_000_000, pct(10_000_000, 12_500_000)),
        b("1.1.2", 7_500_000, 6_000_000, pct(6_000_000, 7_500_000)),
        b("1.2", 10_000_000, 8_000_000, pct(8_000_000, 10_000_000)),
        b("2", 5_000_000, 1_234_567, pct(1_234_567, 5_000_000)),
    ]


def consistent_total() -> dict[str, Any]:
    return {"anggaran": 35_000_000, "realisasi": 25_234_567, "persen": pct(25_234_567, 35_000_000)}


def test_a_consistent_tree_gives_nothing() -> None:
    assert sums(budget(consistent_rows(), consistent_total())) == []


def test_unknown_cause_is_a_plain_mismatch_at_the_parent() -> None:
    rows = consistent_rows()
    rows[0]["anggaran"] = 31_234_000  # no row explains a difference of 1.234.000
    for row in rows:
        row.pop("persen")
    (hit,) = sums(budget(rows))
    assert hit.outcome == "mismatch"
    assert hit.pointer == f"{BASE}/baris/0/anggaran"
    assert hit.values["children"] == ["1.1", "1.2"]
    assert hit.values["difference"] == Rupiah(1_234_000)
    assert (hit.printed, hit.expected) == (Rupiah(31_234_000), Rupiah(30_000_000))


def test_jumlah_row_against_the_top_level_rows() -> None:
    total = consistent_total()
    total["realisasi"] = 25_300_000
    total.pop("persen")
    (hit,) = sums(budget(consistent_rows(), total))
    assert hit.outcome == "total_mismatch"
    assert hit.pointer == f"{BASE}/jumlah/realisasi"
    assert hit.values["row"] == "JUMLAH"
    assert hit.values["children"] == ["1", "2"]


def test_without_total_the_jumlah_row_is_not_read() -> None:
    total = consistent_total()
    total["anggaran"] = 1
    assert sums(budget(consistent_rows(), total), total=False) == []


def test_a_child_slip_is_reported_once_at_the_child() -> None:
    rows = consistent_rows()
    rows[3]["anggaran"] = 75_000_000  # 1.1.2: 7.500.000 with a zero too many
    rows[3].pop("persen")
    (hit,) = sums(budget(rows, consistent_total()))
    assert hit.outcome == "wrong_item"
    assert hit.pointer == f"{BASE}/baris/3/anggaran"
    assert (hit.printed, hit.expected) == (Rupiah(75_000_000), Rupiah(7_500_000))
    assert hit.values["sum_row"] == "1.1 Baris 1.1"
    assert hit.values["suspect"] == "1.1.2 Baris 1.1.2"
    assert "kelebihan 1 angka nol" in hit.values["cause"].id


def test_transposed_digits_in_a_child() -> None:
    rows = [
        b("1", 10_000_000, 8_511_000),
        b("1.1", 5_000_000, 4_321_000),
        b("1.2", 5_000_000, 4_910_000),  # 4.190.000 with "1" and "9" swapped
    ]
    (hit,) = sums(budget(rows))
    assert hit.outcome == "wrong_item"
    assert hit.pointer == f"{BASE}/baris/2/realisasi"
    assert hit.expected == Rupiah(4_190_000)


def test_a_top_level_row_is_judged_by_the_jumlah_row() -> None:
    rows = consistent_rows()
    rows[5]["anggaran"] = 50_000_000  # program 2 has no children: only the JUMLAH catches it
    rows[5].pop("persen")
    (hit,) = sums(budget(rows, consistent_total()))
    assert (hit.outcome, hit.pointer) == ("wrong_item", f"{BASE}/baris/5/anggaran")
    assert hit.values["sum_row"] == "JUMLAH"


def test_the_parent_confirms_a_wrong_middle_row() -> None:
    rows = consistent_rows()
    rows[1]["anggaran"] = 20_000_450  # 1.1: its sub kegiatan and program 1 both say 20.000.000
    rows[1].pop("persen")
    (hit,) = sums(budget(rows, consistent_total()))
    assert hit.outcome == "wrong_sum"
    assert hit.pointer == f"{BASE}/baris/1/anggaran"
    assert hit.expected == Rupiah(20_000_000)
    assert hit.values["cause"].id.startswith("baris 1 Baris 1 di atasnya baru berjumlah tepat")


def test_the_printed_percentage_confirms_a_wrong_leaf() -> None:
    rows = consistent_rows()
    rows[2]["anggaran"] = 12_417_000  # persen 80,00 still says 12.500.000
    (hit,) = sums(budget(rows, consistent_total()))
    assert hit.outcome == "wrong_item"
    assert hit.pointer == f"{BASE}/baris/2/anggaran"
    assert hit.expected == Rupiah(12_500_000)
    assert hit.values["cause"].en.startswith("the percentage on its row (80.00%) fits")


def test_the_printed_percentage_confirms_a_wrong_jumlah() -> None:
    total = consistent_total()
    total["realisasi"] = 25_243_567  # its 72,10% was computed from 25.234.567
    hits = sums(budget(consistent_rows(), total))
    assert [(h.outcome, h.pointer) for h in hits] == [("wrong_sum", f"{BASE}/jumlah/realisasi")]


def test_a_child_counted_twice() -> None:
    rows = [b("1", 25_000_000), b("1.1", 10_000_000), b("1.2", 10_000_000), b("1.3", 2_500_000)]
    (hit,) = sums(budget(rows), field="anggaran")
    assert hit.outcome == "double"
    assert hit.values["suspect"] == ["1.3 Baris 1.3"]
    assert hit.pointer == f"{BASE}/baris/0/anggaran"
    assert hit.values["cause"].en == "that row was probably counted twice"


def test_a_child_left_out() -> None:
    rows = [b("1", 17_000_000), b("1.1", 10_000_000), b("1.2", 7_000_000), b("1.3", 3_000_000)]
    hits = sums(budget(rows), field="anggaran")
    assert [(h.outcome, h.values["suspect"]) for h in hits] == [("double", ["1.3 Baris 1.3"])]
    assert "tidak ikut dijumlahkan" in hits[0].values["cause"].id


def test_several_equal_children_are_all_named() -> None:
    rows = [b("1", 5_200_000), b("1.1", 2_500_000), b("1.2", 2_700_000), b("1.3", 2_500_000)]
    (hit,) = sums(budget(rows), field="anggaran")
    assert hit.outcome == "double"
    assert hit.values["suspect"] == ["1.1 Baris 1.1", "1.3 Baris 1.3"]


def test_ambiguous_slips_give_a_plain_mismatch() -> None:
    # 7.000.000 + 70.000.000: either child read as ×10 explains the difference.
    rows = [b("1", 78_000_000), b("1.1", 70_000_000), b("1.2", 70_000_000), b("1.3", 1_000_000)]
    (hit,) = sums(budget(rows), field="anggaran")
    assert hit.outcome == "mismatch"


def test_program_pk_tree_is_checked_too() -> None:
    data = {
        "tabel": {
            "program_pk": {
                "baris": [
                    {"kode": "1", "tingkat": "program", "nama": "P", "anggaran": 30},
                    {"kode": "1.1", "tingkat": "kegiatan", "nama": "K", "anggaran": 20},
                ]
            }
        }
    }
    (hit,) = sums(data)
    assert hit.table == "program_pk" and hit.values["field"] == "anggaran"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"tabel": []},
        {"tabel": {"realisasi_anggaran": "x"}},
        {"tabel": {"realisasi_anggaran": {"baris": "x", "jumlah": 5}}},
        {"tabel": {"realisasi_anggaran": {"baris": [1, "a", None, {"kode": 7}]}}},
        budget([b("1", "banyak"), b("1.1", Decimal("1.5")), b("1.2", True)], {"anggaran": "?"}),
        budget([b("1", 10, persen="N/A"), b("1.1", 4, persen="-"), b("1.2", None)]),
        budget([b("1", 10, 20, persen=Decimal("50")), b("1.1", 0, 0, persen=100)]),
    ],
)
def test_malformed_data_never_crashes(data: dict[str, Any]) -> None:
    kinds: list[CheckKind] = [
        HierarchicalSum(SUM_PARAMS),
        Ordering(
            {"table": "realisasi_anggaran", "field_low": "realisasi", "field_high": "anggaran"}
            | {"total": True, "sums": SUM_PARAMS}
        ),
        Percentage(
            {"table": "realisasi_anggaran", "part": "realisasi", "whole": "anggaran"}
            | {"printed": "persen", "total": True, "sums": SUM_PARAMS}
        ),
        EfficiencyBudgetTotal(
            {
                "table": "efisiensi",
                "total_table": "realisasi_anggaran",
                "fields": {"anggaran": "anggaran"},
            }
        ),
        SuspiciousAmount({"cells": {"realisasi_anggaran": ["anggaran"]}}),
        BudgetEqual({**EQUAL, "sums": SUM_PARAMS}),
        CapaianIsAbsorption(
            {
                "table": "program_pendukung.program",
                "field": "capaian",
                "indicators": "indikator_kinerja",
                "budget_table": "realisasi_anggaran",
                "budget_percent": "persen",
                "budget_part": "realisasi",
                "budget_whole": "anggaran",
            }
        ),
    ]
    for kind in kinds:
        run(kind, data)  # must not raise


def test_missing_figures_skip_the_sum() -> None:
    """A row without figures or sub-rows leaves its parent's sum unchecked, and says so."""
    rows = [b("1", 30), b("1.1", 10), {"kode": "1.2", "tingkat": "kegiatan", "nama": "K"}]
    hits = sums(budget(rows), field="anggaran")
    assert [(h.outcome, h.pointer) for h in hits] == [("blank", f"{BASE}/baris/2")]
    assert hits[0].values["sum_row"] == "1 Baris 1"


def test_parameter_problems() -> None:
    assert HierarchicalSum({"table": "capaian", "field": "anggaran"}).problems()
    assert HierarchicalSum({"table": "program_pk", "field": "persen"}).problems()
    assert HierarchicalSum(SUM_PARAMS).problems() == []
    assert Percentage(
        {"table": "efisiensi", "part": "realisasi", "whole": "nope", "printed": "capaian"}
    ).problems()
    assert Ordering(
        {"table": "realisasi_anggaran", "field_low": "a", "field_high": "anggaran"}
    ).problems()
    assert Ordering(
        {
            "table": "realisasi_anggaran",
            "field_low": "realisasi",
            "field_high": "anggaran",
            "sums": {"table": "realisasi_anggaran"},
        }
    ).problems()


# -- property tests: random consistent trees -------------------------------------------------

Leaf = st.integers(min_value=1, max_value=2_000_000_000)
Kegiatan = st.one_of(Leaf, st.lists(Leaf, min_size=1, max_size=4))
Program = st.one_of(Leaf, st.lists(Kegiatan, min_size=1, max_size=4))
Programs = st.lists(Program, min_size=1, max_size=4)


def tree_rows(programs: list[Any]) -> tuple[list[dict], list[int], list[int], int]:
    """Rows in printed order with consistent sums, the row indexes of leaves and of inner rows."""
    rows: list[dict] = []
    leaves: list[int] = []
    inner: list[int] = []

    def add(kode: str, shape: Any) -> int:
        index = len(rows)
        rows.append({"kode": kode})
        if isinstance(shape, int):
            rows[index] = b(kode, shape)
            leaves.append(index)
            return shape
        total = sum(add(f"{kode}.{i + 1}", child) for i, child in enumerate(shape))
        rows[index] = b(kode, total)
        inner.append(index)
        return total

    grand = sum(add(str(i + 1), program) for i, program in enumerate(programs))
    return rows, leaves, inner, grand


@settings(max_examples=150, deadline=None)
@given(Programs)
def test_consistent_trees_give_no_hit(programs: list[Any]) -> None:
    rows, _, _, grand = tree_rows(programs)
    assert sums(budget(rows, {"anggaran": grand, "realisasi": grand})) == []


def siblings_of(rows: list[dict], index: int) -> list[int]:
    kode = rows[index]["kode"]
    parent = kode.rpartition(".")[0]
    return [
        i
        for i, row in enumerate(rows)
        if row["kode"].rpartition(".")[0] == parent and row["kode"].count(".") == kode.count(".")
    ]


@settings(max_examples=150, deadline=None)
@given(Programs, st.data())
def test_a_slipped_leaf_is_named(programs: list[Any], data: st.DataObject) -> None:
    rows, leaves, _, grand = tree_rows(programs)
    leaf = data.draw(st.sampled_from(leaves))
    right = rows[leaf]["anggaran"]
    factor = data.draw(st.sampled_from([10, 1000]))
    rows[leaf]["anggaran"] = right * factor
    hits = sums(budget(rows, {"anggaran": grand, "realisasi": grand}), field="anggaran")
    assert len(hits) == 1
    (hit,) = hits
    # Another row whose own slip would explain the same difference makes it ambiguous.
    d = right - right * factor
    others = [
        i
        for i in siblings_of(rows, leaf)
        if i != leaf and rows[i]["anggaran"] + d >= 0
        if is_slip(rows[i]["anggaran"], rows[i]["anggaran"] + d)
    ]
    parent_printed = hit.values["sum_printed"] if hit.outcome == "wrong_item" else hit.printed
    parent_sum = hit.values["sum_expected"] if hit.outcome == "wrong_item" else hit.expected
    self_slip = is_slip(parent_printed.amount, parent_sum.amount)
    if not others and not self_slip:
        assert hit.outcome == "wrong_item"
        assert hit.pointer == f"{BASE}/baris/{leaf}/anggaran"
        assert hit.expected == Rupiah(right)
    else:
        assert hit.outcome in ("mismatch", "total_mismatch", "wrong_sum", "wrong_item")
        assert hit.outcome != "wrong_item" or hit.pointer == f"{BASE}/baris/{leaf}/anggaran"


@settings(max_examples=150, deadline=None)
@given(Programs, st.data())
def test_any_wrong_leaf_gives_exactly_one_hit(programs: list[Any], data: st.DataObject) -> None:
    rows, leaves, _, grand = tree_rows(programs)
    leaf = data.draw(st.sampled_from(leaves))
    delta = data.draw(st.integers(min_value=-rows[leaf]["anggaran"], max_value=10**9))
    assume(delta != 0)
    rows[leaf]["anggaran"] += delta
    hits = sums(budget(rows, {"anggaran": grand, "realisasi": grand}), field="anggaran")
    assert len(hits) == 1


@settings(max_examples=150, deadline=None)
@given(Programs, st.data())
def test_a_wrong_inner_row_is_reported_once_at_itself(
    programs: list[Any], data: st.DataObject
) -> None:
    rows, _, inner, grand = tree_rows(programs)
    assume(inner)
    node = data.draw(st.sampled_from(inner))
    right = rows[node]["anggaran"]
    delta = data.draw(st.integers(min_value=-right, max_value=10**9))
    assume(delta != 0)
    rows[node]["anggaran"] += delta
    hits = sums(budget(rows, {"anggaran": grand, "realisasi": grand}), field="anggaran")
    assert [(h.outcome, h.pointer, h.expected) for h in hits] == [
        ("wrong_sum", f"{BASE}/baris/{node}/anggaran", Rupiah(right))
    ]


@settings(max_examples=150, deadline=None)
@given(Programs, st.data())
def test_the_percentage_names_any_wrong_leaf(programs: list[Any], data: st.DataObject) -> None:
    rows, leaves, _, grand = tree_rows(programs)
    for row in rows:  # spend about three quarters of every budget
        row["realisasi"] = row["anggaran"] * 3 // 4
    # realisasi of inner rows must still add up: recompute bottom-up (children come later)
    for index in reversed(range(len(rows))):
        kode = rows[index]["kode"]
        children = [r for r in rows if r["kode"].rpartition(".")[0] == kode and "." in r["kode"]]
        if children:
            rows[index]["realisasi"] = sum(r["realisasi"] for r in children)
    for row in rows:
        row["persen"] = pct(row["realisasi"], row["anggaran"])
    spent = sum(r["realisasi"] for r in rows if "." not in r["kode"])
    total = {"anggaran": grand, "realisasi": spent, "persen": pct(spent, grand)}
    leaf = data.draw(st.sampled_from(leaves))
    right = rows[leaf]["anggaran"]
    wrong = data.draw(st.integers(min_value=1, max_value=4_000_000_000))
    assume(wrong != right)
    exact = percent(rows[leaf]["realisasi"], wrong)
    assume(exact is not None and round_half_up(exact, 2) != rows[leaf]["persen"])
    assume(truncate(exact, 2) != rows[leaf]["persen"])
    rows[leaf]["anggaran"] = wrong
    hits = sums(budget(rows, total), field="anggaran")
    assert [(h.outcome, h.pointer, h.expected) for h in hits] == [
        ("wrong_item", f"{BASE}/baris/{leaf}/anggaran", Rupiah(right))
    ]


# -- ordering ------------------------------------------------------------------------------


ORDER = {"table": "realisasi_anggaran", "field_low": "realisasi", "field_high": "anggaran"}


def test_spending_above_budget() -> None:
    data = budget([b("1", 10_000, 10_000), b("2", 10_000, 12_500)])
    (hit,) = run(Ordering(ORDER), data)
    assert hit.pointer == f"{BASE}/baris/1/realisasi"
    assert (hit.values["printed"], hit.values["expected"]) == (Rupiah(12_500), Rupiah(10_000))
    assert hit.values["difference"] == Rupiah(2_500)


def test_jumlah_row_is_ordered_too() -> None:
    data = budget([b("1", 10_000, 9_000)], {"anggaran": 10_000, "realisasi": 10_001})
    hits = run(Ordering({**ORDER, "total": True}), data)
    assert [h.pointer for h in hits] == [f"{BASE}/jumlah/realisasi"]


def test_a_typo_the_sum_check_explains_is_not_reported_again() -> None:
    rows = [b("1", 14_277_000, 16_263_500, Decimal("88.51")), b("1.1", 14_277_000, 12_636_000)]
    plain = run(Ordering(ORDER), budget(rows))
    deferred = run(Ordering({**ORDER, "sums": SUM_PARAMS}), budget(rows))
    assert len(plain) == 1 and deferred == []


@given(st.integers(0, 10**12), st.integers(0, 10**12))
def test_ordering_property(low: int, high: int) -> None:
    hits = run(Ordering(ORDER), budget([b("1", high, low)]))
    assert len(hits) == (1 if low > high else 0)


# -- percentages ---------------------------------------------------------------------------


PERCENT = {"table": "realisasi_anggaran", "part": "realisasi", "whole": "anggaran"} | {
    "printed": "persen",
    "total": True,
    "rupiah": True,
}


def percent_hits(anggaran: int, realisasi: int, printed: Any, **params: Any) -> list[Hit]:
    return run(Percentage({**PERCENT, **params}), budget([b("1", anggaran, realisasi, printed)]))


def test_rounded_percentage_passes() -> None:
    assert percent_hits(1_624_774_000, 1_380_022_579, Decimal("84.94")) == []
    assert percent_hits(3, 2, Decimal("66.67")) == []
    assert percent_hits(3, 2, 67) == []  # printed without decimals


def test_truncated_percentage() -> None:
    (hit,) = percent_hits(3, 2, Decimal("66.66"))
    assert hit.outcome == "truncated"
    assert hit.values["expected"] == Percent(Decimal("66.67"), 2)
    assert hit.values["exact"] == Percent(Decimal("66.6667"), 4)
    assert hit.values["part"] == Rupiah(2)


def test_wrong_percentage() -> None:
    (hit,) = percent_hits(1_624_774_000, 1_380_022_579, Decimal("85.94"))
    assert hit.outcome == "mismatch"
    assert hit.pointer == f"{BASE}/baris/0/persen"
    assert hit.expected == Decimal("84.94")


@pytest.mark.parametrize("printed", [100, 0, Decimal("100.00")])
def test_zero_budget_must_print_na(printed: Any) -> None:
    (hit,) = percent_hits(0, 0, printed)
    assert hit.outcome == "zero_whole"


@pytest.mark.parametrize("printed", ["N/A", "-", None])
def test_zero_budget_with_na_or_blank_passes(printed: Any) -> None:
    assert percent_hits(0, 0, printed) == []


def test_jumlah_percentage_is_checked() -> None:
    data = budget([b("1", 100, 50, 50)], {"anggaran": 100, "realisasi": 50, "persen": 55})
    hits = run(Percentage(PERCENT), data)
    assert [h.pointer for h in hits] == [f"{BASE}/jumlah/persen"]


def test_percentage_of_a_mistyped_figure_defers_to_the_sum_check() -> None:
    rows = [
        b("1", 10_000_000, 7_486_000, Decimal("74.86")),
        b("1.1", 84_000_000, 7_486_000, Decimal("89.12")),  # 8.400.000 with a zero too many
        b("1.2", 1_600_000, 0, 0),
    ]
    assert len(run(Percentage(PERCENT), budget(rows))) == 1
    assert run(Percentage({**PERCENT, "sums": SUM_PARAMS}), budget(rows)) == []


def test_polarity_filter() -> None:
    data = {
        "indikator": [
            {"id": "P", "nama": "P", "satuan": "%", "polaritas": "positif"},
            {"id": "N", "nama": "N", "satuan": "%", "polaritas": "negatif"},
        ],
        "tabel": {
            "target_akhir_renstra": {
                "baris": [
                    {"indikator": "P", "realisasi": 5, "target_akhir": 10, "capaian": 60},
                    {"indikator": "N", "realisasi": 5, "target_akhir": 10, "capaian": 150},
                ]
            }
        },
    }
    params = {"table": "target_akhir_renstra", "part": "realisasi", "whole": "target_akhir"}
    params |= {"printed": "capaian", "polarity": "positif"}
    hits = run(Percentage(params), data)
    assert [h.values["indikator"] for h in hits] == ["P"]


@settings(max_examples=300)
@given(st.integers(1, 10**12), st.integers(0, 10**12), st.integers(0, 4))
def test_percentage_property(anggaran: int, realisasi: int, places: int) -> None:
    exact = percent(realisasi, anggaran)
    assert exact is not None
    rounded, cut = round_half_up(exact, places), truncate(exact, places)
    assert percent_hits(anggaran, realisasi, rounded) == []
    truncated = percent_hits(anggaran, realisasi, cut)
    assert [h.outcome for h in truncated] == ([] if cut == rounded else ["truncated"])
    step = Decimal(1).scaleb(-places)
    off = percent_hits(anggaran, realisasi, rounded + step)
    assert [h.outcome for h in off] == ["mismatch"]


# -- the same budget in Tabel 2.4 and Tabel 3.8 ---------------------------------------------


EQUAL = {"tables": ["realisasi_anggaran", "program_pk"], "field": "anggaran"}


def pk_and_budget(pk: list[tuple[str, int]], rows: list[dict]) -> dict:
    data = budget(rows)
    data["tabel"]["program_pk"] = {
        "nomor": "2.4",
        "baris": [
            {
                "kode": k,
                "tingkat": "program" if "." not in k else "kegiatan",
                "nama": k,
                "anggaran": a,
            }
            for k, a in pk
        ],
    }
    return data


def test_pk_budget_differs_from_realisation_table() -> None:
    data = pk_and_budget([("1", 10_000), ("2", 5_000)], [b("1", 10_000), b("2", 5_500)])
    (hit,) = run(BudgetEqual(EQUAL), data)
    assert hit.pointer == "/tabel/program_pk/baris/1/anggaran"
    assert (hit.values["printed"], hit.values["other_printed"]) == (Rupiah(5_000), Rupiah(5_500))
    assert hit.values["other_table"] == Text("Tabel 3.8", "Tabel 3.8")


def test_a_typo_the_sum_check_reports_is_not_reported_again() -> None:
    right = [("1", 16_704_456), ("1.1", 11_581_000), ("1.2", 5_123_456)]
    typo = [("1", 16_704_456), ("1.1", 11_851_000), ("1.2", 5_123_456)]  # "58" printed "85"
    data = pk_and_budget(typo, [b(k, a) for k, a in right])
    assert len(run(BudgetEqual(EQUAL), data)) == 1
    assert run(BudgetEqual({**EQUAL, "sums": SUM_PARAMS}), data) == []
    # and the other way round: the typo is in Tabel 3.8
    data = pk_and_budget(right, [b(k, a) for k, a in typo])
    assert len(run(BudgetEqual(EQUAL), data)) == 1
    assert run(BudgetEqual({**EQUAL, "sums": SUM_PARAMS}), data) == []


def test_budget_equal_parameters() -> None:
    assert BudgetEqual({"tables": ["efisiensi", "program_pk"], "field": "anggaran"}).problems()
    assert BudgetEqual({**EQUAL, "sums": SUM_PARAMS}).problems() == []


# -- the efficiency table's budget -----------------------------------------------------------


EFF = {
    "table": "efisiensi",
    "total_table": "realisasi_anggaran",
    "fields": {"anggaran": "anggaran", "realisasi_anggaran": "realisasi"},
}


def efficiency(*budgets: tuple[int, int], total: dict | None, rows: list[dict]) -> dict:
    data = budget(rows, total)
    data["tabel"]["efisiensi"] = {
        "nomor": "3.6",
        "baris": [
            {"indikator": f"I{i}", "anggaran": a, "realisasi_anggaran": r}
            for i, (a, r) in enumerate(budgets)
        ],
    }
    return data


def test_efficiency_budget_equal_to_jumlah_passes() -> None:
    data = efficiency((100, 80), total={"anggaran": 100, "realisasi": 80}, rows=[b("1", 100, 80)])
    assert run(EfficiencyBudgetTotal(EFF), data) == []


def test_whole_budget_repeated_on_two_rows_exceeds() -> None:
    total = {"anggaran": 100, "realisasi": 80}
    data = efficiency((100, 80), (100, 80), total=total, rows=[b("1", 100, 80)])
    hits = run(EfficiencyBudgetTotal(EFF), data)
    assert [(h.outcome, h.values["field"], h.values["count"]) for h in hits] == [
        ("exceeds", "anggaran", 2),
        ("exceeds", "realisasi anggaran", 2),
    ]
    assert hits[0].pointer == "/tabel/efisiensi/baris/0/anggaran"


def test_partial_budget_is_short_and_programs_stand_in_for_a_missing_jumlah() -> None:
    data = efficiency((60, 50), total=None, rows=[b("1", 60, 50), b("2", 40, 30)])
    hits = run(EfficiencyBudgetTotal(EFF), data)
    assert [(h.outcome, h.expected) for h in hits] == [
        ("short", Rupiah(100)),
        ("short", Rupiah(80)),
    ]


def test_a_wrong_jumlah_is_left_to_the_sum_check() -> None:
    total = {"anggaran": 150, "realisasi": 80}  # JUMLAH anggaran wrong; the programs say 100
    data = efficiency((100, 80), total=total, rows=[b("1", 100, 80)])
    assert run(EfficiencyBudgetTotal(EFF), data) == []


# -- suspicious amounts -----------------------------------------------------------------------


def test_int32_overflow_amount_is_flagged_wherever_it_stands() -> None:
    data = efficiency(
        (2_147_483_647, 1),
        total={"anggaran": 5, "realisasi": 2_147_483_647},
        rows=[b("1", 2_147_483_647, 2_147_483_646)],
    )
    kind = SuspiciousAmount(
        {"cells": {"realisasi_anggaran": ["anggaran", "realisasi"], "efisiensi": ["anggaran"]}}
    )
    assert [h.pointer for h in run(kind, data)] == [
        f"{BASE}/baris/0/anggaran",
        f"{BASE}/jumlah/realisasi",
        "/tabel/efisiensi/baris/0/anggaran",
    ]


# -- capaian confused with absorption -----------------------------------------------------------


ABSORPTION = {
    "table": "program_pendukung.program",
    "field": "capaian",
    "indicators": "indikator_kinerja",
    "budget_table": "realisasi_anggaran",
    "budget_percent": "persen",
    "budget_part": "realisasi",
    "budget_whole": "anggaran",
}


def programs_3_7(*capaian: Any) -> list[dict]:
    return [
        {"kode": str(i + 1), "tingkat": "program", "nama": f"P{i + 1}", "capaian": value}
        for i, value in enumerate(capaian)
    ]


def absorption_data(*capaian: Any) -> dict:
    rows = [
        b("1", 1_000, 849, Decimal("84.90")),
        b("2", 1_000, 1_000, 100),
        b("3", 3, 2),  # no persen printed: recomputed 66,666...%
    ]
    data = budget(rows)
    data["tabel"]["program_pendukung"] = {"nomor": "3.7", "program": programs_3_7(*capaian)}
    return data


def test_capaian_equal_to_absorption_is_reported_once() -> None:
    (hit,) = run(
        CapaianIsAbsorption(ABSORPTION), absorption_data(Decimal("84.90"), 100, Decimal("66.67"))
    )
    assert hit.values["count"] == 3 and hit.values["compared"] == 3
    assert hit.values["kodes"] == ["1", "2", "3"]
    assert hit.pointer == "/tabel/program_pendukung/program/0/capaian"


def test_a_single_coincidence_or_only_round_figures_are_not_enough() -> None:
    assert run(CapaianIsAbsorption(ABSORPTION), absorption_data(Decimal("84.90"), 95, 80)) == []
    data = absorption_data(70, 100, 50)
    data["tabel"]["realisasi_anggaran"]["baris"][0]["persen"] = 100
    data["tabel"]["program_pendukung"]["program"][0]["capaian"] = 100
    assert run(CapaianIsAbsorption(ABSORPTION), data) == []


def test_program_indicator_capaian_are_compared() -> None:
    data = absorption_data(None, None, None)
    for row in data["tabel"]["program_pendukung"]["program"][:2]:
        row.pop("capaian")
    data["tabel"]["program_pendukung"]["program"][0]["indikator_kinerja"] = [
        {"nama_tertulis": "A"},
        {"nama_tertulis": "B", "capaian": Decimal("84.9")},
    ]
    data["tabel"]["program_pendukung"]["program"][1]["indikator_kinerja"] = [
        {"nama_tertulis": "C", "capaian": Decimal("66.67")},
        {"nama_tertulis": "D", "capaian": 100},
    ]
    (hit,) = run(CapaianIsAbsorption(ABSORPTION), data)
    assert hit.pointer == "/tabel/program_pendukung/program/0/indikator_kinerja/1/capaian"
    assert hit.values["count"] == 2  # 84,9 ~ 84,90 and 100 = 100; 66,67 belongs to kode 3


SINGLE = {**ABSORPTION, "program_table": "program_pk", "capaian_table": "capaian"}


def single_program(printed: Any, *, indikator: bool = True, **capaian_row: Any) -> dict:
    """Program 5 of the reference: absorption 88,51%; its indicator is desa tertib administrasi."""
    item: dict[str, Any] = {"nama_tertulis": "Persentase desa yang tertib administrasi"}
    if indikator:
        item["indikator"] = "DESA_TERTIB_ADM"
    if printed is not None:
        item["capaian"] = printed
    data = budget([b("5", 14_277_000, 12_636_000, Decimal("88.51"))])
    program = {"kode": "5", "tingkat": "program", "nama": "P5", "indikator_kinerja": [item]}
    data["tabel"]["program_pendukung"] = {"nomor": "3.7", "program": [program]}
    row = {"indikator": "DESA_TERTIB_ADM", "target": Decimal("50.00")}
    row.update(capaian_row)
    data["tabel"]["capaian"] = {"nomor": "3.2", "tahun": 2021, "baris": [row]}
    data["laporan"] = {"tahun_anggaran": 2021}
    data["indikator"] = [
        {"id": "DESA_TERTIB_ADM", "nama": "Desa tertib administrasi", "polaritas": "positif"}
    ]
    return data


def test_a_single_program_copying_its_absorption_is_reported_on_strong_evidence() -> None:
    data = single_program(Decimal("88.51"), realisasi=Decimal("45.00"), capaian=Decimal("90.00"))
    (hit,) = run(CapaianIsAbsorption(SINGLE), data)
    assert hit.outcome == "single"
    assert hit.pointer == "/tabel/program_pendukung/program/0/indikator_kinerja/0/capaian"
    assert hit.values["serapan"] == Percent(Decimal("88.51"))
    assert hit.values["expected"] == Percent(Decimal("90.00"), 2)
    assert hit.values["indikator"] == "Desa tertib administrasi"


def test_the_indicators_own_capaian_is_recomputed_when_not_printed() -> None:
    data = single_program(Decimal("88.51"), realisasi=Decimal("45.00"))
    (hit,) = run(CapaianIsAbsorption(SINGLE), data)
    assert hit.expected == Decimal("90.00")


def test_the_indicator_is_found_through_tabel_2_4_by_name() -> None:
    data = single_program(Decimal("88.51"), indikator=False, capaian=Decimal("90.00"))
    assert run(CapaianIsAbsorption(SINGLE), data) == []  # nothing says which indicator
    item = {
        "nama_tertulis": "PERSENTASE DESA YANG TERTIB  ADMINISTRASI",
        "indikator": "DESA_TERTIB_ADM",
    }
    data["tabel"]["program_pk"] = {"baris": [b("5", 14_277_000, indikator_kinerja=[item])]}
    assert [h.outcome for h in run(CapaianIsAbsorption(SINGLE), data)] == ["single"]


@pytest.mark.parametrize(
    ("printed", "own"),
    [
        (Decimal("90.00"), Decimal("90.00")),  # the real capaian: no confusion
        (Decimal("88.5"), Decimal("88.51")),  # equal at the printed precision too
        (100, 90),  # a round figure proves nothing
    ],
)
def test_no_single_finding_without_strong_evidence(printed: Any, own: Decimal) -> None:
    data = single_program(printed, capaian=own)
    if printed == 100:
        data["tabel"]["realisasi_anggaran"]["baris"][0]["persen"] = 100
    assert run(CapaianIsAbsorption(SINGLE), data) == []


def test_no_single_finding_where_the_whole_table_is_reported() -> None:
    data = absorption_data(Decimal("84.90"), 100, Decimal("66.67"))
    items = [{"nama_tertulis": "x", "indikator": "IKM", "capaian": Decimal("84.90")}]
    data["tabel"]["program_pendukung"]["program"][0]["indikator_kinerja"] = items
    data["tabel"]["capaian"] = {"baris": [{"indikator": "IKM", "capaian": Decimal("99.93")}]}
    data["indikator"] = [{"id": "IKM", "nama": "IKM", "polaritas": "positif"}]
    assert [h.outcome for h in run(CapaianIsAbsorption(SINGLE), data)] == ["absorption"]


# -- share of the total ----------------------------------------------------------------------

SHARE = {"table": "realisasi_anggaran", "field": "anggaran", "printed": "persen_dari_total"}


def shares(*percents: Any, total: Any = None, jumlah: bool = True) -> list[Hit]:
    """Program 1 (800), its kegiatan 1.1 (300) and 1.2 (500), program 2 (200): 1.000 in all."""
    amounts = [("1", 800), ("1.1", 300), ("1.2", 500), ("2", 200)]
    rows = []
    for (kode, amount), printed in zip(amounts, percents, strict=False):
        rows.append(
            b(kode, amount, persen_dari_total=printed) if printed is not None else b(kode, amount)
        )
    total_row = {"anggaran": 1_000, "realisasi": 1_000}
    if total is not None:
        total_row["persen_dari_total"] = total
    data = budget(rows, total_row if jumlah else None)
    return run(ShareOfTotal(SHARE), data)


def test_shares_of_the_total_pass_at_their_printed_precision() -> None:
    assert shares(Decimal("80.00"), 30, Decimal("50.0"), 20, total=100) == []
    assert shares(80, None, None, 20, jumlah=False) == []  # whole: the sum of the programs


def test_a_kegiatan_may_be_printed_as_a_share_of_its_program() -> None:
    assert shares(80, Decimal("37.5"), Decimal("62.5"), 20) == []


def test_a_wrong_share_and_a_truncated_one() -> None:
    found = shares(81, 30, 50, Decimal("20.0"), total=Decimal("99.9"))
    assert [(h.outcome, h.pointer) for h in found] == [
        ("mismatch", f"{BASE}/baris/0/persen_dari_total"),
        ("mismatch", f"{BASE}/jumlah/persen_dari_total"),
    ]
    assert found[0].values["whole"] == Rupiah(1_000)
    assert found[0].expected == 80
    data = budget([b("1", 2, persen_dari_total=Decimal("66.66")), b("2", 1)])
    (hit,) = run(ShareOfTotal(SHARE), data)
    assert (hit.outcome, hit.expected) == ("truncated", Decimal("66.67"))


# -- tingkat efisiensi ---------------------------------------------------------------------------


def levels(*rows: dict[str, Any], rumus: str | None = None) -> list[Hit]:
    table: dict[str, Any] = {"nomor": "3.6", "tahun": 2021, "baris": list(rows)}
    if rumus is not None:
        table["rumus"] = rumus
    data = {
        "indikator": [{"id": "IKM", "nama": "IKM", "polaritas": "positif"}],
        "tabel": {"efisiensi": table},
    }
    return run(EfficiencyLevel({"table": "efisiensi"}), data)


def eff_row(tingkat: Any, **cells: Any) -> dict[str, Any]:
    """Row 1 of the corrected Tabel 3.6: capaian 99,94 (80,90 / 80,95), capaian anggaran 82,30."""
    row = {
        "indikator": "IKM",
        "target": Decimal("80.95"),
        "realisasi": Decimal("80.90"),
        "capaian": Decimal("99.94"),
        "anggaran": 1_699_669_000,
        "realisasi_anggaran": 1_398_807_079,
        "capaian_anggaran": Decimal("82.30"),
        "tingkat_efisiensi": tingkat,
    }
    row.update(cells)
    return {key: value for key, value in row.items() if value is not None}


@pytest.mark.parametrize(
    ("rumus", "kinerja", "anggaran", "expected"),
    [
        ("kinerja_dibagi_anggaran", Decimal("90"), Decimal("80"), Decimal("112.5")),
        ("kinerja_dikurangi_anggaran", Decimal("90"), Decimal("80"), Decimal("10")),
        ("sisa_anggaran", Decimal("90"), Decimal("82.26"), Decimal("17.74")),
        ("satu_dikurangi_anggaran_per_kinerja", Decimal("80"), Decimal("60"), Decimal("25")),
        ("anggaran_dibagi_kinerja", Decimal("80"), Decimal("60"), Decimal("75")),
    ],
)
def test_the_efficiency_formulas(
    rumus: str, kinerja: Decimal, anggaran: Decimal, expected: Decimal
) -> None:
    assert tingkat_efisiensi(rumus, kinerja, anggaran) == expected
    assert set(RUMUS) >= {rumus}


def test_a_formula_dividing_by_zero_gives_nothing() -> None:
    assert tingkat_efisiensi("kinerja_dibagi_anggaran", 90, 0) is None
    with pytest.raises(ValueError):
        tingkat_efisiensi("sesuka_hati", 90, 80)


@pytest.mark.parametrize(
    ("printed", "outcome"),
    [
        (Decimal("121.43"), None),  # 99,94 / 82,30 x 100 = 121,4337...
        (Decimal("121.44"), None),  # the capaian recomputed first: 99,938... / 82,30 x 100
        (121, None),
        (Decimal("121.433"), None),  # exact operands: 99,938... / 82,298... x 100 = 121,4334
        (Decimal("121.431"), "truncated"),  # 99,938... / 82,30 x 100 = 121,4316..., cut
        (100, "mismatch"),
    ],
)
def test_a_stated_formula_must_give_the_printed_level(printed: Any, outcome: str | None) -> None:
    found = levels(eff_row(printed), rumus="kinerja_dibagi_anggaran")
    assert [h.outcome for h in found] == ([outcome] if outcome else [])
    if outcome == "mismatch":
        assert found[0].expected == 121
        assert found[0].values["rumus"] == RUMUS["kinerja_dibagi_anggaran"]


def test_without_a_stated_formula_any_common_one_may_explain_the_level() -> None:
    for printed in (Decimal("121.43"), Decimal("17.64"), Decimal("17.70"), Decimal("82.35")):
        assert levels(eff_row(printed)) == [], printed
    (hit,) = levels(eff_row(100))
    assert (hit.outcome, hit.pointer) == (
        "unexplained",
        "/tabel/efisiensi/baris/0/tingkat_efisiensi",
    )
    tried = hit.values["dicoba"].id
    assert tried.count(" = ") == len(RUMUS)
    assert "capaian kinerja ÷ capaian anggaran × 100 = 121,43" in tried


def test_a_level_on_a_row_without_its_figures_is_reported_not_ignored() -> None:
    bare = eff_row(100, anggaran=None, realisasi_anggaran=None, capaian_anggaran=None)
    (hit,) = levels(bare)
    assert hit.outcome == "no_inputs"
    assert [text.id for text in hit.values["kurang"]] == ["capaian anggaran"]
    na = eff_row(100, capaian="N/A", target=None, realisasi=None)
    assert [h.outcome for h in levels(na, rumus="sisa_anggaran")] == ["no_inputs"]


def test_the_budget_share_is_recomputed_when_not_printed() -> None:
    row = eff_row(Decimal("121.43"), capaian_anggaran=None)
    assert levels(row, rumus="kinerja_dibagi_anggaran") == []
    assert levels(eff_row("N/A")) == [] and levels(eff_row(None)) == []


# -- the pack on whole reports ---------------------------------------------------------------------


# The reference's own findings of this pack, left aside when a test adds a defect to it.
REFERENCE_RULES = {"ANG021", "ANG027", "ANG028"}


def ang_findings(document: LoadedDocument) -> list[Finding]:
    return run_rules(document, list(RULES.values()))


def test_reference_report() -> None:
    findings = ang_findings(load_path(REFERENCE))
    assert [(f.rule, f.location.pointer) for f in findings] == [
        ("ANG027", "/tabel/efisiensi/baris/0/tingkat_efisiensi"),
        ("ANG028", "/tabel/efisiensi/baris/1/tingkat_efisiensi"),
        ("ANG028", "/tabel/efisiensi/baris/3/tingkat_efisiensi"),
        ("ANG021", "/tabel/program_pendukung/program/0/indikator_kinerja/0/capaian"),
    ]
    assert "15 dari 15" in findings[3].message.id
    # the printed 100% follows from no formula: the message names each one tried
    assert "capaian kinerja ÷ capaian anggaran × 100 = 121,48" in findings[0].message.id


def test_corrected_reference_report_gives_no_finding() -> None:
    document = load_path(REFERENCE)
    data = copy.deepcopy(document.data)
    # The corrected Tabel 3.6 prints no tingkat efisiensi that no formula gives.
    for row in data["tabel"]["efisiensi"]["baris"]:
        row.pop("tingkat_efisiensi", None)
    # The corrected Tabel 3.7 states performance capaian, not budget absorption.
    for row in data["tabel"]["program_pendukung"]["program"]:
        row.pop("capaian", None)
        for item in row.get("indikator_kinerja", []):
            item["capaian"] = 100
    corrected = LoadedDocument(document.label, document.format, document.text, data)
    assert ang_findings(corrected) == []


def test_one_program_left_copying_its_absorption_in_the_reference_is_caught_alone() -> None:
    # Correct every Tabel 3.7 figure but program 5's indicator (88,51% = its absorption):
    # one coincidence, but its indicator (desa tertib administrasi, via Tabel 2.4) reached 90,00%.
    document = load_path(REFERENCE)
    data = copy.deepcopy(document.data)
    for row in data["tabel"]["program_pendukung"]["program"]:
        row.pop("capaian", None)
        for item in row.get("indikator_kinerja", []):
            if row["kode"] != "5":
                item.pop("capaian", None)
    one = LoadedDocument(document.label, document.format, document.text, data)
    (finding,) = [f for f in ang_findings(one) if f.rule not in REFERENCE_RULES]
    assert finding.rule == "ANG022"
    assert finding.location.pointer.endswith("/indikator_kinerja/0/capaian")
    assert (finding.printed, finding.expected) == ("88.51", "90.00")
    assert "Peningkatan persentase desa yang tertib administrasi" in finding.message.id


def test_a_wrong_percentage_names_its_part_and_whole() -> None:
    document = load_path(REFERENCE)
    data = copy.deepcopy(document.data)
    row = data["tabel"]["realisasi_anggaran"]["baris"][0]
    row["persen"] += 1
    wrong = LoadedDocument(document.label, document.format, document.text, data)
    (finding,) = [f for f in ang_findings(wrong) if f.rule not in REFERENCE_RULES]
    assert finding.location.pointer == f"{BASE}/baris/0/persen"
    assert finding.operands == (
        ("part", str(row["realisasi"])),
        ("whole", str(row["anggaran"])),
    )


def test_a_slip_in_the_reference_gives_one_finding_naming_the_row() -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace(
        "anggaran = 8_400_000", "anggaran = 84_000_000"
    )
    document = load_bytes(text.encode(), "slip.toml", "toml")
    findings = [f for f in ang_findings(document) if f.rule not in REFERENCE_RULES]
    assert [f.rule for f in findings] == ["ANG004"]
    (finding,) = findings
    assert "1.3.4" in finding.message.id and "Rp8.400.000" in finding.message.id
    assert "Rp8,400,000" in finding.message.en
    assert finding.printed == "84000000" and finding.expected == "8400000"


# -- heading rows, revenue and excerpts (issue 11) ---------------------------------------------


def heading(kode: str, **extra: Any) -> dict:
    """A heading row: no anggaran, no realisasi."""
    row = b(kode, 0, **extra)
    del row["anggaran"], row["realisasi"]
    return row


def test_derived_figures_read_as_sums_in_messages() -> None:
    from sakip_validate.engine.templates import display

    assert display(Rupiah(1_000, derived=True), "id") == "Rp1.000 (jumlah rinciannya)"
    assert display(Rupiah(1_000, derived=True), "en") == "Rp1,000 (the sum of its sub-rows)"
    assert display(Rupiah(1_000), "id") == "Rp1.000"


def test_a_sum_is_checked_through_heading_rows_and_blames_a_printed_figure() -> None:
    rows = [b("1", 30), heading("1.1"), b("1.1.1", 10), b("1.1.2", 15), b("1.2", 5)]
    assert sums(budget(rows), field="anggaran") == []
    rows[0]["anggaran"] = 31  # 10 + 15 + 5 = 30
    (hit,) = sums(budget(rows), field="anggaran")
    assert (hit.outcome, hit.pointer) == ("mismatch", f"{BASE}/baris/0/anggaran")
    assert hit.values["children"] == ["1.1", "1.2"]
    # A mistyped sub-row beneath a heading row is found through it (×10 slip).
    rows[0]["anggaran"] = 30
    rows[2]["anggaran"] = 100
    (hit,) = sums(budget(rows), field="anggaran")
    assert (hit.outcome, hit.pointer) == ("wrong_item", f"{BASE}/baris/2/anggaran")
    assert hit.values["sum_row"] == "1 Baris 1"


def test_a_heading_row_is_never_the_suspect_of_a_sum() -> None:
    rows = [b("1", 40), heading("1.1"), b("1.1.1", 10), b("1.2", 20)]
    # 40 − 30 = 10: the heading row 1.1 sums to 10 too; it may be named as counted
    # twice, but the finding stands at the printed figure of the row above.
    hits = sums(budget(rows), field="anggaran")
    assert [h.pointer for h in hits] == [f"{BASE}/baris/0/anggaran"]


def test_revenue_is_summed_apart_from_spending() -> None:
    rows = [
        heading("4", jenis_anggaran="pendapatan"),
        b("4.1", 500, 600),
        b("1", 100, 90),
        b("1.1", 100, 90),
        b("1.2", 7, 7, jenis_anggaran="pendapatan"),  # revenue under a spending row
    ]
    jumlah = {"anggaran": 100, "realisasi": 90}
    assert sums(budget(rows, jumlah)) == []
    hits = run(Ordering({**ORDER, "total": True}), budget(rows, jumlah))
    assert [(h.outcome, h.pointer) for h in hits] == [("above_target", f"{BASE}/baris/1/realisasi")]


def test_revenue_above_target_is_said_at_the_highest_row_only() -> None:
    rows = [b("4.1", 500, 600), b("4.1.1", 200, 300), b("4.1.2", 300, 300)]
    data = budget(rows)
    data["tabel"]["realisasi_anggaran"]["jenis_anggaran"] = "pendapatan"
    hits = run(Ordering(ORDER), data)
    assert [(h.outcome, h.pointer) for h in hits] == [("above_target", f"{BASE}/baris/0/realisasi")]
    assert hits[0].values["difference"] == Rupiah(100)
    # The efficiency table knows no revenue: the same kind still says "exceeds" there.
    eff = efficiency((10, 12), total=None, rows=rows)
    eff["tabel"]["realisasi_anggaran"]["jenis_anggaran"] = "pendapatan"
    ordering = Ordering(
        {"table": "efisiensi", "field_low": "realisasi_anggaran", "field_high": "anggaran"}
    )
    assert [h.outcome for h in run(ordering, eff)] == ["exceeds"]


def test_a_percentage_on_a_heading_row_uses_the_sums_and_the_sum_checks_corrections() -> None:
    kind = Percentage(
        {
            "table": "realisasi_anggaran",
            "part": "realisasi",
            "whole": "anggaran",
            "printed": "persen",
            "total": True,
            "rupiah": True,
            "sums": SUM_PARAMS,
        }
    )
    rows = [heading("1", persen=Decimal("80.00")), b("1.1", 600, 480), b("1.2", 400, 320)]
    assert run(kind, budget(rows)) == []
    rows[0]["persen"] = Decimal("75.00")
    (hit,) = run(kind, budget(rows))
    assert hit.pointer == f"{BASE}/baris/0/persen"
    assert hit.values["part"] == Rupiah(800, derived=True)
    assert hit.values["whole"] == Rupiah(1_000, derived=True)
    # A sub-row mistyped ×10 (its own 80% and the JUMLAH row confirm it) is reported by
    # the sum check; the heading row's % is right with the corrected figure.
    rows[0]["persen"] = Decimal("80.00")
    rows[1].update(realisasi=4_800, persen=Decimal("80.00"))
    data = budget(rows, {"anggaran": 1_000, "realisasi": 800})
    assert [h.outcome for h in sums(data)] == ["wrong_item"]
    assert run(kind, data) == []


def test_a_heading_rows_share_of_the_total_is_its_sum_and_revenue_has_its_own_whole() -> None:
    rows = [
        heading("1", persen_dari_total=80),
        b("1.1", 300, persen_dari_total=30),
        b("1.2", 500, persen_dari_total=50),
        b("2", 200, persen_dari_total=20),
        b("4", 50, persen_dari_total=100, jenis_anggaran="pendapatan"),
    ]
    data = budget(rows, {"anggaran": 1_000, "realisasi": 1_000, "persen_dari_total": 100})
    assert run(ShareOfTotal(SHARE), data) == []
    rows[0]["persen_dari_total"] = 81
    (hit,) = run(ShareOfTotal(SHARE), budget(rows))
    assert hit.pointer == f"{BASE}/baris/0/persen_dari_total"
    assert hit.values["part"] == Rupiah(800, derived=True)


def test_an_excerpt_without_its_jumlah_row_has_no_whole_to_share() -> None:
    data = budget([b("1", 800, persen_dari_total=80)])
    data["tabel"]["realisasi_anggaran"]["kutipan"] = True
    assert run(ShareOfTotal(SHARE), data) == []
    del data["tabel"]["realisasi_anggaran"]["kutipan"]
    assert [h.outcome for h in run(ShareOfTotal(SHARE), data)] == ["mismatch"]  # 800 is 100%


def test_the_efficiency_table_weighs_spending_only() -> None:
    rows = [b("1", 100, 80), b("4", 900, 950, jenis_anggaran="pendapatan")]
    data = efficiency((100, 80), total=None, rows=rows)
    assert run(EfficiencyBudgetTotal(EFF), data) == []
    # A revenue table's JUMLAH row is no spending total: its spending rows are.
    data = efficiency((100, 80), total={"anggaran": 900, "realisasi": 950}, rows=rows)
    data["tabel"]["realisasi_anggaran"]["jenis_anggaran"] = "pendapatan"
    rows[0]["jenis_anggaran"] = "belanja"
    del rows[1]["jenis_anggaran"]
    assert run(EfficiencyBudgetTotal(EFF), data) == []
    # An excerpt's rows are not the whole budget; without a JUMLAH row nothing is compared.
    data = efficiency((100, 80), total=None, rows=[b("1", 60, 50)])
    data["tabel"]["realisasi_anggaran"]["kutipan"] = True
    assert run(EfficiencyBudgetTotal(EFF), data) == []


def test_revenue_rows_are_not_budget_absorption() -> None:
    data = absorption_data(Decimal("84.90"), 100, Decimal("66.67"))
    assert len(run(CapaianIsAbsorption(ABSORPTION), data)) == 1
    data["tabel"]["realisasi_anggaran"]["jenis_anggaran"] = "pendapatan"
    assert run(CapaianIsAbsorption(ABSORPTION), data) == []


def test_a_heading_row_is_compared_across_tables_by_its_sum_at_the_printed_figure() -> None:
    rows = [heading("1"), b("1.1", 6_000), b("1.2", 4_000)]
    data = pk_and_budget([("1", 10_000)], rows)
    assert run(BudgetEqual(EQUAL), data) == []
    data = pk_and_budget([("1", 10_500)], rows)
    (hit,) = run(BudgetEqual(EQUAL), data)
    assert hit.pointer == "/tabel/program_pk/baris/0/anggaran"
    assert hit.values["other_printed"] == Rupiah(10_000, derived=True)
    # The other way round: Tabel 2.4 prints a heading row, Tabel 3.8 the figure.
    data = pk_and_budget([("1", 10_500), ("1.1", 6_000), ("1.2", 4_000)], [b("1", 10_500)])
    del data["tabel"]["program_pk"]["baris"][0]["anggaran"]
    (hit,) = run(BudgetEqual(EQUAL), data)
    assert (hit.table, hit.pointer) == ("realisasi_anggaran", f"{BASE}/baris/0/anggaran")
    # Two heading rows are not compared: the rows beneath them are.
    data = pk_and_budget([("1", 0), ("1.1", 6_000), ("1.2", 4_500)], rows)
    del data["tabel"]["program_pk"]["baris"][0]["anggaran"]
    (hit,) = run(BudgetEqual(EQUAL), data)
    assert hit.pointer == "/tabel/program_pk/baris/2/anggaran"


def test_the_narrative_pagu_is_compared_with_the_sums_of_heading_programs() -> None:
    from sakip_validate.checks.narasi.statement import _program_sum

    rows = [
        heading("1"),
        b("1.1", 600, 500),
        b("2", 400, 300),
        b("4", 9, 9, jenis_anggaran="pendapatan"),
    ]
    for row in rows:
        row["tingkat"] = "program" if "." not in row["kode"] else "kegiatan"
    view = view_of(budget(rows))
    assert (_program_sum(view, "anggaran"), _program_sum(view, "realisasi")) == (1_000, 800)
    data = budget(rows)
    data["tabel"]["realisasi_anggaran"]["kutipan"] = True
    assert _program_sum(view_of(data), "anggaran") is None
