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


@pytest.mark.parametrize("fixture", ["example_result", "hostile_result"])
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
