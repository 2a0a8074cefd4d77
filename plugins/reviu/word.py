"""The ``reviu-docx`` output: the review note as a Word document to edit, sign and file.

The same note as the ``reviu`` Markdown (:mod:`.note` says what it holds), laid
out as a working paper: A4 with margins for a binding, a letterhead with the
APIP's name, Word heading styles (the navigation pane lists every section,
chapter and printed table), fields in label/value tables, findings in tables
whose header row repeats on every page, signature blocks side by side, the
draft Pernyataan Telah Direviu and the technical references each on a page of
their own, the report's name at the top of every page and "Halaman X dari Y"
at the bottom. Blank particulars are dotted lines to fill in.

python-docx is imported when a document is rendered, not when the plugin is
listed, so the command line starts as fast without it. The bytes are
reproducible: the document's dates are the run's recorded time
(``manifest.generated_at``), else ``SOURCE_DATE_EPOCH``, else 1 January 1980,
and the zip entries carry that same time.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import TYPE_CHECKING, Any, BinaryIO

from sakip_validate.outputs import RenderOptions
from sakip_validate.papers import Person
from sakip_validate.result import RunResult

from .note import (
    BLANK,
    Block,
    Bullets,
    Fields,
    Note,
    Paragraph,
    Points,
    Recommendations,
    Section,
    Signatures,
    Statement,
    Table,
    Team,
    build_notes,
)

if TYPE_CHECKING:
    from docx.document import Document as DocumentType
    from docx.table import Table as DocxTable
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph as DocxParagraph

FIXED_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
FONT = "Arial"
# Page: A4, margins in millimetres (left wider, for binding).
PAGE = {"width": 210, "height": 297, "top": 25, "bottom": 20, "left": 30, "right": 20}
TEXT_WIDTH_MM = PAGE["width"] - PAGE["left"] - PAGE["right"]
HEADER_FILL = "D9D9D9"
GREY = (0x59, 0x59, 0x59)
# XML 1.0 forbids these characters; a report's text may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: object) -> str:
    """``text`` as Word can hold it: characters XML forbids dropped, newlines as spaces."""
    return _NOT_XML.sub("", str(text)).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def document_time(result: RunResult) -> dt.datetime:
    """The document's date: the recorded run time, else SOURCE_DATE_EPOCH, else 1980."""
    stamp = result.manifest.generated_at if result.manifest else None
    if stamp:
        try:
            when = dt.datetime.fromisoformat(stamp)
        except ValueError:
            when = None
        if when is not None:
            return when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    return FIXED_DATE


_APPLICATION = re.compile(rb"<Application>[^<]*</Application>")


def reproducible_zip(data: bytes, when: dt.datetime) -> bytes:
    """The package with every entry stamped ``when`` (zip keeps no time zone: UTC), and
    the application that wrote it named as this tool rather than the template's author."""
    stamp = max(when.astimezone(dt.UTC), FIXED_DATE)  # a zip date starts in 1980
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/app.xml":
                content = _APPLICATION.sub(b"<Application>sakip-validate</Application>", content)
            target.writestr(entry, content)
    return out.getvalue()


class _Writer:
    """Lays the notes out in one python-docx document."""

    def __init__(self, when: dt.datetime, *, single: bool = True) -> None:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.shared import Mm

        self.docx = docx
        self.document: DocumentType = docx.Document()
        self.when = when
        self._styles()
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width = Mm(PAGE["width"])
        section.page_height = Mm(PAGE["height"])
        section.top_margin = Mm(PAGE["top"])
        section.bottom_margin = Mm(PAGE["bottom"])
        section.left_margin = Mm(PAGE["left"])
        section.right_margin = Mm(PAGE["right"])
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)
        self.first = True
        self.single = single

    # -- styles -------------------------------------------------------------------

    def _styles(self) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Pt, RGBColor

        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(11)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attribute), FONT)
        lang = normal.element.get_or_add_rPr().find(qn("w:lang"))
        if lang is None:
            lang = self.docx.oxml.OxmlElement("w:lang")
            normal.element.get_or_add_rPr().append(lang)
        lang.set(qn("w:val"), "id-ID")  # spelling and hyphenation in Bahasa Indonesia
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        sizes = {1: 14, 2: 12, 3: 11, 4: 11}
        for level, size in sizes.items():
            style = styles[f"Heading {level}"]
            style.font.name = FONT
            style.font.size = Pt(size)
            style.font.bold = True
            style.font.italic = level == 4
            style.font.color.rgb = RGBColor(0, 0, 0)
            heading_fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
            for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
                heading_fonts.set(qn(attribute), FONT)
            for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
                heading_fonts.attrib.pop(qn(theme), None)
            style.paragraph_format.space_before = Pt(14 if level <= 2 else 10)
            style.paragraph_format.space_after = Pt(6)
            style.paragraph_format.keep_with_next = True
        styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        # Table text by size: tight spacing, single lines.
        from docx.enum.style import WD_STYLE_TYPE

        self.cell_styles: dict[float, str] = {}
        for size, name in (
            (11, "Isi Tabel"),
            (10, "Isi Tabel 10"),
            (9, "Isi Tabel 9"),
            (8, "Isi Tabel 8"),
        ):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            style.font.size = Pt(size)
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.line_spacing = 1.0
            self.cell_styles[size] = style.style_id

    # -- small pieces ------------------------------------------------------------

    def paragraph(
        self,
        text: str = "",
        *,
        style: str | None = None,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        align: str | None = None,
        container: Any = None,
        keep: bool = False,
        grey: bool = False,
    ) -> DocxParagraph:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt, RGBColor

        target = container if container is not None else self.document
        paragraph: DocxParagraph = target.add_paragraph(style=style)
        if text:
            run = paragraph.add_run(xml_text(text))
            run.bold = bold or None
            run.italic = italic or None
            if size is not None:
                run.font.size = Pt(size)
            if grey:
                run.font.color.rgb = RGBColor(*GREY)
        if align is not None:
            paragraph.alignment = {
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "right": WD_ALIGN_PARAGRAPH.RIGHT,
                "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
                "left": WD_ALIGN_PARAGRAPH.LEFT,
            }[align]
        if keep:
            paragraph.paragraph_format.keep_with_next = True
        return paragraph

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(xml_text(text), level)

    def cell_text(
        self,
        cell: _Cell,
        text: str,
        *,
        bold: bool = False,
        italic: bool = False,
        size: float | None = None,
        first: bool = True,
        align: str | None = None,
    ) -> DocxParagraph:
        """Write ``text`` in ``cell``: into its empty first paragraph, or a new one.

        The size and spacing come from a paragraph style of the table text (one
        attribute per paragraph), not from each run: a table of thousands of rows
        is then written in a few seconds.
        """
        paragraph: DocxParagraph = cell.paragraphs[0] if first else cell.add_paragraph()
        paragraph._p.style = self.cell_styles[size or 11]
        if text:
            run = paragraph.add_run(xml_text(text))
            if bold:
                run.bold = True
            if italic:
                run.italic = True
        if align is not None:
            self._align(paragraph, align)
        return paragraph

    @staticmethod
    def _points(value: float) -> Any:
        from docx.shared import Pt

        return Pt(value)

    @staticmethod
    def _align(paragraph: DocxParagraph, align: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph.alignment = {
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
        }[align]

    def table(
        self,
        columns: int,
        widths_mm: list[float],
        *,
        header: tuple[str, ...] | None = None,
        grid: bool = True,
    ) -> DocxTable:
        """A table of fixed column widths; ``header`` is a shaded row repeated on every page."""
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.shared import Mm

        table: DocxTable = self.document.add_table(rows=0, cols=columns)
        if grid:
            table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for column, width in zip(table.columns, widths_mm, strict=True):
            column.width = Mm(width)
        if header is not None:
            cells = self.row(table)
            for cell, text in zip(cells, header, strict=True):
                self.cell_text(cell, text, bold=True, size=9)
                self._shade(cell)
            self._repeat_header(table.rows[0])
        return table

    def row(self, table: DocxTable, *, keep: bool = True) -> list[_Cell]:
        """The cells of a new row of ``table``; ``keep``: the row never splits across pages."""
        from docx.oxml import OxmlElement
        from docx.table import _Cell

        # add_row gives each cell its column's width from the grid.
        row = table.add_row()  # type: ignore[no-untyped-call]  # (python-docx leaves it untyped)
        # Cells from the row's own XML: python-docx's row.cells walks the whole table,
        # which makes a table of thousands of rows quadratic.
        cells = [_Cell(tc, table) for tc in row._tr.tc_lst]
        if keep:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        return cells

    @staticmethod
    def _repeat_header(row: Any) -> None:
        from docx.oxml import OxmlElement

        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))

    @staticmethod
    def _shade(cell: _Cell) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)

    def _field_code(self, paragraph: DocxParagraph, code: str, shown: str) -> None:
        """A Word field (``PAGE``, ``NUMPAGES``) with ``shown`` until Word updates it."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        def run_with(element: Any) -> None:
            run = paragraph.add_run()
            run._r.append(element)

        begin = OxmlElement("w:fldChar")
        begin.set(qn("w:fldCharType"), "begin")
        run_with(begin)
        instruction = OxmlElement("w:instrText")
        instruction.set(qn("xml:space"), "preserve")
        instruction.text = f" {code} "
        run_with(instruction)
        separate = OxmlElement("w:fldChar")
        separate.set(qn("w:fldCharType"), "separate")
        run_with(separate)
        paragraph.add_run(shown)
        end = OxmlElement("w:fldChar")
        end.set(qn("w:fldCharType"), "end")
        run_with(end)

    @staticmethod
    def _bottom_border(paragraph: DocxParagraph) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "double"), ("w:sz", "6"), ("w:space", "4")):
            bottom.set(qn(key), value)
        bottom.set(qn("w:color"), "000000")
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)

    # -- the page frame ------------------------------------------------------------

    def start_note(self, note: Note) -> None:
        """A new section (a new page after the first note) with the note's running head."""
        from docx.enum.section import WD_SECTION
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        if self.first:
            section = self.document.sections[0]
            self.first = False
        else:
            section = self.document.add_section(WD_SECTION.NEW_PAGE)
        # Each note counts its own pages from 1.
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        section._sectPr.append(numbering)
        header = section.header
        header.is_linked_to_previous = False
        head = header.paragraphs[0]
        head.text = ""
        run = head.add_run(xml_text(note.running_head))
        run.font.size = self._points(8)
        head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        footer = section.footer
        footer.is_linked_to_previous = False
        foot = footer.paragraphs[0]
        foot.text = ""
        foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
        foot.add_run("Halaman ")
        self._field_code(foot, "PAGE", "1")
        if self.single:
            # NUMPAGES counts the whole file: right for one note only. (SECTIONPAGES would
            # count each note's, but LibreOffice does not compute it.)
            foot.add_run(" dari ")
            self._field_code(foot, "NUMPAGES", "1")
        for run in foot.runs:
            run.font.size = self._points(9)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # -- the note -----------------------------------------------------------------------

    def note(self, note: Note) -> None:
        self.start_note(note)
        for line in note.kop:
            kop = self.paragraph(line, bold=True, size=14, align="center")
            self._bottom_border(kop)
        self.heading(note.title, 1)
        if note.subtitle:
            self.paragraph(note.subtitle, bold=True, align="center")
        if note.notice:
            self.paragraph(note.notice, italic=True, size=9, align="center", grey=True)
        for section in note.sections:
            self.section(section)

    def section(self, section: Section) -> None:
        if section.new_page:
            self.page_break()
        self.heading(section.heading, 2)
        for block in section.blocks:
            self.block(block)

    def block(self, block: Block) -> None:
        if isinstance(block, Paragraph):
            if block.kind == "subheading":
                self.heading(block.text, 3)
            elif block.kind == "note":
                self.paragraph(block.text, italic=True, align="justify")
            else:
                self.paragraph(block.text, align="justify")
        elif isinstance(block, Fields):
            self.fields(block)
        elif isinstance(block, Team):
            self.team(block)
        elif isinstance(block, Table):
            self.simple_table(block)
        elif isinstance(block, Bullets):
            for item in block.items:
                self.paragraph(item, style="List Bullet")
        elif isinstance(block, Points):
            self.points(block)
        elif isinstance(block, Recommendations):
            self.recommendations(block)
        elif isinstance(block, Signatures):
            self.signatures(block)
        else:
            self.statement(block)

    def fields(self, block: Fields) -> None:
        widths = [55.0, 5.0, TEXT_WIDTH_MM - 60.0]
        table = self.table(3, widths, grid=False)
        for field in block.fields:
            cells = self.row(table)
            self.cell_text(cells[0], field.label)
            self.cell_text(cells[1], ":")
            self.cell_text(cells[2], field.value or BLANK)
        self.paragraph()

    def team(self, block: Team) -> None:
        widths = [33.0, 47.0, 49.0, TEXT_WIDTH_MM - 129.0]
        table = self.table(4, widths, header=("Peran", "Nama", "NIP", "Jabatan"))
        for member in block.rows:
            cells = self.row(table)
            person = member.person
            self.cell_text(cells[0], member.role, size=10)
            self.cell_text(cells[1], person.nama or BLANK[:25], size=10)
            self.cell_text(cells[2], person.nip or BLANK[:25], size=10)
            self.cell_text(cells[3], person.jabatan or BLANK[:15], size=10)
        self.paragraph()

    def simple_table(self, block: Table) -> None:
        weights = list(block.widths) or [1] * len(block.header)
        total = sum(weights)
        narrow = len(block.header) <= 2
        width = TEXT_WIDTH_MM * (0.5 if narrow else 1.0)
        widths = [width * w / total for w in weights]
        table = self.table(len(block.header), widths, header=block.header)
        for values in block.rows:
            cells = self.row(table)
            for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
                align = "right" if narrow and index == len(values) - 1 else None
                self.cell_text(cell, value, size=None if narrow else 9, align=align)
        self.paragraph()

    def points(self, block: Points) -> None:
        widths = [10.0, 80.0, 28.0, 28.0, TEXT_WIDTH_MM - 146.0]
        header = ("No", "Uraian catatan", "Tertulis", "Seharusnya", "Rek.")
        for chapter in block.chapters:
            if chapter.heading:
                self.heading(chapter.heading, 3)
            for group in chapter.groups:
                if group.heading:
                    self.heading(group.heading, 4)
                if group.criteria:
                    self.paragraph(
                        f"Kriteria untuk catatan berikut: {group.criteria}", size=9, keep=True
                    )
                table = self.table(5, widths, header=header)
                for point in group.points:
                    cells = self.row(table)
                    self.cell_text(cells[0], str(point.number), bold=True, size=10)
                    self.cell_text(cells[1], point.condition, size=10)
                    self.cell_text(
                        cells[1], f"Letak: {point.place}", italic=True, size=9, first=False
                    )
                    self.cell_text(
                        cells[1], f"Tingkat: {point.severity}", italic=True, size=9, first=False
                    )
                    if point.criteria:
                        self.cell_text(cells[1], f"Kriteria: {point.criteria}", size=8, first=False)
                    if point.mark:
                        self.cell_text(cells[1], point.mark, italic=True, size=8, first=False)
                    # a long printed text in a narrow column: smaller, so words stay whole
                    for cell, value in ((cells[2], point.printed), (cells[3], point.expected)):
                        self.cell_text(cell, value or "-", size=9 if len(value) <= 24 else 8)
                    number = "-" if point.recommendation is None else str(point.recommendation)
                    self.cell_text(cells[4], number, size=10, align="center")
                self.paragraph()

    def recommendations(self, block: Recommendations) -> None:
        widths = [12.0, 88.0, TEXT_WIDTH_MM - 100.0]
        table = self.table(3, widths, header=("No", "Rekomendasi", "Untuk catatan"))
        for item in block.items:
            cells = self.row(table, keep=False)
            self.cell_text(cells[0], str(item.number), bold=True, size=10)
            self.cell_text(cells[1], item.text, size=10)
            numbers = ", ".join(str(n) for n in item.points)
            self.cell_text(cells[2], f"Nomor {numbers}", bold=True, size=9)
            for place in item.places:
                self.cell_text(cells[2], place, size=8, first=False)
        self.paragraph()

    def _signature_cell(self, cell: _Cell, lines: list[tuple[str, bool]]) -> None:
        first = True
        for text, bold in lines:
            size = 9 if text.startswith("NIP ") else 10  # a NIP on one line
            self.cell_text(cell, text, bold=bold, size=size, first=first, align="center")
            first = False

    @staticmethod
    def _person_lines(person: Person) -> list[tuple[str, bool]]:
        return [
            (person.nama or BLANK[:30], bool(person.nama)),
            (f"NIP {person.nip or BLANK[:25]}", False),
        ]

    def signatures(self, block: Signatures) -> None:
        self.paragraph(block.place_date, align="right", keep=True)
        count = len(block.blocks)
        widths = [TEXT_WIDTH_MM / count] * count
        table = self.table(count, widths, grid=False)
        cells = self.row(table)
        for cell, signature in zip(cells, block.blocks, strict=True):
            lines = [
                (f"{signature.caption},", False),
                (signature.role, True),
                ("", False),
                ("", False),
                ("", False),
                *self._person_lines(signature.person),
                (f"Tanggal: {signature.date or BLANK[:20]}", False),
            ]
            self._signature_cell(cell, lines)

    def statement(self, block: Statement) -> None:
        for instruction in block.instructions:
            self.paragraph(instruction, italic=True, size=9, grey=True, align="justify")
        self.paragraph(block.title, bold=True, size=14, align="center")
        for line in block.subject:
            self.paragraph(line, bold=True, align="center")
        self.paragraph()
        for text in block.paragraphs:
            self.paragraph(text, align="justify")
        widths = [TEXT_WIDTH_MM / 2, TEXT_WIDTH_MM / 2]
        table = self.table(2, widths, grid=False)
        cells = self.row(table)
        self.cell_text(cells[0], "")
        lines = [
            (block.place_date, False),
            (f"{block.signer_role},", True),
            ("", False),
            ("", False),
            ("", False),
            *self._person_lines(block.signer),
        ]
        self._signature_cell(cells[1], lines)

    # -- the file ----------------------------------------------------------------------

    def properties(self, title: str, subject: str) -> None:
        core = self.document.core_properties
        # Word keeps at most 255 characters in a document property.
        core.title = xml_text(title)[:255]
        core.subject = xml_text(subject)[:255]
        core.author = ""
        core.last_modified_by = ""
        core.comments = "Draf disusun dengan bantuan sakip-validate"
        core.language = "id-ID"
        core.revision = 1
        core.created = self.when.astimezone(dt.UTC).replace(tzinfo=None)
        core.modified = self.when.astimezone(dt.UTC).replace(tzinfo=None)

    def bytes(self) -> bytes:
        from docx.opc.constants import RELATIONSHIP_TYPE

        # python-docx's template carries a preview picture of another document: drop it.
        relationships = self.document.part.package.rels
        for key, relationship in list(relationships.items()):
            if relationship.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
                del relationships[key]
        buffer = io.BytesIO()
        self.document.save(buffer)
        return reproducible_zip(buffer.getvalue(), self.when)


def render_docx(notes: list[Note], when: dt.datetime) -> bytes:
    """The notes in one Word document (each after the first on a new page)."""
    writer = _Writer(when, single=len(notes) == 1)
    for note in notes:
        writer.note(note)
    if notes:
        writer.properties(f"{notes[0].title} {notes[0].subtitle}".strip(), notes[0].running_head)
    return writer.bytes()


class ReviewNoteDocxOutput:
    """The draft Catatan Hasil Reviu as a Word document (.docx) to edit and sign."""

    name = "reviu-docx"
    needs_data = True  # the note names the unit, the pemda and the year
    description = "draf Catatan Hasil Reviu (Word .docx, Bahasa Indonesia) untuk Inspektorat"
    binary = True
    per_report = True  # -o FOLDER/: one note per report, listed in indeks.xlsx
    suffix = ".docx"

    def render(self, result: RunResult, options: RenderOptions, stream: BinaryIO) -> None:
        notes = build_notes(result, options.reviu, options.lang)
        stream.write(render_docx(notes, document_time(result)))
