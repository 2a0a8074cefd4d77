"""What one report prints that another report can contradict: a small summary per file.

Comparing reports across years (``sakip_validate.years``) needs only a few
figures of each report: who reports and for which year, the Renstra period,
and per indicator the figures other years' reports also print (this year's
target, realisasi and capaian; the earlier years of the comparison table; the
Renstra yearly and end targets), each with its place. A run over thousands of
files keeps these summaries, never the parsed reports. They are plain
picklable values, so worker processes can send them back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from ..findings import Place, Text
from ..loading import LoadedDocument
from .citation import place_of
from .view import ReportView, Row

__all__ = ["FIELDS", "Figure", "IndicatorFacts", "ReportFacts", "normal_name", "report_facts"]

# The figures of one year that the capaian and comparison tables both print.
FIELDS = ("target", "realisasi", "capaian")
# The tables the summary takes figures from (their printed names travel with it).
_TABLES = ("capaian", "perbandingan_tahun", "iku", "target_akhir_renstra")

_NOT_WORD = re.compile(r"[\W_]+")


def normal_name(text: str) -> str:
    """A name for matching, not for showing: letter case, spacing and punctuation aside.

    ``"KECAMATAN  Jatinegara."`` and ``"Kecamatan Jatinegara"`` give the same key.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_NOT_WORD.sub(" ", folded).split())


@dataclass(frozen=True, slots=True)
class Figure:
    """One printed value (a number, or ``N/A``/``-`` as printed) and where it stands:
    in the data (pointer, line, column) and in the printed report (``place``)."""

    value: Any
    pointer: str
    line: int | None = None
    column: int | None = None
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class IndicatorFacts:
    """The figures of one indicator that other years' reports also print.

    ``printed``: target, realisasi and capaian of the report's own year (the
    capaian table); ``earlier``: the comparison table, year -> those figures;
    ``targets``: the Renstra yearly targets (the IKU table); ``end_target``: the
    Renstra end target. ``declared`` is where the indicator is declared.
    """

    id: str
    name: str
    declared: Figure
    printed: dict[str, Figure] = field(default_factory=dict)
    earlier: dict[int, dict[str, Figure]] = field(default_factory=dict)
    targets: dict[int, Figure] = field(default_factory=dict)
    end_target: Figure | None = None

    @property
    def key(self) -> str:
        return normal_name(self.name)


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """Identity, Renstra period and indicator figures of one report.

    ``own_year`` is the year the capaian table reports (its ``tahun``, else the
    budget year). ``end_year`` the year of the Renstra end target (Tabel 3.4's
    ``tahun_target_akhir``, else the end of the Renstra period). ``tables``
    names the printed tables as the reader does ("Tabel 3.2"); ``lines`` holds
    the source lines of the figures, for outputs that quote them.
    """

    file: str
    unit: str
    government: str | None
    year: int
    own_year: int
    renstra: tuple[int, int] | None
    end_year: int | None
    indicators: tuple[IndicatorFacts, ...]
    listed: Figure  # the list of indicators (where a missing one would be declared)
    tables: dict[str, Text] = field(default_factory=dict)
    lines: dict[int, str] = field(default_factory=dict)
    partial: bool = False  # the file holds only part of its report (laporan.cakupan)

    @property
    def unit_key(self) -> str:
        return normal_name(self.unit)

    @property
    def government_key(self) -> str | None:
        return normal_name(self.government) if self.government else None

    def table(self, key: str) -> Text:
        return self.tables.get(key) or Text(key, key)


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class _Builder:
    """Reads the figures of one document, locating each once."""

    def __init__(self, document: LoadedDocument) -> None:
        self.document = document
        self.lines: set[int] = set()

    def figure(self, value: Any, pointer: str) -> Figure:
        where = self.document.locate(pointer)
        if where.line is not None:
            self.lines.add(where.line)
        place = place_of(self.document.data, pointer)
        return Figure(value, pointer, where.line, where.column, place)

    def cells(self, row: Row) -> dict[str, Figure]:
        return {
            name: self.figure(cell.value, cell.pointer)
            for name in FIELDS
            if (cell := row.cell(name)).present
        }


def report_facts(document: LoadedDocument) -> ReportFacts | None:
    """The summary of a report that passed the schema; None when it names no unit or year."""
    view = ReportView(document.data)
    laporan = view.section("laporan")
    found_unit = laporan.get("unit")
    unit: dict[str, Any] = found_unit if isinstance(found_unit, dict) else {}
    name = unit.get("nama")
    year = view.year
    if not isinstance(name, str) or year is None:
        return None
    government = unit.get("pemerintah_daerah")
    renstra = view.section("renstra")
    start, end = _year(renstra.get("periode_awal")), _year(renstra.get("periode_akhir"))
    period = (start, end) if start is not None and end is not None else None
    end_year = _year(view.raw_table("target_akhir_renstra").get("tahun_target_akhir"))
    own_year = _year(view.raw_table("capaian").get("tahun")) or year

    build = _Builder(document)
    found: dict[str, IndicatorFacts] = {}
    for index, item in enumerate(view.items("indikator")):
        ident = item.get("id")
        if isinstance(ident, str) and ident not in found:
            found[ident] = IndicatorFacts(
                ident, view.indicator_name(ident), build.figure(ident, f"/indikator/{index}")
            )
    # The first row of an indicator in a table is its figure; a repeated row is
    # the in-document rules' concern.
    for row in view.rows("capaian"):
        facts = found.get(row.indikator or "")
        if facts is not None and not facts.printed:
            facts.printed.update(build.cells(row))
    for row in view.rows("perbandingan_tahun"):
        facts = found.get(row.indikator or "")
        if facts is not None and row.tahun is not None and row.tahun not in facts.earlier:
            facts.earlier[row.tahun] = build.cells(row)
    for row in view.rows("iku"):
        facts = found.get(row.indikator or "")
        cell = row.cell("target")
        if facts is not None and row.tahun is not None and cell.present:
            facts.targets.setdefault(row.tahun, build.figure(cell.value, cell.pointer))
    for row in view.rows("target_akhir_renstra"):
        facts = found.get(row.indikator or "")
        cell = row.cell("target_akhir")
        if facts is not None and facts.end_target is None and cell.present:
            found[facts.id] = replace(facts, end_target=build.figure(cell.value, cell.pointer))

    listed = build.figure(None, "/indikator")
    text_lines = document.text.splitlines()
    return ReportFacts(
        file=document.label,
        unit=name,
        government=government if isinstance(government, str) else None,
        year=year,
        own_year=own_year,
        renstra=period,
        end_year=end_year if end_year is not None else (end if period else None),
        indicators=tuple(found.values()),
        listed=listed,
        tables={key: view.table_label(key) for key in _TABLES},
        lines={n: text_lines[n - 1] for n in sorted(build.lines) if 1 <= n <= len(text_lines)},
        partial=view.scope.partial,
    )
