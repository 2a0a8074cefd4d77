"""The ``junit`` output: JUnit XML for CI test reports (GitLab, Jenkins, Azure, test reporters).

One ``<testsuite>`` per file; in it one ``<testcase>`` per stage: ``berkas``
(reading the file: the LOAD codes), ``skema`` (the JSON Schema: the SCHEMA codes)
and each rule pack, with ``classname`` the file and ``name`` the pack id.

A test case fails exactly when the run's policy counts one of its findings
(``--fail-on``: by default errors), so the test report and the exit code always
agree. It then has one ``<failure>``: its ``type`` is the worst severity among
the counted findings, its ``message`` their count, its text one line per finding
(``file:line:col ID severity: message``, then the hint). Findings the policy
does not count are listed in the test case's ``<system-out>``: those below
``--fail-on``, and the waived and baselined ones, each followed by the waiver
(reason, approver, last day, place) or the baseline that holds it. When a file did
not pass the schema, the rule packs did not run on it (see README); their test
cases are ``<skipped>`` rather than passed. A rule that did not apply to the
file (its kind of report, unit level or scope, or a column its printed table
lacks) is named with the reason in its pack's ``<system-out>``. A configuration file the policy has
findings about (an expired or unused waiver) is a test suite with only the
``kebijakan`` test case.

``errors`` is always 0 (a tool failure is not a test error here) and ``time`` is
left out, so the same result gives byte-identical XML. Characters that XML 1.0
cannot carry (control characters such as U+000B) are replaced by U+FFFD; line
breaks become ``\\n``; everything else is escaped by the serializer.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING, TextIO

from sakip_validate.catalog import Catalog
from sakip_validate.codes import LOAD, SCHEMA
from sakip_validate.domain.labels import Labels, severity_word
from sakip_validate.findings import Finding, Lang
from sakip_validate.outputs import RenderOptions
from sakip_validate.policy import Policy
from sakip_validate.result import FileReport, RunResult, SkippedRule

from .summary import count_phrase, sorted_findings, state_word, suppression_text

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

# The built-in stages before any rule pack: reading the file, then the schema.
BUILT_IN_STAGES = (LOAD.pack, SCHEMA.pack)

_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

WORDS = Labels(
    {
        "skipped": (
            "Paket aturan tidak dijalankan: berkas belum lolos tahap skema.",
            "Rule pack not run: the file did not pass the schema stage.",
        ),
        "not_applicable": (
            "{rule} tidak berlaku untuk laporan ini: {reason}.",
            "{rule} does not apply to this report: {reason}.",
        ),
    }
)


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (replaced by U+FFFD)."""
    return _ILLEGAL_XML.sub("\ufffd", text)


def xml_text(text: str) -> str:
    """Element text: XML-safe, line breaks as ``\\n`` (a parser turns ``\\r`` into ``\\n``)."""
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def _finding_line(finding: Finding, lang: Lang) -> str:
    state = state_word(finding, lang)
    tag = f" [{state}]" if state else ""
    line = (
        f"{finding.location.display()} {finding.rule} {severity_word(finding.severity, lang)}"
        f"{tag}: {finding.message.get(lang)}"
    )
    if finding.hint:
        line += f"\n    ↳ {finding.hint.get(lang)}"
    if finding.suppression is not None:
        line += f"\n    ✓ {suppression_text(finding.suppression, lang)}"
    return line


def _stages(result: RunResult) -> list[str]:
    """Reading, schema, then the rule packs in the order they ran."""
    return [*BUILT_IN_STAGES, *(pack.id for pack in result.catalog.packs)]


def _testsuite(
    report: FileReport,
    stages: list[str],
    policy: Policy,
    lang: Lang,
    timestamp: str | None,
    catalog: Catalog,
) -> Element:
    from xml.etree.ElementTree import Element, SubElement

    # A configuration file went through none of the stages: only its findings' stage.
    shown = stages if report.role == "report" else []
    by_stage: dict[str, list[Finding]] = {stage: [] for stage in shown}
    for finding in sorted_findings(report):
        by_stage.setdefault(finding.pack, []).append(finding)

    suite = Element("testsuite", name=xml_safe(report.label))
    if timestamp:
        suite.set("timestamp", timestamp)
    properties = SubElement(suite, "properties")
    if report.format:
        SubElement(properties, "property", name="format", value=report.format)
    if report.sha256:
        SubElement(properties, "property", name="sha256", value=report.sha256)
    if not len(properties):
        suite.remove(properties)

    # The rules that did not apply to the file, under their pack's test case.
    not_applicable: dict[str, list[SkippedRule]] = {}
    for rule in report.skipped_rules:
        not_applicable.setdefault(catalog.pack_of(rule.rule), []).append(rule)

    failures = skipped = 0
    for stage, findings in by_stage.items():
        case = SubElement(suite, "testcase", classname=xml_safe(report.label), name=xml_safe(stage))
        # A test case fails exactly when the run's policy counts one of its findings.
        failing = [finding for finding in findings if policy.fails(finding)]
        infos = [finding for finding in findings if not policy.fails(finding)]
        if failing:
            failures += 1
            failure = SubElement(
                case,
                "failure",
                message=xml_safe(count_phrase(failing, lang)),
                type=max(finding.severity for finding in failing).label,
            )
            failure.text = xml_text("\n".join(_finding_line(f, lang) for f in failing))
        elif not findings and stage not in BUILT_IN_STAGES and not report.checked:
            skipped += 1
            SubElement(case, "skipped", message=WORDS.get("skipped", lang))
        lines = [_finding_line(f, lang) for f in infos]
        lines += [
            WORDS.get("not_applicable", lang, rule=skipped.rule, reason=skipped.reason.get(lang))
            for skipped in not_applicable.get(stage, ())
        ]
        if lines:
            out = SubElement(case, "system-out")
            out.text = xml_text("\n".join(lines))

    suite.set("tests", str(len(by_stage)))
    suite.set("failures", str(failures))
    suite.set("errors", "0")
    suite.set("skipped", str(skipped))
    return suite


def result_to_junit(result: RunResult, lang: Lang) -> str:
    """The whole JUnit XML document, with its XML declaration and a final newline."""
    from xml.etree.ElementTree import Element, indent, tostring

    stages = _stages(result)
    timestamp = result.manifest.generated_at if result.manifest else None
    root = Element("testsuites", name="sakip-validate")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for report in result.files:
        suite = _testsuite(report, stages, result.policy, lang, timestamp, result.catalog)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
        root.append(suite)
    for key, value in totals.items():
        root.set(key, str(value))
    indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode") + "\n"


# Test suites kept in memory up to this many characters, then in a temporary file.
SPOOL_CHARS = 4 * 1024 * 1024
_MARK = "sakip-validate-suites"


def write_junit(result: RunResult, lang: Lang, stream: TextIO) -> None:
    """Write :func:`result_to_junit`'s document byte for byte, one test suite at a time.

    Each file's suite goes to a spooled temporary file as it is read, and the
    totals the root element carries are written before them: a run of thousands
    of reports never holds its findings in memory at once.
    """
    import tempfile
    from xml.etree.ElementTree import Element, indent, tostring

    stages = _stages(result)
    timestamp = result.manifest.generated_at if result.manifest else None
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_CHARS, mode="w+", encoding="utf-8") as spool:
        for report in result.files:
            suite = _testsuite(report, stages, result.policy, lang, timestamp, result.catalog)
            for key in totals:
                totals[key] += int(suite.get(key, "0"))
            indent(suite, space="  ", level=1)
            spool.write("\n  " + tostring(suite, encoding="unicode"))
        root = Element("testsuites", name="sakip-validate")
        for key, value in totals.items():
            root.set(key, str(value))
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not spool.tell():
            stream.write(tostring(root, encoding="unicode") + "\n")
            return
        root.text = _MARK
        opening = tostring(root, encoding="unicode").split(_MARK)[0]
        stream.write(opening)
        spool.seek(0)
        shutil.copyfileobj(spool, stream)
        stream.write("\n</testsuites>\n")


class JunitOutput:
    """Writes the result as JUnit XML: a test suite per file, a test case per rule pack."""

    name = "junit"
    description = "JUnit XML for CI test reports (a test case per file and rule pack)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        write_junit(result, options.lang, stream)
