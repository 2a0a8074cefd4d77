"""The index workbook of a folder of papers (``indeks.xlsx``): every report, its counts, its papers.

A folder run writes one set of papers per report; the index lists each report
(file, unit, pemerintah daerah, year), its findings by severity, how many fail
the run, and links to its papers in the same folder (relative links: the folder
can be moved or zipped as a whole). Below: the files skipped, the findings
about the configuration and the run manifest.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sakip_validate.domain.labels import severity_word
from sakip_validate.findings import Severity
from sakip_validate.outputs import IndexEntry
from sakip_validate.result import RunResult

from ..summary import run_notes, skipped_reason, summary_sentence
from .writer import LABELS, Writer, heading

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

__all__ = ["index_sheet"]

_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SECTION = {"bold": True, "font_size": 12, "font_color": "#1F3864"}


def _laporan(data: Any) -> dict[str, Any]:
    laporan = data.get("laporan") if isinstance(data, dict) else None
    return laporan if isinstance(laporan, dict) else {}


def index_sheet(w: Writer, ws: Worksheet, result: RunResult, entries: Sequence[IndexEntry]) -> None:
    """One row per report with its counts and links to its papers, then the run's notes."""
    formats = list(dict.fromkeys(name for entry in entries for name, _ in entry.papers))
    # Each papers column as wide as its longest file name, so a name never runs over.
    longest = {
        name: max(len(paper) for entry in entries for each, paper in entry.papers if each == name)
        for name in formats
    }
    columns: list[tuple[str, float]] = [
        (w.label("no"), 4),
        (w.label("file"), 30),
        (w.label("unit"), 24),
        (w.label("pemda"), 18),
        (w.label("year"), 10),
        *((heading(severity_word(severity, w.lang)), 11.0) for severity in _COUNTED),
        (w.label("total"), 8),
        (w.label("failing"), 14),
        *(
            (_papers_heading(w, name), min(max(longest[name] + 2.0, 20.0), 60.0))
            for name in formats
        ),
    ]
    widths = [width for _, width in columns]
    lines = [w.label("index_title"), summary_sentence(result, w.lang)]
    top = w.title(ws, lines, w.label("index_note"), widths)
    w.headers(ws, top, columns)
    r = top
    for number, entry in enumerate(entries, 1):
        r += 1
        part = entry.result
        report = part.files[0]
        laporan = _laporan(report.data)
        unit = laporan.get("unit") if isinstance(laporan.get("unit"), dict) else {}
        ws.write_number(r, 0, number, w.fmt())
        w.text(ws, r, 1, report.label, text_wrap=True)
        name = unit.get("nama") if isinstance(unit, dict) else None
        if report.unreadable:
            name = w.label("unreadable")
        w.text(ws, r, 2, name if isinstance(name, str) else "", text_wrap=True)
        pemda = unit.get("pemerintah_daerah") if isinstance(unit, dict) else None
        w.text(ws, r, 3, pemda if isinstance(pemda, str) else "", text_wrap=True)
        year = laporan.get("tahun_anggaran")
        if isinstance(year, int) and not isinstance(year, bool):
            ws.write_number(r, 4, year, w.fmt(num_format="0", align="left"))
        counts = part.counts()
        for offset, severity in enumerate(_COUNTED):
            ws.write_number(r, 5 + offset, counts[severity], w.fmt())
        ws.write_number(r, 8, len(report.findings), w.fmt(bold=True))
        failing = part.verdict.failing if part.verdict is not None else 0
        look = {"bold": True, "font_color": "#9C0006"} if failing else {}
        ws.write_number(r, 9, failing, w.fmt(**look))
        papers = dict(entry.papers)
        for offset, name in enumerate(formats):
            paper = papers.get(name)
            if paper is None:
                ws.write_blank(r, 10 + offset, None, w.fmt())
            else:
                # A relative link to a file beside the index; the name is ours (safe).
                props = {"font_color": "#1F4E9C", "underline": 1}
                ws.write_url(r, 10 + offset, f"external:{paper}", w.fmt(**props), paper)
    if entries:
        ws.autofilter(top, 0, r, len(columns) - 1)
    ws.freeze_panes(top + 1, 2)
    r = _notes(w, ws, r + 2, result)
    w.page_setup(ws, top)


def _papers_heading(w: Writer, name: str) -> str:
    """The heading of a format's papers column: what the papers are (``Catatan hasil reviu
    (Word)``); a format of another package by its name."""
    if f"paper_{name}" in LABELS:
        return w.label(f"paper_{name}")
    return w.label("paper_of", format=name)


def _notes(w: Writer, ws: Worksheet, r: int, result: RunResult) -> int:
    """Skipped files, findings about the configuration and the manifest, under the list."""
    for note in run_notes(result, w.lang):
        w.text(ws, r, 1, note)
        r += 1
    if result.skipped:
        r += 1
        ws.write_string(r, 1, w.label("skipped_list"), w.fmt(**_SECTION))
        for name, why in result.skipped:
            r += 1
            w.text(ws, r, 1, name, text_wrap=True)
            w.text(ws, r, 2, skipped_reason(why, w.lang), text_wrap=True)
        r += 1
    configs = [report for report in result.files if report.role == "config"]
    if configs:
        r += 1
        ws.write_string(r, 1, w.label("config_findings"), w.fmt(**_SECTION))
        for report in configs:
            for finding in report.findings:
                r += 1
                w.text(ws, r, 1, f"{finding.location.display()} {finding.rule}")
                w.text(ws, r, 2, finding.message.get(w.lang))
        r += 1
    manifest = result.manifest
    if manifest is not None:
        r += 1
        ws.write_string(r, 1, w.label("manifest"), w.fmt(**_SECTION))
        prepared = w.paper.particulars.prepared_on
        entries = [
            (w.label("tool"), f"sakip-validate {manifest.tool_version}"),
            (w.label("prepared_on"), w.paper.date(prepared, w.lang) or w.label("not_recorded")),
            (w.label("generated_at"), manifest.generated_at or w.label("not_recorded")),
        ]
        for key, value in entries:
            r += 1
            w.text(ws, r, 1, key, bold=True)
            w.text(ws, r, 2, value)
    return r
