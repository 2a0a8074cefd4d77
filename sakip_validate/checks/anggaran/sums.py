"""The kode tree adds up: every parent row is the sum of its children (``hierarchical_sum``).

Rupiah are whole numbers and must add up exactly. When a sum fails, the kind
looks for the one figure that explains it (a row whose own children, parent or
printed % agree with a corrected value, a ×10/×1000 slip, two transposed digits,
a row counted twice) so that the finding points at the likely culprit instead of
only at the total.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.budget import Amount, Node, Tree, budget_tree
from ...domain.numbers import Agreement, compare_printed, format_en, format_id, percent
from ...domain.view import BUDGET_TABLES, TABLE_FIELDS, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Rupiah
from ..common import FIELD_NAME, TABLE_NAME
from .slips import slip

__all__ = ["HierarchicalSum"]


def _names(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [item, {"type": "array", "items": item, "minItems": 1, "uniqueItems": True}]}


def _rp(amount: int) -> Localized:
    return Localized("Rp" + format_id(amount), "Rp" + format_en(amount))


def _by_row_above(label: str, corrected: int) -> Localized:
    value = _rp(corrected)
    return Localized(
        f"baris {label} di atasnya baru berjumlah tepat bila angka ini {value.id}",
        f"the row above, {label}, only adds up if this figure is {value.en}",
    )


def _by_percentage(shown: Decimal, corrected: int) -> Localized:
    value = _rp(corrected)
    return Localized(
        f"persentase di barisnya ({format_id(shown)}%) sesuai dengan {value.id}, "
        "bukan dengan angka tercetak",
        f"the percentage on its row ({format_en(shown)}%) fits {value.en}, not the printed figure",
    )


def _joined(reasons: list[Localized]) -> Localized:
    return Localized("; ".join(r.id for r in reasons), "; ".join(r.en for r in reasons))


@dataclass
class _Sum:
    """One figure that should equal the sum of the figures of its children."""

    owner: Node
    printed: int
    computed: int

    @property
    def difference(self) -> int:
        return self.printed - self.computed


class _TreeField:
    """The sums of one field of one tree, and the reasoning about a failed one.

    A row that prints its figure and has sub-rows of its own jenis owns a sum. Its
    sub-rows count with their printed figure or, for a heading row that prints
    none, with the sum of the rows beneath it: a printed figure is the only one
    that can be blamed, so a heading row's figure is looked through to the
    printed figures it is made of (its *contributors*).
    """

    def __init__(self, tree: Tree, name: str, ratio: dict[str, str] | None) -> None:
        self.tree = tree
        self.name = name
        self.ratio = ratio
        self.sums: dict[int, _Sum] = {}
        self._owners = self._find_owners()
        for owner in self._owners:
            printed = self.value(owner)
            computed = tree.members_sum(owner, name)
            if printed is not None and computed is not None:
                self.sums[id(owner)] = _Sum(owner, printed, computed.value)

    def owners(self) -> list[Node]:
        """The rows (and the JUMLAH row) with sub-rows that add up to them."""
        return self._owners

    def _find_owners(self) -> list[Node]:
        owners = [n for n in self.tree.nodes if self.tree.members(n)]
        if self.tree.total is not None and self.tree.members(self.tree.total):
            owners.append(self.tree.total)
        return owners

    def value(self, node: Node) -> int | None:
        """The figure the row prints (None for a heading row)."""
        return self.tree.printed(node, self.name)

    def amount(self, node: Node) -> Amount | None:
        """The row's figure: printed, or the exact sum of its sub-rows."""
        return self.tree.amount(node, self.name)

    def contributors(self, node: Node) -> list[Node]:
        """The printed figures ``node``'s sum is made of, through heading rows."""
        found: list[Node] = []
        stack = list(reversed(self.tree.members(node)))
        while stack:
            member = stack.pop()
            if self.value(member) is not None:
                found.append(member)
            else:
                stack += reversed(self.tree.members(member))
        return found

    def summing(self, node: Node) -> Node | None:
        """The nearest row above ``node`` that prints the sum ``node`` is part of."""
        current, up = node, node.parent
        while up is not None:
            if not any(member is current for member in self.tree.members(up)):
                return None
            if self.value(up) is not None:
                return up
            current, up = up, up.parent
        return None

    def failed(self, node: Node) -> _Sum | None:
        found = self.sums.get(id(node))
        return found if found is not None and found.difference else None

    def _balances(self, total: _Sum, corrected: dict[int, int]) -> bool:
        """Whether ``total`` adds up once some printed figures take the corrected values."""
        shift = 0
        for child in self.contributors(total.owner):
            if id(child) in corrected:
                shift += corrected[id(child)] - (self.value(child) or 0)
        return total.printed == total.computed + shift

    def _child_fixes(self, total: _Sum) -> list[dict[int, int]]:
        """Corrections taken from the children's own sums: all together, then one by one."""
        failed = [s for s in (self.failed(c) for c in self.contributors(total.owner)) if s]
        if not failed:
            return []
        together = {id(s.owner): s.computed for s in failed}
        singles = [{id(s.owner): s.computed} for s in failed] if len(failed) > 1 else []
        return [together, *singles]

    def explained_below(self, total: _Sum) -> bool:
        """A child's own figure is wrong and its sub-rows give the right one: reported there."""
        return any(self._balances(total, fix) for fix in self._child_fixes(total))

    def confirmed_by_parent(self, total: _Sum) -> bool:
        """The level above adds up when this row takes the sum of its children."""
        parent = self.summing(total.owner)
        above = self.failed(parent) if parent is not None else None
        if above is None:
            return False
        owner = id(total.owner)
        return any(
            owner in fix and self._balances(above, fix)
            for fix in [{owner: total.computed}, *self._child_fixes(above)]
        )

    def confirmed_by_ratio(self, node: Node, value: int) -> Localized | None:
        """The row's printed % is wrong with its printed figure and right with ``value``."""
        if self.ratio is None or self.name not in (self.ratio["part"], self.ratio["whole"]):
            return None
        row = node.row
        shown = row.cell(self.ratio["printed"]).number
        part = row.cell(self.ratio["part"]).number
        whole = row.cell(self.ratio["whole"]).number
        if shown is None or part is None or whole is None:
            return None
        before = percent(part, whole)
        if self.name == self.ratio["part"]:
            part = Decimal(value)
        else:
            whole = Decimal(value)
        after = percent(part, whole)
        if before is None or after is None:
            return None
        if (
            compare_printed(shown, before) is Agreement.MISMATCH
            and compare_printed(shown, after) is not Agreement.MISMATCH
        ):
            return _by_percentage(shown, value)
        return None

    def diagnose(self, total: _Sum) -> _Diagnosis:
        """The likely cause of a failed sum.

        Causes, strongest evidence first: ``self`` (this row's own figure is wrong),
        ``item`` (one child's figure is wrong), ``double`` (the difference is one
        child's whole figure), ``unknown``. Evidence of one tier that points at
        several rows is ambiguous and gives ``unknown``.
        """
        owner, d = total.owner, total.difference
        fixable = [
            (child, value)
            for child in self.contributors(owner)
            if (value := self.value(child) or 0) + d >= 0
        ]
        # Tier 1: another figure of the report confirms the correction.
        tier: list[tuple[str, Node, int, Localized]] = []
        parent = self.summing(owner)
        if owner is not self.tree.total and parent and self.confirmed_by_parent(total):
            reason = _by_row_above(parent.row.label, total.computed)
            tier.append(("self", owner, total.computed, reason))
        if by_ratio := self.confirmed_by_ratio(owner, total.computed):
            tier.append(("self", owner, total.computed, by_ratio))
        for child, value in fixable:
            if by_ratio := self.confirmed_by_ratio(child, value + d):
                tier.append(("item", child, value + d, by_ratio))
        if not tier:
            # Tier 2: a typing slip (power of ten, transposed digits).
            if by_slip := slip(total.printed, total.computed):
                tier.append(("self", owner, total.computed, by_slip))
            for child, value in fixable:
                if by_slip := slip(value, value + d):
                    tier.append(("item", child, value + d, by_slip))
        if tier:
            if len({id(node) for _, node, _, _ in tier}) > 1:
                return _Diagnosis("unknown")
            cause, node, corrected, _ = tier[0]
            reasons = [t[3] for t in tier]
            typo = slip(self.value(node) or 0, corrected)
            if typo is not None and typo not in reasons:
                reasons.append(typo)  # confirmed, and the shape of the typo shows too
            return _Diagnosis(cause, [node], corrected, _joined(reasons))
        # Tier 3: one child counted twice in the total, or left out of it.
        doubles = [
            c
            for c in self.tree.members(owner)
            if d and (found := self.amount(c)) is not None and found.value == abs(d)
        ]
        if not doubles:
            return _Diagnosis("unknown")
        if d > 0:
            reason = Localized(
                "baris itu kemungkinan terhitung dua kali",
                "that row was probably counted twice",
            )
        else:
            reason = Localized(
                "baris itu kemungkinan tidak ikut dijumlahkan, atau tercantum dua kali di rincian",
                "that row was probably left out of the sum, or is listed twice among the sub-rows",
            )
        return _Diagnosis("double", doubles, None, reason)


@dataclass
class _Diagnosis:
    """What :meth:`_TreeField.diagnose` concluded about a failed sum."""

    cause: str
    suspects: list[Node] = field(default_factory=list)
    corrected: int | None = None
    reason: Localized | None = None


def _kodes(nodes: list[Node]) -> list[str]:
    return [n.row.kode or n.row.label for n in nodes]


class HierarchicalSum(CheckKind):
    """Every parent row equals the sum of its children; the JUMLAH row the sum of the roots.

    Rows of a kode-keyed table form a tree of any depth: a row's parent is its
    ``induk`` or its kode without the last segment ("1.2.1" → "1.2"). Rupiah must
    agree exactly. Outcomes: ``mismatch`` (a parent row, cause unknown),
    ``total_mismatch`` (the JUMLAH row, cause unknown), ``wrong_sum`` (the
    parent's own figure is the wrong one), ``wrong_item`` (one child's figure is
    wrong; reported at that child), ``double`` (the difference is one child's
    figure: counted twice or left out). A parent whose child is wrong and whose
    grandchildren give the right figure is reported once, at the child.

    A heading row that prints no figures counts with the sum of its sub-rows and
    is never blamed: the printed figures beneath it are. Revenue and spending are
    summed apart (a row adds up its sub-rows of its own ``jenis_anggaran``; the
    JUMLAH row the top rows of the table's). Two more outcomes:

    * ``incomplete``: the table is an excerpt (``kutipan``) and a printed figure
      is larger than the sum of the sub-rows shown: the rows left out may account
      for it. (Smaller is still ``mismatch``/``total_mismatch``: rupiah are never
      negative, so the rows shown cannot exceed the whole.) In an excerpt no cause
      is diagnosed: the diagnoses assume every sub-row is shown.
    * ``blank``: in a complete table, a row prints no figures and has no sub-rows
      to take them from, while other sub-rows of the same row print theirs: the
      sum above it cannot be checked. Reported once per row, at the row.
    """

    name = "hierarchical_sum"
    outcomes = (
        "mismatch",
        "total_mismatch",
        "wrong_sum",
        "wrong_item",
        "double",
        "incomplete",
        "blank",
    )
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {
            "cause",
            "children",
            "count",
            "difference",
            "suspect",
            "sum_row",
            "sum_printed",
            "sum_expected",
        }
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "field"],
        "properties": {
            "table": _one_or_many(TABLE_NAME),
            "field": _one_or_many(FIELD_NAME),
            "total": {"type": "boolean"},
            "percent": {
                "type": "object",
                "additionalProperties": False,
                "required": ["printed", "part", "whole"],
                "properties": {"printed": FIELD_NAME, "part": FIELD_NAME, "whole": FIELD_NAME},
            },
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        tables, fields = _names(self.params["table"]), _names(self.params["field"])
        problems = []
        for index, table in enumerate(tables):
            where = f"/table/{index}" if isinstance(self.params["table"], list) else "/table"
            if table not in BUDGET_TABLES:
                known = ", ".join(sorted(BUDGET_TABLES))
                problems.append((where, f"{table!r} is not a kode-keyed table; use one of {known}"))
            elif not set(fields) & TABLE_FIELDS[table]:
                problems.append((where, f"table {table!r} has none of the fields {fields}"))
        known_tables = [t for t in tables if t in TABLE_FIELDS]
        for name in fields:
            if known_tables and not any(name in TABLE_FIELDS[t] for t in known_tables):
                problems.append(("/field", f"no listed table has a field {name!r}"))
        ratio = self.params.get("percent")
        if ratio:
            for key in ("printed", "part", "whole"):
                if known_tables and not any(ratio[key] in TABLE_FIELDS[t] for t in known_tables):
                    problems.append(
                        (f"/percent/{key}", f"no listed table has a field {ratio[key]!r}")
                    )
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        # The ordering, percentage and budget_equal rules run the sum check of their
        # tables too (``sums``, to read its corrections): it is worked out once per
        # report for each set of parameters, and every caller reads the same hits.
        key = ("hierarchical_sum", json.dumps(self.params, sort_keys=True, default=str))
        hits: list[Hit] | None = view.memo.get(key)
        if hits is None:
            hits = view.memo[key] = list(self._run(view))
        return iter(hits)

    def _run(self, view: ReportView) -> Iterator[Hit]:
        for table in _names(self.params["table"]):
            if table not in TABLE_FIELDS:
                continue
            tree = budget_tree(view, table, with_total=self.params.get("total", False))
            ratio = self.params.get("percent")
            if ratio and not all(ratio[k] in TABLE_FIELDS[table] for k in ratio):
                ratio = None
            fields = [n for n in _names(self.params["field"]) if n in TABLE_FIELDS[table]]
            for name in fields:
                yield from self._field_hits(table, _TreeField(tree, name, ratio))
            if not tree.kutipan:
                yield from self._blank_hits(table, tree, fields)

    def _field_hits(self, table: str, tree: _TreeField) -> Iterator[Hit]:
        for owner in tree.owners():
            total = tree.failed(owner)
            if total is None:
                continue
            if tree.tree.kutipan:
                yield self._excerpt_hit(table, tree, total)
            elif not tree.explained_below(total):
                yield self._hit(table, tree, total, tree.diagnose(total))

    def _excerpt_hit(self, table: str, tree: _TreeField, total: _Sum) -> Hit:
        """An excerpt: more than the rows shown may be missing rows; less cannot be."""
        if total.difference > 0:
            outcome = "incomplete"
        else:
            outcome = "total_mismatch" if total.owner is tree.tree.total else "mismatch"
        return self._hit(table, tree, total, _Diagnosis("unknown"), outcome)

    def _blank_hits(self, table: str, tree: Tree, fields: list[str]) -> Iterator[Hit]:
        """Rows without figures or sub-rows among sub-rows that print theirs."""
        parents = [*tree.nodes, *([tree.total] if tree.total is not None else [])]
        for parent in parents:
            members = tree.members(parent)
            blank = [m for m in members if tree.is_heading(m) and not tree.members(m)]
            # A blank row has no figure itself, so any member with one is a sibling.
            if not blank or not any(
                tree.amount(m, name) is not None for m in members for name in fields
            ):
                continue
            for node in blank:
                yield Hit(
                    "blank",
                    node.row.pointer,
                    table,
                    {**node.row.values(), "sum_row": parent.row.label},
                )

    def _hit(
        self,
        table: str,
        tree: _TreeField,
        total: _Sum,
        found: _Diagnosis,
        outcome: str | None = None,
    ) -> Hit:
        cause, suspects, corrected = found.cause, found.suspects, found.corrected
        owner = total.owner
        is_total = owner is tree.tree.total
        cell = owner.row.cell(tree.name)
        values: dict[str, Any] = {
            "row": owner.row.label,
            "kode": owner.row.kode,
            "field": tree.name,
            "printed": Rupiah(total.printed),
            "expected": Rupiah(total.computed),
            "difference": Rupiah(abs(total.difference)),
            "children": _kodes(tree.tree.members(owner)),
            "count": len(tree.tree.members(owner)),
            "cause": found.reason,
        }
        if cause == "item" and corrected is not None:
            child = suspects[0]
            child_cell = child.row.cell(tree.name)
            printed = tree.value(child) or 0
            values.update(
                row=child.row.label,
                kode=child.row.kode,
                printed=Rupiah(printed),
                expected=Rupiah(corrected),
                suspect=child.row.label,
                sum_row=owner.row.label,
                sum_printed=Rupiah(total.printed),
                sum_expected=Rupiah(total.computed),
            )
            return Hit(
                "wrong_item", child_cell.pointer, table, values, Rupiah(printed), Rupiah(corrected)
            )
        if outcome is not None:
            pass  # decided by the caller (an excerpt)
        elif cause == "double":
            values["suspect"] = [node.row.label for node in suspects]
            outcome = "double"
        elif cause == "self":
            outcome = "wrong_sum"
        else:
            outcome = "total_mismatch" if is_total else "mismatch"
        return Hit(
            outcome,
            cell.pointer,
            table,
            values,
            Rupiah(total.printed),
            Rupiah(total.computed),
        )
