"""The whole page: summary, filters, and per file its charts, findings and budget tree.

A waived or baselined finding stays in its file's table, shaded and marked
(``dikecualikan``, ``di baseline``; ``baru`` for the counted ones of a baseline
run) with the waiver's reason, approver and last day under its message; a
status filter appears when the run has such findings. The summary says how
many of each severity do not count, the baseline's comparison and the fixed
findings, and the skipped files.

Each finding is located as an auditor cites it, in the printed report ("Tabel
3.3, baris 1 (…), kolom Capaian 2020, hlm. 40-47"); the data file's line and
JSON pointer are folded under "teknis", for whoever edits the data. A finding
about the data file itself (LOAD, SCHEMA) is located by its line in the file.
"""

from __future__ import annotations

import dataclasses

from sakip_validate import __version__
from sakip_validate.domain.citation import cite
from sakip_validate.domain.labels import BoundLabels, severity_word
from sakip_validate.domain.view import ReportView
from sakip_validate.findings import Finding, Lang, Place
from sakip_validate.result import FileReport, RunResult

from ..summary import (
    SEVERITIES,
    display_value,
    fixed_text,
    pack_counts,
    run_notes,
    severity_counts,
    skipped_reason,
    skipped_rules_sentence,
    sorted_findings,
    state_word,
    summary_sentence,
    suppressed_counts,
    suppression_text,
)
from .assets import content_security_policy, script, style
from .charts import capaian_chart, serapan_chart
from .marks import Mark, Marks
from .tree import budget_tree
from .words import WORDS, esc

_KINDS = (("waiver", "waived"), ("baseline", "baselined"))


def _kinds(findings: list[Finding]) -> list[tuple[str, str]]:
    """The suppression kinds the run has, with their column word keys."""
    present = {f.suppression.kind for f in findings if f.suppression is not None}
    return [(kind, key) for kind, key in _KINDS if kind in present]


def _count_table(
    head: str,
    rows: list[tuple[str, list[Finding]]],
    words: BoundLabels,
    kinds: list[tuple[str, str]],
) -> str:
    """A count table; ``rows`` hold (name as HTML, findings); a column per suppression kind."""
    out = [
        f"<table><thead><tr><th>{esc(head)}</th>",
        *(f'<th class="n">{esc(severity_word(s, words.lang))}</th>' for s in SEVERITIES),
        f'<th class="n">{esc(words["total"])}</th>',
        *(f'<th class="n">{esc(words[key])}</th>' for _, key in kinds),
        "</tr></thead><tbody>",
    ]
    for name, findings in rows:
        counts = severity_counts(findings)
        cells = "".join(f'<td class="n">{counts[s]}</td>' for s in SEVERITIES)
        others = "".join(
            f'<td class="n">{sum(suppressed_counts(findings, kind).values())}</td>'
            for kind, _ in kinds
        )
        out.append(
            f'<tr><td>{name}</td>{cells}<td class="n">{sum(counts.values())}</td>{others}</tr>'
        )
    out.append("</tbody></table>")
    return "".join(out)


def _line(finding: Finding) -> str:
    """``line:col`` in the data file (the file is the section's); "" without a line."""
    location = finding.location
    if location.line is None:
        return ""
    if location.column is None:
        return str(location.line)
    return f"{location.line}:{location.column}"


def _place(finding: Finding, words: BoundLabels) -> str:
    """Where the finding stands in the printed report, as HTML.

    A finding about the data file itself (LOAD, SCHEMA) has no printed place: it
    is for whoever edits the file, so its line in the file is its place.
    """
    place = finding.place
    if place is not None and cite(place, words.lang):
        if not place.page:
            return esc(cite(place, words.lang))
        # the page stays on one line: "hlm. 40-46" never breaks at its hyphen
        head = cite(dataclasses.replace(place, page=None), words.lang)
        page = f'<span class="page">{esc(cite(Place(page=place.page), words.lang))}</span>'
        return f"{esc(head)}, {page}" if head else page
    line = _line(finding)
    if not line:
        return "—"
    return f'<span class="muted">{esc(words("data_line", line=line))}</span>'


def _technical(finding: Finding, words: BoundLabels) -> str:
    """The data file's line and JSON pointer, folded: for whoever edits the data."""
    location = finding.location
    parts = [f"<span>{esc(location.display())}</span>"]
    if location.pointer:
        parts.append(f"<code>{esc(location.pointer)}</code>")
    return (
        f'<details class="tech"><summary>{esc(words["technical"])}</summary>'
        f"{' · '.join(parts)}</details>"
    )


def _finding_row(finding: Finding, anchor: str, result: RunResult, words: BoundLabels) -> str:
    lang = words.lang
    severity = finding.severity.label  # a class name and filter value, not a word shown
    title = result.catalog.title_of(finding.rule).get(lang)
    suppression = finding.suppression
    state = "counted" if suppression is None else suppression.kind  # a filter value
    shown = state_word(finding, lang, baseline=result.baseline is not None)
    badge = ""
    if shown:
        look = "state new" if suppression is None else f"state {suppression.kind}"
        badge = f' <span class="{look}">{esc(shown)}</span>'
    notes = ""
    if suppression is not None:
        notes += f'<div class="suppression">{esc(suppression_text(suppression, lang))}</div>'

    if finding.hint:
        notes += f'<div class="hint">{esc(words["fix"])}: {esc(finding.hint.get(lang))}</div>'
    if finding.legal_basis:
        notes += (
            f'<details class="hint"><summary>{esc(words["basis"])}</summary>'
            f"{esc(finding.legal_basis)}</details>"
        )
    notes += _technical(finding, words)
    classes = f"finding {severity}" + (" suppressed" if suppression is not None else "")
    return (
        f'<tr class="{classes}" id="{esc(anchor)}" '
        f'data-severity="{severity}" data-pack="{esc(finding.pack)}" data-state="{state}">'
        f'<td class="place">{_place(finding, words)}</td>'
        f'<td><b title="{esc(title)}">{esc(finding.rule)}</b></td>'
        f'<td><span class="sev {severity}">{esc(severity_word(finding.severity, lang))}</span>'
        f"{badge}</td>"
        f"<td>{esc(finding.pack)}</td>"
        f"<td>{esc(finding.message.get(lang))}{notes}</td>"
        f'<td class="val">{esc(display_value(finding.printed, lang))}</td>'
        f'<td class="val">{esc(display_value(finding.expected, lang))}</td></tr>'
    )


def _lead(view: ReportView, words: BoundLabels) -> str:
    """``Kecamatan Jatinegara · Kabupaten Tegal · Tahun Anggaran 2021`` from the report."""
    laporan = view.section("laporan")
    unit = laporan.get("unit")
    unit = unit if isinstance(unit, dict) else {}
    parts = [
        text
        for text in (unit.get("nama"), unit.get("pemerintah_daerah"))
        if isinstance(text, str) and text
    ]
    if view.year is not None:
        parts.append(f"{words['year']} {view.year}")
    return f'<p class="lead">{esc(" · ".join(parts))}</p>' if parts else ""


def _file_section(report: FileReport, index: int, result: RunResult, words: BoundLabels) -> str:
    view = ReportView(report.data)
    findings = sorted_findings(report)
    marks = Marks()
    rows = []
    for number, finding in enumerate(findings, start=1):
        anchor = f"f{index}-{number}"
        marks.add(finding.location.pointer, Mark(finding.rule, anchor, number))
        rows.append(_finding_row(finding, anchor, result, words))

    out = [f'<section id="file-{index}"><h2>{esc(report.label)}</h2>', _lead(view, words)]
    if report.checked:
        out.append(capaian_chart(view, index, marks, words.lang))
        out.append(serapan_chart(view, index, marks, words.lang))
    elif report.role == "config":
        out.append(f'<p class="note">{esc(words["config_file"])}</p>')
    else:
        out.append(f'<p class="note">{esc(words["not_checked"])}</p>')
    out.append(f"<h3>{esc(words['findings'])} ({len(findings)})</h3>")
    if rows:
        columns = ("place", "rule", "severity", "pack", "message", "printed", "expected")
        head = "".join(f"<th>{esc(words[key])}</th>" for key in columns)
        out.append(f'<table class="findings"><thead><tr>{head}</tr></thead><tbody>')
        out += rows
        out.append("</tbody></table>")
    else:
        out.append(f"<p>{esc(words['none'])}</p>")
    not_applicable = skipped_rules_sentence(report, words.lang)
    if not_applicable is not None:
        out.append(f'<p class="note">{esc(not_applicable)}</p>')
    if report.checked:
        out.append(budget_tree(view, marks, words.lang))
    out.append("</section>")
    return "\n".join(part for part in out if part)


def _manifest(result: RunResult, words: BoundLabels) -> str:
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


def _filters(result: RunResult, words: BoundLabels) -> str:
    """Severity and pack checkboxes, hidden until the script shows them."""
    counts = result.counts()
    total = len(result.findings)
    out = [
        f'<form id="filters" class="filters" hidden aria-label="{esc(words["filters"])}">'
        f"<fieldset><legend>{esc(words['severity'])}</legend>"
    ]
    for severity in SEVERITIES:
        out.append(
            f'<label><input type="checkbox" name="severity" value="{severity.label}" checked> '
            f"{esc(severity_word(severity, words.lang))} ({counts[severity]})</label>"
        )
    out.append("</fieldset>")
    found = [(p, n) for p, tally in pack_counts(result).items() if (n := sum(tally.values()))]
    if found:  # a pack without findings has nothing to filter
        out.append(f"<fieldset><legend>{esc(words['pack'])}</legend>")
        for pack, count in found:
            out.append(
                f'<label><input type="checkbox" name="pack" value="{esc(pack)}" checked> '
                f"{esc(pack)} ({count})</label>"
            )
        out.append("</fieldset>")
    kinds = _kinds(result.findings)
    if kinds:  # a status filter only when some findings do not count
        states = [("counted", "state_counted"), *kinds]
        out.append(f"<fieldset><legend>{esc(words['status'])}</legend>")
        for value, key in states:
            n = sum(
                1
                for f in result.findings
                if (f.suppression.kind if f.suppression else "counted") == value
            )
            out.append(
                f'<label><input type="checkbox" name="state" value="{value}" checked> '
                f"{esc(words[key])} ({n})</label>"
            )
        out.append("</fieldset>")
    out.append(
        f'<output id="shown" data-template="{esc(words["shown"])}">'
        f"{esc(words('shown', n=total, total=total))}</output></form>"
        f'<noscript><p class="note">{esc(words["noscript"])}</p></noscript>'
    )
    return "".join(out)


def _policy(result: RunResult, words: BoundLabels) -> str:
    """The baseline's comparison and fixed findings, and the skipped files (folded lists)."""
    lang = words.lang
    notes = run_notes(result, lang)
    if not notes:
        return ""
    out = ['<div class="policy">', *(f"<p>{esc(note)}</p>" for note in notes)]
    outcome = result.baseline
    if outcome is not None and outcome.fixed:
        items = "".join(f"<li>{esc(fixed_text(outcome, e, lang))}</li>" for e in outcome.fixed)
        out.append(
            f"<details><summary>{esc(words('fixed', n=len(outcome.fixed)))}</summary>"
            f"<ul>{items}</ul></details>"
        )
    if result.skipped:
        items = "".join(
            f"<li>{esc(name)}: {esc(skipped_reason(why, lang))}</li>"
            for name, why in result.skipped
        )
        out.append(
            f"<details><summary>{esc(words('skipped', n=len(result.skipped)))}</summary>"
            f"<ul>{items}</ul></details>"
        )
    out.append("</div>")
    return "".join(out)


def render_html(result: RunResult, lang: Lang) -> str:
    """The whole page as one string."""
    words = WORDS.bind(lang)
    findings = result.findings
    counts = severity_counts(findings)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{esc(lang)}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy())}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(words['title'])} — sakip-validate</title>",
        f"<style>{style()}</style></head><body>",
        f"<header><h1>{esc(words['title'])}</h1>",
        f'<p class="lead">{esc(summary_sentence(result, lang))}</p><div class="cards">',
    ]
    waived = suppressed_counts(findings, "waiver")
    baselined = suppressed_counts(findings, "baseline")
    for severity in SEVERITIES:
        aside = ""
        if waived[severity] or baselined[severity]:
            said = words("not_counted", waived=waived[severity], baselined=baselined[severity])
            aside = f"<small>{esc(said)}</small>"
        out.append(
            f'<div class="card {severity.label}"><b>{counts[severity]}</b>'
            f"{esc(severity_word(severity, lang))}{aside}</div>"
        )
    out.append("</div></header><main>")

    kinds = _kinds(findings)
    out.append(f"<h2>{esc(words['summary'])}</h2>")
    out.append(_policy(result, words))
    # With the waived and baselined columns the two count tables no longer fit side by side.
    out.append(f'<div class="grid{" wide" if kinds else ""}"><div>')
    file_rows = []
    for report in result.files:
        name = esc(report.label)
        if report.unreadable:
            name += f" <em>({esc(words['unreadable'])})</em>"
        file_rows.append((name, report.findings))
    if len(result.files) > 1:
        file_rows.append((f"<b>{esc(words['all'])}</b>", findings))
    out.append(_count_table(words["file"], file_rows, words, kinds))
    out.append("</div><div>")
    pack_rows = [
        (
            f'<span title="{esc(result.catalog.pack_title(pack).get(lang))}">{esc(pack)}</span>',
            [f for f in findings if f.pack == pack],
        )
        for pack in pack_counts(result)
    ]
    out.append(_count_table(words["pack"], pack_rows, words, kinds))
    out.append("</div></div>")
    out.append(_manifest(result, words))
    out.append(_filters(result, words))

    for index, report in enumerate(result.files, start=1):
        out.append(_file_section(report, index, result, words))

    version = result.manifest.tool_version if result.manifest else __version__
    out.append("</main>")
    out.append(f"<footer>sakip-validate {esc(version)}</footer>")
    out.append(f"<script>{script()}</script></body></html>")
    return "\n".join(part for part in out if part) + "\n"
