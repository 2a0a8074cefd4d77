"""Check kinds: the small classes that rule packs configure.

A kind is found by name through the ``sakip_validate.checks`` entry-point group,
so other packages can add kinds without forking. A rule selects a kind, gives
its parameters and chooses which of the kind's outcomes it reports.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from typing import Any, ClassVar

from ..domain.view import ReportView
from ..findings import Text

ENTRY_POINT_GROUP = "sakip_validate.checks"

# The built-in kinds; other packages add theirs through the entry-point group
# (a built-in name cannot be taken over).
BUILT_IN = {
    # rules/anggaran.toml
    "hierarchical_sum": "sakip_validate.checks.anggaran.sums:HierarchicalSum",
    "ordering": "sakip_validate.checks.anggaran.ordering:Ordering",
    "percentage": "sakip_validate.checks.anggaran.percentage:Percentage",
    "budget_equal": "sakip_validate.checks.anggaran.equal:BudgetEqual",
    "efficiency_budget_total": "sakip_validate.checks.anggaran.efficiency:EfficiencyBudgetTotal",
    "efficiency_level": "sakip_validate.checks.anggaran.efficiency_level:EfficiencyLevel",
    "suspicious_amount": "sakip_validate.checks.anggaran.suspicious:SuspiciousAmount",
    "capaian_is_absorption": "sakip_validate.checks.anggaran.absorption:CapaianIsAbsorption",
    "share_of_total": "sakip_validate.checks.anggaran.share:ShareOfTotal",
    # rules/capaian.toml
    "capaian": "sakip_validate.checks.capaian.formula:Capaian",
    "column_total": "sakip_validate.checks.capaian.totals:ColumnTotal",
    # rules/kategori.toml
    "category": "sakip_validate.checks.kategori.category:Category",
    "scale_wellformed": "sakip_validate.checks.kategori.wellformed:ScaleWellFormed",
    "scale_matches": "sakip_validate.checks.kategori.matches:ScaleMatches",
    # rules/konsistensi-target.toml
    "cross_table_equal": "sakip_validate.checks.konsistensi_target.cross_table:CrossTableEqual",
    "zero_target": "sakip_validate.checks.konsistensi_target.zero_target:ZeroTarget",
    "target_below_previous": (
        "sakip_validate.checks.konsistensi_target.movement:TargetBelowPrevious"
    ),
    "trajectory": "sakip_validate.checks.konsistensi_target.movement:Trajectory",
    "indicator_set": "sakip_validate.checks.konsistensi_target.indicator_set:IndicatorSet",
    "index_unit": "sakip_validate.checks.konsistensi_target.index_unit:IndexUnit",
    "name_consistent": "sakip_validate.checks.konsistensi_target.names:NameConsistent",
    "renstra_period": "sakip_validate.checks.konsistensi_target.period:RenstraPeriod",
    # rules/distribusi.toml
    "distribution": "sakip_validate.checks.distribusi.distribution:Distribution",
    "distribution_agreement": "sakip_validate.checks.distribusi.agreement:DistributionAgreement",
    "share_of_whole": "sakip_validate.checks.distribusi.fractions:ShareOfWhole",
    # rules/narasi.toml
    "statement": "sakip_validate.checks.narasi.statement:Statement",
    "claim": "sakip_validate.checks.narasi.claim:Claim",
    "comparison": "sakip_validate.checks.narasi.comparison:Comparison",
    # rules/kelengkapan.toml
    "sections_present": "sakip_validate.checks.kelengkapan.sections:SectionsPresent",
    "required_cells": "sakip_validate.checks.kelengkapan.cells:RequiredCells",
    "signatory_consistent": "sakip_validate.checks.kelengkapan.signatory:SignatoryConsistent",
    "nip_format": "sakip_validate.checks.kelengkapan.nip:NipFormat",
    "signing_deadline": "sakip_validate.checks.kelengkapan.deadline:SigningDeadline",
    "measured": "sakip_validate.checks.kelengkapan.measured:Measured",
    "tables_present": "sakip_validate.checks.kelengkapan.tables:TablesPresent",
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One problem a kind found, before a rule turns it into a finding."""

    outcome: str
    pointer: str
    table: str | None
    values: dict[str, Any] = field(default_factory=dict)
    printed: Any = None
    expected: Any = None
    at_key: bool = False


class CheckKind:
    """Base class of check kinds.

    Subclasses set ``name``, ``outcomes``, ``placeholders`` (template names they
    fill besides the common ones) and ``params_schema`` (a JSON Schema for the
    rule's ``params``), and implement :meth:`run`. ``__init__`` receives the
    parameters once per process; :meth:`problems` reports parameters that the
    schema cannot judge (unknown tables or fields).
    """

    name: ClassVar[str] = ""
    outcomes: ClassVar[tuple[str, ...]] = ("mismatch",)
    placeholders: ClassVar[frozenset[str]] = frozenset()
    # Template values that a finding lists as the figures its expected value is
    # computed from (e.g. target and realisasi for a capaian).
    operands: ClassVar[tuple[str, ...]] = ()
    params_schema: ClassVar[dict[str, Any]] = {"type": "object"}

    def __init__(self, params: dict[str, Any]) -> None:
        self.params = params

    def problems(self) -> list[tuple[str, str]]:
        """(pointer inside params, English message) for each bad parameter."""
        return []

    def run(self, view: ReportView) -> Iterable[Hit]:
        """Yield the hits for one report."""
        raise NotImplementedError

    def inapplicable(self, view: ReportView, outcome: str) -> Text | None:
        """Why a rule reporting ``outcome`` does not apply to this report, or None.

        For what the data shows rather than what the header says (a partial
        report's table printed without the column the rule is about); the
        header's kind, level and scope are the rule's ``applies_to``. A rule
        given a reason is skipped and listed with it.
        """
        return None


@functools.cache
def available() -> dict[str, str]:
    """Installed kind names and the class each one points to."""
    found = {entry.name: entry.value for entry in entry_points(group=ENTRY_POINT_GROUP)}
    found.update(BUILT_IN)
    return dict(sorted(found.items()))


@functools.cache
def load_kind(name: str) -> type[CheckKind]:
    """The class registered as kind ``name``; KeyError when none is installed."""
    module_name, _, attribute = available()[name].partition(":")
    cls = getattr(import_module(module_name), attribute)
    if not (isinstance(cls, type) and issubclass(cls, CheckKind)):
        raise TypeError(f"entry point {name!r} does not name a CheckKind subclass")
    return cls
