"""The ``html`` output: one self-contained page to read and filter the findings.

The page needs no network and no server: styles and a small filtering script
are inline, charts are inline SVG drawn here (no library), and a strict
Content-Security-Policy forbids every fetch. Every text from a report goes
through :func:`esc` (``html.escape`` with quotes), so report content stays text.
Without JavaScript every finding is shown; the script only adds the filters.
"""

from __future__ import annotations

import html
import re
from decimal import ROUND_CEILING, Decimal
from typing import Any, TextIO

from sakip_validate.domain.numbers import format_en, format_id
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import FileReport, RunResult

from .markdown import (
    SEVERITIES,
    display_value,
    file_counts,
    pack_counts,
    pack_of,
    rules_by_id,
    sorted_findings,
    summary_sentence,
)

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# Kategori bands of the Permendagri 86/2017 scale (upper bounds, %), for the chart.
BANDS = (
    (Decimal(0), Decimal(50), "Sangat Rendah", "#f8d0cc"),
    (Decimal(50), Decimal(65), "Rendah", "#fbe0c3"),
    (Decimal(65), Decimal(75), "Sedang", "#fbf0bf"),
    (Decimal(75), Decimal(90), "Tinggi", "#dcefc8"),
    (Decimal(90), Decimal(100), "Sangat Tinggi", "#bfe3c6"),
)

_LEVEL = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}
_BUDGET_ROW = re.compile(r"^/tabel/realisasi_anggaran/(baris/(\d+)|jumlah)(?:/|$)")
_CAPAIAN_ROW = re.compile(r"^/tabel/capaian/baris/(\d+)(?:/|$)")

LABELS: dict[Lang, dict[str, str]] = {
    "id": {
        "title": "Hasil pemeriksaan LKjIP",
        "summary": "Ringkasan",
        "file": "Berkas",
        "pack": "Paket aturan",
        "total": "Jumlah",
        "all": "Semua berkas",
        "manifest": "Manifes",
        "tool": "Alat",
        "schema": "Skema",
        "packs": "Paket aturan",
        "generated": "Dibuat",
        "format": "Format",
        "unreadable": "tidak dapat dibaca",
        "filters": "Saring temuan",
        "severity": "Tingkat",
        "shown": "{n} dari {total} temuan ditampilkan",
        "findings": "Temuan",
        "none": "Tidak ada temuan.",
        "place": "Baris:kolom",
        "rule": "Aturan",
        "table": "Tabel",
        "message": "Pesan",
        "printed": "Tertulis",
        "expected": "Seharusnya",
        "fix": "Perbaikan",
        "basis": "Dasar",
        "budget": "Realisasi anggaran (Tabel 3.8)",
        "kode": "Kode",
        "nama": "Program / kegiatan / sub kegiatan",
        "anggaran": "Anggaran (Rp)",
        "realisasi": "Realisasi (Rp)",
        "persen": "%",
        "flag": "Temuan",
        "jumlah": "JUMLAH",
        "chart_capaian": "Capaian kinerja per indikator (Tabel 3.2) dan kategori",
        "chart_capaian_note": (
            "Latar: rentang kategori skala Permendagri 86/2017 (50, 65, 75, 90, 100%). "
            "Angka dan kategori seperti tertulis di laporan; ⚠ = baris ini memiliki temuan."
        ),
        "chart_serapan": "Serapan anggaran per program (Tabel 3.8)",
        "chart_serapan_note": (
            "Persentase realisasi anggaran seperti tertulis di laporan; "
            "⚠ = baris ini memiliki temuan."
        ),
        "no_table": "Laporan ini tidak memuat tabel tersebut.",
        "finding_mark": "ada temuan",
        "tree_note": "Baris bertanda memiliki temuan; klik kode aturan untuk melihatnya.",
        "sha": "SHA-256",
        "year": "Tahun Anggaran",
        "noscript": "Tanpa JavaScript semua temuan ditampilkan; penyaring tidak tersedia.",
    },
    "en": {
        "title": "LKjIP check results",
        "summary": "Summary",
        "file": "File",
        "pack": "Rule pack",
        "total": "Total",
        "all": "All files",
        "manifest": "Manifest",
        "tool": "Tool",
        "schema": "Schema",
        "packs": "Rule packs",
        "generated": "Generated",
        "format": "Format",
        "unreadable": "could not be read",
        "filters": "Filter findings",
        "severity": "Severity",
        "shown": "{n} of {total} findings shown",
        "findings": "Findings",
        "none": "No findings.",
        "place": "Line:col",
        "rule": "Rule",
        "table": "Table",
        "message": "Message",
        "printed": "Printed",
        "expected": "Expected",
        "fix": "Fix",
        "basis": "Basis",
        "budget": "Budget execution (Tabel 3.8)",
        "kode": "Code",
        "nama": "Program / kegiatan / sub kegiatan",
        "anggaran": "Budget (Rp)",
        "realisasi": "Spent (Rp)",
        "persen": "%",
        "flag": "Findings",
        "jumlah": "TOTAL",
        "chart_capaian": "Performance achievement per indicator (Tabel 3.2) and kategori",
        "chart_capaian_note": (
            "Background: kategori bands of the Permendagri 86/2017 scale (50, 65, 75, 90, 100%). "
            "Figures and kategori as printed in the report; ⚠ = the row has findings."
        ),
        "chart_serapan": "Budget absorption per program (Tabel 3.8)",
        "chart_serapan_note": (
            "Budget execution percentage as printed in the report; ⚠ = the row has findings."
        ),
        "no_table": "The report has no such table.",
        "finding_mark": "has findings",
        "tree_note": "Marked rows have findings; click a rule id to see it.",
        "sha": "SHA-256",
        "year": "Budget year",
        "noscript": "Without JavaScript every finding is shown; the filters are unavailable.",
    },
}

STYLE = """
:root{--err:#b42318;--warn:#a15c07;--info:#175cd3;--line:#d0d5dd;--muted:#475467;
--bg:#fff;--soft:#f2f4f7;--fg:#101828}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--fg);background:var(--bg)}
header,main{max-width:1240px;margin:0 auto;padding:0 20px}
header{padding-top:20px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:22px 0 8px}
.lead{font-size:15px;margin:0 0 14px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0 4px}
.card{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:8px 16px;
min-width:120px;background:var(--bg)}
.card b{display:block;font-size:24px;line-height:1.1}
.card.error{border-left-color:var(--err)}.card.warning{border-left-color:var(--warn)}
.card.info{border-left-color:var(--info)}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.findings td{font-size:13px}
.findings td.tbl{white-space:nowrap}
.findings td.place{white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace;
font-size:12px}
.sev{display:inline-block;border-radius:10px;padding:0 8px;color:#fff;font-size:12px;
font-weight:600}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.info{background:var(--info)}
tr.finding.error td:first-child{box-shadow:inset 4px 0 var(--err)}
tr.finding.warning td:first-child{box-shadow:inset 4px 0 var(--warn)}
tr.finding.info td:first-child{box-shadow:inset 4px 0 var(--info)}
tr.finding:target{background:#fff8db}
.hint{color:var(--muted);font-size:12px;margin-top:3px}
.val{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);border:1px solid var(--line);
border-radius:6px;padding:8px 12px;margin:14px 0;display:flex;gap:22px;flex-wrap:wrap;
align-items:center}
.filters[hidden]{display:none}
.filters fieldset{border:0;margin:0;padding:0;display:flex;gap:10px;flex-wrap:wrap}
.filters legend{font-weight:600;float:left;margin-right:8px}
.filters label{white-space:nowrap}
.filters output{margin-left:auto;color:var(--muted)}
.tree td.nama{padding-left:calc(8px + var(--lvl,0) * 22px)}
.tree tr.l0 td{font-weight:600;background:#f9fafb}
.tree tr.flag td{background:#fff4e5}
.tree tr.flag td.nama::before{content:"\\26A0\\FE0E  ";color:var(--warn)}
.tree tr.total td{font-weight:700;border-top:2px solid var(--fg)}
.tree a{color:var(--err)}
.note{color:var(--muted);font-size:12px;margin:2px 0 6px}
figure{margin:10px 0 18px}
figcaption{font-weight:600;margin-bottom:4px}
svg{display:block;width:100%;height:auto;max-width:960px}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
details.manifest{margin:8px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}
dt{font-weight:600}dd{margin:0;word-break:break-all}
footer{max-width:1240px;margin:30px auto;padding:0 20px;color:var(--muted);font-size:12px}
@media print{.filters{display:none}th{position:static}tr.finding[hidden]{display:table-row}}
"""

# Filters: severity and pack checkboxes; rows carry data-severity / data-pack.
SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.finding"));
  var out = document.getElementById("shown");
  var template = out.getAttribute("data-template");
  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function update() {
    var sev = checked("severity"), pack = checked("pack"), shown = 0;
    rows.forEach(function (row) {
      var visible = sev[row.getAttribute("data-severity")] === true &&
        pack[row.getAttribute("data-pack")] === true;
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    out.textContent = template.replace("{n}", shown).replace("{total}", rows.length);
  }
  // A link may preselect filters: #severity=error,warning&pack=capaian
  var wanted = {};
  location.hash.replace(/^#/, "").split("&").forEach(function (part) {
    var pair = part.split("=");
    if (pair.length === 2 && (pair[0] === "severity" || pair[0] === "pack")) {
      wanted[pair[0]] = decodeURIComponent(pair[1]).split(",");
    }
  });
  Object.keys(wanted).forEach(function (name) {
    form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      box.checked = wanted[name].indexOf(box.value) >= 0;
    });
  });
  form.addEventListener("change", update);
  form.hidden = false;
  update();
  document.body.setAttribute("data-filters", "ready");
})();
"""


def esc(value: object) -> str:
    """Text for HTML (content or attribute): every special character escaped."""
    return html.escape(str(value), quote=True)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool)


def _fmt(value: Any, lang: Lang) -> str:
    """A report value as printed, in the language's number format."""
    if _is_number(value):
        if isinstance(value, Decimal) and not value.is_finite():
            return str(value)
        return format_en(value) if lang == "en" else format_id(value)
    return "" if value is None else str(value)


def _dig(data: Any, *path: str) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _svg_num(value: Decimal | float) -> str:
    """A coordinate with at most two decimals (deterministic, compact)."""
    text = f"{Decimal(value).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# ---------------------------------------------------------------------------
# Charts
# ---------------------------------------------------------------------------


def _bar_chart(
    rows: list[tuple[str, Decimal | None, str, bool]],
    *,
    bands: bool,
    label_id: str,
    title: str,
    reference: Decimal,
) -> str:
    """Horizontal bars, one per row: (label, value or None for N/A, value text, flagged).

    Labels stand above their bar so long names fit; values beyond the axis are
    clipped and marked with an arrow.
    """
    width, left, right = 960, 8, 120
    top, row_h, bar_h = 34, 46, 16
    numbers = [value for _, value, _, _ in rows if value is not None]
    peak = max([reference, *numbers]) if numbers else reference
    rounded_up = (peak / 10).to_integral_value(rounding=ROUND_CEILING) * 10
    axis_max = min(max(reference + 10, rounded_up), Decimal(200))
    plot = width - left - right
    height = top + row_h * len(rows) + 24

    def x(value: Decimal) -> Decimal:
        clipped = min(max(value, Decimal(0)), axis_max)
        return left + clipped / axis_max * plot

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{label_id}">',
        f'<title id="{label_id}">{esc(title)}</title>',
    ]
    bottom = top + row_h * len(rows)
    if bands:
        for low, high, name, colour in BANDS:
            x0, x1 = x(low), x(high)
            parts.append(
                f'<rect x="{_svg_num(x0)}" y="{top - 18}" width="{_svg_num(x1 - x0)}" '
                f'height="{bottom - top + 18}" fill="{colour}"><title>{esc(name)} '
                f"({low}–{high}%)</title></rect>"
            )
            parts.append(
                f'<text x="{_svg_num((x0 + x1) / 2)}" y="{top - 5}" font-size="11" '
                f'text-anchor="middle" fill="#344054">{esc(name)}</text>'
            )
    # axis ticks every 10 %
    tick = Decimal(0)
    while tick <= axis_max:
        stroke = "#667085" if tick in (0, reference) else "#d0d5dd"
        dash = "" if tick in (0, reference) else ' stroke-dasharray="2 3"'
        parts.append(
            f'<line x1="{_svg_num(x(tick))}" y1="{top - 18}" x2="{_svg_num(x(tick))}" '
            f'y2="{bottom}" stroke="{stroke}" stroke-width="1"{dash}/>'
        )
        parts.append(
            f'<text x="{_svg_num(x(tick))}" y="{bottom + 16}" font-size="11" '
            f'text-anchor="middle" fill="#475467">{tick}%</text>'
        )
        tick += 10 if axis_max <= 150 else 20
    for index, (label, value, shown, flagged) in enumerate(rows):
        y = top + index * row_h
        short = label if len(label) <= 110 else label[:108] + "…"
        parts.append(
            f'<text x="{left + 2}" y="{y + 15}" font-size="12.5" fill="#101828">'
            f"<title>{esc(label)}</title>{esc(short)}</text>"
        )
        mark = " ⚠" if flagged else ""
        colour = "#b42318" if flagged else "#1d2939"
        if value is None:
            parts.append(
                f'<text x="{left + 4}" y="{y + 35}" font-size="12" font-style="italic" '
                f'fill="#475467">{esc(shown)}{mark}</text>'
            )
            continue
        end = x(value)
        parts.append(
            f'<rect x="{left}" y="{y + 22}" width="{_svg_num(end - left)}" height="{bar_h}" '
            f'rx="2" fill="{"#b42318" if flagged else "#344054"}" fill-opacity="0.85"/>'
        )
        arrow = " ▸" if value > axis_max else ""
        parts.append(
            f'<text x="{_svg_num(end + 6)}" y="{y + 35}" font-size="12" font-weight="600" '
            f'fill="{colour}">{esc(shown)}{arrow}{mark}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _capaian_chart(report: FileReport, index: int, flagged: set[int], lang: Lang) -> str:
    words = LABELS[lang]
    baris = _dig(report.data, "tabel", "capaian", "baris")
    if not isinstance(baris, list) or not baris:
        return ""
    indicators = _dig(report.data, "indikator")
    names = {
        item["id"]: item.get("nama")
        for item in (indicators if isinstance(indicators, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), str)
    }
    rows = []
    for number, row in enumerate(baris):
        if not isinstance(row, dict):
            continue
        indikator = row.get("indikator")
        known = names.get(indikator) if isinstance(indikator, str) else None
        label = row.get("nama_tertulis") or known or indikator
        capaian = row.get("capaian")
        kategori = row.get("kategori")
        value = Decimal(capaian) if _is_number(capaian) else None
        shown = f"{_fmt(capaian, lang)}%" if value is not None else _fmt(capaian, lang) or "—"
        if isinstance(kategori, str) and kategori and kategori != _fmt(capaian, lang):
            shown += f" · {kategori}"
        rows.append((str(label or "?"), value, shown, number in flagged))
    svg = _bar_chart(
        rows,
        bands=True,
        label_id=f"chart-capaian-{index}",
        title=words["chart_capaian"],
        reference=Decimal(100),
    )
    return _figure(svg, words, "chart_capaian")


def _figure(svg: str, words: dict[str, str], key: str) -> str:
    """A chart with its caption and the note under it (``key`` and ``key_note``)."""
    return (
        f"<figure><figcaption>{esc(words[key])}</figcaption>{svg}"
        f'<p class="note">{esc(words[key + "_note"])}</p></figure>'
    )


def _serapan_chart(report: FileReport, index: int, flagged: set[int], lang: Lang) -> str:
    words = LABELS[lang]
    baris = _dig(report.data, "tabel", "realisasi_anggaran", "baris")
    if not isinstance(baris, list):
        return ""
    rows = []
    for number, row in enumerate(baris):
        if not isinstance(row, dict) or row.get("tingkat") != "program":
            continue
        persen = row.get("persen")
        value = Decimal(persen) if _is_number(persen) else None
        shown = f"{_fmt(persen, lang)}%" if value is not None else _fmt(persen, lang) or "—"
        label = f"{row.get('kode', '')} {row.get('nama', '')}".strip()
        rows.append((label, value, shown, number in flagged))
    if not rows:
        return ""
    svg = _bar_chart(
        rows,
        bands=False,
        label_id=f"chart-serapan-{index}",
        title=words["chart_serapan"],
        reference=Decimal(100),
    )
    return _figure(svg, words, "chart_serapan")


# ---------------------------------------------------------------------------
# Budget tree (Tabel 3.8)
# ---------------------------------------------------------------------------


def _budget_tree(report: FileReport, marks: dict[str, list[tuple[str, str]]], lang: Lang) -> str:
    words = LABELS[lang]
    table = _dig(report.data, "tabel", "realisasi_anggaran")
    baris = table.get("baris") if isinstance(table, dict) else None
    if not isinstance(baris, list):
        return f'<p class="note">{esc(words["no_table"])}</p>'
    out = [
        f'<p class="note">{esc(words["tree_note"])}</p>',
        '<table class="tree"><thead><tr>',
        f"<th>{esc(words['kode'])}</th><th>{esc(words['nama'])}</th>",
        f'<th class="n">{esc(words["anggaran"])}</th><th class="n">{esc(words["realisasi"])}</th>',
        f'<th class="n">{esc(words["persen"])}</th><th>{esc(words["flag"])}</th>',
        "</tr></thead><tbody>",
    ]

    def row_html(key: str, row: dict[str, Any], level: int, css: str) -> str:
        found = marks.get(key, [])
        classes = [css, f"l{level}"]
        if found:
            classes.append("flag")
        links = " ".join(f'<a href="#{esc(anchor)}">{esc(rule)}</a>' for rule, anchor in found)
        name = row.get("nama", words["jumlah"] if key == "jumlah" else "")
        return (
            f'<tr class="{" ".join(c for c in classes if c)}" style="--lvl:{level}">'
            f'<td class="val">{esc(_fmt(row.get("kode"), lang))}</td>'
            f'<td class="nama">{esc(_fmt(name, lang))}</td>'
            f'<td class="n">{esc(_fmt(row.get("anggaran"), lang))}</td>'
            f'<td class="n">{esc(_fmt(row.get("realisasi"), lang))}</td>'
            f'<td class="n">{esc(_fmt(row.get("persen"), lang))}</td>'
            f"<td>{links}</td></tr>"
        )

    for number, row in enumerate(baris):
        if not isinstance(row, dict):
            continue
        tingkat = row.get("tingkat")
        kode = row.get("kode")
        depth = str(kode).count(".") if kode is not None else 0
        level = _LEVEL.get(tingkat, depth) if isinstance(tingkat, str) else depth
        out.append(row_html(str(number), row, min(level, 4), ""))
    jumlah = table.get("jumlah")
    if isinstance(jumlah, dict):
        out.append(row_html("jumlah", {"nama": words["jumlah"], **jumlah}, 0, "total"))
    out.append("</tbody></table>")
    return "".join(out)


# ---------------------------------------------------------------------------
# Page
# ---------------------------------------------------------------------------


def _count_table(head: str, rows: list[tuple[str, dict[Severity, int]]], total: str) -> str:
    out = [
        f"<table><thead><tr><th>{esc(head)}</th>",
        *(f'<th class="n">{esc(s.label)}</th>' for s in SEVERITIES),
        f'<th class="n">{esc(total)}</th></tr></thead><tbody>',
    ]
    for name, counts in rows:
        cells = "".join(f'<td class="n">{counts[s]}</td>' for s in SEVERITIES)
        total_cell = f'<td class="n">{sum(counts.values())}</td>'
        out.append(f"<tr><td>{name}</td>{cells}{total_cell}</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _finding_row(
    finding: Finding, anchor: str, pack: str, rules: dict[str, Any], lang: Lang
) -> str:
    words = LABELS[lang]
    severity = finding.severity.label
    rule = rules.get(finding.rule)
    title = rule.title.get(lang) if rule else ""
    extra = []
    if finding.hint:
        extra.append(f"{esc(words['fix'])}: {esc(finding.hint.get(lang))}")
    hint = "".join(f'<div class="hint">{text}</div>' for text in extra)
    if finding.legal_basis:
        hint += (
            f'<details class="hint"><summary>{esc(words["basis"])}</summary>'
            f"{esc(finding.legal_basis)}</details>"
        )
    location = finding.location
    place = f"{location.line}:{location.column}" if location.column is not None else ""
    if location.line is None:
        place = "—"
    elif location.column is None:
        place = str(location.line)
    return (
        f'<tr class="finding {esc(severity)}" id="{esc(anchor)}" '
        f'data-severity="{esc(severity)}" data-pack="{esc(pack)}">'
        f'<td class="place" title="{esc(location.display())}">{esc(place)}</td>'
        f'<td><b title="{esc(title)}">{esc(finding.rule)}</b></td>'
        f'<td><span class="sev {esc(severity)}">{esc(severity)}</span></td>'
        f"<td>{esc(pack)}</td>"
        f'<td class="tbl">{esc(finding.table.get(lang) if finding.table else "")}</td>'
        f"<td>{esc(finding.message.get(lang))}{hint}</td>"
        f'<td class="val">{esc(display_value(finding.printed, lang))}</td>'
        f'<td class="val">{esc(display_value(finding.expected, lang))}</td></tr>'
    )


def render_html(result: RunResult, lang: Lang) -> str:
    """The whole page as one string."""
    words = LABELS[lang]
    rules = rules_by_id(result)
    counts = result.counts()
    per_pack = pack_counts(result)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(words['title'])} — sakip-validate</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<header><h1>{esc(words['title'])}</h1>",
        f'<p class="lead">{esc(summary_sentence(result, lang))}</p><div class="cards">',
    ]
    for severity in SEVERITIES:
        out.append(
            f'<div class="card {severity.label}"><b>{counts[severity]}</b>'
            f"{esc(severity.label)}</div>"
        )
    out.append("</div></header><main>")

    # Summary: files, packs, manifest
    out.append(f'<h2>{esc(words["summary"])}</h2><div class="grid"><div>')
    file_rows = []
    for report in result.files:
        name = esc(report.label)
        if report.unreadable:
            name += f" <em>({esc(words['unreadable'])})</em>"
        file_rows.append((name, file_counts(report)))
    if len(result.files) > 1:
        file_rows.append((f"<b>{esc(words['all'])}</b>", counts))
    out.append(_count_table(words["file"], file_rows, words["total"]))
    out.append("</div><div>")
    out.append(
        _count_table(words["pack"], [(esc(p), c) for p, c in per_pack.items()], words["total"])
    )
    out.append("</div></div>")
    out.append(_manifest(result, lang))

    # Filters (shown by the script; without it everything is visible)
    total = len(result.findings)
    out.append(
        f'<form id="filters" class="filters" hidden aria-label="{esc(words["filters"])}">'
        f"<fieldset><legend>{esc(words['severity'])}</legend>"
    )
    for severity in SEVERITIES:
        out.append(
            f'<label><input type="checkbox" name="severity" value="{severity.label}" checked> '
            f"{esc(severity.label)} ({counts[severity]})</label>"
        )
    out.append(f"</fieldset><fieldset><legend>{esc(words['pack'])}</legend>")
    for pack, tally in per_pack.items():
        out.append(
            f'<label><input type="checkbox" name="pack" value="{esc(pack)}" checked> '
            f"{esc(pack)} ({sum(tally.values())})</label>"
        )
    shown = words["shown"].replace("{n}", str(total)).replace("{total}", str(total))
    out.append(
        f'</fieldset><output id="shown" data-template="{esc(words["shown"])}">'
        f"{esc(shown)}</output></form>"
        f'<noscript><p class="note">{esc(words["noscript"])}</p></noscript>'
    )

    for index, report in enumerate(result.files, start=1):
        out.append(_file_section(report, index, rules, lang))

    out.append("</main>")
    out.append(f"<footer>{_footer(result)}</footer>")
    out.append(f"<script>{SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


def _manifest(result: RunResult, lang: Lang) -> str:
    words = LABELS[lang]
    manifest = result.manifest
    items: list[tuple[str, str]] = []
    if manifest is not None:
        items.append((words["tool"], f"sakip-validate {manifest.tool_version}"))
        items.append((words["schema"], manifest.schema_id))
        packs = ", ".join(f"{pack} {version}" for pack, version in manifest.packs)
        items.append((words["packs"], packs))
        if manifest.generated_at:
            items.append((words["generated"], manifest.generated_at))
    for report in result.files:
        detail = f"{words['format']}: {report.format or '—'}"
        if report.sha256:
            detail += f"; {words['sha']}: {report.sha256}"
        items.append((report.label, detail))
    body = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in items)
    return (
        f'<details class="manifest"><summary>{esc(words["manifest"])}</summary>'
        f"<dl>{body}</dl></details>"
    )


def _footer(result: RunResult) -> str:
    from sakip_validate import __version__

    version = result.manifest.tool_version if result.manifest else __version__
    return f"sakip-validate {esc(version)}"


def _file_section(report: FileReport, index: int, rules: dict[str, Any], lang: Lang) -> str:
    words = LABELS[lang]
    out = [f'<section id="file-{index}"><h2>{esc(report.label)}</h2>']
    laporan = _dig(report.data, "laporan")
    if isinstance(laporan, dict):
        unit = _dig(laporan, "unit", "nama")
        pemda = _dig(laporan, "unit", "pemerintah_daerah")
        year = laporan.get("tahun_anggaran")
        parts = [str(unit) if unit else "", str(pemda) if pemda else ""]
        if year is not None:
            parts.append(f"{words['year']} {year}")
        out.append(f'<p class="lead">{esc(" · ".join(p for p in parts if p))}</p>')
    findings = sorted_findings(report)
    budget_marks: dict[str, list[tuple[str, str]]] = {}
    capaian_rows: set[int] = set()
    program_rows: set[int] = set()
    out.append(f"<h3>{esc(words['findings'])} ({len(findings)})</h3>")
    if not findings:
        out.append(f"<p>{esc(words['none'])}</p>")
    else:
        out.append(
            '<table class="findings"><thead><tr>'
            + "".join(
                f"<th>{esc(words[key])}</th>"
                for key in ("place", "rule", "severity", "pack", "table", "message")
            )
            + f"<th>{esc(words['printed'])}</th><th>{esc(words['expected'])}</th>"
            + "</tr></thead><tbody>"
        )
        for number, finding in enumerate(findings, start=1):
            anchor = f"f{index}-{number}"
            pointer = finding.location.pointer
            budget = _BUDGET_ROW.match(pointer)
            if budget:
                key = budget.group(2) if budget.group(2) is not None else "jumlah"
                budget_marks.setdefault(key, []).append((finding.rule, anchor))
                if key != "jumlah":
                    program_rows.add(int(key))
            capaian = _CAPAIAN_ROW.match(pointer)
            if capaian:
                capaian_rows.add(int(capaian.group(1)))
            pack = pack_of(finding, rules)
            out.append(_finding_row(finding, anchor, pack, rules, lang))
        out.append("</tbody></table>")
    if isinstance(report.data, dict):
        charts = _capaian_chart(report, index, capaian_rows, lang) + _serapan_chart(
            report, index, program_rows, lang
        )
        out.append(charts)
        out.append(f"<h3>{esc(words['budget'])}</h3>")
        out.append(_budget_tree(report, budget_marks, lang))
    out.append("</section>")
    return "\n".join(out)


class HtmlOutput:
    """One self-contained HTML page: summary, filterable findings, Tabel 3.8 and charts."""

    name = "html"
    needs_data = True  # the budget tree and the charts show printed figures
    description = "self-contained HTML page (filters, budget tree, charts; no network)"
    binary = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_html(result, options.lang))
