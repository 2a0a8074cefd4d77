"""The findings sheet: one row per finding, as a working paper the review team fills in.

Each finding says where it stands in the printed report (table, row, column,
page), links to its row on a table sheet ("Lihat lembar"; a finding about a
figure that another table prints too links to that row, marked "terkait"), and
gives the rule, severity, message, printed and expected figures, legal basis
and the suggested correction. Three columns are for the review team: the
decision on the finding (a drop-down list), the auditee's response and the
follow-up. The file, line, column and JSON pointer, for staff who fix the data,
are in technical columns at the far right: grouped, hidden and not printed.

When the run has waivers or a baseline, a Status column says ``dikecualikan``
(waived), ``di baseline`` or ``baru`` and its detail column gives the waiver's
reason, approver and last day, or the baseline file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sakip_validate.domain.citation import cite
from sakip_validate.domain.labels import Labels, severity_word
from sakip_validate.findings import Finding
from sakip_validate.result import RunResult

from ..summary import display_value, state_word, summary_sentence, suppression_text
from .links import internal
from .writer import SEVERITY_STYLE, Writer

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

__all__ = ["DECISIONS", "findings_sheet", "ordered_findings", "printed_place"]

# The review team's decision on a finding (the drop-down list).
DECISIONS = Labels(
    {
        "correct": ("Perlu diperbaiki", "Needs correction"),
        "corrected": ("Sudah diperbaiki", "Corrected"),
        "clarify": ("Perlu klarifikasi", "Needs clarification"),
        "dismissed": ("Bukan temuan", "Not a finding"),
    }
)
DECISION_ORDER = ("correct", "corrected", "clarify", "dismissed")
_TO_FILL = {"bg_color": "#FFFBEA", "border": 1, "border_color": "#D9C27A", "text_wrap": True}


def ordered_findings(result: RunResult) -> list[Finding]:
    """The findings in the sheet's order: by file, then by place in the file."""
    return [
        finding
        for report in result.files
        for finding in sorted(report.findings, key=Finding.sort_key)
    ]


def printed_place(finding: Finding, w: Writer) -> str:
    """Where the finding stands in the printed report, as an auditee looks it up.

    ``Tabel 3.3, baris 1 (Laju Peningkatan Nilai IKM Kecamatan), kolom Capaian
    2020, hlm. 40``: the shared citation (:func:`~sakip_validate.domain.citation.cite`)
    of ``finding.place``. Findings about the data file itself have no printed
    place; they are cited by the technical columns (file, line, pointer).
    """
    return cite(finding, w.lang)


def findings_sheet(w: Writer, ws: Worksheet, result: RunResult, top: int) -> None:
    """Every finding of every file, in the order of :func:`ordered_findings`.

    ``top`` is the header row (the rows below it were numbered in ``w.links``
    before the table sheets were written).
    """
    catalog = result.catalog
    findings = ordered_findings(result)
    policy = result.baseline is not None or any(f.suppression for f in findings)
    columns: list[tuple[str, float]] = [
        (w.label("no"), 4),
        (w.label("printed_place"), 20),
        (w.label("see_sheet"), 15),
        (w.label("rule"), 8),
        (w.label("severity"), 10),
        (w.label("message"), 36),
        (w.label("printed"), 11),
        (w.label("expected"), 11),
        (w.label("legal_basis"), 26),
        (w.label("fix"), 24),
    ]
    if policy:
        columns += [(w.label("status"), 11), (w.label("status_detail"), 24)]
    fill_col = len(columns)
    columns += [(w.label("decision"), 12), (w.label("response"), 18), (w.label("follow_up"), 14)]
    printed = len(columns)
    technical = [
        (w.label("file"), 24),
        (w.label("place"), 9),
        (w.label("pointer"), 34),
        (w.label("pack"), 14),
    ]
    widths = [width for _, width in columns]
    lines = [w.label("findings_title"), summary_sentence(result, w.lang)]
    start = w.title(ws, lines, w.label("findings_note"), widths)
    assert start == top, (start, top)
    for col, (title, _) in enumerate(columns):
        extra = {"bg_color": "#FFF2CC"} if col >= fill_col else {}
        w.header(ws, top, col, title, **extra)
    w.technical(ws, top, printed, technical)
    wrap = {"text_wrap": True}
    r = top
    for finding in findings:
        r += 1
        rule = catalog.get(finding.rule)
        loc = finding.location
        line = ""
        if loc.cell is not None:
            line = loc.cell  # a workbook: sheet and cell, as Excel names them
        elif loc.line is not None:
            line = f"{loc.line}:{loc.column}" if loc.column is not None else str(loc.line)
        hint = finding.hint or (rule.fix if rule else None)
        legal = finding.legal_basis or (rule.legal_basis if rule else None)
        ws.write_number(r, 0, w.links.no(finding) or r - top, w.fmt())
        w.text(ws, r, 1, printed_place(finding, w), **wrap)
        shown = w.links.place(finding)
        if shown is not None:
            sheet, row, _ = shown
            w.link(ws, r, 2, internal(sheet, row), sheet)
        else:
            ws.write_blank(r, 2, None, w.fmt())
        w.text(ws, r, 3, finding.rule)
        w.text(
            ws,
            r,
            4,
            severity_word(finding.severity, w.lang),
            bold=True,
            **SEVERITY_STYLE[finding.severity],
        )
        w.text(ws, r, 5, finding.message.get(w.lang), **wrap)
        w.text(ws, r, 6, display_value(finding.printed, w.lang), **wrap)
        w.text(ws, r, 7, display_value(finding.expected, w.lang), **wrap)
        w.text(ws, r, 8, legal or "", **wrap)
        w.text(ws, r, 9, hint.get(w.lang) if hint else "", **wrap)
        if policy:
            state = state_word(finding, w.lang, baseline=result.baseline is not None)
            look = {"italic": True} if finding.suppression else {"bold": True}
            w.text(ws, r, 10, state, **look, **wrap)
            detail = suppression_text(finding.suppression, w.lang) if finding.suppression else ""
            w.text(ws, r, 11, detail, **wrap)
        for col in range(fill_col, printed):
            ws.write_blank(r, col, None, w.fmt(**_TO_FILL))
        w.text(ws, r, printed, loc.file, **wrap)
        w.text(ws, r, printed + 1, line)
        w.text(ws, r, printed + 2, loc.pointer, **wrap)
        w.text(ws, r, printed + 3, finding.pack or catalog.pack_of(finding.rule), **wrap)
    if r == top:
        w.text(ws, top + 1, 1, w.label("no_findings"), italic=True)
    else:
        choices = [DECISIONS.get(key, w.lang) for key in DECISION_ORDER]
        ws.data_validation(
            top + 1,
            fill_col,
            r,
            fill_col,
            {
                "validate": "list",
                "source": choices,
                "input_title": w.label("decision")[:32],
                "input_message": w.label("decision_prompt")[:255],
                "error_title": w.label("decision")[:32],
                "error_message": w.label("decision_wrong")[:255],
            },
        )
    ws.freeze_panes(top + 1, 2)
    ws.autofilter(top, 0, max(r, top + 1), printed - 1)
    w.page_setup(ws, top, print_columns=printed)
