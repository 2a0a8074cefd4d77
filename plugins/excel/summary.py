"""The summary sheet, the paper's cover: the assignment, the sheets, counts, manifest, charts.

Under the KKR header and the title, the run's summary sentence ("9 kesalahan
(2 dikecualikan, ...)"); the assignment and the review team as the auditor gave
them (blank lines to fill in where not); the list of the paper's sheets, each a
link; the files checked;
the severity table counts the waived and baselined findings of each severity;
a section on the policy (when the run has waivers, a baseline or skipped
files) gives the baseline's comparison, the findings it lists as fixed and the
skipped files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sakip_validate import __version__
from sakip_validate.domain.budget import BELANJA, budget_tree, total_row
from sakip_validate.domain.labels import severity_word
from sakip_validate.domain.scale import Band, range_text, scale_in_force
from sakip_validate.domain.values import as_number
from sakip_validate.domain.view import ReportView, Row
from sakip_validate.findings import Severity
from sakip_validate.result import RunResult

from ..summary import (
    display_value,
    fixed_label,
    run_notes,
    skipped_reason,
    skipped_rules_sentence,
    summary_sentence,
    suppressed_counts,
)
from .kkr import BLANK, person_text
from .links import internal
from .plan import FileSheets
from .writer import SEVERITY_STYLE, Writer, heading, shown_text

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

_SECTION = {"bold": True, "font_size": 12, "font_color": "#1F3864"}
_COUNTED = (Severity.ERROR, Severity.WARNING, Severity.INFO)


WIDTHS = (4.0, 34.0, 26.0, 18.0, 10.0, 11.0, 11.0, 11.0, 14.0, 30.0)


def summary_sheet(
    w: Writer,
    ws: Worksheet,
    result: RunResult,
    plans: list[FileSheets],
    contents: dict[str, str],
) -> None:
    """The cover: assignment, sheets, files, counts by severity and pack, manifest, charts.

    ``contents``: what each sheet of the paper shows, by sheet name, in order.
    """
    manifest = result.manifest
    version = manifest.tool_version if manifest else __version__
    for col, width in enumerate(WIDTHS):
        w.width(ws, col, width)
    r = w.top(ws, WIDTHS)
    ws.write_string(r, 0, w.label("summary_title"), w.fmt(bold=True, font_size=14))
    ws.write_string(r + 1, 0, w.label("subtitle", version=version), w.fmt(italic=True))
    w.text(ws, r + 2, 0, summary_sentence(result, w.lang), bold=True)
    r = _assignment_table(w, ws, r + 4)
    r = _sheets_table(w, ws, r + 2, contents)
    r = _files_table(w, ws, r + 2, plans)
    r = _severity_table(w, ws, r + 2, result)
    r = _pack_table(w, ws, r + 2, result)
    r = _policy_table(w, ws, r + 2, result)
    r = _manifest_table(w, ws, r + 2, result, plans)
    breaks = []
    for found in plans:
        if found.view is not None:
            breaks.append(r + 2)  # each file's charts start a page: none is cut in two
            r = _charts(w, ws, r + 2, found, prefixed=len(plans) > 1)
    ws.set_h_pagebreaks(breaks)
    w.page_setup(ws, None)
    ws.set_portrait()
    ws.activate()


def _assignment_table(w: Writer, ws: Worksheet, r: int) -> int:
    """The assignment and the team as the auditor gave them; blank lines where not."""
    given = w.paper.particulars
    ws.write_string(r, 1, w.label("assignment"), w.fmt(**_SECTION))

    def date(iso: str) -> str:
        return w.paper.date(iso, w.lang)

    number = given.surat_tugas_number.strip()
    letter = f"{number}, {date(given.surat_tugas_date)}".strip(", ") if number else ""
    period = ""
    if given.period_start.strip() or given.period_end.strip():
        period = f"{date(given.period_start) or BLANK} – {date(given.period_end) or BLANK}"
    entries: list[tuple[str, str]] = [
        (w.label("apip"), given.apip),
        (w.label("kkr_index"), given.kkr_index),
        (w.label("surat_tugas"), letter),
        (w.label("period"), period),
        (w.label("ketua_tim"), person_text(given.ketua_tim)),
    ]
    members = [person_text(member) for member in given.anggota_tim] or [""]
    entries += [(w.label("anggota_tim") if i == 0 else "", m) for i, m in enumerate(members)]
    entries += [
        (w.label("pengendali_teknis"), person_text(given.pengendali_teknis)),
        (w.label("pengendali_mutu"), person_text(given.pengendali_mutu)),
    ]
    for key, value in entries:
        r += 1
        w.text(ws, r, 1, key, bold=True)
        shown = value.strip() or BLANK
        ws.merge_range(r, 2, r, 8, "", w.text_fmt(shown))
        ws.write_string(r, 2, shown, w.text_fmt(shown))
    return r


def _sheets_table(w: Writer, ws: Worksheet, r: int, contents: dict[str, str]) -> int:
    """The sheets of the paper: number, name (a link) and what it shows."""
    ws.write_string(r, 1, w.label("sheet_list"), w.fmt(**_SECTION))
    r += 1
    w.header(ws, r, 0, w.label("no"))
    w.header(ws, r, 1, w.label("sheet"))
    ws.merge_range(r, 2, r, 8, "", w.header_fmt())
    w.header(ws, r, 2, w.label("content"))
    for number, (name, content) in enumerate(contents.items(), 1):
        r += 1
        ws.write_number(r, 0, number, w.fmt(align="left"))
        w.link(ws, r, 1, internal(name, 0), name)
        ws.merge_range(r, 2, r, 8, "", w.text_fmt(content))
        w.text(ws, r, 2, content)
    return r


def _section(d: Any, key: str) -> dict[str, Any]:
    value = d.get(key) if isinstance(d, dict) else None
    return value if isinstance(value, dict) else {}


def _files_table(w: Writer, ws: Worksheet, r: int, plans: list[FileSheets]) -> int:
    ws.write_string(r, 1, w.label("files"), w.fmt(**_SECTION))
    r += 1
    titles = [
        w.label("no"),
        w.label("file"),
        w.label("unit"),
        w.label("pemda"),
        w.label("year"),
        *(heading(severity_word(severity, w.lang)) for severity in _COUNTED),
        w.label("total"),
        w.label("remarks"),
    ]
    for col, title in enumerate(titles):
        w.header(ws, r, col, title)
    for found in plans:
        r += 1
        report = found.report
        laporan = _section(report.data, "laporan")
        unit = _section(laporan, "unit")
        ws.write_number(r, 0, found.number, w.fmt(align="left"))
        w.text(ws, r, 1, report.label, text_wrap=True)
        name = unit.get("nama")
        if report.unreadable:
            name = w.label("unreadable")
        w.text(ws, r, 2, name if isinstance(name, str) else "", text_wrap=True)
        pemda = unit.get("pemerintah_daerah")
        w.text(ws, r, 3, pemda if isinstance(pemda, str) else "", text_wrap=True)
        year = laporan.get("tahun_anggaran")
        if isinstance(year, int) and not isinstance(year, bool):
            ws.write_number(r, 4, year, w.fmt(num_format="0", align="left"))
        for offset, severity in enumerate(_COUNTED):
            count = sum(1 for finding in report.findings if finding.severity == severity)
            ws.write_number(r, 5 + offset, count, w.fmt())
        ws.write_number(r, 8, len(report.findings), w.fmt(bold=True))
        if report.role == "config":
            w.text(ws, r, 9, w.label("config_file"), text_wrap=True, italic=True)
        elif not report.unreadable and not report.checked:
            w.text(ws, r, 9, w.label("not_checked"), text_wrap=True, italic=True)
    # The rules that did not apply to a file, one note line per file under the table.
    for found in plans:
        sentence = skipped_rules_sentence(found.report, w.lang)
        if sentence is not None:
            r += 1
            w.text(ws, r, 1, f"{found.number}. {sentence}", italic=True)
    return r


def _severity_table(w: Writer, ws: Worksheet, r: int, result: RunResult) -> int:
    ws.write_string(r, 1, w.label("by_severity"), w.fmt(**_SECTION))
    r += 1
    w.header(ws, r, 1, w.label("severity"))
    w.header(ws, r, 2, w.label("count"))
    w.header(ws, r, 3, w.label("waived"))
    w.header(ws, r, 4, w.label("baselined"))
    counts = result.counts()
    waived = suppressed_counts(result.findings, "waiver")
    baselined = suppressed_counts(result.findings, "baseline")
    for severity in _COUNTED:
        r += 1
        w.text(ws, r, 1, severity_word(severity, w.lang), bold=True, **SEVERITY_STYLE[severity])
        ws.write_number(r, 2, counts[severity], w.fmt(align="left"))
        ws.write_number(r, 3, waived[severity], w.fmt(align="left"))
        ws.write_number(r, 4, baselined[severity], w.fmt(align="left"))
    r += 1
    w.text(ws, r, 1, w.label("total"), bold=True, top=1)
    for col, value in ((2, counts), (3, waived), (4, baselined)):
        ws.write_number(r, col, sum(value.values()), w.fmt(bold=True, top=1, align="left"))
    return r


def _policy_table(w: Writer, ws: Worksheet, r: int, result: RunResult) -> int:
    """The baseline's comparison, the fixed findings and the skipped files (when any).

    Returns ``r - 2`` when there is nothing to say, so that the next section keeps
    its place.
    """
    outcome = result.baseline
    if outcome is None and not result.skipped:
        return r - 2
    ws.write_string(r, 1, w.label("policy"), w.fmt(**_SECTION))
    for note in run_notes(result, w.lang):
        r += 1
        w.text(ws, r, 1, note)
    if outcome is not None:
        r += 1
        entries = [
            (w.label("baseline_file"), outcome.source),
            (w.label("new"), outcome.new),
            (w.label("persisting"), outcome.persisting),
            (w.label("fixed"), len(outcome.fixed)),
        ]
        for key, value in entries:
            r += 1
            w.text(ws, r, 1, key, bold=True)
            if isinstance(value, int):
                ws.write_number(r, 2, value, w.fmt(align="left"))
            else:
                w.text(ws, r, 2, value)
        if outcome.fixed:
            r += 2
            ws.write_string(r, 1, w.label("fixed_list"), w.fmt(bold=True))
            r += 1
            titles = ("file", "rule", "pointer", "printed")
            for offset, key in enumerate(titles):
                w.header(ws, r, 1 + offset, w.label(key))
            for entry in outcome.fixed:
                r += 1
                printed = display_value(entry.printed, w.lang)
                values = (fixed_label(outcome, entry), entry.rule, entry.pointer, printed)
                for offset, value in enumerate(values):
                    w.text(ws, r, 1 + offset, value, text_wrap=True)
    if result.skipped:
        r += 2
        ws.write_string(r, 1, w.label("skipped_list"), w.fmt(bold=True))
        r += 1
        w.header(ws, r, 1, w.label("file"))
        w.header(ws, r, 2, w.label("reason"))
        for name, why in result.skipped:
            r += 1
            w.text(ws, r, 1, name, text_wrap=True)
            w.text(ws, r, 2, skipped_reason(why, w.lang), text_wrap=True)
    return r


def _pack_table(w: Writer, ws: Worksheet, r: int, result: RunResult) -> int:
    """Findings per pack: the built-in packs, the packs that ran, then any other pack named."""
    catalog = result.catalog
    ws.write_string(r, 1, w.label("by_pack"), w.fmt(**_SECTION))
    r += 1
    titles = [
        w.label("pack"),
        w.label("pack_title"),
        w.label("version"),
        *(heading(severity_word(severity, w.lang)) for severity in _COUNTED),
        w.label("total"),
    ]
    for offset, title in enumerate(titles):
        w.header(ws, r, 1 + offset, title)
    tally: dict[tuple[str, Severity], int] = {}
    for finding in result.findings:
        key = (finding.pack or catalog.pack_of(finding.rule), finding.severity)
        tally[key] = tally.get(key, 0) + 1
    rows = [(pack.id, pack.version) for pack in catalog.all_packs()]
    known = {pack for pack, _ in rows}
    rows += [(pack, "") for pack in sorted({pack for pack, _ in tally} - known)]
    for pack, version in rows:
        r += 1
        w.text(ws, r, 1, pack)
        w.text(ws, r, 2, catalog.pack_title(pack).get(w.lang), text_wrap=True)
        w.text(ws, r, 3, version)
        for offset, severity in enumerate(_COUNTED):
            ws.write_number(r, 4 + offset, tally.get((pack, severity), 0), w.fmt())
        total = sum(tally.get((pack, severity), 0) for severity in _COUNTED)
        ws.write_number(r, 7, total, w.fmt(bold=True))
    return r


def _manifest_table(
    w: Writer, ws: Worksheet, r: int, result: RunResult, plans: list[FileSheets]
) -> int:
    manifest = result.manifest
    ws.write_string(r, 1, w.label("manifest"), w.fmt(**_SECTION))
    prepared = w.paper.particulars.prepared_on
    entries = [
        (w.label("tool"), f"sakip-validate {manifest.tool_version if manifest else __version__}"),
        (w.label("schema_id"), manifest.schema_id if manifest else ""),
        (w.label("packs"), ", ".join(f"{p} {v}" for p, v in manifest.packs) if manifest else ""),
        (w.label("prepared_on"), w.paper.date(prepared, w.lang) or w.label("not_recorded")),
        (
            w.label("generated_at"),
            (manifest.generated_at if manifest else None) or w.label("not_recorded"),
        ),
        (w.label("language"), w.lang),
    ]
    for found in plans:
        entries.append((f"{w.label('input_hash')} ({found.number})", found.report.label))
        entries.append(("", found.report.sha256 or "-"))
    for key, value in entries:
        r += 1
        w.text(ws, r, 1, key, bold=True)
        w.text(ws, r, 2, value)
    return r


# -- charts ---------------------------------------------------------------------------


def _charts(w: Writer, ws: Worksheet, r: int, found: FileSheets, *, prefixed: bool) -> int:
    """Chart data and native charts for one file; returns the next free row."""
    view = found.view
    assert view is not None
    heading = w.label("charts")
    if prefixed:
        heading += f" — {w.label('file_n', n=found.number)}"
    w.text(ws, r, 1, f"{heading}: {found.report.label}", **_SECTION)
    r = _capaian_chart(w, ws, r + 1, view)
    return _serapan_chart(w, ws, r, view)


_BAND_COLORS = ("#00B050", "#92D050", "#FFC000", "#ED7D31", "#C00000")
_GRID = {"visible": True, "line": {"color": "#E0E0E0"}}


def _band_lines(view: ReportView) -> list[Band]:
    """The lower bounds to draw: each band of the scale in force that starts above 0.

    The bands come from the report's declared scale, else the shipped default;
    none when the declared scale cannot be read (no bounds are made up).
    """
    try:
        scale = scale_in_force(view)
    except (OSError, ValueError):
        return []
    if scale is None:
        return []
    bands = [band for band in scale.bands if band.bawah is not None and band.bawah > 0]
    return sorted(bands, key=lambda band: band.bawah or 0, reverse=True)


def _capaian_chart(w: Writer, ws: Worksheet, r: int, view: ReportView) -> int:
    """Printed capaian per indicator (Tabel 3.2) as columns, kategori lower bounds as lines."""
    rows = [row for row in view.rows("capaian") if isinstance(row.indikator, str)]
    if not rows:
        return r
    bands = _band_lines(view)
    name = ws.get_name()
    table = view.table_label("capaian").get(w.lang)
    ws.write_string(r, 1, f"{w.label('chart_data')} ({table})", w.fmt(italic=True))
    head = r + 1
    w.header(ws, head, 1, w.label("indicator"))
    w.header(ws, head, 2, w.label("capaian_printed"))
    for offset, band in enumerate(bands):
        bound = range_text(band.bawah, band.bawah_inklusif, None, False, w.lang)
        w.header(ws, head, 3 + offset, w.label("band_line", kategori=band.kategori, range=bound))
    for index, row in enumerate(rows):
        at = head + 1 + index
        w.text(ws, at, 1, row.label, text_wrap=True)
        w.printed(ws, at, 2, as_number(row.cell("capaian").value))  # N/A: no column
        for offset, band in enumerate(bands):
            w.printed(ws, at, 3 + offset, band.bawah)
    last = head + len(rows)
    categories = [name, head + 1, 1, last, 1]
    chart = w.workbook.add_chart({"type": "column"})
    chart.add_series(
        {
            "name": [name, head, 2],
            "categories": categories,
            "values": [name, head + 1, 2, last, 2],
            "fill": {"color": "#4472C4"},
            "data_labels": {"value": True},
            "gap": 80,
        }
    )
    if bands:
        lines = w.workbook.add_chart({"type": "line"})
        for offset in range(len(bands)):
            color = _BAND_COLORS[offset % len(_BAND_COLORS)]
            # One indicator gives a one-point line: show the bound as a dash marker.
            marker: dict[str, Any] = {"type": "none"}
            if len(rows) == 1:
                marker = {"type": "dash", "size": 14, "border": {"color": color}}
            lines.add_series(
                {
                    "name": [name, head, 3 + offset],
                    "categories": categories,
                    "values": [name, head + 1, 3 + offset, last, 3 + offset],
                    "line": {"color": color, "width": 1.5, "dash_type": "dash"},
                    "marker": marker,
                }
            )
        chart.combine(lines)
    chart.set_title({"name": w.label("chart_capaian", table=table), "name_font": {"size": 12}})
    chart.set_y_axis({"min": 0, "num_format": "0", "major_gridlines": _GRID})
    chart.set_legend({"position": "bottom"})
    chart.set_size({"width": 860, "height": 380})
    ws.insert_chart(last + 2, 1, chart, {"object_position": 1})
    return last + 2 + 380 // 20 + 2


def _serapan_chart(w: Writer, ws: Worksheet, r: int, view: ReportView) -> int:
    """Printed budget absorption per program (Tabel 3.8) and the JUMLAH row as bars."""
    table_name = "realisasi_anggaran"
    tree = budget_tree(view, table_name, with_total=False)
    programs = [  # absorption is of spending: revenue rows are left out
        node.row
        for node in tree.nodes
        if node.row.cell("tingkat").value == "program" and tree.jenis_of(node) == BELANJA
    ]
    if not programs:
        return r
    name = ws.get_name()
    table = view.table_label(table_name).get(w.lang)
    entries: list[tuple[str, Row]] = [
        (f"{row.kode} {shown_text(row.cell('nama').value)}", row) for row in programs
    ]
    total = total_row(view, table_name)
    if total is not None:
        entries.append((w.label("jumlah"), total))
    ws.write_string(r, 1, f"{w.label('chart_data')} ({table})", w.fmt(italic=True))
    head = r + 1
    titles = ["program", "anggaran", "realisasi", "serapan_printed"]
    for offset, title in enumerate(titles):
        w.header(ws, head, 1 + offset, w.label(title))
    for index, (label, row) in enumerate(entries):
        at = head + 1 + index
        w.text(ws, at, 1, label, text_wrap=True)
        w.printed(ws, at, 2, row.cell("anggaran").value)
        w.printed(ws, at, 3, row.cell("realisasi").value)
        w.printed(ws, at, 4, as_number(row.cell("persen").value))
    last = head + len(entries)
    chart = w.workbook.add_chart({"type": "bar"})
    chart.add_series(
        {
            "name": [name, head, 4],
            "categories": [name, head + 1, 1, last, 1],
            "values": [name, head + 1, 4, last, 4],
            "fill": {"color": "#70AD47"},
            "data_labels": {"value": True},
            "gap": 60,
        }
    )
    chart.set_title({"name": w.label("chart_serapan", table=table), "name_font": {"size": 12}})
    chart.set_x_axis({"min": 0, "max": 100, "num_format": "0", "major_gridlines": _GRID})
    chart.set_y_axis({"reverse": True})
    chart.set_legend({"none": True})
    height = 90 + 42 * len(entries)
    chart.set_size({"width": 860, "height": height})
    ws.insert_chart(last + 2, 1, chart, {"object_position": 1})
    return last + 2 + height // 20 + 2
