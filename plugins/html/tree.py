"""The budget realisation table (Tabel 3.8 in the reference report) as an indented tree.

Rows nest as the checks see them (:func:`sakip_validate.domain.budget.budget_tree`);
a row a finding points into is marked and links to that finding. A heading row that
prints no amounts shows the sums of its sub-rows in italics, titled as such.
"""

from __future__ import annotations

from sakip_validate.domain.budget import Node, Tree, depth
from sakip_validate.domain.budget import budget_tree as tree_of
from sakip_validate.domain.view import ReportView, Row
from sakip_validate.findings import Lang

from ..summary import table_heading
from .charts import BUDGET
from .marks import Marks
from .words import WORDS, cell_text, esc

MAX_LEVEL = 4  # deeper rows are drawn at this indentation


def _amount(tree: Tree, node: Node, name: str, lang: Lang) -> str:
    """A printed amount, or a heading row's sum of its sub-rows (in italics, titled)."""
    cell = node.row.cell(name)
    if cell.present or node is tree.total:
        return esc(cell_text(cell.value, lang))
    summed = tree.amount(node, name)
    if summed is None:
        return ""
    title = WORDS.get("derived", lang)
    return f'<i title="{esc(title)}">{esc(cell_text(summed.value, lang))}</i>'


def _row(
    tree: Tree, node: Node, name: object, level: int, css: str, marks: Marks, lang: Lang
) -> str:
    row: Row = node.row
    found = marks.under(row.pointer)
    classes = [c for c in (css, f"l{level}", "flag" if found else "") if c]
    links = " ".join(f'<a href="#{esc(m.anchor)}">{esc(m.rule)}</a>' for m in found)
    kode = row.kode if row.kode is not None else ""
    return (
        f'<tr class="{" ".join(classes)}" style="--lvl:{level}">'
        f'<td class="val">{esc(kode)}</td>'
        f'<td class="nama">{esc(cell_text(name, lang))}</td>'
        f'<td class="n">{_amount(tree, node, "anggaran", lang)}</td>'
        f'<td class="n">{_amount(tree, node, "realisasi", lang)}</td>'
        f'<td class="n">{esc(cell_text(row.cell("persen").value, lang))}</td>'
        f"<td>{links}</td></tr>"
    )


def budget_tree(view: ReportView, marks: Marks, lang: Lang) -> str:
    """The heading and the table, or a note that the report has no such table."""
    words = WORDS.bind(lang)
    out = [f"<h3>{esc(table_heading(view, BUDGET, lang))}</h3>"]
    if not view.has_table(BUDGET):
        out.append(f'<p class="note">{esc(words["no_table"])}</p>')
        return "".join(out)
    out += [
        f'<p class="note">{esc(words["tree_note"])}</p>',
        '<table class="tree"><thead><tr>',
        f"<th>{esc(words['kode'])}</th><th>{esc(words['nama'])}</th>",
        f'<th class="n">{esc(words["anggaran"])}</th>',
        f'<th class="n">{esc(words["realisasi"])}</th>',
        f'<th class="n">{esc(words["persen"])}</th><th>{esc(words["flag"])}</th>',
        "</tr></thead><tbody>",
    ]
    tree = tree_of(view, BUDGET)
    for node in tree.nodes:
        level = min(depth(node) - (tree.total is not None), MAX_LEVEL)
        out.append(_row(tree, node, node.row.cell("nama").value, level, "", marks, lang))
    if tree.total is not None:
        out.append(_row(tree, tree.total, words["jumlah"], 0, "total", marks, lang))
    out.append("</tbody></table>")
    return "".join(out)
