"""Shared pieces of the integration tests: reports to check and a CI-like environment."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
VALID = ROOT / "tests" / "data" / "valid.toml"
# A report with errors (capaian and budget figures that do not add up).
BROKEN = ROOT / "tests" / "data" / "policy" / "laporan-baseline.toml"


def make_reports(folder: Path) -> Path:
    """``folder`` holding ``laporan/baik.toml`` (clean), ``laporan/rusak.toml`` (errors) and a
    ``pyproject.toml`` that is not a report."""
    reports = folder / "laporan"
    reports.mkdir(parents=True)
    shutil.copy(VALID, reports / "baik.toml")
    shutil.copy(BROKEN, reports / "rusak.toml")
    (folder / "pyproject.toml").write_text('[project]\nname = "data-laporan"\n', "utf-8")
    return folder


def tool_env(bin_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a command run as CI would: ``bin_dir`` (default: this
    interpreter's scripts) first on PATH, no colour, nothing of GitHub Actions unless given."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "PYTHON", "VIRTUAL_ENV", "PRE_COMMIT"))
    }
    scripts = str(bin_dir or Path(sys.executable).parent)
    env["PATH"] = scripts + os.pathsep + env.get("PATH", "")
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env
