"""The README's two commands stay true, and .ci/run runs exactly the test one."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", text)[:2]


def test_readme_opens_with_run_and_test_commands() -> None:
    run, test = _readme_commands()
    assert "pip install ." in run
    assert "sakip-validate check examples/jatinegara-2021.toml" in run
    assert (ROOT / "examples" / "jatinegara-2021.toml").is_file()
    assert "'.[test]'" in test
    assert test.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    test = _readme_commands()[1]
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test in script
