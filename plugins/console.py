"""The ``console`` output: findings grouped by file, for people at a terminal."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, TextIO

from sakip_validate.findings import Finding, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import FileReport, RunResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def one_line(text: str) -> str:
    """Text from a report on one line: a newline or a control character cannot break the layout."""
    return _CONTROL.sub(" ", text.replace("\r\n", " ").replace("\n", " "))


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


def source_excerpt(report: FileReport, finding: Finding) -> tuple[str, str] | None:
    """The source line a finding points at and a caret under its column, like a compiler."""
    line_no, column = finding.location.line, finding.location.column
    if line_no is None or line_no not in report.lines:
        return None
    gutter = f"{line_no:>5} | "
    source = one_line(report.lines[line_no].replace("\t", " "))
    caret = " " * (len(gutter) + max((column or 1) - 1, 0)) + "^"
    return gutter + source, caret


class ConsoleOutput:
    """Rich text for a terminal; plain text when piped or when NO_COLOR is set."""

    name = "console"
    description = "readable text grouped by file (colours on a terminal)"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        from rich.console import Console
        from rich.padding import Padding
        from rich.text import Text

        console = Console(
            file=stream,
            soft_wrap=True,  # never break a file:line:col in two; the terminal wraps
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
                message = one_line(finding.message.get(lang))
                if console.is_terminal:
                    # Long Indonesian messages wrap at words under their header,
                    # indented, instead of running across the terminal's edge.
                    console.print(line)
                    console.print(Padding(Text(message), (0, 0, 0, 6)), soft_wrap=False)
                else:
                    # Piped: one line per finding, for grep and editors' parsers.
                    line.append("  ")
                    line.append(message)
                    console.print(line)
                excerpt = source_excerpt(report, finding)
                if excerpt is not None:
                    console.print(Text(excerpt[0], style="dim"))
                    console.print(Text(excerpt[1], style=_STYLE[finding.severity]))
                table = finding.table.get(lang) if finding.table else None
                if table and table not in finding.message.get(lang):
                    where = "di" if lang == "id" else "in"
                    console.print(Text(f"      {where} {table}", style="dim"))
                if finding.hint:
                    hint = Text(f"↳ {one_line(finding.hint.get(lang))}", style="dim")
                    if console.is_terminal:
                        console.print(Padding(hint, (0, 0, 0, 6)), soft_wrap=False)
                    else:
                        console.print(Text("      ") + hint)
            console.print()
        if result.findings:
            console.print(self._pack_table(result, lang))
        console.print(Text(summary_line(result, lang), style="bold"))

    @staticmethod
    def _pack_table(result: RunResult, lang: str) -> Any:
        from rich import box
        from rich.table import Table

        tally: Counter[tuple[str, Severity]] = Counter(
            (finding.pack, finding.severity) for finding in result.findings
        )
        table = Table(
            title="Temuan per paket aturan" if lang == "id" else "Findings per rule pack",
            box=box.SIMPLE,
            title_justify="left",
        )
        table.add_column("paket" if lang == "id" else "pack")
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            table.add_column(severity.label, justify="right", style=_STYLE[severity])
        for pack in sorted({pack for pack, _ in tally}):
            table.add_row(
                pack,
                *(
                    str(tally[(pack, severity)])
                    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
                ),
            )
        return table
