"""The findings sheet: one row per finding, with an empty column for the auditee's response.

The Status column says ``dikecualikan`` (waived), ``di baseline`` or, in a run
with a baseline, ``baru``; its detail column gives the waiver's reason,
approver and last day, or the baseline file. Both can be filtered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sakip_validate.domain.labels import severity_word
from sakip_validate.findings import Finding
from sakip_validate.result import RunResult

from ..summary import state_word, suppression_text
from .writer import SEVERITY_STYLE, Writer

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet


def findings_sheet(w: Writer, ws: Worksheet, result: RunResult) -> None:
    """Every finding of every file, in the order of the files and of their places."""
    catalog = result.catalog
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
        (w.label("status"), 13),
        (w.label("status_detail"), 45),
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
            rule = catalog.get(finding.rule)
            loc = finding.location
            place = ""
            if loc.line is not None:
                place = f"{loc.line}:{loc.column}" if loc.column is not None else str(loc.line)
            hint = finding.hint or (rule.fix if rule else None)
            legal = finding.legal_basis or (rule.legal_basis if rule else None)
            ws.write_number(r, 0, r, w.fmt())
            w.text(ws, r, 1, loc.file, **wrap)
            w.text(ws, r, 2, finding.rule)
            w.text(
                ws,
                r,
                3,
                severity_word(finding.severity, w.lang),
                bold=True,
                **SEVERITY_STYLE[finding.severity],
            )
            w.text(ws, r, 4, finding.pack or catalog.pack_of(finding.rule), **wrap)
            w.text(ws, r, 5, finding.table.get(w.lang) if finding.table else "")
            w.text(ws, r, 6, place)
            w.text(ws, r, 7, loc.pointer, **wrap)
            w.text(ws, r, 8, finding.printed or "", **wrap)
            w.text(ws, r, 9, finding.expected or "", **wrap)
            w.text(ws, r, 10, finding.message.get(w.lang), **wrap)
            w.text(ws, r, 11, legal or "", **wrap)
            w.text(ws, r, 12, hint.get(w.lang) if hint else "", **wrap)
            state = state_word(finding, w.lang, baseline=result.baseline is not None)
            look = {"italic": True} if finding.suppression else {"bold": True}
            w.text(ws, r, 13, state, **look, **wrap)
            detail = suppression_text(finding.suppression, w.lang) if finding.suppression else ""
            w.text(ws, r, 14, detail, **wrap)
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
