"""The command line: commands, formats, languages and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate import __version__
from sakip_validate.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
VALID = DATA / "valid.toml"
BROKEN = DATA / "broken"


def run(*args: str, input: bytes | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_version() -> None:
    code, output = run("--version")
    assert code == 0
    assert __version__ in output


def test_valid_file_exits_zero() -> None:
    code, output = run("check", str(VALID))
    assert code == 0
    assert "tidak ada temuan" in output


def test_english_summary() -> None:
    code, output = run("check", str(VALID), "--lang", "en")
    assert code == 0
    assert "1 file checked: no findings." in output


def test_exit_one_on_error_and_fail_on_never() -> None:
    assert run("check", str(BROKEN / "wrong-type.toml"))[0] == 1
    assert run("check", str(BROKEN / "wrong-type.toml"), "--fail-on", "never")[0] == 0


def test_missing_file_exits_two_and_is_reported() -> None:
    code, output = run("check", "no-such-report.toml", "--format", "json")
    assert code == 2
    document = json.loads(output)
    assert document["files"] == [
        {
            "file": "no-such-report.toml",
            "format": None,
            "readable": False,
            "sha256": None,
            "findings": 1,
            "role": "report",
            "not_applicable": [],
        }
    ]
    assert document["findings"][0]["rule"] == "LOAD001"


def test_unknown_extension_exits_two(tmp_path: Path) -> None:
    other = tmp_path / "laporan.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    code, output = run("check", str(other))
    assert code == 2
    assert "LOAD001" in output


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert run("check")[0] == 2
    assert run("check", str(VALID), "--format", "nope")[0] == 2
    assert run("check", "-")[0] == 2  # stdin without --stdin-format
    assert run("check", str(tmp_path))[0] == 2  # a folder with no report


def test_json_document_shape() -> None:
    code, output = run("check", str(VALID), str(BROKEN / "wrong-type.toml"), "--format", "json")
    assert code == 1
    document = json.loads(output)
    assert document["version"] == 1
    assert document["tool"] == {"name": "sakip-validate", "version": __version__}
    assert [f["file"] for f in document["files"]] == [
        str(VALID),
        str(BROKEN / "wrong-type.toml"),
    ]
    assert document["summary"] == {
        "files": 2,
        "findings": 1,
        "error": 1,
        "warning": 0,
        "info": 0,
        "failing": 1,
        "waived": 0,
        "baselined": 0,
        "skipped": 0,
    }
    assert set(document["findings"][0]) == {
        "rule",
        "severity",
        "file",
        "pointer",
        "line",
        "column",
        "message",
        "hint",
        "table",
        "printed",
        "expected",
        "legal_basis",
        "suppression",
        "baseline_state",
        "place",
    }
    assert document["findings"][0]["place"] is None  # a SCHEMA finding: about the file itself


def test_json_output_is_deterministic() -> None:
    first = run("check", str(BROKEN), "--format", "json")[1]
    second = run("check", str(BROKEN), "--format", "json")[1]
    assert first == second


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "hasil.json"
    result = CliRunner().invoke(main, ["check", str(VALID), "--format", "json", "-o", str(target)])
    assert result.exit_code == 0
    assert result.stdout == ""  # the summary of where the output went is on stderr
    assert str(target) in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_stdin(tmp_path: Path) -> None:
    code, output = run(
        "check", "-", "--stdin-format", "toml", "--format", "json", input=VALID.read_bytes()
    )
    assert code == 0
    assert json.loads(output)["files"][0]["file"] == "<stdin>"
    broken = (BROKEN / "wrong-type.json").read_bytes()
    code, output = run("check", "-", "--stdin-format", "json", input=broken)
    assert code == 1
    assert "<stdin>:5:23" in output


def test_folder_walk_skips_hidden_and_excluded(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_bytes(VALID.read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_bytes((DATA / "valid.json").read_bytes())
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.toml").write_text("x = ", encoding="utf-8")
    (tmp_path / "skip.toml").write_text("x = ", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a report", encoding="utf-8")
    code, output = run("check", str(tmp_path), "--exclude", "skip.toml", "--format", "json")
    assert code == 0, output
    files = [Path(f["file"]).relative_to(tmp_path).as_posix() for f in json.loads(output)["files"]]
    assert files == ["a.toml", "sub/b.json"]


def test_console_groups_by_file_with_location_id_severity() -> None:
    code, output = run("check", str(BROKEN / "wrong-type.toml"), str(VALID))
    assert code == 1
    lines = output.splitlines()
    assert lines[0] == str(BROKEN / "wrong-type.toml")
    assert lines[1].split()[:3] == [f"{BROKEN / 'wrong-type.toml'}:5:18", "SCHEMA001", "kesalahan"]
    assert lines[-1] == "2 berkas diperiksa: 1 kesalahan, 0 peringatan, 0 informasi."


def test_no_color_when_not_a_terminal() -> None:
    output = run("check", str(BROKEN / "wrong-type.toml"))[1]
    assert "\x1b[" not in output
    coloured = run("check", str(BROKEN / "wrong-type.toml"), "--color")[1]
    assert "\x1b[" in coloured


def test_schema_command_prints_the_shipped_schema(tmp_path: Path) -> None:
    code, output = run("schema")
    assert code == 0
    schema = json.loads(output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    target = tmp_path / "lkjip.schema.json"
    assert run("schema", "-o", str(target))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8")) == schema


def test_init_writes_a_starter_that_passes(tmp_path: Path) -> None:
    target = tmp_path / "lkjip.toml"
    code, _ = run("init", str(target))
    assert code == 0
    tomllib.loads(target.read_text(encoding="utf-8"))
    assert run("check", str(target))[0] == 0
    # never overwrite silently
    target.write_text("# mine\n", encoding="utf-8")
    assert run("init", str(target))[0] == 2
    assert target.read_text(encoding="utf-8") == "# mine\n"
    assert run("init", str(target), "--force")[0] == 0


def test_init_fragment_writes_a_partial_starter_without_findings(tmp_path: Path) -> None:
    target = tmp_path / "laporan-sebagian.toml"
    assert run("init", "--fragment", str(target))[0] == 0
    data = tomllib.loads(target.read_text(encoding="utf-8"))
    assert data["laporan"]["cakupan"] == "sebagian"
    code, output = run("check", str(target), "--fail-on", "info", "--format", "json")
    assert code == 0
    document = json.loads(output)
    assert document["findings"] == []
    skipped = {entry["rule"] for entry in document["files"][0]["not_applicable"]}
    assert {"LKP001", "LKP004", "LKP005", "LKP006", "LKP020"} <= skipped
    # the same words in Indonesian: --sebagian (the file adds the editor's schema line)
    written = target.read_text(encoding="utf-8")
    assert "#:schema ./lkjip.schema.json\n" + run("init", "--sebagian", "-")[1] == written


def test_init_to_stdout() -> None:
    code, output = run("init", "-")
    assert code == 0
    assert 'versi_skema = "1.0"' in output


def test_language_from_environment() -> None:
    result = CliRunner().invoke(main, ["check", str(VALID)], env={"SAKIP_VALIDATE_LANG": "en"})
    assert "1 file checked" in result.output


@pytest.mark.parametrize("entry", [["-m", "sakip_validate"]])
def test_python_dash_m(entry: list[str]) -> None:
    process = subprocess.run(
        [sys.executable, *entry, "check", str(BROKEN / "nan.json"), "--lang", "en"],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert process.returncode == 1
    assert "LOAD005" in process.stdout
    assert process.stderr == ""


def test_formats_pair_with_their_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run(
        "check",
        str(BROKEN / "wrong-type.toml"),
        "--format",
        "json",
        "-o",
        "k.json",
        "--format=sarif",
        "--output=h.sarif",
        "--format",
        "console",
    )
    assert code == 1
    assert "SCHEMA001" in output  # console on stdout
    assert json.loads(Path("k.json").read_text(encoding="utf-8"))["version"] == 1
    assert json.loads(Path("h.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_output_before_any_format_belongs_to_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = run("check", str(VALID), "-oout.txt", "--format", "json")
    assert code == 0
    assert "tidak ada temuan" in Path("out.txt").read_text(encoding="utf-8")
    assert json.loads(output)["summary"]["files"] == 1


def test_an_option_value_that_looks_like_an_output_is_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # click parses "-ostolen.txt" as the value of --exclude: no file is written
    monkeypatch.chdir(tmp_path)
    code, output = run("check", str(VALID), "--exclude", "-ostolen.txt")
    assert code == 0
    assert not Path("stolen.txt").exists()
    assert "tidak ada temuan" in output


def test_pair_formats_follows_the_parsed_order() -> None:
    from sakip_validate.cli import pair_formats

    order = ["paths", "output_formats", "outputs", "output_formats", "outputs", "output_formats"]
    formats = ("excel", "sarif", "console")
    outputs = (Path("k.xlsx"), Path("h.sarif"))
    assert pair_formats(order, formats, outputs, "console") == [
        ("excel", Path("k.xlsx")),
        ("sarif", Path("h.sarif")),
        ("console", None),
    ]
    assert pair_formats(["outputs"], (), (Path("o"),), "github") == [("github", Path("o"))]
    assert pair_formats([], (), (), "github") == [("github", None)]


def test_several_formats_in_one_run(tmp_path: Path) -> None:
    target = tmp_path / "hasil.json"
    code, output = run(
        "check",
        str(BROKEN / "wrong-type.toml"),
        "--format",
        "json",
        "-o",
        str(target),
        "--format",
        "console",
    )
    assert code == 1
    assert "SCHEMA001" in output  # console on stdout
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 1


def test_only_one_format_on_stdout_and_unknown_formats_refused() -> None:
    assert run("check", str(VALID), "--format", "json", "--format", "console")[0] == 2
    assert run("check", str(VALID), "--format", "nope")[0] == 2


def test_formats_command_lists_installed_outputs() -> None:
    code, output = run("formats")
    assert code == 0
    names = [line.split()[0] for line in output.splitlines()]
    assert {"console", "json"} <= set(names)


def test_parallel_jobs_give_the_same_result_in_the_same_order(tmp_path: Path) -> None:
    sources = [VALID, BROKEN / "wrong-type.toml", BROKEN / "nan.json", DATA / "valid.json"]
    for index in range(12):
        source = sources[index % len(sources)]
        (tmp_path / f"r{index:02d}{source.suffix}").write_bytes(source.read_bytes())
    serial = run("check", str(tmp_path), "--format", "json", "-j", "1")
    parallel = run("check", str(tmp_path), "--format", "json", "-j", "2")
    assert serial == parallel
    assert serial[0] == 1
