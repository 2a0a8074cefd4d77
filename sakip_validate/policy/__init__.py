"""The policy stage: which findings count against a run, and the exit code that follows.

The rules decide what is wrong; the policy decides what a run does about it:

* **selection** (``select``, ``extend-select``, ``ignore``) and per-path
  **overrides** (selection and severity for some files, or some values in them);
* **waivers** (``pengecualian``) from the configuration and from the reports;
* a **baseline**: findings accepted earlier count as persisting, not new;
* ``fail_on``: the least severe finding that fails the run (``--exit-zero``
  never fails it on findings).

It marks each finding (``Finding.suppression``), adds findings about the waivers
themselves, and gives the verdict every output and the exit code read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .. import clock
from ..codes import POLICY_EXPIRED, POLICY_UNUSED, Code
from ..findings import Finding, Severity, Suppression, Text
from .baseline import Baseline, Entry, entry_of
from .selection import Override, RuleSelection
from .waivers import Waiver

if TYPE_CHECKING:
    from ..result import FileReport, RunResult

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FAIL_ON_CHOICES",
    "BaselineOutcome",
    "FileOutcome",
    "Policy",
    "Settling",
    "Verdict",
    "parse_fail_on",
    "today",
]

# Documented in the README and in ``check --help``; CI scripts rely on them.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2  # usage error, or an input that could not be read at all
EXIT_INTERNAL = 3  # a step failed unexpectedly: the result may be incomplete
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT

FAIL_ON_CHOICES = ("error", "warning", "info", "never")


def parse_fail_on(text: str) -> Severity | None:
    """``error``/``warning``/``info`` as a severity; ``never`` as None."""
    return None if text == "never" else Severity.parse(text)


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the policy decided about a run."""

    exit_code: int
    failing: int  # findings that fail the run
    unreadable: int  # files that could not be read at all
    internal: int = 0  # findings that stand for an unexpected failure


def today() -> dt.date:
    """The date waivers are judged by: SOURCE_DATE_EPOCH when set (reproducible runs), else now."""
    return clock.today()


@dataclass(frozen=True, slots=True)
class BaselineOutcome:
    """How a run compares with its baseline."""

    source: str
    new: int
    persisting: int
    fixed: tuple[Entry, ...]


def _relative(label: str, root: Path | None) -> str | None:
    """``label`` under ``root`` with ``/`` (None when it is elsewhere or not a file)."""
    if root is None or label.startswith("<"):
        return None
    try:
        relative = Path(os.path.relpath(Path(label).resolve(), root.resolve()))
    except ValueError:
        return None
    return None if relative.parts[:1] == ("..",) else relative.as_posix()


def _about_waiver(code: Code, waiver: Waiver, message: Text) -> Finding:
    return code.finding(
        message,
        waiver.location,
        hint=code.family.fix,
        printed=waiver.rule,
    )


def _expired(waiver: Waiver) -> Finding:
    day = waiver.expires.isoformat()
    return _about_waiver(
        POLICY_EXPIRED,
        waiver,
        Text(
            f"Pengecualian untuk {waiver.rule} berlaku sampai {day} dan sudah kedaluwarsa; "
            "temuan yang dikecualikannya kembali dihitung.",
            f"The waiver for {waiver.rule} applied until {day} and has expired; the findings "
            "it waived count again.",
        ),
    )


def _unused(waiver: Waiver) -> Finding:
    return _about_waiver(
        POLICY_UNUSED,
        waiver,
        Text(
            f"Pengecualian untuk {waiver.rule} tidak cocok dengan temuan mana pun; hapus bila "
            "temuannya sudah diperbaiki.",
            f"The waiver for {waiver.rule} matches no finding; remove it if the finding has "
            "been fixed.",
        ),
    )


@dataclass(frozen=True, slots=True)
class Policy:
    """What counts against a run; see the module documentation.

    ``root`` is the folder the configuration's globs are relative to; ``today``
    the date waivers are judged by (None: :func:`today`).
    """

    fail_on: Severity | None = Severity.ERROR
    selection: RuleSelection = field(default_factory=RuleSelection)
    overrides: tuple[Override, ...] = ()
    waivers: tuple[Waiver, ...] = ()
    root: Path | None = None
    baseline: Baseline | None = None
    today: dt.date | None = None
    exit_zero: bool = False

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` counts against the run (a waived or baselined one does not)."""
        if finding.suppression is not None or self.fail_on is None:
            return False
        return finding.severity >= self.fail_on

    # -- applying ---------------------------------------------------------------------

    def _selected(self, finding: Finding, relative: str | None) -> Finding | None:
        """``finding`` as this policy sees it: None when deselected, else maybe re-graded."""
        selection = self.selection
        severity: Severity | None = None
        for override in self.overrides:
            if relative is not None and override.covers(relative, finding.location.pointer):
                selection = selection.then(override.selection)
                severity = override.severity_of(finding.rule) or severity
        if not selection.selects(finding.rule):
            return None
        if severity is not None and severity != finding.severity:
            return dataclasses.replace(finding, severity=severity)
        return finding

    def apply_file(
        self, report: FileReport, used: set[int] | None = None, day: dt.date | None = None
    ) -> None:
        """Select, re-grade and waive the findings of one file, in place.

        ``used`` collects the indexes of the configuration's waivers that waived
        something; the report's own waivers are judged here, with the file.
        """
        day = day or self.today or today()
        relative = _relative(report.label, self.root)
        own = report.waivers
        own_used: set[int] = set()
        kept: list[Finding] = []
        for finding in report.findings:
            selected = self._selected(finding, relative)
            if selected is None:
                continue
            for index, waiver in enumerate(own):
                if not waiver.expired(day) and waiver.covers(selected, None):
                    own_used.add(index)
                    selected = dataclasses.replace(selected, suppression=waiver.suppression())
                    break
            else:
                for index, waiver in enumerate(self.waivers):
                    if not waiver.expired(day) and waiver.covers(selected, relative):
                        if used is not None:
                            used.add(index)
                        selected = dataclasses.replace(selected, suppression=waiver.suppression())
                        break
            kept.append(selected)
        for index, waiver in enumerate(own):
            about: Finding | None = None
            if waiver.expired(day):
                about = _expired(waiver)
            elif index not in own_used and self.selection.selects(waiver.rule):
                about = _unused(waiver)  # (a waiver for a rule not run waives nothing: fine)
            if about is not None:
                about = self._selected(about, relative)
            if about is not None:
                kept.append(about)
        kept.sort(key=Finding.sort_key)
        report.findings = kept

    def apply(self, result: RunResult) -> None:
        """Apply the policy to a run: every file, the configuration's waivers, the baseline."""
        settling = self.settling()
        for report in result.files:
            settling.file(report)
        settling.finish(result)

    def settling(self) -> Settling:
        """Apply this policy file by file, as reports arrive (see :class:`Settling`)."""
        return Settling(self)

    def decide(self, result: RunResult) -> Verdict:
        """The exit code: 3 after an internal error, 2 when a file could not be read,
        1 when a finding fails (unless ``exit_zero``), else 0."""
        tally = result.tally()
        failing = tally.failing(self.fail_on)
        unreadable = tally.unreadable
        internal = tally.internal()
        if internal:
            code = EXIT_INTERNAL
        elif unreadable:
            code = EXIT_USAGE
        elif failing and not self.exit_zero:
            code = EXIT_FINDINGS
        else:
            code = EXIT_OK
        return Verdict(code, failing, unreadable, internal)


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What settling one file added to the run: for a run settled in several processes.

    ``used``: indexes of the configuration's waivers that waived something;
    ``consumed``: the baseline entries the file's findings matched; ``new`` and
    ``persisting``: its findings compared with the baseline.
    """

    used: frozenset[int] = frozenset()
    consumed: tuple[Entry, ...] = ()
    new: int = 0
    persisting: int = 0


class Settling:
    """The policy applied to one file at a time, then to the run.

    A large run settles each report as it comes back and then packs it away
    (:mod:`sakip_validate.store`), so :meth:`file` marks one report in place and
    :meth:`finish` adds what only the whole run knows: findings about the
    configuration's waivers (expired, unused) and the baseline's fixed entries.
    The baseline is matched file by file: an entry names its file, so matching
    per file gives what matching the whole run at once would. For the same
    reason a worker process can settle its files with a settling of its own and
    send back each file's :class:`FileOutcome`, which the run's settling
    :meth:`merge` s.
    """

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.day = policy.today or today()
        self.used: set[int] = set()  # the configuration's waivers that waived something
        baseline = policy.baseline
        self._remaining: Counter[Entry] = baseline.counter() if baseline else Counter()
        self._suppression = Suppression(kind="baseline", source=baseline.source if baseline else "")
        self._new = self._persisting = 0

    def file(self, report: FileReport) -> FileOutcome:
        """Select, re-grade, waive and compare with the baseline the findings of ``report``."""
        used: set[int] = set()
        self.policy.apply_file(report, used, self.day)
        baseline = self.policy.baseline
        if baseline is None:
            outcome = FileOutcome(frozenset(used))
        else:
            outcome = self._compare(report, baseline, frozenset(used))
        self._account(outcome)
        return outcome

    def _compare(self, report: FileReport, baseline: Baseline, used: frozenset[int]) -> FileOutcome:
        remaining = self._remaining
        consumed: list[Entry] = []
        new = persisting = 0
        marked = []
        for finding in report.findings:
            if finding.rule.startswith("POLICY"):
                marked.append(finding)
                continue
            entry = entry_of(finding, baseline.folder)
            if finding.suppression is not None:
                # Waived since the baseline was written: still there, not fixed.
                if remaining[entry] > 0:
                    remaining[entry] -= 1
                    consumed.append(entry)
            elif remaining[entry] > 0:
                remaining[entry] -= 1
                consumed.append(entry)
                persisting += 1
                finding = dataclasses.replace(finding, suppression=self._suppression)
            else:
                new += 1
            marked.append(finding)
        report.findings = marked
        return FileOutcome(used, tuple(consumed), new, persisting)

    def _account(self, outcome: FileOutcome) -> None:
        self.used |= outcome.used
        self._new += outcome.new
        self._persisting += outcome.persisting

    def merge(self, outcome: FileOutcome) -> None:
        """Add a file settled elsewhere (a worker's :meth:`file`) to this run."""
        self._remaining.subtract(outcome.consumed)
        self._account(outcome)

    def finish(self, result: RunResult) -> None:
        """Add the findings about the configuration's waivers and the baseline's outcome."""
        from ..result import FileReport

        policy = self.policy
        about_config: dict[str, list[Finding]] = {}
        for index, waiver in enumerate(policy.waivers):
            about: Finding | None = None
            if waiver.expired(self.day):
                about = _expired(waiver)
            elif index not in self.used and policy.selection.selects(waiver.rule):
                about = _unused(waiver)
            if about is not None and policy.selection.selects(about.rule):
                about_config.setdefault(waiver.location.file, []).append(about)
        for label, findings in about_config.items():
            result.files.append(FileReport(label, "toml", findings, role="config"))
        if policy.baseline is not None:
            fixed = tuple(sorted(self._remaining.elements()))  # (elements skips counts <= 0)
            result.baseline = BaselineOutcome(
                policy.baseline.source, self._new, self._persisting, fixed
            )
