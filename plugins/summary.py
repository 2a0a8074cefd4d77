"""What the reader-facing outputs say about a run as a whole, computed once.

Counts per file, per pack and per severity, the one-line summary sentence and
how a finding's printed and expected figures are shown. The console, markdown,
reviu, html, github and junit outputs take these from here, so two formats of
the same run never disagree on a count or on how a figure reads.

The policy's marks are said here too, once: a waived finding (``dikecualikan``)
and one the baseline already holds are reported but do not count against the
run; the counts say how many of each severity they are ("16 error
(2 dikecualikan)"), the baseline sentence says what is new, persisting and
fixed, and the skipped files (not reports) are counted.

The pack of a finding is ``finding.pack`` (the catalogue decided it when the
finding was made); packs are listed in the catalogue's order.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from sakip_validate.domain.labels import Labels, severity_count
from sakip_validate.domain.numbers import format_number
from sakip_validate.domain.values import NA_FORMS
from sakip_validate.domain.view import ReportView
from sakip_validate.findings import Finding, Lang, Severity, Suppression
from sakip_validate.policy import BaselineOutcome
from sakip_validate.policy.baseline import Entry
from sakip_validate.result import FileReport, RunResult
from sakip_validate.tally import Tally

__all__ = [
    "SEVERITIES",
    "baseline_sentence",
    "compared",
    "count_phrase",
    "date_text",
    "display_value",
    "file_counts",
    "fixed_label",
    "fixed_text",
    "pack_counts",
    "pack_order",
    "run_notes",
    "severity_counts",
    "skipped_reason",
    "skipped_rules_sentence",
    "skipped_sentence",
    "sorted_findings",
    "state_word",
    "summary_sentence",
    "suppressed_counts",
    "suppression_text",
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
        # the policy's marks
        "waived_n": ("{n} dikecualikan", "{n} waived"),
        "baselined_n": ("{n} di baseline", "{n} in the baseline"),
        "skipped": ("{n} berkas dilewati: bukan laporan.", "{n} files skipped: not reports."),
        "skipped_one": ("1 berkas dilewati: bukan laporan.", "1 file skipped: not a report."),
        "skipped_versi_skema": (
            "bukan laporan (tidak menyatakan versi_skema)",
            "not a report (declares no versi_skema)",
        ),
        "skipped_include": (
            "tidak cocok dengan pola include konfigurasi",
            "matches none of the configuration's include patterns",
        ),
        "baseline": (
            "Dibanding baseline {source}: {new} temuan baru, {persisting} masih ada, "
            "{fixed} sudah diperbaiki. Temuan yang masih ada tidak menggagalkan pemeriksaan.",
            "Compared with the baseline {source}: {new} new, {persisting} persisting, "
            "{fixed} fixed. Persisting findings do not fail the check.",
        ),
        "state_waiver": ("dikecualikan", "waived"),
        "state_baseline": ("di baseline", "in the baseline"),
        "state_new": ("baru", "new"),
        "waiver": (
            "Dikecualikan: {reason} Disetujui oleh {approver}, berlaku sampai {expires} "
            "({source}).",
            "Waived: {reason} Approved by {approver}, in force until {expires} ({source}).",
        ),
        "in_baseline": (
            "Sudah ada di baseline {source}: tidak menggagalkan pemeriksaan.",
            "Already in the baseline {source}: does not fail the check.",
        ),
        "fixed": (
            "{file}: {rule} di {pointer} (tertulis {printed})",
            "{file}: {rule} at {pointer} (printed {printed})",
        ),
        "fixed_no_value": ("{file}: {rule} di {pointer}", "{file}: {rule} at {pointer}"),
        # rules that did not apply to a file (its kind, unit, scope, a column its table lacks)
        "not_applicable": (
            "{n} aturan tidak berlaku untuk laporan ini: {rules}.",
            "{n} rules do not apply to this report: {rules}.",
        ),
        "not_applicable_one": (
            "1 aturan tidak berlaku untuk laporan ini: {rules}.",
            "1 rule does not apply to this report: {rules}.",
        ),
    }
)

_MONTHS = Labels(
    {
        "1": ("Januari", "January"),
        "2": ("Februari", "February"),
        "3": ("Maret", "March"),
        "4": ("April", "April"),
        "5": ("Mei", "May"),
        "6": ("Juni", "June"),
        "7": ("Juli", "July"),
        "8": ("Agustus", "August"),
        "9": ("September", "September"),
        "10": ("Oktober", "October"),
        "11": ("November", "November"),
        "12": ("Desember", "December"),
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
    seen = {pack for pack, _ in result.tally().per_pack()}
    ran = {pack.id for pack in result.catalog.packs}
    order = [pack.id for pack in result.catalog.all_packs() if pack.id in ran | seen]
    return order + sorted(seen - set(order))


def pack_counts(result: RunResult) -> dict[str, dict[Severity, int]]:
    """Findings per pack and severity, for every pack of :func:`pack_order`."""
    counted = result.tally().per_pack()
    return {
        pack: {severity: counted.get((pack, severity), 0) for severity in SEVERITIES}
        for pack in pack_order(result)
    }


def suppressed_counts(findings: Iterable[Finding], kind: str) -> dict[Severity, int]:
    """Findings per severity that carry a suppression of ``kind`` (waiver, baseline)."""
    return severity_counts(
        f for f in findings if f.suppression is not None and f.suppression.kind == kind
    )


def tally(
    counts: dict[Severity, int],
    lang: Lang,
    *,
    nonzero: bool = False,
    findings: Iterable[Finding] = (),
    counted: Tally | None = None,
) -> str:
    """``16 errors, 20 warnings, 2 info`` (with ``nonzero``, only the severities present).

    Given the ``findings`` counted (or their ``counted`` tally), a severity with
    waived or baselined ones says so: ``16 kesalahan (2 dikecualikan, 1 di baseline)``.
    """
    if counted is not None:
        waived = counted.suppressed_counts("waiver")
        baselined = counted.suppressed_counts("baseline")
    else:
        findings = list(findings)
        waived = suppressed_counts(findings, "waiver")
        baselined = suppressed_counts(findings, "baseline")
    parts = []
    for severity in SEVERITIES:
        if not counts.get(severity, 0) and nonzero:
            continue
        part = severity_count(severity, counts.get(severity, 0), lang)
        notes = [
            WORDS.get(key, lang, n=tallied[severity])
            for key, tallied in (("waived_n", waived), ("baselined_n", baselined))
            if tallied[severity]
        ]
        parts.append(f"{part} ({', '.join(notes)})" if notes else part)
    return ", ".join(parts)


def count_phrase(findings: list[Finding], lang: Lang) -> str:
    """``3 temuan: 2 kesalahan, 1 peringatan`` (only the severities present)."""
    noun = WORDS.get("finding" if len(findings) == 1 else "findings", lang)
    counts = severity_counts(findings)
    return f"{len(findings)} {noun}: {tally(counts, lang, nonzero=True, findings=findings)}"


def summary_sentence(result: RunResult, lang: Lang) -> str:
    """``2 berkas diperiksa: 16 kesalahan (2 dikecualikan), 20 peringatan, 2 informasi.``

    The files counted are the inputs (a configuration file the policy has
    findings about is not one); the findings are all of them.
    """
    counted = result.tally()
    files = counted.reports
    noun = WORDS.get("file" if files == 1 else "files", lang)
    if not counted.findings:
        return WORDS.get("checked_clean", lang, files=files, noun=noun)
    said = tally(counted.counts(), lang, counted=counted)
    return WORDS.get("checked", lang, files=files, noun=noun, tally=said)


def skipped_sentence(result: RunResult, lang: Lang) -> str | None:
    """``3 berkas dilewati: bukan laporan.`` (None when nothing was skipped)."""
    n = len(result.skipped)
    if not n:
        return None
    return WORDS.get("skipped_one", lang) if n == 1 else WORDS.get("skipped", lang, n=n)


def skipped_reason(why: str, lang: Lang) -> str:
    """Why a file was skipped, in words (``versi_skema``, ``include``; else as given)."""
    key = f"skipped_{why}"
    return WORDS.get(key, lang) if key in WORDS else why


def skipped_rules_sentence(report: FileReport, lang: Lang) -> str | None:
    """``5 aturan tidak berlaku untuk laporan ini: LKP001, LKP002 (berkas ini hanya
    memuat sebagian laporan); LKP005 (Tabel 3.2 yang dimuat tidak mempunyai kolom sumber
    data).`` Rules with the same reason are listed together; None when every rule applied."""
    if not report.skipped_rules:
        return None
    by_reason: dict[str, list[str]] = {}
    for skipped in report.skipped_rules:
        by_reason.setdefault(skipped.reason.get(lang), []).append(skipped.rule)
    listed = "; ".join(f"{', '.join(rules)} ({reason})" for reason, rules in by_reason.items())
    n = len(report.skipped_rules)
    if n == 1:
        return WORDS.get("not_applicable_one", lang, rules=listed)
    return WORDS.get("not_applicable", lang, n=n, rules=listed)


def baseline_sentence(outcome: BaselineOutcome | None, lang: Lang) -> str | None:
    """``Dibanding baseline B: 3 temuan baru, 2 masih ada, 2 sudah diperbaiki. ...``"""
    if outcome is None:
        return None
    return WORDS.get(
        "baseline",
        lang,
        source=outcome.source,
        new=outcome.new,
        persisting=outcome.persisting,
        fixed=len(outcome.fixed),
    )


def run_notes(result: RunResult, lang: Lang) -> list[str]:
    """The sentences that follow the summary: the baseline's, then the skipped files'."""
    notes = (baseline_sentence(result.baseline, lang), skipped_sentence(result, lang))
    return [note for note in notes if note]


def date_text(iso: str, lang: Lang) -> str:
    """``2026-12-31`` as a reader writes it: ``31 Desember 2026`` (as given when not a date)."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS.get(str(day.month), lang)} {day.year}"


def state_word(finding: Finding, lang: Lang, *, baseline: bool = False) -> str:
    """``dikecualikan``, ``di baseline``; ``baru`` for a counted finding of a baseline run
    (``baseline``: the run has one); else empty."""
    if finding.suppression is not None:
        return WORDS.get(f"state_{finding.suppression.kind}", lang)
    return WORDS.get("state_new", lang) if baseline and compared(finding) else ""


def compared(finding: Finding) -> bool:
    """Whether a baseline judges ``finding``: the policy's findings about waivers
    (POLICY codes) are never in a baseline, so they are neither new nor persisting."""
    return not finding.rule.startswith("POLICY")


def suppression_text(suppression: Suppression, lang: Lang) -> str:
    """Why a finding does not count, in a sentence: the waiver's reason, approver,
    last day and place, or the baseline that holds it."""
    if suppression.kind == "baseline":
        return WORDS.get("in_baseline", lang, source=suppression.source)
    reason = suppression.reason.strip()
    if reason and reason[-1] not in ".!?":
        reason += "."
    return WORDS.get(
        "waiver",
        lang,
        reason=reason,
        approver=suppression.approver,
        expires=date_text(suppression.expires, lang),
        source=suppression.source,
    )


def fixed_label(outcome: BaselineOutcome, entry: Entry) -> str:
    """A fixed entry's file as the run names files: relative to where the baseline is."""
    folder = posixpath.dirname(outcome.source.replace("\\", "/"))
    return posixpath.normpath(posixpath.join(folder, entry.file)) if folder else entry.file


def fixed_text(outcome: BaselineOutcome, entry: Entry, lang: Lang) -> str:
    """One fixed finding: ``file: ANG003 di /pointer (tertulis 100.500.000)``."""
    values = {"file": fixed_label(outcome, entry), "rule": entry.rule, "pointer": entry.pointer}
    if entry.printed:
        return WORDS.get("fixed", lang, printed=display_value(entry.printed, lang), **values)
    return WORDS.get("fixed_no_value", lang, **values)


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
    if len(parts) > 1 and all(_NUMBER.fullmatch(p) or p in NA_FORMS for p in parts):
        shown = [_number(p, lang) if _NUMBER.fullmatch(p) else p for p in parts]
        return WORDS.get("list_separator", lang).join(shown)
    if _NUMBER.fullmatch(text):
        return _number(text, lang)
    compared = _COMPARISON.fullmatch(text)
    if compared:
        return f"{_SYMBOL[compared.group(1)]} {_number(compared.group(2), lang)}"
    return text
