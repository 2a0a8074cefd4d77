"""Which rules count: select / extend-select / ignore by id or prefix, and per-path overrides.

The semantics are ruff's: a code is selected when some ``select`` (or
``extend-select``) entry is a prefix of it and no more specific ``ignore``
entry is; the longest matching prefix decides, and at equal length ``ignore``
wins. An empty ``select`` means every rule. The built-in LOAD, SCHEMA and
INTERNAL codes cannot be deselected or waived: a file they stop was not
checked, and hiding that would make a broken file look clean.
"""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field

from ..findings import Severity

__all__ = ["ALWAYS", "Override", "RuleSelection", "always_counts", "matches_path"]

ALWAYS = ("LOAD", "SCHEMA", "INTERNAL")


def always_counts(rule: str) -> bool:
    """Whether ``rule`` is a built-in code that selection and waivers cannot touch."""
    return rule.startswith(ALWAYS)


def _longest(rule: str, prefixes: tuple[str, ...]) -> int:
    """Length of the longest entry that is a prefix of ``rule`` (ALL matches all), or -1."""
    best = -1
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 0)
        elif rule.startswith(prefix):
            best = max(best, len(prefix))
    return best


@dataclass(frozen=True, slots=True)
class RuleSelection:
    """``select`` (empty: all), ``extend-select`` and ``ignore``, by id or prefix."""

    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def selects(self, rule: str) -> bool:
        if always_counts(rule):
            return True
        chosen = self.select or ("ALL",)
        picked = max(_longest(rule, chosen), _longest(rule, self.extend_select))
        if picked < 0:
            return False
        return _longest(rule, self.ignore) < picked

    def then(self, other: RuleSelection) -> RuleSelection:
        """This selection refined by ``other`` (a per-path override or the command line).

        ``other.select`` replaces the selection; its ``extend-select`` and
        ``ignore`` add to it.
        """
        if other.select:
            return RuleSelection(other.select, other.extend_select, other.ignore)
        return RuleSelection(
            self.select,
            self.extend_select + other.extend_select,
            self.ignore + other.ignore,
        )


def matches_path(relative: str, patterns: tuple[str, ...]) -> bool:
    """Whether a ``/``-separated path matches one of the globs (``**`` spans folders)."""
    for pattern in patterns:
        if fnmatch.fnmatchcase(relative, pattern):
            return True
        # "laporan/**/x.toml" also matches "laporan/x.toml"
        if "**/" in pattern and fnmatch.fnmatchcase(relative, pattern.replace("**/", "")):
            return True
        if "/" not in pattern and fnmatch.fnmatchcase(relative.rsplit("/", 1)[-1], pattern):
            return True
    return False


@dataclass(frozen=True, slots=True)
class Override:
    """Settings for the files matching ``files`` (and, optionally, the values under ``pointer``).

    ``selection`` refines the rule selection; ``severity`` maps an id or prefix
    to the severity its findings get there. ``source`` names where it is declared.
    """

    files: tuple[str, ...]
    pointer: str = ""
    selection: RuleSelection = field(default_factory=RuleSelection)
    severity: tuple[tuple[str, Severity], ...] = ()
    source: str = ""

    def covers(self, relative: str, pointer: str) -> bool:
        if not matches_path(relative, self.files):
            return False
        if not self.pointer:
            return True
        return pointer == self.pointer or pointer.startswith(self.pointer.rstrip("/") + "/")

    def severity_of(self, rule: str) -> Severity | None:
        best, chosen = -1, None
        for prefix, severity in self.severity:
            length = _longest(rule, (prefix,))
            if length > best:
                best, chosen = length, severity
        return chosen
