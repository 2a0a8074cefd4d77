"""Shared fixtures: paths to the example and the test data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def valid_toml_text() -> str:
    return (DATA / "valid.toml").read_text(encoding="utf-8")
