"""End to end: the command line runs the engine on the example and writes every format.

These tests compare the outputs with the run's own findings, never with pinned
counts: a new rule that fires on the example changes the reference pin only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from sakip_validate.api import RunOptions, run
from sakip_validate.cli import main
from sakip_validate.findings import Severity
from sakip_validate.outputs import BUILT_IN

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
COMMAND = re.compile(r"^::(error|warning|notice) ")


def _counts() -> dict[Severity, int]:
    return run([str(EXAMPLE)]).counts()


def test_every_format_from_the_example_in_one_run(tmp_path: Path) -> None:
    args = ["check", str(EXAMPLE)]
    for name in BUILT_IN:
        if name != "console":
            args += ["--format", name, "-o", str(tmp_path / f"hasil.{name}")]
    args += ["--format", "console"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # the example's errors
    counts = _counts()
    assert f"{counts[Severity.ERROR]} kesalahan" in result.output.splitlines()[-1]
    for name in BUILT_IN:
        if name != "console":
            assert (tmp_path / f"hasil.{name}").stat().st_size > 0, name
    document = json.loads((tmp_path / "hasil.json").read_text(encoding="utf-8"))
    assert document["summary"]["findings"] == sum(counts.values())


def test_cli_uses_github_inside_github_actions() -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLE)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    counts = _counts()
    assert len(lines) == sum(counts.values()) + 1
    assert all(COMMAND.match(line) for line in lines[:-1])
    assert lines[-1] == (
        f"1 berkas diperiksa: {counts[Severity.ERROR]} kesalahan, "
        f"{counts[Severity.WARNING]} peringatan, {counts[Severity.INFO]} informasi."
    )


def test_cli_keeps_an_explicit_format_inside_github_actions() -> None:
    result = CliRunner().invoke(
        main, ["check", str(EXAMPLE), "--format", "console"], env={"GITHUB_ACTIONS": "true"}
    )
    assert result.exit_code == 1
    assert not result.output.startswith("::")


def test_cli_uses_console_outside_github_actions() -> None:
    result = CliRunner().invoke(main, ["check", str(EXAMPLE)], env={"GITHUB_ACTIONS": None})
    assert result.exit_code == 1
    assert "::error" not in result.output


def test_keep_data_follows_the_formats() -> None:
    # the run keeps parsed data only for outputs that draw the report
    assert run([str(EXAMPLE)]).files[0].data is None
    assert run([str(EXAMPLE)], RunOptions(keep_data=True)).files[0].data is not None
