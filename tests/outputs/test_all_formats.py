"""Every installed format: produced from the example in one run, byte-identical when repeated."""

from __future__ import annotations

import io

import pytest

from sakip_validate.outputs import RenderOptions, available, load_output
from sakip_validate.result import RunResult

from .golden import assert_golden

BUILT_IN = [
    "console",
    "json",
    "markdown",
    "reviu",
    "reviu-docx",
    "excel",
    "sarif",
    "junit",
    "github",
    "html",
]


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


# The run under a policy (waivers, a baseline, a configuration file, skipped files), kept as
# golden files for review: what each format says about findings that do not count.
POLICY_GOLDEN = {
    "console": "txt",
    "json": "json",
    "markdown": "md",
    "reviu": "md",
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
}


@pytest.mark.parametrize("name", sorted(POLICY_GOLDEN))
def test_policy_run_matches_golden(name: str, policy_result: RunResult) -> None:
    assert_golden(f"{name}-policy-id.{POLICY_GOLDEN[name]}", render(name, policy_result))


@pytest.mark.parametrize("name", BUILT_IN)
def test_policy_run_is_byte_identical_when_repeated(name: str, policy_result: RunResult) -> None:
    first = render(name, policy_result)
    assert first
    assert render(name, policy_result) == first
