"""Shared fixtures for output tests: results of the example and of a hostile report."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_validate.api import check_file, new_run
from sakip_validate.result import RunResult

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
CORRECTED = ROOT / "examples" / "jatinegara-2021-corrected.toml"
HOSTILE = ROOT / "tests" / "data" / "hostile.toml"


def result_for(*paths: Path) -> RunResult:
    """A run over ``paths`` with repository-relative labels (stable in golden files)."""
    result = new_run()
    for path in paths:
        label = path.relative_to(ROOT).as_posix()
        result.files.append(check_file(path, label, rules=result.rules))
    return result


@pytest.fixture(scope="session")
def example_result() -> RunResult:
    """The reference report (38 findings) and its corrected copy (none)."""
    return result_for(EXAMPLE, CORRECTED)


@pytest.fixture(scope="session")
def hostile_result() -> RunResult:
    """A report whose texts look like formulas, Markdown, HTML and XML."""
    return result_for(HOSTILE)
