"""Reading a filled input workbook into the report data, with the cell of every value.

The workbook is read into the same data dict a TOML file gives, and beside it a
map from each value's JSON pointer to its cell (``Anggaran!D14``), so every
later finding names the sheet and the cell. Sheets and columns are found by
their headings (as the template writes them), not by position: a person may
move a column or insert a row above the table.

What cannot be read with certainty becomes a finding at its cell instead of a
guess: a number that reads two ways (LOAD009), a formula without a stored
value or with an error value (LOAD010), a value under a heading the template
does not know or a row naming a parent that is not there (LOAD011).

Hostile workbooks are refused before openpyxl sees them: not a zip, a
password-protected or old-format (.xls) file, a zip whose members would expand
beyond the limits (a zip bomb); the size and number-of-values limits of
:mod:`sakip_validate.loading.limits` apply to cells as to TOML values.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from ..codes import LOAD_AMBIGUOUS_CELL, LOAD_FORMULA_CELL, LOAD_LAYOUT, LOAD_LIMIT, Code
from ..findings import Finding, Text, TextLocation
from ..loading.limits import Limits
from .cells import Ambiguous, read_cell
from .layout import PARENT_LABEL, YEAR_PLACEHOLDER, Field, Sheet, layout
from .places import pointer_of, reference

__all__ = ["WorkbookProblem", "WorkbookRead", "read_workbook"]

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptionInfo".encode("utf-16-le")
_MAX_MEMBERS = 10_000
_EXPANSION = 10  # a workbook may expand to this many times the file size limit
_MAX_ROWS = 100_000  # rows of one sheet read before the sheet is refused
_MAX_FINDINGS = 100


class WorkbookProblem(Exception):
    """The workbook cannot be read at all; ``message`` and ``hint`` say why, ``code`` which."""

    def __init__(
        self,
        message: Text,
        hint: Text | None = None,
        code: Code | None = None,
        cell: str | None = None,
    ) -> None:
        super().__init__(message.en)
        self.message = message
        self.hint = hint
        self.code = code
        self.cell = cell


@dataclass(slots=True)
class WorkbookRead:
    """A read workbook: the report data, the cell of each pointer, and the reader's findings."""

    data: dict[str, Any]
    cells: dict[str, str]
    findings: list[Finding] = dataclass_field(default_factory=list)


_SAVE_AS = Text(
    "Buka berkas di Excel atau LibreOffice Calc dan simpan sebagai Buku Kerja Excel (.xlsx).",
    "Open the file in Excel or LibreOffice Calc and save it as an Excel Workbook (.xlsx).",
)


def _sniff(raw: bytes, limits: Limits) -> None:
    """Refuse what is not a plain .xlsx before any XML is parsed."""
    if raw.startswith(_CFB_MAGIC):
        if _ENCRYPTED in raw:
            raise WorkbookProblem(
                Text(
                    "Buku kerja dilindungi kata sandi; isinya tidak dapat dibaca.",
                    "The workbook is password-protected; its content cannot be read.",
                ),
                Text(
                    "Buka dengan kata sandinya, hapus kata sandi (File > Info > Protect "
                    "Workbook), lalu simpan kembali sebagai .xlsx.",
                    "Open it with its password, remove the password (File > Info > Protect "
                    "Workbook), then save it again as .xlsx.",
                ),
            )
        raise WorkbookProblem(
            Text(
                "Berkas ini buku kerja Excel format lama (.xls), bukan .xlsx.",
                "This file is an old-format Excel workbook (.xls), not .xlsx.",
            ),
            _SAVE_AS,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise WorkbookProblem(
            Text(
                "Berkas ini bukan buku kerja Excel (.xlsx): isinya bukan arsip zip.",
                "This file is not an Excel workbook (.xlsx): its content is not a zip archive.",
            ),
            _SAVE_AS,
        ) from None
    with archive:
        members = archive.infolist()
        names = {m.filename for m in members}
        if "xl/workbook.xml" not in names:
            raise WorkbookProblem(
                Text(
                    "Arsip zip ini bukan buku kerja Excel (tidak ada xl/workbook.xml).",
                    "This zip archive is not an Excel workbook (no xl/workbook.xml).",
                ),
                _SAVE_AS,
            )
        if len(members) > _MAX_MEMBERS:
            raise _too_big(Text(f"{len(members)} bagian", f"{len(members)} parts"))
        budget = limits.file_bytes * _EXPANSION
        if any(m.flag_bits & 0x1 for m in members):
            raise WorkbookProblem(
                Text("Buku kerja terenkripsi.", "The workbook is encrypted."), _SAVE_AS
            )
        # The sizes a zip declares may lie: count what each member really expands to.
        for member in members:
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 16):
                        budget -= len(chunk)
                        if budget < 0:
                            raise _too_big(
                                Text(
                                    f"isinya mengembang melebihi {_EXPANSION} kali batas "
                                    "ukuran berkas",
                                    f"its content expands beyond {_EXPANSION} times the "
                                    "file size limit",
                                )
                            )
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as error:
                if isinstance(error, WorkbookProblem):
                    raise
                raise WorkbookProblem(
                    Text(
                        f"Buku kerja rusak: bagian {member.filename} tidak dapat dibuka.",
                        f"The workbook is damaged: part {member.filename} cannot be opened.",
                    ),
                    _SAVE_AS,
                ) from None


def _too_big(what: Text) -> WorkbookProblem:
    return WorkbookProblem(
        Text(
            f"Buku kerja melampaui batas: {what.id}.", f"The workbook exceeds a limit: {what.en}."
        ),
        Text(
            "Buku kerja laporan yang sebenarnya jauh di bawah batas ini; periksa apakah ini "
            "berkas yang benar.",
            "A real report's workbook stays far below this limit; check that this is the "
            "right file.",
        ),
        LOAD_LIMIT,
    )


@dataclass(slots=True)
class _Grid:
    """One sheet's cells: value and number format by (row, column), 1-based."""

    values: dict[tuple[int, int], tuple[Any, str]]
    formulas: set[tuple[int, int]]
    errors: dict[tuple[int, int], str]


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


class _Reader:
    def __init__(self, label: str, limits: Limits) -> None:
        self.label = label
        self.limits = limits
        self.data: dict[str, Any] = {}
        self.cells: dict[str, str] = {}
        self.findings: list[Finding] = []
        self.count = 0
        self.ordinals: dict[str, list[tuple[str | int, ...]]] = {}

    def finding(
        self,
        code: Code,
        where: str,
        pointer: str,
        message: Text,
        hint: Text | None,
        printed: str | None = None,
    ) -> None:
        if len(self.findings) >= _MAX_FINDINGS:
            return
        self.findings.append(
            code.finding(
                message,
                TextLocation(self.label, pointer, cell=where),
                hint=hint,
                printed=printed,
            )
        )

    # -- values -------------------------------------------------------------------
    def put(self, target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
        for key in path[:-1]:
            target = target.setdefault(key, {})
        target[path[-1]] = value

    def cell_value(
        self,
        grid: _Grid,
        sheet: Sheet,
        row: int,
        col: int,
        field: Field,
        parts: tuple[str | int, ...],
    ) -> Any:
        """The value of one cell, or None; findings for what cannot be read."""
        where = reference(sheet.name, row, col)
        pointer = pointer_of(parts)
        self.cells[pointer] = where
        if (row, col) in grid.errors:
            self.finding(
                LOAD_FORMULA_CELL,
                where,
                pointer,
                Text(
                    f"Sel berisi galat rumus {grid.errors[(row, col)]}, bukan angka laporan.",
                    f"The cell holds the formula error {grid.errors[(row, col)]}, "
                    "not a report figure.",
                ),
                Text(
                    "Perbaiki rumusnya atau tulis angka yang tercetak di laporan.",
                    "Fix the formula or type the figure printed in the report.",
                ),
                grid.errors[(row, col)],
            )
            return None
        raw, number_format = grid.values.get((row, col), (None, "General"))
        formula = (row, col) in grid.formulas
        if raw is None:
            if formula:
                self.finding(
                    LOAD_FORMULA_CELL,
                    where,
                    pointer,
                    Text(
                        "Sel berisi rumus tanpa nilai tersimpan; nilainya tidak dapat dibaca.",
                        "The cell holds a formula with no stored value; its value cannot be read.",
                    ),
                    Text(
                        "Buka dan simpan buku kerja di Excel atau LibreOffice Calc agar "
                        "nilai rumus tersimpan, atau tulis angkanya langsung.",
                        "Open and save the workbook in Excel or LibreOffice Calc so that the "
                        "formula's value is stored, or type the figure itself.",
                    ),
                )
            return None
        value = read_cell(raw, number_format, field.kind, formula)
        if isinstance(value, Ambiguous):
            one, other = value.readings
            self.finding(
                LOAD_AMBIGUOUS_CELL,
                where,
                pointer,
                Text(
                    f"Angka {value.written} bermakna ganda: {one.replace('.', ',')} "
                    f"(titik desimal) atau {other} (titik ribuan).",
                    f"The number {value.written} reads two ways: {one} (decimal point) or "
                    f"{other} (thousands separator).",
                ),
                Text(
                    f"Tulis {one.replace('.', ',')} bila maksudnya desimal, atau {other} "
                    "tanpa titik bila maksudnya ribuan.",
                    f"Write {one.replace('.', ',')} for a decimal, or {other} without the dot "
                    "for thousands.",
                ),
                value.written,
            )
            return value.written
        return value

    # -- sheets -------------------------------------------------------------------
    def block(self, grid: _Grid, sheet: Sheet, stop: int) -> None:
        labels = {f.label.casefold(): f for f in sheet.block}
        assert sheet.block_path is not None
        for row in range(1, stop):
            field = labels.get(_text(grid.values.get((row, 1), (None, ""))[0]).casefold())
            if field is None:
                continue
            parts = (*sheet.block_path, *field.path)
            value = self.cell_value(grid, sheet, row, 2, field, parts)
            if value is not None:
                self.put(self.data, parts, value)
                self.cells.setdefault(pointer_of(sheet.block_path), reference(sheet.name, 1, 1))

    def header(
        self, grid: _Grid, sheet: Sheet
    ) -> tuple[int, dict[int, tuple[Field, str | None, str | None]]] | None:
        """The heading row and what each of its columns holds, by heading text."""
        plain = {f.label.casefold(): f for f in sheet.columns if not f.years}
        groups = [f for f in sheet.columns if f.years]
        rows = sorted({r for r, _ in grid.values})
        for row in rows:
            found: dict[int, tuple[Field, str | None, str | None]] = {}
            for (r, c), (value, _) in grid.values.items():
                if r != row:
                    continue
                text = _text(value)
                if text.casefold() in plain:
                    found[c] = (plain[text.casefold()], None, None)
                    continue
                for group in groups:
                    for sub, label in group.subs or ((None, group.label),):
                        match = re.fullmatch(
                            re.escape(label) + r"\s+((?:19|20)\d\d|20__)", text, re.IGNORECASE
                        )
                        if match:
                            found[c] = (group, match.group(1), sub)
            if len(found) >= min(2, len(sheet.columns)):
                return row, found
        return None

    def table(self, grid: _Grid, sheet: Sheet) -> None:
        assert sheet.table_path is not None
        located = self.header(grid, sheet)
        if sheet.block:
            self.block(grid, sheet, located[0] if located else 200)
        if located is None:
            return
        header, columns = located
        path = sheet.table_path
        last_row = max((r for r, _ in grid.values), default=header)
        unknown = {
            c: _text(v)
            for (r, c), (v, _) in grid.values.items()
            if r == header and c not in columns and _text(v)
        }
        for row in range(header + 1, last_row + 1):
            filled = [c for c in columns if (row, c) in grid.values or (row, c) in grid.formulas]
            stray = [c for c in unknown if (row, c) in grid.values]
            for c in stray:
                where = reference(sheet.name, row, c)
                self.finding(
                    LOAD_LAYOUT,
                    where,
                    pointer_of(path),
                    Text(
                        f'Isian di bawah judul kolom "{unknown[c]}" yang tidak dikenal '
                        "templat; isian ini tidak dibaca.",
                        f'A value under the heading "{unknown[c]}", which the template does '
                        "not know; it is not read.",
                    ),
                    Text(
                        "Kembalikan judul kolom seperti di templat, atau pindahkan isiannya.",
                        "Restore the heading as in the template, or move the value.",
                    ),
                )
            if not filled:
                continue
            self.row(grid, sheet, row, header, columns)

    def row(
        self,
        grid: _Grid,
        sheet: Sheet,
        row: int,
        header: int,
        columns: dict[int, tuple[Field, str | None, str | None]],
    ) -> None:
        """Read one table row into the data, under its parent for a nested table."""
        path = sheet.table_path
        assert path is not None
        ordinals = self.ordinals.setdefault(".".join(path), [])
        base: tuple[str | int, ...] = path
        if "*" in path:
            star = path.index("*")
            parents = self.ordinals.get(".".join(path[:star]), [])
            parent_col = next((c for c, (f, _, _) in columns.items() if f.path == ("..",)), None)
            parent: Any = None
            if parent_col is not None:
                raw = grid.values.get((row, parent_col), (None, "General"))
                parent = read_cell(raw[0], raw[1], "int")
            if not isinstance(parent, int) or not 1 <= parent <= len(parents):
                self.finding(
                    LOAD_LAYOUT,
                    reference(sheet.name, row, parent_col or 1),
                    "",
                    Text(
                        f"{PARENT_LABEL} tidak menunjuk baris yang ada di lembar "
                        f"{sheet.parent} (ada {len(parents)} baris); baris ini tidak dibaca.",
                        f"{PARENT_LABEL} does not name a row of sheet {sheet.parent} "
                        f"(it has {len(parents)} rows); this row is not read.",
                    ),
                    Text(
                        "Tulis nomor urut baris induknya (baris data pertama = 1).",
                        "Write the ordinal of its parent row (first data row = 1).",
                    ),
                )
                return
            base = (*parents[parent - 1], *path[star + 1 :])
        existing: Any = self.data
        for key in base:
            existing = existing.get(key) if isinstance(existing, dict) else existing[key]
            if existing is None:
                break
        parts = (*base, len(existing) if isinstance(existing, list) else 0)
        item: dict[str, Any] = {}
        scalar: Any = None
        for col, (field, year, sub) in sorted(columns.items()):
            if field.path == ("..",):
                continue
            if year == YEAR_PLACEHOLDER:
                if (row, col) in grid.values:
                    self.finding(
                        LOAD_LAYOUT,
                        reference(sheet.name, row, col),
                        pointer_of(parts),
                        Text(
                            f"Kolom {field.heading(year, sub)} belum diberi tahun; isiannya "
                            "tidak dibaca.",
                            f"Column {field.heading(year, sub)} has no year yet; its value "
                            "is not read.",
                        ),
                        Text(
                            "Ganti 20__ pada judul kolom dengan tahunnya.",
                            "Replace 20__ in the heading with the year.",
                        ),
                    )
                continue
            rel: tuple[str, ...] = field.path
            if year is not None:
                rel = (*rel, year, *((sub,) if sub else ()))
            where = (*parts, *rel)
            value = self.cell_value(grid, sheet, row, col, field, where)
            for depth in range(1, len(rel)):
                self.cells.setdefault(
                    pointer_of((*parts, *rel[:depth])), reference(sheet.name, row, col)
                )
            if value is None:
                continue
            if sheet.scalar_items:
                scalar = value
            else:
                self.put(item, rel, value)
        if sheet.scalar_items and scalar is None:
            return
        container: Any = self.data
        for key in base[:-1]:
            container = container.setdefault(key, {}) if isinstance(key, str) else container[key]
        container.setdefault(base[-1], []).append(scalar if sheet.scalar_items else item)
        ordinals.append(parts)
        self.cells[pointer_of(parts)] = reference(sheet.name, row, 1)
        self.cells.setdefault(pointer_of(base), reference(sheet.name, header, 1))


def _grid(sheet: Any, formulas: Any, reader: _Reader, name: str) -> _Grid:
    values: dict[tuple[int, int], tuple[Any, str]] = {}
    errors: dict[tuple[int, int], str] = {}
    for r, row in enumerate(sheet.iter_rows(), start=1):
        if r > _MAX_ROWS:
            raise _too_big(
                Text(
                    f"lembar {name} lebih dari {_MAX_ROWS} baris",
                    f"sheet {name} has more than {_MAX_ROWS} rows",
                )
            )
        for c, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            reader.count += 1
            if reader.count > reader.limits.items:
                raise _too_big(
                    Text(
                        f"lebih dari {reader.limits.items} sel berisi",
                        f"more than {reader.limits.items} filled cells",
                    )
                )
            if getattr(cell, "data_type", "") == "e":
                errors[(r, c)] = str(value)
                continue
            values[(r, c)] = (value, str(getattr(cell, "number_format", "General") or "General"))
    found: set[tuple[int, int]] = set()
    if formulas is not None:
        for r, row in enumerate(formulas.iter_rows(), start=1):
            if r > _MAX_ROWS:
                break
            for c, cell in enumerate(row, start=1):
                if getattr(cell, "data_type", "") == "f":
                    found.add((r, c))
    return _Grid(values, found, errors)


def read_workbook(raw: bytes, label: str, limits: Limits) -> WorkbookRead:
    """Read a filled workbook; WorkbookProblem when it cannot be read at all."""
    _sniff(raw, limits)
    import openpyxl  # type: ignore[import-untyped]  # a dependency; imported here so that TOML runs do not pay for it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about extensions it drops
            values = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            formulas = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise _damaged(error) from None
    reader = _Reader(label, limits)
    try:
        for sheet in layout().sheets:
            if sheet.name not in values.sheetnames:
                continue
            grid = _grid(values[sheet.name], formulas[sheet.name], reader, sheet.name)
            if sheet.table_path is None:
                reader.block(grid, sheet, 200)
            else:
                reader.table(grid, sheet)
    except WorkbookProblem:
        raise
    except Exception as error:
        raise _damaged(error) from None
    finally:
        values.close()
        formulas.close()
    reader.cells.setdefault("", reference(layout().sheets[0].name, 1, 1))
    return WorkbookRead(reader.data, reader.cells, reader.findings)


def _damaged(error: Exception) -> WorkbookProblem:
    """A workbook openpyxl could not open or read (it raises many kinds on a damaged file)."""
    return WorkbookProblem(
        Text(
            f"Buku kerja rusak atau bukan .xlsx yang sah ({type(error).__name__}).",
            f"The workbook is damaged or not a valid .xlsx ({type(error).__name__}).",
        ),
        _SAVE_AS,
    )
