"""The ``json`` output: a stable, documented document for machines.

Format version 1 (``schemas/output.schema.json``). The policy's marks were added
to it without changing what was there: each finding's ``suppression`` (a
waiver's reason, approver, last day and place, or the baseline that holds it)
and ``baseline_state``; each file's ``role``; the run's ``baseline`` (counts
and the fixed findings), its ``skipped`` files, and the summary's ``failing``,
``waived``, ``baselined`` and ``skipped`` counts. Each file's ``not_applicable``,
added the same way, lists the rules that did not apply to it (its kind, unit
level or scope, or a column its printed table lacks) with the reason. Each
finding's ``place``, added the same way, says where it stands in the printed
report (table, row, column, section, page, and the whole ``citation``); null for
a finding about the data file itself (LOAD, SCHEMA).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from typing import Any, TextIO

from sakip_validate import __version__
from sakip_validate.domain.citation import cite
from sakip_validate.findings import Finding, Lang, Place, Suppression
from sakip_validate.outputs import RenderOptions
from sakip_validate.policy import BaselineOutcome
from sakip_validate.result import FileReport, RunResult

from . import jsontext
from .summary import compared, fixed_label, sorted_findings

FORMAT_VERSION = 1


def suppression_to_dict(suppression: Suppression | None) -> dict[str, Any] | None:
    """Why a finding does not count (None when it counts); empty fields as null."""
    if suppression is None:
        return None
    return {
        "kind": suppression.kind,
        "reason": suppression.reason or None,
        "approver": suppression.approver or None,
        "expires": suppression.expires or None,
        "source": suppression.source or None,
    }


def place_to_dict(place: Place | None, lang: Lang) -> dict[str, Any] | None:
    """Where a finding stands in the printed report, part by part and as one citation."""
    if place is None:
        return None
    return {
        "table": place.table.get(lang) if place.table else None,
        "row": place.row,
        "row_label": place.row_label,
        "column": place.column.get(lang) if place.column else None,
        "section": place.section.get(lang) if place.section else None,
        "page": place.page,
        "citation": cite(place, lang),
    }


def baseline_state(finding: Finding, baseline: bool) -> str | None:
    """``new`` or ``persisting`` in a run with a baseline; None when the baseline
    does not judge the finding (no baseline, a waived finding, a POLICY code)."""
    if not baseline or not compared(finding):
        return None
    if finding.suppression is None:
        return "new"
    return "persisting" if finding.suppression.kind == "baseline" else None


def baseline_to_dict(outcome: BaselineOutcome | None) -> dict[str, Any] | None:
    if outcome is None:
        return None
    return {
        "source": outcome.source,
        "new": outcome.new,
        "persisting": outcome.persisting,
        "fixed": [
            {
                "rule": entry.rule,
                "file": fixed_label(outcome, entry),
                "pointer": entry.pointer,
                "printed": entry.printed,
                "fingerprint": entry.fingerprint,
            }
            for entry in outcome.fixed
        ],
    }


def finding_to_dict(finding: Finding, lang: Lang, *, baseline: bool = False) -> dict[str, Any]:
    """One finding as the JSON output writes it (``baseline``: the run has one)."""
    location = finding.location
    document = {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "file": location.file,
        "pointer": location.pointer,
        "line": location.line,
        "column": location.column,
        "message": finding.message.get(lang),
        "hint": finding.hint.get(lang) if finding.hint else None,
        "table": finding.table.get(lang) if finding.table else None,
        "printed": finding.printed,
        "expected": finding.expected,
        "legal_basis": finding.legal_basis,
        "suppression": suppression_to_dict(finding.suppression),
        "baseline_state": baseline_state(finding, baseline),
        "place": place_to_dict(finding.place, lang),
    }
    if location.cell is not None:
        # A workbook's value stands in a cell ("Anggaran!D14"), not on a line.
        document["cell"] = location.cell
    return document


def result_to_dict(result: RunResult, lang: Lang) -> dict[str, Any]:
    """The whole JSON document (see docs/output-json.md)."""
    files: list[dict[str, Any]] = []
    findings = list(_files_and_findings(result, lang, files))
    return {**_head(result, lang), "files": files, "findings": findings, **_tail(result)}


def _head(result: RunResult, lang: Lang) -> dict[str, Any]:
    manifest = result.manifest
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "sakip-validate", "version": __version__},
        "lang": lang,
        "manifest": None
        if manifest is None
        else {
            "schema": manifest.schema_id,
            "packs": [{"id": pack, "version": version} for pack, version in manifest.packs],
            "generated_at": manifest.generated_at,
        },
    }


def _files_and_findings(
    result: RunResult, lang: Lang, files: list[dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """Each finding as a dict, in one pass over the reports; each file's entry goes to ``files``."""
    baseline = result.baseline is not None
    for report in result.files:
        files.append(_file_entry(report, lang))
        for finding in sorted_findings(report):
            yield finding_to_dict(finding, lang, baseline=baseline)


def _file_entry(report: FileReport, lang: Lang) -> dict[str, Any]:
    return {
        "file": report.label,
        "format": report.format,
        "readable": not report.unreadable,
        "sha256": report.sha256,
        "findings": len(report.findings),
        "role": report.role,
        "not_applicable": [
            {"rule": skipped.rule, "reason": skipped.reason.get(lang)}
            for skipped in report.skipped_rules
        ],
    }


def _tail(result: RunResult) -> dict[str, Any]:
    tally = result.tally()
    counts = tally.counts()
    return {
        "summary": {
            "files": tally.files,
            "findings": sum(counts.values()),
            **{severity.label: count for severity, count in sorted(counts.items(), reverse=True)},
            "failing": tally.failing(result.policy.fail_on),
            "waived": tally.suppressed("waiver"),
            "baselined": tally.suppressed("baseline"),
            "skipped": len(result.skipped),
        },
        "baseline": baseline_to_dict(result.baseline),
        "skipped": [{"file": file, "reason": why} for file, why in result.skipped],
    }


def _dumps(value: Any, indent: str) -> str:
    """``value`` as ``json.dump(..., indent=2)`` writes it at a depth of ``indent``."""
    return jsontext.dumps(value, indent)


def _write_members(members: dict[str, Any], stream: TextIO, first: bool) -> None:
    for key, value in members.items():
        stream.write(("" if first else ",") + "\n  " + _dumps(key, "") + ": " + _dumps(value, "  "))
        first = False


def write_result(result: RunResult, lang: Lang, stream: TextIO) -> None:
    """Write :func:`result_to_dict`'s document as ``json.dump(indent=2)`` would, byte for byte."""
    JsonWriter(lang, baseline=result.baseline is not None).finish(result, stream)


class JsonWriter:
    """The JSON document written as the run's reports come, one at a time.

    Each report's findings go to a temporary file as it is added, its entry to
    the list of files; :meth:`finish` adds the reports not yet added (the
    configuration files the policy adds last), then writes the document around
    them. A run of thousands of reports never holds its findings in memory at
    once, and a run can add each report as soon as the policy has settled it,
    while the workers check the next ones. ``baseline``: the run compares with one.
    """

    def __init__(self, lang: Lang, *, baseline: bool) -> None:
        self.lang = lang
        self.baseline = baseline
        self.files: list[dict[str, Any]] = []
        self._spool = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by finish()
            max_size=SPOOL_CHARS, mode="w+", encoding="utf-8"
        )
        self._findings = 0

    def add(self, report: FileReport) -> None:
        """Add the run's next report, settled by the policy."""
        self.files.append(_file_entry(report, self.lang))
        for finding in sorted_findings(report):
            item = finding_to_dict(finding, self.lang, baseline=self.baseline)
            self._spool.write(("," if self._findings else "") + "\n    " + _dumps(item, "    "))
            self._findings += 1

    def finish(self, result: RunResult, stream: TextIO) -> None:
        """Write the whole document for ``result``, whose first reports were added."""
        try:
            for report in result.files[len(self.files) :]:
                self.add(report)
            stream.write("{")
            _write_members(_head(result, self.lang), stream, first=True)
            _write_members({"files": self.files}, stream, first=False)
            stream.write(',\n  "findings": [')
            if self._findings:
                self._spool.seek(0)
                shutil.copyfileobj(self._spool, stream)
                stream.write("\n  ]")
            else:
                stream.write("]")
            _write_members(_tail(result), stream, first=False)
            stream.write("\n}\n")
        finally:
            self.close()

    def close(self) -> None:
        self._spool.close()


# Findings kept in memory up to this many characters, then in a temporary file.
SPOOL_CHARS = 4 * 1024 * 1024


class JsonOutput:
    """Writes the result as one JSON document."""

    name = "json"
    description = "JSON document for machines (stable, versioned)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        write_result(result, options.lang, stream)

    def writer(self, lang: Lang, *, baseline: bool) -> JsonWriter:
        """A writer to add the run's reports to as they are settled (see :class:`JsonWriter`)."""
        return JsonWriter(lang, baseline=baseline)
