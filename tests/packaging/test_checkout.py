"""A plain checkout, never installed, works like a wheel: every format, kind and pack is found."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

from sakip_validate.engine.kinds import BUILT_IN as BUILT_IN_KINDS
from sakip_validate.outputs import BUILT_IN as BUILT_IN_FORMATS

ROOT = Path(__file__).resolve().parent.parent.parent
pytestmark = pytest.mark.slow


def _run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(a copy of the repository, a Python with the dependencies but not sakip-validate)."""
    work = tmp_path_factory.mktemp("checkout")
    copy = work / "repo"
    ignore = shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache"
    )
    shutil.copytree(ROOT, copy, ignore=ignore)
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=work
        ).stdout.strip()
    )
    # The dependencies without the network: this environment's site-packages. Its .pth
    # files (among them the editable install of the tested tree) are not run from there.
    (site / "_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return copy, python


def test_formats_lists_every_built_in_format_from_a_checkout(checkout: tuple[Path, Path]) -> None:
    copy, python = checkout
    listed = _run(python, "-m", "sakip_validate", "formats", cwd=copy)
    assert listed.returncode == 0, listed.stderr
    names = [line.split()[0] for line in listed.stdout.splitlines()]
    assert names == sorted(BUILT_IN_FORMATS)
    assert "tidak dapat dimuat" not in listed.stdout


def test_plugins_and_kinds_load_from_the_checkout_itself(checkout: tuple[Path, Path]) -> None:
    copy, python = checkout
    probe = _run(
        python,
        "-c",
        "import sys\n"
        "from sakip_validate.outputs import BUILT_IN, load_output\n"
        "from sakip_validate.engine.kinds import BUILT_IN as KINDS, load_kind\n"
        "for name in BUILT_IN: load_output(name)\n"
        "for name in KINDS: load_kind(name)\n"
        "print(sys.modules['sakip_validate.plugins'].__path__[0])\n",
        cwd=copy,
    )
    assert probe.returncode == 0, probe.stderr
    assert Path(probe.stdout.strip()) == copy / "plugins"
    assert len(BUILT_IN_KINDS) > 20


def test_every_format_renders_the_example_from_a_checkout(
    checkout: tuple[Path, Path], tmp_path: Path
) -> None:
    copy, python = checkout
    args: list[str | Path] = [
        python,
        "-m",
        "sakip_validate",
        "check",
        "examples/jatinegara-2021.toml",
    ]
    for name in sorted(BUILT_IN_FORMATS):
        args += ["--format", name, "-o", tmp_path / f"out.{name}"]
    done = _run(*args, cwd=copy)
    assert done.returncode == 1, done.stderr  # the example's errors
    for name in BUILT_IN_FORMATS:
        assert (tmp_path / f"out.{name}").stat().st_size > 0, name
