"""The ``html`` output: one self-contained page to read and filter the findings.

The page needs no network and no server: the style sheet and a small filtering
script (``style.css``, ``filter.js``, package data beside this module) are
inlined, charts are inline SVG drawn here (no library), and a strict
Content-Security-Policy forbids every fetch and runs only that script. Every
text from a report is escaped, so report content stays text. Without
JavaScript every finding is shown; the script only adds the filters.

The report's own tables (the capaian chart over the kategori scale in force,
budget absorption, the budget tree) are drawn only for files the rules ran on.
"""

from __future__ import annotations

from typing import TextIO

from sakip_validate.outputs import RenderOptions
from sakip_validate.result import RunResult

from .assets import content_security_policy, script, style
from .page import render_html

__all__ = ["HtmlOutput", "content_security_policy", "render_html", "script", "style"]


class HtmlOutput:
    """One self-contained HTML page: summary, filterable findings, charts and budget tree."""

    name = "html"
    needs_data = True  # the charts and the budget tree show printed figures
    description = "self-contained HTML page (filters, budget tree, charts; no network)"
    binary = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_html(result, options.lang))
