"""Which sheets each file gets: table sheets only for a file the rules ran on.

A table sheet is named by the table's printed number and what it holds
("3.2 Capaian", "3.8 Anggaran"), so a reviewer finds the report's table by its
number; the sheet comparing one figure across tables is "Antartabel". In a
workbook of several files each name starts with the file's number ("2 3.2
Capaian"). Names are made valid for Excel (no brackets, colon, star, question
mark or slashes, at most 31 characters, no leading or trailing quote) and unique.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sakip_validate.domain.view import ReportView
from sakip_validate.result import FileReport, RunResult

from .budget_sheet import budget_sheet
from .indicator_sheets import (
    INDICATOR_TABLES,
    IndicatorTable,
    cross_blocks,
    cross_sheet,
    indicator_sheet,
)
from .marks import Marks
from .writer import SHEET_NAME_MAX, Writer, table_title

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

SheetWriter = Callable[["Worksheet"], None]
BUDGET_SHEETS = (("realisasi_anggaran", "Anggaran"), ("program_pk", "Anggaran PK"))
CROSS_SHEET = "Antartabel"
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*[A-Za-z]?")
_INVALID = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(name: str, taken: set[str]) -> str:
    """``name`` made a valid, unused sheet name (compared without letter case, as Excel does)."""
    clean = _INVALID.sub(" ", name).strip().strip("'").strip() or "Lembar"
    clean = clean[:SHEET_NAME_MAX].rstrip("'").rstrip()
    candidate, number = clean, 1
    while candidate.lower() in taken:
        number += 1
        tail = f" ({number})"
        candidate = clean[: SHEET_NAME_MAX - len(tail)].rstrip("'").rstrip() + tail
    taken.add(candidate.lower())
    return candidate


def _numbered(view: ReportView, table: str, base: str) -> str:
    """``3.2 Capaian`` when the report numbers the table plainly, else ``Capaian``."""
    number = view.raw_table(table).get("nomor")
    if isinstance(number, str) and _NUMBER.fullmatch(number.strip()):
        return f"{number.strip()} {base}"
    return base


@dataclass
class FileSheets:
    """One input file, its data view (None: no table sheets) and its sheets.

    ``sheets``: (name, writer) in order; ``contents``: what each sheet shows, by name.
    """

    number: int
    report: FileReport
    view: ReportView | None
    sheets: list[tuple[str, SheetWriter]] = field(default_factory=list)
    contents: dict[str, str] = field(default_factory=dict)


def _view_of(report: FileReport) -> ReportView | None:
    """The report's view when its tables can be drawn: it passed the schema and the rules ran.

    A file that failed the schema was never judged by the rules; drawing its
    tables would show figures no finding speaks about.
    """
    if not report.checked or not isinstance(report.data, dict):
        return None
    return ReportView(report.data)


def plan(w: Writer, result: RunResult, taken: set[str]) -> list[FileSheets]:
    """Each file's sheets, named ``3.2 Capaian`` (one file) or ``2 3.2 Capaian`` (several).

    ``taken``: the names already used (lower case); the new ones are added.
    """
    prefixed = len(result.files) > 1
    plans = []
    for number, report in enumerate(result.files, 1):
        found = FileSheets(number, report, _view_of(report))
        if found.view is not None:
            who = w.label("file_n", n=number) if prefixed else w.label("file")
            marks = Marks(report.findings, found.view)
            label = f"{who}: {report.label}"
            for base, table, write in _table_sheets(w, found.view, label, marks):
                name = sheet_name(f"{number} {base}" if prefixed else base, taken)
                found.sheets.append((name, write))
                content = table_title(found.view, table, w.lang) if table else w.label("cross")
                found.contents[name] = content
        plans.append(found)
    return plans


def _table_sheets(
    w: Writer, view: ReportView, label: str, marks: Marks
) -> list[tuple[str, str | None, SheetWriter]]:
    """The table sheets one file gets (only tables it has): name, table (None: across
    tables) and writer."""
    sheets: list[tuple[str, str | None, SheetWriter]] = []
    for table, base in BUDGET_SHEETS:
        if view.rows(table):
            name = _numbered(view, table, base)
            sheets.append((name, table, _budget(w, view, table, label, marks)))
    for spec in INDICATOR_TABLES:
        if view.rows(spec.table):
            name = _numbered(view, spec.table, spec.sheet)
            sheets.append((name, spec.table, _indicator(w, view, spec, label, marks)))
    if cross_blocks(view):
        write: SheetWriter = lambda ws: cross_sheet(w, ws, view, label, marks)  # noqa: E731
        sheets.append((CROSS_SHEET, None, write))
    return sheets


def _budget(w: Writer, view: ReportView, table: str, label: str, marks: Marks) -> SheetWriter:
    return lambda ws: budget_sheet(w, ws, view, table, label, marks)


def _indicator(
    w: Writer, view: ReportView, spec: IndicatorTable, label: str, marks: Marks
) -> SheetWriter:
    return lambda ws: indicator_sheet(w, ws, view, spec, label, marks)
