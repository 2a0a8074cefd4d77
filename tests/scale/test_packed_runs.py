"""A large run packs its reports away (sakip_validate.store); nothing it prints may change.

Every format, the exit code, waivers (valid, expired, unused), overrides, a baseline
and the checks across years are compared between a run that keeps its reports in a
list and the same run with every report packed, read back from a temporary file.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate import api, store
from sakip_validate.cli import main
from tests.gate.test_data_repository import TODAY, repository  # noqa: F401 - a fixture

ROOT = Path(__file__).resolve().parent.parent.parent
FORMATS = ("json", "sarif", "junit", "github", "markdown", "console")


def _check(monkeypatch: pytest.MonkeyPatch, packed: bool, *args: str) -> tuple[int, str]:
    """The command's exit code and output; ``packed``: whatever the number of files."""
    with monkeypatch.context() as patch:
        limit = 0 if packed else 10**9
        patch.setattr(api, "RunOptions", partial(api.RunOptions, pack_above=limit))
        # every report goes through the temporary file on disk
        patch.setattr(store, "SPOOL_BYTES", 1)
        done = CliRunner().invoke(
            main, ["check", *args], env={"SOURCE_DATE_EPOCH": TODAY, "NO_COLOR": "1"}
        )
    assert done.exception is None or isinstance(done.exception, SystemExit), done.output
    return done.exit_code, done.output


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_packed_run_prints_what_a_listed_run_prints(
    repository: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    monkeypatch.chdir(repository)
    listed = _check(monkeypatch, False, ".", "--format", fmt, "--no-timestamp")
    assert listed[0] == 1 and "POLICY001" in listed[1]  # the expired waiver
    assert _check(monkeypatch, True, ".", "--format", fmt, "--no-timestamp") == listed
    # two workers settle and pack the 26 reports themselves
    assert _check(monkeypatch, True, ".", "--format", fmt, "--no-timestamp", "-j", "2") == listed


def test_a_packed_run_compares_with_a_baseline_as_a_listed_run_does(
    repository: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repository)
    code, _ = _check(monkeypatch, True, ".", "--write-baseline", "baseline.json")
    assert code == 0
    written = (repository / "baseline.json").read_bytes()
    assert _check(monkeypatch, False, ".", "--write-baseline", "baseline.json")[0] == 0
    assert (repository / "baseline.json").read_bytes() == written
    report = repository / "opd" / "00" / "lkjip-2025.toml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("capaian = 98.75", "capaian = 97.75"), encoding="utf-8")
    args = (".", "--baseline", "baseline.json", "--format", "json", "--statistics")
    listed = _check(monkeypatch, False, *args)
    assert '"baseline_state": "new"' in listed[1] and '"persisting"' in listed[1]
    assert _check(monkeypatch, True, *args) == listed
    assert _check(monkeypatch, True, *args, "-j", "2") == listed


def test_a_packed_run_compares_years_as_a_listed_run_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    args = (
        "examples/jatinegara-2021.toml",
        "--previous",
        "tests/data/years/jatinegara-2020.toml",
        "--format",
        "json",
        "--no-timestamp",
        "--isolated",
    )
    listed = _check(monkeypatch, False, *args)
    assert '"YEAR001"' in listed[1]
    assert _check(monkeypatch, True, *args) == listed
    assert _check(monkeypatch, True, *args, "-j", "2") == listed


def test_json_written_during_the_run_is_what_rendering_the_result_writes(
    repository: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    from sakip_validate.config import load_config
    from sakip_validate.outputs import RenderOptions, load_output

    monkeypatch.chdir(repository)
    code, written = _check(monkeypatch, True, ".", "--format", "json", "--no-timestamp", "-j", "2")
    assert code == 1
    # The same run through the API, rendered after it: no report added during the run.
    from sakip_validate.cli import _policy  # the command's own policy from the configuration

    config = load_config(Path("sakip.toml"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY)
    options = api.RunOptions(
        exclude=config.exclude, policy=_policy(config, exit_zero=False, lang="id"), pack_above=0
    )
    result = api.run(["."], options)
    rendered = io.StringIO()
    load_output("json").render(result, RenderOptions(lang="id"), rendered)
    assert written == rendered.getvalue()


def test_an_output_failing_during_the_run_is_reported_and_the_others_written(
    repository: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sakip_validate.plugins.json_output import JsonWriter

    def broken(self: JsonWriter, report: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.chdir(repository)
    monkeypatch.setattr(JsonWriter, "add", broken)
    code, output = _check(
        monkeypatch, True, ".", "--format", "json", "-o", "out.json", "--format", "sarif",
        "-o", "out.sarif", "--no-timestamp", "-j", "2",
    )  # fmt: skip
    assert "json" in output and "disk on fire" in output
    assert not (repository / "out.json").exists()
    assert (repository / "out.sarif").read_text(encoding="utf-8").startswith("{")
    assert code == 3
