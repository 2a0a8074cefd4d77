"""What a run produced: the files checked and their findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .findings import Finding, Severity


@dataclass(slots=True)
class FileReport:
    """The outcome for one input file."""

    label: str
    format: str | None
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    text: str | None = None


@dataclass(slots=True)
class RunResult:
    """Every file of one run, in the order they were checked."""

    files: list[FileReport] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.files for finding in report.findings]

    def counts(self) -> dict[Severity, int]:
        """Number of findings per severity (every severity present, zero included)."""
        tally = Counter(finding.severity for finding in self.findings)
        return {severity: tally.get(severity, 0) for severity in Severity}

    @property
    def any_unreadable(self) -> bool:
        return any(report.unreadable for report in self.files)

    def fails(self, threshold: Severity | None) -> bool:
        """True when a finding is at or above ``threshold`` (None: never)."""
        if threshold is None:
            return False
        return any(finding.severity >= threshold for finding in self.findings)
