"""The junit output: well-formed JUnit XML, correct counts, golden, inert, deterministic."""

from __future__ import annotations

import dataclasses
import io
import xml.etree.ElementTree as ET

import pytest

from sakip_validate.domain.labels import severity_word
from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.policy import Policy
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden

HOSTILE_TEXT = (
    "x ]]> <!-- c --> <![CDATA[ y ]]> & &amp; \"q\" 's' <script>alert(1)</script> "
    "::error::z\r\nnext\rline \x0b\x00\x1f\ufffe end"
)
HOSTILE_LABEL = 'la"po<r>an & ]]>\n\x0b.toml'
STAGES = ["berkas", "skema"]  # reading the file, then the schema


def render(result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output("junit").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def xml_safe(text: str) -> str:
    """What XML 1.0 can carry: the illegal characters become U+FFFD, line breaks \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(
        "\ufffd" if (ord(c) < 0x20 and c not in "\t\n") or c in "\ufffe\uffff" else c for c in text
    )


def hostile_plus(result: RunResult) -> RunResult:
    """``result`` plus a file whose label and finding texts are hostile."""
    base = result.files[0].findings[0]
    error = dataclasses.replace(
        base,
        message=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        hint=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        location=TextLocation(HOSTILE_LABEL, "/x", 3, 7),
    )
    info = dataclasses.replace(error, severity=Severity.INFO, location=TextLocation(HOSTILE_LABEL))
    extra = FileReport(HOSTILE_LABEL, "toml", [error, info])
    return dataclasses.replace(result, files=[*result.files, extra])


@pytest.mark.parametrize("lang", ["id", "en"])
def test_junit_matches_golden(example_result: RunResult, lang: str) -> None:
    assert_golden(f"junit-example-{lang}.xml", render(example_result, lang))


def test_junit_counts_are_consistent(example_result: RunResult) -> None:
    root = ET.fromstring(render(example_result))
    assert root.tag == "testsuites"
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("skipped", "")) == sum(c.find("skipped") is not None for c in cases)
        assert suite.get("errors") == "0"
        assert suite.get("time") is None
        for key in totals:
            totals[key] += int(suite.get(key, ""))
    assert {key: int(root.get(key, "")) for key in totals} == totals
    stages = len(STAGES) + len(example_result.catalog.packs)
    failing = {
        (report.label, finding.pack)
        for report in example_result.files
        for finding in report.findings
        if example_result.policy.fails(finding)
    }
    assert totals == {
        "tests": stages * len(example_result.files),
        "failures": len(failing),
        "errors": 0,
        "skipped": 0,
    }


def test_one_suite_per_file_and_one_case_per_pack(example_result: RunResult) -> None:
    root = ET.fromstring(render(example_result))
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [r.label for r in example_result.files]
    for suite in suites:
        cases = suite.findall("testcase")
        assert {case.get("classname") for case in cases} == {suite.get("name")}
        packs = [pack.id for pack in example_result.catalog.packs]
        assert [case.get("name") for case in cases] == [*STAGES, *packs]
    example, corrected = suites
    assert all(not list(case) for case in corrected.findall("testcase"))  # all pass
    cases = {case.get("name"): case for case in example.findall("testcase")}
    assert not list(cases["skema"])
    pack = [f for f in example_result.files[0].findings if f.pack == "konsistensi-target"]
    errors = sum(f.severity is Severity.ERROR for f in pack)
    failure = cases["konsistensi-target"].find("failure")
    assert failure is not None
    assert failure.get("type") == "error"
    assert failure.get("message") == f"{errors} temuan: {errors} kesalahan"
    # warnings do not fail the run by default: listed, not a failure
    anggaran = cases["anggaran"]
    assert anggaran.find("failure") is None
    out = anggaran.find("system-out")
    assert out is not None and " peringatan: " in (out.text or "")


def test_junit_follows_the_policy(example_result: RunResult) -> None:
    strict = dataclasses.replace(example_result, policy=Policy(fail_on=Severity.WARNING))
    cases = {
        case.get("name"): case
        for case in ET.fromstring(render(strict)).findall("testsuite")[0].findall("testcase")
    }
    warning = cases["anggaran"].find("failure")
    assert warning is not None and warning.get("type") == "warning"
    never = dataclasses.replace(example_result, policy=Policy(fail_on=None))
    assert ET.fromstring(render(never)).get("failures") == "0"


def test_every_finding_is_listed_once_where_it_belongs(example_result: RunResult) -> None:
    root = ET.fromstring(render(example_result))
    suite = root.findall("testsuite")[0]
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    for finding in example_result.files[0].findings:
        line = (
            f"{finding.location.display()} {finding.rule} {severity_word(finding.severity, 'id')}: "
            f"{finding.message.id}"
        )
        case = cases[finding.pack]
        failure, out = case.find("failure"), case.find("system-out")
        failure_text = failure.text if failure is not None else ""
        out_text = out.text if out is not None else ""
        if example_result.policy.fails(finding):
            assert line in (failure_text or "").splitlines()
            assert line not in (out_text or "")
        else:  # not counted by the policy: reported, never a failure
            assert line in (out_text or "").splitlines()
            assert line not in (failure_text or "")
    text = ET.tostring(root, encoding="unicode")
    assert text.count(" ANG021 peringatan: ") == 1


def test_packs_are_skipped_when_the_schema_stage_fails(broken_result: RunResult) -> None:
    [report] = [r for r in broken_result.files if r.label.endswith("broken/wrong-type.toml")]
    result = dataclasses.replace(broken_result, files=[report])
    root = ET.fromstring(render(result, "en"))
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert cases[0].get("name") == "berkas" and not list(cases[0])
    failure = cases[1].find("failure")
    assert cases[1].get("name") == "skema" and failure is not None
    assert "SCHEMA001" in (failure.text or "")
    for case in cases[2:]:
        skipped = case.find("skipped")
        assert skipped is not None
        assert (
            skipped.get("message") == "Rule pack not run: the file did not pass the schema stage."
        )
    assert suite.get("skipped") == str(len(cases) - 2)
    assert suite.get("failures") == "1"


def test_unreadable_file_fails_the_reading_stage() -> None:
    finding = Finding(
        "LOAD001",
        Severity.ERROR,
        Text("Berkas tidak ada.", "File not found."),
        TextLocation("hilang.toml"),
        pack="berkas",
    )
    result = RunResult([FileReport("hilang.toml", None, [finding], unreadable=True)])
    root = ET.fromstring(render(result))
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("name") == "berkas"
    failure = case.find("failure")
    assert failure is not None
    assert failure.text == "hilang.toml LOAD001 kesalahan: Berkas tidak ada."
    assert root.get("tests") == "2" and root.get("failures") == "1"


def test_hostile_text_gives_well_formed_xml_with_the_same_text(hostile_result: RunResult) -> None:
    result = hostile_plus(hostile_result)
    text = render(result)
    assert "\x0b" not in text and "\x00" not in text
    assert "<script>" not in text and "<!--" not in text
    root = ET.fromstring(text)  # well-formed
    suite = root.findall("testsuite")[-1]
    assert suite.get("name") == xml_safe(HOSTILE_LABEL)
    case = suite.find("testcase[@name='capaian']")
    assert case is not None
    assert case.get("classname") == xml_safe(HOSTILE_LABEL)
    failure = case.find("failure")
    out = case.find("system-out")
    assert failure is not None and out is not None
    shown = xml_safe(HOSTILE_TEXT)
    assert failure.text == f"{xml_safe(HOSTILE_LABEL)}:3:7 CAP001 kesalahan: {shown}\n    ↳ {shown}"
    assert out.text == f"{xml_safe(HOSTILE_LABEL)} CAP001 informasi: {shown}\n    ↳ {shown}"
    # the texts of the hostile report itself survive too
    messages = " ".join(f.text or "" for f in root.iter("failure"))
    assert '<script>alert(1)</script> **tebal** `kode`\nbaris kedua & "kutip"' in messages


def test_junit_is_deterministic_and_timestamped_only_when_asked(
    example_result: RunResult,
) -> None:
    first = render(example_result)
    assert render(example_result) == first
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    assert "timestamp" not in first and "time=" not in first
    assert example_result.manifest is not None
    stamped = dataclasses.replace(
        example_result,
        manifest=dataclasses.replace(
            example_result.manifest, generated_at="2026-01-02T03:04:05+00:00"
        ),
    )
    root = ET.fromstring(render(stamped))
    assert {s.get("timestamp") for s in root.iter("testsuite")} == {"2026-01-02T03:04:05+00:00"}


# -- the policy's marks ------------------------------------------------------------------


def _entry(text: str, place: str) -> str:
    """The lines of one finding in a failure or system-out text: its line and the indented ones."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith(place))
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    return "\n".join(lines[start:end])


def _cases(document: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {(c.get("classname", ""), c.get("name", "")): c for c in document.iter("testcase")}


def test_waived_and_baselined_findings_are_not_failures_but_listed_with_why(
    policy_result: RunResult,
) -> None:
    document = ET.fromstring(render(policy_result))
    cases = _cases(document)
    suppressed = [f for f in policy_result.findings if f.suppression is not None]
    assert {f.suppression.kind for f in suppressed if f.suppression} == {"waiver", "baseline"}
    for finding in suppressed:
        assert finding.suppression is not None
        case = cases[(finding.location.file, finding.pack)]
        place = f"{finding.location.display()} {finding.rule} "
        failure = case.find("failure")
        assert failure is None or place not in (failure.text or "")
        out = case.find("system-out")
        assert out is not None and out.text is not None
        entry = next(
            block
            for block in out.text.split("\n" + finding.location.file)
            if place in finding.location.file + block or block.startswith(place)
        )
        if finding.suppression.kind == "waiver":
            assert "[dikecualikan]" in entry
            assert finding.suppression.reason in entry
            assert finding.suppression.approver in entry
            assert "berlaku sampai" in entry
        else:
            assert "[di baseline]" in entry
            assert finding.suppression.source in entry


def test_failures_are_exactly_the_counted_findings(policy_result: RunResult) -> None:
    document = ET.fromstring(render(policy_result))
    failing = [f for f in policy_result.findings if policy_result.policy.fails(f)]
    assert policy_result.verdict is not None
    assert len(failing) == policy_result.verdict.failing
    texts = "\n".join(failure.text or "" for failure in document.iter("failure"))
    for finding in failing:
        assert f"{finding.location.display()} {finding.rule} " in texts
    waived = [f for f in policy_result.findings if f.suppression]
    for finding in waived:
        assert f"{finding.location.display()} {finding.rule} " not in texts


def test_a_configuration_file_has_only_the_policy_test_case(policy_result: RunResult) -> None:
    document = ET.fromstring(render(policy_result))
    config = next(report for report in policy_result.files if report.role == "config")
    suite = next(s for s in document.iter("testsuite") if s.get("name") == config.label)
    assert [case.get("name") for case in suite.iter("testcase")] == ["kebijakan"]
    assert suite.get("skipped") == "0"
    assert suite.get("failures") == "1"  # the expired waiver (error); the unused one warns
