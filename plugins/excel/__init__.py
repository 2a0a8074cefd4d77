"""The ``excel`` output: the auditor's review workbook (Kertas Kerja Reviu, .xlsx).

Sheets: **Ringkasan** (files, counts by severity and rule pack, the run manifest,
native charts of capaian and serapan anggaran), **Temuan** (one row per finding,
with an empty column for the auditee's response) and, for every file the rules
ran on, one sheet per table: the printed figures beside live Excel formulas that
redo the arithmetic (SUM of the sub-rows, realisasi ÷ anggaran, capaian with the
indicator's polarity) and a difference column, as the auditor's worksheet.

The verdicts are the run's: a printed figure is red exactly when a finding points
at it, and a row's "Sesuai?" says TIDAK exactly when a finding is on that row,
with the rules named beside it. The workbook never compares figures itself, so
its marks and the findings sheet cannot disagree.

The bytes are reproducible: fixed document dates (``manifest.generated_at`` when
recorded), fixed zip timestamps, no dict- or hash-order effects.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO

from sakip_validate import __version__
from sakip_validate.outputs import IndexEntry, RenderOptions
from sakip_validate.result import RunResult

from .findings_sheet import findings_sheet, ordered_findings
from .index import index_sheet
from .kkr import HEADER_ROWS, Paper, person_text
from .plan import plan
from .summary import summary_sheet
from .writer import Writer, created

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook

__all__ = ["ExcelOutput"]

# The header row of the findings sheet: the KKR header, two title lines, the
# note and a blank row above it (as Writer.title lays them out).
FINDINGS_TOP = HEADER_ROWS + 4


def _workbook(buffer: io.BytesIO) -> Workbook:
    import xlsxwriter

    return xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )


def _properties(w: Writer, result: RunResult, title: str) -> None:
    """Document properties: title, the auditee, the preparer, the fixed or recorded date."""
    when = created(result).astimezone(dt.UTC).replace(tzinfo=None)
    version = result.manifest.tool_version if result.manifest else __version__
    author = person_text(w.paper.particulars.prepared_by) or "sakip-validate"
    w.workbook.set_properties(
        {
            "title": title,
            "subject": w.paper.entity(w.lang),
            "author": author,
            "company": w.paper.particulars.apip,
            "comments": f"sakip-validate {version}",
            "created": when,
        }
    )


class ExcelOutput:
    """The auditor's review workbook (Kertas Kerja Reviu) as an .xlsx file."""

    name = "excel"
    needs_data = True  # the table sheets show the report's printed figures
    description = "Kertas Kerja Reviu: Excel workbook for auditors (live formulas, charts)"
    binary = True
    per_report = True  # -o FOLDER/: one workbook per report, and indeks.xlsx
    suffix = ".xlsx"

    def render(self, result: RunResult, options: RenderOptions, stream: BinaryIO) -> None:
        buffer = io.BytesIO()
        workbook = _workbook(buffer)
        w = Writer(workbook, options.lang, Paper.of(result, options.reviu))
        _properties(w, result, w.label("title"))
        summary_name, findings_name = w.label("sheet_summary"), w.label("sheet_findings")
        plans = plan(w, result, {summary_name.lower(), findings_name.lower()})
        contents = {
            summary_name: w.label("summary_content"),
            findings_name: w.label("findings_content"),
        }
        for found in plans:
            contents.update(found.contents)
        w.sheets = list(contents)
        summary = workbook.add_worksheet(summary_name)
        findings = workbook.add_worksheet(findings_name)
        # Numbered before the table sheets are written: they link to the findings' rows.
        w.links.number(ordered_findings(result), findings_name, FINDINGS_TOP + 1)
        for found in plans:
            for sheet_name, write in found.sheets:
                write(workbook.add_worksheet(sheet_name))
        findings_sheet(w, findings, result, FINDINGS_TOP)
        summary_sheet(w, summary, result, plans, contents)
        workbook.close()
        stream.write(buffer.getvalue())

    def render_index(
        self,
        result: RunResult,
        entries: Sequence[IndexEntry],
        options: RenderOptions,
        stream: BinaryIO,
    ) -> None:
        """The index workbook of a folder of per-report papers (``indeks.xlsx``)."""
        buffer = io.BytesIO()
        workbook = _workbook(buffer)
        w = Writer(workbook, options.lang, Paper.of(result, options.reviu))
        _properties(w, result, w.label("index_title"))
        name = w.label("sheet_index")
        w.sheets = [name]
        sheet = workbook.add_worksheet(name)
        index_sheet(w, sheet, result, entries)
        sheet.activate()
        workbook.close()
        stream.write(buffer.getvalue())
