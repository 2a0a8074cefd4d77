"""The JSON, SARIF and JUnit outputs are written as they are read, and are what one
whole document written at once would be, byte for byte."""

from __future__ import annotations

import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_validate.plugins.json_output import result_to_dict, write_result
from sakip_validate.result import RunResult
from tests.outputs import frozen
from tests.properties.test_no_exception_escapes import results


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results(), st.sampled_from(["id", "en"]))
def test_the_streamed_document_is_byte_for_byte_one_json_dump(result: RunResult, lang: str) -> None:
    result.decide()
    streamed = io.StringIO()
    write_result(result, lang, streamed)  # type: ignore[arg-type]
    whole = json.dumps(result_to_dict(result, lang), ensure_ascii=False, indent=2) + "\n"  # type: ignore[arg-type]
    assert streamed.getvalue() == whole


def test_findings_beyond_the_memory_spool_go_through_disk() -> None:
    import sakip_validate.plugins.json_output as output

    example_result = frozen.load("example")

    whole = io.StringIO()
    write_result(example_result, "id", whole)
    small = output.SPOOL_CHARS
    try:
        output.SPOOL_CHARS = 10  # every finding after the first goes to the temporary file
        spooled = io.StringIO()
        write_result(example_result, "id", spooled)
    finally:
        output.SPOOL_CHARS = small
    assert spooled.getvalue() == whole.getvalue()
    assert json.loads(whole.getvalue())["findings"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results(), st.sampled_from(["id", "en"]))
def test_the_streamed_sarif_log_is_byte_for_byte_one_json_dump(
    result: RunResult, lang: str
) -> None:
    from sakip_validate.plugins.sarif import result_to_sarif, write_sarif

    result.decide()
    streamed = io.StringIO()
    write_sarif(result, lang, streamed)  # type: ignore[arg-type]
    log = result_to_sarif(result, lang)  # type: ignore[arg-type]
    whole = json.dumps(log, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    assert streamed.getvalue() == whole


def test_sarif_results_beyond_the_memory_spool_go_through_disk() -> None:
    import sakip_validate.plugins.sarif as output

    example_result = frozen.load("example")
    whole = io.StringIO()
    output.write_sarif(example_result, "en", whole)
    small = output.SPOOL_CHARS
    try:
        output.SPOOL_CHARS = 10
        spooled = io.StringIO()
        output.write_sarif(example_result, "en", spooled)
    finally:
        output.SPOOL_CHARS = small
    assert spooled.getvalue() == whole.getvalue()
    assert json.loads(whole.getvalue())["runs"][0]["results"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results(), st.sampled_from(["id", "en"]))
def test_the_streamed_junit_document_is_the_whole_tree_written_at_once(
    result: RunResult, lang: str
) -> None:
    from sakip_validate.plugins.junit import result_to_junit, write_junit

    result.decide()
    streamed = io.StringIO()
    write_junit(result, lang, streamed)  # type: ignore[arg-type]
    assert streamed.getvalue() == result_to_junit(result, lang)  # type: ignore[arg-type]
