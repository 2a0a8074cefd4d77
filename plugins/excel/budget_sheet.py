"""A budget table's sheet (Tabel 2.4, 3.8): the tree, Σ of the sub-rows and % as live formulas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sakip_validate.domain.budget import Node, Tree, budget_tree, build_tree, depth, total_row
from sakip_validate.domain.numbers import percent
from sakip_validate.domain.tables import table_key
from sakip_validate.domain.values import as_number, as_rupiah
from sakip_validate.domain.view import ReportView, Row
from sakip_validate.findings import Finding

from .marks import Marks
from .writer import Writer, ratio_operands, red, ref, shown_text, sum_of_cells, table_title

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

FIELDS = ("anggaran", "realisasi")


def _total(view: ReportView, name: str) -> Row:
    """The JUMLAH row; an empty one (where it would stand) when the report prints none."""
    found = total_row(view, name)
    if found is not None:
        return found
    return Row(name, f"/tabel/{table_key(name)}/jumlah", "", {})


def budget_sheet(
    w: Writer, ws: Worksheet, view: ReportView, name: str, label: str, marks: Marks
) -> None:
    """The rows of a budget tree with their printed figures beside the formulas that redo them.

    Σ of a row's sub-rows is a SUM over their printed figures (a heading row that
    prints none counts with its own Σ cell); the % is realisasi ÷ anggaran × 100 of
    the same row (of its Σ cells on a heading row). Only sub-rows of the row's own
    jenis (belanja, pendapatan) are summed; the JUMLAH row sums the top rows of the
    table's jenis, as the checks do (:func:`sakip_validate.domain.budget.budget_tree`).
    """
    total = _total(view, name)
    tree = budget_tree(view, name)
    if tree.total is None:  # the report prints no JUMLAH row: draw an empty one
        tree = build_tree(view.rows(name), total, jenis=tree.jenis, kutipan=tree.kutipan)
    assert tree.total is not None
    rows = [node.row for node in tree.nodes] + [total]
    shown = {key for row in rows for key, cell in row.cells.items() if cell.present}
    fields = [f for f in FIELDS if f in shown]
    with_percent = "persen" in shown and set(FIELDS) <= set(fields)

    columns: list[tuple[str, float]] = [
        (w.label("kode"), 7),
        (w.label("tingkat"), 10),
        (w.label("uraian"), 40),
    ]
    field_col: dict[str, int] = {}
    for f in fields:
        field_col[f] = len(columns)
        columns += [(w.label(f), 14), (w.label("sum_of", field=f), 14), (w.label("diff"), 10)]
    pct_col = len(columns)
    if with_percent:
        columns += [(w.label("pct_printed"), 8), (w.label("pct_formula"), 11)]
        columns += [(w.label("diff"), 8)]
    match_col = len(columns)
    columns += [(w.label("match"), 9), (w.label("rules_on_row"), 15), (w.label("related"), 17)]
    printed = len(columns)

    note = f"{w.label('budget_note')} {w.label('red_note')}"
    widths = [width for _, width in columns]
    top = w.title(ws, [table_title(view, name, w.lang), label], note, widths)
    w.headers(ws, top, columns)
    w.technical(ws, top, printed, [(w.label("pointer"), 34)])
    first = top + 1
    at = {id(node): first + index for index, node in enumerate(tree.nodes)}
    at[id(tree.total)] = first + len(tree.nodes)
    verdicts = marks.rows(rows)
    related = marks.related(rows, verdicts)
    sums = {f: _sheet_sums(tree, f) for f in fields}

    def source(node: Node, f: str) -> tuple[int, int]:
        """The cell a parent's SUM reads for ``node``: its printed figure, else its Σ."""
        printed = node.row.cell(f).present
        return at[id(node)], field_col[f] + (0 if printed or id(node) not in sums[f] else 1)

    def figures(node: Node, findings: list[Finding], related: list[Finding]) -> None:
        r, row = at[id(node)], node.row
        for f in fields:
            formula, value = None, None
            if id(node) in sums[f]:
                formula = sum_of_cells([source(member, f) for member in tree.members(node)])
                value = sums[f][id(node)]
            cell = row.cell(f)
            w.recompute(
                ws,
                r,
                field_col[f],
                cell.value,
                formula,
                None if value is None else as_number(value),
                marked=marks.cell(cell),
                percent=False,
            )
        if with_percent:
            formula, exact = None, None
            a_cell, g_cell = source(node, "anggaran"), source(node, "realisasi")
            pair = ratio_operands(
                _shown(row, "anggaran", sums["anggaran"], node),
                _shown(row, "realisasi", sums["realisasi"], node),
            )
            if pair is not None:
                a, g = ref(*a_cell), ref(*g_cell)
                formula = f'=IF({a}=0,"N/A",{g}/{a}*100)'
                exact = percent(pair[1], pair[0])
            cell = row.cell("persen")
            w.recompute(
                ws, r, pct_col, cell.value, formula, exact, marked=marks.cell(cell), percent=True
            )
        w.verdict(ws, r, match_col, findings, related)
        w.text(ws, r, printed, row.pointer)

    for node, findings, others in zip(tree.nodes, verdicts[:-1], related[:-1], strict=True):
        r, row = at[id(node)], node.row
        level = depth(node) - 1  # every row hangs under JUMLAH
        bold = row.cell("tingkat").value == "program" or level == 0
        kode = row.cell("kode")
        w.text(ws, r, 0, row.kode, bold=bold, **red(marks.cell(kode)))
        tingkat = row.cell("tingkat")
        w.text(
            ws,
            r,
            1,
            shown_text(tingkat.value).replace("_", " "),
            bold=bold,
            **red(marks.cell(tingkat)),
        )
        nama = row.cell("nama")
        w.text(
            ws, r, 2, nama.value, text_wrap=True, indent=level, bold=bold, **red(marks.cell(nama))
        )
        figures(node, findings, others)
        w.level(ws, r, level)

    total_r = at[id(tree.total)]
    w.text(ws, total_r, 0, "", bold=True, top=1)
    w.text(ws, total_r, 1, "", bold=True, top=1)
    w.text(ws, total_r, 2, w.label("jumlah"), bold=True, top=1)
    figures(tree.total, verdicts[-1], related[-1])

    ws.freeze_panes(first, 3)
    if tree.nodes:
        ws.autofilter(top, 0, total_r - 1, printed - 1)
    w.page_setup(ws, top, print_columns=printed)


def _sheet_sums(tree: Tree, name: str) -> dict[int, int]:
    """Σ of each row with sub-rows of its jenis, as the sheet's SUM formulas give it.

    A SUM reads a sub-row's printed figure, or the Σ of a heading row that prints
    none; an empty cell counts 0, as in a spreadsheet. Computed sub-rows first,
    without recursion (a tree may be very deep).
    """
    order: list[Node] = []
    stack = [*tree.nodes, *([tree.total] if tree.total is not None else [])]
    seen: set[int] = set()
    while stack:  # a post-order of the whole tree
        node = stack.pop()
        if id(node) in seen:
            order.append(node)
            continue
        seen.add(id(node))
        stack.append(node)
        stack += [m for m in tree.members(node) if id(m) not in seen]
    sums: dict[int, int] = {}
    for node in dict.fromkeys(order):
        members = tree.members(node)
        if not members:
            continue
        total = 0
        for member in members:
            printed = member.row.cell(name).present
            amount = as_rupiah(member.row.cell(name).value) if printed else sums.get(id(member))
            total += amount or 0
        sums[id(node)] = total
    return sums


def _shown(row: Row, name: str, sums: dict[int, int], node: Node) -> Any:
    """A row's figure as the sheet shows it: printed, else its Σ (None: neither)."""
    cell = row.cell(name)
    return cell.value if cell.present else sums.get(id(node))
