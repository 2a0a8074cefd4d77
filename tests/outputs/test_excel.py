"""The ``excel`` output: the auditor's review workbook (Kertas Kerja Reviu).

The workbook is read back with the standard library (an .xlsx is zipped XML):
sheet structure, one row per finding, text that never becomes a formula, the
live formulas and their stored results, determinism, a golden dump of every
cell, and LibreOffice recalculating every formula to the tool's own figures.
"""

from __future__ import annotations

import dataclasses
import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

from sakip_validate.api import check_file, new_run
from sakip_validate.cli import main
from sakip_validate.domain.numbers import capaian, percent
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.result import RunResult

from .conftest import EXAMPLE
from .golden import assert_golden

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"m": MAIN}
HOSTILE_NAMES = (
    '=HYPERLINK("http://example.invalid","klik")',
    '+1 | <script>alert(1)</script> **tebal** `kode`\nbaris kedua & "kutip"',
    "@SUM(A1:A9) ]]> <!-- -->",
    "-2+3 |x| ::error::tidak",
)
# Everything a formula of the workbook may contain besides references and numbers.
FUNCTIONS = {"SUM", "IF", "AND", "OR", "NOT", "ABS", "ISNUMBER", "COUNT", "COUNTA", "MAX", "MIN"}
LITERALS = {"N/A", "ya", "TIDAK", "yes", "NO", ""}


def render(result: RunResult, lang: str = "id") -> bytes:
    stream = io.BytesIO()
    load_output("excel").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


# -- reading an .xlsx back ---------------------------------------------------------


@dataclasses.dataclass
class Cell:
    value: Any  # str, float, bool or None
    formula: str | None
    style: str | None


@dataclasses.dataclass
class Sheet:
    name: str
    xml: str
    cells: dict[str, Cell]

    def row(self, number: int) -> dict[str, Cell]:
        """The cells of 1-based row ``number`` by column letters."""
        found = {}
        for ref, cell in self.cells.items():
            letters, digits = _split(ref)
            if digits == number:
                found[letters] = cell
        return found

    def column_of(self, header_row: int, prefix: str) -> str:
        """The column whose header in ``header_row`` starts with ``prefix``."""
        for letters, cell in sorted(self.row(header_row).items(), key=lambda kv: _col(kv[0])):
            if isinstance(cell.value, str) and cell.value.startswith(prefix):
                return letters
        raise KeyError(prefix)


def _split(ref: str) -> tuple[str, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert match, ref
    return match.group(1), int(match.group(2))


def _col(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def read_workbook(data: bytes) -> dict[str, Sheet]:
    """Every sheet of an .xlsx by name: cell values (shared strings resolved), formulas."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    shared: list[str] = []
    if "xl/sharedStrings.xml" in names:
        root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
        for item in root.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in item.iter(f"{{{MAIN}}}t")))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {
        rel.get("Id"): rel.get("Target", "") for rel in rels.findall(f"{{{PKG_REL}}}Relationship")
    }
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheets: dict[str, Sheet] = {}
    for sheet in workbook.iter(f"{{{MAIN}}}sheet"):
        target = targets[sheet.get(f"{{{REL}}}id")].lstrip("/")
        path = target if target.startswith("xl/") else f"xl/{target}"
        xml = archive.read(path).decode("utf-8")
        cells: dict[str, Cell] = {}
        for c in ElementTree.fromstring(xml).iter(f"{{{MAIN}}}c"):
            kind = c.get("t")
            f = c.find("m:f", NS)
            v = c.find("m:v", NS)
            text = v.text if v is not None else None
            value: Any
            if kind == "s":
                value = shared[int(text or 0)]
            elif kind == "str":
                value = text or ""
            elif kind == "inlineStr":
                value = "".join(t.text or "" for t in c.iter(f"{{{MAIN}}}t"))
            elif kind == "b":
                value = text == "1"
            elif kind == "e":
                value = f"#ERROR {text}"
            elif text == "" or (v is not None and text is None):
                value = ""  # a formula whose result is the empty string
            else:
                value = float(text) if text is not None else None
            formula = f.text if f is not None else None
            cells[c.get("r", "")] = Cell(value, formula, c.get("s"))
        sheets[sheet.get("name", "")] = Sheet(sheet.get("name", ""), xml, cells)
    return sheets


def dump(data: bytes) -> str:
    """Every cell, formula, frozen pane, filter, conditional format and chart, as text."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    lines = []
    for name, sheet in read_workbook(data).items():
        lines.append(f"## {name}")
        for pane in re.findall(r"<pane [^>]*/>", sheet.xml):
            lines.append(f"pane {pane}")
        for ref in re.findall(r'<autoFilter ref="([^"]+)"', sheet.xml):
            lines.append(f"autofilter {ref}")
        for sqref, body in re.findall(
            r'<conditionalFormatting sqref="([^"]+)">(.*?)</conditionalFormatting>', sheet.xml
        ):
            for formula in re.findall(r"<formula>(.*?)</formula>", body):
                lines.append(f"conditional {sqref}: {formula}")
        for ref, cell in sorted(
            sheet.cells.items(), key=lambda kv: (_split(kv[0])[1], _col(_split(kv[0])[0]))
        ):
            shown = cell.value
            if isinstance(shown, float):
                shown = format(shown, ".15g")
            elif isinstance(shown, str):
                shown = repr(shown)
            if cell.formula is not None:
                lines.append(f"{ref} ={cell.formula} -> {shown}")
            elif shown is not None:
                lines.append(f"{ref} {shown}")
    for path in sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart")):
        xml = archive.read(path).decode("utf-8")
        kinds = re.findall(r"<c:(barChart|lineChart)>", xml)
        lines.append(f"## {path} {' + '.join(kinds)}")
        lines.extend(f"  {ref}" for ref in re.findall(r"<c:f>(.*?)</c:f>", xml))
    return "\n".join(lines) + "\n"


def all_formulas(sheets: dict[str, Sheet]) -> list[tuple[str, str, Cell]]:
    return [
        (name, ref, cell)
        for name, sheet in sheets.items()
        for ref, cell in sheet.cells.items()
        if cell.formula is not None
    ]


# Data that breaks the schema in many ways: the workbook still shows what is there.
BROKEN = """versi_skema = "1.0"
[laporan]
jenis = "LKjIP"
tahun_anggaran = "2021a"
[laporan.unit]
nama = ["list"]
[[indikator]]
id = "X"
polaritas = "negatif"
[[indikator]]
id = 5
[skala]
nama = "=bad"
rentang = [{ bawah = 50, atas = 100, kategori = "=K" }, { bawah = 0, atas = 49, kategori = "@Z" }]
[tabel.capaian]
nomor = "=3.2"
judul = ["x"]
tahun = true
baris = [
  { indikator = "X", target = "abc", realisasi = { a = 1 }, capaian = 5 },
  { indikator = "X", target = 0, realisasi = "N/A", capaian = "-" },
  { target = 10, realisasi = 5, capaian = 50 },
  "notatable",
]
[tabel.perbandingan_tahun]
baris = [{ indikator = "X", tahun = { "2020" = { target = 1 }, "x" = 3, "2021" = 5 } }]
[[tabel.realisasi_anggaran.baris]]
kode = "1"
tingkat = "program"
nama = "=A"
anggaran = 10
realisasi = 5
persen = 50
induk = "1.1"
[[tabel.realisasi_anggaran.baris]]
kode = "1.1"
tingkat = "kegiatan"
nama = 3
anggaran = "x"
realisasi = 5
persen = "N/A"
induk = "1"
[[tabel.realisasi_anggaran.baris]]
kode = "1.1"
tingkat = "kegiatan"
anggaran = 0
realisasi = 0
persen = 0
[[tabel.realisasi_anggaran.baris]]
kode = 2
[[tabel.realisasi_anggaran.baris]]
kode = "2.1.1"
anggaran = 0
persen = 5
[tabel.realisasi_anggaran]
jumlah = { anggaran = "x", persen = 1.5 }
[tabel.program_pk]
baris = "x"
[tabel.efisiensi]
baris = [{ indikator = "X", anggaran = 0, realisasi_anggaran = 5, capaian_anggaran = 1 }]
"""


# -- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def example_book(example_result: RunResult) -> bytes:
    return render(example_result)


@pytest.fixture(scope="module")
def example_sheets(example_book: bytes) -> dict[str, Sheet]:
    return read_workbook(example_book)


@pytest.fixture(scope="module")
def negative_result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    """The example with one indicator made negative (lower is better), next to the original."""
    text = EXAMPLE.read_text(encoding="utf-8")
    block = 'id = "DESA_TERTIB_ADM"\nnama = "Peningkatan persentase desa yang tertib administrasi"'
    block += '\nsatuan = "Persentase"\npolaritas = "positif"'
    assert block in text
    path = tmp_path_factory.mktemp("negatif") / "negatif.toml"
    path.write_text(text.replace(block, block.replace("positif", "negatif")), encoding="utf-8")
    result = new_run()
    for source, label in ((EXAMPLE, "examples/jatinegara-2021.toml"), (path, "negatif.toml")):
        result.files.append(check_file(source, label, rules=result.rules))
    return result


@pytest.fixture(scope="module")
def broken_result(tmp_path_factory: pytest.TempPathFactory) -> RunResult:
    path = tmp_path_factory.mktemp("rusak") / "rusak.toml"
    path.write_text(BROKEN, encoding="utf-8")
    result = new_run()
    result.files.append(check_file(path, "rusak.toml", rules=result.rules))
    return result


# -- structure ----------------------------------------------------------------------


def test_sheets_of_a_two_file_run(example_sheets: dict[str, Sheet]) -> None:
    tables = ["Anggaran", "Anggaran PK", "Capaian", "Perbandingan", "Renstra", "Penyebab"]
    tables += ["Efisiensi", "Target"]
    expected = ["Ringkasan", "Temuan"]
    expected += [f"{n} {table}" for n in (1, 2) for table in tables]
    assert list(example_sheets) == expected


def test_sheets_of_one_file_have_no_prefix() -> None:
    sheets = read_workbook(render(result_for(EXAMPLE), lang="en"))
    assert list(sheets)[:4] == ["Summary", "Findings", "Anggaran", "Anggaran PK"]
    assert "Target" in sheets


def test_sheet_names_are_valid(example_sheets: dict[str, Sheet]) -> None:
    names = list(example_sheets)
    assert len(set(names)) == len(names)
    for name in names:
        assert 0 < len(name) <= 31
        assert not set(name) & set("[]:*?/\\")


def test_findings_sheet_header_freeze_and_filter(example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["Temuan"]
    header = [cell.value for _, cell in sorted(sheet.row(1).items(), key=lambda kv: _col(kv[0]))]
    assert header == [
        "No",
        "Berkas",
        "Aturan",
        "Tingkat",
        "Paket",
        "Tabel",
        "Letak (baris:kolom)",
        "Pointer",
        "Tertulis",
        "Seharusnya",
        "Pesan",
        "Dasar hukum",
        "Cara memperbaiki",
        "Tanggapan auditi",
    ]
    assert re.search(r'<pane [^>]*ySplit="1"[^>]*state="frozen"', sheet.xml)
    assert '<autoFilter ref="A1:N39"/>' in sheet.xml
    assert re.search(r'<col min="11" max="11" width="60', sheet.xml)  # readable message column


def test_one_row_per_finding(example_result: RunResult, example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["Temuan"]
    findings = [
        finding
        for report in example_result.files
        for finding in sorted(report.findings, key=lambda f: f.sort_key())
    ]
    assert len(findings) == 38
    for number, finding in enumerate(findings, 2):
        row = sheet.row(number)
        assert row["A"].value == number - 1
        assert row["B"].value == finding.location.file
        assert row["C"].value == finding.rule
        assert row["D"].value == finding.severity.label
        assert row["K"].value == finding.message.id
        assert row["N"].value is None  # the auditee's response: empty, to be filled in
    assert not sheet.row(len(findings) + 2)
    # The English workbook carries the English messages.
    english = read_workbook(render(example_result, lang="en"))["Findings"]
    assert english.row(2)["K"].value == findings[0].message.en


def test_severity_colours(example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["Temuan"]
    styles: dict[str, set[str | None]] = {}
    for number in range(2, 40):
        cell = sheet.row(number)["D"]
        styles.setdefault(str(cell.value), set()).add(cell.style)
    assert set(styles) == {"error", "warning", "info"}
    assert all(len(found) == 1 for found in styles.values())  # one look per severity
    assert len({next(iter(found)) for found in styles.values()}) == 3  # three different looks


def test_summary_counts_and_manifest(
    example_result: RunResult, example_sheets: dict[str, Sheet]
) -> None:
    sheet = example_sheets["Ringkasan"]
    texts = [cell.value for cell in sheet.cells.values() if isinstance(cell.value, str)]
    assert "Kecamatan Jatinegara" in texts
    assert "examples/jatinegara-2021.toml" in texts
    for report in example_result.files:
        assert report.sha256 in texts
    manifest = example_result.manifest
    assert manifest is not None
    assert manifest.schema_id in texts
    assert f"sakip-validate {manifest.tool_version}" in texts
    for pack, _version in manifest.packs:
        assert pack in texts
    assert "anggaran 1.0, capaian 1.0" in " ".join(texts)
    # counts by severity: error 16, warning 20, info 2 (all in the first file)
    rows = {cell.value: ref for ref, cell in sheet.cells.items() if cell.value in ("error",)}
    assert rows
    counts = {}
    for ref, cell in sheet.cells.items():
        letters, number = _split(ref)
        if letters == "B" and cell.value in ("error", "warning", "info"):
            counts.setdefault(cell.value, sheet.row(number)["C"].value)
    assert counts == {"error": 16, "warning": 20, "info": 2}


def test_summary_charts(example_book: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(example_book))
    charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
    assert len(charts) == 4  # capaian and serapan, for each of the two files
    first = archive.read(charts[0]).decode()
    assert "<c:barChart>" in first and "<c:lineChart>" in first  # columns + band lines
    assert first.count("<c:ser>") == 5  # capaian and four kategori lower bounds
    assert "Ringkasan!$C$" in first
    serapan = archive.read(charts[1]).decode()
    assert '<c:barDir val="bar"/>' in serapan
    drawing = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert "drawing" in drawing


# -- text is text -------------------------------------------------------------------


def test_hostile_names_are_text_never_formulas(hostile_result: RunResult) -> None:
    data = render(hostile_result)
    archive = zipfile.ZipFile(io.BytesIO(data))
    shared = archive.read("xl/sharedStrings.xml").decode()
    sheets = read_workbook(data)
    values = {cell.value for sheet in sheets.values() for cell in sheet.cells.values()}
    for name in HOSTILE_NAMES:
        assert name in values, name
    assert '<t>=HYPERLINK("http://example.invalid","klik")</t>' in shared
    for sheet_name, ref, cell in all_formulas(sheets):
        formula = cell.formula or ""
        for marker in ("HYPERLINK", "A1:A9", "alert", "-2+3", "::error::", "example.invalid"):
            assert marker not in formula, (sheet_name, ref, formula)
    # The unit name shows on the summary and the indicator name on the tables.
    assert sheets["Ringkasan"].row(6)["C"].value == HOSTILE_NAMES[0]
    assert any(cell.value == HOSTILE_NAMES[1] for cell in sheets["Capaian"].cells.values())
    assert any(cell.value == HOSTILE_NAMES[2] for cell in sheets["Anggaran"].cells.values())


def test_formulas_use_only_references_and_fixed_words(
    example_sheets: dict[str, Sheet], hostile_result: RunResult
) -> None:
    books = [example_sheets, read_workbook(render(hostile_result, lang="en"))]
    for sheets in books:
        formulas = all_formulas(sheets)
        assert formulas
        for sheet_name, ref, cell in formulas:
            formula = cell.formula or ""
            literals = re.findall(r'"([^"]*)"', formula)
            assert set(literals) <= LITERALS, (sheet_name, ref, formula)
            bare = re.sub(r'"[^"]*"', '""', formula)
            assert set(re.findall(r"([A-Z]+)\(", bare)) <= FUNCTIONS, (sheet_name, ref, formula)
            assert re.fullmatch(r"[A-Z0-9$:,.()+\-*/<>=\"E ]*", bare), (sheet_name, ref, formula)


# -- formulas -----------------------------------------------------------------------


def test_budget_tree_formulas(example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["1 Anggaran"]
    header = 5
    assert sheet.row(header)["A"].value == "Kode"
    sum_col = sheet.column_of(header, "Σ anggaran")
    pct_col = sheet.column_of(header, "% = realisasi")
    program = sheet.row(header + 1)
    assert program["A"].value == "1"
    # Program 1's children are its six kegiatan (rows 7, 10, 13, 21, 25, 29), not the sub kegiatan.
    assert program[sum_col].formula == "SUM(D7,D10,D13,D21,D25,D29)"
    assert program[sum_col].value == 1_624_774_000
    assert program[pct_col].formula == 'IF(D6=0,"N/A",G6/D6*100)'
    assert program[pct_col].value == pytest.approx(float(percent(1_380_022_579, 1_624_774_000)))
    # kegiatan 1.1 sums its two sub kegiatan (adjacent rows as a range)
    assert sheet.row(header + 2)[sum_col].formula == "SUM(D8:D9)"
    # leaves have no sum
    assert sum_col not in sheet.row(header + 3)
    # the JUMLAH row sums the five programs
    total = next(
        n for n in range(6, 60) if sheet.row(n).get("C", Cell(None, None, None)).value == "JUMLAH"
    )
    assert sheet.row(total)[sum_col].formula.startswith("SUM(D6,")
    assert sheet.row(total)[sum_col].value == 1_834_058_000
    assert '<autoFilter ref="A5:N48"/>' in sheet.xml
    assert re.search(r'<pane [^>]*ySplit="5"[^>]*state="frozen"', sheet.xml)


def test_capaian_formulas_and_mismatch_marks(example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["1 Capaian"]
    header = 5
    recomputed = sheet.column_of(header, "Capaian hitung ulang")
    diff = chr(ord(recomputed) + 1)
    tolerance = sheet.column_of(header, "Toleransi")
    match = sheet.column_of(header, "Sesuai")
    ikm = sheet.row(header + 1)
    assert ikm["B"].value == "IKM"
    assert ikm[recomputed].formula == 'IF(F6=0,"N/A",G6/F6*100)'
    assert ikm[recomputed].value == pytest.approx(
        float(capaian(Decimal("80.95"), Decimal("80.90"), "positif"))
    )
    assert ikm[diff].value == pytest.approx(99.93 - 80.90 / 80.95 * 100)
    assert ikm[tolerance].value == 0.005  # half a unit of the printed 2 decimals
    assert ikm[match].value == "TIDAK"  # 99,93 is 99,9382 truncated, not rounded
    assert sheet.row(header + 2)[match].value == "ya"
    mandiri = sheet.row(header + 3)  # target 0,00: capaian N/A, as printed
    assert mandiri[recomputed].value == "N/A"
    assert mandiri[match].value == "ya"
    assert sheet.row(header + 4)[tolerance].value == 0.5  # "100" has no decimals
    # mismatches are marked by conditional formatting on the printed and difference cells
    assert 'sqref="H6:H9 J6:J9"' in sheet.xml
    assert "ABS($J6)&lt;=$K6+1E-9" in sheet.xml
    perbandingan = example_sheets["1 Perbandingan"]
    marks = [cell.value for cell in perbandingan.cells.values() if cell.value in ("ya", "TIDAK")]
    assert marks.count("TIDAK") == 3  # 2020 inverted, 2021 truncated, desa mandiri 0 for N/A


def test_negative_polarity_formula(negative_result: RunResult) -> None:
    sheets = read_workbook(render(negative_result))
    row = sheets["2 Capaian"].row(7)
    assert row["B"].value == "DESA_TERTIB_ADM"
    assert row["D"].value == "negatif"
    assert row["I"].formula == 'IF(F7=0,"N/A",(2*F7-G7)/F7*100)'
    assert row["I"].value == pytest.approx(110.0)  # (2·50 − 45) / 50 × 100
    assert row["I"].value == float(capaian(Decimal("50.00"), Decimal("45.00"), "negatif"))
    assert row["L"].value == "TIDAK"
    assert "(2 × target − realisasi) ÷ target × 100" in [c.value for c in row.values()]


def test_target_comparison(example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["1 Target"]
    rows = {}
    for ref, cell in sheet.cells.items():
        letters, number = _split(ref)
        if letters == "A" and cell.value == "IKM":
            year = sheet.row(number)["C"].value
            rows.setdefault(year, number)  # the first block: targets
    row = sheet.row(rows[2020])
    assert row["D"].value == 79.70  # Tabel 2.1
    assert row["H"].value == 78.89  # Tabel 3.3
    same = [cell for cell in row.values() if cell.value in ("ya", "TIDAK")]
    assert same[0].value == "TIDAK"
    assert sheet.row(rows[2021])["D"].value == 80.95
    assert [c.value for c in sheet.row(rows[2021]).values() if c.value in ("ya", "TIDAK")] == ["ya"]


def test_unreadable_and_schema_broken_files(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    broken.write_text(
        text.replace("anggaran = 11_581_000", 'anggaran = "sebelas juta"', 1), encoding="utf-8"
    )
    result = new_run()
    result.files.append(check_file(tmp_path / "tidak-ada.toml", "tidak-ada.toml"))
    result.files.append(check_file(broken, "rusak.toml", rules=result.rules))
    assert any(f.rule.startswith("SCHEMA") for f in result.files[1].findings)
    sheets = read_workbook(render(result))
    assert list(sheets)[:3] == ["Ringkasan", "Temuan", "2 Anggaran"]
    assert sheets["Ringkasan"].row(6)["C"].value == "(tidak terbaca)"
    rules = [cell.value for ref, cell in sheets["Temuan"].cells.items() if ref.startswith("C")]
    assert "LOAD001" in rules


def test_schema_broken_shapes_still_render(broken_result: RunResult) -> None:
    report = broken_result.files[0]
    assert isinstance(report.data, dict)
    assert report.findings and all(f.rule.startswith("SCHEMA") for f in report.findings)
    data = render(broken_result)
    assert data == render(broken_result)
    sheets = read_workbook(data)
    expected = ["Ringkasan", "Temuan", "Anggaran", "Capaian", "Perbandingan", "Efisiensi"]
    assert list(sheets) == [*expected, "Target"]
    # the cycle written through induk is cut; the budget % of a zero budget is N/A
    anggaran = sheets["Anggaran"]
    assert anggaran.row(6)["E"].formula == "SUM(D7:D8)"
    assert anggaran.row(8)["K"].value == "N/A"
    assert anggaran.row(6)["C"].value == "=A"  # a name, as text
    # a kategori name from the report names a chart series by reference, never literally
    chart = zipfile.ZipFile(io.BytesIO(data)).read("xl/charts/chart1.xml").decode()
    assert "<c:tx><c:strRef><c:f>Ringkasan!$D$" in chart
    assert "<c:v>batas =K (≥ 50%)</c:v>" in chart


# -- determinism and dates ------------------------------------------------------------


def test_byte_identical(example_result: RunResult, example_book: bytes) -> None:
    assert render(example_result) == example_book
    assert render(example_result, "en") == render(example_result, "en")
    archive = zipfile.ZipFile(io.BytesIO(example_book))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z' in core


def test_created_date_is_the_recorded_run_time(example_result: RunResult) -> None:
    assert example_result.manifest is not None
    stamped = dataclasses.replace(
        example_result,
        manifest=dataclasses.replace(
            example_result.manifest, generated_at="2026-03-04T05:06:07+00:00"
        ),
    )
    data = render(stamped)
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert "2026-03-04T05:06:07Z" in core
    assert data == render(stamped)


def test_cli_writes_the_workbook(tmp_path: Path) -> None:
    target = tmp_path / "kkr.xlsx"
    outcome = CliRunner().invoke(
        main, ["check", str(EXAMPLE), "--format", "excel", "-o", str(target)]
    )
    assert outcome.exit_code == 1, outcome.output
    sheets = read_workbook(target.read_bytes())
    assert "Anggaran" in sheets and "Temuan" in sheets


# -- golden -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden_dump(example_result: RunResult, lang: str) -> None:
    assert_golden(f"excel-example-{lang}.txt", dump(render(example_result, lang)))


# -- LibreOffice --------------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# Make LibreOffice recalculate every formula of an .xlsx on loading (it trusts the
# stored results by default) in a private profile (no clash with a running office).
RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def strip_results(data: bytes) -> bytes:
    """The workbook without the stored formula results: whatever comes back was recomputed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                xml = content.decode("utf-8")
                xml = re.sub(
                    r'<c ([^>]*?)(?: t="str")?><f>(.*?)</f><v>[^<]*</v></c>',
                    r"<c \1><f>\2</f></c>",
                    xml,
                )
                content = xml.encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def libreoffice_convert(
    inputs: list[Path], outdir: Path, profile: Path
) -> subprocess.CompletedProcess[str]:
    assert SOFFICE is not None
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(RECALC_PROFILE, encoding="utf-8")
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        str(outdir),
        *map(str, inputs),
    ]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HOME": str(profile)},
    )


def _close(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, float):
        return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)
    return actual == expected


def test_libreoffice_recomputes_every_formula(
    negative_result: RunResult, broken_result: RunResult, tmp_path: Path
) -> None:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    data = render(negative_result)
    broken = render(broken_result)
    source = tmp_path / "in"
    source.mkdir()
    (source / "kkr.xlsx").write_bytes(data)
    (source / "kkr-recalc.xlsx").write_bytes(strip_results(data))
    (source / "rusak-recalc.xlsx").write_bytes(strip_results(broken))
    names = ["kkr.xlsx", "kkr-recalc.xlsx", "rusak-recalc.xlsx"]
    outdir = tmp_path / "out"
    done = libreoffice_convert([source / name for name in names], outdir, tmp_path / "profile")
    assert done.returncode == 0, done.stderr
    opened = outdir / "kkr.xlsx"
    recalculated = outdir / "kkr-recalc.xlsx"
    assert opened.stat().st_size > 0 and recalculated.stat().st_size > 0, done.stdout
    # The workbook opens as written: every sheet comes back.
    ours = read_workbook(data)
    assert list(read_workbook(opened.read_bytes())) == list(ours)

    # Every formula cell: LibreOffice's result equals the result the tool stored.
    theirs = read_workbook(recalculated.read_bytes())
    assert len(all_formulas(ours)) > 400
    assert_same_results(ours, theirs)
    assert_same_results(read_workbook(broken), read_workbook((outdir / names[2]).read_bytes()))

    # And against the tool's own arithmetic, computed here from the data.
    for number, report in enumerate(negative_result.files, 1):
        _check_budget(theirs[f"{number} Anggaran"], report.data)
        _check_capaian(theirs[f"{number} Capaian"], report.data)


def assert_same_results(ours: dict[str, Sheet], theirs: dict[str, Sheet]) -> None:
    """Every formula cell of ``ours`` has the same result in ``theirs``."""
    wrong = [
        (name, ref, cell.formula, cell.value, theirs[name].cells[ref].value)
        for name, ref, cell in all_formulas(ours)
        if not _close(theirs[name].cells[ref].value, cell.value)
    ]
    assert not wrong, wrong[:10]


def _check_budget(sheet: Sheet, data: dict[str, Any]) -> None:
    rows = {row["kode"]: row for row in data["tabel"]["realisasi_anggaran"]["baris"]}
    header = 5
    sums = {f: sheet.column_of(header, f"Σ {f}") for f in ("anggaran", "realisasi")}
    pct = sheet.column_of(header, "% = realisasi")
    checked = 0
    for number in range(header + 1, header + 1 + len(rows) + 1):
        cells = sheet.row(number)
        kode = cells["A"].value if "A" in cells else None
        if kode:
            children = [r for k, r in rows.items() if k.rpartition(".")[0] == kode]
            own = rows[kode]
        else:  # JUMLAH
            children = [r for k, r in rows.items() if "." not in k]
            own = data["tabel"]["realisasi_anggaran"]["jumlah"]
        for f, col in sums.items():
            if children:
                assert cells[col].value == sum(child[f] for child in children), (kode, f)
                checked += 1
        exact = percent(own["realisasi"], own["anggaran"])
        assert exact is not None
        assert math.isclose(cells[pct].value, float(exact), rel_tol=1e-12), kode
        checked += 1
    assert checked == 2 * 16 + 44  # sums on 15 parents and JUMLAH, % on every row


def _check_capaian(sheet: Sheet, data: dict[str, Any]) -> None:
    polarity = {item["id"]: item["polaritas"] for item in data["indikator"]}
    header = 5
    col = sheet.column_of(header, "Capaian hitung ulang")
    rows = data["tabel"]["capaian"]["baris"]
    for number, row in enumerate(rows, header + 1):
        cell = sheet.row(number)[col]
        assert sheet.row(number)["B"].value == row["indikator"]
        if row["target"] == 0:
            assert cell.value == "N/A"
            continue
        exact = capaian(row["target"], row["realisasi"], polarity[row["indikator"]])
        assert exact is not None
        assert math.isclose(cell.value, float(exact), rel_tol=1e-12), row["indikator"]
