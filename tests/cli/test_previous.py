"""check --previous: earlier reports compared across years, end to end."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sakip_validate.api import RunOptions
from sakip_validate.api import run as run_api
from sakip_validate.cli import main
from tests.years.reports import Report


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_previous_reports_a_figure_that_differs_from_last_years_report(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path / "2025")
    # Consistent in itself (79,50 / 80,00 = 99,38%), but not what the 2025 report printed.
    this = Report(2026, earlier={2025: ("80.00", "79.50", "99.38")}).write(tmp_path / "2026")
    assert run("check", str(this), "--format", "json")[0] == 0
    code, output = run("check", str(this), "--previous", str(last), "--format", "json")
    assert code == 1
    document = json.loads(output)
    findings = document["findings"]
    # The command line reports what the library finds, in this year's file only.
    expected = run_api([str(this)], RunOptions(previous=(last,))).findings
    assert [(f["rule"], f["file"], f["pointer"]) for f in findings] == [
        (f.rule, f.location.file, f.location.pointer) for f in expected
    ]
    assert [f["rule"] for f in findings] == ["YEAR001", "YEAR001"]
    assert [file["file"] for file in document["files"]] == [str(this)]


def test_previous_must_exist(tmp_path: Path) -> None:
    this = Report(2026).write(tmp_path)
    code, output = run("check", str(this), "--previous", str(tmp_path / "tidak-ada"))
    assert code == 2
    assert "--previous" in output


def test_no_output_may_overwrite_a_previous_report(tmp_path: Path) -> None:
    last = Report(2025).write(tmp_path / "2025")
    this = Report(2026).write(tmp_path / "2026")
    before = last.read_bytes()
    code, _ = run("check", str(this), "--previous", str(last), "--format", "json", "-o", str(last))
    assert code == 2
    assert last.read_bytes() == before
