"""Counts of a run's findings: what the verdict and the summaries need, without the findings.

A run over thousands of files keeps its reports packed (:mod:`sakip_validate.store`);
the counts are taken as each report is settled, so deciding the exit code and
printing the totals never unpack them again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .codes import INTERNAL_ERROR
from .findings import Finding, Severity

if TYPE_CHECKING:
    from .result import FileReport

# (rule, pack, severity, suppression kind or None)
Key = tuple[str, str, Severity, str | None]


@dataclass(slots=True)
class Tally:
    """How many findings a run has, by rule, pack, severity and suppression; and its files."""

    counted: Counter[Key] = field(default_factory=Counter)
    files: int = 0
    reports: int = 0  # files that are inputs (not configuration files)
    unreadable: int = 0

    @classmethod
    def of(cls, reports: Iterable[FileReport]) -> Tally:
        tally = cls()
        for report in reports:
            tally.add(report)
        return tally

    def add(self, report: FileReport) -> None:
        """Count one settled report (after the policy has marked its findings)."""
        self.files += 1
        self.reports += report.role == "report"
        self.unreadable += report.unreadable
        self.counted.update(_key(finding) for finding in report.findings)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (a report counted in a worker process)."""
        self.counted.update(other.counted)
        self.files += other.files
        self.reports += other.reports
        self.unreadable += other.unreadable

    @property
    def findings(self) -> int:
        return self.counted.total()

    def counts(self) -> dict[Severity, int]:
        """Number of findings per severity (every severity present, zero included)."""
        tally = dict.fromkeys(Severity, 0)
        for (_, _, severity, _), count in self.counted.items():
            tally[severity] += count
        return tally

    def failing(self, fail_on: Severity | None) -> int:
        """Findings at or above ``fail_on`` that are neither waived nor baselined."""
        if fail_on is None:
            return 0
        return sum(
            count
            for (_, _, severity, kind), count in self.counted.items()
            if kind is None and severity >= fail_on
        )

    def internal(self) -> int:
        return sum(count for key, count in self.counted.items() if key[0] == INTERNAL_ERROR.id)

    def suppressed(self, kind: str) -> int:
        """Findings waived (``waiver``) or held by the baseline (``baseline``)."""
        return sum(count for key, count in self.counted.items() if key[3] == kind)

    def suppressed_counts(self, kind: str) -> dict[Severity, int]:
        """Findings per severity waived (``waiver``) or held by the baseline (``baseline``)."""
        tally = dict.fromkeys(Severity, 0)
        for (_, _, severity, suppression), count in self.counted.items():
            if suppression == kind:
                tally[severity] += count
        return tally

    def per_pack(self) -> Counter[tuple[str, Severity]]:
        """Findings per (pack, severity)."""
        packs: Counter[tuple[str, Severity]] = Counter()
        for (_, pack, severity, _), count in self.counted.items():
            packs[pack, severity] += count
        return packs

    def per_rule(self, kind: str | None) -> Counter[str]:
        """Findings per rule with the given suppression (None: those that count)."""
        rules: Counter[str] = Counter()
        for (rule, _, _, suppression), count in self.counted.items():
            if suppression == kind:
                rules[rule] += count
        return rules


def _key(finding: Finding) -> Key:
    kind = finding.suppression.kind if finding.suppression is not None else None
    return (finding.rule, finding.pack, finding.severity, kind)
