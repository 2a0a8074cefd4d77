"""Shared fixtures for output tests: frozen run results (see ``frozen.py``).

Output tests render these and take every count from them; they never run the
rule engine over the example, so a new rule changes the reference pin and, if
chosen, a fixture, but no output test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_validate.result import RunResult

from . import frozen

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
CORRECTED = ROOT / "examples" / "jatinegara-2021-corrected.toml"
HOSTILE = ROOT / "tests" / "data" / "hostile.toml"


@pytest.fixture(scope="session")
def example_result() -> RunResult:
    """The reference report (with its findings) and its corrected copy (none), frozen."""
    return frozen.load("example")


@pytest.fixture(scope="session")
def hostile_result() -> RunResult:
    """A report whose texts look like formulas, Markdown, HTML and XML, frozen."""
    return frozen.load("hostile")


@pytest.fixture(scope="session")
def broken_result() -> RunResult:
    """Every hand-broken file of tests/data/broken (LOAD and SCHEMA findings), frozen."""
    return frozen.load("broken")


@pytest.fixture(scope="session")
def policy_result() -> RunResult:
    """A run under a policy: waivers (in force, expired, unused), a baseline (new,
    persisting, fixed), a configuration file with findings and skipped files, frozen."""
    return frozen.load("policy")
