"""One verdict for every figure: the findings and every output that marks figures agree.

End to end: a small valid report whose capaian sits exactly on a rounding tie
(target 200, realisasi 199,87: capaian 99,935, printed 99,93) runs through the
engine (:func:`sakip_validate.api.run`). Half-up rounding gives 99,94, so the
printed figure was truncated; an output with its own idea of "agrees" (half a
unit of tolerance) would call it fine. Each output that marks figures gets one
test here beside the others, all reading the same run.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.api import RunOptions, run
from sakip_validate.cli import main
from sakip_validate.domain.numbers import Agreement, capaian, compare_printed
from sakip_validate.findings import Finding
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.result import RunResult
from tests.outputs.test_excel import HEADER, read_workbook

DATA = Path(__file__).resolve().parent.parent / "data"
POINTER = "/tabel/capaian/baris/0/capaian"  # the printed capaian of the first row
TARGET, REALISASI, PRINTED = "200.00", "199.87", "99.93"


@pytest.fixture(scope="module")
def report_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/data/valid.toml with the indicator's figures on the rounding tie."""
    text = (DATA / "valid.toml").read_text(encoding="utf-8")
    replacements = [
        (  # Tabel 2.1: the yearly targets, rising from the year's
            "target = { 2025 = 80.00, 2026 = 81.00, 2027 = 82.00, 2028 = 83.00, 2029 = 84.00 }",
            f"target = {{ 2025 = {TARGET}, 2026 = 201.00, 2027 = 202.00, 2028 = 203.00, "
            "2029 = 204.00 }",
        ),
        ("target = 80.00\n\n", f"target = {TARGET}\n\n"),  # Perjanjian Kinerja
        (
            "target = 80.00\nrealisasi = 79.00\ncapaian = 98.75",
            f"target = {TARGET}\nrealisasi = {REALISASI}\ncapaian = {PRINTED}",
        ),
    ]
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path_factory.mktemp("satu-putusan") / "laporan.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def result(report_path: Path) -> RunResult:
    return run([str(report_path)], RunOptions(keep_data=True))


@pytest.fixture(scope="module")
def finding(result: RunResult) -> Finding:
    """The one finding of the run, on the printed capaian: it was truncated."""
    report = result.files[0]
    assert report.checked
    on_cell = [f for f in report.findings if f.location.pointer == POINTER]
    assert len(on_cell) == 1, report.findings
    return on_cell[0]


def test_the_premise_is_a_truncation() -> None:
    exact = capaian(Decimal(TARGET), Decimal(REALISASI), "positif")
    assert exact == Decimal("99.935")
    assert compare_printed(Decimal(PRINTED), exact) is Agreement.TRUNCATED


def test_the_run_finds_the_truncation(result: RunResult, finding: Finding) -> None:
    assert finding.printed == PRINTED
    assert finding.expected == "99.94"
    assert finding.title is not None and "truncated" in finding.title.en
    # Nothing else is wrong with the report: the one finding is the point of this test.
    assert result.findings == [finding]


def _excel(result: RunResult) -> bytes:
    stream = io.BytesIO()
    load_output("excel").render(result, RenderOptions(lang="id"), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def _assert_workbook_agrees(book: bytes, finding: Finding) -> None:
    sheets = read_workbook(book)
    capaian = next(name for name in sheets if name.endswith("Capaian"))
    sheet = sheets[capaian]
    printed = sheet.column_of(HEADER, "Capaian tertulis")
    match = sheet.column_of(HEADER, "Sesuai")
    rules = sheet.column_of(HEADER, "Temuan")
    row = sheet.row(HEADER + 1)
    assert row[printed].value == float(PRINTED)
    assert row[printed].red
    assert row[match].value == "TIDAK" and row[match].red
    assert row[rules].value == f"{finding.rule} #1"  # its number on the findings sheet
    # No other row of any table sheet is marked: the workbook says what the run says.
    verdicts = [
        (name, cell.value)
        for name, sheet in sheets.items()
        if name not in ("Ringkasan", "Temuan")
        for cell in sheet.cells.values()
        if cell.value in ("ya", "TIDAK")
    ]
    assert verdicts.count((capaian, "TIDAK")) == 1
    assert [v for v in verdicts if v[1] == "TIDAK"] == [(capaian, "TIDAK")]
    # The findings sheet lists the same finding (its pointer in a technical column).
    findings = sheets["Temuan"]
    row = findings.row(HEADER + 1)
    assert row[findings.column_of(HEADER, "Aturan")].value == finding.rule
    assert row[findings.column_of(HEADER, "Pointer")].value == POINTER


def test_excel_marks_the_row_the_finding_names(result: RunResult, finding: Finding) -> None:
    _assert_workbook_agrees(_excel(result), finding)


def test_excel_from_the_command_line(report_path: Path, tmp_path: Path, finding: Finding) -> None:
    target = tmp_path / "kkr.xlsx"
    outcome = CliRunner().invoke(
        main, ["check", str(report_path), "--format", "excel", "-o", str(target)]
    )
    assert outcome.exit_code == 0, outcome.output  # a warning does not fail the run
    _assert_workbook_agrees(target.read_bytes(), finding)


def _html(result: RunResult) -> str:
    stream = io.StringIO()
    load_output("html").render(result, RenderOptions(lang="id"), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def test_html_marks_the_figure_the_finding_names(result: RunResult, finding: Finding) -> None:
    page = _html(result)
    # the capaian chart: the indicator's bar is flagged, shown as printed
    assert "99,93% · Sangat Tinggi ⚠</text>" in page
    assert page.count(" ⚠</text>") == 1  # one flagged bar, no other
    # the findings table lists the one finding, with its printed and expected figure
    assert page.count('class="finding ') == 1
    assert f">{finding.rule}<" in page
    assert "99,94" in page
