"""The ``sarif`` output: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDEs).

One run. ``tool.driver.rules`` describes every rule that ran plus the built-in
LOAD/SCHEMA/PACK codes that occur; each result points at its file (a relative URI
under ``%SRCROOT%``, the folder the check ran in), line and column, and carries the
JSON pointer, table, printed and expected values as properties, and where the
finding stands in the printed report (``citation``: "Tabel 3.3, baris 1 (…), kolom
Capaian 2020, hlm. 40-47"; ``printedPlace``: its parts). Texts from a
report stay plain text: SARIF placeholders (``{``/``}``) and embedded links
(``[text](target)``) in a message are escaped, so a report cannot make a link.

The policy's marks (SARIF 2.1.0 §3.27.23, §3.27.24, §3.35):

* every result has ``suppressions`` (the run always judges waivers, and the
  array must be present on all results or none): empty when the finding counts;
  for a waived one a single ``external``, ``accepted`` suppression whose
  ``justification`` is the waiver's reason, with the approver, the last day and
  where the waiver is declared in its properties;
* with a baseline every result has ``baselineState``: ``unchanged`` for a
  finding the baseline holds, ``new`` for every other (a waived finding or a
  POLICY code included: the baseline matched none of them), and each finding
  the baseline lists that no longer occurs is a result of its own, ``absent``,
  of kind ``pass`` (level ``none``) at its file and pointer;
* the run's properties name the baseline and list the skipped files.

The rules that did not apply to a file (its kind of report, unit level or scope,
or a column its printed table lacks) are listed in that artifact's properties
(``notApplicable``: rule id and reason), not as results: a code-scanning tool
would count a result, and nothing was found.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from sakip_validate import __version__
from sakip_validate.catalog import RuleInfo
from sakip_validate.domain.citation import cite
from sakip_validate.domain.labels import Labels
from sakip_validate.findings import Finding, Lang, Place, Severity, Suppression, Text
from sakip_validate.outputs import RenderOptions
from sakip_validate.policy import BaselineOutcome
from sakip_validate.policy.baseline import Entry
from sakip_validate.result import FileReport, RunResult

from . import jsontext
from .json_output import place_to_dict
from .summary import display_value, fixed_label, skipped_reason, sorted_findings

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
        "absent": (
            "Temuan {rule} yang tercatat di baseline tidak muncul lagi: sudah diperbaiki.",
            "Finding {rule}, recorded in the baseline, no longer occurs: fixed.",
        ),
        "absent_printed": (
            "Temuan {rule} yang tercatat di baseline (tertulis {printed}) tidak muncul lagi: "
            "sudah diperbaiki.",
            "Finding {rule}, recorded in the baseline (printed {printed}), no longer occurs: "
            "fixed.",
        ),
    }
)

# SARIF artifact roles (§3.24.6) by FileReport.role.
ARTIFACT_ROLES = {"report": "analysisTarget", "config": "userSpecifiedConfiguration"}


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
    """Every rule that ran and every other code that occurs (a fixed one too), sorted by id."""
    catalog = result.catalog
    infos: dict[str, RuleInfo] = {info.id: info for info in catalog}
    # Read the findings again only when a code outside the packs that ran occurs.
    others = {rule for rule, _, _, _ in result.tally().counted if rule not in infos}
    occurring = (f for report in result.files for f in report.findings if f.rule in others)
    for finding in occurring if others else ():
        if finding.rule not in infos:
            found = catalog.get(finding.rule)
            infos[finding.rule] = found or RuleInfo(
                finding.rule,
                finding.pack,
                finding.severity,
                finding.title or Text(finding.rule, finding.rule),
                kind="other",
            )
    for entry in result.baseline.fixed if result.baseline else ():
        if entry.rule not in infos:
            # A fixed finding of a rule that did not run this time (a pack removed).
            infos[entry.rule] = catalog.get(entry.rule) or RuleInfo(
                entry.rule,
                catalog.pack_of(entry.rule),
                Severity.WARNING,
                Text(entry.rule, entry.rule),
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


def _suppressions(suppression: Suppression | None) -> list[dict[str, Any]]:
    """A waived finding's suppression (§3.35); none for one that counts or that a
    baseline holds (it stays an open result, ``unchanged``)."""
    if suppression is None or suppression.kind != "waiver":
        return []
    properties = {
        "approver": suppression.approver,
        "expires": suppression.expires,
        "source": suppression.source,
    }
    return [
        {
            "kind": "external",
            "status": "accepted",
            "justification": suppression.reason,
            "properties": {key: value for key, value in properties.items() if value},
        }
    ]


def _baseline_state(finding: Finding) -> str:
    """``unchanged`` when the baseline holds the finding, else ``new`` (the baseline
    matched no other finding; what it held that did not occur is ``absent``)."""
    suppression = finding.suppression
    return "unchanged" if suppression is not None and suppression.kind == "baseline" else "new"


def _absent(
    outcome: BaselineOutcome,
    entry: Entry,
    lang: Lang,
    rule_index: dict[str, int],
    artifact_index: dict[str, int],
) -> dict[str, Any]:
    """A finding the baseline lists that no longer occurs: fixed (§3.27.24 ``absent``)."""
    if entry.printed:
        printed = display_value(entry.printed, lang)
        text = WORDS.get("absent_printed", lang, rule=entry.rule, printed=printed)
    else:
        text = WORDS.get("absent", lang, rule=entry.rule)
    label = fixed_label(outcome, entry)
    artifact: dict[str, Any] = dict(artifact_location(label))
    if label in artifact_index:  # the file is still checked; only the finding is gone
        artifact["index"] = artifact_index[label]
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact}}
    if entry.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": entry.pointer, "kind": "value"}]
    return {
        "ruleId": entry.rule,
        "ruleIndex": rule_index[entry.rule],
        "kind": "pass",
        "level": "none",
        "message": {"text": message_text(text)},
        "locations": [location],
        "baselineState": "absent",
        "suppressions": [],
        "properties": {
            "pointer": entry.pointer,
            "printed": entry.printed,
            "baselineFingerprint": entry.fingerprint,
        },
    }


def _printed_place(place: Place | None, lang: Lang) -> dict[str, str] | None:
    """The parts of a printed place that are known, in SARIF's camel case."""
    parts = place_to_dict(place, lang)
    if parts is None:
        return None
    names = {"row_label": "rowLabel"}
    return {
        names.get(key, key): value
        for key, value in parts.items()
        if value is not None and key != "citation"
    }


def _result(
    finding: Finding,
    lang: Lang,
    rule_index: dict[str, int],
    artifact_index: int,
    *,
    baseline: bool = False,
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
    logical: list[dict[str, str]] = []
    if location.cell is not None:
        # SARIF has no region for a spreadsheet cell: the cell is a logical place.
        logical.append({"fullyQualifiedName": location.cell, "kind": "element"})
    if location.pointer:
        logical.append({"fullyQualifiedName": location.pointer, "kind": "value"})
    if logical:
        sarif_location["logicalLocations"] = logical
    properties = {
        "pointer": location.pointer,
        **({"cell": location.cell} if location.cell is not None else {}),
        "table": finding.table.get(lang) if finding.table else None,
        "printed": finding.printed,
        "expected": finding.expected,
        "hint": finding.hint.get(lang) if finding.hint else None,
        "legalBasis": finding.legal_basis,
        "citation": cite(finding.place, lang) or None,
        "printedPlace": _printed_place(finding.place, lang),
    }
    sarif_result: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": message_text(finding.message.get(lang))},
        "locations": [sarif_location],
        "partialFingerprints": {"sakipValue/v1": _fingerprint(finding)},
        "suppressions": _suppressions(finding.suppression),
        "properties": {key: value for key, value in properties.items() if value is not None},
    }
    if baseline:
        sarif_result["baselineState"] = _baseline_state(finding)
    return sarif_result


def _artifact(report: FileReport, lang: Lang) -> dict[str, Any]:
    artifact: dict[str, Any] = {
        "location": artifact_location(report.label),
        "roles": [ARTIFACT_ROLES.get(report.role, "analysisTarget")],
    }
    if report.format:
        artifact["sourceLanguage"] = report.format
    if report.sha256:
        artifact["hashes"] = {"sha-256": report.sha256}
    if report.skipped_rules:
        artifact["properties"] = {
            "notApplicable": [
                {"ruleId": skipped.rule, "reason": skipped.reason.get(lang)}
                for skipped in report.skipped_rules
            ]
        }
    return artifact


def result_to_sarif(result: RunResult, lang: Lang) -> dict[str, Any]:
    """The whole SARIF log as a dict (JSON-ready)."""
    artifacts: list[dict[str, Any]] = []
    rules = rule_descriptors(result, lang)
    results = list(_results(result, lang, rules, artifacts))
    return _log(result, lang, rules, artifacts, results)


def _results(
    result: RunResult, lang: Lang, rules: list[dict[str, Any]], artifacts: list[dict[str, Any]]
) -> Iterator[dict[str, Any]]:
    """Every result, in one pass over the reports; each file's artifact goes to ``artifacts``."""
    rule_index = {descriptor["id"]: index for index, descriptor in enumerate(rules)}
    outcome = result.baseline
    labels: dict[str, int] = {}
    for index, report in enumerate(result.files):
        artifacts.append(_artifact(report, lang))
        labels[report.label] = index
        for finding in sorted_findings(report):
            yield _result(finding, lang, rule_index, index, baseline=outcome is not None)
    if outcome is not None:
        for entry in outcome.fixed:
            yield _absent(outcome, entry, lang, rule_index, labels)


def _log(
    result: RunResult,
    lang: Lang,
    rules: list[dict[str, Any]],
    artifacts: list[dict[str, Any]],
    results: Any,
) -> dict[str, Any]:
    outcome = result.baseline
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
        "artifacts": artifacts,
        "results": results,
    }
    manifest = result.manifest
    properties: dict[str, Any] = {}
    if manifest is not None:
        properties["schemaId"] = manifest.schema_id
        properties["packs"] = [{"id": p, "version": v} for p, v in manifest.packs]
    if outcome is not None:
        properties["baseline"] = {
            "source": outcome.source,
            "new": outcome.new,
            "persisting": outcome.persisting,
            "fixed": len(outcome.fixed),
        }
    if result.skipped:
        properties["skipped"] = [
            {"file": file, "reason": why, "text": skipped_reason(why, lang)}
            for file, why in result.skipped
        ]
    if properties:
        run["properties"] = properties
    if manifest is not None and manifest.generated_at:
        end = manifest.generated_at.replace("+00:00", "Z")
        run["invocations"] = [{"executionSuccessful": True, "endTimeUtc": end}]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


# Stands for the results in the log while the rest is laid out around them.
_RESULTS = "\u0000sakip-validate results\u0000"
# Results kept in memory up to this many characters, then in a temporary file.
SPOOL_CHARS = 4 * 1024 * 1024


def write_sarif(result: RunResult, lang: Lang, stream: TextIO) -> None:
    """Write :func:`result_to_sarif`'s log as ``json.dump(indent=2, sort_keys=True)`` would.

    The results are written as they are read, one report at a time, to a
    temporary file, then put in their place in the log: a run of thousands of
    reports never holds its results in memory at once.
    """
    artifacts: list[dict[str, Any]] = []
    rules = rule_descriptors(result, lang)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_CHARS, mode="w+", encoding="utf-8") as spool:
        count = 0
        indent = " " * 8  # the results' depth in the log: {"runs": [{"results": [...]}]}
        for item in _results(result, lang, rules, artifacts):
            text = jsontext.dumps(item, indent, sort_keys=True)
            spool.write(("," if count else "") + "\n" + indent + text)
            count += 1
        log = _log(result, lang, rules, artifacts, _RESULTS)
        text = jsontext.dumps(log, sort_keys=True)
        before, after = text.split(jsontext.dumps(_RESULTS), 1)
        stream.write(before)
        if count:
            stream.write("[")
            spool.seek(0)
            shutil.copyfileobj(spool, stream)
            stream.write("\n" + " " * 6 + "]")
        else:
            stream.write("[]")
        stream.write(after + "\n")


class SarifOutput:
    """Writes the result as a SARIF 2.1.0 log."""

    name = "sarif"
    description = "SARIF 2.1.0 for code scanning (GitHub code scanning, IDEs)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        write_sarif(result, options.lang, stream)
