"""The GitHub composite action (action.yml): its run steps, run here as the runner would.

The runner runs each ``run:`` step with ``bash --noprofile --norc -eo pipefail`` and the
step's ``env``, after replacing its ``${{ ... }}`` expressions; GITHUB_STEP_SUMMARY and
GITHUB_OUTPUT name files it reads afterwards. The tests do the same with temporary files
and check what a workflow would see: annotations in the log, the SARIF file, the job
summary, the step outputs and the final verdict. The ``uses:`` steps (setup-python,
upload-sarif) are GitHub's own; only their inputs are checked.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import venv
from pathlib import Path
from typing import Any

import pytest

from .helpers import ROOT, tool_env

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (the test extra)")

ACTION = ROOT / "action.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def action() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    return document


def step(name: str) -> dict[str, Any]:
    steps: list[dict[str, Any]] = action()["runs"]["steps"]
    return next(s for s in steps if s["name"] == name)


def read_outputs(path: Path) -> dict[str, str]:
    """``name=value`` lines of a GITHUB_OUTPUT file."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


class Runner:
    """Runs the action's run steps in ``workspace`` with ``inputs``, as the runner would."""

    def __init__(self, workspace: Path, inputs: dict[str, str], bin_dir: Path | None = None):
        self.workspace = workspace
        declared = action()["inputs"]
        self.inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
        self.inputs.update(inputs)
        self.bin_dir = bin_dir
        self.summary = workspace.parent / "step_summary.md"
        self.output = workspace.parent / "github_output"
        self.summary.touch()
        self.output.touch()

    def evaluate(self, text: str) -> str:
        def value(match: re.Match[str]) -> str:
            expression = match.group(1)
            if expression.startswith("inputs."):
                return self.inputs[expression.removeprefix("inputs.")]
            if expression == "github.action_path":
                return str(ROOT)
            found = re.fullmatch(r"steps\.check\.outputs\.([\w-]+)", expression)
            if found:
                return read_outputs(self.output).get(found.group(1), "")
            raise AssertionError(f"expression the test does not know: {expression}")

        return EXPRESSION.sub(value, text)

    def run(self, name: str) -> subprocess.CompletedProcess[str]:
        found = step(name)
        assert found["shell"] == "bash"
        env = tool_env(
            self.bin_dir,
            GITHUB_ACTIONS="true",
            GITHUB_STEP_SUMMARY=str(self.summary),
            GITHUB_OUTPUT=str(self.output),
            GITHUB_WORKSPACE=str(self.workspace),
        )
        env.update({key: self.evaluate(str(v)) for key, v in found.get("env", {}).items()})
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", found["run"]],
            cwd=self.workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )


def test_action_is_a_composite_of_setup_install_check_upload_verdict() -> None:
    document = action()
    assert document["runs"]["using"] == "composite"
    names = [s["name"] for s in document["runs"]["steps"]]
    assert names == [
        "Set up Python",
        "Install sakip-validate",
        "Check the reports",
        "Upload SARIF to code scanning",
        "Verdict",
    ]
    assert step("Set up Python")["uses"].startswith("actions/setup-python@")
    upload = step("Upload SARIF to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "inputs.upload-sarif == 'true'" in upload["if"]
    assert set(document["inputs"]) >= {"paths", "args", "version"}
    assert document["outputs"]["exit-code"]["value"] == "${{ steps.check.outputs.exit-code }}"


def test_no_expression_is_pasted_into_a_script() -> None:
    """Inputs reach the shell as environment variables only (no script injection)."""
    for found in action()["runs"]["steps"]:
        if "run" in found:
            assert "${{" not in found["run"], found["name"]


def test_the_check_step_annotates_writes_sarif_and_the_summary(reports: Path) -> None:
    runner = Runner(reports, {"paths": "laporan/"})
    done = runner.run("Check the reports")
    assert done.returncode == 0, done.stderr  # the verdict waits for the last step
    outputs = read_outputs(runner.output)
    assert outputs["exit-code"] == "1"
    assert outputs["sarif-file"] == "sakip-validate.sarif"
    # annotations in the log, on the broken report only
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::")]
    assert annotations and all("file=laporan/rusak.toml" in a for a in annotations)
    # SARIF where upload-sarif will look for it
    sarif = json.loads((reports / "sakip-validate.sarif").read_text(encoding="utf-8"))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in sarif["runs"][0]["results"]
    }
    assert uris == {"laporan/rusak.toml"}
    # the job summary, in Markdown
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## Hasil pemeriksaan LKjIP (sakip-validate)")
    assert "### laporan/rusak.toml" in summary
    assert "✅ Tanpa temuan: laporan/baik.toml." in summary

    verdict = runner.run("Verdict")
    assert verdict.returncode == 1


def test_a_clean_workspace_passes_and_args_reach_the_check(reports: Path) -> None:
    (reports / "laporan" / "rusak.toml").unlink()
    runner = Runner(reports, {"args": "--lang en"})  # paths: the default, the workspace
    done = runner.run("Check the reports")
    assert done.returncode == 0, done.stderr
    assert read_outputs(runner.output)["exit-code"] == "0"
    summary = runner.summary.read_text(encoding="utf-8")
    assert summary.startswith("## LKjIP check results")
    assert "✅ No findings: laporan/baik.toml." in summary
    assert "1 file skipped: not a report." in summary  # pyproject.toml
    assert runner.run("Verdict").returncode == 0


def test_a_usage_error_is_exit_code_two_and_fails_the_action(reports: Path) -> None:
    runner = Runner(reports, {"paths": "laporan/", "args": "--fail-on sometimes"})
    assert runner.run("Check the reports").returncode == 0
    assert read_outputs(runner.output)["exit-code"] == "2"
    assert runner.run("Verdict").returncode == 2


@pytest.mark.slow
def test_the_install_step_installs_the_action_checkout(reports: Path, tmp_path: Path) -> None:
    """The install step in a fresh virtual environment, then the check with that install."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    runner = Runner(reports, {"paths": "laporan/"}, bin_dir=bin_dir)
    installed = runner.run("Install sakip-validate")
    assert installed.returncode == 0, installed.stderr[-3000:]
    assert (bin_dir / "sakip-validate").exists()
    done = runner.run("Check the reports")
    assert done.returncode == 0, done.stderr
    assert read_outputs(runner.output)["exit-code"] == "1"
    assert (reports / "sakip-validate.sarif").exists()
    assert "### laporan/rusak.toml" in runner.summary.read_text(encoding="utf-8")
