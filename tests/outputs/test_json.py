"""The json output: frozen version 1, valid against schemas/output.schema.json, golden."""

from __future__ import annotations

import io
import json

import pytest
from jsonschema import Draft202012Validator

from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.resources import load_schema
from sakip_validate.result import RunResult

from .golden import assert_golden


def render(result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output("json").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_json_output_matches_golden(example_result: RunResult, lang: str) -> None:
    assert_golden(f"json-example-{lang}.json", render(example_result, lang))


@pytest.mark.parametrize("fixture", ["example_result", "hostile_result", "policy_result"])
def test_json_output_is_valid_against_its_published_schema(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    document = json.loads(render(request.getfixturevalue(fixture)))
    validator = Draft202012Validator(load_schema("output.schema.json"))
    assert [error.message for error in validator.iter_errors(document)] == []
    assert document["version"] == 1


def test_json_keeps_hostile_text_as_data(hostile_result: RunResult) -> None:
    document = json.loads(render(hostile_result))
    messages = " ".join(f["message"] for f in document["findings"])
    assert "<script>alert(1)</script>" in messages  # kept verbatim: JSON consumers escape


def test_output_schema_is_valid() -> None:
    Draft202012Validator.check_schema(load_schema("output.schema.json"))


def test_json_version_1_documents_without_the_additions_stay_valid(
    example_result: RunResult,
) -> None:
    """The policy's fields were added to version 1 without being required."""
    document = json.loads(render(example_result))
    for finding in document["findings"]:
        del finding["suppression"], finding["baseline_state"], finding["place"]
    for file in document["files"]:
        del file["role"]
    for key in ("failing", "waived", "baselined", "skipped"):
        del document["summary"][key]
    del document["baseline"], document["skipped"]
    validator = Draft202012Validator(load_schema("output.schema.json"))
    assert [error.message for error in validator.iter_errors(document)] == []


def test_json_says_which_findings_are_waived_persisting_or_new(policy_result: RunResult) -> None:
    document = json.loads(render(policy_result))
    findings = document["findings"]
    assert len(findings) == len(policy_result.findings)
    waived = [f for f in findings if f["suppression"] and f["suppression"]["kind"] == "waiver"]
    expected_waived = [
        f for f in policy_result.findings if f.suppression and f.suppression.kind == "waiver"
    ]
    assert len(waived) == len(expected_waived) > 0
    for shown, finding in zip(waived, expected_waived, strict=True):
        assert finding.suppression is not None
        assert shown["suppression"]["reason"] == finding.suppression.reason
        assert shown["suppression"]["approver"] == finding.suppression.approver
        assert shown["suppression"]["expires"] == finding.suppression.expires
        assert shown["baseline_state"] is None  # a waiver is not judged by the baseline
    outcome = policy_result.baseline
    assert outcome is not None
    states = [f["baseline_state"] for f in findings]
    assert states.count("new") == outcome.new
    assert states.count("persisting") == outcome.persisting
    persisting = [f for f in findings if f["baseline_state"] == "persisting"]
    assert all(f["suppression"]["kind"] == "baseline" for f in persisting)
    assert all(f["suppression"]["reason"] is None for f in persisting)


def test_json_lists_the_fixed_findings_skipped_files_and_counts(policy_result: RunResult) -> None:
    document = json.loads(render(policy_result))
    outcome = policy_result.baseline
    assert outcome is not None
    baseline = document["baseline"]
    assert baseline["source"] == outcome.source
    assert [(f["rule"], f["pointer"]) for f in baseline["fixed"]] == [
        (entry.rule, entry.pointer) for entry in outcome.fixed
    ]
    # Named as the run names files: under the baseline's folder.
    folder = outcome.source.rsplit("/", 1)[0]
    assert all(f["file"].startswith(folder + "/") for f in baseline["fixed"])
    assert [f["fingerprint"] for f in baseline["fixed"]] == [e.fingerprint for e in outcome.fixed]
    assert document["skipped"] == [{"file": f, "reason": r} for f, r in policy_result.skipped]
    summary = document["summary"]
    assert summary["skipped"] == len(policy_result.skipped)
    assert policy_result.verdict is not None
    assert summary["failing"] == policy_result.verdict.failing
    kinds = [f.suppression.kind for f in policy_result.findings if f.suppression]
    assert summary["waived"] == kinds.count("waiver")
    assert summary["baselined"] == kinds.count("baseline")
    roles = {f["file"]: f["role"] for f in document["files"]}
    assert roles == {report.label: report.role for report in policy_result.files}
    assert "config" in roles.values()


def test_json_without_a_baseline_has_no_baseline_states(example_result: RunResult) -> None:
    document = json.loads(render(example_result))
    assert document["baseline"] is None
    assert {f["baseline_state"] for f in document["findings"]} == {None}
    assert {f["suppression"] is None for f in document["findings"]} == {True}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_json_gives_each_finding_its_printed_place(example_result: RunResult, lang: str) -> None:
    from sakip_validate.domain.citation import cite

    document = json.loads(render(example_result, lang))
    findings = [f for report in example_result.files for f in report.findings]
    assert len(document["findings"]) == len(findings)
    by_key = {(f.rule, f.location.pointer, cite(f, lang)) for f in findings}
    for finding in document["findings"]:
        place = finding["place"]
        assert place is not None and place["citation"]
        assert (finding["rule"], finding["pointer"], place["citation"]) in by_key
        assert finding["pointer"] not in place["citation"]
    capaian = next(f for f in document["findings"] if f["rule"] == "CAP006")
    assert capaian["place"]["table"] == "Tabel 3.3" and capaian["place"]["row"] == "1"
    assert capaian["place"]["column"] == "Capaian 2020" and capaian["place"]["page"] == "40-47"


def test_json_place_is_null_for_findings_about_the_data_file(broken_result: RunResult) -> None:
    document = json.loads(render(broken_result))
    assert document["findings"] and all(f["place"] is None for f in document["findings"])
