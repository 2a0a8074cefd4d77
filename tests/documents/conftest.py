"""Shared fixtures: the reference report as text, as a Word document, and as a PDF."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from .make_docx import make_docx, reference_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def reference_txt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        text = reference_text()
    except FileNotFoundError:
        pytest.skip("the reference report's text is not available here")
    target = tmp_path_factory.mktemp("reference") / "lkjip-jatinegara-2021.txt"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def reference_docx(reference_txt: Path) -> Path:
    return make_docx(reference_txt.with_suffix(".docx"), reference_txt.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_pdf(reference_docx: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: no PDF of the reference report")
    folder = reference_docx.parent
    profile = folder / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(reference_docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    target = reference_docx.with_suffix(".pdf")
    if not target.exists():
        pytest.skip("LibreOffice did not write the PDF")
    return target
