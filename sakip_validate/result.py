"""What a run produced: the files checked and their findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .findings import Finding, Severity

if TYPE_CHECKING:
    from .engine.model import Rule


@dataclass(slots=True)
class FileReport:
    """The outcome for one input file.

    ``lines`` holds the source lines the findings point at (line number -> text),
    so outputs can quote them; ``data`` the parsed report when an output asked for
    it (None otherwise, or when it did not parse).
    """

    label: str
    format: str | None
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    lines: dict[int, str] = field(default_factory=dict)
    data: Any = None
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """What produced a result: enough to reproduce it (no timestamp unless asked)."""

    tool_version: str
    schema_id: str
    packs: tuple[tuple[str, str], ...]  # (pack id, pack version)
    generated_at: str | None = None


@dataclass(slots=True)
class RunResult:
    """Every file of one run, in the order they were checked, with the rules that ran."""

    files: list[FileReport] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    manifest: Manifest | None = None

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
