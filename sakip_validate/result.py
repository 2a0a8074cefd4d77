"""What a run produced: the files checked, their findings, the catalogue and the verdict."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalog import Catalog
from .domain.facts import ReportFacts
from .failures import Failure
from .findings import Finding, Severity, Text, pickled_by_position
from .policy import BaselineOutcome, Policy, Verdict
from .policy.baseline import file_key
from .policy.waivers import Waiver
from .tally import Tally

if TYPE_CHECKING:
    from .store import ReportStore


@pickled_by_position
@dataclass(frozen=True, slots=True)
class SkippedRule:
    """A rule that did not run on a file because it does not apply to it, and why.

    The reason speaks of the report (``berkas ini hanya memuat sebagian laporan``,
    ``hanya untuk LKjIP dan LKj, bukan LKPJ``, ``Tabel 3.2 tidak mempunyai kolom
    sumber data``).
    """

    rule: str
    reason: Text


@dataclass(slots=True)
class FileReport:
    """The outcome for one input file.

    ``role`` is ``report`` for an input, ``config`` for a configuration file the
    policy has findings about. ``checked`` is True when the file passed the
    schema and the rules ran on it;
    outputs that draw the report's tables do so only then. ``lines`` holds the
    source lines the findings point at (line number -> text), so outputs can
    quote them; ``data`` the parsed report when an output asked for it (None
    otherwise, or when it did not parse). ``facts`` is the file's small summary
    for the comparison across years, when the run asked for it (None otherwise).
    ``skipped_rules`` lists the rules that did not apply to the file (its kind,
    unit level or scope, or a column its printed table lacks), with the reason.
    """

    label: str
    format: str | None
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    checked: bool = False
    lines: dict[int, str] = field(default_factory=dict)
    data: Any = None
    sha256: str | None = None
    failures: list[Failure] = field(default_factory=list)  # contained exceptions, for --debug
    waivers: tuple[Waiver, ...] = ()  # the report's own pengecualian
    role: str = "report"  # "config": findings about the configuration's waivers
    facts: ReportFacts | None = None  # for the checks across years (RunOptions.across_years)
    skipped_rules: list[SkippedRule] = field(default_factory=list)  # not applicable here


@dataclass(frozen=True, slots=True)
class Manifest:
    """What produced a result: enough to reproduce it (no timestamp unless asked)."""

    tool_version: str
    schema_id: str
    packs: tuple[tuple[str, str], ...]  # (pack id, pack version)
    generated_at: str | None = None


@dataclass(slots=True)
class RunResult:
    """Every file of one run, in the order checked, with the catalogue of rules and the verdict.

    ``verdict`` is set by the policy stage (:func:`sakip_validate.api.run`);
    outputs render it and never decide it themselves. ``files`` is a list, or for
    a large run a :class:`~sakip_validate.store.ReportStore` that reads each report
    back when asked: iterate it once rather than asking for every finding at once.
    """

    files: list[FileReport] | ReportStore = field(default_factory=list)
    catalog: Catalog = field(default_factory=Catalog)
    manifest: Manifest | None = None
    policy: Policy = field(default_factory=Policy)
    verdict: Verdict | None = None
    baseline: BaselineOutcome | None = None
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, why), not reports

    @property
    def reports(self) -> Sequence[FileReport]:
        """The input files (not the configuration files the policy has findings about).

        For a packed run, a view that reads each report back as it is iterated.
        """
        from .store import ReportStore

        if isinstance(self.files, ReportStore):
            return self.files.inputs()
        return [report for report in self.files if report.role == "report"]

    @property
    def findings(self) -> list[Finding]:
        return [finding for report in self.files for finding in report.findings]

    def tally(self) -> Tally:
        """The counts of the run's findings (kept by a store, else counted now)."""
        from .store import ReportStore

        if isinstance(self.files, ReportStore):
            return self.files.tally
        return Tally.of(self.files)

    def counts(self) -> dict[Severity, int]:
        """Number of findings per severity (every severity present, zero included)."""
        return self.tally().counts()

    @property
    def failures(self) -> list[Failure]:
        """Every exception contained during the run (each also an INTERNAL finding)."""
        return [failure for report in self.files for failure in report.failures]

    @property
    def any_unreadable(self) -> bool:
        return self.tally().unreadable > 0

    def decide(self) -> Verdict:
        """Apply the policy and keep its verdict."""
        self.verdict = self.policy.decide(self)
        return self.verdict

    def for_report(self, report: FileReport) -> RunResult:
        """This run as if ``report`` had been its only input: what one report's papers show.

        The catalogue, manifest and policy are the run's and the findings are
        the report's own (already marked by the policy); the verdict is the
        policy's over this report alone, and the baseline's comparison counts
        this report's findings and the fixed entries of its file. Skipped files
        and configuration files stay with the whole run.
        """
        part = RunResult(
            files=[report], catalog=self.catalog, manifest=self.manifest, policy=self.policy
        )
        if self.baseline is not None:
            part.baseline = _baseline_of(self.baseline, report, self.policy)
        part.decide()
        return part


def _baseline_of(outcome: BaselineOutcome, report: FileReport, policy: Policy) -> BaselineOutcome:
    """The baseline comparison of one report: its new and persisting findings, its fixed ones."""
    folder = policy.baseline.folder if policy.baseline is not None else Path(outcome.source).parent
    mine = file_key(report.label, folder)
    persisting = sum(
        1 for f in report.findings if f.suppression is not None and f.suppression.kind == "baseline"
    )
    new = sum(
        1 for f in report.findings if f.suppression is None and not f.rule.startswith("POLICY")
    )
    fixed = tuple(entry for entry in outcome.fixed if entry.file == mine)
    return BaselineOutcome(outcome.source, new, persisting, fixed)
