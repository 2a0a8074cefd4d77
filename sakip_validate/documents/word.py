"""A Word report (.docx): paragraphs and tables in body order, with physical pages.

Pages are counted from the page breaks Word records in the file: explicit
breaks (``w:br w:type="page"``, "page break before") and the breaks Word
stores where it last laid the pages out (``w:lastRenderedPageBreak``). A
table printed in two parts with only empty paragraphs between them (the
usual way a long table continues on the next page) is read as one table.
"""

from __future__ import annotations

import io
from typing import Any

from .model import Block, Document, Pages, Paragraph, Table

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _breaks(element: Any) -> int:
    count = 0
    for node in element.iter():
        tag = node.tag
        explicit = tag == f"{_W}br" and node.get(f"{_W}type") == "page"
        before = tag == f"{_W}pageBreakBefore" and node.get(f"{_W}val", "true") not in (
            "0",
            "false",
        )
        if explicit or before or tag == f"{_W}lastRenderedPageBreak":
            count += 1
    return count


def _text(element: Any) -> str:
    parts = []
    for node in element.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
    return " ".join("".join(parts).split())


def read_docx(raw: bytes, label: str, max_pages: int) -> Document:
    """The blocks of a Word document; ValueError when it has more than ``max_pages`` pages."""
    from docx import Document as open_docx

    word = open_docx(io.BytesIO(raw))
    body = word.element.body
    blocks: list[Block] = []
    page = 1
    pending_break = False  # only empty paragraphs since the last table
    last_table: Table | None = None
    for element in body.iterchildren():
        if element.tag == f"{_W}p":
            text = _text(element)
            page += _breaks(element)
            if page > max_pages:
                raise ValueError(f"more than {max_pages} pages")
            if not text:
                pending_break = pending_break or (last_table is not None and _breaks(element) > 0)
                continue
            last_table = None
            pending_break = False
            blocks.append(Paragraph(text, len(blocks), Pages(str(page), None, page)))
        elif element.tag == f"{_W}tbl":
            rows: list[list[str]] = []
            row_pages: list[Pages | None] = []
            for tr in element.iterchildren(f"{_W}tr"):
                page += _breaks(tr)
                cells = [_text(tc) for tc in tr.iterchildren(f"{_W}tc")]
                rows.append(cells)
                row_pages.append(Pages(str(page), None, page))
            if page > max_pages:
                raise ValueError(f"more than {max_pages} pages")
            if last_table is not None and pending_break:
                last_table.breaks.add(len(last_table.rows))
                last_table.rows.extend(rows)
                last_table.row_pages.extend(row_pages)
            else:
                last_table = Table(rows, len(blocks), row_pages[0] if row_pages else None)
                last_table.row_pages = row_pages
                blocks.append(last_table)
            pending_break = False
    return Document(label, "docx", blocks, page)
