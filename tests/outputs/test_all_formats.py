"""Every installed format: produced from the example in one run, byte-identical when repeated."""

from __future__ import annotations

import io

import pytest

from sakip_validate.outputs import RenderOptions, available, load_output
from sakip_validate.result import RunResult

BUILT_IN = ["console", "json", "markdown", "reviu", "excel", "sarif", "junit", "github", "html"]


def render(name: str, result: RunResult) -> bytes:
    plugin = load_output(name)
    if plugin.binary:
        binary = io.BytesIO()
        plugin.render(result, RenderOptions(), binary)
        return binary.getvalue()
    text = io.StringIO()
    plugin.render(result, RenderOptions(color=False), text)
    return text.getvalue().encode("utf-8")


def test_every_built_in_format_is_installed() -> None:
    assert set(BUILT_IN) <= set(available())


@pytest.mark.parametrize("name", BUILT_IN)
def test_same_input_gives_byte_identical_output(name: str, example_result: RunResult) -> None:
    first = render(name, example_result)
    assert first
    assert render(name, example_result) == first
