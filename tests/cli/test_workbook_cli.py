"""template, export, import and check on a workbook, end to end through the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sakip_validate.api import check_file
from sakip_validate.cli import main
from sakip_validate.reading import read_path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "jatinegara-2021.toml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_template_then_check_an_empty_one(tmp_path: Path) -> None:
    target = tmp_path / "lkjip.xlsx"
    code, _, err = run("template", "-o", str(target))
    assert code == 0 and target.exists(), err
    code, _, _ = run("template", "-o", str(target))
    assert code == 2  # exists, no --force
    code, out, _ = run("check", str(target), "--no-timestamp")
    assert code == 1
    assert f"{target}:Identitas!" in out  # the empty report's findings name their cells


def test_export_import_check_agree(tmp_path: Path) -> None:
    workbook = tmp_path / "laporan.xlsx"
    code, _, err = run("export", str(EXAMPLE), "-o", str(workbook))
    assert code == 0, err
    toml_file = tmp_path / "laporan.toml"
    code, _, err = run("import", str(workbook), "-o", str(toml_file))
    assert code == 0, err
    assert read_path(toml_file).data == read_path(EXAMPLE).data
    assert "  # Capaian!" in toml_file.read_text(encoding="utf-8")
    json_file = tmp_path / "laporan.json"
    assert run("import", str(workbook), "-o", str(json_file))[0] == 0
    assert read_path(json_file).data == read_path(EXAMPLE).data

    report = tmp_path / "hasil.json"
    sarif = tmp_path / "hasil.sarif"
    code, out, _ = run(
        "check",
        str(workbook),
        "--no-timestamp",
        "--format",
        "console",
        "--format",
        "json",
        "-o",
        str(report),
        "--format",
        "sarif",
        "-o",
        str(sarif),
    )
    engine = check_file(workbook).findings
    assert code == 1
    document = json.loads(report.read_text(encoding="utf-8"))
    assert [(f["rule"], f["pointer"], f["cell"]) for f in document["findings"]] == [
        (f.rule, f.location.pointer, f.location.cell) for f in engine
    ]
    for finding in engine:
        assert finding.location.display() in out
    results = json.loads(sarif.read_text(encoding="utf-8"))["runs"][0]["results"]
    names = {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results}
    assert names == {f.location.cell for f in engine}


def test_review_workbook_names_the_cell(tmp_path: Path) -> None:
    import openpyxl

    workbook = tmp_path / "laporan.xlsx"
    assert run("export", str(EXAMPLE), "-o", str(workbook))[0] == 0
    review = tmp_path / "reviu.xlsx"
    run("check", str(workbook), "--no-timestamp", "--format", "excel", "-o", str(review))
    book = openpyxl.load_workbook(review)
    texts = {str(c.value) for ws in book for row in ws.iter_rows() for c in row if c.value}
    assert {f.location.cell for f in check_file(workbook).findings} <= texts


def test_unreadable_workbook_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"not a zip at all")
    code, out, err = run("check", str(bad), "--no-timestamp")
    assert code == 2
    assert "Traceback" not in out + err
    assert "rusak.xlsx" in out and "LOAD001" in out
    code, _, err = run("import", str(bad), "-o", str(tmp_path / "x.toml"))
    assert code == 2 and "bukan buku kerja" in err and "Traceback" not in err


def test_import_of_an_ambiguous_cell_exits_1(tmp_path: Path) -> None:
    from tests.workbook.test_reader import write_cells

    path = write_cells(tmp_path / "a.xlsx", "Capaian", {"Id Indikator": "IKM", "Target": "1.500"})
    code, _, err = run("import", str(path), "-o", str(tmp_path / "a.toml"))
    assert code == 1
    assert "LOAD009" in err and "a.xlsx:Capaian!" in err
