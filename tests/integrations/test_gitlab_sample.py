"""The GitLab CI sample of docs/ci.md: its script run here, its JUnit report read back."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from .helpers import ROOT, tool_env

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (the test extra)")

GUIDE = ROOT / "docs" / "ci.md"


def gitlab_job() -> dict[str, Any]:
    """The job of the ``.gitlab-ci.yml`` block in docs/ci.md."""
    text = GUIDE.read_text(encoding="utf-8")
    (block,) = re.findall(r"```yaml\n# \.gitlab-ci\.yml\n(.*?)```", text, flags=re.S)
    document: dict[str, Any] = yaml.safe_load(block)
    (job,) = document.values()
    return dict(job)


def test_sample_keeps_the_junit_report_it_writes() -> None:
    job = gitlab_job()
    (check,) = [line for line in job["script"] if line.startswith("sakip-validate check")]
    report = job["artifacts"]["reports"]["junit"]
    assert f"--format junit -o {report}" in check
    assert job["artifacts"]["when"] == "always"  # the report is wanted most when the job fails
    assert any(line.startswith("pip install") for line in job["script"])


def test_sample_script_writes_a_junit_report_that_fails_on_the_broken_report(
    reports: Path,
) -> None:
    job = gitlab_job()
    (check,) = [line for line in job["script"] if line.startswith("sakip-validate check")]
    done = subprocess.run(
        ["bash", "-c", check], cwd=reports, env=tool_env(), capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    assert "laporan/rusak.toml" in done.stdout  # the console output in the job log
    junit = reports / job["artifacts"]["reports"]["junit"]
    root = ET.parse(junit).getroot()
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"laporan/baik.toml", "laporan/rusak.toml"}
    assert suites["laporan/baik.toml"].get("failures") == "0"
    assert int(suites["laporan/rusak.toml"].get("failures", "0")) > 0
    assert int(root.get("failures", "0")) == int(suites["laporan/rusak.toml"].get("failures", "0"))
