"""Fixtures of the integration tests (pre-commit hook, GitHub action, GitLab sample)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import make_reports


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A working folder with a clean and a broken report (see helpers.make_reports)."""
    return make_reports(tmp_path / "repo")
