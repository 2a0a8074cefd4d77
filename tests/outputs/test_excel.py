"""The ``excel`` output: the auditor's review workbook (Kertas Kerja Reviu).

The workbook is read back with the standard library (an .xlsx is zipped XML):
sheet structure, one row per finding, text that never becomes a formula, the
live formulas and their stored results, the run's marks on the table sheets
(exactly the findings, nothing else), determinism, a golden dump of every cell,
and LibreOffice recalculating every formula to the tool's own figures. The
working-paper apparatus (KKR header, the review decision drop-down, links between
findings and table rows, print setup) is read back with openpyxl.

Every test renders a frozen run result (tests/outputs/fixtures) or one built by
hand from it; none runs the rule engine.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
import tomli

from sakip_validate.domain.budget import total_row
from sakip_validate.domain.citation import cite
from sakip_validate.domain.labels import severity_word
from sakip_validate.domain.numbers import capaian, percent
from sakip_validate.domain.scale import scale_in_force
from sakip_validate.domain.tables import FIGURE_TABLES
from sakip_validate.domain.view import BUDGET_TABLES as BUDGET_VIEW_TABLES
from sakip_validate.domain.view import TABLE_FIELDS, ReportView, Row
from sakip_validate.domain.view import Cell as ViewCell
from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.papers import Person, ReviewParticulars
from sakip_validate.plugins.summary import display_value, fixed_label, summary_sentence
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"m": MAIN}
RED = "FFFFC7CE"  # the fill of a cell a finding points at
HOSTILE_NAMES = (
    '=HYPERLINK("http://example.invalid","klik")',
    '+1 | <script>alert(1)</script> **tebal** `kode`\nbaris kedua & "kutip"',
    "@SUM(A1:A9) ]]> <!-- -->",
    "-2+3 |x| ::error::tidak",
)
# Everything a formula of the workbook may contain besides references and numbers.
FUNCTIONS = {"SUM", "IF", "AND", "ISNUMBER", "COUNT", "MAX", "MIN"}
LITERALS = {"N/A", ""}
# Table sheets of the reference report (without the file number): named by the
# table's printed number and what it holds, and the view table each one draws.
TABLE_SHEETS = {
    "3.8 Anggaran": "realisasi_anggaran",
    "2.4 Anggaran PK": "program_pk",
    "3.2 Capaian": "capaian",
    "3.3 Perbandingan": "perbandingan_tahun",
    "3.4 Renstra": "target_akhir_renstra",
    "3.5 Penyebab": "analisis_penyebab",
    "3.6 Efisiensi": "efisiensi",
}
CROSS = "Antartabel"
BUDGET = {"realisasi_anggaran", "program_pk"}
# The header row of a table sheet and of the findings sheet (1-based): the KKR
# header (five rows), title, file, note and a blank line above it.
HEADER = 10


def render(result: RunResult, lang: str = "id") -> bytes:
    stream = io.BytesIO()
    load_output("excel").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


# -- reading an .xlsx back ---------------------------------------------------------


@dataclasses.dataclass
class Cell:
    value: Any  # str, float, bool or None
    formula: str | None
    fill: str | None  # the background colour (ARGB), if any

    @property
    def red(self) -> bool:
        return self.fill == RED


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

    def value(self, ref: str) -> Any:
        cell = self.cells.get(ref)
        return cell.value if cell else None


def _split(ref: str) -> tuple[str, int]:
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert match, ref
    return match.group(1), int(match.group(2))


def _col(letters: str) -> int:
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def _letters(number: int) -> str:
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def _fills(archive: zipfile.ZipFile) -> list[str | None]:
    """The fill colour of each cell style (the ``s`` attribute indexes this list)."""
    root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    colours: list[str | None] = []
    for fill in root.find("m:fills", NS) or []:
        colour = fill.find("m:patternFill/m:fgColor", NS)
        colours.append(colour.get("rgb") if colour is not None else None)
    xfs = root.find("m:cellXfs", NS)
    return [colours[int(xf.get("fillId", 0))] for xf in (xfs if xfs is not None else [])]


def read_workbook(data: bytes) -> dict[str, Sheet]:
    """Every sheet of an .xlsx by name: cell values (shared strings resolved), formulas, fills."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    names = set(archive.namelist())
    shared: list[str] = []
    if "xl/sharedStrings.xml" in names:
        root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
        for item in root.findall("m:si", NS):
            shared.append("".join(t.text or "" for t in item.iter(f"{{{MAIN}}}t")))
    fills = _fills(archive)
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
            style = c.get("s")
            fill = fills[int(style)] if style is not None and int(style) < len(fills) else None
            cells[c.get("r", "")] = Cell(value, formula, fill)
        sheets[sheet.get("name", "")] = Sheet(sheet.get("name", ""), xml, cells)
    return sheets


def dump(data: bytes) -> str:
    """Every cell (red ones marked), formula, frozen pane, filter and chart, as text."""
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
            mark = " [red]" if cell.red else ""
            if cell.formula is not None:
                lines.append(f"{ref} ={cell.formula} -> {shown}{mark}")
            elif shown is not None:
                lines.append(f"{ref} {shown}{mark}")
            elif mark:
                lines.append(f"{ref}{mark}")
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


# -- building results by hand ----------------------------------------------------------


def with_files(result: RunResult, *files: FileReport) -> RunResult:
    """``result`` (its catalogue and manifest) with other files."""
    return dataclasses.replace(result, files=list(files))


def one_file(report: FileReport, *, data: Any = None, **changes: Any) -> FileReport:
    """A private copy of ``report``, its data replaced (deep-copied) when given."""
    copied = copy.deepcopy(report.data if data is None else data)
    return dataclasses.replace(report, data=copied, **changes)


# Data that a checked result would never hold (it breaks the schema in many ways);
# a result built by hand may, and the workbook still shows what is there.
ODD = """versi_skema = "1.0"
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
def negative_result(example_result: RunResult) -> RunResult:
    """The example's first file with one indicator made negative, and no finding at all."""
    report = example_result.files[0]
    data = copy.deepcopy(report.data)
    indicator = next(item for item in data["indikator"] if item["id"] == "DESA_TERTIB_ADM")
    indicator["polaritas"] = "negatif"
    changed = one_file(report, data=data, label="negatif.toml", findings=[])
    return with_files(example_result, example_result.files[0], changed)


@pytest.fixture(scope="module")
def odd_result(example_result: RunResult) -> RunResult:
    """Oddly shaped data in a result built by hand as if it had been checked."""
    data = tomli.loads(ODD, parse_float=Decimal)
    report = FileReport("aneh.toml", "toml", [], checked=True, data=data)
    return with_files(example_result, report)


# -- structure ----------------------------------------------------------------------


def test_sheets_of_a_two_file_run(example_sheets: dict[str, Sheet]) -> None:
    tables = [*TABLE_SHEETS, CROSS]
    expected = ["Ringkasan", "Temuan"]
    expected += [f"{n} {table}" for n in (1, 2) for table in tables]
    assert list(example_sheets) == expected


def test_sheets_of_one_file_have_no_prefix(example_result: RunResult) -> None:
    sheets = read_workbook(render(with_files(example_result, example_result.files[0]), "en"))
    assert list(sheets) == ["Summary", "Findings", *TABLE_SHEETS, CROSS]


def test_sheet_names_are_valid(example_sheets: dict[str, Sheet]) -> None:
    names = list(example_sheets)
    assert len(set(names)) == len(names)
    for name in names:
        assert 0 < len(name) <= 31
        assert not set(name) & set("[]:*?/\\")


FINDINGS_HEADER = [
    "No",
    "Letak di laporan",
    "Lihat lembar",
    "Aturan",
    "Tingkat",
    "Uraian temuan",
    "Tertulis",
    "Seharusnya",
    "Dasar hukum",
    "Saran perbaikan",
    "Keputusan reviu",
    "Tanggapan auditi",
    "Tindak lanjut",
    # technical, hidden and not printed
    "Berkas",
    "Baris:kolom atau sel",
    "Pointer",
    "Paket",
]


def test_findings_sheet_header_freeze_and_filter(
    example_result: RunResult, example_sheets: dict[str, Sheet]
) -> None:
    sheet = example_sheets["Temuan"]
    row = sheet.row(HEADER)
    header = [cell.value for _, cell in sorted(row.items(), key=lambda kv: _col(kv[0]))]
    assert header == FINDINGS_HEADER
    assert re.search(rf'<pane [^>]*ySplit="{HEADER}"[^>]*state="frozen"', sheet.xml)
    last = HEADER + len(example_result.findings)
    assert f'<autoFilter ref="A{HEADER}:M{last}"/>' in sheet.xml  # the printed columns
    assert re.search(r'<col min="6" max="6" width="36', sheet.xml)  # a readable message
    # the technical columns are grouped, hidden, and outside the printed area
    assert re.search(r'<col min="14" max="14" [^>]*hidden="1"[^>]*outlineLevel="1"', sheet.xml)


def column(sheet: Sheet, title: str, header_row: int = HEADER) -> str:
    """The column letters of the header ``title`` (exactly) in ``header_row``."""
    for letters, cell in sheet.row(header_row).items():
        if cell.value == title:
            return letters
    raise KeyError(title)


def test_one_row_per_finding(example_result: RunResult, example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["Temuan"]
    col = {title: column(sheet, title) for title in FINDINGS_HEADER}
    findings = [
        finding
        for report in example_result.files
        for finding in sorted(report.findings, key=Finding.sort_key)
    ]
    assert findings
    for number, finding in enumerate(findings, 1):
        row = sheet.row(HEADER + number)
        assert row["A"].value == number
        assert row[col["Aturan"]].value == finding.rule
        assert row[col["Tingkat"]].value == severity_word(finding.severity, "id")
        assert row[col["Uraian temuan"]].value == finding.message.id
        assert row[col["Tertulis"]].value == (display_value(finding.printed, "id") or None)
        assert row[col["Seharusnya"]].value == (display_value(finding.expected, "id") or None)
        # where the auditee finds it: the printed table and row
        assert row[col["Letak di laporan"]].value == (cite(finding, "id") or None)
        # to be filled in by the review team
        for title in ("Keputusan reviu", "Tanggapan auditi", "Tindak lanjut"):
            assert row[col[title]].value is None
        # the technical columns: file, line, pointer and pack
        assert row[col["Berkas"]].value == finding.location.file
        assert row[col["Pointer"]].value == (finding.location.pointer or None)
        assert row[col["Paket"]].value == finding.pack
    assert not sheet.row(HEADER + len(findings) + 1)
    # The English workbook carries the English messages.
    english = read_workbook(render(example_result, lang="en"))["Findings"]
    assert english.row(HEADER + 1)[col["Uraian temuan"]].value == findings[0].message.en


def test_severity_colours(example_result: RunResult, example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["Temuan"]
    letters = column(sheet, "Tingkat")
    styles: dict[str, set[str | None]] = {}
    for number in range(HEADER + 1, HEADER + 1 + len(example_result.findings)):
        cell = sheet.row(number)[letters]
        styles.setdefault(str(cell.value), set()).add(cell.fill)
    assert set(styles) == {severity_word(severity, "id") for severity in Severity}
    assert all(len(found) == 1 for found in styles.values())  # one look per severity
    assert len({next(iter(found)) for found in styles.values()}) == 3  # three different looks


def _summary_rows(sheet: Sheet, title: str) -> Iterator[dict[str, Cell]]:
    """The rows of the summary section titled ``title`` (after its header row)."""
    start = next(_split(ref)[1] for ref, c in sheet.cells.items() if c.value == title)
    number = start + 2
    while sheet.row(number).get("B") is not None and sheet.row(number)["B"].value:
        yield sheet.row(number)
        number += 1


def test_summary_counts_and_manifest(
    example_result: RunResult, example_sheets: dict[str, Sheet]
) -> None:
    sheet = example_sheets["Ringkasan"]
    texts = [cell.value for cell in sheet.cells.values() if isinstance(cell.value, str)]
    assert "Kecamatan Jatinegara" in texts
    for report in example_result.files:
        assert report.label in texts
        assert report.sha256 in texts
    manifest = example_result.manifest
    assert manifest is not None
    assert manifest.schema_id in texts
    assert f"sakip-validate {manifest.tool_version}" in texts
    assert ", ".join(f"{p} {v}" for p, v in manifest.packs) in texts
    counts = {
        row["B"].value: row["C"].value for row in _summary_rows(sheet, "Temuan menurut tingkat")
    }
    expected = {
        severity_word(severity, "id"): count for severity, count in example_result.counts().items()
    }
    assert counts == {**expected, "Jumlah": len(example_result.findings)}
    # Per file: the counts of its findings.
    rows = list(_summary_rows(sheet, "Berkas yang diperiksa"))
    assert [row["B"].value for row in rows] == [report.label for report in example_result.files]
    for row, report in zip(rows, example_result.files, strict=True):
        assert row["I"].value == len(report.findings)


def test_summary_counts_by_pack_come_from_the_catalogue(
    example_result: RunResult, example_sheets: dict[str, Sheet]
) -> None:
    sheet = example_sheets["Ringkasan"]
    rows = {row["B"].value: row for row in _summary_rows(sheet, "Temuan menurut paket aturan")}
    catalog = example_result.catalog
    assert list(rows) == [pack.id for pack in catalog.all_packs()]
    for pack in catalog.all_packs():
        row = rows[pack.id]
        assert row["C"].value == pack.title.id
        assert row.get("D", Cell(None, None, None)).value == (pack.version or None)
        found = [f for f in example_result.findings if f.pack == pack.id]
        assert row["H"].value == len(found)
    assert sum(row["H"].value for row in rows.values()) == len(example_result.findings)


def test_summary_charts(example_result: RunResult, example_book: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(example_book))
    charts = sorted(n for n in archive.namelist() if n.startswith("xl/charts/chart"))
    assert len(charts) == 2 * len(example_result.files)  # capaian and serapan, per file
    first = archive.read(charts[0]).decode()
    assert "<c:barChart>" in first and "<c:lineChart>" in first  # columns + band lines
    scale = scale_in_force(ReportView(example_result.files[0].data))
    assert scale is not None
    lines = [band for band in scale.bands if band.bawah is not None and band.bawah > 0]
    assert first.count("<c:ser>") == 1 + len(lines)  # capaian and each band's lower bound
    assert "Ringkasan!$C$" in first
    serapan = archive.read(charts[1]).decode()
    assert '<c:barDir val="bar"/>' in serapan
    drawing = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert "drawing" in drawing


SIX_BANDS = {
    "nama": "Skala enam tingkat",
    "rentang": [
        {"kategori": "Istimewa", "bawah": Decimal(120), "atas": None},
        {"kategori": "Sangat Tinggi", "bawah": Decimal(91), "atas": Decimal(120),
         "atas_inklusif": False},
        {"kategori": "Tinggi", "bawah": Decimal(76), "atas": Decimal(91), "atas_inklusif": False},
        {"kategori": "Sedang", "bawah": Decimal(66), "atas": Decimal(76), "atas_inklusif": False},
        {"kategori": "Rendah", "bawah": Decimal("50.5"), "atas": Decimal(66),
         "bawah_inklusif": False, "atas_inklusif": False},
        {"kategori": "Sangat Rendah", "bawah": None, "atas": Decimal("50.5")},
    ],
}  # fmt: skip


def test_capaian_chart_draws_the_declared_scale(example_result: RunResult) -> None:
    report = example_result.files[0]
    data = copy.deepcopy(report.data)
    data["skala"] = SIX_BANDS
    book = render(with_files(example_result, one_file(report, data=data)))
    summary = read_workbook(book)["Ringkasan"]
    texts = {cell.value for cell in summary.cells.values() if isinstance(cell.value, str)}
    assert "batas Istimewa (capaian ≥ 120%)" in texts
    assert "batas Rendah (capaian > 50,5%)" in texts  # an open lower end, as the scale says
    first = zipfile.ZipFile(io.BytesIO(book)).read("xl/charts/chart1.xml").decode()
    assert first.count("<c:ser>") == 1 + 5  # capaian, and every band starting above 0
    assert "batas Sedang (capaian ≥ 66%)" in texts
    assert "batas Rendah (capaian ≥ 51%)" not in texts  # the default scale's bound
    # A declared scale that cannot be read draws no bounds at all (none are made up).
    data["skala"] = {"nama": "rusak", "rentang": [{"kategori": "X", "bawah": "tinggi"}]}
    book = render(with_files(example_result, one_file(report, data=data)))
    first = zipfile.ZipFile(io.BytesIO(book)).read("xl/charts/chart1.xml").decode()
    assert "<c:lineChart>" not in first and first.count("<c:ser>") == 1


# -- text is text -------------------------------------------------------------------


def QUOTE_PREFIXED(styles: str) -> set[str]:
    """Indexes (as text) of the cell formats that carry Excel's quote prefix."""
    cell_xfs = styles.split("<cellXfs", 1)[1].split("</cellXfs>", 1)[0]
    formats = re.findall(r"<xf [^>]*?(?:/>|>.*?</xf>)", cell_xfs, flags=re.S)
    return {str(i) for i, xf in enumerate(formats) if 'quotePrefix="1"' in xf}


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
    # Text that Excel would turn into a formula on editing keeps the quote prefix.
    styles = archive.read("xl/styles.xml").decode()
    prefixed = re.findall(r'<xf [^>]*quotePrefix="1"', styles)
    assert prefixed, "no cell format with a quote prefix"
    quoted = QUOTE_PREFIXED(styles)
    strings = [
        "".join(t.text or "" for t in si.iter(f"{{{MAIN}}}t"))
        for si in ElementTree.fromstring(shared).iter(f"{{{MAIN}}}si")
    ]
    risky = 0
    for name in archive.namelist():
        if not name.startswith("xl/worksheets/sheet"):
            continue
        for c in ElementTree.fromstring(archive.read(name)).iter(f"{{{MAIN}}}c"):
            v = c.find(f"{{{MAIN}}}v")
            if c.get("t") != "s" or v is None or v.text is None:
                continue
            if strings[int(v.text)].startswith(("=", "+", "-", "@", "\t", "\r")):
                risky += 1
                assert c.get("s") in quoted, (name, c.get("r"), strings[int(v.text)])
    assert risky >= len(HOSTILE_NAMES) - 1
    # The unit name shows on the summary and the indicator name on the tables.
    assert (
        next(_summary_rows(sheets["Ringkasan"], "Berkas yang diperiksa"))["C"].value
        == (HOSTILE_NAMES[0])
    )
    assert any(cell.value == HOSTILE_NAMES[1] for cell in sheets["3.2 Capaian"].cells.values())
    assert any(cell.value == HOSTILE_NAMES[2] for cell in sheets["3.8 Anggaran"].cells.values())


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
            assert re.fullmatch(r"[A-Z0-9$:,.()+\-*/<>=\" ]*", bare), (sheet_name, ref, formula)


def test_no_verdict_is_a_formula(example_book: bytes) -> None:
    """The match column and the red marks are the run's, written as values and formats."""
    sheets = read_workbook(example_book)
    for _, _, cell in all_formulas(sheets):
        assert cell.value not in ("ya", "TIDAK")
    for name, sheet in sheets.items():
        assert "<conditionalFormatting" not in sheet.xml, name


# -- formulas -----------------------------------------------------------------------


def numbers(result: RunResult) -> dict[int, int]:
    """Each finding's number on the findings sheet (by id): by file, then by place."""
    ordered = [f for report in result.files for f in sorted(report.findings, key=Finding.sort_key)]
    return {id(finding): number for number, finding in enumerate(ordered, 1)}


def refs(findings: list[Finding], result: RunResult, *, related: bool = False) -> str | None:
    """What a table sheet's Temuan (or Temuan terkait) column says of ``findings``."""
    number = numbers(result)
    parts = []
    for f in findings:
        part = f"{f.rule} #{number[id(f)]}"
        if related and f.table is not None:
            part += f" ({f.table.id})"
        parts.append(part)
    return ", ".join(dict.fromkeys(parts)) or None


def test_budget_tree_formulas(example_result: RunResult, example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets["1 3.8 Anggaran"]
    assert sheet.value(f"A{HEADER}") == "Kode"
    sum_col = sheet.column_of(HEADER, "Σ anggaran")
    pct_col = sheet.column_of(HEADER, "% = realisasi")
    program = sheet.row(HEADER + 1)
    assert program["A"].value == "1"
    # Program 1's children are its six kegiatan (rows 12, 15, 18, 26, 30, 34), not the sub
    # kegiatan.
    assert program[sum_col].formula == "SUM(D12,D15,D18,D26,D30,D34)"
    rows = example_result.files[0].data["tabel"]["realisasi_anggaran"]["baris"]
    kegiatan = [row for row in rows if row["kode"].count(".") == 1 and row["kode"][0] == "1"]
    assert program[sum_col].value == sum(row["anggaran"] for row in kegiatan)
    assert program[pct_col].formula == 'IF(D11=0,"N/A",G11/D11*100)'
    exact = percent(rows[0]["realisasi"], rows[0]["anggaran"])
    assert exact is not None and program[pct_col].value == float(exact)
    # kegiatan 1.1 sums its two sub kegiatan (adjacent rows as a range)
    assert sheet.row(HEADER + 2)[sum_col].formula == "SUM(D13:D14)"
    # leaves have no sum
    assert sum_col not in sheet.row(HEADER + 3)
    # the JUMLAH row sums the programs
    total = HEADER + 1 + len(rows)
    assert sheet.value(f"C{total}") == "JUMLAH"
    assert (sheet.row(total)[sum_col].formula or "").startswith("SUM(D11,")
    programs = [row for row in rows if "." not in row["kode"]]
    assert sheet.row(total)[sum_col].value == sum(row["anggaran"] for row in programs)
    related = sheet.column_of(HEADER, "Temuan terkait")
    assert f'<autoFilter ref="A{HEADER}:{related}{total - 1}"/>' in sheet.xml
    assert re.search(rf'<pane [^>]*ySplit="{HEADER}"[^>]*state="frozen"', sheet.xml)


def test_capaian_formulas_and_marks(
    example_result: RunResult, example_sheets: dict[str, Sheet]
) -> None:
    sheet = example_sheets["1 3.2 Capaian"]
    printed = sheet.column_of(HEADER, "Capaian tertulis")
    recomputed = sheet.column_of(HEADER, "Capaian hitung ulang")
    diff = _letters(_col(recomputed) + 1)
    match = sheet.column_of(HEADER, "Sesuai")
    rules = sheet.column_of(HEADER, "Temuan")
    rows = example_result.files[0].data["tabel"]["capaian"]["baris"]
    ikm = sheet.row(HEADER + 1)
    assert ikm[sheet.column_of(HEADER, "Id indikator")].value == "IKM"  # technical column
    assert ikm["B"].value == rows[0]["nama_tertulis"]
    assert ikm[recomputed].formula == 'IF(E11=0,"N/A",F11/E11*100)'
    exact = capaian(rows[0]["target"], rows[0]["realisasi"], "positif")
    assert exact is not None
    assert ikm[recomputed].value == float(exact)
    assert ikm[diff].value == float(rows[0]["capaian"] - exact)
    # 99,93 is 99,938... truncated: the run says so, and so does the row.
    assert ikm[match].value == "TIDAK" and ikm[match].red
    own = [f for f in example_result.files[0].findings if f.rule == "CAP002"]
    number = numbers(example_result)[id(own[0])]
    assert ikm[rules].value == refs(own, example_result) == f"CAP002 #{number}"
    assert ikm[printed].red
    assert not ikm["E"].red and not ikm["F"].red  # target and realisasi are not blamed
    # The second row's finding is about its data source: the row, not its figures.
    second = sheet.row(HEADER + 2)
    assert second[match].value == "TIDAK" and second[rules].value.startswith("LKP005 #")
    assert not any(second[col].red for col in ("E", "F", printed))
    mandiri = sheet.row(HEADER + 3)  # target 0,00: capaian N/A, as printed
    assert mandiri[recomputed].value == "N/A"
    assert diff not in mandiri or mandiri[diff].value == ""


def test_a_row_without_findings_says_ya_whatever_its_figures(
    negative_result: RunResult,
) -> None:
    """The workbook never judges: no finding, no mark, even where the formula differs."""
    sheets = read_workbook(render(negative_result))
    sheet = sheets["2 3.2 Capaian"]
    row = sheet.row(HEADER + 2)
    assert row[sheet.column_of(HEADER, "Id indikator")].value == "DESA_TERTIB_ADM"
    assert row["C"].value == "negatif"
    recomputed = sheet.column_of(HEADER, "Capaian hitung ulang")
    assert row[recomputed].formula == 'IF(E12=0,"N/A",(2*E12-F12)/E12*100)'
    data = negative_result.files[1].data["tabel"]["capaian"]["baris"][1]
    exact = capaian(data["target"], data["realisasi"], "negatif")
    assert exact is not None and exact != data["capaian"]
    assert row[recomputed].value == float(exact)
    assert row[sheet.column_of(HEADER, "Sesuai")].value == "ya"
    assert not any(cell.red for cell in row.values())
    # the note above the table says which formula each polarity gets
    assert "negatif (2 × target − realisasi) ÷ target × 100" in sheet.value(f"A{HEADER - 2}")


def _id_column(sheet: Sheet) -> str:
    """The technical column of the cross-table sheet holding the indicator id."""
    return next(_split(ref)[0] for ref, c in sheet.cells.items() if c.value == "Id indikator")


def test_target_comparison(example_sheets: dict[str, Sheet]) -> None:
    sheet = example_sheets[f"1 {CROSS}"]
    ids = _id_column(sheet)
    rows: dict[Any, int] = {}
    for ref, cell in sheet.cells.items():
        letters, number = _split(ref)
        if letters == ids and cell.value == "IKM":
            year = sheet.row(number)["B"].value
            rows.setdefault(year, number)  # the first block: targets
    assert sheet.value(f"C{min(rows.values()) - 1}") == "Tabel 2.1"
    assert sheet.value(f"G{min(rows.values()) - 1}") == "Tabel 3.3"
    row = sheet.row(rows[2020])
    assert row["A"].value == "Laju Peningkatan Nilai IKM Kecamatan"  # as the report names it
    assert row["C"].value == 79.70  # Tabel 2.1
    assert row["G"].value == 78.89 and row["G"].red  # Tabel 3.3, which TGT001 blames
    assert not row["C"].red
    verdicts = [cell.value for cell in row.values() if cell.value in ("ya", "TIDAK")]
    assert verdicts == ["TIDAK"]
    assert any(str(cell.value).startswith("TGT001 #") for cell in row.values())
    assert sheet.row(rows[2021])["C"].value == 80.95
    assert [c.value for c in sheet.row(rows[2021]).values() if c.value in ("ya", "TIDAK")] == ["ya"]


# -- findings and workbook agree ------------------------------------------------------


def _under(pointer: str, place: str) -> bool:
    return pointer == place or pointer.startswith(place + "/")


def _expected_rows(view: ReportView, table: str) -> list[Row]:
    """The rows a table sheet draws, in order (a budget sheet ends with JUMLAH, printed or not)."""
    rows = list(view.rows(table))
    if table in BUDGET:
        total = total_row(view, table)
        rows.append(total or Row(table, f"/tabel/{table}/jumlah", "", {}))
    return rows


def _row_findings(row: Row, findings: list[Finding]) -> list[Finding]:
    pointers = {cell.pointer for cell in row.cells.values()}
    return [
        f
        for f in findings
        if _under(f.location.pointer, row.pointer) or f.location.pointer in pointers
    ]


# Printed figure columns of the table sheets: header prefix -> the cell drawn there.
FIGURES = {
    "Target akhir": "target_akhir",
    "Target": "target",
    "Realisasi anggaran": "realisasi_anggaran",
    "Realisasi": "realisasi",
    "Capaian tertulis": "capaian",
    "% capaian anggaran tertulis": "capaian_anggaran",
    "Kategori tertulis": "kategori",
    "Tingkat efisiensi tertulis": "tingkat_efisiensi",
    "Anggaran": "anggaran",
    "% tertulis": "persen",
    "Uraian": "nama",
}


def _figure_columns(sheet: Sheet) -> dict[str, str]:
    """Column letters of the printed figures by field name."""
    found: dict[str, str] = {}
    for letters, cell in sheet.row(HEADER).items():
        for prefix, name in FIGURES.items():
            if isinstance(cell.value, str) and cell.value == prefix:
                found[name] = letters
    return found


def _cross_rows(sheet: Sheet, view: ReportView) -> Iterator[tuple[dict[str, Cell], list[ViewCell]]]:
    """Each row of the cross-table sheet and the report cells it shows."""
    fields = {"Target": "target", "Realisasi": "realisasi", "Capaian": "capaian"}
    names = {view.table_label(key).id: key for key in TABLES}
    number = 1
    last = max(_split(ref)[1] for ref in sheet.cells)
    while number <= last:
        title = sheet.value(f"A{number}")
        if title in fields and sheet.value(f"A{number + 1}") == "Nama indikator":
            header = sheet.row(number + 1)
            ids = next(k for k, c in header.items() if c.value == "Id indikator")
            tables = {
                letters: names[cell.value]
                for letters, cell in header.items()
                if cell.value in names
            }
            number += 2
            while sheet.value(f"A{number}"):
                row = sheet.row(number)
                indikator, year = row[ids].value, row.get("B", Cell(None, None, None)).value
                shown = []
                for table in tables.values():
                    match = next(
                        (
                            r
                            for r in view.rows(table)
                            if r.indikator == indikator
                            and (r.tahun == year or (r.tahun is None and year is None))
                            and r.cell(fields[title]).value not in (None, "")
                        ),
                        None,
                    )
                    shown.append(match.cell(fields[title]) if match else None)
                yield row, [cell for cell in shown if cell is not None]
                number += 1
        number += 1


TABLES = (
    "iku",
    "tujuan_sasaran",
    "perjanjian_kinerja",
    "capaian",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "analisis_penyebab",
    "efisiensi",
    "standar_nasional",
    "program_pendukung.indikator",
)


def _fact(table: str, row: Row, name: str) -> tuple[Any, ...] | None:
    """The fact a cell states, when other tables print it too (see plugins/excel/marks.py)."""
    if name in FIGURE_TABLES and table in FIGURE_TABLES[name] and row.indikator:
        return ("figure", name, row.indikator, row.tahun)
    if name == "nama_tertulis" and row.indikator:
        return ("indicator name", row.indikator)
    if name == "nama" and table in BUDGET_VIEW_TABLES and row.kode:
        return ("budget name", row.kode)
    return None


def _related_findings(
    view: ReportView, row: Row, findings: list[Finding], own: list[Finding]
) -> list[Finding]:
    """The findings on cells of other places stating one of the row's facts."""
    mine = {cell.pointer for cell in row.cells.values()}
    facts = {_fact(row.table, row, name) for name in row.cells} - {None}
    stating = {
        cell.pointer
        for table in TABLE_FIELDS
        for other in view.rows(table)
        for name, cell in other.cells.items()
        if _fact(table, other, name) in facts
    } - mine
    taken = {id(f) for f in own}
    found = [f for f in findings if f.location.pointer in stating and id(f) not in taken]
    return sorted({id(f): f for f in found}.values(), key=Finding.sort_key)


def test_findings_and_workbook_agree(
    example_result: RunResult, example_sheets: dict[str, Sheet]
) -> None:
    """Every finding on a table sheet marks its row (and its cell); a row printing a figure
    that a finding blames in another table says TERKAIT and names it; no other row is marked."""
    report = example_result.files[0]
    view = ReportView(report.data)
    findings = report.findings
    shown: set[int] = set()  # the findings some sheet row shows
    marked_rows = related_rows = 0
    for base, table in TABLE_SHEETS.items():
        sheet = example_sheets[f"1 {base}"]
        match = sheet.column_of(HEADER, "Sesuai")
        rules = column(sheet, "Temuan")
        others = sheet.column_of(HEADER, "Temuan terkait")
        figures = _figure_columns(sheet)
        rows = _expected_rows(view, table)
        for number, row in enumerate(rows, HEADER + 1):
            cells = sheet.row(number)
            on_row = _row_findings(row, findings)
            related = _related_findings(view, row, findings, on_row)
            shown.update(id(f) for f in on_row)
            verdict = "TIDAK" if on_row else ("TERKAIT" if related else "ya")
            assert cells[match].value == verdict, (base, row.label)
            empty = Cell(None, None, None)
            assert cells.get(rules, empty).value == refs(on_row, example_result)
            assert cells.get(others, empty).value == refs(related, example_result, related=True)
            marked_rows += bool(on_row)
            related_rows += bool(related) and not on_row
            pointed = {f.location.pointer for f in findings}
            for name, letters in figures.items():
                is_red = letters in cells and cells[letters].red
                assert is_red == (row.cell(name).pointer in pointed), (base, row.label, name)
        assert not sheet.row(HEADER + 1 + len(rows))  # nothing after the last row
    cross = example_sheets[f"1 {CROSS}"]
    for cells, report_cells in _cross_rows(cross, view):
        on_row = [
            f for f in findings if any(_under(f.location.pointer, c.pointer) for c in report_cells)
        ]
        shown.update(id(f) for f in on_row)
        verdicts = [cell.value for cell in cells.values() if cell.value in ("ya", "TIDAK")]
        assert verdicts == (["TIDAK"] if on_row else ["ya"]), cells["A"].value
        marked_rows += bool(on_row)
        red = sum(1 for cell in cells.values() if cell.red and cell.value != "TIDAK")
        pointed = {f.location.pointer for f in on_row}
        assert red == sum(1 for c in report_cells if c.pointer in pointed)
    # Every finding about a table that has its own sheet shows on one of its rows.
    prefixes = tuple(f"/tabel/{key}/" for key in TABLE_SHEETS.values())
    for finding in findings:
        if finding.location.pointer.startswith(prefixes):
            assert id(finding) in shown, (finding.rule, finding.location.pointer)
    on_sheets = [f for f in findings if id(f) in shown]
    assert {f.rule for f in on_sheets} >= {"CAP002", "TGT001", "TGT006", "TGT003", "LKP005"}
    # And the workbook marks as many rows as carry findings: the red TIDAK cells; the
    # rows showing only another table's finding are TERKAIT.
    verdicts = [
        cell
        for name, sheet in example_sheets.items()
        if name.startswith("1 ")
        for cell in sheet.cells.values()
        if cell.value in ("TIDAK", "TERKAIT")
    ]
    assert sum(1 for c in verdicts if c.value == "TIDAK" and c.red) == marked_rows > 0
    assert sum(1 for c in verdicts if c.value == "TERKAIT") == related_rows > 0
    # The corrected report has no findings: not one mark in its sheets.
    assert not example_result.files[1].findings
    for name, sheet in example_sheets.items():
        if name.startswith("2 "):
            assert not any(
                cell.red or cell.value in ("TIDAK", "TERKAIT") for cell in sheet.cells.values()
            )


def test_a_cross_table_finding_marks_the_rows_printing_the_same_figure(
    example_result: RunResult,
) -> None:
    """A Tabel 2.1 target the evidence blames (as the run now does) leaves no row of
    another table printing that target reading "ya"."""
    report = example_result.files[1]  # the corrected report: no findings of its own
    view = ReportView(report.data)
    target = next(r for r in view.rows("iku") if r.indikator == "IKM" and r.tahun == 2021)
    finding = Finding(
        rule="TGT001",
        severity=Severity.ERROR,
        message=Text("Target berbeda", "Target differs"),
        location=TextLocation(report.label, target.cell("target").pointer),
        table=Text("Tabel 2.1", "Tabel 2.1"),
    )
    changed = one_file(report, findings=[finding])
    sheets = read_workbook(render(with_files(example_result, changed)))
    marked = {}
    for base, table in TABLE_SHEETS.items():
        sheet = sheets[base]
        match = sheet.column_of(HEADER, "Sesuai")
        others = sheet.column_of(HEADER, "Temuan terkait")
        for number, row in enumerate(_expected_rows(view, table), HEADER + 1):
            cells = sheet.row(number)
            printing = (
                row.indikator == "IKM"
                and row.tahun == 2021
                and table in FIGURE_TABLES["target"]
                and row.cell("target").present
            )
            assert cells[match].value == ("TERKAIT" if printing else "ya"), (base, row.label)
            if printing:
                assert cells[others].value == "TGT001 #1 (Tabel 2.1)"
                assert not cells[match].red  # amber: the blame is Tabel 2.1's
                marked[base] = number
    assert set(marked) == {"3.2 Capaian", "3.3 Perbandingan", "3.5 Penyebab", "3.6 Efisiensi"}
    # The findings sheet links the finding to the row showing the blamed cell itself: the
    # cross-table sheet, where Tabel 2.1's target is red.
    book = openpyxl.load_workbook(io.BytesIO(render(with_files(example_result, changed))))
    link = book["Temuan"].cell(HEADER + 1, 3).hyperlink
    assert link is not None and link.location is not None
    sheet_name, _, cell = link.location.rpartition("!")
    assert sheet_name == f"'{CROSS}'"
    row = sheets[CROSS].row(int(cell[1:]))
    assert row["B"].value == 2021 and row["C"].value == float(target.cell("target").value)
    assert row["C"].red


def test_a_finding_on_a_printed_row_spread_over_years_marks_each_year(
    example_result: RunResult,
) -> None:
    report = example_result.files[1]  # the corrected report: no findings of its own
    finding = Finding(
        rule="XTEST1",
        severity=Severity.WARNING,
        message=Text("Baris ini", "This row"),
        location=TextLocation(report.label, "/tabel/perbandingan_tahun/baris/0"),
    )
    changed = one_file(report, findings=[finding])
    sheet = read_workbook(render(with_files(example_result, changed)))["3.3 Perbandingan"]
    view = ReportView(report.data)
    rows = view.rows("perbandingan_tahun")
    match = sheet.column_of(HEADER, "Sesuai")
    for number, row in enumerate(rows, HEADER + 1):
        first_indicator = row.pointer.startswith("/tabel/perbandingan_tahun/baris/0/")
        assert sheet.row(number)[match].value == ("TIDAK" if first_indicator else "ya")
    assert sum(row.pointer.startswith("/tabel/perbandingan_tahun/baris/0/") for row in rows) > 1


# -- which files get table sheets -------------------------------------------------------


def test_files_that_failed_the_schema_get_no_table_sheets(broken_result: RunResult) -> None:
    assert any(report.data is not None for report in broken_result.files)
    assert not any(report.checked for report in broken_result.files)
    sheets = read_workbook(render(broken_result))
    assert list(sheets) == ["Ringkasan", "Temuan"]
    summary = sheets["Ringkasan"]
    rows = list(_summary_rows(summary, "Berkas yang diperiksa"))
    assert len(rows) == len(broken_result.files)
    for row, report in zip(rows, broken_result.files, strict=True):
        assert row["B"].value == report.label
        assert row["I"].value == len(report.findings)
        if report.unreadable:
            assert row["C"].value == "(tidak terbaca)"
        else:
            assert "aturan tidak dijalankan" in row["J"].value
    findings = sheets["Temuan"]
    assert not findings.row(HEADER + len(broken_result.findings) + 1)
    assert findings.row(HEADER + len(broken_result.findings))[column(findings, "Aturan")].value
    archive = zipfile.ZipFile(io.BytesIO(render(broken_result)))
    assert not [n for n in archive.namelist() if n.startswith("xl/charts/")]


def test_an_unchecked_file_with_data_gets_no_table_sheets(example_result: RunResult) -> None:
    first, second = example_result.files
    result = with_files(example_result, dataclasses.replace(first, checked=False), second)
    book = render(result)
    sheets = read_workbook(book)
    assert not [name for name in sheets if name.startswith("1 ")]
    assert [name for name in sheets if name.startswith("2 ")]
    charts = [n for n in zipfile.ZipFile(io.BytesIO(book)).namelist() if "charts/chart" in n]
    assert len(charts) == 2  # the second file's only
    # Without its data (the run did not keep it) a checked file gets none either.
    result = with_files(example_result, dataclasses.replace(first, data=None), second)
    assert not [name for name in read_workbook(render(result)) if name.startswith("1 ")]


def test_odd_shapes_in_a_hand_built_result_still_render(odd_result: RunResult) -> None:
    data = render(odd_result)
    assert data == render(odd_result)
    sheets = read_workbook(data)
    # "=3.2" is not a plain table number: the sheet is named by what it holds
    assert list(sheets) == ["Ringkasan", "Temuan", "Anggaran", "Capaian", "Perbandingan",
                            "Efisiensi", CROSS]  # fmt: skip
    # the cycle written through induk is cut; the budget % of a zero budget is N/A
    anggaran = sheets["Anggaran"]
    assert anggaran.row(HEADER + 1)["E"].formula == f"SUM(D{HEADER + 2}:D{HEADER + 3})"
    assert anggaran.row(HEADER + 3)["K"].value == "N/A"
    assert anggaran.row(HEADER + 1)["C"].value == "=A"  # a name, as text
    # a kategori name from the report names a chart series by reference, never literally
    chart = zipfile.ZipFile(io.BytesIO(data)).read("xl/charts/chart1.xml").decode()
    assert "<c:tx><c:strRef><c:f>Ringkasan!$D$" in chart
    assert "<c:v>batas =K (capaian ≥ 50%)</c:v>" in chart


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
    negative_result: RunResult, odd_result: RunResult, tmp_path: Path
) -> None:
    if SOFFICE is None:
        pytest.skip(
            "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui"
        )
    data = render(negative_result)
    odd = render(odd_result)
    source = tmp_path / "in"
    source.mkdir()
    (source / "kkr.xlsx").write_bytes(data)
    (source / "kkr-recalc.xlsx").write_bytes(strip_results(data))
    (source / "aneh-recalc.xlsx").write_bytes(strip_results(odd))
    names = ["kkr.xlsx", "kkr-recalc.xlsx", "aneh-recalc.xlsx"]
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
    assert_same_results(read_workbook(odd), read_workbook((outdir / names[2]).read_bytes()))

    # And against the tool's own arithmetic, computed here from the data.
    for number, report in enumerate(negative_result.files, 1):
        _check_budget(theirs[f"{number} 3.8 Anggaran"], report.data)
        _check_capaian(theirs[f"{number} 3.2 Capaian"], report.data)


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
    sums = {f: sheet.column_of(HEADER, f"Σ {f}") for f in ("anggaran", "realisasi")}
    pct = sheet.column_of(HEADER, "% = realisasi")
    checked = expected = 0
    for number in range(HEADER + 1, HEADER + 1 + len(rows) + 1):
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
        expected += 2 * bool(children) + 1
        exact = percent(own["realisasi"], own["anggaran"])
        assert exact is not None
        assert math.isclose(cells[pct].value, float(exact), rel_tol=1e-12), kode
        checked += 1
    assert checked == expected > len(rows)


def _check_capaian(sheet: Sheet, data: dict[str, Any]) -> None:
    polarity = {item["id"]: item["polaritas"] for item in data["indikator"]}
    col = sheet.column_of(HEADER, "Capaian hitung ulang")
    rows = data["tabel"]["capaian"]["baris"]
    ids = sheet.column_of(HEADER, "Id indikator")
    for number, row in enumerate(rows, HEADER + 1):
        cell = sheet.row(number)[col]
        assert sheet.row(number)[ids].value == row["indikator"]
        if row["target"] == 0:
            assert cell.value == "N/A"
            continue
        exact = capaian(row["target"], row["realisasi"], polarity[row["indikator"]])
        assert exact is not None
        assert math.isclose(cell.value, float(exact), rel_tol=1e-12), row["indikator"]


# -- the policy's marks ------------------------------------------------------------------


def test_findings_sheet_says_which_findings_are_waived_baselined_or_new(
    policy_result: RunResult,
) -> None:
    sheet = read_workbook(render(policy_result))["Temuan"]
    col = {title: column(sheet, title) for title in ("Aturan", "Status", "Keterangan status")}
    findings = [f for r in policy_result.files for f in sorted(r.findings, key=Finding.sort_key)]
    states = {"waiver": "dikecualikan", "baseline": "di baseline"}
    for number, finding in enumerate(findings, HEADER + 1):
        row = sheet.row(number)
        assert row[col["Aturan"]].value == finding.rule
        state, detail = row.get(col["Status"]), row.get(col["Keterangan status"])
        if finding.suppression is None:
            # new against the baseline; a POLICY finding is not compared with it
            assert state is not None
            assert state.value == (None if finding.rule.startswith("POLICY") else "baru")
            assert detail is not None and detail.value is None
        else:
            assert state is not None and state.value == states[finding.suppression.kind]
            assert detail is not None
            assert finding.suppression.source in detail.value
            if finding.suppression.kind == "waiver":
                assert finding.suppression.reason in detail.value
                assert finding.suppression.approver in detail.value
        assert row[column(sheet, "Tanggapan auditi")].value is None
    # Status, its detail and the three columns to fill in are printed and filtered.
    last = HEADER + len(findings)
    assert f'<autoFilter ref="A{HEADER}:O{last}"/>' in sheet.xml


def test_summary_counts_waived_and_baselined_and_lists_fixed_and_skipped(
    policy_result: RunResult,
) -> None:
    sheet = read_workbook(render(policy_result))["Ringkasan"]
    assert sheet.row(8)["A"].value == summary_sentence(policy_result, "id")
    rows = {row["B"].value: row for row in _summary_rows(sheet, "Temuan menurut tingkat")}
    kinds = [(f.severity, f.suppression.kind) for f in policy_result.findings if f.suppression]
    for severity in Severity:
        row = rows[severity_word(severity, "id")]
        assert row["D"].value == kinds.count((severity, "waiver"))
        assert row["E"].value == kinds.count((severity, "baseline"))
    assert rows["Jumlah"]["D"].value == sum(1 for _, k in kinds if k == "waiver")
    texts = [cell.value for cell in sheet.cells.values() if isinstance(cell.value, str)]
    outcome = policy_result.baseline
    assert outcome is not None
    assert outcome.source in texts
    for entry in outcome.fixed:
        assert fixed_label(outcome, entry) in texts and entry.pointer in texts
    for name, _ in policy_result.skipped:
        assert name in texts
    assert "bukan laporan (tidak menyatakan versi_skema)" in texts
    # the configuration file is listed with the files, its findings counted
    config = next(r for r in policy_result.files if r.role == "config")
    row = next(
        row
        for row in _summary_rows(sheet, "Berkas yang diperiksa")
        if row["B"].value == config.label
    )
    assert row["I"].value == len(config.findings)


def test_a_run_without_policy_marks_has_no_policy_section(example_result: RunResult) -> None:
    sheet = read_workbook(render(example_result))["Ringkasan"]
    texts = [cell.value for cell in sheet.cells.values() if isinstance(cell.value, str)]
    assert "Pengecualian, baseline dan berkas dilewati" not in texts


# -- the working paper: KKR header, decisions, links, print layout ------------------------

PARTICULARS = ReviewParticulars(
    apip="Inspektorat Kabupaten Tegal",
    kkr_index="KKR-LKjIP/03",
    surat_tugas_number="700/123/Insp/2022",
    surat_tugas_date="2022-03-14",
    period_start="2022-03-14",
    period_end="2022-03-18",
    ketua_tim=Person("Siti Aminah, S.E.", "19800101 200501 2 001"),
    anggota_tim=(Person("Budi Santoso", "19900202 201501 1 002"),),
    prepared_by=Person("Budi Santoso", "19900202 201501 1 002", "Auditor Pertama"),
    prepared_on="2022-03-16",
    reviewed_by=Person("Siti Aminah, S.E.", "19800101 200501 2 001"),
    reviewed_on="2022-03-17",
)
KKR_ROWS = 5  # the header's rows on every sheet
DECISIONS_ID = ["Perlu diperbaiki", "Sudah diperbaiki", "Perlu klarifikasi", "Bukan temuan"]
DECISIONS_EN = ["Needs correction", "Corrected", "Needs clarification", "Not a finding"]
FILLED = re.compile(r"_{5,}")  # a line to fill in by hand


def paper(
    result: RunResult, reviu: ReviewParticulars | None = None, lang: str = "id"
) -> openpyxl.Workbook:
    """The workbook of ``result`` as openpyxl reads it (links, validations, print setup)."""
    stream = io.BytesIO()
    options = RenderOptions(lang=lang, reviu=reviu or ReviewParticulars())  # type: ignore[arg-type]
    load_output("excel").render(result, options, stream)  # type: ignore[arg-type]
    return openpyxl.load_workbook(io.BytesIO(stream.getvalue()))


def _header_cells(ws: Any) -> dict[str, str]:
    """The KKR header's texts by cell (rows 1-5)."""
    return {
        cell.coordinate: cell.value
        for row in ws.iter_rows(min_row=1, max_row=KKR_ROWS)
        for cell in row
        if isinstance(cell.value, str)
    }


def _entity(result: RunResult) -> str:
    unit = result.files[0].data["laporan"]["unit"]
    return f"{unit['nama']}, {unit['pemerintah_daerah']}"


def _by_text(texts: dict[str, str], prefix: str) -> str:
    """The cell whose text starts with ``prefix``."""
    found = [ref for ref, text in texts.items() if text.startswith(prefix)]
    assert len(found) == 1, (prefix, texts)
    return found[0]


def test_every_sheet_carries_the_kkr_header_filled_from_the_particulars(
    example_result: RunResult,
) -> None:
    book = paper(example_result, PARTICULARS)
    total = len(book.sheetnames)
    assert total > 2
    year = example_result.files[0].data["laporan"]["tahun_anggaran"]
    for number, ws in enumerate(book.worksheets, 1):
        texts = _header_cells(ws)
        assert texts["A1"] == "INSPEKTORAT KABUPATEN TEGAL", ws.title
        values = set(texts.values())
        assert f"No. KKR: KKR-LKjIP/03 (lembar {number} dari {total})" in values
        assert "KERTAS KERJA REVIU LKjIP" in values
        assert f"Nama auditi: {_entity(example_result)}" in values
        assert f"Sasaran reviu: LKjIP tahun anggaran {year}" in values
        assert (
            "Surat Tugas No. 700/123/Insp/2022 tanggal 14 Maret 2022; "
            "periode reviu 14 Maret 2022 s.d. 18 Maret 2022"
        ) in values
        # prepared and reviewed by: name, NIP and post, then the date, then a paraf box
        paraf = ws[_by_text(texts, "Paraf")]
        assert ws.cell(paraf.row, paraf.column - 1).value == "Tanggal"
        for prefix, day in (
            ("Disusun oleh: Budi Santoso (NIP 19900202 201501 1 002), Auditor Pertama", "16"),
            ("Direviu oleh: Siti Aminah, S.E. (NIP 19800101 200501 2 001)", "17"),
        ):
            who = ws[_by_text(texts, prefix)]
            assert texts[_by_text(texts, prefix)] == prefix
            assert ws.cell(who.row, paraf.column - 1).value == f"{day} Maret 2022"
            box = ws.cell(who.row, paraf.column)
            assert box.value is None  # initialled by hand
            assert box.border.left.style and box.border.bottom.style, ws.title
        # the printed page repeats the auditee, the paper's number and the sheet
        assert _entity(example_result) in ws.oddHeader.left.text
        assert f"No. KKR: KKR-LKjIP/03 (lembar {number} dari {total})" in ws.oddHeader.right.text
    # the cover lists the assignment and the team as given
    summary = book["Ringkasan"]
    cover = {c.value for row in summary.iter_rows() for c in row if isinstance(c.value, str)}
    assert "700/123/Insp/2022, 14 Maret 2022" in cover
    assert "Siti Aminah, S.E. (NIP 19800101 200501 2 001)" in cover
    assert "Budi Santoso (NIP 19900202 201501 1 002)" in cover


def test_particulars_not_given_are_lines_to_fill_in(example_result: RunResult) -> None:
    book = paper(example_result)
    total = len(book.sheetnames)
    for number, ws in enumerate(book.worksheets, 1):
        texts = _header_cells(ws)
        assert re.fullmatch(r"Unit APIP: _{5,}", texts["A1"]), ws.title
        values = set(texts.values())
        assert f"No. KKR: {'_' * 18} (lembar {number} dari {total})" in values
        # the auditee comes from the report itself
        assert f"Nama auditi: {_entity(example_result)}" in values
        assignment = texts[_by_text(texts, "Surat Tugas No.")]
        assert len(FILLED.findall(assignment)) == 4, assignment
        for prefix in ("Disusun oleh: ", "Direviu oleh: "):
            who = ws[_by_text(texts, prefix)]
            assert FILLED.fullmatch(who.value.removeprefix(prefix))
            paraf = ws[_by_text(texts, "Paraf")]
            assert FILLED.fullmatch(ws.cell(who.row, paraf.column - 1).value)  # no date
        assert "No. KKR: ____" in ws.oddHeader.right.text
    # a run whose reports name no unit: the auditee is a line to fill in too
    unnamed = with_files(example_result, one_file(example_result.files[1], data={}))
    texts = _header_cells(paper(unnamed).worksheets[0])
    assert re.fullmatch(r"Nama auditi: _{5,}", texts[_by_text(texts, "Nama auditi")])


def test_the_kkr_header_in_english(example_result: RunResult) -> None:
    book = paper(example_result, PARTICULARS, "en")
    total = len(book.sheetnames)
    texts = set(_header_cells(book["Findings"]).values())
    assert f"WP no.: KKR-LKjIP/03 (sheet 2 of {total})" in texts
    assert "Prepared by: Budi Santoso (NIP 19900202 201501 1 002), Auditor Pertama" in texts
    assert "16 March 2022" in texts and "Initials" in texts
    assert "Page &P of &N" in book["Findings"].oddFooter.right.text


def _findings_columns(ws: Any) -> dict[str, int]:
    return {
        cell.value: cell.column for cell in ws[HEADER] if isinstance(cell.value, str) and cell.value
    }


@pytest.mark.parametrize("name", ["example", "policy"])
def test_the_review_decision_is_a_drop_down_on_every_finding(
    name: str, example_result: RunResult, policy_result: RunResult
) -> None:
    result = {"example": example_result, "policy": policy_result}[name]
    count = len(result.findings)
    assert count > 1
    ws = paper(result)["Temuan"]
    columns = _findings_columns(ws)
    decision = openpyxl.utils.get_column_letter(columns["Keputusan reviu"])
    # the review team's columns follow the decision, yellow like it
    assert columns["Tanggapan auditi"] == columns["Keputusan reviu"] + 1
    assert columns["Tindak lanjut"] == columns["Keputusan reviu"] + 2
    (validation,) = ws.data_validations.dataValidation
    assert validation.type == "list"
    assert str(validation.sqref) == f"{decision}{HEADER + 1}:{decision}{HEADER + count}"
    assert validation.formula1 == '"' + ",".join(DECISIONS_ID) + '"'
    assert validation.showErrorMessage and validation.allow_blank  # a choice, or nothing yet
    assert validation.prompt and validation.error
    for title in ("Keputusan reviu", "Tanggapan auditi", "Tindak lanjut"):
        col = columns[title]
        assert ws.cell(HEADER, col).fill.fgColor.rgb == "FFFFF2CC"
        for row in range(HEADER + 1, HEADER + count + 1):
            cell = ws.cell(row, col)
            assert cell.value is None and cell.fill.fgColor.rgb == "FFFFFBEA"
    assert ws.cell(HEADER + count + 1, columns["Keputusan reviu"]).value is None


def test_the_decisions_in_english_and_a_run_without_findings(example_result: RunResult) -> None:
    ws = paper(example_result, lang="en")["Findings"]
    (validation,) = ws.data_validations.dataValidation
    assert validation.formula1 == '"' + ",".join(DECISIONS_EN) + '"'
    clean = paper(with_files(example_result, example_result.files[1]))["Temuan"]
    assert not clean.data_validations.dataValidation
    assert clean.cell(HEADER + 1, 2).value == "Tidak ada temuan."


def _target(cell: Any) -> tuple[str, int, int]:
    """An internal link's sheet, row and column (1-based)."""
    link = cell.hyperlink
    assert link is not None and link.location and not link.target, cell.coordinate
    sheet, _, ref = link.location.rpartition("!")
    if sheet.startswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    letters, row = openpyxl.utils.cell.coordinate_from_string(ref)
    return sheet, row, openpyxl.utils.column_index_from_string(letters)


def _row_texts(ws: Any, row: int) -> list[str]:
    return [c.value for c in ws[row] if isinstance(c.value, str)]


def _mentions(texts: list[str], rule: str, number: int) -> bool:
    return any(re.search(rf"\b{rule} #{number}\b", text) for text in texts)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_link_between_findings_and_table_rows_resolves(
    example_result: RunResult, lang: str
) -> None:
    book = paper(example_result, lang=lang)
    findings_name = book.sheetnames[1]
    findings_ws = book[findings_name]
    findings = [f for r in example_result.files for f in sorted(r.findings, key=Finding.sort_key)]
    see = _findings_columns(findings_ws)["Lihat lembar" if lang == "id" else "See sheet"]
    # Every internal link of the workbook lands on a sheet that exists, inside what it holds.
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.hyperlink is not None:
                    sheet, number, _ = _target(cell)
                    assert sheet in book.sheetnames, (ws.title, cell.coordinate)
                    assert number <= max(book[sheet].max_row, 1), (ws.title, cell.coordinate)
    # Temuan -> the row of a table sheet that names the finding by its rule and number.
    mentioned: dict[int, list[tuple[str, int]]] = {}
    for ws in book.worksheets[2:]:
        for row in range(HEADER, ws.max_row + 1):
            for number in range(1, len(findings) + 1):
                if _mentions(_row_texts(ws, row), findings[number - 1].rule, number):
                    mentioned.setdefault(number, []).append((ws.title, row))
    linked = 0
    for number, finding in enumerate(findings, 1):
        cell = findings_ws.cell(HEADER + number, see)
        assert findings_ws.cell(HEADER + number, 1).value == number
        if number not in mentioned:  # no table sheet shows it (Tabel 2.1 has none)
            assert cell.hyperlink is None and cell.value is None, finding.rule
            continue
        sheet, row, _ = _target(cell)
        assert cell.value == sheet
        assert (sheet, row) in mentioned[number], (finding.rule, sheet, row)
        linked += 1
        # ... and back: the row's verdict links to a finding it names, this one when it
        # is the first the row names
        table = book[sheet]
        backs = [c for c in table[row] if c.hyperlink is not None]
        assert len(backs) == 1, (sheet, row)
        back_sheet, back_row, back_col = _target(backs[0])
        assert (back_sheet, back_col) == (findings_name, 1)
        other = back_row - HEADER
        assert _mentions(_row_texts(table, row), findings[other - 1].rule, other)
        first = re.search(r"\b([A-Z]+[0-9]+) #([0-9]+)\b", " ".join(_row_texts(table, row)))
        assert first is not None
        if int(first.group(2)) == number:
            assert back_row == HEADER + number
    # every finding about a table that has a sheet is linked to it
    prefixes = tuple(f"/tabel/{key}/" for key in TABLE_SHEETS.values())
    on_sheets = [f for f in findings if f.location.pointer.startswith(prefixes)]
    assert linked >= len(on_sheets) > 0
    # Every verdict link on a table sheet goes to the Temuan row of a finding the row names.
    backs_checked = 0
    for ws in book.worksheets[2:]:
        for row in ws.iter_rows(min_row=HEADER):
            for cell in row:
                if cell.hyperlink is None:
                    continue
                sheet, target_row, col = _target(cell)
                assert (sheet, col) == (findings_name, 1)
                number = target_row - HEADER
                assert 1 <= number <= len(findings)
                texts = _row_texts(ws, cell.row)
                assert _mentions(texts, findings[number - 1].rule, number), (ws.title, cell.row)
                backs_checked += 1
    assert backs_checked >= linked


def test_the_correct_kategori_column(example_result: RunResult) -> None:
    """The "Kategori yang benar" column: the kategori a finding on the printed one names;
    without a finding, the scale's reading of the printed capaian (the printed kategori here)."""
    report = example_result.files[1]  # the corrected report: no findings of its own
    view = ReportView(report.data)
    rows = view.rows("capaian")
    wrong = rows[1]
    finding = Finding(
        rule="KAT001",
        severity=Severity.ERROR,
        message=Text("Kategori salah", "Wrong kategori"),
        location=TextLocation(report.label, wrong.cell("kategori").pointer),
        printed=wrong.cell("kategori").value,
        expected="Sedang",
    )
    changed = one_file(report, findings=[finding])
    sheet = read_workbook(render(with_files(example_result, changed)))["3.2 Capaian"]
    printed = sheet.column_of(HEADER, "Kategori tertulis")
    correct = column(sheet, "Kategori yang benar")
    assert _col(correct) == _col(printed) + 1
    scale = scale_in_force(view)
    for number, row in enumerate(rows, HEADER + 1):
        cells = sheet.row(number)
        if row is wrong:
            assert cells[correct].value == "Sedang" != cells[printed].value
            assert cells[printed].red
            continue
        capaian_cell = row.cell("capaian")
        reading = "N/A" if capaian_cell.is_na else scale.reading(capaian_cell.number)
        assert cells[correct].value == reading == row.cell("kategori").value, row.label
        assert not cells[printed].red
    # The reference report's own sheet: no finding on a kategori, so the printed one.
    own = read_workbook(render(example_result))["1 3.2 Capaian"]
    for number, row in enumerate(ReportView(example_result.files[0].data).rows("capaian"), 11):
        assert own.row(number)[correct].value == row.cell("kategori").value


def _printed_width(ws: Any) -> float:
    """The width (in characters) of the printed columns: the print area's."""
    area = ws.print_area
    last = ws.max_column
    if area:
        ref = area[0] if isinstance(area, list) else area
        last = openpyxl.utils.column_index_from_string(
            re.findall(r"\$([A-Z]+)\$\d+", ref.rpartition("!")[2])[-1]
        )
    widths = {}
    for dimension in ws.column_dimensions.values():
        for index in range(dimension.min or 1, (dimension.max or dimension.min or 1) + 1):
            widths[index] = dimension.width or 8.43
    return sum(widths.get(index, 8.43) for index in range(1, last + 1))


def test_every_sheet_prints_as_a_working_paper(example_result: RunResult) -> None:
    book = paper(example_result, PARTICULARS)
    names = book.sheetnames
    assert "Target" not in names and all(not n.endswith(" Target") for n in names)
    assert f"1 {CROSS}" in names  # the sheet comparing target, realisasi and capaian
    title = book[f"1 {CROSS}"].cell(KKR_ROWS + 1, 1).value
    assert title == (
        "Perbandingan antartabel: target, realisasi dan capaian yang sama di setiap tabel"
    )
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert setup.fitToWidth in (None, 1) and setup.fitToHeight == 0, ws.title
        if ws.title == "Ringkasan":
            # the cover: a tall list with each file's charts starting a page, printed as
            # a portrait page (landscape would cut the charts in two)
            assert setup.orientation == "portrait"
        elif _printed_width(ws) > 100:  # wider than an A4 portrait page holds readably
            assert setup.orientation == "landscape", ws.title
        # page numbers and the sheet's name in the footer
        assert ws.oddFooter.right.text == "Halaman &P dari &N", ws.title
        assert ws.oddFooter.left.text.endswith("&A"), ws.title
        if ws.title == "Ringkasan" or ws.title.endswith(CROSS):
            continue  # no single table: the cover, and one table per compared figure
        # the table's header row is repeated on every printed page
        assert ws.print_title_rows == f"${HEADER}:${HEADER}", ws.title
        # the technical columns (file, line, pointer) are hidden and outside the print area
        hidden = [d.min for d in ws.column_dimensions.values() if d.hidden and d.min is not None]
        area = ws.print_area[0] if isinstance(ws.print_area, list) else ws.print_area
        last = re.findall(r"\$([A-Z]+)\$\d+", area.rpartition("!")[2])[-1]
        assert hidden and min(hidden) == openpyxl.utils.column_index_from_string(last) + 1
    # the table sheets and the findings sheet are wide: all landscape
    wide = [ws for ws in book.worksheets if ws.title != "Ringkasan"]
    assert all(ws.page_setup.orientation == "landscape" for ws in wide)
