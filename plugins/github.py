"""The ``github`` output: GitHub Actions workflow commands, one annotation per finding.

``::error file=F,line=L,col=C,title=ID title::message`` (``::warning`` for a
warning, ``::notice`` for info), then a plain summary line. Values are escaped
as the Actions toolkit does (``%`` ``\\r`` ``\\n`` in the message; also ``:`` and
``,`` in properties), so every command stays on one line and a report text such
as ``::error::`` or a line break cannot start a command of its own. The CLI picks
this format by itself when ``GITHUB_ACTIONS=true`` and no ``--format`` is given.
"""

from __future__ import annotations

from typing import TextIO

from sakip_validate.domain.text import visible
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .summary import sorted_findings, summary_sentence

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


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
        for report in result.files:
            for finding in sorted_findings(report):
                stream.write(annotation(finding, options.lang) + "\n")
        stream.write(summary_sentence(result, options.lang) + "\n")
