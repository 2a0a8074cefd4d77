"""The text form of a report: paragraphs as lines, table rows as tab-separated lines.

This is what copying a report out of Word or a PDF viewer gives (and the form
of the reference report in ``shared/reference``). Lines holding a tab are table
rows; a run of such lines is one table. A blank line inside a run (followed by
more rows) is where the printed table crossed a page: the rows stay one table
and the place is kept as a break. The text form has no page numbers of its own:
pages come from the Daftar Isi (see :mod:`.pages`).
"""

from __future__ import annotations

import re

from .model import Block, Document, Paragraph, Table

__all__ = ["read_text"]

_MARKUP = re.compile(r"\*\*")


def _clean(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def read_text(text: str, label: str) -> Document:
    """The paragraphs and tables of a report's text form, in reading order."""
    blocks: list[Block] = []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    table: Table | None = None
    pending_break = False
    for line in lines:
        if "\t" in line:
            cells = [_clean(cell) for cell in line.split("\t")]
            if table is None:
                table = Table([], len(blocks))
                blocks.append(table)
            elif pending_break:
                table.breaks.add(len(table.rows))
            table.rows.append(cells)
            pending_break = False
            continue
        if not line.strip():
            pending_break = table is not None
            continue
        table = None
        pending_break = False
        body = _clean(line)
        if body.startswith("- "):
            body = body[2:]
        if body:
            blocks.append(Paragraph(body, len(blocks)))
    return Document(label, "txt", blocks)
