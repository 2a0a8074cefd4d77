"""Budget checks: the program/kegiatan/sub-kegiatan tree, spending against budget, printed %.

Rupiah are whole numbers and must add up exactly. Percentages are judged at the
precision they are printed with (``numbers.compare_printed``). When a sum fails,
:class:`HierarchicalSum` looks for the one figure that explains it (a row whose
own children, parent or printed % agree with a corrected value, a ×10/×1000
slip, two transposed digits, a row counted twice) so that the finding points
at the likely culprit instead of only at the total.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from ..domain.budget import Node, Tree, build_tree, total_row
from ..domain.numbers import (
    Agreement,
    compare_printed,
    decimals_of,
    format_en,
    format_id,
    percent,
    round_half_up,
)
from ..domain.view import BUDGET_TABLES, TABLE_FIELDS, Cell, ReportView, Row
from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Localized, Percent, Rupiah
from ..loading.pointers import join_pointer
from .common import FIELD_NAME, TABLE_NAME, number, rupiah, same_value, table_problems

__all__ = [
    "BudgetEqual",
    "CapaianIsAbsorption",
    "EfficiencyBudgetTotal",
    "HierarchicalSum",
    "Ordering",
    "Percentage",
    "SuspiciousAmount",
    "is_slip",
    "slip",
]

# Powers of ten a figure is typed too large or too small by: an extra or missing
# zero, "ribuan" (thousands) or "jutaan" (millions) entered as rupiah.
SLIP_FACTORS = (10, 100, 1000, 1_000_000)


def _names(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def _one_or_many(item: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [item, {"type": "array", "items": item, "minItems": 1, "uniqueItems": True}]}


def slip(printed: int, right: int) -> Localized | None:
    """How ``printed`` looks like a mistyped ``right``, or None when it does not.

    A power-of-ten slip (×10, ×100, ×1000, ×1.000.000 either way) or two adjacent
    digits swapped (1.834.058.000 → 1.834.508.000).
    """
    if printed == right or printed < 0 or right < 0:
        return None
    for factor in SLIP_FACTORS:
        zeros = len(str(factor)) - 1
        if printed == right * factor:
            return Localized(
                f"angka tercetak kelebihan {zeros} angka nol (×{format_id(factor)})",
                f"the printed figure has {zeros} zero(s) too many (×{format_en(factor)})",
            )
        if right == printed * factor:
            return Localized(
                f"angka tercetak kekurangan {zeros} angka nol (÷{format_id(factor)})",
                f"the printed figure lacks {zeros} zero(s) (÷{format_en(factor)})",
            )
    a, b = str(printed), str(right)
    if len(a) != len(b):
        return None
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and a[differ[0]] == b[differ[1]]
        and a[differ[1]] == b[differ[0]]
    ):
        pair, swapped = a[differ[0] : differ[1] + 1], b[differ[0] : differ[1] + 1]
        return Localized(
            f"dua angka bersebelahan tertukar ({swapped} tertulis {pair})",
            f"two adjacent digits are swapped ({swapped} printed as {pair})",
        )
    return None


def is_slip(printed: int, right: int) -> bool:
    """Whether ``printed`` looks like a mistyped ``right`` (see :func:`slip`)."""
    return slip(printed, right) is not None


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


def _sum(values: list[int | None]) -> int | None:
    return None if any(v is None for v in values) else sum(v for v in values if v is not None)


# -- hierarchical sums ----------------------------------------------------------


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
    """The sums of one field of one tree, and the reasoning about a failed one."""

    def __init__(self, tree: Tree, name: str, ratio: dict[str, str] | None) -> None:
        self.tree = tree
        self.name = name
        self.ratio = ratio
        self.sums: dict[int, _Sum] = {}
        owners = [n for n in tree.nodes if n.children]
        if tree.total is not None:
            owners.append(tree.total)
        for owner in owners:
            printed = self.value(owner)
            computed = _sum([self.value(child) for child in owner.children])
            if printed is not None and computed is not None:
                self.sums[id(owner)] = _Sum(owner, printed, computed)

    def value(self, node: Node) -> int | None:
        return rupiah(node.row.cell(self.name))

    def failed(self, node: Node) -> _Sum | None:
        found = self.sums.get(id(node))
        return found if found is not None and found.difference else None

    def _balances(self, total: _Sum, corrected: dict[int, int]) -> bool:
        """Whether ``total`` adds up once some children take the corrected values."""
        shift = 0
        for child in total.owner.children:
            if id(child) in corrected:
                shift += corrected[id(child)] - (self.value(child) or 0)
        return total.printed == total.computed + shift

    def _child_fixes(self, total: _Sum) -> list[dict[int, int]]:
        """Corrections taken from the children's own sums: all together, then one by one."""
        failed = [s for s in (self.failed(c) for c in total.owner.children) if s is not None]
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
        parent = total.owner.parent
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
        shown = number(row.cell(self.ratio["printed"]))
        part = number(row.cell(self.ratio["part"]))
        whole = number(row.cell(self.ratio["whole"]))
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
            (child, self.value(child) or 0)
            for child in owner.children
            if self.value(child) is not None and (self.value(child) or 0) + d >= 0
        ]
        # Tier 1: another figure of the report confirms the correction.
        tier: list[tuple[str, Node, int, Localized]] = []
        parent = owner.parent
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
        doubles = [c for c in owner.children if self.value(c) == abs(d) and d]
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
    """

    name = "hierarchical_sum"
    outcomes = ("mismatch", "total_mismatch", "wrong_sum", "wrong_item", "double")
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
        for table in _names(self.params["table"]):
            if table not in TABLE_FIELDS:
                continue
            total = total_row(view, table) if self.params.get("total", False) else None
            tree = build_tree(view.rows(table), total)
            ratio = self.params.get("percent")
            if ratio and not all(ratio[k] in TABLE_FIELDS[table] for k in ratio):
                ratio = None
            for name in _names(self.params["field"]):
                if name in TABLE_FIELDS[table]:
                    yield from self._field_hits(table, _TreeField(tree, name, ratio))

    def _field_hits(self, table: str, tree: _TreeField) -> Iterator[Hit]:
        owners = [n for n in tree.tree.nodes if n.children]
        if tree.tree.total is not None:
            owners.append(tree.tree.total)
        for owner in owners:
            total = tree.failed(owner)
            if total is None or tree.explained_below(total):
                continue
            yield self._hit(table, tree, total, tree.diagnose(total))

    def _hit(self, table: str, tree: _TreeField, total: _Sum, found: _Diagnosis) -> Hit:
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
            "children": _kodes(owner.children),
            "count": len(owner.children),
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
        if cause == "double":
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


# -- ordering -----------------------------------------------------------------


def _money_or_number(value: Decimal, as_rupiah: bool) -> Any:
    if as_rupiah and value == value.to_integral_value():
        return Rupiah(int(value))
    return value


def _rows_with_total(view: ReportView, table: str, with_total: bool) -> list[Row]:
    rows = list(view.rows(table))
    total = total_row(view, table) if with_total else None
    return [*rows, total] if total is not None else rows


# A rule of Ordering or Percentage may name, in ``sums``, the parameters of the
# hierarchical_sum rules of its table. A rupiah figure those rules already call
# mistyped (wrong_sum, wrong_item) is then read as corrected, so that the same
# typo is not reported a second time as "spending above budget" or "wrong %".
SUMS_PARAM: dict[str, Any] = {"type": "object"}


def sum_corrections(view: ReportView, params: dict[str, Any] | None) -> dict[str, int]:
    """Pointer of each figure the sum check calls mistyped → the figure that fits."""
    if not params:
        return {}
    found = {}
    for hit in HierarchicalSum(params).run(view):
        if hit.outcome in ("wrong_sum", "wrong_item") and isinstance(hit.expected, Rupiah):
            found[hit.pointer] = hit.expected.amount
    return found


def _corrected(cell: Cell, value: Decimal, corrections: dict[str, int]) -> Decimal:
    fixed = corrections.get(cell.pointer)
    return value if fixed is None else Decimal(fixed)


def _sums_problems(params: dict[str, Any]) -> list[tuple[str, str]]:
    """Problems of a ``sums`` parameter: it must be valid hierarchical_sum parameters."""
    from jsonschema import Draft202012Validator

    sums = params.get("sums")
    if sums is None:
        return []
    errors = list(Draft202012Validator(HierarchicalSum.params_schema).iter_errors(sums))
    if errors:
        return [("/sums", f"not valid hierarchical_sum parameters: {errors[0].message}")]
    return [("/sums" + where, message) for where, message in HierarchicalSum(sums).problems()]


class Ordering(CheckKind):
    """A low figure must not exceed a high one: realisasi ≤ anggaran on spending rows.

    Only for spending (belanja): income (pendapatan) may exceed its target, so
    do not configure it on such rows. Outcome ``exceeds``.
    """

    name = "ordering"
    outcomes = ("exceeds",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"difference"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "field_low", "field_high"],
        "properties": {
            "table": TABLE_NAME,
            "field_low": FIELD_NAME,
            "field_high": FIELD_NAME,
            "total": {"type": "boolean"},
            "rupiah": {"type": "boolean"},
            "sums": SUMS_PARAM,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        return table_problems(p["table"], [p["field_low"], p["field_high"]]) + _sums_problems(p)

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        as_rupiah = p.get("rupiah", True)
        corrections = sum_corrections(view, p.get("sums"))
        for row in _rows_with_total(view, p["table"], p.get("total", False)):
            low_cell, high_cell = row.cell(p["field_low"]), row.cell(p["field_high"])
            low, high = number(low_cell), number(high_cell)
            if low is None or high is None or low <= high:
                continue
            if _corrected(low_cell, low, corrections) <= _corrected(high_cell, high, corrections):
                continue  # a mistyped figure, already reported by the sum check
            yield Hit(
                "exceeds",
                low_cell.pointer,
                p["table"],
                {
                    **row.values(),
                    "field": p["field_low"],
                    "printed": _money_or_number(low, as_rupiah),
                    "expected": _money_or_number(high, as_rupiah),
                    "difference": _money_or_number(low - high, as_rupiah),
                },
                printed=low_cell.value,
                expected=row.cell(p["field_high"]).value,
            )


# -- percentages ----------------------------------------------------------------


class Percentage(CheckKind):
    """A printed % equals part / whole × 100 at the precision it is printed with.

    Outcomes: ``mismatch`` (neither rounding nor truncation gives the printed
    figure), ``truncated`` (only truncation does), ``zero_whole`` (the whole is
    0 yet a number is printed: it must be N/A or blank, never 100). With
    ``total`` the table's JUMLAH row is checked too; with ``polarity`` only rows
    of indicators of that polarity are checked (a plain ratio is not the
    achievement of a lower-is-better indicator).
    """

    name = "percentage"
    outcomes = ("mismatch", "truncated", "zero_whole")
    placeholders: ClassVar[frozenset[str]] = frozenset({"part", "whole", "exact"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "part", "whole", "printed"],
        "properties": {
            "table": TABLE_NAME,
            "part": FIELD_NAME,
            "whole": FIELD_NAME,
            "printed": FIELD_NAME,
            "total": {"type": "boolean"},
            "rupiah": {"type": "boolean"},
            "polarity": {"enum": ["positif", "negatif"]},
            "sums": SUMS_PARAM,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        return table_problems(p["table"], [p["part"], p["whole"], p["printed"]]) + _sums_problems(p)

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        as_rupiah = p.get("rupiah", False)
        corrections = sum_corrections(view, p.get("sums"))
        for row in _rows_with_total(view, p["table"], p.get("total", False)):
            if "polarity" in p and view.polarity(row.indikator) != p["polarity"]:
                continue
            cell = row.cell(p["printed"])
            shown = number(cell)
            part_cell, whole_cell = row.cell(p["part"]), row.cell(p["whole"])
            part, whole = number(part_cell), number(whole_cell)
            if shown is None or part is None or whole is None:
                continue
            if self._explained(shown, part_cell, part, whole_cell, whole, corrections):
                continue
            values: dict[str, Any] = {
                **row.values(),
                "field": p["printed"],
                "part": _money_or_number(part, as_rupiah),
                "whole": _money_or_number(whole, as_rupiah),
                "printed": Percent(shown),
            }
            exact = percent(part, whole)
            if exact is None:
                yield Hit("zero_whole", cell.pointer, p["table"], values, cell.value, "N/A")
                continue
            agreement = compare_printed(shown, exact)
            if agreement is Agreement.EXACT:
                continue
            places = decimals_of(shown)
            expected = round_half_up(exact, places)
            values["expected"] = Percent(expected, places)
            values["exact"] = Percent(round_half_up(exact, places + 2), places + 2)
            outcome = "truncated" if agreement is Agreement.TRUNCATED else "mismatch"
            yield Hit(outcome, cell.pointer, p["table"], values, cell.value, expected)

    @staticmethod
    def _explained(
        shown: Decimal,
        part_cell: Cell,
        part: Decimal,
        whole_cell: Cell,
        whole: Decimal,
        corrections: dict[str, int],
    ) -> bool:
        """The % fits once the sum check's corrected rupiah replace mistyped ones."""
        fixed_part = _corrected(part_cell, part, corrections)
        fixed_whole = _corrected(whole_cell, whole, corrections)
        if (fixed_part, fixed_whole) == (part, whole):
            return False
        exact = percent(fixed_part, fixed_whole)
        return exact is not None and compare_printed(shown, exact) is not Agreement.MISMATCH


# -- the same budget in two tables ----------------------------------------------------


class BudgetEqual(CheckKind):
    """A program/kegiatan's rupiah figure is the same in every listed table, joined by kode.

    The first table is the reference; a row of another table that prints a
    different amount is a hit, at that row. Unlike ``cross_table_equal`` it shows
    rupiah as rupiah and, given ``sums`` (the parameters of the tables'
    ``hierarchical_sum`` rules), leaves out a difference that disappears once the
    figures the sum check calls mistyped are corrected: that typo is reported once,
    by the sum check. Outcome ``mismatch``.
    """

    name = "budget_equal"
    outcomes = ("mismatch",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "other_printed"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables", "field"],
        "properties": {
            "tables": {"type": "array", "items": TABLE_NAME, "minItems": 2, "uniqueItems": True},
            "field": FIELD_NAME,
            "sums": SUMS_PARAM,
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for index, table in enumerate(self.params["tables"]):
            problems += table_problems(table, [self.params["field"]], f"/tables/{index}")
            if table in TABLE_FIELDS and table not in BUDGET_TABLES:
                problems.append((f"/tables/{index}", f"{table!r} is not a kode-keyed table"))
        return problems + _sums_problems(self.params)

    def run(self, view: ReportView) -> Iterator[Hit]:
        name = self.params["field"]
        reference_table, *others = self.params["tables"]
        reference: dict[str, Cell] = {}
        for row in view.rows(reference_table):
            reference.setdefault(row.kode or "", row.cell(name))
        corrections = sum_corrections(view, self.params.get("sums"))
        for table in others:
            seen: set[str] = set()
            for row in view.rows(table):
                kode = row.kode or ""
                if kode in seen or kode not in reference:
                    continue
                seen.add(kode)
                cell, other = row.cell(name), reference[kode]
                value, other_value = rupiah(cell), rupiah(other)
                if value is None or other_value is None or value == other_value:
                    continue
                fixed = corrections.get(cell.pointer, value)
                other_fixed = corrections.get(other.pointer, other_value)
                if fixed == other_fixed:
                    continue  # a typo the sum check reports
                yield Hit(
                    "mismatch",
                    cell.pointer,
                    table,
                    {
                        "row": row.label,
                        "kode": row.kode,
                        "field": name,
                        "printed": Rupiah(value),
                        "expected": Rupiah(other_value),
                        "other_table": view.table_label(reference_table),
                        "other_printed": Rupiah(other_value),
                    },
                    Rupiah(value),
                    Rupiah(other_value),
                )


# -- the efficiency table's budget against the JUMLAH row -----------------------------


class EfficiencyBudgetTotal(CheckKind):
    """The budgets printed in the efficiency table (3.6) add up to the JUMLAH row of 3.8.

    ``fields`` maps a field of ``table`` to the field of ``total_table`` it is
    compared with. The total is the JUMLAH row, or the sum of the top-level
    rows when the report prints no JUMLAH. Outcomes: ``exceeds`` (more budget
    than the whole unit has, e.g. the whole budget repeated on several rows)
    and ``short`` (part of the budget is not attributed to any indicator).
    """

    name = "efficiency_budget_total"
    outcomes = ("exceeds", "short")
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "count", "difference"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "total_table", "fields"],
        "properties": {
            "table": TABLE_NAME,
            "total_table": TABLE_NAME,
            "fields": {"type": "object", "minProperties": 1, "additionalProperties": FIELD_NAME},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        problems = table_problems(p["table"], list(p["fields"]), "/table")
        problems += table_problems(p["total_table"], list(p["fields"].values()), "/total_table")
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        rows = view.rows(p["total_table"])
        total = total_row(view, p["total_table"])
        for name, total_name in p["fields"].items():
            cells = [row.cell(name) for row in view.rows(p["table"])]
            printed = [(cell, rupiah(cell)) for cell in cells]
            amounts = [(cell, value) for cell, value in printed if value is not None]
            if not amounts:
                continue
            printed_total = rupiah(total.cell(total_name)) if total is not None else None
            programs = _sum([rupiah(n.row.cell(total_name)) for n in build_tree(rows).roots])
            whole = printed_total if printed_total is not None else programs
            if whole is None:
                continue
            added = sum(value for _, value in amounts)
            # A JUMLAH row that disagrees with its programs is the sum check's finding:
            # agreeing with either of the two is not this check's business.
            if added in (printed_total, programs):
                continue
            yield Hit(
                "exceeds" if added > whole else "short",
                amounts[0][0].pointer,
                p["table"],
                {
                    "field": name.replace("_", " "),
                    "printed": Rupiah(added),
                    "expected": Rupiah(whole),
                    "difference": Rupiah(abs(added - whole)),
                    "count": len(amounts),
                    "other_table": view.table_label(p["total_table"]),
                },
                Rupiah(added),
                Rupiah(whole),
            )


# -- sanity of raw amounts ---------------------------------------------------------


class SuspiciousAmount(CheckKind):
    """A rupiah amount equal to a value that betrays a broken export, e.g. 2147483647.

    2.147.483.647 is the largest 32-bit integer: an amount exactly that large was
    cut off (overflowed) by the application that produced the table. ``cells``
    maps a table to the fields to scan; its JUMLAH row is scanned too.
    """

    name = "suspicious_amount"
    outcomes = ("suspicious",)
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["cells"],
        "properties": {
            "cells": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {"type": "array", "items": FIELD_NAME, "minItems": 1},
            },
            "amounts": {"type": "array", "items": {"type": "integer"}, "minItems": 1},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for table, fields in self.params["cells"].items():
            problems += table_problems(table, fields, f"/cells/{table}")
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        amounts = set(self.params.get("amounts", [2_147_483_647]))
        for table, fields in self.params["cells"].items():
            if table not in TABLE_FIELDS:
                continue
            for row in _rows_with_total(view, table, True):
                for name in fields:
                    cell = row.cell(name)
                    value = rupiah(cell)
                    if value is None or value not in amounts:
                        continue
                    yield Hit(
                        "suspicious",
                        cell.pointer,
                        table,
                        {
                            **row.values(),
                            "field": name,
                            "printed": Rupiah(value),
                        },
                        Rupiah(value),
                    )


# -- performance confused with budget absorption ------------------------------------


@dataclass
class _Match:
    row: Row
    cell: Cell
    shown: Decimal
    absorption: Decimal
    recomputed: bool

    @property
    def absorption_shown(self) -> Decimal:
        """The budget % as printed, or recomputed and rounded like the capaian it matched."""
        if not self.recomputed:
            return self.absorption
        return round_half_up(self.absorption, decimals_of(self.shown))


class CapaianIsAbsorption(CheckKind):
    """The "% capaian" of programs and kegiatan (3.7) is their budget % (3.8).

    Performance is then confused with budget absorption. One coincidence proves
    nothing, so the check needs ``min_matches`` equal pairs (default 2), at least
    one of them not 0% or 100%, and reports the whole table once, at the first
    pair. A program's ``indikator_kinerja`` capaian are compared too.
    """

    name = "capaian_is_absorption"
    outcomes = ("absorption",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"other_table", "count", "compared", "kodes"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "field", "budget_table", "budget_percent"],
        "properties": {
            "table": TABLE_NAME,
            "field": FIELD_NAME,
            "indicators": FIELD_NAME,
            "budget_table": TABLE_NAME,
            "budget_percent": FIELD_NAME,
            "budget_part": FIELD_NAME,
            "budget_whole": FIELD_NAME,
            "min_matches": {"type": "integer", "minimum": 1},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        p = self.params
        fields = [p["field"], *([p["indicators"]] if "indicators" in p else [])]
        problems = table_problems(p["table"], fields, "/table")
        budget = [p["budget_percent"], p.get("budget_part", ""), p.get("budget_whole", "")]
        problems += table_problems(p["budget_table"], [f for f in budget if f], "/budget_table")
        return problems

    def _absorption(self, row: Row) -> tuple[Decimal, bool] | None:
        """The budget % of a 3.8 row as printed, else recomputed (then flagged True)."""
        p = self.params
        shown = number(row.cell(p["budget_percent"]))
        if shown is not None:
            return shown, False
        if "budget_part" not in p or "budget_whole" not in p:
            return None
        part, whole = number(row.cell(p["budget_part"])), number(row.cell(p["budget_whole"]))
        exact = None if part is None or whole is None else percent(part, whole)
        return None if exact is None else (exact, True)

    def _cells(self, row: Row) -> Iterator[Cell]:
        yield row.cell(self.params["field"])
        name = self.params.get("indicators")
        items = row.cell(name).value if name else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                base = join_pointer(join_pointer(row.pointer, name or ""), str(index))
                yield Cell(item.get(self.params["field"]), join_pointer(base, self.params["field"]))

    def run(self, view: ReportView) -> Iterator[Hit]:
        p = self.params
        budget: dict[str, tuple[Decimal, bool]] = {}
        for row in view.rows(p["budget_table"]):
            absorption = self._absorption(row)
            if row.kode is not None and absorption is not None:
                budget.setdefault(row.kode, absorption)
        compared = 0
        matches: list[_Match] = []
        for row in view.rows(p["table"]):
            found = budget.get(row.kode or "")
            if found is None:
                continue
            absorption, recomputed = found
            for cell in self._cells(row):
                shown = number(cell)
                if shown is None:
                    continue
                compared += 1
                if same_value(shown, absorption) or (
                    compare_printed(shown, absorption) is Agreement.EXACT
                ):
                    matches.append(_Match(row, cell, shown, absorption, recomputed))
        telling = [m for m in matches if m.shown not in (0, 100)]
        if len(matches) < p.get("min_matches", 2) or not telling:
            return
        first = matches[0]
        kodes = list(dict.fromkeys(m.row.kode for m in matches if m.row.kode))
        yield Hit(
            "absorption",
            first.cell.pointer,
            p["table"],
            {
                "row": first.row.label,
                "kode": first.row.kode,
                "field": p["field"],
                "printed": Percent(first.shown),
                "expected": Percent(first.absorption_shown),
                "count": len(matches),
                "compared": compared,
                "kodes": kodes,
                "other_table": view.table_label(p["budget_table"]),
            },
            first.shown,
            None,  # nothing is "expected" here: the figure measures the wrong thing
        )
