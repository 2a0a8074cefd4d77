"""The ``sarif`` output: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDEs).

One run. ``tool.driver.rules`` describes every rule that ran plus the built-in
LOAD/SCHEMA/PACK codes that occur; each result points at its file (a relative URI
under ``%SRCROOT%``, the folder the check ran in), line and column, and carries the
JSON pointer, table, printed and expected values as properties. Texts from a
report stay plain text: SARIF placeholders (``{``/``}``) and embedded links
(``[text](target)``) in a message are escaped, so a report cannot make a link.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from sakip_validate import __version__
from sakip_validate.catalog import RuleInfo
from sakip_validate.domain.labels import Labels
from sakip_validate.findings import Finding, Lang, Severity, Text
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import FileReport, RunResult

from .summary import sorted_findings

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
TOOL_NAME = "sakip-validate"
SRCROOT = "%SRCROOT%"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

WORDS = Labels(
    {
        "why": ("Alasan", "Rationale"),
        "fix": ("Cara memperbaiki", "How to fix"),
        "legal": ("Dasar hukum", "Legal basis"),
        "srcroot": (
            "Folder tempat sakip-validate dijalankan.",
            "The folder sakip-validate ran in.",
        ),
    }
)


def rule_name(title_en: str) -> str:
    """A rule's SARIF ``name``: its English title in PascalCase (ASCII letters and digits)."""
    title = re.sub(r"['’]", "", title_en).replace("%", " percent ")
    words = re.findall(r"[A-Za-z0-9]+", title)
    return "".join(word[:1].upper() + word[1:] for word in words) or "Rule"


def markdown_escape(text: str) -> str:
    """Text shown literally in GitHub-Flavored Markdown (no links, emphasis or HTML)."""
    return re.sub(r"([\\`*_\[\]<>#|~&])", r"\\\1", " ".join(text.split()))


def message_text(text: str) -> str:
    """A SARIF plain-text message string that shows ``text`` literally.

    ``{`` and ``}`` are doubled (SARIF 3.11.5, placeholders) and a ``]`` that
    would close an embedded link ``[...](...)`` is escaped (SARIF 3.11.6).
    """
    text = text.replace("{", "{{").replace("}", "}}")
    return re.sub(r"(\\*)\](?=\()", lambda match: match.group(1) * 2 + "\\]", text)


def artifact_location(label: str) -> dict[str, str]:
    """The file label as a URI: relative ones under ``%SRCROOT%``, absolute ones ``file:``."""
    windows = PureWindowsPath(label)
    if windows.drive and windows.is_absolute():
        return {"uri": windows.as_uri()}
    path = label.replace(os.sep, "/") if os.sep != "/" else label
    if path.startswith("/"):
        return {"uri": PurePosixPath(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": SRCROOT}


def _descriptor(
    rule_id: str,
    title: Text,
    severity: Severity,
    lang: Lang,
    *,
    pack: str,
    kind: str,
    rationale: Text | None,
    fix: Text | None,
    legal_basis: str | None,
) -> dict[str, Any]:
    label = WORDS.bind(lang)
    why = (rationale or title).get(lang)
    text_parts = [why]
    markdown_parts = [f"**{label['why']}:** {markdown_escape(why)}"]
    if fix is not None:
        text_parts.append(f"{label['fix']}: {fix.get(lang)}")
        markdown_parts.append(f"**{label['fix']}:** {markdown_escape(fix.get(lang))}")
    properties: dict[str, Any] = {"pack": pack, "kind": kind, "tags": [pack]}
    if legal_basis:
        text_parts.append(f"{label['legal']}: {legal_basis}")
        markdown_parts.append(f"**{label['legal']}:** {markdown_escape(legal_basis)}")
        properties["legalBasis"] = legal_basis
    return {
        "id": rule_id,
        "name": rule_name(title.en),
        "shortDescription": {"text": title.get(lang)},
        "fullDescription": {"text": why},
        "help": {"text": "\n\n".join(text_parts), "markdown": "\n\n".join(markdown_parts)},
        "defaultConfiguration": {"level": LEVELS[severity]},
        "properties": properties,
    }


def rule_descriptors(result: RunResult, lang: Lang) -> list[dict[str, Any]]:
    """Every rule that ran and every other code that occurs, sorted by id."""
    catalog = result.catalog
    infos: dict[str, RuleInfo] = {info.id: info for info in catalog}
    for finding in result.findings:
        if finding.rule not in infos:
            found = catalog.get(finding.rule)
            infos[finding.rule] = found or RuleInfo(
                finding.rule,
                finding.pack,
                finding.severity,
                finding.title or Text(finding.rule, finding.rule),
                kind="other",
            )
    descriptors = [
        _descriptor(
            info.id,
            info.title,
            info.severity,
            lang,
            pack=info.pack,
            kind=info.kind or "other",
            rationale=info.rationale,
            fix=info.fix,
            legal_basis=info.legal_basis,
        )
        for info in infos.values()
    ]
    return sorted(descriptors, key=lambda descriptor: descriptor["id"])


def _fingerprint(finding: Finding) -> str:
    """Stable across runs while the same finding stands at the same value (lines may move)."""
    location = finding.location
    key = "\0".join((finding.rule, location.file, location.pointer, finding.message.en))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _result(
    finding: Finding, lang: Lang, rule_index: dict[str, int], artifact_index: int
) -> dict[str, Any]:
    location = finding.location
    physical: dict[str, Any] = {
        "artifactLocation": {**artifact_location(location.file), "index": artifact_index}
    }
    if location.line is not None:
        region: dict[str, int] = {"startLine": location.line}
        if location.column is not None:
            region["startColumn"] = location.column
        physical["region"] = region
    sarif_location: dict[str, Any] = {"physicalLocation": physical}
    if location.pointer:
        sarif_location["logicalLocations"] = [
            {"fullyQualifiedName": location.pointer, "kind": "value"}
        ]
    properties = {
        "pointer": location.pointer,
        "table": finding.table.get(lang) if finding.table else None,
        "printed": finding.printed,
        "expected": finding.expected,
        "hint": finding.hint.get(lang) if finding.hint else None,
        "legalBasis": finding.legal_basis,
    }
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding.message.get(lang))},
        "locations": [sarif_location],
        "partialFingerprints": {"sakipValue/v1": _fingerprint(finding)},
        "properties": {key: value for key, value in properties.items() if value is not None},
    }


def _artifact(report: FileReport) -> dict[str, Any]:
    artifact: dict[str, Any] = {
        "location": artifact_location(report.label),
        "roles": ["analysisTarget"],
    }
    if report.format:
        artifact["sourceLanguage"] = report.format
    if report.sha256:
        artifact["hashes"] = {"sha-256": report.sha256}
    return artifact


def result_to_sarif(result: RunResult, lang: Lang) -> dict[str, Any]:
    """The whole SARIF log as a dict (JSON-ready)."""
    rules = rule_descriptors(result, lang)
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}
    results = [
        _result(finding, lang, rule_index, index)
        for index, report in enumerate(result.files)
        for finding in sorted_findings(report)
    ]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": TOOL_NAME,
                "version": __version__,
                "semanticVersion": __version__,
                "language": lang,
                "rules": rules,
            }
        },
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"description": {"text": WORDS.get("srcroot", lang)}}},
        "artifacts": [_artifact(report) for report in result.files],
        "results": results,
    }
    manifest = result.manifest
    if manifest is not None:
        run["properties"] = {
            "schemaId": manifest.schema_id,
            "packs": [{"id": pack, "version": version} for pack, version in manifest.packs],
        }
        if manifest.generated_at:
            end = manifest.generated_at.replace("+00:00", "Z")
            run["invocations"] = [{"executionSuccessful": True, "endTimeUtc": end}]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


class SarifOutput:
    """Writes the result as a SARIF 2.1.0 log."""

    name = "sarif"
    description = "SARIF 2.1.0 for code scanning (GitHub code scanning, IDEs)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        log = result_to_sarif(result, options.lang)
        json.dump(log, stream, ensure_ascii=False, indent=2, sort_keys=True)
        stream.write("\n")
