"""A budget table as a tree: program, kegiatan, sub kegiatan (any depth), and its JUMLAH row.

Rows of a kode-keyed table (Tabel 2.4, 3.7, 3.8) form a tree: a row's parent is
its ``induk`` or its kode without the last segment ("1.2.1" -> "1.2"). Checks sum
over it; outputs draw it. Both build it here, so they always agree on its shape.

This is also the one place that knows what a row's figures are when it prints
none (a heading row: its total is the sum of its sub-rows), whether a subtree is
revenue or spending (``jenis_anggaran``), and what an excerpt (``kutipan``) allows
one to conclude from the rows it shows.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..loading.pointers import join_pointer
from .tables import table_key
from .values import as_rupiah
from .view import Cell, ReportView, Row

__all__ = [
    "AMOUNT_FIELDS",
    "BELANJA",
    "JENIS_ANGGARAN",
    "PENDAPATAN",
    "TOTAL_LABEL",
    "Amount",
    "Node",
    "Tree",
    "budget_tree",
    "build_tree",
    "depth",
    "total_row",
]

TOTAL_LABEL = "JUMLAH"
BELANJA = "belanja"
PENDAPATAN = "pendapatan"
JENIS_ANGGARAN = (BELANJA, PENDAPATAN)
# The rupiah columns of a budget row; a row printing none of them is a heading row.
AMOUNT_FIELDS = ("anggaran", "realisasi")


def total_row(view: ReportView, table: str) -> Row | None:
    """The JUMLAH row of a budget table as a view row, or None when the report has none."""
    raw = view.raw_table(table).get("jumlah")
    if not isinstance(raw, dict):
        return None
    pointer = join_pointer(f"/tabel/{table_key(table)}", "jumlah")
    cells = {key: Cell(value, join_pointer(pointer, key)) for key, value in raw.items()}
    return Row(table, pointer, TOTAL_LABEL, cells)


@dataclass(frozen=True, slots=True)
class Amount:
    """A rupiah figure of a row: printed, or derived from the rows beneath it.

    ``derived``: the row does not print it; it is the sum of its sub-rows.
    ``partial``: the sum of the sub-rows an excerpt shows, so the true figure may be
    larger (rupiah are never negative): a lower bound, never a figure to check against.
    """

    value: int
    derived: bool = False
    partial: bool = False


@dataclass(eq=False)
class Node:
    """One row of a kode-keyed table in its tree (or the JUMLAH row above the roots)."""

    row: Row
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)


@dataclass
class Tree:
    """The rows of a budget table as a tree: ``roots`` are the top-level rows, in order.

    ``jenis`` is the table's kind of budget (belanja unless declared), which a row's
    own ``jenis_anggaran`` overrides for its subtree; ``kutipan`` marks a table that
    shows only some of its rows.
    """

    nodes: list[Node]
    roots: list[Node]
    total: Node | None = None
    jenis: str = BELANJA
    kutipan: bool = False
    _sums: dict[tuple[int, str], Amount | None] = field(default_factory=dict, repr=False)
    _jenis: dict[int, str] = field(default_factory=dict, repr=False)
    _members: dict[int, list[Node]] = field(default_factory=dict, repr=False)
    # The printed rupiah figures, read by every check of the table many times.
    _printed: dict[tuple[int, str], int | None] = field(default_factory=dict, repr=False)

    # -- revenue or spending ----------------------------------------------------

    def jenis_of(self, node: Node) -> str:
        """Belanja or pendapatan: the row's own ``jenis_anggaran``, else its nearest
        ancestor's, else the table's. The JUMLAH row has the table's."""
        known = self._jenis.get(id(node))
        if known is not None:
            return known
        path: list[Node] = []
        up: Node | None = node
        found = self.jenis
        while up is not None and up is not self.total:
            known = self._jenis.get(id(up))
            if known is not None:
                found = known
                break
            cell = up.row.cells.get("jenis_anggaran")  # absent: no declared jenis
            declared = cell.value if cell is not None else None
            if declared in JENIS_ANGGARAN:
                found = str(declared)
                self._jenis[id(up)] = found
                break
            path.append(up)
            up = up.parent
        for passed in path:
            self._jenis[id(passed)] = found
        return found

    def members(self, node: Node) -> list[Node]:
        """The rows whose figures add up to ``node``'s: its sub-rows of the same jenis.

        Revenue and spending are never added together: a pendapatan subtree in a
        belanja table is not part of the JUMLAH row, nor of a belanja parent.
        """
        found = self._members.get(id(node))
        if found is None:
            own = self.jenis_of(node)
            found = self._members[id(node)] = [c for c in node.children if self.jenis_of(c) == own]
        return found

    # -- figures ------------------------------------------------------------------

    @staticmethod
    def is_heading(node: Node) -> bool:
        """The row prints no rupiah figure at all (a program or kegiatan heading)."""
        return not any(node.row.cell(name).present for name in AMOUNT_FIELDS)

    def printed(
        self, node: Node, name: str, corrected: Mapping[str, int] | None = None
    ) -> int | None:
        """The rupiah figure the row prints in column ``name`` (or its correction)."""
        if corrected:
            cell = node.row.cell(name)
            if cell.pointer in corrected:
                return corrected[cell.pointer]
            return as_rupiah(cell.value)
        key = (id(node), name)
        try:
            return self._printed[key]
        except KeyError:
            found = node.row.cells.get(name)
            value = self._printed[key] = as_rupiah(found.value) if found is not None else None
            return value

    def amount(
        self, node: Node, name: str, corrected: Mapping[str, int] | None = None
    ) -> Amount | None:
        """The row's figure: printed, else the exact sum of its sub-rows, else None.

        None when the row prints nothing and the sum cannot be known: a sub-row has
        no figure either, it has no sub-rows, or the table is an excerpt (the rows
        shown are not all there is). ``corrected`` maps the pointer of a printed
        figure to the figure that replaces it (a typo another check has found).
        """
        printed = self.printed(node, name, corrected)
        if printed is not None:
            return Amount(printed)
        if node is self.total:
            return None
        below = self.members_sum(node, name, corrected)
        if below is None or below.partial:
            return None
        return below

    def members_sum(
        self, node: Node, name: str, corrected: Mapping[str, int] | None = None
    ) -> Amount | None:
        """What the sub-rows of ``node`` (its members) add up to in column ``name``.

        Exact in a complete table (None when a sub-row's figure is unknown or there
        are no sub-rows). In an excerpt it is the sum of what is shown, a lower
        bound (``partial``): a sub-row without figures counts with the rows shown
        beneath it, or 0.
        """
        key = (id(node), name)
        if not corrected and key in self._sums:
            return self._sums[key]
        # Rows that print nothing take their figure from below, to any depth: walk
        # the subtree without recursion (an ``induk`` chain can be very long).
        order, stack = [], [node]
        while stack:
            current = stack.pop()
            order.append(current)
            stack += [m for m in self.members(current) if self.printed(m, name, corrected) is None]
        sums: dict[int, Amount | None] = {}
        for current in reversed(order):  # sub-rows before the rows above them
            sums[id(current)] = self._add_members(current, name, corrected, sums)
        if not corrected:
            for current in order:
                self._sums[(id(current), name)] = sums[id(current)]
        return sums[id(node)]

    def _add_members(
        self,
        node: Node,
        name: str,
        corrected: Mapping[str, int] | None,
        below: dict[int, Amount | None],
    ) -> Amount | None:
        members = self.members(node)
        if not members:
            return None
        total = 0
        for member in members:
            printed = self.printed(member, name, corrected)
            shown = below.get(id(member)) if printed is None else Amount(printed)
            if shown is None and not self.kutipan:
                return None
            total += shown.value if shown is not None else 0
        return Amount(total, derived=True, partial=self.kutipan)

    def whole(self, name: str, jenis: str | None = None) -> Amount | None:
        """The whole budget of one jenis (the table's by default) in column ``name``.

        The JUMLAH row's figure when it is of that jenis, else the sum of the top
        rows of that jenis (``partial`` in an excerpt, None when one is unknown).
        """
        jenis = self.jenis if jenis is None else jenis
        if self.total is not None and jenis == self.jenis:
            printed = self.printed(self.total, name)
            if printed is not None:
                return Amount(printed)
        roots = [root for root in self.roots if self.jenis_of(root) == jenis]
        if not roots:
            return None
        total, partial = 0, self.kutipan
        for root in roots:
            found = self.amount(root, name)
            if found is None and not self.kutipan:
                return None
            if found is None:
                shown = self.members_sum(root, name)
                total += shown.value if shown is not None else 0
            else:
                total += found.value
        return Amount(total, derived=True, partial=partial)


def _ancestors(kode: str) -> Iterator[str]:
    """``kode`` without its last segments, nearest first ("1.2.1" -> "1.2", "1")."""
    end = kode.rfind(".")
    while end >= 0:
        yield kode[:end]
        end = kode.rfind(".", 0, end)


def build_tree(
    rows: list[Row],
    total: Row | None = None,
    *,
    jenis: str = BELANJA,
    kutipan: bool = False,
) -> Tree:
    """Link rows to their parents: the ``induk`` cell if given, else the kode's prefix.

    A kode whose direct parent is missing ("1.2.1" without "1.2") hangs under its
    nearest present ancestor. Only the first row of a repeated kode can be a parent.
    A cycle written through ``induk`` is cut, so every row reaches a root.
    """
    nodes = [Node(row) for row in rows]
    _link(nodes)
    return _assemble(nodes, total, jenis, kutipan)


def _link(nodes: list[Node]) -> None:
    """Set each node's parent as :func:`build_tree` says (children are not filled yet)."""
    by_kode: dict[str, Node] = {}
    for node in nodes:
        by_kode.setdefault(node.row.kode or "", node)
    for node in nodes:
        kode = node.row.kode or ""
        found = node.row.cells.get("induk")
        induk = found.value if found is not None else None
        chain = (induk, *_ancestors(induk)) if isinstance(induk, str) and induk else ()
        # The kode's own ancestors are only worked out when no ``induk`` is found.
        for candidate in itertools.chain(chain, _ancestors(kode)):
            parent = by_kode.get(candidate)
            if parent is not None and parent is not node:
                node.parent = parent
                break
    _cut_cycles(nodes)


def _assemble(nodes: list[Node], total: Row | None, jenis: str, kutipan: bool) -> Tree:
    """The tree of linked ``nodes``: children in document order, roots, the JUMLAH row."""
    for node in nodes:
        if node.parent is not None:
            node.parent.children.append(node)
    roots = [node for node in nodes if node.parent is None]
    total_node = None
    if total is not None:
        total_node = Node(total, children=list(roots))
        for root in roots:
            root.parent = total_node
    return Tree(nodes, roots, total_node, jenis=jenis, kutipan=kutipan)


def _cut_cycles(nodes: list[Node]) -> None:
    """Cut every cycle written through ``induk``, in document order.

    A row whose way up comes back to a row already on that way is cut loose (it
    becomes a root). Rows known to reach a root are not walked again, so an
    acyclic table, however deep, costs one walk per row.
    """
    done: set[int] = set()
    for node in nodes:
        path: list[Node] = []
        on_path: set[int] = set()
        up: Node | None = node
        while up is not None and id(up) not in done:
            if id(up) in on_path:
                node.parent = None
                # The rows from ``node`` up to where the cycle closed now reach
                # ``node``, a root, only when the cycle passed through ``node``.
                path = path if up is node else [node]
                break
            on_path.add(id(up))
            path.append(up)
            up = up.parent
        done.update(id(passed) for passed in path)


def budget_tree(view: ReportView, table: str, *, with_total: bool = True) -> Tree:
    """The tree of a budget table as the report declares it: its JUMLAH row (unless
    ``with_total`` is False), its ``jenis_anggaran`` and whether it is a ``kutipan``."""
    key = ("budget_tree", table, with_total)
    tree: Tree | None = view.memo.get(key)
    if tree is None:
        tree = view.memo[key] = _budget_tree(view, table, with_total)
    return tree


def _budget_tree(view: ReportView, table: str, with_total: bool) -> Tree:
    # Built once per view: about ten checks read the same tables' trees.
    raw = view.raw_table(table)
    declared = raw.get("jenis_anggaran")
    nodes = [Node(row) for row in view.rows(table)]
    # The trees with and without the JUMLAH row link the same rows alike: the links
    # (each row's parent, by index) are worked out for the first and copied.
    key = ("budget_parents", table)
    parents: list[int | None] | None = view.memo.get(key)
    if parents is None:
        _link(nodes)
        index = {id(node): at for at, node in enumerate(nodes)}
        view.memo[key] = [None if n.parent is None else index[id(n.parent)] for n in nodes]
    else:
        for node, parent in zip(nodes, parents, strict=True):
            node.parent = None if parent is None else nodes[parent]
    return _assemble(
        nodes,
        total_row(view, table) if with_total else None,
        declared if declared in JENIS_ANGGARAN else BELANJA,
        raw.get("kutipan") is True,
    )


def depth(node: Node) -> int:
    """How many rows stand above ``node`` (a program 0, its kegiatan 1, ...)."""
    count = 0
    up = node.parent
    while up is not None:
        count += 1
        up = up.parent
    return count
