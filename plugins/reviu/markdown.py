"""The ``reviu`` output: the review note as Markdown that also reads as plain text.

The note (:mod:`.note`) is laid out with headings, lists and two small tables,
nothing else: no HTML, no entities, no emphasis. Texts from a report are
escaped only where Markdown would otherwise read them as markup (a backslash
before ``*``, ``<``, ``[``...), so the file reads the same in a text editor as in
a Markdown viewer, and a report's text can neither become a link, an image, an
HTML tag nor a line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TextIO

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
    Signatures,
    Statement,
    Table,
    Team,
    build_notes,
)

# -- escaping -------------------------------------------------------------------------

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_NEWLINES = re.compile(r"\r\n|\r|\n")
# Inline markup: emphasis and code, strike-through, math; a backslash before punctuation.
_ALWAYS = re.compile(r"([*`~$]|\\(?=[!-/:-@\[-`{-~]))")
# "_" emphasises only at a word boundary: snake_case stays as written.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# A tag, a comment or an autolink starts with "<" and a letter, "/", "!" or "?".
_TAG = re.compile(r"<(?=[A-Za-z/!?])")
# An entity: "&amp;", "&#58;".
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# A link or an image: "[text](url)", "[text][ref]".
_LINK = re.compile(r"\](?=[(\[])")
# Bare URLs that viewers turn into links: a WORD JOINER (invisible) breaks them.
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|file|vbscript)(?=:)")
_WWW = re.compile(r"(?i)\b(www)(?=\.)")
# What a line must not start with: a heading, a quote, a list item, a rule, a table row.
_LINE_START = re.compile(r"^(\s*)([#>+=|-]|\d+[.)])")


def plain(text: object) -> str:
    """``text`` as Markdown inline text that reads as plain text.

    Control characters are dropped and newlines become spaces; characters with a
    meaning in Markdown get a backslash only where they would take it (``\\*``,
    ``\\<b>``, ``]\\(``); bare URLs are kept from becoming links by an invisible
    word joiner. No HTML entity is ever written.
    """
    value = _NEWLINES.sub(" ", _CONTROL.sub("", str(text)))
    value = _ALWAYS.sub(r"\\\1", value)
    value = _UNDERSCORE.sub(r"\\_", value)
    value = _TAG.sub(r"\\<", value)
    value = _ENTITY.sub(r"\\&", value)
    value = _LINK.sub(r"]\\", value)
    value = _SCHEME.sub("\\1\u2060", value)
    return _WWW.sub("\\1\u2060", value)


def line(text: object) -> str:
    """:func:`plain` for text that starts a line: a leading ``#``, ``-``, ``1.`` stays text."""
    return _LINE_START.sub(r"\1\\\2", plain(text), count=1)


def _cell(text: object) -> str:
    return plain(text).replace("|", "\\|").strip() or "-"


def _heading(level: int, text: str) -> list[str]:
    return ["#" * level + " " + plain(text), ""]


def _person(person: Person) -> str:
    parts = [person.nama or BLANK, f"NIP {person.nip or BLANK}"]
    if person.jabatan:
        parts.append(person.jabatan)
    return ", ".join(plain(part) for part in parts)


# -- blocks ---------------------------------------------------------------------------


def _table(block: Table) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in block.header) + " |"]
    out.append("|" + "|".join(" --- " for _ in block.header) + "|")
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
    return [*out, ""]


def _points(block: Points, level: int) -> list[str]:
    out: list[str] = []
    for chapter in block.chapters:
        if chapter.heading:
            out += _heading(level, chapter.heading)
        for group in chapter.groups:
            if group.heading:
                out += _heading(level + 1, group.heading)
            if group.criteria:
                out += [f"Kriteria untuk catatan berikut: {plain(group.criteria)}", ""]
            for point in group.points:
                indent = " " * (len(str(point.number)) + 2)
                out.append(f"{point.number}. Kondisi: {plain(point.condition)}")
                out.append(f"{indent}- Letak: {plain(point.place)}")
                if point.printed:
                    out.append(f"{indent}- Tertulis: {plain(point.printed)}")
                if point.expected:
                    out.append(f"{indent}- Seharusnya: {plain(point.expected)}")
                if point.criteria:
                    out.append(f"{indent}- Kriteria: {plain(point.criteria)}")
                if point.recommendation is not None:
                    where = f" ({block.answered_in})" if block.answered_in else ""
                    out.append(f"{indent}- Rekomendasi: nomor {point.recommendation}{where}")
                if point.mark:
                    out.append(f"{indent}- {plain(point.mark)}")
                out.append(f"{indent}- Tingkat: {point.severity}")
                out.append("")
    return out


def _recommendations(block: Recommendations) -> list[str]:
    out = []
    for item in block.items:
        indent = " " * (len(str(item.number)) + 2)
        numbers = ", ".join(str(n) for n in item.points)
        out.append(f"{item.number}. {plain(item.text)}")
        out.append(f"{indent}- Untuk catatan nomor {numbers}: {plain('; '.join(item.places))}.")
        out.append("")
    return out


def _signatures(block: Signatures) -> list[str]:
    out = [plain(block.place_date), ""]
    for signature in block.blocks:
        person = signature.person
        out += [
            f"{plain(signature.caption)}, {plain(signature.role)}",
            "",
            "(tanda tangan)",
            "",
            f"Nama: {plain(person.nama or BLANK)}",
            "",
            f"NIP: {plain(person.nip or BLANK)}",
            "",
            f"Tanggal: {plain(signature.date or BLANK)}",
            "",
        ]
    return out


def _statement(block: Statement, level: int) -> list[str]:
    out = [f"Petunjuk: {plain(text)}" for text in block.instructions]
    out = [item for text in out for item in (text, "")]
    out += _heading(level, block.title)
    out += [line(" - ".join(block.subject)), ""]
    for paragraph in block.paragraphs:
        out += [line(paragraph), ""]
    out += [
        plain(block.place_date),
        "",
        line(block.signer_role),
        "",
        "(tanda tangan dan cap)",
        "",
        f"Nama: {plain(block.signer.nama or BLANK)}",
        "",
        f"NIP: {plain(block.signer.nip or BLANK)}",
        "",
    ]
    return out


def _block(block: Block, level: int) -> list[str]:
    if isinstance(block, Paragraph):
        if block.kind == "subheading":
            return _heading(level, block.text)
        return [line(block.text), ""]
    if isinstance(block, Fields):
        return [*(f"- {plain(f.label)}: {plain(f.value or BLANK)}" for f in block.fields), ""]
    if isinstance(block, Team):
        rows = [f"- {plain(row.role)}: {_person(row.person)}" for row in block.rows]
        return [*rows, ""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Bullets):
        return [*(f"- {plain(item)}" for item in block.items), ""]
    if isinstance(block, Points):
        return _points(block, level)
    if isinstance(block, Recommendations):
        return _recommendations(block)
    if isinstance(block, Signatures):
        return _signatures(block)
    return _statement(block, level)


def render_note(note: Note) -> list[str]:
    """One note as Markdown lines."""
    out = [line(kop) for kop in note.kop]
    if out:
        out.append("")
    out += _heading(1, note.title)
    if note.subtitle:
        out += [line(note.subtitle), ""]
    if note.notice:
        out += [line(note.notice), ""]
    for section in note.sections:
        out += _heading(2, section.heading)
        for block in section.blocks:
            out += _block(block, 3)
    return out


def render_review_notes(notes: Iterable[Note]) -> str:
    """The notes one after another, separated by a horizontal rule."""
    lines: list[str] = []
    for index, note in enumerate(notes):
        if index:
            lines += ["---", ""]
        lines += render_note(note)
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


class ReviewNoteOutput:
    """A draft Catatan Hasil Reviu (CHR) in Bahasa Indonesia, as Markdown to edit."""

    name = "reviu"
    needs_data = True  # the note names the unit, the pemda and the year
    description = "draf Catatan Hasil Reviu (Markdown, Bahasa Indonesia) untuk Inspektorat"
    binary = False
    per_report = True  # -o FOLDER/: one note per report, listed in indeks.xlsx
    suffix = ".md"

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_review_notes(build_notes(result, options.reviu, options.lang)))
