"""The working-paper apparatus of every sheet: the KKR header, the sign-off, the print header.

An APIP working paper (Kertas Kerja Reviu) carries on each sheet who made it and
who reviewed it, for whom and under which assignment: the reviewing unit, the
paper's number (No. KKR) and the sheet's place in it, the auditee, the object
and period of the reviu, and the preparer's and reviewer's name, date and
initials (paraf). These come from :class:`sakip_validate.papers.ReviewParticulars`;
a field not given prints as a line to fill in by hand, and the paraf are boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sakip_validate.domain.labels import Labels
from sakip_validate.findings import Lang
from sakip_validate.papers import Person, ReviewParticulars
from sakip_validate.result import RunResult

from ..summary import date_text

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet

    from .writer import Writer

__all__ = ["HEADER_ROWS", "Paper", "kkr_header", "person_text", "print_header"]

HEADER_ROWS = 5  # rows 0-4 of every sheet
BLANK = "_" * 18  # a field to fill in by hand
SHORT_BLANK = "_" * 10  # a date or a number to fill in by hand
NAME_WIDTH = 34.0  # characters the preparer's and reviewer's names get at least

LABELS = Labels(
    {
        "kkr_title": ("KERTAS KERJA REVIU LKjIP", "LKjIP REVIEW WORKING PAPER"),
        "apip": ("{apip}", "{apip}"),
        "apip_blank": ("Unit APIP: {blank}", "Internal audit unit: {blank}"),
        "kkr_no": ("No. KKR: {index}", "WP no.: {index}"),
        "sheet_no": ("lembar {n} dari {total}", "sheet {n} of {total}"),
        "auditee": ("Nama auditi: {entity}", "Auditee: {entity}"),
        "subject": ("Sasaran reviu: {subject}", "Review object: {subject}"),
        "subject_year": ("LKjIP tahun anggaran {year}", "LKjIP, budget year {year}"),
        "subject_plain": ("LKjIP", "LKjIP"),
        "assignment": (
            "Surat Tugas No. {number} tanggal {date}; periode reviu {start} s.d. {end}",
            "Assignment letter no. {number} of {date}; review period {start} to {end}",
        ),
        "prepared": ("Disusun oleh: {who}", "Prepared by: {who}"),
        "reviewed": ("Direviu oleh: {who}", "Reviewed by: {who}"),
        "date": ("Tanggal", "Date"),
        "paraf": ("Paraf", "Initials"),
        "units": ("{n} unit (lihat Berkas yang diperiksa)", "{n} units (see Files checked)"),
    }
)


def _label(key: str, lang: Lang, **values: Any) -> str:
    return LABELS.get(key, lang, **values)


def person_text(person: Person) -> str:
    """``Nama (NIP 1987...), Jabatan`` with the parts given; empty when none is."""
    text = person.nama.strip()
    if person.nip.strip():
        text += f" (NIP {person.nip.strip()})" if text else f"NIP {person.nip.strip()}"
    if person.jabatan.strip():
        text += f", {person.jabatan.strip()}" if text else person.jabatan.strip()
    return text


def _filled(text: str) -> str:
    return text.strip() or BLANK


@dataclass(frozen=True, slots=True)
class Paper:
    """What the header of every sheet says: the particulars, the auditee and the object."""

    particulars: ReviewParticulars = field(default_factory=ReviewParticulars)
    entities: tuple[str, ...] = ()  # "Kecamatan Jatinegara, Kabupaten Tegal", one per unit
    year: int | None = None  # the reports' tahun anggaran, when they share one

    @classmethod
    def of(cls, result: RunResult, particulars: ReviewParticulars) -> Paper:
        """The auditees and the year as the reports print them."""
        entities: list[str] = []
        years: set[int] = set()
        for report in result.reports:
            laporan = report.data.get("laporan") if isinstance(report.data, dict) else None
            laporan = laporan if isinstance(laporan, dict) else {}
            unit = laporan.get("unit")
            unit = unit if isinstance(unit, dict) else {}
            parts = [unit.get(key) for key in ("nama", "pemerintah_daerah")]
            name = ", ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())
            if name and name not in entities:
                entities.append(name)
            year = laporan.get("tahun_anggaran")
            if isinstance(year, int) and not isinstance(year, bool):
                years.add(year)
        return cls(particulars, tuple(entities), next(iter(years)) if len(years) == 1 else None)

    def entity(self, lang: Lang) -> str:
        """The auditee; several units: how many (each is on the summary)."""
        if len(self.entities) > 1:
            return _label("units", lang, n=len(self.entities))
        return self.entities[0] if self.entities else ""

    def subject(self, lang: Lang) -> str:
        if self.year is not None:
            return _label("subject_year", lang, year=self.year)
        return _label("subject_plain", lang)

    def date(self, iso: str, lang: Lang) -> str:
        return date_text(iso, lang) if iso.strip() else ""


def _zones(widths: Sequence[float]) -> tuple[int, int, int]:
    """(first column of the sign-off block, its date column, its paraf column).

    The paraf box is the sheet's last column and the date the one before it; the
    names take as many columns before the date as make them readable.
    """
    paraf = len(widths) - 1
    date = paraf - 1
    start = date - 1
    while start > 1 and sum(widths[start:date]) < NAME_WIDTH:
        start -= 1
    return start, date, paraf


def _span(
    w: Writer, ws: Worksheet, row: int, first: int, last: int, text: str, **props: Any
) -> None:
    """``text`` over columns ``first`` to ``last`` (merged when more than one).

    Written directly, not through :meth:`Writer.text`: the header's rows have
    fixed heights, which the sizing of wrapped table rows must not change.
    """
    fmt = w.text_fmt(text, **props)
    if last > first:
        ws.merge_range(row, first, row, last, "", fmt)
    ws.write_string(row, first, text, fmt)


def kkr_header(
    w: Writer, ws: Worksheet, paper: Paper, number: int, total: int, widths: Sequence[float]
) -> int:
    """The KKR header in rows 0-4 over the sheet's printed columns; returns the next row.

    Left: the APIP, the paper's title, the auditee, the object and the
    assignment. Right: the paper's number and the sheet's place in it, then the
    preparer and the reviewer, each with a date and a paraf box.
    """
    lang = w.lang
    given = paper.particulars
    start, date_col, paraf_col = _zones(widths)
    left = start - 1
    small = {"font_size": 9, "text_wrap": True, "valign": "vcenter"}
    apip = given.apip.strip()
    _span(
        w,
        ws,
        0,
        0,
        left,
        apip.upper() if apip else _label("apip_blank", lang, blank=BLANK),
        bold=True,
        **small,
    )
    index = _filled(given.kkr_index)
    sheet = _label("sheet_no", lang, n=number, total=total)
    number_text = f"{_label('kkr_no', lang, index=index)} ({sheet})"
    _span(w, ws, 0, start, paraf_col, number_text, bold=True, **small)
    _span(w, ws, 1, 0, left, _label("kkr_title", lang), bold=True, font_size=12, valign="vcenter")
    _span(w, ws, 2, 0, left, _label("auditee", lang, entity=_filled(paper.entity(lang))), **small)
    _span(w, ws, 3, 0, left, _label("subject", lang, subject=paper.subject(lang)), **small)
    assignment = _label(
        "assignment",
        lang,
        number=given.surat_tugas_number.strip() or SHORT_BLANK,
        date=paper.date(given.surat_tugas_date, lang) or SHORT_BLANK,
        start=paper.date(given.period_start, lang) or SHORT_BLANK,
        end=paper.date(given.period_end, lang) or SHORT_BLANK,
    )
    _span(w, ws, 4, 0, left, assignment, **small)
    head = {"font_size": 8, "bold": True, "align": "center", "valign": "vcenter", "border": 1}
    ws.write_string(1, date_col, _label("date", lang), w.fmt(**head))
    ws.write_string(1, paraf_col, _label("paraf", lang), w.fmt(**head))
    box = {"border": 1, "valign": "vcenter", "font_size": 9, "shrink": True}
    signers = (
        ("prepared", given.prepared_by, given.prepared_on),
        ("reviewed", given.reviewed_by, given.reviewed_on),
    )
    for row, (key, person, day) in zip((2, 3), signers, strict=True):
        who = _label(key, lang, who=_filled(person_text(person)))
        _span(w, ws, row, start, date_col - 1, who, **small)
        shown = paper.date(day, lang) or SHORT_BLANK
        _span(w, ws, row, date_col, date_col, shown, align="center", **box)
        ws.write_blank(row, paraf_col, None, w.fmt(border=2))
    for row, height in ((0, 16), (1, 20), (2, 30), (3, 30), (4, 24)):
        ws.set_row(row, height)
    return HEADER_ROWS


def print_header(paper: Paper, lang: Lang, number: int, total: int) -> tuple[str, str]:
    """The printed page's header and footer: the auditee, No. KKR and sheet; the page."""

    def escaped(text: str) -> str:
        return text.replace("&", "&&")[:70]

    index = paper.particulars.kkr_index.strip() or "____"
    sheet = _label("sheet_no", lang, n=number, total=total)
    entity = escaped(paper.entity(lang) or _label("kkr_title", lang))
    header = f"&L&8{entity}&R&8{escaped(_label('kkr_no', lang, index=index))} ({sheet})"
    page = "Halaman &P dari &N" if lang == "id" else "Page &P of &N"
    footer = f"&L&8&A&R&8{page}"
    return header, footer
