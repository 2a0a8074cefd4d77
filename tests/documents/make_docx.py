"""Write a Word document laid out like the reference report, from its text form.

Paragraphs become Word paragraphs, tab-separated rows real Word tables, and
each section starts on the physical page its Daftar Isi entry gives (the cover,
Kata Pengantar and Daftar Isi take the first three pages, so printed page 1 is
physical page 4). A blank line inside a table, where the printed table ran over
a page, becomes a page break between two parts of the table.

Run ``python -m tests.documents.make_docx OUT.docx`` to write one by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Pt

from sakip_validate.documents.pages import _matches, table_of_contents
from sakip_validate.documents.text import read_text

# The published reference report as text, shipped with the examples.
REFERENCE = Path(__file__).resolve().parents[2] / "examples/lkjip-kecamatan-jatinegara-2021.txt"
FRONT = 3  # cover, Kata Pengantar (i), Daftar Isi (ii)
TABLE_FONT = 7  # points: as printed reports set wide tables, so that words fit their cells


def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def make_docx(target: Path, text: str | None = None) -> Path:
    text = text if text is not None else reference_text()
    source = read_text(text, "reference")
    entries, toc = table_of_contents(source)
    word = Document()
    word.styles["Normal"].paragraph_format.space_after = Pt(10)
    page = 1
    position = 0

    def new_page() -> None:
        nonlocal page
        word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        page += 1

    for block in source.blocks:
        if hasattr(block, "text"):
            if block.text.upper() in {"KATA PENGANTAR", "DAFTAR ISI"}:
                new_page()
            for k in range(position, len(entries)):
                if _matches(block.text, entries[k]) and block is not toc:
                    if entries[k].page.isdigit():
                        wanted = int(entries[k].page) + FRONT
                        if entries[k].chapter and page >= wanted:
                            new_page()
                        while page < wanted:
                            new_page()
                    position = k + 1
                    break
            word.add_paragraph(block.text)
            continue
        width = max(len(r) for r in block.rows)
        parts: list[list[list[str]]] = [[]]
        for n, row in enumerate(block.rows):
            if n in block.breaks:
                parts.append([])
            parts[-1].append(row + [""] * (width - len(row)))
        for i, part in enumerate(parts):
            if i:
                new_page()
            table = word.add_table(rows=len(part), cols=width)
            table.style = "Table Grid"
            for r, row in enumerate(part):
                for c, cell in enumerate(row):
                    paragraph = table.cell(r, c).paragraphs[0]
                    paragraph.paragraph_format.space_after = Pt(0)
                    paragraph.add_run(cell).font.size = Pt(TABLE_FONT)
    word.save(str(target))
    return target


if __name__ == "__main__":
    print(make_docx(Path(sys.argv[1])))
