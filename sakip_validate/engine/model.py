"""Rules and rule packs as loaded from ``rules/*.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..catalog import RuleInfo
from ..findings import Severity, Text
from .applicability import AppliesTo
from .kinds import CheckKind


@dataclass(frozen=True, slots=True)
class Rule:
    """One declared rule, its documentation, and its configured check."""

    id: str
    pack: str
    severity: Severity
    kind: str
    outcome: str
    title: Text
    message: Text
    legal_basis: str
    rationale: Text
    fix: Text
    params: dict[str, Any]
    example_pass: str
    example_fail: str
    source: str  # the pack file, for messages
    check: CheckKind
    # How sure the legal basis is ("verified" or "regulation_only"; None when a pack does not
    # say). Rule documentation shows it; findings and the catalogue never carry it.
    legal_basis_status: str | None = None
    # The reports the rule is for (None: every report); on others it is skipped and listed.
    applies_to: AppliesTo | None = None

    @property
    def info(self) -> RuleInfo:
        """The rule's metadata without its check, as the catalogue and outputs hold it."""
        return RuleInfo(
            id=self.id,
            pack=self.pack,
            severity=self.severity,
            title=self.title,
            legal_basis=self.legal_basis,
            rationale=self.rationale,
            fix=self.fix,
            kind=self.kind,
        )


@dataclass(frozen=True, slots=True)
class RulePack:
    """A file of related rules."""

    id: str
    version: str
    title: Text
    source: str
    rules: tuple[Rule, ...]
