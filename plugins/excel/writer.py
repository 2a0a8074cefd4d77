"""Writing the workbook: the vocabulary, cell formats and the cell primitives every sheet uses.

Text from a report or a message is always written with ``write_string``: a name
beginning with ``=``, ``+``, ``-`` or ``@`` stays text. Formulas are built only
from cell references, numbers and fixed function names. Each formula cell also
stores its result, computed exactly with :mod:`sakip_validate.domain.numbers`, so
viewers that do not recalculate show the right figures; Excel recalculates on load.

Whether a cell or a row is wrong is never decided here: a sheet passes the
findings the run put on it (:mod:`.marks`) and the writer only draws them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Context, Decimal, InvalidOperation, Overflow
from typing import TYPE_CHECKING, Any

from sakip_validate.domain.labels import Labels
from sakip_validate.domain.numbers import DIVISION_PRECISION, decimals_of
from sakip_validate.domain.values import as_number
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.result import RunResult

from .kkr import kkr_header, print_header
from .links import Links

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from sakip_validate.domain.view import ReportView

    from .kkr import Paper

Cached = float | str  # what a formula cell stores as its last result

# Creation date when the run recorded no time: fixed, like the zip entries' dates.
FIXED_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
LINE_HEIGHT = 15  # points per line of 11-point text
SHEET_NAME_MAX = 31

LABELS = Labels(
    {
        "sheet_summary": ("Ringkasan", "Summary"),
        "sheet_findings": ("Temuan", "Findings"),
        "title": ("Kertas Kerja Reviu LKjIP", "LKjIP Review Working Paper"),
        "summary_title": ("Ringkasan", "Summary"),
        "subtitle": (
            "Dibuat oleh sakip-validate {version}. Lembar per tabel menampilkan angka tertulis "
            "di samping rumus Excel yang menghitungnya ulang; sel merah = angka yang ditunjuk "
            "temuan.",
            "Produced by sakip-validate {version}. The table sheets show the printed figures "
            "beside Excel formulas that recompute them; red cells = figures a finding points at.",
        ),
        "files": ("Berkas yang diperiksa", "Files checked"),
        "assignment": ("Penugasan dan tim reviu", "Assignment and review team"),
        "apip": ("Unit APIP", "Internal audit unit"),
        "kkr_index": ("No. KKR", "Working paper no."),
        "surat_tugas": ("Surat Tugas (nomor, tanggal)", "Assignment letter (no., date)"),
        "period": ("Periode reviu", "Review period"),
        "ketua_tim": ("Ketua tim", "Team leader"),
        "anggota_tim": ("Anggota tim", "Team members"),
        "pengendali_teknis": ("Pengendali teknis", "Technical supervisor"),
        "pengendali_mutu": ("Pengendali mutu", "Quality supervisor"),
        "sheet_list": ("Lembar kertas kerja ini", "Sheets of this working paper"),
        "sheet_index": ("Indeks", "Index"),
        "index_title": ("Indeks kertas kerja reviu", "Index of the review working papers"),
        "index_note": (
            "Satu kertas kerja per laporan, di folder yang sama dengan indeks ini; klik nama "
            "berkas untuk membukanya. Menggagalkan: temuan setingkat --fail-on yang tidak "
            "dikecualikan.",
            "One set of papers per report, in the same folder as this index; click a file "
            "name to open it. Failing: findings at --fail-on or above that are not waived.",
        ),
        "failing": ("Menggagalkan", "Failing"),
        "paper_of": ("Kertas kerja ({format})", "Papers ({format})"),
        "paper_excel": ("Kertas kerja reviu (Excel)", "Review working paper (Excel)"),
        "paper_reviu-docx": ("Catatan hasil reviu (Word)", "Review note (Word)"),
        "paper_reviu": ("Catatan hasil reviu (Markdown)", "Review note (Markdown)"),
        "config_findings": (
            "Temuan atas berkas konfigurasi",
            "Findings about the configuration",
        ),
        "sheet": ("Lembar", "Sheet"),
        "content": ("Isi", "Content"),
        "summary_content": (
            "Penugasan, daftar lembar, jumlah temuan, manifes proses dan grafik",
            "Assignment, sheets, finding counts, run manifest and charts",
        ),
        "findings_content": (
            "Daftar temuan: letak di laporan, keputusan reviu, tanggapan auditi, tindak lanjut",
            "Findings: place in the report, review decision, auditee's response, follow-up",
        ),
        "no": ("No", "No"),
        "file": ("Berkas", "File"),
        "unit": ("Unit", "Unit"),
        "pemda": ("Pemerintah daerah", "Local government"),
        "year": ("Tahun anggaran", "Budget year"),
        "total": ("Jumlah", "Total"),
        "remarks": ("Keterangan", "Remarks"),
        "unreadable": ("(tidak terbaca)", "(unreadable)"),
        "not_checked": (
            "(tanpa lembar tabel: aturan tidak dijalankan; perbaiki dahulu temuan berkas ini)",
            "(no table sheets: the rules did not run; fix this file's findings first)",
        ),
        "by_severity": ("Temuan menurut tingkat", "Findings by severity"),
        "severity": ("Tingkat", "Severity"),
        "count": ("Jumlah", "Count"),
        "by_pack": ("Temuan menurut paket aturan", "Findings by rule pack"),
        "pack": ("Paket", "Pack"),
        "pack_title": ("Judul", "Title"),
        "version": ("Versi", "Version"),
        "manifest": ("Manifes proses", "Run manifest"),
        "tool": ("Alat", "Tool"),
        "schema_id": ("Skema ($id)", "Schema ($id)"),
        "packs": ("Paket aturan", "Rule packs"),
        "generated_at": ("Waktu pembuatan", "Generated at"),
        "prepared_on": ("Tanggal penyusunan", "Date of preparation"),
        "not_recorded": (
            "(tidak dicatat: --no-timestamp)",
            "(not recorded: --no-timestamp)",
        ),
        "language": ("Bahasa", "Language"),
        "input_hash": ("SHA-256 masukan", "Input SHA-256"),
        "charts": ("Grafik", "Charts"),
        "chart_data": ("Data grafik", "Chart data"),
        "chart_capaian": (
            "Capaian kinerja per indikator ({table}) dan batas kategori",
            "Capaian per indicator ({table}) and the kategori bands",
        ),
        "chart_serapan": (
            "Serapan anggaran per program ({table})",
            "Budget absorption per program ({table})",
        ),
        "indicator": ("Indikator", "Indicator"),
        "capaian_printed": ("Capaian tertulis (%)", "Printed capaian (%)"),
        "band_line": ("batas {kategori} ({range})", "{kategori} band ({range})"),
        "program": ("Program", "Program"),
        "serapan_printed": ("Serapan tertulis (%)", "Printed absorption (%)"),
        "file_n": ("Berkas {n}", "File {n}"),
        # findings sheet
        "findings_title": ("Daftar temuan reviu", "Review findings"),
        "findings_note": (
            "Kolom kuning diisi tim reviu: keputusan (pilih dari daftar), tanggapan auditi dan "
            "tindak lanjut. “Lihat lembar” membuka baris tabelnya; berkas, baris dan pointer ada "
            "di kolom teknis tersembunyi di kanan (klik + di atas kolom untuk membukanya).",
            "The yellow columns are for the review team: the decision (pick from the list), the "
            "auditee's response and the follow-up. “See sheet” opens the table row; file, line "
            "and pointer are in the hidden technical columns on the right (click + above them).",
        ),
        "rule": ("Aturan", "Rule"),
        "table": ("Tabel", "Table"),
        "printed_place": ("Letak di laporan", "Place in the report"),
        "see_sheet": ("Lihat lembar", "See sheet"),
        "place": ("Baris:kolom atau sel", "Line:column or cell"),
        "pointer": ("Pointer", "Pointer"),
        "printed": ("Tertulis", "Printed"),
        "expected": ("Seharusnya", "Expected"),
        "message": ("Uraian temuan", "Finding"),
        "legal_basis": ("Dasar hukum", "Legal basis"),
        "fix": ("Saran perbaikan", "Suggested correction"),
        "decision": ("Keputusan reviu", "Review decision"),
        "response": ("Tanggapan auditi", "Auditee's response"),
        "follow_up": ("Tindak lanjut", "Follow-up"),
        "decision_prompt": (
            "Pilih keputusan tim reviu atas temuan ini.",
            "Pick the review team's decision on this finding.",
        ),
        "decision_wrong": (
            "Pilih salah satu keputusan dari daftar.",
            "Pick one of the decisions in the list.",
        ),
        "status": ("Status", "Status"),
        "config_file": (
            "(berkas konfigurasi: temuan atas pengecualian yang dinyatakannya)",
            "(configuration file: findings about the waivers it declares)",
        ),
        "status_detail": ("Keterangan status", "Status details"),
        # the policy's marks
        "waived": ("Dikecualikan", "Waived"),
        "baselined": ("Di baseline", "In baseline"),
        "policy": (
            "Pengecualian, baseline dan berkas dilewati",
            "Waivers, baseline and skipped files",
        ),
        "baseline_file": ("Baseline", "Baseline"),
        "new": ("Temuan baru", "New findings"),
        "persisting": ("Masih ada", "Persisting"),
        "fixed": ("Sudah diperbaiki", "Fixed"),
        "fixed_list": ("Sudah diperbaiki sejak baseline", "Fixed since the baseline"),
        "skipped_list": ("Berkas dilewati (bukan laporan)", "Skipped files (not reports)"),
        "reason": ("Alasan", "Reason"),
        "waived_findings": ("Temuan dikecualikan", "Waived findings"),
        "no_findings": ("Tidak ada temuan.", "No findings."),
        # table sheets
        "kode": ("Kode", "Code"),
        "tingkat": ("Tingkat", "Level"),
        "uraian": ("Uraian", "Description"),
        "anggaran": ("Anggaran", "Anggaran (budget)"),
        "realisasi": ("Realisasi", "Realisasi (spent)"),
        "realisasi_kinerja": ("Realisasi", "Realisasi"),
        "sum_of": ("Σ {field} rincian (rumus)", "Σ {field} of sub-rows (formula)"),
        "diff": ("Selisih", "Difference"),
        "pct_printed": ("% tertulis", "Printed %"),
        "pct_formula": (
            "% = realisasi ÷ anggaran × 100 (rumus)",
            "% = realisasi ÷ anggaran × 100 (formula)",
        ),
        "match": ("Sesuai?", "Matches?"),
        "rules_on_row": ("Temuan", "Findings"),
        "related": ("Temuan terkait (tabel lain)", "Related findings (other tables)"),
        "yes": ("ya", "yes"),
        "no_match": ("TIDAK", "NO"),
        "related_match": ("TERKAIT", "RELATED"),
        "jumlah": ("JUMLAH", "JUMLAH (total)"),
        "budget_note": (
            "Σ = SUM angka tertulis pada baris rinciannya; % dihitung dari anggaran dan "
            "realisasi tertulis pada baris yang sama.",
            "Σ = SUM of the printed figures of the row's sub-rows; % is computed from the same "
            "row's printed budget and spending.",
        ),
        "red_note": (
            "Sel merah: angka yang ditunjuk temuan. Sesuai? = TIDAK bila ada temuan pada baris "
            "itu, TERKAIT bila temuan ada pada angka yang sama di tabel lain (klik untuk membuka "
            "temuannya); kolom Temuan menyebut aturan dan nomornya di lembar Temuan.",
            "Red cells: figures a finding points at. Matches? = NO when the row has a finding, "
            "RELATED when a finding is on the same figure in another table (click to open the "
            "finding); the Findings columns name the rule and its number on the Findings sheet.",
        ),
        "indicator_id": ("Id indikator", "Indicator id"),
        "indicator_name": ("Nama indikator", "Indicator name"),
        "polarity": ("Polaritas", "Polarity"),
        "tahun": ("Tahun", "Year"),
        "target": ("Target", "Target"),
        "target_akhir": ("Target akhir", "End target"),
        "capaian_formula": ("Capaian hitung ulang (rumus)", "Recomputed capaian (formula)"),
        "capaian_col": ("Capaian tertulis", "Printed capaian"),
        "kategori": ("Kategori tertulis", "Printed kategori"),
        "kategori_expected": ("Kategori yang benar", "Correct kategori"),
        "no_kategori": ("(tak ada di skala)", "(not on the scale)"),
        "kategori_note": (
            "Kategori yang benar: yang disebut temuan atas kategori itu; tanpa temuan, kategori "
            "skala yang berlaku untuk capaian tertulis.",
            "Correct kategori: the one a finding on that kategori names; without a finding, the "
            "kategori the scale in force gives the printed capaian.",
        ),
        "anggaran_ind": ("Anggaran", "Anggaran (budget)"),
        "realisasi_anggaran": ("Realisasi anggaran", "Realisasi anggaran (spent)"),
        "capaian_anggaran": ("% capaian anggaran tertulis", "Printed budget %"),
        "capaian_anggaran_formula": (
            "% anggaran = realisasi ÷ anggaran × 100 (rumus)",
            "Budget % = realisasi anggaran ÷ anggaran × 100 (formula)",
        ),
        "tingkat_efisiensi": ("Tingkat efisiensi tertulis", "Printed efficiency"),
        "indicator_note": (
            "Capaian dihitung ulang: polaritas positif realisasi ÷ target × 100, negatif "
            "(2 × target − realisasi) ÷ target × 100; target 0 memberi N/A.",
            "Capaian is recomputed: positive polarity realisasi ÷ target × 100, negative "
            "(2 × target − realisasi) ÷ target × 100; a target of 0 gives N/A.",
        ),
        "renstra_note": (
            "Capaian dihitung ulang: realisasi ÷ target akhir Renstra × 100.",
            "Capaian is recomputed: realisasi ÷ Renstra end target × 100.",
        ),
        "cross_title": (
            "Perbandingan antartabel: target, realisasi dan capaian yang sama di setiap tabel",
            "Across tables: the same target, realisasi and capaian in every table",
        ),
        "technical": ("Teknis", "Technical"),
        "cross": (
            "Target, realisasi dan capaian yang sama di setiap tabel",
            "The same target, realisasi and capaian in every table",
        ),
        "cross_note": (
            "Setiap baris harus sama di semua tabel.",
            "Every row must be the same in all tables.",
        ),
        "cross_target": ("Target", "Target"),
        "cross_realisasi": ("Realisasi", "Realisasi"),
        "cross_capaian": ("Capaian", "Capaian"),
        "spread": ("Selisih terbesar", "Largest difference"),
    }
)

SEVERITY_STYLE = {
    Severity.ERROR: {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    Severity.WARNING: {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    Severity.INFO: {"bg_color": "#DDEBF7", "font_color": "#1F4E78"},
}
# A cell a finding points at, and the row verdicts.
BAD = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
RELATED = {"bg_color": "#FFEB9C", "font_color": "#9C5700"}
GOOD = {"font_color": "#006100"}


def red(marked: bool) -> dict[str, str]:
    """The format properties of a cell a finding points at (none when it is not marked)."""
    return dict(BAD) if marked else {}


# -- small helpers ------------------------------------------------------------------


def col_name(col: int) -> str:
    """Column letters of a 0-based column: 0 → A, 26 → AA."""
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def ref(row: int, col: int) -> str:
    """A1-style reference of a 0-based row and column."""
    return f"{col_name(col)}{row + 1}"


def sum_of_cells(cells: Sequence[tuple[int, int]]) -> str:
    """``=SUM(...)`` over (row, col) cells, runs of adjacent rows of a column as ranges."""
    runs: list[tuple[int, int, int]] = []  # (first row, last row, col)
    for row, col in sorted(cells):
        if runs and runs[-1][2] == col and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row, col)
        else:
            runs.append((row, row, col))
    parts = [ref(a, c) if a == b else f"{ref(a, c)}:{ref(b, c)}" for a, b, c in runs]
    # Excel allows 255 arguments per function: nest SUMs beyond that.
    while len(parts) > 255:
        parts = [f"SUM({','.join(parts[i : i + 255])})" for i in range(0, len(parts), 255)]
    return f"=SUM({','.join(parts)})"


def num_format(decimals: int) -> str:
    """``#,##0`` with ``decimals`` places: the display of a printed figure."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def cached(value: Decimal | None) -> Cached:
    """A formula's stored result: a number, or "N/A" when the division has no result."""
    return "N/A" if value is None else float(value)


def ratio_operands(whole: Any, part: Any) -> tuple[Decimal, Decimal] | None:
    """(divisor, dividend) when the printed figures give a ratio to recompute, else None.

    A zero divisor gives N/A whatever the other figure; otherwise both must be numbers.
    """
    divisor, dividend = as_number(whole), as_number(part)
    if divisor is None or (dividend is None and divisor != 0):
        return None
    return divisor, dividend if dividend is not None else Decimal(0)


# Differences of printed figures and exact quotients (up to DIVISION_PRECISION digits),
# in a local context: the global decimal context is never read.
_DIFFERENCE = Context(prec=2 * DIVISION_PRECISION, traps=[InvalidOperation, Overflow])


def difference(a: Decimal, b: Decimal) -> float:
    """``a − b`` as a formula cell stores it: computed in Decimal, a float only at the edge."""
    return float(_DIFFERENCE.subtract(a, b))


def shown_text(value: Any) -> str:
    """A printed text cell as it is shown (numbers in plain digits)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def is_blank(value: Any) -> bool:
    """Nothing to show: an empty cell, or a structure the schema would have refused."""
    return value is None or value == "" or isinstance(value, dict | list)


def line_count(text: str, width: float, *, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped in a column ``width`` characters wide (an estimate)."""
    capacity = max(1.0, width * (1.05 if bold else 1.15) - 1)
    total = 0
    for paragraph in text.split("\n"):
        letters = [c for c in paragraph if c.isalpha()]
        upper = sum(1 for c in letters if c.isupper()) > 0.6 * len(letters) if letters else False
        room = capacity * (0.82 if upper else 1.0)
        lines, used = 1, 0.0
        for word in paragraph.split(" "):
            size = len(word)
            if used and used + 1 + size > room:
                lines += 1 + int(size // room)
                used = size % room
            else:
                used += (1 if used else 0) + size
                while used > room:
                    lines += 1
                    used -= room
        total += lines
    return total


def heading(word: str) -> str:
    """A word as a column heading: its first letter capitalised (``kesalahan``: ``Kesalahan``)."""
    return word[:1].upper() + word[1:]


def created(result: RunResult) -> dt.datetime:
    """The document's creation date: the recorded run time, else a fixed date."""
    stamp = result.manifest.generated_at if result.manifest else None
    if stamp:
        try:
            when = dt.datetime.fromisoformat(stamp)
        except ValueError:
            return FIXED_DATE
        return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return FIXED_DATE


# -- the writer ---------------------------------------------------------------------


# A text that Excel or a CSV export would read as a formula when the cell is
# edited or the sheet is saved as CSV: stored with Excel's quote prefix, so it
# stays text however it is handled later.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str, props: dict[str, Any]) -> dict[str, Any]:
    """Format properties for ``text``, with the quote prefix when it could become a formula."""
    return {**props, "quote_prefix": True} if text.startswith(FORMULA_STARTS) else props


@dataclass
class Writer:
    """Formats, labels and the cell-writing primitives shared by every sheet.

    ``paper`` gives every sheet its KKR header; ``links`` ties the findings
    sheet and the table sheets together; ``sheets`` is the workbook's sheet
    order (a sheet's number in the paper).
    """

    workbook: Workbook
    lang: Lang
    paper: Paper
    links: Links = field(default_factory=Links)
    sheets: list[str] = field(default_factory=list)
    _formats: dict[tuple[tuple[str, Any], ...], Format] = field(default_factory=dict)
    # Per sheet: column widths, text lines per row (for row heights), outline levels.
    _widths: dict[str, dict[int, float]] = field(default_factory=dict)
    _lines: dict[str, dict[int, int]] = field(default_factory=dict)
    _levels: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, key: str, **values: Any) -> str:
        return LABELS.get(key, self.lang, **values)

    # formats
    def fmt(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        found = self._formats.get(key)
        if found is None:
            found = self.workbook.add_format({"valign": "top", **props})
            self._formats[key] = found
        return found

    def text_fmt(self, text: str, **props: Any) -> Format:
        """The format of a cell holding ``text`` (quote-prefixed when it looks like a formula)."""
        return self.fmt(**inert(text, props))

    def header_fmt(self, **extra: Any) -> Format:
        props = {"bold": True, "text_wrap": True, "bg_color": "#DDE4EE", "border": 1}
        return self.fmt(**{**props, "border_color": "#9AA7B8", **extra})

    # layout
    def width(self, ws: Worksheet, col: int, width: float, last: int | None = None) -> None:
        """Set the width of column ``col`` (to ``last``) and remember it for row heights."""
        ws.set_column(col, col if last is None else last, width)
        for index in range(col, (col if last is None else last) + 1):
            self._widths.setdefault(ws.get_name(), {})[index] = width

    def fit(
        self, ws: Worksheet, row: int, col: int, text: str, *, bold: bool = False, indent: int = 0
    ) -> None:
        """Remember how many lines wrapped ``text`` takes, to size the row at the end."""
        width = self._widths.get(ws.get_name(), {}).get(col, 8.43) - 2.5 * indent
        lines = line_count(text, width, bold=bold)
        rows = self._lines.setdefault(ws.get_name(), {})
        rows[row] = max(rows.get(row, 1), lines)

    def level(self, ws: Worksheet, row: int, level: int) -> None:
        """Outline level of a row (a budget tree's kegiatan 1, sub kegiatan 2)."""
        if level:
            self._levels.setdefault(ws.get_name(), {})[row] = min(level, 7)

    def finish(self, ws: Worksheet) -> None:
        """Row heights for wrapped text and outline levels.

        Row heights are set explicitly because LibreOffice does not grow rows for
        wrapped text on loading an .xlsx; the estimate errs on the generous side.
        """
        lines = self._lines.get(ws.get_name(), {})
        levels = self._levels.get(ws.get_name(), {})
        for row in sorted(set(lines) | set(levels)):
            count = lines.get(row, 1)
            height = LINE_HEIGHT * count + 2 if count > 1 else None
            options = {"level": levels[row]} if row in levels else None
            ws.set_row(row, height, None, options)

    # cells
    def text(self, ws: Worksheet, row: int, col: int, value: Any, **props: Any) -> None:
        """A text cell: always a string, never a formula or a link."""
        text = shown_text(value)
        if not text:
            ws.write_blank(row, col, None, self.fmt(**props))
            return
        ws.write_string(row, col, text, self.fmt(**inert(text, props)))
        if props.get("text_wrap"):
            self.fit(
                ws, row, col, text, bold=bool(props.get("bold")), indent=props.get("indent", 0)
            )

    def header(self, ws: Worksheet, row: int, col: int, title: str, **extra: Any) -> None:
        """A column header (bold, wrapped, shaded)."""
        ws.write_string(row, col, title, self.header_fmt(**extra))
        self.fit(ws, row, col, title, bold=True)

    def headers(
        self, ws: Worksheet, row: int, columns: Sequence[tuple[str, float]], **extra: Any
    ) -> None:
        for col, (title, width) in enumerate(columns):
            self.width(ws, col, width)
            self.header(ws, row, col, title, **extra)

    def printed(
        self, ws: Worksheet, row: int, col: int, value: Any, *, marked: bool = False, **props: Any
    ) -> None:
        """A figure as printed: a number with its printed decimals, text (N/A), or empty.

        ``marked``: a finding points at this figure; it is drawn red.
        """
        props = {**props, **red(marked)}
        number = as_number(value)
        if number is not None:
            shown = num_format(decimals_of(number))
            ws.write_number(row, col, float(number), self.fmt(num_format=shown, **props))
        elif is_blank(value):
            ws.write_blank(row, col, None, self.fmt(**props))
        else:
            text = shown_text(value)
            ws.write_string(row, col, text, self.fmt(**inert(text, {"align": "right", **props})))

    def formula(
        self, ws: Worksheet, row: int, col: int, formula: str, result: Cached, shown: str
    ) -> None:
        """A live formula (built from references only) with its stored result."""
        props: dict[str, Any] = {"num_format": shown, "bg_color": "#F2F7EC"}
        if isinstance(result, str):
            props["align"] = "right"
        ws.write_formula(row, col, formula, self.fmt(**props), result)

    def recompute(
        self,
        ws: Worksheet,
        row: int,
        col: int,
        printed: Any,
        formula: str | None,
        value: Decimal | None,
        *,
        marked: bool,
        percent: bool,
    ) -> None:
        """Write printed | recomputed | difference from column ``col``.

        ``formula`` is None when the row gives nothing to recompute from (only the
        printed figure is written); ``value`` is the formula's exact result (None:
        N/A). The difference is shown only when both sides are numbers; whether it
        matters is the run's decision, drawn through ``marked``.
        """
        self.printed(ws, row, col, printed, marked=marked)
        if formula is None:
            return
        number = as_number(printed)
        decimals = decimals_of(number) if number is not None else 2
        shown = num_format(decimals + 2) if percent else "#,##0"
        self.formula(ws, row, col + 1, formula, cached(value), shown)
        if is_blank(printed):
            return
        p, r = ref(row, col), ref(row, col + 1)
        result: Cached = ""
        if number is not None and value is not None:
            result = difference(number, value)
        self.formula(
            ws,
            row,
            col + 2,
            f'=IF(AND(ISNUMBER({p}),ISNUMBER({r})),{p}-{r},"")',
            result,
            shown,
        )

    def link(
        self, ws: Worksheet, row: int, col: int, url: str | None, text: str, **props: Any
    ) -> None:
        """``text`` linking to ``url`` (an ``internal:`` or ``external:`` target).

        Keep ``text`` to one short line: LibreOffice shows a linked cell as a
        field, which it neither wraps nor aligns to the top.
        """
        if url is None or not text:
            self.text(ws, row, col, text, **props)
            return
        look = {"font_color": "#1F4E9C", "underline": 1, **props}
        ws.write_url(row, col, url, self.text_fmt(text, **look), text)

    def finding_refs(
        self, ws: Worksheet, row: int, col: int, findings: Sequence[Finding], *, own: bool
    ) -> None:
        """``CAP002 #11, LKP005 #12`` (with the table for related ones): the rules and their
        numbers on the findings sheet. Records, for the findings sheet's link back, that
        this row shows them."""
        parts = []
        for finding in findings:
            number = self.links.no(finding)
            part = finding.rule if number is None else f"{finding.rule} #{number}"
            if not own and finding.table is not None:
                part += f" ({finding.table.get(self.lang)})"
            parts.append(part)
            self.links.shown(finding, ws.get_name(), row, own=own)
        self.text(ws, row, col, ", ".join(dict.fromkeys(parts)), text_wrap=True)

    def verdict(
        self,
        ws: Worksheet,
        row: int,
        col: int,
        findings: Sequence[Finding],
        related: Sequence[Finding] | None = (),
    ) -> None:
        """The row's verdict from the run: "TIDAK" and its findings, "TERKAIT" and the
        findings on the same figures in other tables, else "ya".

        Writes the verdict (a link to the first finding on the findings sheet), the
        row's findings and (unless ``related`` is None) the related ones, in three
        cells from ``col``.
        """
        first: Finding | None = None
        if findings:
            word, look, first = self.label("no_match"), BAD, findings[0]
        elif related:
            word, look, first = self.label("related_match"), RELATED, related[0]
        else:
            word, look = self.label("yes"), GOOD
        props = {"align": "center", "bold": True, **look}
        url = self.links.to_finding(first) if first is not None else None
        if url is None:
            ws.write_string(row, col, word, self.fmt(**props))
        else:
            ws.write_url(row, col, url, self.fmt(underline=1, **props), word)
        self.finding_refs(ws, row, col + 1, findings, own=True)
        if related is not None:
            self.finding_refs(ws, row, col + 2, related or (), own=False)

    def technical(
        self,
        ws: Worksheet,
        header_row: int,
        first: int,
        columns: Sequence[tuple[str, float]],
        *,
        heading: bool = True,
    ) -> None:
        """Technical columns (data keys, pointers) from ``first``: grouped, hidden and not
        printed; the outline's + button above them shows them."""
        for offset, (title, width) in enumerate(columns):
            col = first + offset
            ws.set_column(col, col, width, None, {"level": 1, "hidden": True})
            self._widths.setdefault(ws.get_name(), {})[col] = width
            if heading:
                self.header(ws, header_row, col, title, bg_color="#EDEDED")
        ws.set_column(first + len(columns), first + len(columns), None, None, {"collapsed": True})

    def page_setup(
        self, ws: Worksheet, header_row: int | None, *, print_columns: int | None = None
    ) -> None:
        """Print layout (A4 landscape, one page wide, the table header on every page, the
        KKR header and page numbers) and the row heights; call last.

        ``print_columns``: how many columns from A are printed (technical columns
        beyond them are left out).
        """
        self.finish(ws)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        number, total = self.sheet_number(ws)
        header, footer = print_header(self.paper, self.lang, number, total)
        ws.set_header(header)
        ws.set_footer(footer)
        if header_row is not None:
            ws.repeat_rows(header_row)
        if print_columns is not None:
            ws.print_area(0, 0, max(ws.dim_rowmax or 0, header_row or 0), print_columns - 1)
        ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})

    def sheet_number(self, ws: Worksheet) -> tuple[int, int]:
        """The sheet's number in the paper (1-based) and how many sheets it has."""
        name = ws.get_name()
        number = self.sheets.index(name) + 1 if name in self.sheets else 1
        return number, max(len(self.sheets), number)

    def top(self, ws: Worksheet, widths: Sequence[float]) -> int:
        """The KKR header over the printed columns of ``widths``; returns the next free row."""
        number, total = self.sheet_number(ws)
        return kkr_header(self, ws, self.paper, number, total, widths)

    def title(self, ws: Worksheet, lines: Sequence[str], note: str, widths: Sequence[float]) -> int:
        """KKR header, title lines and a note at the top of a sheet; returns the table's row.

        ``widths`` are the printed columns' widths (set here), over which the KKR
        header and the wrapped note spread.
        """
        for col, width in enumerate(widths):
            self.width(ws, col, width)
        first = self.top(ws, widths)
        for index, line in enumerate(lines):
            props = {"bold": True, "font_size": 13} if index == 0 else {"italic": True}
            ws.write_string(first + index, 0, line, self.fmt(**inert(line, props)))
        at = first + len(lines)
        last = len(widths) - 1
        fmt = self.fmt(font_color="#555555", text_wrap=True, valign="top")
        if last > 0:
            ws.merge_range(at, 0, at, last, "", fmt)
        ws.write_string(at, 0, note, fmt)
        lines_needed = line_count(note, sum(widths))
        ws.set_row(at, LINE_HEIGHT * lines_needed + 2 if lines_needed > 1 else None)
        return at + 2


def table_title(view: ReportView, name: str, lang: Lang) -> str:
    """A table sheet's title as the report prints it: "Tabel 3.8 Realisasi Anggaran (2021)"."""
    table = view.raw_table(name)
    parts = [view.table_label(name).get(lang)]
    judul = table.get("judul")
    if isinstance(judul, str) and judul:
        parts.append(judul)
    title = " ".join(parts)
    year = table.get("tahun")
    if isinstance(year, int) and not isinstance(year, bool):
        title += f" ({year})"
    return title
