"""The ``excel`` output: the auditor's review workbook (Kertas Kerja Reviu, .xlsx).

Sheets: **Ringkasan** (files, counts by severity and rule pack, the run manifest,
native charts of capaian and serapan anggaran), **Temuan** (one row per finding,
with an empty column for the auditee's response) and, for every file with data,
one sheet per checked table: the printed figures beside live Excel formulas that
redo the arithmetic (SUM of the children, realisasi ÷ anggaran, capaian with the
indicator's polarity), a difference column, the tolerance of the printed decimals
and a match column; conditional formatting marks the mismatches.

Text from a report or a message is always written with ``write_string``: a name
beginning with ``=``, ``+``, ``-`` or ``@`` stays text. Formulas are built only from
cell references, numbers and fixed function names. Each formula cell also stores
its result, computed exactly with :mod:`sakip_validate.numbers`, so viewers that
do not recalculate show the right figures; Excel recalculates on load.

The bytes are reproducible: fixed document dates (``manifest.generated_at`` when
recorded), fixed zip timestamps, no dict- or hash-order effects.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, BinaryIO

from sakip_validate import __version__
from sakip_validate.domain.numbers import capaian, decimals_of, format_en, format_id, percent
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import FileReport, RunResult

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook
    from xlsxwriter.worksheet import Worksheet

    from sakip_validate.domain.view import ReportView, Row

Number = int | Decimal
Cached = float | str  # what a formula cell stores as its last result

# Creation date when the run recorded no time: fixed, like the zip entries' dates.
FIXED_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
LINE_HEIGHT = 15  # points per line of 11-point text
EPSILON = "1E-9"  # absorbs binary rounding when a difference equals the tolerance
SHEET_NAME_MAX = 31

# -- labels -------------------------------------------------------------------------

_LABELS: dict[str, tuple[str, str]] = {
    "sheet_summary": ("Ringkasan", "Summary"),
    "sheet_findings": ("Temuan", "Findings"),
    "title": ("Kertas Kerja Reviu LKjIP", "LKjIP Review Working Paper"),
    "subtitle": (
        "Dibuat oleh sakip-validate {version}. Lembar per tabel menampilkan angka tertulis "
        "di samping rumus Excel yang menghitungnya ulang; sel merah = tidak sesuai.",
        "Produced by sakip-validate {version}. The table sheets show the printed figures "
        "beside Excel formulas that recompute them; red cells do not match.",
    ),
    "files": ("Berkas yang diperiksa", "Files checked"),
    "no": ("No", "No"),
    "file": ("Berkas", "File"),
    "unit": ("Unit", "Unit"),
    "pemda": ("Pemerintah daerah", "Local government"),
    "year": ("Tahun anggaran", "Budget year"),
    "format": ("Format", "Format"),
    "sha256": ("SHA-256 berkas", "File SHA-256"),
    "total": ("Jumlah", "Total"),
    "sheets": ("Lembar kerja", "Sheets"),
    "unreadable": ("(tidak terbaca)", "(unreadable)"),
    "by_severity": ("Temuan menurut tingkat", "Findings by severity"),
    "severity": ("Tingkat", "Severity"),
    "count": ("Jumlah", "Count"),
    "by_pack": ("Temuan menurut paket aturan", "Findings by rule pack"),
    "pack": ("Paket", "Pack"),
    "version": ("Versi", "Version"),
    "pack_load": ("pembacaan berkas (LOAD)", "file loading (LOAD)"),
    "pack_schema": ("skema (SCHEMA)", "schema (SCHEMA)"),
    "pack_other": ("lainnya", "other"),
    "manifest": ("Manifes proses", "Run manifest"),
    "tool": ("Alat", "Tool"),
    "schema_id": ("Skema ($id)", "Schema ($id)"),
    "packs": ("Paket aturan", "Rule packs"),
    "generated_at": ("Waktu pembuatan", "Generated at"),
    "not_recorded": (
        "(tidak dicatat; gunakan --timestamp)",
        "(not recorded; use --timestamp)",
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
    "band_line": ("batas {kategori} (≥ {bound}%)", "{kategori} band (≥ {bound}%)"),
    "program": ("Program", "Program"),
    "serapan_printed": ("Serapan tertulis (%)", "Printed absorption (%)"),
    "file_n": ("Berkas {n}", "File {n}"),
    # findings sheet
    "rule": ("Aturan", "Rule"),
    "table": ("Tabel", "Table"),
    "place": ("Letak (baris:kolom)", "Place (line:column)"),
    "pointer": ("Pointer", "Pointer"),
    "printed": ("Tertulis", "Printed"),
    "expected": ("Seharusnya", "Expected"),
    "message": ("Pesan", "Message"),
    "legal_basis": ("Dasar hukum", "Legal basis"),
    "fix": ("Cara memperbaiki", "How to fix"),
    "response": ("Tanggapan auditi", "Auditee's response"),
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
    "tolerance": ("Toleransi", "Tolerance"),
    "match": ("Sesuai?", "Matches?"),
    "yes": ("ya", "yes"),
    "no_match": ("TIDAK", "NO"),
    "jumlah": ("JUMLAH", "JUMLAH (total)"),
    "budget_note": (
        "Σ = SUM angka tertulis pada baris rinciannya (harus tepat sampai rupiah).",
        "Σ = SUM of the printed figures of the row's sub-rows (must be exact to the rupiah).",
    ),
    "percent_note": (
        "% dihitung dari anggaran dan realisasi tertulis pada baris yang sama; toleransi = "
        "setengah satuan desimal terakhir yang tercetak.",
        "% is computed from the same row's printed budget and spending; tolerance = half a "
        "unit of the last printed decimal.",
    ),
    "red_note": (
        "Sel merah: angka tertulis tidak sesuai.",
        "Red cells: the printed figure does not match.",
    ),
    "indicator_id": ("Id indikator", "Indicator id"),
    "indicator_name": ("Nama indikator", "Indicator name"),
    "polarity": ("Polaritas", "Polarity"),
    "tahun": ("Tahun", "Year"),
    "target": ("Target", "Target"),
    "target_akhir": ("Target akhir", "End target"),
    "capaian_formula": ("Capaian hitung ulang (rumus)", "Recomputed capaian (formula)"),
    "capaian_col": ("Capaian tertulis", "Printed capaian"),
    "formula_used": ("Rumus", "Formula"),
    "f_pos": ("realisasi ÷ target × 100", "realisasi ÷ target × 100"),
    "f_neg": ("(2 × target − realisasi) ÷ target × 100", "(2 × target − realisasi) ÷ target × 100"),
    "f_akhir": ("realisasi ÷ target akhir × 100", "realisasi ÷ end target × 100"),
    "kategori": ("Kategori tertulis", "Printed kategori"),
    "anggaran_ind": ("Anggaran", "Anggaran (budget)"),
    "realisasi_anggaran": ("Realisasi anggaran", "Realisasi anggaran (spent)"),
    "capaian_anggaran": ("% capaian anggaran tertulis", "Printed budget %"),
    "capaian_anggaran_formula": (
        "% anggaran = realisasi ÷ anggaran × 100 (rumus)",
        "Budget % = realisasi anggaran ÷ anggaran × 100 (formula)",
    ),
    "tingkat_efisiensi": ("Tingkat efisiensi tertulis", "Printed efficiency"),
    "indicator_note": (
        "Capaian dihitung ulang dengan rumus sesuai polaritas indikator; target 0 memberi N/A. "
        "Toleransi = setengah satuan desimal terakhir yang tercetak; selisih di luar toleransi "
        "(atau N/A lawan angka) ditandai merah.",
        "Capaian is recomputed with the formula of the indicator's polarity; a target of 0 "
        "gives N/A. Tolerance = half a unit of the last printed decimal; a difference beyond "
        "it (or N/A against a number) is marked red.",
    ),
    "cross_title": (
        "Perbandingan antartabel: angka yang sama untuk indikator dan tahun yang sama",
        "Across tables: the same figure for the same indicator and year",
    ),
    "cross_note": (
        "Setiap baris harus sama di semua tabel; baris merah berbeda (angka lain, atau N/A "
        "lawan angka).",
        "Every row must be the same in all tables; red rows differ (another figure, or N/A "
        "against a number).",
    ),
    "cross_target": ("Target", "Target"),
    "cross_realisasi": ("Realisasi", "Realisasi"),
    "cross_capaian": ("Capaian", "Capaian"),
    "spread": ("Selisih terbesar", "Largest difference"),
    "same": ("Sama?", "Same?"),
}


# -- small helpers ------------------------------------------------------------------


def _number(value: Any) -> Number | None:
    """``value`` as a report number (int or finite Decimal), else None (text, bool, empty)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def _col_name(col: int) -> str:
    name = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        name = chr(65 + rest) + name
    return name


def _ref(row: int, col: int, *, fixed_col: bool = False) -> str:
    """A1-style reference (0-based row and column), optionally ``$``-anchored column."""
    return f"{'$' if fixed_col else ''}{_col_name(col)}{row + 1}"


def _sum_formula(col: int, rows: list[int]) -> str:
    """``=SUM(...)`` over ``rows`` of ``col``, runs of adjacent rows as ranges."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    parts = [_ref(a, col) if a == b else f"{_ref(a, col)}:{_ref(b, col)}" for a, b in runs]
    # Excel allows 255 arguments per function: nest SUMs beyond that.
    while len(parts) > 255:
        parts = [f"SUM({','.join(parts[i : i + 255])})" for i in range(0, len(parts), 255)]
    return f"=SUM({','.join(parts)})"


def _num_format(decimals: int) -> str:
    """``#,##0`` with ``decimals`` places: the display of a printed figure."""
    return "#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _tolerance(value: Number) -> Decimal:
    """Half a unit of the last printed decimal: 99.93 → 0.005, 100 → 0.5."""
    return Decimal((0, (5,), -(decimals_of(value) + 1)))


def _cached(value: Number | None) -> Cached:
    """A formula's stored result: a number, or "N/A" when the division has no result."""
    return "N/A" if value is None else float(value)


def _agrees(printed: Any, recomputed: Number | None, tolerance: Decimal | None) -> bool:
    """Mirror of the match formula: within tolerance, or equal text (N/A = N/A)."""
    number = _number(printed)
    if number is not None and recomputed is not None:
        limit = (tolerance or Decimal(0)) + Decimal(EPSILON)
        return abs(Decimal(number) - Decimal(recomputed)) <= limit
    if isinstance(printed, str) and recomputed is None:
        return printed.casefold() == "n/a"
    return False


def _values(row: Row) -> dict[str, Any]:
    """A view row's printed values by column name."""
    return {name: cell.value for name, cell in row.cells.items()}


def _line_count(text: str, width: float, *, bold: bool = False) -> int:
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


def _text(value: Any) -> str:
    """A printed text cell as it is shown (numbers in plain digits)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _created(result: RunResult) -> dt.datetime:
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


@dataclass(frozen=True, slots=True)
class _Term:
    """One comparison on a row: its Excel expression (true = agrees) and its result."""

    expression: str
    ok: bool


@dataclass
class _Writer:
    """Formats, labels and the cell-writing primitives shared by every sheet."""

    workbook: Workbook
    lang: Lang
    _formats: dict[tuple[tuple[str, Any], ...], Format] = field(default_factory=dict)
    # Per sheet: column widths, text lines per row (for row heights), outline levels.
    _widths: dict[str, dict[int, float]] = field(default_factory=dict)
    _lines: dict[str, dict[int, int]] = field(default_factory=dict)
    _levels: dict[str, dict[int, int]] = field(default_factory=dict)

    # labels
    def label(self, key: str, **values: Any) -> str:
        text = _LABELS[key][1 if self.lang == "en" else 0]
        return text.format(**values) if values else text

    # formats
    def fmt(self, **props: Any) -> Format:
        key = tuple(sorted(props.items()))
        found = self._formats.get(key)
        if found is None:
            found = self.workbook.add_format({"valign": "top", **props})
            self._formats[key] = found
        return found

    def header_fmt(self, **extra: Any) -> Format:
        props = {"bold": True, "text_wrap": True, "bg_color": "#DDE4EE", "border": 1}
        return self.fmt(**{**props, "border_color": "#9AA7B8", **extra})

    @property
    def bad(self) -> Format:
        return self.fmt(bg_color="#FFC7CE", font_color="#9C0006")

    @property
    def good(self) -> Format:
        return self.fmt(font_color="#006100")

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
        lines = _line_count(text, width, bold=bold)
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
        text = _text(value)
        if not text:
            ws.write_blank(row, col, None, self.fmt(**props))
            return
        ws.write_string(row, col, text, self.fmt(**props))
        if props.get("text_wrap"):
            self.fit(
                ws, row, col, text, bold=bool(props.get("bold")), indent=props.get("indent", 0)
            )

    def header(self, ws: Worksheet, row: int, col: int, title: str, **extra: Any) -> None:
        """A column header (bold, wrapped, shaded)."""
        ws.write_string(row, col, title, self.header_fmt(**extra))
        self.fit(ws, row, col, title, bold=True)

    def printed(self, ws: Worksheet, row: int, col: int, value: Any, **props: Any) -> None:
        """A figure as printed: a number with its printed decimals, or text (N/A), or empty."""
        number = _number(value)
        if number is not None:
            decimals = decimals_of(number)
            ws.write_number(
                row, col, float(number), self.fmt(**{"num_format": _num_format(decimals), **props})
            )
        elif value is None or value == "" or isinstance(value, dict | list):
            ws.write_blank(row, col, None, self.fmt(**props))
        else:
            ws.write_string(row, col, _text(value), self.fmt(align="right", **props))

    def formula(
        self, ws: Worksheet, row: int, col: int, formula: str, cached: Cached, num_format: str
    ) -> None:
        """A live formula (built from references only) with its stored result."""
        props: dict[str, Any] = {"num_format": num_format, "bg_color": "#F2F7EC"}
        if isinstance(cached, str):
            props["align"] = "right"
        ws.write_formula(row, col, formula, self.fmt(**props), cached)

    def check(
        self,
        ws: Worksheet,
        row: int,
        col: int,
        printed: Any,
        formula: str | None,
        recomputed: Number | None,
        *,
        tolerance: bool,
    ) -> _Term | None:
        """Write printed | recomputed | difference [| tolerance] from column ``col``.

        ``formula`` is None when the row gives nothing to recompute from; the
        returned term is None when there is nothing to compare. Rupiah checks
        (``tolerance=False``) must agree exactly; others within half a unit of
        the printed figure's last decimal.
        """
        if printed == "" or isinstance(printed, dict | list):
            printed = None  # shown as an empty cell, so compared as one
        self.printed(ws, row, col, printed)
        if formula is None:
            return None
        number = _number(printed)
        decimals = decimals_of(number) if number is not None else 2
        shown = _num_format(decimals + 2) if tolerance else "#,##0"
        self.formula(ws, row, col + 1, formula, _cached(recomputed), shown)
        if printed is None:
            return None
        p, r, d = _ref(row, col), _ref(row, col + 1), _ref(row, col + 2)
        difference: Cached = ""
        if number is not None and recomputed is not None:
            difference = float(Decimal(number) - Decimal(recomputed))
        formula = f'=IF(AND(ISNUMBER({p}),ISNUMBER({r})),{p}-{r},"")'
        self.formula(ws, row, col + 2, formula, difference, shown)
        if not tolerance:
            return _Term(f"IF(ISNUMBER({d}),{d}=0,{p}={r})", _agrees(printed, recomputed, None))
        t = _ref(row, col + 3)
        tol = _tolerance(number) if number is not None else None
        if tol is not None:
            ws.write_number(
                row, col + 3, float(tol), self.fmt(num_format=_num_format(decimals + 1))
            )
        return _Term(
            f"IF(ISNUMBER({d}),ABS({d})<={t}+{EPSILON},{p}={r})",
            _agrees(printed, recomputed, tol),
        )

    def match(self, ws: Worksheet, row: int, col: int, terms: list[_Term]) -> None:
        """The row's match cell: "ya" when every comparison agrees, else "TIDAK"."""
        if not terms:
            return
        test = (
            terms[0].expression
            if len(terms) == 1
            else f"AND({','.join(t.expression for t in terms)})"
        )
        yes, no = self.label("yes"), self.label("no_match")
        ok = all(term.ok for term in terms)
        ws.write_formula(
            row,
            col,
            f'=IF({test},"{yes}","{no}")',
            self.fmt(align="center", bold=True),
            yes if ok else no,
        )

    def mark_mismatches(
        self,
        ws: Worksheet,
        first: int,
        last: int,
        col: int,
        *,
        tolerance: bool,
    ) -> None:
        """Conditional format on a check's printed and difference cells (rows first..last)."""
        if last < first:
            return
        p = _ref(first, col, fixed_col=True)
        r = _ref(first, col + 1, fixed_col=True)
        d = _ref(first, col + 2, fixed_col=True)
        if tolerance:
            t = _ref(first, col + 3, fixed_col=True)
            agrees = f"IF(ISNUMBER({d}),ABS({d})<={t}+{EPSILON},{p}={r})"
        else:
            agrees = f"IF(ISNUMBER({d}),{d}=0,{p}={r})"
        target = (
            f"{_ref(first, col)}:{_ref(last, col)} {_ref(first, col + 2)}:{_ref(last, col + 2)}"
        )
        ws.conditional_format(
            first,
            col,
            last,
            col,
            {
                "type": "formula",
                "criteria": f'=AND({p}<>"",{r}<>"",NOT({agrees}))',
                "format": self.bad,
                "multi_range": target,
            },
        )

    def mark_match_column(self, ws: Worksheet, first: int, last: int, col: int) -> None:
        if last < first:
            return
        for value, style in ((self.label("no_match"), self.bad), (self.label("yes"), self.good)):
            ws.conditional_format(
                first,
                col,
                last,
                col,
                {"type": "cell", "criteria": "==", "value": f'"{value}"', "format": style},
            )

    def headers(
        self, ws: Worksheet, row: int, columns: list[tuple[str, float]], **extra: Any
    ) -> None:
        for col, (title, width) in enumerate(columns):
            self.width(ws, col, width)
            self.header(ws, row, col, title, **extra)

    def page_setup(self, ws: Worksheet, header_row: int | None) -> None:
        """Print layout (A4 landscape, one page wide) and the row heights; call last."""
        self.finish(ws)
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)
        ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
        ws.set_footer("&L&A&R&P / &N")
        if header_row is not None:
            ws.repeat_rows(header_row)
        ws.ignore_errors({"number_stored_as_text": "A1:XFD1048576"})

    def title(self, ws: Worksheet, lines: list[str], note: str) -> int:
        """Title lines and a note at the top of a sheet; returns the next free row."""
        for index, line in enumerate(lines):
            props = {"bold": True, "font_size": 13} if index == 0 else {"italic": True}
            ws.write_string(index, 0, line, self.fmt(**props))
        ws.write_string(len(lines), 0, note, self.fmt(font_color="#555555"))
        return len(lines) + 2


# -- table sheets -------------------------------------------------------------------


def _table_title(view: ReportView, name: str) -> str:
    table = view.raw_table(name)
    parts = [view.table_label(name).id]
    judul = table.get("judul")
    if isinstance(judul, str) and judul:
        parts.append(judul)
    title = " ".join(parts)
    year = table.get("tahun")
    if isinstance(year, int) and not isinstance(year, bool):
        title += f" ({year})"
    return title


def _budget_sheet(w: _Writer, ws: Worksheet, view: ReportView, name: str, label: str) -> None:
    """A budget tree: printed figures, Σ of the children as SUM formulas, % recomputed."""
    from sakip_validate.domain.budget import build_tree

    rows = view.rows(name)
    tree = build_tree(rows)
    has = {key for row in rows for key, cell in row.cells.items() if cell.present}
    total_raw = view.raw_table(name).get("jumlah")
    total = total_raw if isinstance(total_raw, dict) else {}
    has |= {key for key, value in total.items() if value is not None}
    fields = [f for f in ("anggaran", "realisasi") if f in has]
    with_percent = "persen" in has and {"anggaran", "realisasi"} <= set(fields)

    columns: list[tuple[str, float]] = [
        (w.label("kode"), 8),
        (w.label("tingkat"), 12),
        (w.label("uraian"), 52),
    ]
    field_col: dict[str, int] = {}
    for f in fields:
        field_col[f] = len(columns)
        columns += [
            (w.label(f), 16),
            (w.label("sum_of", field=f), 16),
            (w.label("diff"), 13),
        ]
    pct_col = len(columns)
    if with_percent:
        columns += [
            (w.label("pct_printed"), 10),
            (w.label("pct_formula"), 15),
            (w.label("diff"), 11),
            (w.label("tolerance"), 10),
        ]
    match_col = len(columns)
    columns.append((w.label("match"), 9))

    notes = ["budget_note", *(["percent_note"] if with_percent else []), "red_note"]
    top = w.title(ws, [_table_title(view, name), label], " ".join(map(w.label, notes)))
    w.headers(ws, top, columns)
    first = top + 1
    excel_row = {id(node): first + index for index, node in enumerate(tree.nodes)}

    def write_row(
        r: int, cells: dict[str, Any], children: list[tuple[int, dict[str, Any]]]
    ) -> None:
        terms: list[_Term] = []
        for f in fields:
            col = field_col[f]
            formula = recomputed = None
            if children:
                formula = _sum_formula(col, [child_row for child_row, _ in children])
                numbers = (_number(child.get(f)) for _, child in children)
                recomputed = sum((n for n in numbers if n is not None), start=0)
            term = w.check(ws, r, col, cells.get(f), formula, recomputed, tolerance=False)
            if term:
                terms.append(term)
        if with_percent:
            anggaran = _number(cells.get("anggaran"))
            realisasi = _number(cells.get("realisasi"))
            formula = None
            value: Number | None = None
            if anggaran is not None and (realisasi is not None or anggaran == 0):
                a = _ref(r, field_col["anggaran"])
                g = _ref(r, field_col["realisasi"])
                formula = f'=IF({a}=0,"N/A",{g}/{a}*100)'
                value = None if anggaran == 0 else percent(realisasi or 0, anggaran)
            printed = cells.get("persen")
            term = w.check(ws, r, pct_col, printed, formula, value, tolerance=True)
            if term:
                terms.append(term)
        w.match(ws, r, match_col, terms)

    for node in tree.nodes:
        r = excel_row[id(node)]
        depth = 0
        up = node.parent
        while up is not None:
            depth += 1
            up = up.parent
        row = node.row
        bold = row.cell("tingkat").value == "program" or depth == 0
        w.text(ws, r, 0, row.kode, bold=bold)
        w.text(ws, r, 1, str(_text(row.cell("tingkat").value)).replace("_", " "), bold=bold)
        w.text(ws, r, 2, row.cell("nama").value, text_wrap=True, indent=depth, bold=bold)
        children = [(excel_row[id(child)], _values(child.row)) for child in node.children]
        write_row(r, _values(row), children)
        w.level(ws, r, depth)

    last = first + len(tree.nodes) - 1
    total_r = last + 1
    w.text(ws, total_r, 0, "", bold=True, top=1)
    w.text(ws, total_r, 1, "", bold=True, top=1)
    w.text(ws, total_r, 2, w.label("jumlah"), bold=True, top=1)
    write_row(total_r, total, [(excel_row[id(node)], _values(node.row)) for node in tree.roots])

    for f in fields:
        w.mark_mismatches(ws, first, total_r, field_col[f], tolerance=False)
    if with_percent:
        w.mark_mismatches(ws, first, total_r, pct_col, tolerance=True)
    w.mark_match_column(ws, first, total_r, match_col)
    ws.freeze_panes(first, 3)
    if tree.nodes:
        ws.autofilter(top, 0, last, len(columns) - 1)
    w.page_setup(ws, top)


@dataclass(frozen=True, slots=True)
class _IndicatorTable:
    """A table that prints target, realisasi and capaian per indicator (and year)."""

    table: str
    sheet: str
    whole: str = "target"  # the divisor column
    fixed_polarity: str | None = None  # Tabel 3.4: always realisasi ÷ target akhir
    extras: tuple[str, ...] = ()  # printed columns shown after the check
    budget: bool = False  # Tabel 3.6 also prints the budget % (realisasi ÷ anggaran)


INDICATOR_TABLES = (
    _IndicatorTable("capaian", "Capaian", extras=("kategori",)),
    _IndicatorTable("perbandingan_tahun", "Perbandingan"),
    _IndicatorTable("target_akhir_renstra", "Renstra", "target_akhir", "positif"),
    _IndicatorTable("analisis_penyebab", "Penyebab"),
    _IndicatorTable("efisiensi", "Efisiensi", extras=("tingkat_efisiensi",), budget=True),
)

_EXTRA_LABEL = {"kategori": "kategori", "tingkat_efisiensi": "tingkat_efisiensi"}


def _capaian_formula(t: str, r: str, polarity: str) -> str:
    if polarity == "negatif":
        return f'=IF({t}=0,"N/A",(2*{t}-{r})/{t}*100)'
    return f'=IF({t}=0,"N/A",{r}/{t}*100)'


def _indicator_sheet(
    w: _Writer, ws: Worksheet, view: ReportView, spec: _IndicatorTable, label: str
) -> None:
    """Printed capaian beside the live capaian formula of the indicator's polarity."""
    rows = view.rows(spec.table)
    whole_label = "target_akhir" if spec.whole == "target_akhir" else "target"
    columns: list[tuple[str, float]] = [
        (w.label("no"), 5),
        (w.label("indicator_id"), 17),
        (w.label("indicator_name"), 38),
        (w.label("polarity"), 10),
        (w.label("tahun"), 7),
        (w.label(whole_label), 11),
        (w.label("realisasi_kinerja"), 11),
    ]
    check_col = len(columns)
    columns += [
        (w.label("capaian_col"), 11),
        (w.label("capaian_formula"), 14),
        (w.label("diff"), 11),
        (w.label("tolerance"), 10),
    ]
    budget_col = len(columns)
    if spec.budget:
        columns += [
            (w.label("anggaran_ind"), 16),
            (w.label("realisasi_anggaran"), 16),
            (w.label("capaian_anggaran"), 11),
            (w.label("capaian_anggaran_formula"), 15),
            (w.label("diff"), 11),
            (w.label("tolerance"), 10),
        ]
    match_col = len(columns)
    columns.append((w.label("match"), 9))
    formula_col = len(columns)
    columns.append((w.label("formula_used"), 30))
    extra_col = len(columns)
    columns += [(w.label(_EXTRA_LABEL[extra]), 14) for extra in spec.extras]

    top = w.title(ws, [_table_title(view, spec.table), label], w.label("indicator_note"))
    w.headers(ws, top, columns)
    first = top + 1
    for index, row in enumerate(rows):
        r = first + index
        polarity = spec.fixed_polarity or view.polarity(row.indikator)
        whole = row.cell(spec.whole).value
        part = row.cell("realisasi").value
        w.text(ws, r, 0, row.cell("no").value)
        w.text(ws, r, 1, row.indikator)
        w.text(ws, r, 2, row.label, text_wrap=True)
        w.text(ws, r, 3, view.polarity(row.indikator))
        if row.tahun is not None:
            ws.write_number(r, 4, row.tahun, w.fmt(num_format="0"))
        w.printed(ws, r, 5, whole)
        w.printed(ws, r, 6, part)
        terms: list[_Term] = []
        t_number, r_number = _number(whole), _number(part)
        formula = None
        value: Number | None = None
        if t_number is not None and (r_number is not None or t_number == 0):
            formula = _capaian_formula(_ref(r, 5), _ref(r, 6), polarity)
            value = (
                None
                if t_number == 0
                else capaian(
                    t_number, r_number or 0, "negatif" if polarity == "negatif" else "positif"
                )
            )
        printed = row.cell("capaian").value
        term = w.check(ws, r, check_col, printed, formula, value, tolerance=True)
        if term:
            terms.append(term)
        if spec.budget:
            anggaran = row.cell("anggaran").value
            spent = row.cell("realisasi_anggaran").value
            w.printed(ws, r, budget_col, anggaran)
            w.printed(ws, r, budget_col + 1, spent)
            a_number, s_number = _number(anggaran), _number(spent)
            formula = None
            value = None
            if a_number is not None and (s_number is not None or a_number == 0):
                a, s = _ref(r, budget_col), _ref(r, budget_col + 1)
                formula = f'=IF({a}=0,"N/A",{s}/{a}*100)'
                value = None if a_number == 0 else percent(s_number or 0, a_number)
            printed = row.cell("capaian_anggaran").value
            term = w.check(ws, r, budget_col + 2, printed, formula, value, tolerance=True)
            if term:
                terms.append(term)
        w.match(ws, r, match_col, terms)
        key = (
            "f_akhir"
            if spec.whole == "target_akhir"
            else ("f_neg" if polarity == "negatif" else "f_pos")
        )
        w.text(ws, r, formula_col, w.label(key))
        for offset, extra in enumerate(spec.extras):
            value = row.cell(extra).value
            if _number(value) is None and value is not None:
                w.text(ws, r, extra_col + offset, value, text_wrap=True)  # a kategori name
            else:
                w.printed(ws, r, extra_col + offset, value)

    last = first + len(rows) - 1
    w.mark_mismatches(ws, first, last, check_col, tolerance=True)
    if spec.budget:
        w.mark_mismatches(ws, first, last, budget_col + 2, tolerance=True)
    w.mark_match_column(ws, first, last, match_col)
    ws.freeze_panes(first, 3)
    if rows:
        ws.autofilter(top, 0, last, len(columns) - 1)
    w.page_setup(ws, top)


CROSS_BLOCKS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "target",
        "cross_target",
        (
            "iku",
            "tujuan_sasaran",
            "perjanjian_kinerja",
            "capaian",
            "perbandingan_tahun",
            "analisis_penyebab",
            "efisiensi",
        ),
    ),
    (
        "realisasi",
        "cross_realisasi",
        (
            "capaian",
            "perbandingan_tahun",
            "target_akhir_renstra",
            "analisis_penyebab",
            "efisiensi",
            "standar_nasional",
        ),
    ),
    (
        "capaian",
        "cross_capaian",
        (
            "capaian",
            "perbandingan_tahun",
            "analisis_penyebab",
            "efisiensi",
            "program_pendukung.indikator",
        ),
    ),
)


def _cross_blocks(
    view: ReportView,
) -> list[tuple[str, str, list[str], dict[tuple[str, int | None], dict[str, Any]]]]:
    """For each compared field: the tables that print it and the values per (indicator, year)."""
    order = {key: index for index, key in enumerate(view.indicators)}
    blocks = []
    for field_name, label, tables in CROSS_BLOCKS:
        present: list[str] = []
        values: dict[tuple[str, int | None], dict[str, Any]] = {}
        for table in tables:
            if not view.has_table(table):
                continue
            seen = False
            for row in view.rows(table):
                cell = row.cell(field_name)
                shown = cell.value not in (None, "") and not isinstance(cell.value, dict | list)
                if not shown or not isinstance(row.indikator, str):
                    continue
                seen = True
                values.setdefault((row.indikator, row.tahun), {}).setdefault(table, cell.value)
            if seen:
                present.append(table)
        if values and len(present) > 1:
            keys = sorted(
                values, key=lambda k: (order.get(k[0], len(order)), k[0], k[1] if k[1] else 0)
            )
            blocks.append((field_name, label, present, {k: values[k] for k in keys}))
    return blocks


def _spread(values: list[Any]) -> tuple[Cached, str]:
    """Mirror of the cross-table formulas: (largest difference, same?)."""
    numbers = [Decimal(n) for n in (_number(v) for v in values) if n is not None]
    texts = [v for v in values if _number(v) is None]
    spread: Cached = float(max(numbers) - min(numbers)) if len(numbers) >= 2 else ""
    if len(values) < 2:
        return spread, ""
    differs = (numbers and texts) or (
        len(numbers) >= 2 and max(numbers) - min(numbers) > Decimal(EPSILON)
    )
    return spread, "no" if differs else "yes"


def _cross_sheet(w: _Writer, ws: Worksheet, view: ReportView, label: str) -> None:
    """Target, realisasi and capaian of each indicator and year, side by side per table."""
    blocks = _cross_blocks(view)
    r = w.title(ws, [w.label("cross_title"), label], w.label("cross_note"))
    widths = [17.0, 38.0, 7.0]
    for col, width in enumerate(widths):
        w.width(ws, col, width)
    w.width(ws, 3, 11, 12)
    for _field_name, title, tables, values in blocks:
        ws.write_string(r, 0, w.label(title), w.fmt(bold=True, font_size=12))
        r += 1
        columns = [
            (w.label("indicator_id"), widths[0]),
            (w.label("indicator_name"), widths[1]),
            (w.label("tahun"), widths[2]),
            *((view.table_label(table).get(w.lang), 11.0) for table in tables),
            (w.label("spread"), 11.0),
            (w.label("same"), 9.0),
        ]
        w.headers(ws, r, columns)
        first = r + 1
        spread_col = 3 + len(tables)
        same_col = spread_col + 1
        for index, ((indikator, year), found) in enumerate(values.items()):
            row = first + index
            w.text(ws, row, 0, indikator)
            w.text(ws, row, 1, view.indicator_name(indikator), text_wrap=True)
            if year is not None:
                ws.write_number(row, 2, year, w.fmt(num_format="0"))
            for offset, table in enumerate(tables):
                w.printed(ws, row, 3 + offset, found.get(table))
            span = f"{_ref(row, 3)}:{_ref(row, 2 + len(tables))}"
            spread, same = _spread(list(found.values()))
            w.formula(
                ws,
                row,
                spread_col,
                f'=IF(COUNT({span})<2,"",MAX({span})-MIN({span}))',
                spread,
                "0.00##",
            )
            yes, no = w.label("yes"), w.label("no_match")
            ws.write_formula(
                row,
                same_col,
                f'=IF(COUNTA({span})<2,"",IF(OR(AND(COUNT({span})>0,COUNT({span})<COUNTA({span})),'
                f'MAX({span})-MIN({span})>{EPSILON}),"{no}","{yes}"))',
                w.fmt(align="center", bold=True),
                {"yes": yes, "no": no}.get(same, ""),
            )
        last = first + len(values) - 1
        flag = _ref(first, same_col, fixed_col=True)
        ws.conditional_format(
            first,
            3,
            last,
            2 + len(tables),
            {"type": "formula", "criteria": f'={flag}="{w.label("no_match")}"', "format": w.bad},
        )
        w.mark_match_column(ws, first, last, same_col)
        r = last + 3
    ws.freeze_panes(0, 3)
    w.page_setup(ws, None)


# -- plan: which sheets each file gets ------------------------------------------------


@dataclass
class _FileSheets:
    """One input file, its data view (None when it has no data) and its sheets."""

    number: int
    report: FileReport
    view: ReportView | None
    sheets: list[tuple[str, Callable[[Worksheet], None]]] = field(default_factory=list)


def _view_of(report: FileReport) -> ReportView | None:
    if not isinstance(report.data, dict):
        return None
    from sakip_validate.domain.view import ReportView

    return ReportView(report.data)


def _plan(w: _Writer, result: RunResult) -> list[_FileSheets]:
    """Each file's sheets, named ``Anggaran`` (one file) or ``2 Anggaran`` (several)."""
    prefixed = len(result.files) > 1
    plans = []
    for number, report in enumerate(result.files, 1):
        plan = _FileSheets(number, report, _view_of(report))
        if plan.view is not None:
            who = w.label("file_n", n=number) if prefixed else w.label("file")
            for base, write in _table_sheets(w, plan.view, f"{who}: {report.label}"):
                name = f"{number} {base}" if prefixed else base
                plan.sheets.append((name[:SHEET_NAME_MAX], write))
        plans.append(plan)
    return plans


def _table_sheets(
    w: _Writer, view: ReportView, label: str
) -> list[tuple[str, Callable[[Worksheet], None]]]:
    """The table sheets one file gets (only tables it has), each with its writer."""
    sheets: list[tuple[str, Callable[[Worksheet], None]]] = []
    for table, base in (("realisasi_anggaran", "Anggaran"), ("program_pk", "Anggaran PK")):
        if view.rows(table):
            sheets.append((base, _bind_budget(w, view, table, label)))
    for spec in INDICATOR_TABLES:
        if view.rows(spec.table):
            sheets.append((spec.sheet, _bind_indicator(w, view, spec, label)))
    if _cross_blocks(view):
        sheets.append(("Target", lambda ws: _cross_sheet(w, ws, view, label)))
    return sheets


def _bind_budget(
    w: _Writer, view: ReportView, table: str, label: str
) -> Callable[[Worksheet], None]:
    return lambda ws: _budget_sheet(w, ws, view, table, label)


def _bind_indicator(
    w: _Writer, view: ReportView, spec: _IndicatorTable, label: str
) -> Callable[[Worksheet], None]:
    return lambda ws: _indicator_sheet(w, ws, view, spec, label)


# -- findings sheet -----------------------------------------------------------------

_SEVERITY_STYLE = {
    Severity.ERROR: {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    Severity.WARNING: {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    Severity.INFO: {"bg_color": "#DDEBF7", "font_color": "#1F4E78"},
}


def _pack_of(w: _Writer, rule_id: str, packs: dict[str, str]) -> str:
    if rule_id in packs:
        return packs[rule_id]
    if rule_id.startswith("LOAD"):
        return w.label("pack_load")
    if rule_id.startswith("SCHEMA"):
        return w.label("pack_schema")
    return w.label("pack_other")


def _findings_sheet(w: _Writer, ws: Worksheet, result: RunResult) -> None:
    rules = {rule.id: rule for rule in result.catalog}
    packs = {rule.id: rule.pack for rule in result.catalog}
    columns = [
        (w.label("no"), 5),
        (w.label("file"), 26),
        (w.label("rule"), 10),
        (w.label("severity"), 9),
        (w.label("pack"), 16),
        (w.label("table"), 10),
        (w.label("place"), 11),
        (w.label("pointer"), 30),
        (w.label("printed"), 14),
        (w.label("expected"), 14),
        (w.label("message"), 60),
        (w.label("legal_basis"), 40),
        (w.label("fix"), 50),
        (w.label("response"), 40),
    ]
    w.headers(ws, 0, columns[:-1])
    response_col = len(columns) - 1
    w.width(ws, response_col, columns[-1][1])
    w.header(ws, 0, response_col, columns[-1][0], bg_color="#FFF2CC")
    wrap = {"text_wrap": True}
    r = 0
    for report in result.files:
        for finding in sorted(report.findings, key=Finding.sort_key):
            r += 1
            rule = rules.get(finding.rule)
            loc = finding.location
            place = ""
            if loc.line is not None:
                place = f"{loc.line}:{loc.column}" if loc.column is not None else str(loc.line)
            hint = finding.hint or (rule.fix if rule else None)
            legal = finding.legal_basis or (rule.legal_basis if rule else None)
            ws.write_number(r, 0, r, w.fmt())
            w.text(ws, r, 1, loc.file, **wrap)
            w.text(ws, r, 2, finding.rule)
            w.text(ws, r, 3, finding.severity.label, bold=True, **_SEVERITY_STYLE[finding.severity])
            w.text(ws, r, 4, _pack_of(w, finding.rule, packs), **wrap)
            w.text(ws, r, 5, finding.table.get(w.lang) if finding.table else "")
            w.text(ws, r, 6, place)
            w.text(ws, r, 7, loc.pointer, **wrap)
            w.text(ws, r, 8, finding.printed or "", **wrap)
            w.text(ws, r, 9, finding.expected or "", **wrap)
            w.text(ws, r, 10, finding.message.get(w.lang), **wrap)
            w.text(ws, r, 11, legal or "", **wrap)
            w.text(ws, r, 12, hint.get(w.lang) if hint else "", **wrap)
            ws.write_blank(
                r,
                response_col,
                None,
                w.fmt(bg_color="#FFFBEA", border=1, border_color="#D9C27A", **wrap),
            )
    if r == 0:
        w.text(ws, 1, 1, w.label("no_findings"), italic=True)
    ws.freeze_panes(1, 3)
    ws.autofilter(0, 0, max(r, 1), len(columns) - 1)
    w.page_setup(ws, 0)


# -- summary sheet ------------------------------------------------------------------


_SECTION = {"bold": True, "font_size": 12, "font_color": "#1F3864"}
_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def _summary_sheet(w: _Writer, ws: Worksheet, result: RunResult, plans: list[_FileSheets]) -> None:
    """Files, counts by severity and by rule pack, the run manifest and the charts."""
    manifest = result.manifest
    version = manifest.tool_version if manifest else __version__
    w.width(ws, 0, 4)
    w.width(ws, 1, 34)
    w.width(ws, 2, 26)
    w.width(ws, 3, 18)
    w.width(ws, 4, 10, 8)
    w.width(ws, 9, 30)
    ws.write_string(0, 0, w.label("title"), w.fmt(bold=True, font_size=16))
    ws.write_string(1, 0, w.label("subtitle", version=version), w.fmt(italic=True))
    r = _files_table(w, ws, 3, plans)
    r = _severity_table(w, ws, r + 2, result)
    r = _pack_table(w, ws, r + 2, result)
    r = _manifest_table(w, ws, r + 2, result, plans)
    for plan in plans:
        if plan.view is not None:
            r = _charts(w, ws, r + 2, plan, prefixed=len(plans) > 1)
    w.page_setup(ws, None)
    ws.set_portrait()
    ws.activate()


def _files_table(w: _Writer, ws: Worksheet, r: int, plans: list[_FileSheets]) -> int:
    ws.write_string(r, 1, w.label("files"), w.fmt(**_SECTION))
    r += 1
    titles = [
        w.label("no"),
        w.label("file"),
        w.label("unit"),
        w.label("pemda"),
        w.label("year"),
        *(severity.label for severity in _COUNTED),
        w.label("total"),
        w.label("sheets"),
    ]
    for col, title in enumerate(titles):
        w.header(ws, r, col, title)
    for plan in plans:
        r += 1
        report = plan.report
        data = report.data if isinstance(report.data, dict) else {}
        laporan = data.get("laporan") if isinstance(data.get("laporan"), dict) else {}
        unit = laporan.get("unit") if isinstance(laporan.get("unit"), dict) else {}
        ws.write_number(r, 0, plan.number, w.fmt(align="left"))
        w.text(ws, r, 1, report.label, text_wrap=True)
        unit_name = unit.get("nama") or (w.label("unreadable") if report.unreadable else "")
        w.text(ws, r, 2, unit_name, text_wrap=True)
        w.text(ws, r, 3, unit.get("pemerintah_daerah") or "", text_wrap=True)
        year = laporan.get("tahun_anggaran")
        if _number(year) is not None:
            ws.write_number(r, 4, float(year), w.fmt(num_format="0", align="left"))
        for offset, severity in enumerate(_COUNTED):
            count = sum(1 for finding in report.findings if finding.severity == severity)
            ws.write_number(r, 5 + offset, count, w.fmt())
        ws.write_number(r, 8, len(report.findings), w.fmt(bold=True))
        w.text(ws, r, 9, ", ".join(name for name, _ in plan.sheets), text_wrap=True)
    return r


def _severity_table(w: _Writer, ws: Worksheet, r: int, result: RunResult) -> int:
    ws.write_string(r, 1, w.label("by_severity"), w.fmt(**_SECTION))
    r += 1
    w.header(ws, r, 1, w.label("severity"))
    w.header(ws, r, 2, w.label("count"))
    counts = result.counts()
    for severity in _COUNTED:
        r += 1
        w.text(ws, r, 1, severity.label, bold=True, **_SEVERITY_STYLE[severity])
        ws.write_number(r, 2, counts[severity], w.fmt(align="left"))
    r += 1
    w.text(ws, r, 1, w.label("total"), bold=True, top=1)
    ws.write_number(r, 2, sum(counts.values()), w.fmt(bold=True, top=1, align="left"))
    return r


def _pack_table(w: _Writer, ws: Worksheet, r: int, result: RunResult) -> int:
    manifest = result.manifest
    ws.write_string(r, 1, w.label("by_pack"), w.fmt(**_SECTION))
    r += 1
    titles = [
        w.label("pack"),
        w.label("version"),
        *(severity.label for severity in _COUNTED),
        w.label("total"),
    ]
    for offset, title in enumerate(titles):
        w.header(ws, r, 1 + offset, title)
    packs = {rule.id: rule.pack for rule in result.catalog}
    rows: list[tuple[str, str]] = [
        (w.label("pack_load"), ""),
        (w.label("pack_schema"), ""),
        *(manifest.packs if manifest else ()),
    ]
    known = {name for name, _ in rows}
    extra = sorted({_pack_of(w, f.rule, packs) for f in result.findings} - known)
    rows += [(name, "") for name in extra]
    tally: dict[tuple[str, Severity], int] = {}
    for finding in result.findings:
        key = (_pack_of(w, finding.rule, packs), finding.severity)
        tally[key] = tally.get(key, 0) + 1
    for name, pack_version in rows:
        r += 1
        w.text(ws, r, 1, name)
        w.text(ws, r, 2, pack_version)
        for offset, severity in enumerate(_COUNTED):
            ws.write_number(r, 3 + offset, tally.get((name, severity), 0), w.fmt())
        total = sum(tally.get((name, severity), 0) for severity in _COUNTED)
        ws.write_number(r, 6, total, w.fmt(bold=True))
    return r


def _manifest_table(
    w: _Writer, ws: Worksheet, r: int, result: RunResult, plans: list[_FileSheets]
) -> int:
    manifest = result.manifest
    ws.write_string(r, 1, w.label("manifest"), w.fmt(**_SECTION))
    entries = [
        (w.label("tool"), f"sakip-validate {manifest.tool_version if manifest else __version__}"),
        (w.label("schema_id"), manifest.schema_id if manifest else ""),
        (w.label("packs"), ", ".join(f"{p} {v}" for p, v in manifest.packs) if manifest else ""),
        (
            w.label("generated_at"),
            (manifest.generated_at if manifest else None) or w.label("not_recorded"),
        ),
        (w.label("language"), w.lang),
    ]
    for plan in plans:
        entries.append((f"{w.label('input_hash')} ({plan.number})", plan.report.label))
        entries.append(("", plan.report.sha256 or "-"))
    for key, value in entries:
        r += 1
        w.text(ws, r, 1, key, bold=True)
        w.text(ws, r, 2, value)
    return r


def _bound_text(w: _Writer, value: Decimal) -> str:
    return format_en(value) if w.lang == "en" else format_id(value)


def _charts(w: _Writer, ws: Worksheet, r: int, plan: _FileSheets, *, prefixed: bool) -> int:
    """Chart data and native charts for one file; returns the next free row."""
    view = plan.view
    assert view is not None
    heading = w.label("charts")
    if prefixed:
        heading += f" — {w.label('file_n', n=plan.number)}"
    ws.write_string(r, 1, f"{heading}: {plan.report.label}", w.fmt(**_SECTION))
    r = _capaian_chart(w, ws, r + 1, view)
    return _serapan_chart(w, ws, r, view)


_BAND_COLORS = ("#00B050", "#92D050", "#FFC000", "#ED7D31", "#C00000")
_GRID = {"visible": True, "line": {"color": "#E0E0E0"}}


def _capaian_chart(w: _Writer, ws: Worksheet, r: int, view: ReportView) -> int:
    """Printed capaian per indicator (Tabel 3.2) as columns, kategori lower bounds as lines."""
    from sakip_validate.domain.scale import scale_in_force

    rows = [row for row in view.rows("capaian") if isinstance(row.indikator, str)]
    if not rows:
        return r
    try:
        scale = scale_in_force(view)
    except (OSError, ValueError):
        scale = None
    bands = sorted(
        (band for band in (scale.bands if scale else ()) if band.bawah and band.bawah > 0),
        key=lambda band: band.bawah or 0,
        reverse=True,
    )
    name = ws.get_name()
    table = view.table_label("capaian").get(w.lang)
    ws.write_string(r, 1, f"{w.label('chart_data')} ({table})", w.fmt(italic=True))
    head = r + 1
    w.header(ws, head, 1, w.label("indicator"))
    w.header(ws, head, 2, w.label("capaian_printed"))
    for offset, band in enumerate(bands):
        bound = _bound_text(w, band.bawah or Decimal(0))
        w.header(ws, head, 3 + offset, w.label("band_line", kategori=band.kategori, bound=bound))
    for index, row in enumerate(rows):
        at = head + 1 + index
        w.text(ws, at, 1, row.label, text_wrap=True)
        w.printed(ws, at, 2, _number(row.cell("capaian").value))  # N/A: no column
        for offset, band in enumerate(bands):
            w.printed(ws, at, 3 + offset, band.bawah)
    last = head + len(rows)
    categories = [name, head + 1, 1, last, 1]
    chart = w.workbook.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": [name, head, 2],
            "categories": categories,
            "values": [name, head + 1, 2, last, 2],
            "fill": {"color": "#4472C4"},
            "data_labels": {"value": True},
            "gap": 80,
        }
    )
    if bands:
        lines = w.workbook.add_chart({"type": "line"})
        for offset in range(len(bands)):
            color = _BAND_COLORS[offset % len(_BAND_COLORS)]
            # One indicator gives a one-point line: show the bound as a dash marker.
            marker: dict[str, Any] = {"type": "none"}
            if len(rows) == 1:
                marker = {"type": "dash", "size": 14, "border": {"color": color}}
            lines.add_series(
                {
                    "name": [name, head, 3 + offset],
                    "categories": categories,
                    "values": [name, head + 1, 3 + offset, last, 3 + offset],
                    "line": {"color": color, "width": 1.5, "dash_type": "dash"},
                    "marker": marker,
                }
            )
        chart.combine(lines)
    chart.set_title({"name": w.label("chart_capaian", table=table), "name_font": {"size": 12}})
    chart.set_y_axis({"min": 0, "num_format": "0", "major_gridlines": _GRID})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 860, "height": 380})
    ws.insert_chart(last + 2, 1, chart, {"object_position": 1})
    return last + 2 + 380 // 20 + 2


def _serapan_chart(w: _Writer, ws: Worksheet, r: int, view: ReportView) -> int:
    """Printed budget absorption per program (Tabel 3.8) and the JUMLAH row as bars."""
    budget = view.rows("realisasi_anggaran")
    programs = [row for row in budget if row.cell("tingkat").value == "program"]
    if not programs:
        return r
    name = ws.get_name()
    table = view.table_label("realisasi_anggaran").get(w.lang)
    entries = [(f"{row.kode} {_text(row.cell('nama').value)}", _values(row)) for row in programs]
    total = view.raw_table("realisasi_anggaran").get("jumlah")
    if isinstance(total, dict):
        entries.append((w.label("jumlah"), total))
    ws.write_string(r, 1, f"{w.label('chart_data')} ({table})", w.fmt(italic=True))
    head = r + 1
    titles = ["program", "anggaran", "realisasi", "serapan_printed"]
    for offset, title in enumerate(titles):
        w.header(ws, head, 1 + offset, w.label(title))
    for index, (label, cells) in enumerate(entries):
        at = head + 1 + index
        w.text(ws, at, 1, label, text_wrap=True)
        w.printed(ws, at, 2, cells.get("anggaran"))
        w.printed(ws, at, 3, cells.get("realisasi"))
        w.printed(ws, at, 4, _number(cells.get("persen")))
    last = head + len(entries)
    chart = w.workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": [name, head, 4],
            "categories": [name, head + 1, 1, last, 1],
            "values": [name, head + 1, 4, last, 4],
            "fill": {"color": "#70AD47"},
            "data_labels": {"value": True},
            "gap": 60,
        }
    )
    chart.set_title({"name": w.label("chart_serapan", table=table), "name_font": {"size": 12}})
    chart.set_x_axis({"min": 0, "max": 100, "num_format": "0", "major_gridlines": _GRID})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    height = 90 + 42 * len(entries)
    chart.set_size({"width": 860, "height": height})
    ws.insert_chart(last + 2, 1, chart, {"object_position": 1})
    return last + 2 + height // 20 + 2


# -- the plugin ---------------------------------------------------------------------


class ExcelOutput:
    """The auditor's review workbook (Kertas Kerja Reviu) as an .xlsx file."""

    name = "excel"
    needs_data = True  # the table sheets show the report's printed figures
    description = "Kertas Kerja Reviu: Excel workbook for auditors (live formulas, charts)"
    binary = True

    def render(self, result: RunResult, options: RenderOptions, stream: BinaryIO) -> None:
        import xlsxwriter

        buffer = io.BytesIO()
        workbook = xlsxwriter.Workbook(
            buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        w = _Writer(workbook, options.lang)
        created = _created(result).astimezone(dt.UTC).replace(tzinfo=None)
        version = result.manifest.tool_version if result.manifest else __version__
        workbook.set_properties(
            {
                "title": w.label("title"),
                "author": "sakip-validate",
                "comments": f"sakip-validate {version}",
                "created": created,
            }
        )
        summary = workbook.add_worksheet(w.label("sheet_summary"))
        findings = workbook.add_worksheet(w.label("sheet_findings"))
        plans = _plan(w, result)
        for plan in plans:
            for sheet_name, write in plan.sheets:
                write(workbook.add_worksheet(sheet_name))
        _findings_sheet(w, findings, result)
        _summary_sheet(w, summary, result, plans)
        workbook.close()
        stream.write(buffer.getvalue())
