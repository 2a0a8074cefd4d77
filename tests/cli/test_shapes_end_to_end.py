"""End to end: budget tables with heading rows, revenue and excerpts render in every format.

The command line runs the engine on the budget shapes of ``tests/data/shapes`` (not on
frozen results) and writes every output format; the Excel budget sheet's live formulas
must sum through heading rows as the checks do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.api import RunOptions, run
from sakip_validate.cli import main
from sakip_validate.outputs import BUILT_IN
from tests.outputs.test_excel import (
    HEADER,
    SOFFICE,
    all_formulas,
    assert_same_results,
    libreoffice_convert,
    read_workbook,
    render,
    strip_results,
)

ROOT = Path(__file__).resolve().parent.parent.parent
SHAPES = sorted((ROOT / "tests" / "data" / "shapes").glob("anggaran-*.toml"))
HEADINGS = ROOT / "tests" / "data" / "shapes" / "anggaran-baris-judul.toml"
MIXED = ROOT / "tests" / "data" / "shapes" / "anggaran-pendapatan-dan-belanja.toml"


@pytest.mark.parametrize("path", SHAPES, ids=lambda path: path.stem)
def test_every_format_renders_a_budget_shape(path: Path, tmp_path: Path) -> None:
    args = ["check", str(path)]
    for name in BUILT_IN:
        if name != "console":
            args += ["--format", name, "-o", str(tmp_path / f"hasil.{name}")]
    args += ["--format", "console"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    findings = run([str(path)]).findings
    for name in BUILT_IN:
        if name != "console":
            assert (tmp_path / f"hasil.{name}").stat().st_size > 0, name
    document = json.loads((tmp_path / "hasil.json").read_text(encoding="utf-8"))
    assert document["summary"]["findings"] == len(findings)
    html = (tmp_path / "hasil.html").read_text(encoding="utf-8")
    for finding in findings:
        assert finding.rule in html
        assert finding.rule in result.output


def _budget_sheet(path: Path) -> tuple[dict[str, str | None], dict[str, object]]:
    """Kode -> Σ anggaran formula, and kode -> its stored result, of the budget sheet."""
    result = run([str(path)], RunOptions(keep_data=True))
    sheets = read_workbook(render(result))
    # the spending table's sheet: "3.8 Anggaran" when the table is numbered
    sheet = next(v for k, v in sheets.items() if k.endswith("Anggaran"))
    column = sheet.column_of(HEADER, "Σ anggaran")
    formulas: dict[str, str | None] = {}
    values: dict[str, object] = {}
    number = HEADER + 1
    while (label := sheet.value(f"A{number}")) is not None or sheet.value(f"C{number}"):
        kode = str(label) if label else str(sheet.value(f"C{number}"))
        cell = sheet.row(number).get(column)
        formulas[kode] = cell.formula if cell else None
        values[kode] = cell.value if cell else None
        number += 1
    return formulas, values


def test_the_budget_sheet_sums_through_heading_rows() -> None:
    formulas, values = _budget_sheet(HEADINGS)
    # Rows 11..20: 1, 1.1, 1.1.1, 1.1.2, 1.2, 1.2.1, 1.2.2, 2, 2.1, 2.1.1; JUMLAH on 21.
    # A heading row's Σ reads the Σ column (E) of heading sub-rows, the printed one (D) else.
    assert formulas["1"] == "SUM(E12,E15)"
    assert formulas["1.1"] == "SUM(D13:D14)"
    assert formulas["2"] == "SUM(E19)"
    assert formulas["JUMLAH"] == "SUM(E11,E18)"
    assert values["1"] == 100_000_000 and values["1.1"] == 80_000_000
    assert values["JUMLAH"] == 110_000_000


def test_the_budget_sheet_keeps_revenue_out_of_the_spending_total() -> None:
    formulas, values = _budget_sheet(MIXED)
    # Rows 11..17: 4, 4.1, 4.2, 1, 1.1, 1.2, 2; JUMLAH (spending) on 18.
    assert formulas["4"] == "SUM(D12:D13)"
    assert formulas["JUMLAH"] == "SUM(D14,D17)"
    assert values["JUMLAH"] == 110_000_000


def test_libreoffice_recomputes_the_heading_row_formulas(tmp_path: Path) -> None:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    source = tmp_path / "in"
    source.mkdir()
    books = {}
    for path in (HEADINGS, MIXED):
        data = render(run([str(path)], RunOptions(keep_data=True)))
        books[path.stem] = data
        (source / f"{path.stem}.xlsx").write_bytes(strip_results(data))
    outdir = tmp_path / "out"
    done = libreoffice_convert(sorted(source.iterdir()), outdir, tmp_path / "profile")
    assert done.returncode == 0, done.stderr
    for stem, data in books.items():
        ours = read_workbook(data)
        assert all_formulas(ours)
        assert_same_results(ours, read_workbook((outdir / f"{stem}.xlsx").read_bytes()))


def test_absorption_charts_leave_revenue_out() -> None:
    import io
    import re

    from sakip_validate.outputs import RenderOptions, load_output

    result = run([str(MIXED)], RunOptions(keep_data=True))
    stream = io.StringIO()
    load_output("html").render(result, RenderOptions(lang="id"), stream)
    (chart,) = [
        figure
        for figure in re.findall(r"<figure>.*?</figure>", stream.getvalue(), flags=re.S)
        if "chart-serapan" in figure
    ]
    assert "PROGRAM PENUNJANG" in chart and "PENDAPATAN DAERAH" not in chart
    summary = read_workbook(render(result))["Ringkasan"]
    texts = [c.value for c in summary.cells.values() if isinstance(c.value, str)]
    assert any("PROGRAM PENUNJANG" in text for text in texts)
    assert not any("PENDAPATAN DAERAH" in text for text in texts)


def test_the_html_tree_shows_a_heading_rows_sums_as_sums() -> None:
    import io

    from sakip_validate.outputs import RenderOptions, load_output

    result = run([str(HEADINGS)], RunOptions(keep_data=True))
    for lang, title, amount in (
        ("id", "jumlah rinciannya", "80.000.000"),
        ("en", "the sum of its sub-rows", "80,000,000"),
    ):
        stream = io.StringIO()
        load_output("html").render(result, RenderOptions(lang=lang), stream)
        assert f'<i title="{title}">{amount}</i>' in stream.getvalue()
