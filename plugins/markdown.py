"""The ``markdown`` output: findings for a pull-request comment or a CI job summary.

GitHub-flavoured Markdown: the summary sentence (and the baseline's and the
skipped files'), counts per file with findings and per rule pack, the clean
files in one line, then one table per file of the findings that count (folded
when long), and, folded, the waived findings (reason, approver, last day), the
ones the baseline holds, those it lists as fixed, the rules that did not apply
to a file (one line per file, with the reasons) and the skipped files.

It fits a comment: GitHub refuses one over 65,536 characters, so the report
stays within ``RenderOptions.markdown_max_chars``. Parts are added in that
order while they fit (a table may stop after some rows); what is left out is
counted in a closing note. The title, the summary and that note are always
written, so a budget smaller than them is exceeded by them alone.

Every text taken from a report (names, quotes, messages that quote them) goes
through :func:`md_text`, so it stays inert: it can neither break a table, nor
become markup, a link, an @-mention, or a line of its own. The ``reviu`` output
uses the same escaping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TextIO

from sakip_validate import __version__
from sakip_validate.domain.labels import BoundLabels, Labels, severity_word
from sakip_validate.domain.numbers import format_number
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .summary import (
    SEVERITIES,
    date_text,
    display_value,
    fixed_text,
    pack_counts,
    run_notes,
    severity_counts,
    skipped_reason,
    skipped_rules_sentence,
    sorted_findings,
    summary_sentence,
    suppressed_counts,
    tally,
)

# ---------------------------------------------------------------------------
# Markdown escaping
# ---------------------------------------------------------------------------

# Characters with a meaning in GitHub-flavoured Markdown inline text: emphasis,
# code, links, tables, strike-through, math. Backslash-escaped.
_MD_PUNCT = re.compile(r"([\\`*\[\]|~$])")
# "_" only emphasises at a word boundary: snake_case names stay readable.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# GitHub turns "@name" into a mention (a notification) and "#12" into an issue
# link, even when escaped; a WORD JOINER (invisible) between them breaks both.
_MENTION = re.compile(r"([@#])(?=[0-9A-Za-z])")
# URL schemes and "www." would become autolinks: hide the ':' and '.' in entities.
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|file|vbscript)(:)")
_WWW = re.compile(r"(?i)\bwww\.")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_text(text: object, *, newline: str = " ") -> str:
    """``text`` as inert Markdown inline text (safe in a table cell or a list item).

    HTML special characters become entities, Markdown punctuation is escaped
    (``|`` → ``\\|``), newlines become ``newline`` (a space, or ``<br>`` in a
    table), and autolinks, @-mentions and #-references are defused.
    """
    value = _CONTROL.sub("", str(text))
    value = html.escape(value, quote=False)
    value = _MD_PUNCT.sub(r"\\\1", value)
    value = _UNDERSCORE.sub(r"\\_", value)
    value = _MENTION.sub("\\1\u2060", value)
    value = _SCHEME.sub(r"\1&#58;", value)
    value = _WWW.sub(lambda m: m.group(0)[:-1] + "&#46;", value)
    return _NEWLINES.sub(newline, value)


def md_cell(text: object) -> str:
    """``text`` for a table cell: inert, on one line, ``<br>`` for a line break."""
    return md_text(text, newline="<br>").strip()


def md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# ---------------------------------------------------------------------------
# The findings report
# ---------------------------------------------------------------------------

WORDS = Labels(
    {
        "title": (
            "Hasil pemeriksaan LKjIP (sakip-validate)",
            "LKjIP check results (sakip-validate)",
        ),
        "file": ("Berkas", "File"),
        "pack": ("Paket aturan", "Rule pack"),
        "total": ("Jumlah", "Total"),
        "all": ("Semua berkas", "All files"),
        "place": ("Letak", "Place"),
        "rule": ("Aturan", "Rule"),
        "severity": ("Tingkat", "Severity"),
        "table": ("Tabel", "Table"),
        "message": ("Pesan", "Message"),
        "printed": ("Tertulis", "Printed"),
        "expected": ("Seharusnya", "Expected"),
        "folded": ("{n} temuan: {tally}", "{n} findings: {tally}"),
        "n_findings": ("{n} temuan", "{n} findings"),
        "n_files": ("{n} berkas", "{n} files"),
        "unreadable": ("berkas tidak dapat dibaca", "file could not be read"),
        "schema": ("skema", "schema"),
        "packs": ("paket", "packs"),
        "generated": ("dibuat", "generated"),
        "waived_col": ("dikecualikan", "waived"),
        "baselined_col": ("di baseline", "in baseline"),
        "clean": ("✅ Tanpa temuan: {files}.", "✅ No findings: {files}."),
        "clean_n": ("✅ {n} berkas tanpa temuan.", "✅ {n} files without findings."),
        "more_files": (
            "… dan {n} berkas lain dengan temuan",
            "… and {n} more files with findings",
        ),
        "more_rows": (
            "… {n} temuan lain di bagian ini tidak ditampilkan.",
            "… {n} more findings of this part not shown.",
        ),
        "only_suppressed": (
            "Semua temuan berkas ini dikecualikan atau sudah ada di baseline.",
            "Every finding of this file is waived or already in the baseline.",
        ),
        "waived_title": ("Dikecualikan ({n})", "Waived ({n})"),
        "waived_note": (
            "Temuan ini tetap dilaporkan, tetapi tidak menggagalkan pemeriksaan sampai "
            "pengecualiannya habis berlaku.",
            "These findings are still reported but do not fail the check until their "
            "waiver expires.",
        ),
        "reason": ("Alasan", "Reason"),
        "approver": ("Disetujui oleh", "Approved by"),
        "expires": ("Berlaku sampai", "Until"),
        "declared": ("Dinyatakan di", "Declared in"),
        "baselined_title": ("Sudah ada di baseline ({n})", "Already in the baseline ({n})"),
        "fixed_title": ("Sudah diperbaiki sejak baseline ({n})", "Fixed since the baseline ({n})"),
        "skipped_title": ("Berkas dilewati ({n})", "Skipped files ({n})"),
        "not_applicable_title": (
            "Aturan yang tidak berlaku ({n} berkas)",
            "Rules that do not apply ({n} files)",
        ),
        "cut": (
            "✂️ Laporan ini dipotong agar muat dalam {limit} karakter: {what} tidak "
            "ditampilkan. Daftar lengkapnya ada di keluaran json, sarif atau html.",
            "✂️ This report was cut to fit in {limit} characters: {what} not shown. "
            "The full list is in the json, sarif or html output.",
        ),
        "cut_findings": ("{n} temuan di {files} berkas", "{n} findings in {files} files"),
        "cut_rows": ("{n} baris tabel jumlah", "{n} rows of the count table"),
        "cut_waived": ("{n} temuan dikecualikan", "{n} waived findings"),
        "cut_baselined": ("{n} temuan di baseline", "{n} findings in the baseline"),
        "cut_fixed": ("{n} temuan yang sudah diperbaiki", "{n} fixed findings"),
        "cut_skipped": ("{n} berkas yang dilewati", "{n} skipped files"),
        "cut_not_applicable": (
            "daftar aturan yang tidak berlaku untuk {n} berkas",
            "the rules that do not apply to {n} files",
        ),
    }
)

_MARK = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}

# A file's findings table is folded into <details> when it is longer than this.
FOLD_AFTER = 10
# Clean files are named in their line up to this many; beyond, only counted.
CLEAN_NAMED = 10
# The file count table takes at most this share of the budget.
COUNT_TABLE_SHARE = 3
# Room kept for the closing note and the manifest line.
CLOSING_RESERVE = 600


def _count_header(first: str, words: BoundLabels, extra: list[str]) -> list[str]:
    severities = (severity_word(s, words.lang) for s in SEVERITIES)
    return [
        md_row([first, *severities, words["total"], *(words[key] for key in extra)]),
        md_row(["---", *("---:" for _ in SEVERITIES), "---:", *("---:" for _ in extra)]),
    ]


def _count_row(name: str, findings: list[Finding], extra: list[str]) -> str:
    counts = severity_counts(findings)
    numbers = [str(counts[s]) for s in SEVERITIES]
    kinds = {"waived_col": "waiver", "baselined_col": "baseline"}
    others = [str(sum(suppressed_counts(findings, kinds[key]).values())) for key in extra]
    return md_row([name, *numbers, str(sum(counts.values())), *others])


def _manifest_line(result: RunResult, words: BoundLabels) -> str:
    manifest = result.manifest
    parts = [f"sakip-validate {manifest.tool_version if manifest else __version__}"]
    if manifest is not None:
        parts.append(f"{words['schema']} {md_text(manifest.schema_id)}")
        if manifest.packs:
            packs = ", ".join(f"{md_text(p)} {md_text(v)}" for p, v in manifest.packs)
            parts.append(f"{words['packs']} {packs}")
        if manifest.generated_at:
            parts.append(f"{words['generated']} {md_text(manifest.generated_at)}")
    return "<sub>" + " · ".join(parts) + "</sub>"


def _size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


@dataclass
class _Budget:
    """The lines written so far and what was left out, within ``limit`` characters."""

    limit: int
    lines: list[str] = field(default_factory=list)
    left: dict[str, int] = field(default_factory=dict)  # cut_* key -> count
    files_left: set[str] = field(default_factory=set)

    @property
    def room(self) -> int:
        return self.limit - _size(self.lines)

    def add(self, lines: list[str]) -> bool:
        """Add ``lines`` when they fit (True), else nothing (False)."""
        if _size(lines) > self.room:
            return False
        self.lines += lines
        return True

    def count(self, key: str, n: int) -> None:
        if n:
            self.left[key] = self.left.get(key, 0) + n


def _table(
    budget: _Budget,
    header: list[str],
    rows: list[str],
    words: BoundLabels,
    *,
    before: Sequence[str] = (),
    after: Sequence[str] = (),
) -> int:
    """Add ``before``, a table of as many ``rows`` as fit, ``after``; the rows left out.

    Nothing is added unless the opening lines, the header and one row fit; a
    table cut short is followed by a line that says how many rows it lost.
    """
    before, after = list(before), list(after)
    whole = before + header + rows + [""] + after
    if budget.add(whole):
        return 0
    more = words("more_rows", n=len(rows))  # the longest such line
    fixed = _size(before + header + ["", more, ""] + after)
    shown: list[str] = []
    room = budget.room - fixed
    for row in rows:
        if _size([row]) > room:
            break
        shown.append(row)
        room -= _size([row])
    if not shown:
        return len(rows)
    left = len(rows) - len(shown)
    budget.add(before + header + shown + ["", words("more_rows", n=left), ""] + after)
    return left


def _finding_rows(findings: list[Finding], lang: Lang) -> list[str]:
    return [
        md_row(
            [
                md_cell(finding.location.display()),
                md_cell(finding.rule),
                f"{_MARK[finding.severity]} {severity_word(finding.severity, lang)}",
                md_cell(finding.table.get(lang) if finding.table else ""),
                md_cell(finding.message.get(lang)),
                md_cell(display_value(finding.printed, lang)),
                md_cell(display_value(finding.expected, lang)),
            ]
        )
        for finding in findings
    ]


def _folded(summary: str, lines: list[str]) -> list[str]:
    return ["<details>", f"<summary>{summary}</summary>", "", *lines]


def _file_sections(budget: _Budget, result: RunResult, words: BoundLabels) -> None:
    """One section per file with findings that count; stops at the first that does not fit."""
    lang = words.lang
    columns = ("place", "rule", "severity", "table", "message", "printed", "expected")
    header = [md_row(words[key] for key in columns), md_row(["---"] * len(columns))]
    stopped = False
    for report in result.files:
        counted = [f for f in sorted_findings(report) if f.suppression is None]
        if not counted:
            continue
        if stopped:
            budget.count("cut_findings", len(counted))
            budget.files_left.add(report.label)
            continue
        heading = [f"### {md_text(report.label)}", ""]
        folded = len(counted) > FOLD_AFTER
        before, after = heading, []
        if folded:
            said = tally(severity_counts(counted), lang, nonzero=True)
            before = heading + _folded(words("folded", n=len(counted), tally=said), [])
            after = ["</details>", ""]
        left = _table(
            budget, header, _finding_rows(counted, lang), words, before=before, after=after
        )
        if left:
            budget.count("cut_findings", left)
            budget.files_left.add(report.label)
            stopped = True


def _suppressed_sections(budget: _Budget, result: RunResult, words: BoundLabels) -> None:
    lang = words.lang
    findings = [f for report in result.files for f in sorted_findings(report)]
    waived = [f for f in findings if f.suppression and f.suppression.kind == "waiver"]
    baselined = [f for f in findings if f.suppression and f.suppression.kind == "baseline"]
    if waived:
        columns = ("place", "rule", "severity", "message", "reason", "approver", "expires")
        header = [md_row(words[key] for key in columns), md_row(["---"] * len(columns))]
        rows = []
        for finding in waived:
            waiver = finding.suppression
            assert waiver is not None
            rows.append(
                md_row(
                    [
                        md_cell(finding.location.display()),
                        md_cell(finding.rule),
                        f"{_MARK[finding.severity]} {severity_word(finding.severity, lang)}",
                        md_cell(finding.message.get(lang)),
                        md_cell(waiver.reason),
                        md_cell(waiver.approver),
                        md_cell(date_text(waiver.expires, lang)),
                    ]
                )
            )
        summary = words(
            "folded", n=len(waived), tally=tally(severity_counts(waived), lang, nonzero=True)
        )
        before = [f"### {words('waived_title', n=len(waived))}", "", words["waived_note"], ""]
        before += _folded(summary, [])
        budget.count(
            "cut_waived",
            _table(budget, header, rows, words, before=before, after=["</details>", ""]),
        )
    if baselined:
        short = ("place", "rule", "severity", "message")
        header = [md_row(words[key] for key in short), md_row(["---"] * len(short))]
        rows = [
            md_row(
                [
                    md_cell(f.location.display()),
                    md_cell(f.rule),
                    f"{_MARK[f.severity]} {severity_word(f.severity, lang)}",
                    md_cell(f.message.get(lang)),
                ]
            )
            for f in baselined
        ]
        title = words("baselined_title", n=len(baselined))
        said = tally(severity_counts(baselined), lang, nonzero=True)
        before = [f"### {title}", "", *_folded(words("folded", n=len(baselined), tally=said), [])]
        budget.count(
            "cut_baselined",
            _table(budget, header, rows, words, before=before, after=["</details>", ""]),
        )


def _list_section(
    budget: _Budget, title: str, summary: str, items: list[str], key: str, words: BoundLabels
) -> None:
    """A folded list of as many ``items`` as fit; those left out are counted under ``key``."""
    if not items:
        return
    opening = [f"### {title}", "", *_folded(summary, [])]
    closing = ["", "</details>", ""]
    more = ["", words("more_rows", n=len(items))]  # the longest such line
    room = budget.room - _size(opening + closing + more)
    shown: list[str] = []
    for item in items:
        line = f"- {item}"
        if _size([line]) > room:
            break
        shown.append(line)
        room -= _size([line])
    left = len(items) - len(shown)
    if shown:
        tail = ["", words("more_rows", n=left)] if left else []
        budget.add(opening + shown + tail + closing)
    budget.count(key, left)


def _cut_note(budget: _Budget, max_chars: int, words: BoundLabels) -> str | None:
    if not budget.left:
        return None
    parts = []
    for key in (
        "cut_findings",
        "cut_rows",
        "cut_waived",
        "cut_baselined",
        "cut_fixed",
        "cut_not_applicable",
        "cut_skipped",
    ):
        if key in budget.left:
            values = {"n": budget.left[key]}
            if key == "cut_findings":
                values["files"] = len(budget.files_left)
            parts.append(words(key, **values))
    what = "; ".join(parts)
    return words("cut", limit=format_number(Decimal(max_chars), words.lang), what=what)


def render_markdown(result: RunResult, lang: Lang, max_chars: int = 60_000) -> str:
    """The whole ``markdown`` report as one string, within ``max_chars`` (see the module)."""
    words = WORDS.bind(lang)
    manifest = _manifest_line(result, words)
    budget = _Budget(max_chars - CLOSING_RESERVE - len(manifest))
    budget.lines += [f"## {words['title']}", "", f"**{summary_sentence(result, lang)}**", ""]
    notes = [md_text(note) for note in run_notes(result, lang)]
    if notes:
        budget.lines += [" <br>\n".join(notes), ""]

    findings = result.findings
    extra = [
        key
        for key, kind in (("waived_col", "waiver"), ("baselined_col", "baseline"))
        if any(f.suppression and f.suppression.kind == kind for f in findings)
    ]
    with_findings = [r for r in result.files if r.findings or r.unreadable]
    clean = [r for r in result.files if not r.findings and not r.unreadable]
    if with_findings:
        rows = []
        for report in with_findings:
            name = md_cell(report.label)
            if report.unreadable:
                name += f" ({words['unreadable']})"
            rows.append(_count_row(name, report.findings, extra))
        if len(result.files) > 1:
            total = _count_row(f"**{words['all']}**", findings, extra)
        header = _count_header(words["file"], words, extra)
        share = _Budget(min(budget.room, budget.limit // COUNT_TABLE_SHARE))
        shown_rows = []
        for row in rows:
            if not share.add([row]):
                break
            shown_rows.append(row)
        if len(shown_rows) < len(rows):
            left = len(rows) - len(shown_rows)
            blanks = [""] * (len(SEVERITIES) + 1 + len(extra))
            shown_rows.append(md_row([words("more_files", n=left), *blanks]))
            budget.count("cut_rows", left)
        if len(result.files) > 1:
            shown_rows.append(total)
        budget.add(header + shown_rows + [""])
    if clean:
        if len(clean) <= CLEAN_NAMED:
            line = words("clean", files=", ".join(md_text(r.label) for r in clean))
        else:
            line = words("clean_n", n=len(clean))
        budget.add([line, ""])
    if findings:
        packs = [
            _count_row(md_cell(pack), [f for f in findings if f.pack == pack], extra)
            for pack in pack_counts(result)
        ]
        budget.add(_count_header(words["pack"], words, extra) + packs + [""])

    _file_sections(budget, result, words)
    _suppressed_sections(budget, result, words)
    outcome = result.baseline
    if outcome is not None:
        fixed = [md_text(fixed_text(outcome, entry, lang)) for entry in outcome.fixed]
        title = words("fixed_title", n=len(fixed))
        summary = words("n_findings", n=len(fixed))
        _list_section(budget, title, summary, fixed, "cut_fixed", words)
    not_applicable = [
        f"{md_text(report.label)}: {md_text(sentence)}"
        for report in result.files
        if (sentence := skipped_rules_sentence(report, lang)) is not None
    ]
    title = words("not_applicable_title", n=len(not_applicable))
    summary = words("n_files", n=len(not_applicable))
    _list_section(budget, title, summary, not_applicable, "cut_not_applicable", words)
    skipped = [
        f"{md_text(name)}: {md_text(skipped_reason(why, lang))}" for name, why in result.skipped
    ]
    title = words("skipped_title", n=len(skipped))
    summary = words("n_files", n=len(skipped))
    _list_section(budget, title, summary, skipped, "cut_skipped", words)

    out = budget.lines
    note = _cut_note(budget, max_chars, words)
    if note:
        out += [note, ""]
    out.append(manifest)
    return "\n".join(out) + "\n"


class MarkdownOutput:
    """A findings report in GitHub-flavoured Markdown (PR comment, CI job summary)."""

    name = "markdown"
    description = "Markdown report for a pull-request comment or a CI job summary"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_markdown(result, options.lang, options.markdown_max_chars))
