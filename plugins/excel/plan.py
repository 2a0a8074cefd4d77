"""Which sheets each file gets: table sheets only for a file the rules ran on."""

from __future__ import annotations

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
from .writer import SHEET_NAME_MAX, Writer

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

SheetWriter = Callable[["Worksheet"], None]
BUDGET_SHEETS = (("realisasi_anggaran", "Anggaran"), ("program_pk", "Anggaran PK"))


@dataclass
class FileSheets:
    """One input file, its data view (None: no table sheets) and its sheets."""

    number: int
    report: FileReport
    view: ReportView | None
    sheets: list[tuple[str, SheetWriter]] = field(default_factory=list)


def _view_of(report: FileReport) -> ReportView | None:
    """The report's view when its tables can be drawn: it passed the schema and the rules ran.

    A file that failed the schema was never judged by the rules; drawing its
    tables would show figures no finding speaks about.
    """
    if not report.checked or not isinstance(report.data, dict):
        return None
    return ReportView(report.data)


def plan(w: Writer, result: RunResult) -> list[FileSheets]:
    """Each file's sheets, named ``Anggaran`` (one file) or ``2 Anggaran`` (several)."""
    prefixed = len(result.files) > 1
    plans = []
    for number, report in enumerate(result.files, 1):
        found = FileSheets(number, report, _view_of(report))
        if found.view is not None:
            who = w.label("file_n", n=number) if prefixed else w.label("file")
            marks = Marks(report.findings)
            for base, write in _table_sheets(w, found.view, f"{who}: {report.label}", marks):
                name = f"{number} {base}" if prefixed else base
                found.sheets.append((name[:SHEET_NAME_MAX], write))
        plans.append(found)
    return plans


def _table_sheets(
    w: Writer, view: ReportView, label: str, marks: Marks
) -> list[tuple[str, SheetWriter]]:
    """The table sheets one file gets (only tables it has), each with its writer."""
    sheets: list[tuple[str, SheetWriter]] = []
    for table, base in BUDGET_SHEETS:
        if view.rows(table):
            sheets.append((base, _budget(w, view, table, label, marks)))
    for spec in INDICATOR_TABLES:
        if view.rows(spec.table):
            sheets.append((spec.sheet, _indicator(w, view, spec, label, marks)))
    if cross_blocks(view):
        sheets.append(("Target", lambda ws: cross_sheet(w, ws, view, label, marks)))
    return sheets


def _budget(w: Writer, view: ReportView, table: str, label: str, marks: Marks) -> SheetWriter:
    return lambda ws: budget_sheet(w, ws, view, table, label, marks)


def _indicator(
    w: Writer, view: ReportView, spec: IndicatorTable, label: str, marks: Marks
) -> SheetWriter:
    return lambda ws: indicator_sheet(w, ws, view, spec, label, marks)
