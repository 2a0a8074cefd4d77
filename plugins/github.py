"""The ``github`` output: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,title=ID title::message`` (``::warning`` for a
warning, ``::notice`` for info), then plain summary lines. The most severe come
first (errors, then warnings, then notices; files in run order within each),
and at most ``RenderOptions.max_annotations`` are written: GitHub shows only
about ten of each kind per step, so the ones shown must be the ones that matter.
When some are left out, a notice says how many of which severity, before the
others. Findings that do not count (waived, or already in the baseline) are not
annotated; the summary says how many there are. Values are escaped
as the Actions toolkit does (``%`` ``\\r`` ``\\n`` in the message; also ``:`` and
``,`` in properties), so every command stays on one line and a report text such
as ``::error::`` or a line break cannot start a command of its own. The CLI picks
this format by itself when ``GITHUB_ACTIONS=true`` and no ``--format`` is given.
"""

from __future__ import annotations

import heapq
from typing import TextIO

from sakip_validate.domain.labels import Labels
from sakip_validate.domain.text import visible
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .summary import (
    run_notes,
    sorted_findings,
    summary_sentence,
    tally,
)

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}

WORDS = Labels(
    {
        "cut_title": ("sakip-validate: anotasi dibatasi", "sakip-validate: annotations capped"),
        "cut": (
            "{n} temuan tidak dianotasi (batas {limit} anotasi, yang paling berat lebih dulu): "
            "{tally}. Daftar lengkapnya ada di ringkasan job atau keluaran sarif/markdown.",
            "{n} findings not annotated (limit {limit} annotations, most severe first): "
            "{tally}. The full list is in the job summary or the sarif/markdown output.",
        ),
        "quiet": (
            "{n} temuan tidak dianotasi karena tidak dihitung: {kinds}.",
            "{n} findings not annotated because they do not count: {kinds}.",
        ),
        "waived": ("{n} dikecualikan", "{n} waived"),
        "baselined": ("{n} sudah ada di baseline", "{n} already in the baseline"),
    }
)


def escape_data(text: str) -> str:
    """A command's message: ``%``, ``\\r`` and ``\\n`` percent-encoded, other controls shown.

    Line breaks stay line breaks in the annotation (percent-encoded); any other
    control or direction-changing character (an ESC sequence in a file name) is
    shown escaped, so that neither the log nor the annotation can be driven by it.
    """
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A command property value: as a message, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, lang: Lang) -> str:
    """One workflow command line (without its line break) for ``finding``."""
    location = finding.location
    properties = [("file", location.file)]
    if location.line is not None:
        properties.append(("line", str(location.line)))
        if location.column is not None:
            properties.append(("col", str(location.column)))
    title = finding.title
    heading = f"{finding.rule} {title.get(lang)}" if title else finding.rule
    properties.append(("title", heading))
    message = finding.message.get(lang)
    if finding.hint:
        message += f"\n↳ {finding.hint.get(lang)}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


class GithubOutput:
    """Annotations for GitHub Actions (shown on the changed lines and in the run summary)."""

    name = "github"
    description = "GitHub Actions annotations (default inside GitHub Actions)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        lang = options.lang
        limit = max(options.max_annotations, 0)
        # The most severe first; within a severity, files in run order and findings
        # in reading order. Only the annotations shown are held, however large the run.
        active_findings = (
            f for report in result.files for f in sorted_findings(report) if f.suppression is None
        )
        counted = (
            (-finding.severity, order, finding) for order, finding in enumerate(active_findings)
        )
        shown = [finding for _, _, finding in heapq.nsmallest(limit, counted)]
        tallied = result.tally()
        waived = tallied.suppressed_counts("waiver")
        baselined = tallied.suppressed_counts("baseline")
        left = {
            severity: count - waived[severity] - baselined[severity]
            for severity, count in tallied.counts().items()
        }
        for finding in shown:
            left[finding.severity] -= 1
        if sum(left.values()):
            cut = WORDS.get(
                "cut",
                lang,
                n=sum(left.values()),
                limit=limit,
                tally=tally(left, lang, nonzero=True),
            )
            title = escape_property(WORDS.get("cut_title", lang))
            stream.write(f"::notice title={title}::{escape_data(cut)}\n")
        for finding in shown:
            stream.write(annotation(finding, lang) + "\n")
        stream.write(summary_sentence(result, lang) + "\n")
        for note in run_notes(result, lang):
            stream.write(visible(note) + "\n")
        quiet = {kind: tallied.suppressed(kind) for kind in ("waiver", "baseline")}
        if sum(quiet.values()):
            kinds = [
                WORDS.get(key, lang, n=quiet[kind])
                for key, kind in (("waived", "waiver"), ("baselined", "baseline"))
                if quiet[kind]
            ]
            stream.write(
                WORDS.get("quiet", lang, n=sum(quiet.values()), kinds=", ".join(kinds)) + "\n"
            )
