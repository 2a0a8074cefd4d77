"""The pre-commit hook (.pre-commit-hooks.yaml), installed and run by pre-commit itself.

pre-commit installs a hook from a git repository at a commit: the test commits a copy of
this checkout as it is now (tracked and new files, not the ignored ones) to a temporary
repository, points a project's ``.pre-commit-config.yaml`` at it, and runs
``pre-commit run --all-files`` there. pre-commit builds the hook's virtual environment by
pip-installing that repository, which takes a while: the test is marked slow.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .helpers import ROOT, tool_env

yaml = pytest.importorskip("yaml", reason="PyYAML comes with pre-commit (the test extra)")

HOOKS = ROOT / ".pre-commit-hooks.yaml"
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=tool_env(**GIT_IDENTITY), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def commit_checkout(target: Path) -> str:
    """This checkout's files as they are now, committed to a new repository; the commit id."""
    listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a file deleted but not yet committed is listed too
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", "-b", "main", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "checkout under test", cwd=target)
    return git("rev-parse", "HEAD", cwd=target).strip()


def hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    (found,) = [h for h in hooks if h["id"] == "sakip-validate"]
    return dict(found)


def test_hook_definition() -> None:
    found = hook()
    assert found["entry"] == "sakip-validate check"
    assert found["language"] == "python"
    assert found["pass_filenames"] is True
    files, exclude = re.compile(str(found["files"])), re.compile(str(found["exclude"]))

    def picked(name: str) -> bool:
        return bool(files.search(name)) and not exclude.search(name)

    assert picked("laporan/lkjip-2025.toml") and picked("data/lkjip.json")
    for other in (
        "pyproject.toml",
        "sakip.toml",
        "web/package.json",
        "schemas/lkjip.schema.json",
        ".sakip-baseline.json",
        "README.md",
    ):
        assert not picked(other), other


@pytest.mark.slow
def test_pre_commit_runs_the_hook_and_fails_on_the_broken_report(
    reports: Path, tmp_path: Path
) -> None:
    if shutil.which("pre-commit", path=tool_env()["PATH"]) is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    rev = commit_checkout(hook_repo)
    config = {"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": [{"id": "sakip-validate"}]}]}
    (reports / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    git("init", "-q", "-b", "main", cwd=reports)
    git("add", "-A", cwd=reports)

    env = tool_env(PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), **GIT_IDENTITY)
    done = subprocess.run(
        ["pre-commit", "run", "--all-files", "--color", "never"],
        cwd=reports,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-4000:]
    assert "sakip-validate" in output and "Failed" in output
    assert "laporan/rusak.toml:" in output  # the broken report, with its places
    assert "laporan/baik.toml:" not in output  # the clean one has no finding
    assert "2 berkas diperiksa" in output  # pyproject.toml was not handed to the hook

    # Fixed, the same hook passes.
    shutil.copy(ROOT / "tests" / "data" / "valid.toml", reports / "laporan" / "rusak.toml")
    git("add", "-A", cwd=reports)
    again = subprocess.run(
        ["pre-commit", "run", "--all-files", "--color", "never"],
        cwd=reports,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert again.returncode == 0, (again.stdout + again.stderr)[-4000:]
    assert "Passed" in again.stdout
