"""What the reader-facing outputs say about a run as a whole, computed once.

Counts per file, per pack and per severity, the one-line summary sentence and
how a finding's printed and expected figures are shown. The console, markdown,
reviu, html, github and junit outputs take these from here, so two formats of
the same run never disagree on a count or on how a figure reads.

The pack of a finding is ``finding.pack`` (the catalogue decided it when the
finding was made); packs are listed in the catalogue's order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from sakip_validate.domain.labels import Labels, severity_word
from sakip_validate.domain.numbers import format_number
from sakip_validate.domain.view import ReportView
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.result import FileReport, RunResult

__all__ = [
    "SEVERITIES",
    "count_phrase",
    "display_value",
    "file_counts",
    "pack_counts",
    "pack_order",
    "severity_counts",
    "sorted_findings",
    "summary_sentence",
    "table_heading",
    "tally",
]

# Worst first: the order of every count table and summary.
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

WORDS = Labels(
    {
        "checked": ("{files} berkas diperiksa: {tally}.", "{files} {noun} checked: {tally}."),
        "checked_clean": (
            "{files} berkas diperiksa: tidak ada temuan.",
            "{files} {noun} checked: no findings.",
        ),
        "file": ("berkas", "file"),
        "files": ("berkas", "files"),
        "finding": ("temuan", "finding"),
        "findings": ("temuan", "findings"),
        # between figures of a list: the comma is the Indonesian decimal mark
        "list_separator": ("; ", ", "),
    }
)


def sorted_findings(report: FileReport) -> list[Finding]:
    """A file's findings in reading order (line, column, rule)."""
    return sorted(report.findings, key=Finding.sort_key)


def severity_counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Findings per severity, worst first, zero included."""
    counted = Counter(finding.severity for finding in findings)
    return {severity: counted.get(severity, 0) for severity in SEVERITIES}


def file_counts(report: FileReport) -> dict[Severity, int]:
    return severity_counts(report.findings)


def pack_order(result: RunResult) -> list[str]:
    """Packs in the catalogue's order: every rule pack that ran, a built-in pack
    (berkas, skema, paket) only when it has findings, then any other pack seen."""
    seen = {finding.pack for finding in result.findings}
    ran = {pack.id for pack in result.catalog.packs}
    order = [pack.id for pack in result.catalog.all_packs() if pack.id in ran | seen]
    return order + sorted(seen - set(order))


def pack_counts(result: RunResult) -> dict[str, dict[Severity, int]]:
    """Findings per pack and severity, for every pack of :func:`pack_order`."""
    counted = Counter((finding.pack, finding.severity) for finding in result.findings)
    return {
        pack: {severity: counted.get((pack, severity), 0) for severity in SEVERITIES}
        for pack in pack_order(result)
    }


def tally(counts: dict[Severity, int], lang: Lang, *, nonzero: bool = False) -> str:
    """``16 error, 20 warning, 2 info`` (with ``nonzero``, only the severities present)."""
    return ", ".join(
        f"{counts.get(severity, 0)} {severity_word(severity, lang)}"
        for severity in SEVERITIES
        if counts.get(severity, 0) or not nonzero
    )


def count_phrase(findings: list[Finding], lang: Lang) -> str:
    """``3 temuan: 2 error, 1 warning`` (only the severities present)."""
    noun = WORDS.get("finding" if len(findings) == 1 else "findings", lang)
    return f"{len(findings)} {noun}: {tally(severity_counts(findings), lang, nonzero=True)}"


def summary_sentence(result: RunResult, lang: Lang) -> str:
    """``2 berkas diperiksa: 16 error, 20 warning, 2 info.``"""
    files = len(result.files)
    noun = WORDS.get("file" if files == 1 else "files", lang)
    if not result.findings:
        return WORDS.get("checked_clean", lang, files=files, noun=noun)
    counts = severity_counts(result.findings)
    return WORDS.get("checked", lang, files=files, noun=noun, tally=tally(counts, lang))


def table_heading(view: ReportView, key: str, lang: Lang) -> str:
    """A table as a heading names it: ``Tabel 3.8`` and its printed title when numbered,
    else its printed title, else what it holds (``Tabel realisasi anggaran``)."""
    label = view.table_label(key).get(lang)
    judul = view.raw_table(key).get("judul")
    title = judul.strip() if isinstance(judul, str) else ""
    numbered = isinstance(view.raw_table(key).get("nomor"), str) and label.startswith("Tabel ")
    if numbered:
        return f"{label} {title}".strip()
    return title or label[:1].upper() + label[1:]


# -- figures of a finding ------------------------------------------------------------

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_COMPARISON = re.compile(r"(>=|<=|>|<|=)\s*(-?\d+(?:\.\d+)?)")
_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}
_NOT_AVAILABLE = ("N/A", "-")


def _number(text: str, lang: Lang) -> str:
    if "." not in text and len(text.lstrip("-")) < 5:
        return text  # a year, a count, a small whole percentage: as written
    return format_number(Decimal(text), lang)


def display_value(text: str | None, lang: Lang) -> str:
    """A finding's ``printed``/``expected`` figure as a reader of ``lang`` writes it.

    Plain numbers get the language's decimal mark (``98.98`` → ``98,98``) and,
    for amounts of five digits or more, thousands separators; a list of numbers
    is joined with ``;`` in Indonesian (the comma is the decimal mark there).
    Anything else (a name, ``N/A``) is returned unchanged.
    """
    if text is None:
        return ""
    parts = text.split(", ")
    if len(parts) > 1 and all(_NUMBER.fullmatch(p) or p in _NOT_AVAILABLE for p in parts):
        shown = [_number(p, lang) if _NUMBER.fullmatch(p) else p for p in parts]
        return WORDS.get("list_separator", lang).join(shown)
    if _NUMBER.fullmatch(text):
        return _number(text, lang)
    compared = _COMPARISON.fullmatch(text)
    if compared:
        return f"{_SYMBOL[compared.group(1)]} {_number(compared.group(2), lang)}"
    return text
