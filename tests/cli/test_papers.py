"""End to end: the auditor's papers from the command line.

A folder run gives one workbook and one note per report plus an index workbook
that links to them, under stable, collision-free names; one file asked for the
papers of several reports is refused (exit 2) and nothing is written; when every
output goes to a file, standard error summarises the run; the date of
preparation is recorded by default, ``SOURCE_DATE_EPOCH`` fixes it and
``--no-timestamp`` leaves it out, and either gives byte-identical papers.

Counts come from the engine's own findings on the examples, never pinned.
"""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest
from click.testing import CliRunner, Result

from sakip_validate.api import run
from sakip_validate.cli import main
from sakip_validate.clock import today
from sakip_validate.delivery import INDEX_NAME, paper_names
from sakip_validate.findings import Severity
from sakip_validate.result import RunResult

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "jatinegara-2021.toml"
CORRECTED = EXAMPLES / "jatinegara-2021-corrected.toml"
HEADER = 10  # the header row of the findings sheet (1-based), under the KKR header
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
EPOCH = "1647216000"  # 2022-03-14 00:00:00 UTC


def invoke(*args: Any, env: dict[str, str] | None = None) -> Result:
    outcome = CliRunner().invoke(main, [str(arg) for arg in args], env=env)
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit), outcome.output
    return outcome


def _day(iso: str) -> str:
    """``2022-03-14`` as the papers print it: ``14 Maret 2022``."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {MONTHS.split()[month - 1]} {year}"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The examples (the reference report as TOML and JSON, and its corrected copy)."""
    target = tmp_path / "laporan"
    target.mkdir()
    for path in EXAMPLES.iterdir():
        if path.suffix in (".toml", ".json"):
            shutil.copy(path, target / path.name)
    return target


@pytest.fixture
def engine(folder: Path) -> RunResult:
    """What the engine finds in the folder, to compare the papers with."""
    return run([str(folder)])


def _findings_rows(book: openpyxl.Workbook) -> int:
    ws = book.worksheets[1]
    rows = 0
    while ws.cell(HEADER + rows + 1, 4).value:  # the rule column
        rows += 1
    return rows


def _note_points(path: Path) -> int:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return sum(
        len(table.rows) - 1
        for table in document.tables
        if table.rows[0].cells[1].text == "Uraian catatan"
    )


# -- a folder of papers -----------------------------------------------------------------


def test_a_folder_run_gives_one_set_of_papers_per_report_and_an_index(
    folder: Path, engine: RunResult, tmp_path: Path
) -> None:
    out = tmp_path / "kkr"
    done = invoke(
        "check", folder, "--isolated",
        "--format", "excel", "-o", f"{out}/",
        "--format", "reviu-docx", "-o", f"{out}/",
        "--format", "reviu", "-o", f"{out}/",
    )  # fmt: skip
    assert engine.verdict is not None
    assert done.exit_code == engine.verdict.exit_code, done.output
    reports = engine.reports
    assert len(reports) == 3
    names = paper_names([report.label for report in reports])
    # named after each report; the .toml and .json of one report told apart by their ending
    assert sorted(names) == [
        "jatinegara-2021-corrected",
        "jatinegara-2021-json",
        "jatinegara-2021-toml",
    ]
    expected = {f"{name}{ending}" for name in names for ending in (".xlsx", ".docx", ".md")}
    assert {path.name for path in out.iterdir()} == expected | {INDEX_NAME}
    for report, name in zip(reports, names, strict=True):
        count = len(report.findings)
        book = openpyxl.load_workbook(out / f"{name}.xlsx")
        # one report's paper: its findings only, its sheets without a file number
        assert _findings_rows(book) == count, name
        assert not any(re.match(r"\d+ ", sheet) for sheet in book.sheetnames)
        total = len(book.sheetnames)
        header = {c.value for row in book.worksheets[0].iter_rows(max_row=5) for c in row}
        assert any(f"(lembar 1 dari {total})" in str(text) for text in header)
        assert _note_points(out / f"{name}.docx") == count, name
        note = (out / f"{name}.md").read_text(encoding="utf-8")
        assert len(re.findall(r"^\d+\. Kondisi: ", note, flags=re.M)) == count, name
        assert report.label.rpartition("/")[2] in note  # the note of this report
    # The index: a row per report with its counts and a relative link to each paper.
    index = openpyxl.load_workbook(out / INDEX_NAME).worksheets[0]
    assert index.title == "Indeks"
    head = {cell.value: cell.column for cell in index[HEADER] if cell.value}
    for title in ("Kertas kerja reviu (Excel)", "Catatan hasil reviu (Word)"):
        assert title in head
    assert "Catatan hasil reviu (Markdown)" in head
    for number, (report, name) in enumerate(zip(reports, names, strict=True), HEADER + 1):
        assert index.cell(number, head["Berkas"]).value == report.label
        counts = engine.for_report(report).counts()
        assert index.cell(number, head["Kesalahan"]).value == counts[Severity.ERROR]
        assert index.cell(number, head["Peringatan"]).value == counts[Severity.WARNING]
        assert index.cell(number, head["Informasi"]).value == counts[Severity.INFO]
        assert index.cell(number, head["Jumlah"]).value == len(report.findings)
        for title, ending in (
            ("Kertas kerja reviu (Excel)", ".xlsx"),
            ("Catatan hasil reviu (Word)", ".docx"),
            ("Catatan hasil reviu (Markdown)", ".md"),
        ):
            cell = index.cell(number, head[title])
            assert cell.value == cell.hyperlink.target == f"{name}{ending}"
            assert (out / cell.hyperlink.target).is_file()  # relative: beside the index
    assert index.cell(HEADER + 4, head["Berkas"]).value is None
    assert index.print_title_rows == f"${HEADER}:${HEADER}"


def test_papers_are_named_stably_and_never_collide() -> None:
    # a report's paper is named after its file; the plainest name that tells reports apart
    assert paper_names(["laporan/jatinegara-2021.toml"]) == ["jatinegara-2021"]
    assert paper_names(["a/laporan.toml", "b/laporan.toml", "c/lain.json"]) == [
        "a-laporan-toml",
        "b-laporan-toml",
        "lain",
    ]
    # letter case does not tell files apart on Windows and macOS
    names = paper_names(["x/Laporan.toml", "y/laporan.toml"])
    assert len({name.lower() for name in names}) == 2
    # the same labels in another order give the same names, in that order
    labels = ["a/laporan.toml", "b/laporan.toml", "a/laporan.json", "z/kec 2021.toml"]
    names = paper_names(labels)
    assert paper_names(labels[::-1]) == names[::-1]
    # names that clean to the same text are numbered as a last resort
    names = paper_names(["a b.toml", "a_b.toml", "a:b.toml"])
    assert len({name.lower() for name in names}) == 3
    # never the index's name, never a device name, only portable characters
    odd = ["indeks.toml", "CON.json", "Kecamatan Ñ/laporan ké (final).toml", "/.toml", "x" * 300]
    for name in paper_names(odd):
        assert re.fullmatch(r"[A-Za-z0-9._-]{1,80}", name), name
        assert name.lower() not in ("indeks", "con")
    assert paper_names(odd)[2] == "laporan_ke_final"


@pytest.mark.parametrize("fmt", ["excel", "reviu-docx", "reviu"])
def test_one_file_for_many_reports_is_refused_and_nothing_is_written(
    folder: Path, tmp_path: Path, fmt: str
) -> None:
    single = tmp_path / "satu.out"
    other = tmp_path / "hasil.json"
    done = invoke(
        "check", folder, "--isolated",
        "--format", fmt, "-o", single, "--format", "json", "-o", other,
    )  # fmt: skip
    assert done.exit_code == 2  # a usage error, as documented
    said = " ".join(done.output.split())
    assert (
        f"3 laporan diperiksa, tetapi ini satu berkas: kertas kerja {fmt} dibuat satu per "
        f"laporan. Beri folder, misalnya -o {tmp_path / 'satu'}/"
    ) in said
    assert "3 reports were checked but this is a single file" in said
    assert not single.exists() and not other.exists()
    assert [path.name for path in tmp_path.iterdir()] == ["laporan"]
    # one report in one file is what a file is for
    done = invoke("check", CORRECTED, "--isolated", "--format", fmt, "-o", single)
    assert done.exit_code == 0, done.output
    assert single.stat().st_size > 0


# -- the summary on standard error ------------------------------------------------------


def test_the_console_summarises_when_every_output_goes_to_files(
    folder: Path, engine: RunResult, tmp_path: Path
) -> None:
    out, json_file = tmp_path / "kkr", tmp_path / "hasil.json"
    args = ["check", folder, "--isolated", "--format", "excel", "-o", f"{out}/"]
    args += ["--format", "json", "-o", json_file]
    done = invoke(*args)
    assert done.stdout == ""
    counts = engine.counts()
    names = sorted(f"{name}.xlsx" for name in paper_names([r.label for r in engine.reports]))
    assert done.stderr.splitlines() == [
        f"3 berkas diperiksa: {counts[Severity.ERROR]} kesalahan, "
        f"{counts[Severity.WARNING]} peringatan, {counts[Severity.INFO]} informasi.",
        f"  excel: 3 berkas di {out} ({', '.join(names)})",
        f"  json: {json_file}",
        f"  indeks: {out / INDEX_NAME}",
    ]
    english = invoke(*args, "--lang", "en")
    assert english.stderr.splitlines() == [
        f"3 files checked: {counts[Severity.ERROR]} errors, "
        f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info.",
        f"  excel: 3 files in {out} ({', '.join(names)})",
        f"  json: {json_file}",
        f"  index: {out / INDEX_NAME}",
    ]
    # A clean report says so.
    clean = invoke("check", CORRECTED, "--isolated", "--format", "json", "-o", json_file)
    assert clean.stderr.splitlines() == [
        "1 berkas diperiksa: tidak ada temuan.",
        f"  json: {json_file}",
    ]
    # With one format on standard output, that output speaks: no summary on stderr.
    shown = invoke(
        "check", folder, "--isolated", "--format", "excel", "-o", f"{out}/", "--format", "json"
    )
    assert shown.stdout.startswith("{") and shown.stderr == ""


# -- dates ------------------------------------------------------------------------------


def _prepared_on(path: Path) -> str:
    """The date beside "Disusun oleh" in the findings sheet's KKR header."""
    ws = openpyxl.load_workbook(path).worksheets[1]
    for row in ws.iter_rows(max_row=5):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("Disusun oleh"):
                paraf = next(c for c in ws[2] if c.value == "Paraf")
                return str(ws.cell(cell.row, paraf.column - 1).value)
    raise AssertionError("no Disusun oleh in the KKR header")


def _created(path: Path) -> str:
    core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
    found = re.search(r"<dcterms:created[^>]*>([^<]+)<", core)
    assert found is not None
    return found.group(1)


def _papers(target: Path, *extra: Any, env: dict[str, str] | None = None) -> dict[str, bytes]:
    """The workbook and both notes of the reference report, written to ``target``."""
    target.mkdir()
    done = invoke(
        "check", EXAMPLE, "--isolated",
        "--format", "excel", "-o", target / "kkr.xlsx",
        "--format", "reviu-docx", "-o", target / "chr.docx",
        "--format", "reviu", "-o", target / "chr.md",
        *extra, env=env,
    )  # fmt: skip
    assert done.exit_code == 1, done.output
    return {path.name: path.read_bytes() for path in sorted(target.iterdir())}


def test_the_date_of_preparation_is_recorded_by_default(tmp_path: Path) -> None:
    before = today()
    _papers(tmp_path / "a", env={"SOURCE_DATE_EPOCH": ""})
    after = today()
    assert _prepared_on(tmp_path / "a" / "kkr.xlsx") in {
        _day(d.isoformat()) for d in (before, after)
    }
    note = (tmp_path / "a" / "chr.md").read_text(encoding="utf-8")
    assert any(_day(d.isoformat()) in note for d in (before, after))


def test_source_date_epoch_fixes_the_date_and_the_bytes(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    first = _papers(tmp_path / "a", env=env)
    second = _papers(tmp_path / "b", env=env)
    assert first == second
    assert _prepared_on(tmp_path / "a" / "kkr.xlsx") == "14 Maret 2022"
    assert _created(tmp_path / "a" / "kkr.xlsx") == "2022-03-14T00:00:00Z"
    assert "14 Maret 2022" in first["chr.md"].decode()
    document = docx.Document(io.BytesIO(first["chr.docx"]))
    assert document.core_properties.created is not None
    assert document.core_properties.created.date().isoformat() == "2022-03-14"


def test_no_timestamp_gives_byte_identical_papers(tmp_path: Path) -> None:
    first = _papers(tmp_path / "a", "--no-timestamp")
    second = _papers(tmp_path / "b", "--no-timestamp")
    assert set(first) == {"chr.docx", "chr.md", "kkr.xlsx"}
    assert first == second
    # no date of preparation: a line to fill in, and the manifest says why
    assert re.fullmatch(r"_{5,}", _prepared_on(tmp_path / "a" / "kkr.xlsx"))
    summary = openpyxl.load_workbook(tmp_path / "a" / "kkr.xlsx").worksheets[0]
    texts = {c.value for row in summary.iter_rows() for c in row}
    assert "(tidak dicatat: --no-timestamp)" in texts
    # a folder run too, index included
    for name in ("c", "d"):
        target = f"{tmp_path / name}/"
        invoke(
            "check", EXAMPLES, "--isolated", "--no-timestamp",
            "--format", "excel", "-o", target, "--format", "reviu-docx", "-o", target,
        )  # fmt: skip
    c = {p.name: p.read_bytes() for p in (tmp_path / "c").iterdir()}
    d = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir()}
    assert INDEX_NAME in c and len(c) == 7 and c == d


def test_reviu_values_reach_the_papers(tmp_path: Path) -> None:
    particulars = [
        "--reviu", "apip=Inspektorat Kabupaten Tegal",
        "--reviu", "nomor_kkr=KKR-LKjIP/07",
        "--reviu", "surat_tugas.nomor=700/124/Insp/2022",
        "--reviu", "surat_tugas.tanggal=2022-03-14",
        "--reviu", "periode.mulai=2022-03-14",
        "--reviu", "periode.selesai=2022-03-18",
        "--reviu", 'disusun_oleh={nama="Budi Santoso", nip="19900202 201501 1 002", '
                   "tanggal=2022-03-16}",
        "--reviu", 'direviu_oleh={nama="Siti Aminah", tanggal=2022-03-17}',
    ]  # fmt: skip
    # the auditor's date of preparation wins over the run's
    papers = _papers(tmp_path / "a", *particulars, env={"SOURCE_DATE_EPOCH": EPOCH})
    book = openpyxl.load_workbook(tmp_path / "a" / "kkr.xlsx")
    total = len(book.sheetnames)
    for number, ws in enumerate(book.worksheets, 1):
        texts = {c.value for row in ws.iter_rows(max_row=5) for c in row if c.value}
        assert "INSPEKTORAT KABUPATEN TEGAL" in texts
        assert f"No. KKR: KKR-LKjIP/07 (lembar {number} dari {total})" in texts
        assert (
            "Surat Tugas No. 700/124/Insp/2022 tanggal 14 Maret 2022; "
            "periode reviu 14 Maret 2022 s.d. 18 Maret 2022"
        ) in texts
        assert "Disusun oleh: Budi Santoso (NIP 19900202 201501 1 002)" in texts
        assert "Direviu oleh: Siti Aminah" in texts
        assert {"16 Maret 2022", "17 Maret 2022"} <= texts
    assert _prepared_on(tmp_path / "a" / "kkr.xlsx") == "16 Maret 2022"
    note = papers["chr.md"].decode()
    assert "700/124/Insp/2022" in note and "KKR-LKjIP/07" in note
    # and the index of a folder run carries the same header
    out = tmp_path / "kkr"
    invoke("check", EXAMPLES, "--isolated", "--format", "excel", "-o", f"{out}/", *particulars)
    index = openpyxl.load_workbook(out / INDEX_NAME).worksheets[0]
    texts = {c.value for row in index.iter_rows(max_row=5) for c in row if c.value}
    assert "No. KKR: KKR-LKjIP/07 (lembar 1 dari 1)" in texts
