"""``init`` writes the schema beside the starter for editors; folder checks pass it by."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from sakip_validate.cli import main
from sakip_validate.discovery import discover
from sakip_validate.resources import SCHEMA_FILE, data_dir


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.stdout, result.stderr


def test_init_points_the_starter_at_the_shipped_schema_beside_it(tmp_path: Path) -> None:
    folder = tmp_path / "laporan"
    folder.mkdir()
    assert _invoke("init", str(folder / "dinas.toml"))[0] == 0
    text = (folder / "dinas.toml").read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == f"#:schema ./{SCHEMA_FILE}"  # relative: the folder can move or be shared
    reference = first.removeprefix("#:schema ").strip()
    written = (folder / reference).resolve()
    assert written == (folder / SCHEMA_FILE).resolve()
    shipped = (data_dir("schemas") / SCHEMA_FILE).read_bytes()
    assert written.read_bytes() == shipped
    tomllib.loads(text)  # the schema line is a comment
    assert json.loads(written.read_text(encoding="utf-8"))["$id"].endswith(SCHEMA_FILE)


def test_init_to_stdout_has_no_schema_line_pointing_nowhere() -> None:
    code, output, _ = _invoke("init", "-")
    assert code == 0
    assert not output.startswith("#:schema")


def test_init_keeps_a_different_schema_file_unless_forced(tmp_path: Path) -> None:
    schema = tmp_path / SCHEMA_FILE
    schema.write_text('{"old": true}\n', encoding="utf-8")
    code, _, errors = _invoke("init", str(tmp_path / "a.toml"))
    assert code == 0
    assert schema.read_text(encoding="utf-8") == '{"old": true}\n'
    assert "sakip-validate schema -o" in errors  # says how to refresh it
    assert _invoke("init", str(tmp_path / "a.toml"), "--force")[0] == 0
    assert schema.read_bytes() == (data_dir("schemas") / SCHEMA_FILE).read_bytes()


def test_init_refuses_the_schema_files_name_for_a_report(tmp_path: Path) -> None:
    assert _invoke("init", str(tmp_path / SCHEMA_FILE))[0] == 2
    assert not (tmp_path / SCHEMA_FILE).exists()


def test_a_folder_check_passes_the_schema_file_by(tmp_path: Path) -> None:
    assert _invoke("init", str(tmp_path / "lkjip.toml"))[0] == 0
    assert (tmp_path / SCHEMA_FILE).is_file()
    found = [target.path.name for target in discover([str(tmp_path)])]
    assert found == ["lkjip.toml"]
    code, output, _ = _invoke("check", str(tmp_path), "--format", "json")
    assert code == 0, output
    document = json.loads(output)
    assert [entry["file"] for entry in document["files"]] == [str(tmp_path / "lkjip.toml")]
    assert document["skipped"] == []  # not even listed as "not a report"
    # named explicitly, it is read like any file (and is no report)
    code, output, _ = _invoke("check", str(tmp_path / SCHEMA_FILE), "--format", "json")
    assert code == 1
    assert json.loads(output)["findings"]
