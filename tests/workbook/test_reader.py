"""A workbook filled the way a person types, and workbooks built to hurt."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from sakip_validate.api import check_file
from sakip_validate.loading import LoadFailed
from sakip_validate.reading import read_bytes, read_path
from sakip_validate.workbook.layout import layout
from sakip_validate.workbook.writer import write_workbook


def column_of(ws: object, sheet: str, heading: str) -> int:
    header = layout().sheet(sheet).header_row
    for cell in ws[header]:  # type: ignore[index]
        if cell.value == heading:
            return int(cell.column)
    raise KeyError(heading)


def label_row(ws: object, label: str) -> int:
    for row in ws.iter_rows(min_col=1, max_col=1):  # type: ignore[attr-defined]
        if row[0].value == label:
            return int(row[0].row)
    raise KeyError(label)


def fill(path: Path) -> None:
    """Type a small report into a fresh template, as a person would (text, commas, %)."""
    write_workbook(path)
    book = openpyxl.load_workbook(path)
    ident = book["Identitas"]
    for label, value in [
        ("Jenis laporan", "LKjIP"),
        ("Tahun anggaran", 2021),
        ("Nama unit kerja", "Kecamatan Contoh"),
        ("Tingkat unit kerja", "kecamatan"),
    ]:
        ident.cell(label_row(ident, label), 2, value)
    ind = book["Indikator"]
    h = layout().sheet("Indikator").header_row
    for heading, value in [
        ("Id", "IKM"),
        ("Nama", "Nilai IKM"),
        ("Satuan", "indeks"),
        ("Polaritas", "positif"),
    ]:
        ind.cell(h + 1, column_of(ind, "Indikator", heading), value)
    cap = book["Capaian"]
    h = layout().sheet("Capaian").header_row
    row = {
        "No": "1",
        "Id Indikator": "IKM",
        "Indikator Kinerja": "Nilai IKM",
        "Target": "80,95",
        "Realisasi": "80,90",
        "Capaian": "99,93%",  # truncated, not rounded: a finding at this cell
    }
    for heading, value in row.items():
        cap.cell(h + 1, column_of(cap, "Capaian", heading), value)
    cap.cell(label_row(cap, "Tahun"), 2, 2021)
    book.save(path)


def test_a_filled_template_is_checked_at_its_cells(tmp_path: Path) -> None:
    path = tmp_path / "laporan.xlsx"
    fill(path)
    document = read_path(path)
    baris = document.data["tabel"]["capaian"]["baris"][0]
    assert str(baris["target"]) == "80.95" and str(baris["capaian"]) == "99.93"
    report = check_file(path)
    assert report.findings
    capaian_col = column_of(openpyxl.load_workbook(path)["Capaian"], "Capaian", "Capaian")
    h = layout().sheet("Capaian").header_row
    cells = {f.location.cell for f in report.findings if f.location.pointer.endswith("/capaian")}
    letter = openpyxl.utils.get_column_letter(capaian_col)
    assert f"Capaian!{letter}{h + 1}" in cells
    assert all(f.location.cell for f in report.findings)


def write_cells(path: Path, sheet: str, values: dict[str, object]) -> Path:
    write_workbook(path)
    book = openpyxl.load_workbook(path)
    ws = book[sheet]
    h = layout().sheet(sheet).header_row
    for heading, value in values.items():
        ws.cell(h + 1, column_of(ws, sheet, heading), value)
    book.save(path)
    return path


def test_ambiguous_cell_is_asked_not_guessed(tmp_path: Path) -> None:
    path = write_cells(tmp_path / "a.xlsx", "Capaian", {"Id Indikator": "IKM", "Target": "1.500"})
    document = read_path(path)
    (note,) = document.notes
    h = layout().sheet("Capaian").header_row
    assert note.rule == "LOAD009"
    column = column_of(openpyxl.load_workbook(path)["Capaian"], "Capaian", "Target")
    assert note.location.cell == f"Capaian!{openpyxl.utils.get_column_letter(column)}{h + 1}"
    assert "1,5" in note.message.id and "1500" in note.message.id
    findings = check_file(path).findings
    assert [f.rule for f in findings if f.location.pointer == note.location.pointer] == ["LOAD009"]


def test_percent_fraction_and_formula_without_value(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_workbook(path)
    book = openpyxl.load_workbook(path)
    ws = book["Capaian"]
    h = layout().sheet("Capaian").header_row
    ws.cell(h + 1, column_of(ws, "Capaian", "Id Indikator"), "IKM")
    target = ws.cell(h + 1, column_of(ws, "Capaian", "Target"), 0.8095)
    target.number_format = "0.00%"
    ws.cell(h + 1, column_of(ws, "Capaian", "Capaian"), "=F4/E4*100")
    book.save(path)  # openpyxl stores no value for a formula
    document = read_path(path)
    assert str(document.data["tabel"]["capaian"]["baris"][0]["target"]) == "80.95"
    assert [n.rule for n in document.notes] == ["LOAD010"]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        (b"this is not a workbook", "bukan buku kerja"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"), "kata sandi"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, ".xls"),
    ],
)
def test_hostile_files_are_refused_clearly(raw: bytes, words: str) -> None:
    with pytest.raises(LoadFailed) as failed:
        read_bytes(raw, "x.xlsx", "xlsx")
    assert failed.value.unreadable
    assert words in failed.value.finding.message.id
    assert failed.value.finding.rule == "LOAD001"


def test_zip_without_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(LoadFailed) as failed:
        read_bytes(buffer.getvalue(), "x.xlsx", "xlsx")
    assert "xl/workbook.xml" in failed.value.finding.message.id


def test_zip_bomb_is_stopped_before_parsing() -> None:
    from sakip_validate.loading.limits import Limits

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 5_000_000)
    small = Limits(file_bytes=100_000)
    with pytest.raises(LoadFailed) as failed:
        read_bytes(buffer.getvalue(), "bomb.xlsx", "xlsx", small)
    assert failed.value.finding.rule == "LOAD007"
    assert "mengembang" in failed.value.finding.message.id


def test_damaged_workbook(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really")
    with pytest.raises(LoadFailed) as failed:
        read_bytes(buffer.getvalue(), "x.xlsx", "xlsx")
    assert "rusak" in failed.value.finding.message.id


def test_a_required_cell_left_empty_is_named_by_its_own_cell(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[2] / "examples/jatinegara-2021.toml"
    book = tmp_path / "laporan.xlsx"
    write_workbook(book, read_path(source).data)
    filled = openpyxl.load_workbook(book)
    sheet = filled["Indikator"]
    column = column_of(sheet, "Indikator", "Polaritas")
    sheet.cell(row=5, column=column).value = None  # the second indicator's polarity
    filled.save(book)
    report = check_file(book)
    (missing,) = [f for f in report.findings if f.rule == "SCHEMA002"]
    letter = openpyxl.utils.get_column_letter(column)
    assert missing.location.cell == f"Indikator!{letter}5"  # the empty cell, not the row's first
