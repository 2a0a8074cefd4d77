"""A printed table made regular: its title, its header, its data rows.

Printed tables are irregular: headers over two rows (a year over Target /
Realisasi / Capaian), headers printed again after a page break, a row cut in
two by a page break, a row whose cells slid one place left. :func:`grid_of`
undoes what it can be sure of and records each repair as a :class:`Repair`, so
that the draft marks it for the user to confirm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import read_number
from .model import Block, Pages, Paragraph, Table

__all__ = ["Grid", "GridRow", "Repair", "grid_of", "normal_label", "title_of"]

_TITLE = re.compile(r"^tabel\s+([0-9]+(?:\.[0-9]+)*)\.?\s*(.*)$", re.IGNORECASE)
_ROW_NUMBER = re.compile(r"^[0-9]+(?:\.[0-9]+)*\.?$")
_YEAR = re.compile(r"^(19|20)[0-9]{2}$")
_HEADER_WORDS = re.compile(
    r"\b(no|nomor|tujuan|sasaran|indikator|target|realisasi|capaian|satuan|anggaran|program|"
    r"kegiatan|kategori|skala|analisis|solusi|efisiensi|menunjang|sumber|jabatan|eselon|"
    r"tahun|kemajuan|uraian|permasalahan|urusan)\b"
)


def normal_label(text: str) -> str:
    """A header cell reduced to lower-case words ("% Capaian" -> "capaian")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


@dataclass(frozen=True, slots=True)
class Repair:
    """Something the importer did to make a table regular."""

    kind: str  # "joined", "shifted", "header_repeated"
    row: int  # data row index (after repairs)
    detail: str = ""


@dataclass(slots=True)
class GridRow:
    cells: list[str]
    source: int  # index of the printed row (first part, when joined)
    pages: Pages | None = None


@dataclass(slots=True)
class Grid:
    number: str | None  # "3.2"
    title: str  # "Perbandingan Target dan Realisasi Kinerja"
    labels: list[str]  # one per column, header rows combined, as printed
    rows: list[GridRow]
    table: Table
    repairs: list[Repair] = field(default_factory=list)
    after: list[Paragraph] = field(default_factory=list)  # paragraphs right after the table

    @property
    def printed_name(self) -> str:
        return f"Tabel {self.number}" if self.number else self.title or "tabel tanpa judul"


def title_of(blocks: list[Block], position: int) -> tuple[str | None, str]:
    """The printed number and title of the table at ``position``: the "Tabel x.y" line above."""
    parts: list[str] = []
    for k in range(position - 1, max(position - 5, -1), -1):
        block = blocks[k]
        if not isinstance(block, Paragraph):
            break
        match = _TITLE.match(block.text)
        if match:
            number, rest = match.group(1), match.group(2).strip()
            title = " ".join(([rest] if rest else []) + list(reversed(parts)))
            return number, title
        if len(block.text) > 160:
            break
        parts.append(block.text)
    return None, ""


def _is_header_row(row: list[str]) -> bool:
    filled = [c for c in row if c.strip()]
    if not filled:
        return False
    words = False
    for cell in filled:
        if _YEAR.match(cell.strip()):
            continue
        if read_number(cell).value is not None and not isinstance(read_number(cell).value, str):
            return False
        if _HEADER_WORDS.search(normal_label(cell)):
            words = True
    return words or all(_YEAR.match(c.strip()) for c in filled)


def _labels(headers: list[list[str]], width: int) -> list[str]:
    labels = [""] * width
    last = headers[-1] if headers else []
    for r, row in enumerate(headers):
        carry = ""
        for c in range(width):
            cell = row[c].strip() if c < len(row) else ""
            below = last[c].strip() if c < len(last) else ""
            if cell:
                carry = cell
            elif r < len(headers) - 1 and carry and below:
                cell = carry  # a group heading over its sub-columns
            else:
                carry = "" if r < len(headers) - 1 and not below else carry
            if cell:
                labels[c] = f"{labels[c]} {cell}".strip()
    return labels


def _numbers(row: list[str]) -> bool:
    return any(
        read_number(c).value is not None and read_number(c).problem is None
        for c in row
        if c.strip()
    )


def grid_of(blocks: list[Block], position: int) -> Grid:
    """The table at ``position`` made regular, with its title from the lines above."""
    table = blocks[position]
    assert isinstance(table, Table)
    number, title = title_of(blocks, position)
    rows = [list(r) for r in table.rows]
    headers: list[list[str]] = []
    while rows and len(headers) < 3 and _is_header_row(rows[0]):
        headers.append(rows.pop(0))
    width = max([len(r) for r in table.rows] or [0])
    labels = _labels(headers, width)
    grid = Grid(number, title, labels, [], table)
    first_header = [normal_label(c) for c in headers[0]] if headers else None
    skip = len(headers)
    for offset, cells in enumerate(rows):
        source = skip + offset
        at_break = source in table.breaks
        if first_header is not None and [normal_label(c) for c in cells] == first_header:
            grid.repairs.append(Repair("header_repeated", len(grid.rows)))
            # the header printed again at the top of the next page: a break follows it
            table.breaks.add(source + 1)
            continue
        if not any(c.strip() for c in cells):
            continue
        row_pages = table.row_pages[source] if source < len(table.row_pages) else None
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if at_break and grid.rows and _continues(grid.rows[-1].cells, cells):
            previous = grid.rows[-1]
            previous.cells = [
                f"{a} {b}".strip() if b.strip() else a
                for a, b in zip(previous.cells, cells, strict=False)
            ]
            grid.repairs.append(Repair("joined", len(grid.rows) - 1))
            continue
        grid.rows.append(GridRow(cells, source, row_pages))
    # Paragraphs printed right under the table ("Sumber : ...").
    for block in blocks[position + 1 : position + 3]:
        if not isinstance(block, Paragraph):
            break
        grid.after.append(block)
    return grid


def _continues(previous: list[str], cells: list[str]) -> bool:
    """A row cut by a page break: its filled cells are all text under filled cells above."""
    filled = [i for i, c in enumerate(cells) if c.strip()]
    if not filled or cells[0].strip() or _numbers(cells):
        return False
    return all(i < len(previous) and previous[i].strip() for i in filled)


def row_number(text: str) -> bool:
    return bool(_ROW_NUMBER.match(text.strip()))
