"""The JSON, SARIF and JUnit outputs are written as they are read, and are what one
whole document written at once would be, byte for byte."""

from __future__ import annotations

import importlib
import io
import json
from typing import Any

import pytest
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


@pytest.mark.parametrize(
    ("name", "items"),
    [
        ("json_output", lambda log: log["findings"]),
        ("sarif", lambda log: log["runs"][0]["results"]),
    ],
)
def test_items_beyond_the_memory_spool_go_through_disk(name: str, items: Any) -> None:
    output = importlib.import_module(f"sakip_validate.plugins.{name}")
    write = output.write_result if name == "json_output" else output.write_sarif
    example_result = frozen.load("example")
    whole = io.StringIO()
    write(example_result, "en", whole)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(output, "SPOOL_CHARS", 10)  # every item after the first goes to disk
        spooled = io.StringIO()
        write(example_result, "en", spooled)
    assert spooled.getvalue() == whole.getvalue()
    assert items(json.loads(whole.getvalue()))


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


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=6), inner, max_size=4)
        | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3)
    ),
    max_leaves=20,
)


@given(json_values, st.sampled_from(["", "  ", "        "]), st.booleans())
def test_the_fast_json_text_is_what_json_dumps_writes(
    value: object, indent: str, sort: bool
) -> None:
    from sakip_validate.plugins.jsontext import dumps

    try:
        expected = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=sort)
    except TypeError:  # keys json itself cannot sort (mixed types)
        return
    assert dumps(value, indent, sort_keys=sort) == expected.replace("\n", "\n" + indent)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results(), st.sampled_from(["id", "en"]))
def test_piped_console_text_written_directly_is_what_rich_writes(
    result: RunResult, lang: str
) -> None:
    from sakip_validate.outputs import RenderOptions
    from sakip_validate.plugins.console import ConsoleOutput

    result.decide()
    direct, through_rich = ConsoleOutput(), ConsoleOutput()
    through_rich.direct = False
    written = []
    for plugin in (direct, through_rich):
        stream = io.StringIO()
        plugin.render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
        written.append(stream.getvalue())
    assert written[0] == written[1]
