"""Rules and rule packs as loaded from ``rules/*.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..findings import Severity, Text
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


@dataclass(frozen=True, slots=True)
class RulePack:
    """A file of related rules."""

    id: str
    version: str
    title: Text
    source: str
    rules: tuple[Rule, ...]
