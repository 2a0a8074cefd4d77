"""The ``reviu-docx`` output: the review note as a Word document, read back with python-docx."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from typing import Any

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.papers import ReviewParticulars
from sakip_validate.plugins.reviu.note import build_notes, cite
from sakip_validate.result import Manifest, RunResult

from .test_reviu import PARTICULARS
from .test_reviu import render as render_markdown


def render_bytes(result: RunResult, particulars: ReviewParticulars | None = None) -> bytes:
    stream = io.BytesIO()
    options = RenderOptions(reviu=particulars or ReviewParticulars())
    load_output("reviu-docx").render(result, options, stream)  # type: ignore[arg-type]
    return stream.getvalue()


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def example_docx(example_result: RunResult) -> Document:
    return read(render_bytes(example_result, PARTICULARS))


def headings(document: Document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def table_texts(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def is_repeated_header(row: Any) -> bool:
    properties = row._tr.trPr
    return properties is not None and properties.find(qn("w:tblHeader")) is not None


def findings_tables(document: Document) -> list[Any]:
    return [t for t in document.tables if table_texts(t)[0][:2] == ["No", "Uraian catatan"]]


def test_declares_itself_binary_and_word() -> None:
    plugin = load_output("reviu-docx")
    assert plugin.binary and plugin.needs_data
    assert "Word" in plugin.description


def test_a_word_package(example_result: RunResult) -> None:
    data = render_bytes(example_result)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/document.xml" in package.namelist()
        assert package.testzip() is None
        # not the preview picture of python-docx's own template
        assert not [name for name in package.namelist() if "thumbnail" in name]
        assert b"<Application>sakip-validate</Application>" in package.read("docProps/app.xml")


def test_headings_follow_the_note(example_result: RunResult, example_docx: Document) -> None:
    """Word heading styles, so the navigation pane lists the note; the same headings as the
    Markdown note, in the same order."""
    notes = len(example_result.reports)
    assert headings(example_docx, 1) == ["CATATAN HASIL REVIU"] * notes
    markdown = render_markdown(example_result, particulars=PARTICULARS)
    for level in (2, 3, 4):
        expected = re.findall(rf"^{'#' * level} (.+)$", markdown, flags=re.M)
        expected = [h.replace("\\", "") for h in expected]
        if level == 3:
            expected = [h for h in expected if h != "PERNYATAAN TELAH DIREVIU"]
        assert headings(example_docx, level) == expected, level
    assert "A. Identitas Reviu" in headings(example_docx, 2)
    assert "Lampiran 1. Draf Pernyataan Telah Direviu" in headings(example_docx, 2)


def test_page_setup_and_running_head(example_docx: Document) -> None:
    for section in example_docx.sections:
        assert abs(section.page_width - Mm(210)) < Mm(1)
        assert abs(section.page_height - Mm(297)) < Mm(1)
        assert section.left_margin >= Mm(25) and section.right_margin >= Mm(15)
        assert section.header.paragraphs[0].text.startswith("Catatan Hasil Reviu LKjIP")
        footer = section.footer.paragraphs[0]._p.xml
        assert "PAGE" in footer and "Halaman" in footer


def test_findings_tables_repeat_their_header(
    example_result: RunResult, example_docx: Document
) -> None:
    tables = findings_tables(example_docx)
    points = sum(len(t.rows) - 1 for t in tables)
    assert points == len(example_result.files[0].findings)
    for table in tables:
        assert is_repeated_header(table.rows[0])
        assert not any(is_repeated_header(row) for row in table.rows[1:])
        assert table_texts(table)[0] == ["No", "Uraian catatan", "Tertulis", "Seharusnya", "Rek."]


def test_points_say_what_the_markdown_says(
    example_result: RunResult, example_docx: Document
) -> None:
    """One content model: each point's number, condition, place and figures are the same."""
    (note, *_) = build_notes(example_result, PARTICULARS, "id")
    rows = [row for t in findings_tables(example_docx) for row in table_texts(t)[1:]]
    assert len(rows) == len(note.points)
    by_number = {f.message.id: f for f in example_result.files[0].findings}
    for row, point in zip(rows, note.points, strict=True):
        number, text, printed, expected, recommendation = row
        assert number == str(point.number)
        assert text.startswith(point.condition)
        assert f"Letak: {point.place}" in text and f"Tingkat: {point.severity}" in text
        assert point.place == (cite(by_number[point.condition]) or point.place)
        assert printed == (point.printed or "-") and expected == (point.expected or "-")
        assert recommendation == str(point.recommendation)


def test_particulars_are_fields(example_docx: Document) -> None:
    identity = table_texts(example_docx.tables[0])
    fields = {row[0]: row[2] for row in identity}
    assert fields["Surat Tugas"] == "Nomor 700/123/Insp/2022, tanggal 14 Maret 2022"
    assert fields["Periode reviu"] == "14 Maret 2022 s.d. 18 Maret 2022"
    assert fields["Nomor/indeks KKR"] == "KKR-LKjIP/03"
    assert fields["APIP pelaksana reviu"] == "Inspektorat Kabupaten Tegal"
    team = table_texts(example_docx.tables[1])
    assert team[0] == ["Peran", "Nama", "NIP", "Jabatan"] and is_repeated_header(
        example_docx.tables[1].rows[0]
    )
    assert ["Ketua Tim", "SITI AMINAH, S.E.", "19800101 200501 2 001", "Auditor Muda"] in team
    assert [row[0] for row in team].count("Anggota Tim") == 2
    signatures = next(t for t in example_docx.tables if "Disusun oleh," in t.cell(0, 0).text)
    cells = [cell.text for cell in signatures.rows[0].cells]
    assert "SITI AMINAH, S.E." in cells[0] and "Tanggal: 16 Maret 2022" in cells[0]
    assert "Pengendali Teknis" in cells[1] and "AHMAD FAUZI, S.H." in cells[1]
    assert "Pengendali Mutu" in cells[2] and "DRS. HARYANTO" in cells[2]


def test_blank_particulars_are_dotted_lines(example_result: RunResult) -> None:
    document = read(render_bytes(example_result))
    fields = {row[0]: row[2] for row in table_texts(document.tables[0])}
    for label in ("Surat Tugas", "Periode reviu", "Nomor/indeks KKR"):
        assert re.fullmatch(r"\.{10,}", fields[label]), label
    team = table_texts(document.tables[1])[1:]
    assert all(re.fullmatch(r"\.{5,}", row[1]) for row in team)


def test_the_statement_draft(example_result: RunResult, example_docx: Document) -> None:
    texts = [p.text for p in example_docx.paragraphs]
    start = texts.index("Lampiran 1. Draf Pernyataan Telah Direviu")
    statement = texts[start : texts.index("Lampiran 2. Rujukan Teknis untuk Tim Reviu")]
    assert "PERNYATAAN TELAH DIREVIU" in statement
    assert "KECAMATAN JATINEGARA KABUPATEN TEGAL" in statement
    assert any(
        t.startswith("Kami telah mereviu Laporan Kinerja Instansi Pemerintah") for t in statement
    )
    assert any("memberikan keyakinan terbatas" in t for t in statement)
    assert any(t.startswith("Draf. ") for t in statement)
    # it starts on a page of its own
    previous = example_docx.paragraphs[start - 1]._p.xml
    assert 'w:type="page"' in previous
    signer = next(t for t in example_docx.tables if "Inspektur Kabupaten Tegal," in t._tbl.xml)
    assert "NIP" in signer.rows[0].cells[1].text


def test_recommendations_once_with_all_their_places(
    example_result: RunResult, example_docx: Document
) -> None:
    table = next(t for t in example_docx.tables if table_texts(t)[0][:2] == ["No", "Rekomendasi"])
    assert is_repeated_header(table.rows[0])
    rows = table_texts(table)[1:]
    fixes = {example_result.catalog.get(f.rule).fix.id for f in example_result.files[0].findings}  # type: ignore[union-attr]
    assert sorted(row[1] for row in rows) == sorted(fixes)
    gap = example_result.catalog.get("KAT004").fix.id  # type: ignore[union-attr]
    (row,) = [row for row in rows if row[1] == gap]
    gaps = [f for f in example_result.files[0].findings if f.rule == "KAT004"]
    assert row[2].count("Tabel 3.1, baris") == len(gaps)
    everything = "\n".join(p.text for p in example_docx.paragraphs)
    everything += "\n".join(c.text for t in example_docx.tables for r in t.rows for c in r.cells)
    assert everything.count(gap) == 1


def test_technical_references_stay_in_the_attachment(
    example_result: RunResult, example_docx: Document
) -> None:
    report = example_result.files[0]
    technical = next(t for t in example_docx.tables if table_texts(t)[0][-1:] == ["JSON pointer"])
    rows = table_texts(technical)[1:]
    assert len(rows) == len(report.findings)
    pointers = {f.location.pointer for f in report.findings}
    assert {row[4] for row in rows} == pointers
    # nowhere else: not in the findings tables, not in the text before the attachment
    body = [row for t in findings_tables(example_docx) for row in table_texts(t)]
    for row in body:
        assert not any(pointer in cell for cell in row for pointer in pointers)
        assert not any(report.label in cell for cell in row)


def test_byte_identical_twice(example_result: RunResult) -> None:
    assert render_bytes(example_result) == render_bytes(example_result)


def test_dates_are_the_run_s(example_result: RunResult, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    fixed = render_bytes(example_result)
    core = read(fixed).core_properties
    assert core.created == dt.datetime(1980, 1, 1, tzinfo=dt.UTC) and core.modified == core.created
    with zipfile.ZipFile(io.BytesIO(fixed)) as package:
        assert {info.date_time for info in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1647216000")  # 2022-03-14 00:00 UTC
    epoch = render_bytes(example_result)
    assert read(epoch).core_properties.created == dt.datetime(2022, 3, 14, tzinfo=dt.UTC)
    assert epoch == render_bytes(example_result)
    assert example_result.manifest is not None
    stamped = dataclasses.replace(
        example_result,
        manifest=dataclasses.replace(
            example_result.manifest, generated_at="2022-03-16T08:30:00+00:00"
        ),
    )
    recorded = render_bytes(stamped)
    assert read(recorded).core_properties.created == dt.datetime(2022, 3, 16, 8, 30, tzinfo=dt.UTC)
    with zipfile.ZipFile(io.BytesIO(recorded)) as package:
        assert {info.date_time for info in package.infolist()} == {(2022, 3, 16, 8, 30, 0)}


def test_hostile_text_stays_text(hostile_result: RunResult) -> None:
    document = read(render_bytes(hostile_result))
    cells = [c.text for t in findings_tables(document) for r in t.rows for c in r.cells]
    assert any("<script>alert(1)</script>" in cell for cell in cells)  # shown, as text
    assert any("=HYPERLINK" in p.text for p in document.paragraphs)  # the unit's name
    xml = zipfile.ZipFile(io.BytesIO(render_bytes(hostile_result))).read("word/document.xml")
    assert b"<script" not in xml  # escaped by the XML writer


def test_one_document_for_several_reports(example_result: RunResult) -> None:
    document = read(render_bytes(example_result))
    assert len(document.sections) == len(example_result.reports)
    for section in document.sections:
        numbering = section._sectPr.find(qn("w:pgNumType"))
        assert numbering is not None and numbering.get(qn("w:start")) == "1"
    single = dataclasses.replace(example_result, files=example_result.files[:1])
    footer = read(render_bytes(single)).sections[0].footer.paragraphs[0]._p.xml
    assert "NUMPAGES" in footer  # "Halaman 3 dari 18" when the file holds one note


def test_policy_run_renders(policy_result: RunResult) -> None:
    document = read(render_bytes(policy_result))
    assert headings(document, 1)[-1] == "Catatan atas Pengecualian dan Baseline Pemeriksaan"


def test_python_docx_is_imported_only_to_render() -> None:
    """Listing or loading the plugin does not pay for python-docx (cold start)."""
    probe = (
        "import sys\n"
        "from sakip_validate.outputs import load_output\n"
        "load_output('reviu-docx'); load_output('reviu')\n"
        "print('docx' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_manifest_time_must_parse(example_result: RunResult) -> None:
    broken = dataclasses.replace(
        example_result,
        manifest=Manifest("0.1.0", "schema", (), generated_at="not a time"),
    )
    assert read(render_bytes(broken)).core_properties.created == dt.datetime(
        1980, 1, 1, tzinfo=dt.UTC
    )


def test_data_file_findings_only_in_the_attachment(broken_result: RunResult) -> None:
    document = read(render_bytes(broken_result))
    assert not findings_tables(document)
    tables = [t for t in document.tables if table_texts(t)[0][:2] == ["No", "Baris:kolom"]]
    rows = [row for table in tables for row in table_texts(table)[1:]]
    assert len(rows) == sum(len(report.findings) for report in broken_result.reports)
    assert all(is_repeated_header(table.rows[0]) for table in tables)


def test_a_very_long_unit_name_fits_the_properties(example_result: RunResult) -> None:
    report = example_result.files[1]
    data = {**report.data, "laporan": {**report.data["laporan"], "unit": {"nama": "x" * 5000}}}
    odd = dataclasses.replace(example_result, files=[dataclasses.replace(report, data=data)])
    document = read(render_bytes(odd))
    assert len(document.core_properties.title) == 255
    assert ("x" * 150) in document.paragraphs[2].text  # the name, cut to what a page holds
    assert ("x" * 5000) not in document.paragraphs[2].text
