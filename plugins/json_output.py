"""The ``json`` output: a stable, documented document for machines."""

from __future__ import annotations

import json
from typing import Any, TextIO

from sakip_validate import __version__
from sakip_validate.findings import Finding, Lang
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .summary import sorted_findings

FORMAT_VERSION = 1


def finding_to_dict(finding: Finding, lang: Lang) -> dict[str, Any]:
    """One finding as the JSON output writes it."""
    location = finding.location
    return {
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
    }


def result_to_dict(result: RunResult, lang: Lang) -> dict[str, Any]:
    """The whole JSON document (see docs/output-json.md)."""
    counts = result.counts()
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
        "files": [
            {
                "file": report.label,
                "format": report.format,
                "readable": not report.unreadable,
                "sha256": report.sha256,
                "findings": len(report.findings),
            }
            for report in result.files
        ],
        "findings": [
            finding_to_dict(finding, lang)
            for report in result.files
            for finding in sorted_findings(report)
        ],
        "summary": {
            "files": len(result.files),
            "findings": sum(counts.values()),
            **{severity.label: count for severity, count in sorted(counts.items(), reverse=True)},
        },
    }


class JsonOutput:
    """Writes the result as one JSON document."""

    name = "json"
    description = "JSON document for machines (stable, versioned)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        json.dump(result_to_dict(result, options.lang), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
