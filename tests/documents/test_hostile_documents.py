"""Broken and hostile documents: a clear message naming the file, exit 2, no traceback."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.cli import main
from sakip_validate.documents import import_path
from sakip_validate.loading import DEFAULT_LIMITS, LoadFailed

from .pdfs import blank_pages, encrypted


def _write(tmp_path: Path, name: str, raw: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def _corrupt_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


CASES = [
    ("renamed.docx", b"LAPORAN KINERJA\njust text renamed\n", "IMPORT009", "bukan dokumen Word"),
    ("broken.docx", _corrupt_docx(), "IMPORT009", "rusak"),
    ("truncated.docx", _corrupt_docx()[:40], "IMPORT009", "Word"),
    ("renamed.pdf", b"not a pdf at all", "IMPORT009", "bukan berkas PDF"),
    ("locked.pdf", encrypted(), "IMPORT009", "kata sandi"),
    ("scanned.pdf", blank_pages(3), "IMPORT010", "perlu OCR"),
    ("huge.pdf", blank_pages(500), "IMPORT009", f"lebih dari {DEFAULT_LIMITS.pages} halaman"),
    ("latin1.txt", "Tabel 3.2 capaian 99,93%\n".encode("utf-16"), "IMPORT009", ""),
]


@pytest.mark.parametrize(("name", "raw", "rule", "words"), CASES, ids=[c[0] for c in CASES])
def test_import_refuses_with_a_clear_finding(
    tmp_path: Path, name: str, raw: bytes, rule: str, words: str
) -> None:
    path = _write(tmp_path, name, raw)
    with pytest.raises(LoadFailed) as failed:
        import_path(path)
    finding = failed.value.finding
    assert finding.rule == rule
    assert words in finding.message.id
    assert finding.location.file == str(path)


@pytest.mark.parametrize(("name", "raw", "rule", "words"), CASES, ids=[c[0] for c in CASES])
def test_cli_import_and_check_exit_2_without_traceback(
    tmp_path: Path, name: str, raw: bytes, rule: str, words: str
) -> None:
    path = _write(tmp_path, name, raw)
    runner = CliRunner()
    result = runner.invoke(main, ["import", str(path), "-o", str(tmp_path / "out.toml")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert str(path) in result.output
    assert not (tmp_path / "out.toml").exists()
    checked = runner.invoke(main, ["check", str(path)])
    assert checked.exit_code == 2, checked.output
    assert rule in checked.output and "Traceback" not in checked.output


def test_page_limit_is_a_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "ten.pdf", blank_pages(10))
    with pytest.raises(LoadFailed) as failed:
        import_path(path, limits=DEFAULT_LIMITS.replace("pages=5"))
    assert "lebih dari 5 halaman" in failed.value.finding.message.id
