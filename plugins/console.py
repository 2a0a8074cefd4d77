"""The ``console`` output: findings grouped by file, for people at a terminal."""

from __future__ import annotations

from typing import TextIO

from sakip_validate.findings import Finding, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def summary_line(result: RunResult, lang: str) -> str:
    """``2 berkas diperiksa: 3 error, 1 warning, 0 info.`` in the chosen language."""
    counts = result.counts()
    files = len(result.files)
    tally = ", ".join(
        f"{counts[severity]} {severity.label}"
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
    )
    if lang == "en":
        noun = "file" if files == 1 else "files"
        if not result.findings:
            return f"{files} {noun} checked: no findings."
        return f"{files} {noun} checked: {tally}."
    if not result.findings:
        return f"{files} berkas diperiksa: tidak ada temuan."
    return f"{files} berkas diperiksa: {tally}."


class ConsoleOutput:
    """Rich text for a terminal; plain text when piped or when NO_COLOR is set."""

    name = "console"
    description = "readable text grouped by file (colours on a terminal)"
    binary = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        from rich.console import Console
        from rich.text import Text

        console = Console(
            file=stream,
            soft_wrap=True,  # never break a file:line:col in two
            no_color=None if options.color is None else not options.color,
            force_terminal=options.color or None,
            highlight=False,
        )
        lang = options.lang
        for report in result.files:
            if not report.findings:
                continue
            console.print(Text(report.label, style="bold underline"))
            for finding in sorted(report.findings, key=Finding.sort_key):
                line = Text("  ")
                line.append(finding.location.display(), style="bold")
                line.append("  ")
                line.append(finding.rule, style="magenta")
                line.append("  ")
                line.append(finding.severity.label, style=_STYLE[finding.severity])
                line.append("  ")
                line.append(finding.message.get(lang))
                console.print(line)
                if finding.table and finding.table not in finding.message.get(lang):
                    where = "di" if lang == "id" else "in"
                    console.print(Text(f"      {where} {finding.table}", style="dim"))
                if finding.hint:
                    console.print(Text(f"      ↳ {finding.hint.get(lang)}", style="dim"))
            console.print()
        console.print(Text(summary_line(result, lang), style="bold"))
