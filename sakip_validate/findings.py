"""The finding: the one value every stage produces and every output renders."""

from __future__ import annotations

import dataclasses
import enum
import operator
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Lang = Literal["id", "en"]
LANGS: tuple[Lang, ...] = ("id", "en")


_T = TypeVar("_T")


def pickled_by_position(cls: type[_T]) -> type[_T]:
    """Pickle a frozen dataclass as its constructor's arguments.

    The default pickling of a frozen slotted dataclass sets every field through
    ``object.__setattr__`` when loading; calling the constructor with a tuple is
    about four times faster, which matters when a worker sends back thousands
    of findings and a large run keeps them packed (``sakip_validate.store``).
    """
    values = operator.attrgetter(*(field.name for field in dataclasses.fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return (cls, values(self))

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


class Severity(enum.IntEnum):
    """How serious a finding is; the order is used by ``--fail-on``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Read ``error``, ``warning`` or ``info`` (any case)."""
        return cls[text.strip().upper()]


@pickled_by_position
@dataclass(frozen=True, slots=True)
class Text:
    """A message in Bahasa Indonesia and English."""

    id: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.id


@pickled_by_position
@dataclass(frozen=True, slots=True)
class TextLocation:
    """A place in a report file: a JSON pointer and, when known, where the value stands.

    In a TOML or JSON file that is ``line`` and ``column``; in a workbook it is
    ``cell``, the sheet and cell as Excel writes them (``Anggaran!D14``,
    ``'Perbandingan Tahun'!E7``).
    """

    file: str
    pointer: str = ""
    line: int | None = None
    column: int | None = None
    cell: str | None = None

    def display(self) -> str:
        """``file:line:col`` as compilers print it, ``file:Sheet!D14`` in a workbook."""
        if self.cell is not None:
            return f"{self.file}:{self.cell}"
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


# Outputs rely on ``file``, ``display()`` and the optional fields they test for.
Location = TextLocation


@pickled_by_position
@dataclass(frozen=True, slots=True)
class Suppression:
    """Why a finding does not count against the run: a waiver or a baseline entry.

    ``kind`` is ``waiver`` (an accountable exception: reason, approver, expiry,
    where it is declared) or ``baseline`` (the finding was there when the
    baseline was written).
    """

    kind: Literal["waiver", "baseline"]
    reason: str = ""
    approver: str = ""  # "Nama (NIP ...)"
    expires: str = ""  # ISO date
    source: str = ""  # where the waiver or the baseline is: "sakip.toml:12"


@pickled_by_position
@dataclass(frozen=True, slots=True)
class Place:
    """Where a finding stands in the *printed* report, as an auditee would look it up.

    ``table`` is the table as printed ("Tabel 3.3", or its title when unnumbered);
    ``row`` the printed row number (the "No" column) or kode; ``row_label`` the
    row's printed label (indicator or program name); ``column`` the printed
    column heading ("Capaian 2020"); ``section`` the chapter or part for text
    and signature findings ("Bab 3.2", "Kata Pengantar"); ``page`` the printed
    page or page range ("23", "40-46"). Every part is optional: a place cites
    what the report data records, never a data key or a file line.
    """

    table: Text | None = None
    row: str | None = None
    row_label: str | None = None
    column: Text | None = None
    section: Text | None = None
    page: str | None = None


@pickled_by_position
@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in one report file, with everything an output shows of it.

    ``pack`` and ``title`` name the rule as the catalogue does; ``table`` is how the
    reader names the printed table ("Tabel 3.2"), ``table_key`` its key in the data;
    ``row`` the printed row's label. ``printed`` and ``expected`` are neutral
    figures (plain digits, decimal point); ``operands`` the figures the expected
    value is computed from (e.g. target and realisasi), in the same form.
    """

    rule: str
    severity: Severity
    message: Text
    location: Location
    hint: Text | None = None
    pack: str = ""
    title: Text | None = None
    table: Text | None = None
    table_key: str | None = None
    row: str | None = None
    printed: str | None = None
    expected: str | None = None
    operands: tuple[tuple[str, str], ...] = ()
    legal_basis: str | None = None
    suppression: Suppression | None = None
    place: Place | None = None

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.file, loc.line or 0, loc.column or 0, self.rule, loc.pointer)
