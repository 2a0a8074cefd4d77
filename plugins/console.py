"""The ``console`` output: findings grouped by file, for people at a terminal.

A waived finding or one the baseline holds is listed like the others, marked
(``[dikecualikan]``, ``[di baseline]``; ``[baru]`` for the counted ones of a
baseline run) with the waiver's reason, approver and last day beneath it. After
the counts come the baseline's sentence, the findings it lists that are fixed
(the first :data:`FIXED_SHOWN`) and the number of skipped files.
"""

from __future__ import annotations

from typing import Any, TextIO

from sakip_validate.domain.labels import Labels, severity_word
from sakip_validate.domain.text import cut_around, visible
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import FileReport, RunResult

from .summary import (
    SEVERITIES,
    fixed_text,
    pack_counts,
    run_notes,
    skipped_rules_sentence,
    sorted_findings,
    state_word,
    summary_sentence,
    suppression_text,
)

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

WORDS = Labels(
    {
        "in_table": ("di {table}", "in {table}"),
        "packs_title": ("Temuan per paket aturan", "Findings per rule pack"),
        "pack": ("paket", "pack"),
        "fixed_title": ("Sudah diperbaiki sejak baseline:", "Fixed since the baseline:"),
        "fixed_more": ("… dan {n} lainnya", "… and {n} more"),
    }
)

# The fixed findings a terminal lists; the rest are counted ("… and 12 more").
FIXED_SHOWN = 10


def one_line(text: str) -> str:
    """Text from a report on one line, every control character shown escaped.

    A line break becomes a space (it only wraps a message); anything else that
    could drive a terminal or reorder a line is shown as an escape.
    """
    return visible(text.replace("\r\n", " ").replace("\n", " "))


# A quoted source line is cut to this many characters around the caret: a
# minified JSON file is one line, and quoting it whole per finding would print
# megabytes.
SOURCE_WIDTH = 120


def source_excerpt(report: FileReport, finding: Finding) -> tuple[str, str] | None:
    """The source line a finding points at and a caret under its column, like a compiler."""
    line_no, column = finding.location.line, finding.location.column
    if line_no is None or line_no not in report.lines:
        return None
    gutter = f"{line_no:>5} | "
    raw, at = cut_around(report.lines[line_no], column or 1, SOURCE_WIDTH)
    # Escapes widen the text before the caret: measure it as shown.
    before = visible(raw[: max(at - 1, 0)])
    source = visible(raw)
    caret = " " * (len(gutter) + len(before)) + "^"
    return gutter + source, caret


class ConsoleOutput:
    """Rich text for a terminal; plain text when piped or when NO_COLOR is set."""

    name = "console"
    description = "readable text grouped by file (colours on a terminal)"
    binary = False
    needs_data = False
    direct = True  # piped: write each line directly rather than through rich (same text)

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
        # Piped, rich writes each text as it is, its tabs expanded: writing that
        # directly is several times faster than rich's rendering, which a run
        # over thousands of reports would otherwise spend most of its output time in.
        plain = self.direct and not console.is_terminal

        def show(text: Any = None, **keywords: Any) -> None:
            if not plain:
                console.print(*(() if text is None else (text,)), **keywords)
            elif text is None:
                stream.write("\n")
            else:
                written = text.copy()
                written.expand_tabs(console.tab_size)
                stream.write(written.plain + "\n")

        lang = options.lang
        for report in result.files:
            not_applicable = skipped_rules_sentence(report, lang)
            if not report.findings and not_applicable is None:
                continue
            show(Text(visible(report.label), style="bold underline"))
            for finding in sorted_findings(report):
                line = Text("  ")
                line.append(visible(finding.location.display()), style="bold")
                line.append("  ")
                line.append(finding.rule, style="magenta")
                line.append("  ")
                line.append(severity_word(finding.severity, lang), style=_STYLE[finding.severity])
                state = state_word(finding, lang, baseline=result.baseline is not None)
                if state:
                    line.append(f"  [{state}]", style="dim" if finding.suppression else "bold")
                message = one_line(finding.message.get(lang))
                if console.is_terminal:
                    # Long Indonesian messages wrap at words under their header,
                    # indented, instead of running across the terminal's edge.
                    show(line)
                    show(Padding(Text(message), (0, 0, 0, 6)), soft_wrap=False)
                else:
                    # Piped: one line per finding, for grep and editors' parsers.
                    line.append("  ")
                    line.append(message)
                    show(line)
                excerpt = source_excerpt(report, finding)
                if excerpt is not None:
                    show(Text(excerpt[0], style="dim"))
                    show(Text(excerpt[1], style=_STYLE[finding.severity]))
                table = finding.table.get(lang) if finding.table else None
                if table and table not in finding.message.get(lang):
                    where = WORDS.get("in_table", lang, table=one_line(table))
                    show(Text(f"      {where}", style="dim"))
                notes = [f"↳ {finding.hint.get(lang)}"] if finding.hint else []
                if finding.suppression is not None:
                    notes.append(f"✓ {suppression_text(finding.suppression, lang)}")
                for note in notes:
                    shown = Text(one_line(note), style="dim")
                    if console.is_terminal:
                        show(Padding(shown, (0, 0, 0, 6)), soft_wrap=False)
                    else:
                        show(Text("      ") + shown)
            if not_applicable is not None:
                show(Text(f"  {one_line(not_applicable)}", style="dim"))
            show()
        if result.tally().findings:
            console.print(self._pack_table(result, lang))
        console.print(Text(summary_sentence(result, lang), style="bold"))
        for note in run_notes(result, lang):
            console.print(Text(one_line(note)))
        if result.baseline is not None and result.baseline.fixed:
            console.print(Text(WORDS.get("fixed_title", lang)))
            fixed = result.baseline.fixed
            for entry in fixed[:FIXED_SHOWN]:
                console.print(Text(f"  {one_line(fixed_text(result.baseline, entry, lang))}"))
            if len(fixed) > FIXED_SHOWN:
                more = WORDS.get("fixed_more", lang, n=len(fixed) - FIXED_SHOWN)
                console.print(Text(f"  {more}", style="dim"))

    @staticmethod
    def _pack_table(result: RunResult, lang: Lang) -> Any:
        from rich import box
        from rich.table import Table

        table = Table(title=WORDS.get("packs_title", lang), box=box.SIMPLE, title_justify="left")
        table.add_column(WORDS.get("pack", lang))
        for severity in SEVERITIES:
            table.add_column(severity_word(severity, lang), justify="right", style=_STYLE[severity])
        for pack, counts in pack_counts(result).items():
            if sum(counts.values()):  # a terminal lists only the packs that found something
                table.add_row(pack, *(str(counts[severity]) for severity in SEVERITIES))
        return table
