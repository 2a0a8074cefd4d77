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
from typing import BinaryIO

from sakip_validate import __version__
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .findings_sheet import findings_sheet
from .plan import plan
from .summary import summary_sheet
from .writer import Writer, created

__all__ = ["ExcelOutput"]


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
        w = Writer(workbook, options.lang)
        when = created(result).astimezone(dt.UTC).replace(tzinfo=None)
        version = result.manifest.tool_version if result.manifest else __version__
        workbook.set_properties(
            {
                "title": w.label("title"),
                "author": "sakip-validate",
                "comments": f"sakip-validate {version}",
                "created": when,
            }
        )
        summary = workbook.add_worksheet(w.label("sheet_summary"))
        findings = workbook.add_worksheet(w.label("sheet_findings"))
        plans = plan(w, result)
        for found in plans:
            for sheet_name, write in found.sheets:
                write(workbook.add_worksheet(sheet_name))
        findings_sheet(w, findings, result)
        summary_sheet(w, summary, result, plans)
        workbook.close()
        stream.write(buffer.getvalue())
