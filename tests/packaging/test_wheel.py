"""Build the wheel, install it into a fresh virtual environment, run it from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
DEMO_KIND = ROOT / "tests" / "data" / "demo_kind_package"
DEMO_OUTPUT = ROOT / "tests" / "data" / "demo_output_package"


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the built wheel; dependencies come from this environment."""
    work = tmp_path_factory.mktemp("wheel")
    built = _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "-q",
        "-w",
        work / "dist",
        ROOT,
        cwd=work,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (work / "dist").glob("sakip_validate-*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    installed = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "-q",
        wheel,
        cwd=work,
    )
    assert installed.returncode == 0, installed.stderr
    # Dependencies without the network: append this environment's site-packages.
    # Its .pth files (among them this checkout's editable finder) are not run from there.
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work
        ).stdout.strip()
    )
    (site / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env_dir


def test_wheel_carries_schemas_and_plugins(installed: Path, tmp_path: Path) -> None:
    python = installed / "bin" / "python"
    probe = _run(
        python,
        "-c",
        "import sakip_validate, sakip_validate.plugins.console as c;"
        "from sakip_validate.resources import data_dir;"
        "print(sakip_validate.__file__); print(c.__file__); print(data_dir('schemas'))",
        cwd=tmp_path,
    )
    assert probe.returncode == 0, probe.stderr
    for line in probe.stdout.splitlines():
        assert Path(line).is_relative_to(installed), line


def test_cli_runs_from_another_directory(installed: Path, tmp_path: Path) -> None:
    script = installed / "bin" / "sakip-validate"
    checked = _run(script, "check", EXAMPLE, "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stdout + checked.stderr  # the report's errors
    document = json.loads(checked.stdout)
    assert document["summary"]["files"] == 1
    assert {f["rule"] for f in document["findings"]} >= {"TGT001"}  # rule packs are shipped

    schema = _run(script, "schema", cwd=tmp_path)
    assert json.loads(schema.stdout)["$id"].endswith("/1.0/lkjip.schema.json")

    module = _run(installed / "bin" / "python", "-m", "sakip_validate", "--version", cwd=tmp_path)
    assert module.returncode == 0 and "sakip-validate" in module.stdout

    starter = _run(script, "init", "lkjip.toml", cwd=tmp_path)
    assert starter.returncode == 0, starter.stderr
    # the wheel's own schema goes beside the starter, for the editor; a folder check skips it
    assert (tmp_path / "lkjip.schema.json").read_text(encoding="utf-8") == schema.stdout
    assert _run(script, "check", "lkjip.toml", cwd=tmp_path).returncode == 0
    assert _run(script, "check", ".", cwd=tmp_path).returncode == 0


def _pip_install(installed: Path, package: Path, cwd: Path) -> Path:
    """Install a local package into the fresh venv; return its sakip-validate script."""
    python = installed / "bin" / "python"
    added = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "-q",
        package,
        cwd=cwd,
    )
    assert added.returncode == 0, added.stderr
    return installed / "bin" / "sakip-validate"


def test_third_party_check_kind_works_through_its_entry_point(
    installed: Path, tmp_path: Path
) -> None:
    """A separately installed package adds a kind; a user pack uses it."""
    script = _pip_install(installed, DEMO_KIND, tmp_path)
    pack = DEMO_KIND / "demo-pack.toml"
    checked = _run(script, "check", EXAMPLE, "--rules", pack, "--format", "json", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    demo = [f for f in json.loads(checked.stdout)["findings"] if f["rule"] == "DEMO001"]
    assert demo and all(f["pointer"].startswith("/indikator/") for f in demo)
    listed = _run(script, "rules", "--rules", pack, cwd=tmp_path)
    assert "DEMO001" in listed.stdout


def test_third_party_output_plugin_works_through_its_entry_point(
    installed: Path, tmp_path: Path
) -> None:
    """A separately installed package adds a format; no change to sakip-validate."""
    script = _pip_install(installed, DEMO_OUTPUT, tmp_path)
    assert "demo_tsv" in _run(script, "formats", cwd=tmp_path).stdout
    checked = _run(script, "check", EXAMPLE, "--format", "demo_tsv", cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    lines = checked.stdout.splitlines()
    as_json = _run(script, "check", EXAMPLE, "--format", "json", cwd=tmp_path)
    findings = json.loads(as_json.stdout)["findings"]
    assert len(lines) == len(findings) > 0
    assert [line.split("\t")[0] for line in lines] == [f["rule"] for f in findings]
    assert all(len(line.split("\t")) == 6 for line in lines)
