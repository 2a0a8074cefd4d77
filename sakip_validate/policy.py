"""The policy stage: which findings count against a run, and the exit code that follows.

The rules decide what is wrong; the policy decides what a run does about it.
Today that is ``fail_on`` (the least severe finding that fails the run); rule
selection, severity overrides, waivers and a baseline belong here too, so that
every output and the exit code read one decision.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .codes import INTERNAL_ERROR
from .findings import Finding, Severity

if TYPE_CHECKING:
    from .result import RunResult

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "FAIL_ON_CHOICES",
    "Policy",
    "Verdict",
    "parse_fail_on",
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


@dataclass(frozen=True, slots=True)
class Policy:
    """Which findings fail a run: those at ``fail_on`` or above (None: none do)."""

    fail_on: Severity | None = Severity.ERROR

    def fails(self, finding: Finding) -> bool:
        """Whether ``finding`` counts against the run."""
        return self.fail_on is not None and finding.severity >= self.fail_on

    def decide(self, result: RunResult) -> Verdict:
        """The exit code: 3 after an internal error, 2 when a file could not be read,
        1 when a finding fails, else 0."""
        failing = sum(1 for finding in result.findings if self.fails(finding))
        unreadable = sum(1 for report in result.files if report.unreadable)
        internal = sum(1 for finding in result.findings if finding.rule == INTERNAL_ERROR.id)
        if internal:
            code = EXIT_INTERNAL
        elif unreadable:
            code = EXIT_USAGE
        elif failing:
            code = EXIT_FINDINGS
        else:
            code = EXIT_OK
        return Verdict(code, failing, unreadable, internal)
