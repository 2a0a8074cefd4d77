"""Writing the input workbook: the empty template, or a report's data in the template layout.

Both come from :func:`~sakip_validate.workbook.layout.layout`, so the template,
the export and the reader agree on every sheet and column by construction.
Columns for text and printed figures are formatted as text (``@``): what a
person types there (``80,95%``, ``1.834.058.000``) stays exactly as typed for
the reader. Exported figures are written as numbers with a number format that
shows the printed decimals, so 79,70 reads back as 79.70. The output is
byte-for-byte the same for the same data (fixed document date).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import xlsxwriter

from .instructions import INSTRUCTIONS, INSTRUCTIONS_SHEET
from .layout import YEAR_PLACEHOLDER, Field, Layout, Sheet, layout
from .places import pointer_of

__all__ = ["TEMPLATE_ROWS", "ExportError", "write_workbook"]

TEMPLATE_ROWS = 300  # rows prepared (formats, drop-downs) below each table's headings
TEMPLATE_YEARS = 5  # year columns a blank template offers for each per-year figure
_FIXED_DATE = dt.datetime(2000, 1, 1)
_MAX_FLOAT_DIGITS = 15  # beyond, a float would not hold the number exactly: written as text


class ExportError(Exception):
    """The data holds values the template has no place for (``pointers``)."""

    def __init__(self, pointers: list[str]) -> None:
        super().__init__(", ".join(pointers[:10]))
        self.pointers = pointers


def _parts(path: tuple[str, ...]) -> list[str]:
    return [p for p in path]


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def _records(
    data: dict[str, Any], path: tuple[str, ...]
) -> Iterator[tuple[tuple[str | int, ...], int | None, Any]]:
    """(pointer parts, parent ordinal, item) of every item of the array at ``path``.

    ``*`` in ``path`` walks every item of the array before it; the ordinal is
    the parent item's 1-based position.
    """
    if "*" in path:
        star = path.index("*")
        parents = _get(data, path[:star])
        if not isinstance(parents, list):
            return
        for index, parent in enumerate(parents):
            items = _get(parent, path[star + 1 :])
            if isinstance(items, list):
                for n, item in enumerate(items):
                    yield (*path[:star], index, *path[star + 1 :], n), index + 1, item
        return
    items = _get(data, path)
    if isinstance(items, list):
        for n, item in enumerate(items):
            yield (*path, n), None, item


def year_slots(data: dict[str, Any] | None, sheet: Sheet, column: Field) -> list[str]:
    """The years a year-group column shows: those in the data, or placeholders."""
    if data is None or sheet.table_path is None:
        return [YEAR_PLACEHOLDER] * TEMPLATE_YEARS
    years: set[str] = set()
    for _, _, item in _records(data, sheet.table_path):
        value = _get(item, column.path)
        if isinstance(value, dict):
            years.update(str(k) for k in value)
    return sorted(years) or [YEAR_PLACEHOLDER] * TEMPLATE_YEARS


class _Formats:
    def __init__(self, book: Any) -> None:
        self.book = book
        self.title = book.add_format({"bold": True, "font_size": 13})
        self.label = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        self.header = book.add_format(
            {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "top"}
        )
        self.text = book.add_format({"num_format": "@"})
        self.general = book.add_format({})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self._numbers: dict[tuple[int, bool], Any] = {}

    def number(self, decimals: int, grouped: bool) -> Any:
        key = (decimals, grouped)
        if key not in self._numbers:
            whole = "#,##0" if grouped else "0"
            fmt = whole + ("." + "0" * decimals if decimals else "")
            self._numbers[key] = self.book.add_format({"num_format": fmt})
        return self._numbers[key]

    def column(self, kind: str) -> Any:
        return self.general if kind in ("int", "number", "bool") else self.text


def _validation(field: Field, ids: str | None) -> dict[str, Any] | None:
    """The drop-down or range a column's cells accept, where one helps."""
    if field.kind == "enum" and field.choices and len(",".join(field.choices)) < 250:
        return {"validate": "list", "source": list(field.choices)}
    if field.kind == "bool":
        return {"validate": "list", "source": ["Ya", "Tidak"]}
    leaf = field.path[-1] if field.path else ""
    if ids and leaf in ("indikator", "bagian_dari") and field.kind == "text":
        return {
            "validate": "list",
            "source": ids,
            "error_type": "warning",
            "error_title": "Id indikator",
            "error_message": "Pilih id dari lembar Indikator (kolom Id).",
        }
    if leaf == "satuan" or leaf == "satuan_tertulis":
        return {
            "validate": "list",
            "source": ["%", "indeks", "nilai", "desa", "orang", "dokumen", "persen"],
            "error_type": "information",
            "error_title": "Satuan",
            "error_message": "Satuan lain boleh, tulis persis seperti tercetak.",
        }
    if field.kind == "int" and field.minimum is not None and field.maximum is not None:
        return {
            "validate": "integer",
            "criteria": "between",
            "minimum": int(field.minimum),
            "maximum": int(field.maximum),
            "error_title": field.label,
            "error_message": f"Bilangan bulat antara {field.minimum} dan {field.maximum}.",
        }
    if field.kind in ("nilai", "nilai_teks"):
        return {
            "validate": "any",
            "input_title": field.label[:32],
            "input_message": "Angka seperti tercetak (80,95 atau 80,95%), atau N/A / - "
            "bila laporan mencetaknya.",
        }
    return None


def _comment(field: Field) -> str:
    return field.description.id or field.label


class _Writer:
    def __init__(self, book: Any, data: dict[str, Any] | None, shape: Layout) -> None:
        self.book = book
        self.data = data
        self.layout = shape
        self.formats = _Formats(book)
        self.placed: set[str] = set()
        self.ids = self._indicator_range()

    def _indicator_range(self) -> str | None:
        for sheet in self.layout.sheets:
            if sheet.table_path == ("indikator",):
                for n, column in enumerate(sheet.columns):
                    if column.path == ("id",):
                        letter = chr(65 + n)
                        first = sheet.header_row + 1
                        last = sheet.header_row + self._rows(sheet)
                        name = sheet.name.replace("'", "''")
                        return f"='{name}'!${letter}${first}:${letter}${last}"
        return None

    def _rows(self, sheet: Sheet) -> int:
        count = 0
        if self.data is not None and sheet.table_path is not None:
            count = sum(1 for _ in _records(self.data, sheet.table_path))
        return max(TEMPLATE_ROWS, count + 100)

    def value(
        self, ws: Any, row: int, col: int, field: Field, value: Any, parts: tuple[str | int, ...]
    ) -> None:
        """Write one value (0-based row and column) and mark its pointer placed."""
        pointer = pointer_of(parts)
        fmt = self.formats
        if isinstance(value, bool):
            ws.write_string(row, col, "Ya" if value else "Tidak", fmt.text)
        elif isinstance(value, int):
            grouped = field.kind == "rupiah"
            if len(str(abs(value))) > _MAX_FLOAT_DIGITS:
                ws.write_string(row, col, str(value), fmt.text)
            else:
                ws.write_number(row, col, value, fmt.number(0, grouped))
        elif isinstance(value, Decimal):
            exponent = value.as_tuple().exponent
            decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
            if len(value.as_tuple().digits) > _MAX_FLOAT_DIGITS or not value.is_finite():
                ws.write_string(row, col, str(value), fmt.text)
            else:
                # float only at this edge: xlsxwriter stores 16 significant digits,
                # enough to give back every number of at most 15.
                ws.write_number(
                    row, col, float(value), fmt.number(decimals, field.kind == "rupiah")
                )
        elif isinstance(value, str):
            ws.write_string(row, col, value, fmt.text)
        elif isinstance(value, list) and field.kind == "list":
            if not all(isinstance(v, str) and ";" not in v for v in value):
                return
            ws.write_string(row, col, "; ".join(value), fmt.text)
            self.placed.update(f"{pointer}/{n}" for n in range(len(value)))
        else:
            return
        self.placed.add(pointer)

    def sheet(self, sheet: Sheet) -> None:
        ws = self.book.add_worksheet(sheet.name)
        fmt = self.formats
        ws.write_string(0, 0, sheet.title.id, fmt.title)
        ws.set_column(0, 0, 28)
        row = sheet.first_row - 1
        block_data = (
            _get(self.data, sheet.block_path)
            if self.data and sheet.block_path is not None
            else None
        )
        for field in sheet.block:
            ws.write_string(row, 0, field.label, fmt.label)
            ws.write_comment(row, 0, _comment(field), {"x_scale": 2, "y_scale": 2})
            options = _validation(field, self.ids)
            if options is not None:
                ws.data_validation(row, 1, row, 1, options)
            ws.write_blank(row, 1, None, fmt.column(field.kind))
            if sheet.block_path == () and field.path == ("versi_skema",) and self.data is None:
                ws.write_string(row, 1, self.layout.version, fmt.text)
            if isinstance(block_data, dict):
                value = _get(block_data, field.path)
                if value is not None:
                    block_path = sheet.block_path or ()
                    self.value(ws, row, 1, field, value, (*block_path, *field.path))
            row += 1
        ws.set_column(1, 1, 40 if sheet.block else 16)
        if sheet.table_path is None:
            _print_setup(ws, None, landscape=False)
            return
        _print_setup(ws, sheet.header_row - 1)
        self.table(ws, sheet)

    def table(self, ws: Any, sheet: Sheet) -> None:
        fmt = self.formats
        header = sheet.header_row - 1
        rows = self._rows(sheet)
        col = 0
        spans: list[tuple[int, Field, str | None, str | None]] = []  # col, field, year, sub
        for field in sheet.columns:
            if field.years:
                for slot in year_slots(self.data, sheet, field):
                    subs: list[str | None] = [s for s, _ in field.subs] or [None]
                    for sub in subs:
                        spans.append((col, field, slot, sub))
                        col += 1
            else:
                spans.append((col, field, None, None))
                col += 1
        for col, field, year, sub in spans:
            ws.write_string(header, col, field.heading(year, sub), fmt.header)
            ws.write_comment(header, col, _comment(field), {"x_scale": 2, "y_scale": 2})
            width = min(max(len(field.heading(year, sub)) + 2, 10), 45)
            ws.set_column(col, col, width, fmt.column(field.kind))
            options = _validation(field, self.ids)
            if options is not None:
                ws.data_validation(header + 1, col, header + rows, col, options)
        ws.freeze_panes(header + 1, 0)
        if self.data is None:
            return
        for n, (parts, parent, item) in enumerate(_records(self.data, sheet.table_path or ())):
            row = header + 1 + n
            for col, field, year, sub in spans:
                if field.path == ("..",):
                    ws.write_number(row, col, parent or 0, fmt.number(0, False))
                    continue
                if sheet.scalar_items:
                    self.value(ws, row, col, field, item, parts)
                    continue
                value = _get(item, field.path)
                where = (*parts, *field.path)
                if year is not None:
                    if not isinstance(value, dict) or year not in value:
                        continue
                    value = value[year]
                    where = (*where, year)
                    if sub is not None:
                        if not isinstance(value, dict) or sub not in value:
                            continue
                        value = value[sub]
                        where = (*where, sub)
                if value is not None:
                    self.value(ws, row, col, field, value, where)


def _instructions(book: Any, shape: Layout) -> None:
    ws = book.add_worksheet(INSTRUCTIONS_SHEET)
    title = book.add_format({"bold": True, "font_size": 14})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    link = book.add_format(
        {"font_color": "blue", "underline": 1, "valign": "top", "text_wrap": True}
    )
    ws.set_column(0, 0, 75)  # within a portrait A4 page at full size
    ws.write_string(0, 0, INSTRUCTIONS[0], title)
    for n, line in enumerate(INSTRUCTIONS[1:], start=2):
        ws.write_string(n, 0, line, wrap)
        ws.set_row(n, _height(line, 70))  # spreadsheets do not grow a wrapped row by themselves
    row = len(INSTRUCTIONS) + 2
    ws.write_string(row, 0, "Lembar dalam buku kerja ini:", book.add_format({"bold": True}))
    for n, sheet in enumerate(shape.sheets, start=row + 1):
        target = "'" + sheet.name.replace("'", "''") + "'!A1"
        text = f"{sheet.name}: {sheet.title.id}"
        ws.write_url(n, 0, f"internal:{target}", link, text)
        ws.set_row(n, _height(text, 70))
    _print_setup(ws, None, landscape=False)
    ws.print_area(0, 0, row + len(shape.sheets), 0)  # the one column, scaled to the page


def _height(text: str, width: int) -> float:
    """Points for a wrapped row of ``text`` in a column ``width`` characters wide."""
    lines = sum(max(1, -(-len(part) // width)) for part in text.split("\n"))
    return 15.0 * lines


def _print_setup(ws: Any, header: int | None, *, landscape: bool = True) -> None:
    """A4, one page wide, the column headings repeated on every printed page."""
    ws.set_paper(9)
    if landscape:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    if header is not None:
        ws.repeat_rows(header)
    ws.set_footer("&L&A&RHalaman &P dari &N")


def _leaves(value: Any, parts: tuple[str | int, ...]) -> Iterator[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*parts, key))
    elif isinstance(value, list):
        if not value:
            yield pointer_of(parts)
        for n, item in enumerate(value):
            yield from _leaves(item, (*parts, n))
    else:
        yield pointer_of(parts)


def write_workbook(target: str | Path | IO[bytes], data: dict[str, Any] | None = None) -> None:
    """Write the template (``data`` None) or the report ``data`` in the template layout.

    ExportError when some value of ``data`` has no place in the layout (the
    data does not fit the schema this template comes from); nothing is written
    then.
    """
    shape = layout()
    if data is not None:
        # Place everything first (in memory), so a refusal leaves no file behind.
        import io

        probe = io.BytesIO()
        book = xlsxwriter.Workbook(probe, {"in_memory": True})
        writer = _Writer(book, data, shape)
        for sheet in shape.sheets:
            writer.sheet(sheet)
        book.close()
        unplaced = [p for p in _leaves(data, ()) if p not in writer.placed]
        if unplaced:
            raise ExportError(unplaced)
    options = {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False}
    book = xlsxwriter.Workbook(target, options)
    book.set_properties({"title": "Templat data LKjIP (sakip-validate)", "created": _FIXED_DATE})
    _instructions(book, shape)
    writer = _Writer(book, data, shape)
    for sheet in shape.sheets:
        writer.sheet(sheet)
    book.close()
