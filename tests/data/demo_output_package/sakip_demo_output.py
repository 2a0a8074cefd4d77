"""A demo output format: one tab-separated line per finding."""

from __future__ import annotations

from typing import TextIO


class TsvOutput:
    """rule, severity, file, line, column, message — one finding per line."""

    name = "demo_tsv"
    description = "demo: tab-separated findings"
    binary = False
    needs_data = False

    def render(self, result, options, stream: TextIO) -> None:  # type: ignore[no-untyped-def]
        for finding in result.findings:
            loc = finding.location
            fields = [
                finding.rule,
                finding.severity.label,
                loc.file,
                str(loc.line),
                str(loc.column),
            ]
            message = finding.message.get(options.lang).replace("\t", " ").replace("\n", " ")
            stream.write("\t".join([*fields, message]) + "\n")
