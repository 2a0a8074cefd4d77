"""Where each imported value came from, and the findings the import raises."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..codes import Code
from ..findings import Finding, Place, Text, TextLocation

__all__ = ["Imported", "Source"]


@dataclass(frozen=True, slots=True)
class Source:
    """A value's place in the printed report."""

    table: str | None = None  # "Tabel 3.2"
    row: str | None = None  # printed row number or label
    column: str | None = None  # printed column heading
    page: str | None = None  # printed page(s)
    section: str | None = None  # "Bab 4" for narrative statements

    def place(self) -> Place:
        return Place(
            table=Text(self.table, self.table) if self.table else None,
            row=self.row,
            column=Text(self.column, self.column) if self.column else None,
            section=Text(self.section, self.section) if self.section else None,
            page=self.page,
        )

    def describe(self) -> str:
        parts = [p for p in (self.table, self.section) if p]
        if self.row:
            parts.append(f"baris {self.row}")
        if self.column:
            parts.append(f"kolom {self.column}")
        if self.page:
            parts.append(f"hlm. {self.page}")
        return ", ".join(parts)


@dataclass(slots=True)
class Imported:
    """The draft data of one document, each value's source, and what needs confirming.

    ``sources``: JSON pointer of a value in ``data`` -> its printed place.
    ``notes``: JSON pointer -> the ``# PERIKSA`` text the draft writes beside it.
    """

    label: str
    data: dict[str, object]
    sources: dict[str, Source] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)

    def flag(
        self,
        code: Code,
        pointer: str,
        source: Source,
        message: Text,
        *,
        printed: str | None = None,
        hint: Text | None = None,
    ) -> None:
        """A finding at ``source`` (and ``pointer`` in the draft), and a PERIKSA note there."""
        self.findings.append(
            Finding(
                rule=code.id,
                severity=code.severity,
                message=message,
                location=TextLocation(self.label, pointer),
                hint=hint,
                pack=code.pack,
                title=code.title,
                table=Text(source.table, source.table) if source.table else None,
                row=source.row,
                printed=printed,
                place=source.place(),
            )
        )
        self.notes.setdefault(pointer, []).append(f"{code.id} {message.id}")
