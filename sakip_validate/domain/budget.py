"""A budget table as a tree: program, kegiatan, sub kegiatan (any depth), and its JUMLAH row.

Rows of a kode-keyed table (Tabel 2.4, 3.7, 3.8) form a tree: a row's parent is
its ``induk`` or its kode without the last segment ("1.2.1" -> "1.2"). Checks sum
over it; outputs draw it. Both build it here, so they always agree on its shape.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..loading.pointers import join_pointer
from .tables import table_key
from .view import Cell, ReportView, Row

__all__ = ["TOTAL_LABEL", "Node", "Tree", "build_tree", "depth", "total_row"]

TOTAL_LABEL = "JUMLAH"


def total_row(view: ReportView, table: str) -> Row | None:
    """The JUMLAH row of a budget table as a view row, or None when the report has none."""
    raw = view.raw_table(table).get("jumlah")
    if not isinstance(raw, dict):
        return None
    pointer = join_pointer(f"/tabel/{table_key(table)}", "jumlah")
    cells = {key: Cell(value, join_pointer(pointer, key)) for key, value in raw.items()}
    return Row(table, pointer, TOTAL_LABEL, cells)


@dataclass(eq=False)
class Node:
    """One row of a kode-keyed table in its tree (or the JUMLAH row above the roots)."""

    row: Row
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)


@dataclass
class Tree:
    """The rows of a budget table as a tree: ``roots`` are the top-level rows, in order."""

    nodes: list[Node]
    roots: list[Node]
    total: Node | None = None


def _ancestors(kode: str) -> Iterator[str]:
    parts = kode.split(".")
    for end in range(len(parts) - 1, 0, -1):
        yield ".".join(parts[:end])


def build_tree(rows: list[Row], total: Row | None = None) -> Tree:
    """Link rows to their parents: the ``induk`` cell if given, else the kode's prefix.

    A kode whose direct parent is missing ("1.2.1" without "1.2") hangs under its
    nearest present ancestor. Only the first row of a repeated kode can be a parent.
    A cycle written through ``induk`` is cut, so every row reaches a root.
    """
    nodes = [Node(row) for row in rows]
    by_kode: dict[str, Node] = {}
    for node in nodes:
        by_kode.setdefault(node.row.kode or "", node)
    for node in nodes:
        kode = node.row.kode or ""
        induk = node.row.cell("induk").value
        chain = [induk, *_ancestors(induk)] if isinstance(induk, str) and induk else []
        for candidate in [*chain, *_ancestors(kode)]:
            parent = by_kode.get(candidate)
            if parent is not None and parent is not node:
                node.parent = parent
                break
    for node in nodes:  # cut cycles, in document order
        seen = {id(node)}
        up = node.parent
        while up is not None:
            if id(up) in seen:
                node.parent = None
                break
            seen.add(id(up))
            up = up.parent
    for node in nodes:
        if node.parent is not None:
            node.parent.children.append(node)
    roots = [node for node in nodes if node.parent is None]
    total_node = None
    if total is not None:
        total_node = Node(total, children=list(roots))
        for root in roots:
            root.parent = total_node
    return Tree(nodes, roots, total_node)


def depth(node: Node) -> int:
    """How many rows stand above ``node`` (a program 0, its kegiatan 1, ...)."""
    count = 0
    up = node.parent
    while up is not None:
        count += 1
        up = up.parent
    return count
