"""The ``markdown`` output: findings for a pull-request comment or a CI job summary.

GitHub-flavoured Markdown: the summary sentence, counts per file and per rule
pack, then one table of findings per file (folded when long).

Every text taken from a report (names, quotes, messages that quote them) goes
through :func:`md_text`, so it stays inert: it can neither break a table, nor
become markup, a link, an @-mention, or a line of its own. The ``reviu`` output
uses the same escaping.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TextIO

from sakip_validate import __version__
from sakip_validate.domain.labels import BoundLabels, Labels, severity_word
from sakip_validate.findings import Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .summary import (
    SEVERITIES,
    display_value,
    file_counts,
    pack_counts,
    sorted_findings,
    summary_sentence,
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
        "none": ("Tidak ada temuan.", "No findings."),
        "folded": ("{n} temuan: {tally}", "{n} findings: {tally}"),
        "unreadable": ("berkas tidak dapat dibaca", "file could not be read"),
        "schema": ("skema", "schema"),
        "packs": ("paket", "packs"),
        "generated": ("dibuat", "generated"),
    }
)

_MARK = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}

# A file's findings table is folded into <details> when it is longer than this.
FOLD_AFTER = 10


def _count_header(first: str, words: BoundLabels) -> list[str]:
    severities = (severity_word(s, words.lang) for s in SEVERITIES)
    return [
        md_row([first, *severities, words["total"]]),
        md_row(["---", *("---:" for _ in SEVERITIES), "---:"]),
    ]


def _count_row(name: str, counts: dict[Severity, int]) -> str:
    numbers = [str(counts[s]) for s in SEVERITIES]
    return md_row([name, *numbers, str(sum(counts.values()))])


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


def render_markdown(result: RunResult, lang: Lang) -> str:
    """The whole ``markdown`` report as one string."""
    words = WORDS.bind(lang)
    out: list[str] = [f"## {words['title']}", "", f"**{summary_sentence(result, lang)}**", ""]

    out += _count_header(words["file"], words)
    for report in result.files:
        name = md_cell(report.label)
        if report.unreadable:
            name += f" ({words['unreadable']})"
        out.append(_count_row(name, file_counts(report)))
    if len(result.files) > 1:
        out.append(_count_row(f"**{words['all']}**", result.counts()))
    out.append("")

    out += _count_header(words["pack"], words)
    for pack, counts in pack_counts(result).items():
        out.append(_count_row(md_cell(pack), counts))
    out.append("")

    columns = ("place", "rule", "severity", "table", "message", "printed", "expected")
    header = [md_row(words[key] for key in columns), md_row(["---"] * len(columns))]
    for report in result.files:
        out += [f"### {md_text(report.label)}", ""]
        findings = sorted_findings(report)
        if not findings:
            out += [words["none"], ""]
            continue
        folded = len(findings) > FOLD_AFTER
        if folded:
            summary = words("folded", n=len(findings), tally=tally(file_counts(report), lang))
            out += ["<details>", f"<summary>{summary}</summary>", ""]
        out += header
        for finding in findings:
            out.append(
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
            )
        out.append("")
        if folded:
            out += ["</details>", ""]
    out.append(_manifest_line(result, words))
    return "\n".join(out) + "\n"


class MarkdownOutput:
    """A findings report in GitHub-flavoured Markdown (PR comment, CI job summary)."""

    name = "markdown"
    description = "Markdown report for a pull-request comment or a CI job summary"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_markdown(result, options.lang))
