"""A published report as the importer sees it: paragraphs and tables in reading order.

Each reader (text, Word, PDF) turns its file into a :class:`Document`; everything
after that (recognising tables, mapping columns, tying rows) works on this one
shape and never on the file format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["txt", "docx", "pdf"]


@dataclass(frozen=True, slots=True)
class Pages:
    """The printed pages a block stands on: one page ("40") or a span ("40-47").

    ``physical``: the page counted from the document's start (1 = first page),
    when the file has pages at all (Word breaks, PDF); the text form has none.
    """

    first: str
    last: str | None = None
    physical: int | None = None

    @property
    def halaman(self) -> int | str:
        """The value for a ``halaman`` field: a number when a single arabic page."""
        if self.last and self.last != self.first:
            return f"{self.first}-{self.last}"
        return int(self.first) if self.first.isdigit() else self.first

    def __str__(self) -> str:
        return str(self.halaman)


@dataclass(slots=True)
class Paragraph:
    """A paragraph (or list item, heading) of running text."""

    text: str
    index: int
    pages: Pages | None = None


@dataclass(slots=True)
class Table:
    """A printed table: its rows of cell texts as printed (cells may be empty).

    ``breaks``: indexes of rows that start a new page (the table runs over a
    page break there); readers that cannot see pages leave it empty, the text
    form marks a blank line inside a table as a break.
    """

    rows: list[list[str]]
    index: int
    pages: Pages | None = None
    breaks: set[int] = field(default_factory=set)
    row_pages: list[Pages | None] = field(default_factory=list)


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    """A whole report read from one file."""

    label: str
    kind: Kind
    blocks: list[Block]
    page_count: int | None = None

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
