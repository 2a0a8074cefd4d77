"""Properties of a budget tree's figures (``domain/budget.py``) over generated tables.

A heading row's derived total is the sum of the printed leaves beneath it, whatever
rows in between print their own figures; revenue and spending never mix; an excerpt
never claims an exact sum and never turns a consistent table into an error; and a
table whose figures are consistent gives no finding of the budget checks, heading
rows or not.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.checks.anggaran.ordering import Ordering
from sakip_validate.checks.anggaran.percentage import Percentage
from sakip_validate.checks.anggaran.share import ShareOfTotal
from sakip_validate.checks.anggaran.sums import HierarchicalSum
from sakip_validate.domain.budget import BELANJA, PENDAPATAN, Node, Tree, budget_tree
from sakip_validate.domain.view import ReportView

FAST = settings(max_examples=150, deadline=None)
TABLE = "realisasi_anggaran"
SUMS = {"table": TABLE, "field": ["anggaran", "realisasi"], "total": True}

# A leaf's (anggaran, realisasi); an inner row is a list of sub-rows.
Leaf = st.tuples(st.integers(0, 10**12), st.integers(0, 10**12))
Shape = st.recursive(Leaf, lambda inner: st.lists(inner, min_size=1, max_size=4), max_leaves=20)
Shapes = st.lists(Shape, min_size=1, max_size=4)


def _rows(
    shapes: list[Any], heading: st.DataObject | None, jenis: st.DataObject | None = None
) -> tuple[list[dict[str, Any]], dict[str, tuple[int, int]]]:
    """Rows in printed order and, per kode, the sums of the leaves beneath it.

    Leaves print their figures; an inner row prints the (consistent) sums, or none
    when ``heading`` draws it as a heading row. ``jenis`` may declare a top row
    pendapatan.
    """
    rows: list[dict[str, Any]] = []
    sums: dict[str, tuple[int, int]] = {}

    def add(kode: str, shape: Any, level: int) -> tuple[int, int]:
        row: dict[str, Any] = {
            "kode": kode,
            "tingkat": ("program", "kegiatan", "sub_kegiatan")[min(level, 2)],
            "nama": f"Baris {kode}",
        }
        rows.append(row)
        if isinstance(shape, tuple):
            figures = shape
            row.update(anggaran=shape[0], realisasi=shape[1])
        else:
            parts = [add(f"{kode}.{i + 1}", child, level + 1) for i, child in enumerate(shape)]
            figures = (sum(p[0] for p in parts), sum(p[1] for p in parts))
            if heading is None or not heading.draw(st.booleans(), label=f"heading {kode}"):
                row.update(anggaran=figures[0], realisasi=figures[1])
        if level == 0 and jenis is not None and jenis.draw(st.booleans(), label=f"pd {kode}"):
            row["jenis_anggaran"] = PENDAPATAN
        sums[kode] = figures
        return figures

    for index, shape in enumerate(shapes):
        add(str(index + 1), shape, 0)
    return rows, sums


def _view(rows: list[dict[str, Any]], **table: Any) -> ReportView:
    return ReportView({"tabel": {TABLE: {"baris": rows, **table}}})


def _by_kode(tree: Tree) -> dict[str, Node]:
    return {node.row.kode or "": node for node in tree.nodes}


@FAST
@given(Shapes, st.data())
def test_a_heading_row_totals_the_leaves_beneath_it(shapes: list[Any], data: Any) -> None:
    rows, sums = _rows(shapes, data)
    tree = budget_tree(_view(rows), TABLE)
    for kode, node in _by_kode(tree).items():
        for index, name in enumerate(("anggaran", "realisasi")):
            amount = tree.amount(node, name)
            assert amount is not None and amount.value == sums[kode][index]
            assert amount.derived == (not node.row.cell(name).present)
            assert not amount.partial
    whole = tree.whole("anggaran")
    assert whole is not None and whole.value == sum(sums[str(i + 1)][0] for i in range(len(shapes)))


@FAST
@given(Shapes, st.data())
def test_a_consistent_table_gives_no_budget_finding(shapes: list[Any], data: Any) -> None:
    rows, sums = _rows(shapes, data)
    programs = [sums[str(i + 1)] for i in range(len(shapes))]
    total = {"anggaran": sum(p[0] for p in programs), "realisasi": sum(p[1] for p in programs)}
    view = _view(rows, jumlah=total)
    assert list(HierarchicalSum(SUMS).run(view)) == []


@FAST
@given(Shapes, st.data())
def test_percentages_printed_on_heading_rows_from_their_sums_are_right(
    shapes: list[Any], data: Any
) -> None:
    from sakip_validate.domain.numbers import percent, round_half_up

    rows, sums = _rows(shapes, data)
    for row in rows:
        anggaran, realisasi = sums[row["kode"]]
        exact = percent(realisasi, anggaran)
        row["persen"] = "N/A" if exact is None else round_half_up(exact, 2)
    percentage = Percentage(
        {"table": TABLE, "part": "realisasi", "whole": "anggaran", "printed": "persen"}
    )
    assert list(percentage.run(_view(rows))) == []


@FAST
@given(Shapes, st.data())
def test_revenue_and_spending_never_mix(shapes: list[Any], data: Any) -> None:
    rows, sums = _rows(shapes, data, data)
    tree = budget_tree(_view(rows), TABLE)
    for node in tree.nodes:
        assert {tree.jenis_of(m) for m in tree.members(node)} <= {tree.jenis_of(node)}
    for jenis in (BELANJA, PENDAPATAN):
        tops = [r["kode"] for r in rows if "." not in r["kode"]]
        mine = [k for k in tops if (PENDAPATAN if _declared(rows, k) else BELANJA) == jenis]
        whole = tree.whole("realisasi", jenis)
        if not mine:
            assert whole is None
        else:
            assert whole is not None and whole.value == sum(sums[k][1] for k in mine)
    # Revenue above its target is never "spending above budget".
    ordering = Ordering({"table": TABLE, "field_low": "realisasi", "field_high": "anggaran"})
    for hit in ordering.run(_view(rows)):
        kode = hit.values["kode"].split(".")[0]
        assert hit.outcome == ("above_target" if _declared(rows, kode) else "exceeds")


def _declared(rows: list[dict[str, Any]], kode: str) -> bool:
    return any(r["kode"] == kode and r.get("jenis_anggaran") == PENDAPATAN for r in rows)


@FAST
@given(Shapes, st.data())
def test_an_excerpt_of_a_consistent_table_gives_warnings_only(shapes: list[Any], data: Any) -> None:
    rows, sums = _rows(shapes, data)
    programs = [sums[str(i + 1)] for i in range(len(shapes))]
    total = {"anggaran": sum(p[0] for p in programs), "realisasi": sum(p[1] for p in programs)}
    # Quote some rows: drop a random set of rows with everything beneath them.
    dropped = {r["kode"] for r in rows if data.draw(st.booleans(), label=f"drop {r['kode']}")}
    shown = [
        r for r in rows if not any(r["kode"] == k or r["kode"].startswith(k + ".") for k in dropped)
    ]
    view = _view(shown, jumlah=total, kutipan=True)
    tree = budget_tree(view, TABLE)
    for node in tree.nodes:
        for index, name in enumerate(("anggaran", "realisasi")):
            below = tree.members_sum(node, name)
            assert below is None or (below.partial and below.value <= sums[node.row.kode][index])
            amount = tree.amount(node, name)
            assert amount is None or not amount.derived  # an excerpt derives nothing
    hits = list(HierarchicalSum(SUMS).run(view))
    assert {hit.outcome for hit in hits} <= {"incomplete"}
    share = ShareOfTotal({"table": TABLE, "field": "anggaran", "printed": "persen_dari_total"})
    assert list(share.run(view)) == []


def test_a_very_long_chain_of_heading_rows_is_summed_without_recursion() -> None:
    depth = 20_000
    rows: list[dict[str, Any]] = [
        {"kode": f"K{i}", "tingkat": "kegiatan", "nama": f"Baris {i}", "induk": f"K{i - 1}"}
        for i in range(1, depth)
    ]
    rows.insert(0, {"kode": "K0", "tingkat": "program", "nama": "Baris 0"})
    rows.append(
        {
            "kode": f"K{depth}",
            "tingkat": "sub_kegiatan",
            "nama": "Daun",
            "induk": f"K{depth - 1}",
            "anggaran": 7,
            "realisasi": 5,
        }
    )
    tree = budget_tree(_view(rows), TABLE)
    amount = tree.amount(tree.roots[0], "anggaran")
    assert amount is not None and amount.value == 7 and amount.derived
    assert list(HierarchicalSum(SUMS).run(_view(rows))) == []
