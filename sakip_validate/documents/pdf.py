"""A PDF report: the text layer of each page, its tables found by their ruling lines.

pdfplumber (pdfminer.six underneath) reads the characters each page draws and
finds tables from the lines that rule them. Text lines outside tables are
joined into paragraphs where the gap between lines is no wider than a line.
A table that ends one page and continues at the top of the next (nothing but
space between) is read as one table with a break. A PDF is scanned when its
pages draw no characters at all: then OCR is needed, and the import says so.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber

from .model import Block, Document, Pages, Paragraph, Table

__all__ = ["NoTextLayer", "read_pdf"]


class NoTextLayer(ValueError):
    """The PDF has pages but no text on any: scanned images."""


def _inside(line: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    middle = (line["top"] + line["bottom"]) / 2
    return any(top - 1 <= middle <= bottom + 1 for _, top, _, bottom in boxes)


def _cell_text(words: list[dict[str, Any]], box: tuple[float, float, float, float] | None) -> str:
    """A cell's text, its lines joined; a word broken at the cell's right edge is rejoined."""
    if box is None:
        return ""
    x0, top, x1, bottom = box
    inside = [
        w
        for w in words
        if x0 - 0.5 <= (w["x0"] + w["x1"]) / 2 <= x1 + 0.5
        and top - 0.5 <= (w["top"] + w["bottom"]) / 2 <= bottom + 0.5
    ]
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(inside, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    if not lines:
        return ""
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    widest = max(line[-1]["x1"] for line in lines)
    text = " ".join(w["text"] for w in lines[0])
    for n in range(1, len(lines)):
        last = lines[n - 1][-1]
        following = lines[n][0]["text"]
        char = (last["x1"] - last["x0"]) / max(len(last["text"]), 1)
        # LibreOffice and Word break a word only when it alone overfills the line: the
        # broken part reaches the widest line's edge and the next line continues it.
        broken = (
            len(lines[n - 1]) == 1
            and len(last["text"]) >= 3
            and last["x1"] >= widest - 0.5 * char
            and last["text"][-1:].isalnum()
            and (following[:1].islower() or following[:1].isdigit())
        )
        text += ("" if broken else " ") + " ".join(w["text"] for w in lines[n])
    return " ".join(text.split())


def read_pdf(raw: bytes, label: str, max_pages: int) -> Document:
    """The blocks of a PDF; ValueError beyond ``max_pages``, NoTextLayer for a scan."""
    blocks: list[Block] = []
    texts = 0
    with pdfplumber.open(io.BytesIO(raw)) as pdf:
        count = len(pdf.pages)
        if count > max_pages:
            raise ValueError(f"{count} pages, more than {max_pages}")
        last_table: Table | None = None
        for number, page in enumerate(pdf.pages, 1):
            pages = Pages(str(number), None, number)
            found = page.find_tables()
            boxes = [t.bbox for t in found]
            items: list[tuple[float, Any]] = [(t.bbox[1], t) for t in found]
            lines = [ln for ln in page.extract_text_lines() if not _inside(ln, boxes)]
            texts += len(lines) + len(found)
            items.extend((ln["top"], ln) for ln in lines)
            items.sort(key=lambda item: item[0])
            paragraph: list[str] = []
            previous_bottom: float | None = None
            first_on_page = True
            words: list[dict[str, Any]] | None = None

            def flush(paragraph: list[str] = paragraph, pages: Pages = pages) -> None:
                if paragraph:
                    blocks.append(Paragraph(" ".join(paragraph), len(blocks), pages))
                    paragraph.clear()

            for top, item in items:
                if isinstance(item, dict):
                    height = item["bottom"] - item["top"]
                    if previous_bottom is not None and top - previous_bottom > 0.6 * height:
                        flush()
                    paragraph.append(" ".join(item["text"].split()))
                    previous_bottom = item["bottom"]
                    last_table = None
                    first_on_page = False
                    continue
                flush()
                previous_bottom = None
                if words is None:
                    words = page.extract_words()
                rows = [[_cell_text(words, cell) for cell in row.cells] for row in item.rows]
                if last_table is not None and first_on_page:
                    last_table.breaks.add(len(last_table.rows))
                    last_table.rows.extend(rows)
                    last_table.row_pages.extend([pages] * len(rows))
                else:
                    last_table = Table(rows, len(blocks), pages)
                    last_table.row_pages = [pages] * len(rows)
                    blocks.append(last_table)
                first_on_page = False
            flush()
            if not items:
                continue
            if not isinstance(items[-1][1], dict):
                pass  # a table ends the page: it may continue on the next
            else:
                last_table = None
    if count and texts == 0:
        raise NoTextLayer(label)
    return Document(label, "pdf", blocks, count)
