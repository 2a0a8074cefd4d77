"""The import command writes a draft that loads, passes the schema, and marks what to confirm."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from click.testing import CliRunner

from sakip_validate.api import check_file
from sakip_validate.cli import main


def test_import_writes_a_toml_draft_with_notes(reference_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "draf.toml"
    result = CliRunner().invoke(main, ["import", str(reference_txt), "-o", str(out)])
    assert result.exit_code == 1, result.output  # written, with places to confirm
    text = out.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    assert data["tabel"]["capaian"]["nomor"] == "3.2"
    assert "# PERIKSA: IMPORT005" in text  # Tabel 3.6 rows tied by position
    assert "IMPORT005 Tabel 3.6, baris 1" in result.output  # the printed place, on stderr
    report = check_file(out)
    assert report.checked  # the draft passes the schema: the rules ran


def test_import_writes_json(reference_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "draf.json"
    result = CliRunner().invoke(main, ["import", str(reference_txt), "-o", str(out)])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tabel"]["realisasi_anggaran"]["jumlah"]["anggaran"] == 1834058000


def test_check_a_document_cites_the_printed_place(reference_docx: Path) -> None:
    report = check_file(reference_docx)
    assert report.checked
    imports = [f for f in report.findings if f.rule.startswith("IMPORT")]
    assert imports and all(f.place is not None and f.place.table for f in imports)
    rules = [f for f in report.findings if f.rule == "CAP001" or f.rule.startswith("NAR")]
    assert rules and all(f.place is not None and f.place.page for f in rules if f.place)


def test_import_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    path.write_text("versi_skema = '1.0'\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 2


def test_the_json_draft_holds_the_same_data_as_the_toml_draft(
    reference_txt: Path, tmp_path: Path
) -> None:
    from sakip_validate.reading import read_path

    drafts = {}
    for ending in ("toml", "json"):
        out = tmp_path / f"draf.{ending}"
        CliRunner().invoke(main, ["import", str(reference_txt), "-o", str(out)])
        drafts[ending] = read_path(out).data
    assert drafts["json"] == drafts["toml"]
    capaian = drafts["json"]["tabel"]["capaian"]["baris"]
    assert any(str(row.get("capaian")) == "90.00" for row in capaian)  # printed decimals kept
