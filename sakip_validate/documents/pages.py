"""Printed page numbers from the report's Daftar Isi.

The Daftar Isi lists each section with the printed page it starts on. A reader
that knows physical pages (Word page breaks, PDF pages) learns the offset
between physical and printed numbering from the first chapter heading it meets;
the text form has no pages at all, so each block gets the span of its section:
from the page the section starts to the page the next one starts (sections
start mid-page), or to the page before the next chapter. This is how the hand
transcription of the reference report gives its ``halaman``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document, Pages, Paragraph, Table

__all__ = ["TocEntry", "assign_pages", "table_of_contents"]

_PAGE = re.compile(r"^(?:[ivxlc]+|[0-9]{1,4})$", re.IGNORECASE)
_CHAPTER = re.compile(r"^(bab [ivx]+|lampiran|kata pengantar|daftar isi)\b")


@dataclass(frozen=True, slots=True)
class TocEntry:
    title: str  # normalised
    page: str
    chapter: bool


def normal_heading(text: str) -> str:
    text = text.lower().replace(".", " ")
    text = re.sub(r"[^0-9a-z ]+", " ", text)
    return " ".join(text.split())


def table_of_contents(document: Document) -> tuple[list[TocEntry], Table | None]:
    """The Daftar Isi entries (title, printed page) and the table that holds them."""
    seen_heading = False
    for block in document.blocks:
        if isinstance(block, Paragraph):
            seen_heading = normal_heading(block.text) == "daftar isi"
            continue
        if not seen_heading:
            continue
        entries = []
        for row in block.rows:
            cells = [c for c in row if c.strip()]
            if len(cells) >= 2 and _PAGE.match(cells[-1].strip()):
                title = normal_heading(" ".join(cells[:-1]))
                if title:
                    entries.append(TocEntry(title, cells[-1].strip(), bool(_CHAPTER.match(title))))
        if entries:
            return entries, block
        seen_heading = False
    return [], None


def _matches(paragraph: str, entry: TocEntry) -> bool:
    text = normal_heading(paragraph)
    if not text or len(text) > 120:
        return False
    if text == entry.title:
        return True
    # "BAB I" printed on its own line above "PENDAHULUAN"
    return bool(re.fullmatch(r"bab [ivx]+", text)) and entry.title.startswith(text + " ")


def _sections(document: Document, entries: list[TocEntry]) -> list[int | None]:
    """The Daftar Isi entry each block stands under.

    A heading may be printed twice (§1.5 "Sistematika Penulisan" lists "Bab II
    Perencanaan Kinerja" too): of the paragraphs matching the entries, the
    longest chain in Daftar Isi order is taken, and of equal chains the one
    whose headings stand latest (the real heading comes after any mention).
    """
    candidates = [
        (k, p)
        for k, entry in enumerate(entries)
        for p, block in enumerate(document.blocks)
        if isinstance(block, Paragraph) and _matches(block.text, entry)
    ]
    best: list[tuple[int, int, int]] = []  # (chain length, sum of positions, previous index)
    for i, (k, p) in enumerate(candidates):
        length, total, previous = 1, p, -1
        for j in range(i):
            kj, pj = candidates[j]
            if kj < k and pj < p:
                lj, tj, _ = best[j]
                if (lj + 1, tj + p) > (length, total):
                    length, total, previous = lj + 1, tj + p, j
        best.append((length, total, previous))
    chosen: dict[int, int] = {}
    if best:
        i = max(range(len(best)), key=lambda n: (best[n][0], best[n][1]))
        while i >= 0:
            k, p = candidates[i]
            chosen[p] = k
            i = best[i][2]
    section: list[int | None] = []
    current: int | None = None
    for p in range(len(document.blocks)):
        current = chosen.get(p, current)
        section.append(current)
    return section


def _is_arabic(page: str) -> bool:
    return page.isdigit()


def assign_pages(document: Document) -> list[TocEntry]:
    """Set ``pages`` on every block (and table row) the Daftar Isi can place; return it."""
    entries, toc_table = table_of_contents(document)
    if not entries:
        return []
    section = _sections(document, entries)
    offset = _physical_offset(document, entries, section)
    for block, k in zip(document.blocks, section, strict=True):
        if block is toc_table:
            k = next((i for i, e in enumerate(entries) if e.title == "daftar isi"), k)
        physical = block.pages.physical if block.pages else None
        if physical is not None and offset is not None and k is not None:
            printed = physical + offset
            if _is_arabic(entries[k].page) and printed >= 1:
                block.pages = Pages(str(printed), None, physical)
            else:
                block.pages = Pages(entries[k].page, None, physical)
            if isinstance(block, Table):
                _row_pages(block, offset)
            continue
        if k is None:
            continue
        block.pages = _span(entries, k)
    return entries


def _row_pages(table: Table, offset: int) -> None:
    pages: list[Pages | None] = []
    for row_page in table.row_pages:
        if row_page is None or row_page.physical is None:
            pages.append(row_page)
        else:
            printed = row_page.physical + offset
            pages.append(Pages(str(printed), None, row_page.physical))
    table.row_pages = pages
    if pages and pages[0] is not None and pages[-1] is not None:
        first, last = pages[0], pages[-1]
        if first.first != last.first:
            table.pages = Pages(first.first, last.first, first.physical)


def _span(entries: list[TocEntry], k: int) -> Pages:
    start = entries[k].page
    if not _is_arabic(start) or k + 1 >= len(entries):
        return Pages(start)
    following = entries[k + 1]
    if not _is_arabic(following.page):
        return Pages(start)
    end = int(following.page) - (1 if following.chapter else 0)
    end = max(end, int(start))
    return Pages(start, str(end) if end != int(start) else None)


def _physical_offset(
    document: Document, entries: list[TocEntry], section: list[int | None]
) -> int | None:
    """Printed minus physical page, from the first heading with an arabic page."""
    previous: int | None = None
    for block, k in zip(document.blocks, section, strict=True):
        if k is None or k == previous:
            previous = k
            continue
        previous = k
        physical = block.pages.physical if block.pages else None
        if physical is not None and _is_arabic(entries[k].page):
            return int(entries[k].page) - physical
    return None
