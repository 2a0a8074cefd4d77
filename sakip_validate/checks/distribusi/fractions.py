"""Percentages of a whole stated once (``share_of_whole``, COUNT-PCT).

A kecamatan states once how many desa it has (``narasi.keseluruhan``); every
"persentase desa" figure is then k/N × 100 for a whole k: the shares in the
distributions stated in the text, and the targets and realisasi of an indicator
declared a share of that whole (``indikator.bagian_dari``). One fraction may be
printed at two precisions in two places (58,8% here, 58,82% there), but both must
then be roundings of the same k/N.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import (
    Agreement,
    compare_printed,
    decimals_of,
    format_number,
    percent,
    round_half_up,
)
from ...domain.values import as_number
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent
from ..common import FIELD_NAME, TABLE_NAME, table_problems
from .shares import matching_counts, run_text
from .statements import statements
from .wholes import Whole, wholes

__all__ = ["ShareOfWhole"]

# A fact printed in several places: (indicator or distribution, quantity, year, group).
_Fact = tuple[str, str, int, str]


@dataclass(frozen=True, slots=True)
class _Printed:
    """One printed share: its value, where it stands, and which fact it prints."""

    value: Decimal
    pointer: str
    where: Localized
    fact: _Fact | None
    row: str  # the indicator or group, as a message names it


def _run(value: Decimal, whole: int) -> tuple[int, int] | None:
    """The counts k whose share prints as ``value`` (rounded, else truncated)."""
    return matching_counts(value, whole) or matching_counts(value, whole, truncated=True)


def _shown(value: Decimal, lang: str) -> str:
    return format_number(value, lang) + "%"


class ShareOfWhole(CheckKind):
    """Percentages of a declared whole are k/N; one fraction printed twice is one k.

    Outcomes:

    * ``infeasible``: an indicator declared a share of a whole (``bagian_dari``)
      has figures (targets, realisasi, in the listed ``tables``, Tabel 2.4's
      program indicators and the text's ``narasi.pernyataan``) that no whole
      number k of N gives at their printed precision; one hit per indicator,
      at its first such figure, listing them all;
    * ``precision``: the same fact (an indicator's target or realisasi of a year,
      or a group's share in dated distributions of one year) printed at two
      precisions that agree as printed (58,5 and 58,45) but are roundings of no
      common k/N (the coarser one was rounded from the rounded figure); reported
      at the coarser figure;
    * ``whole_differs``: a distribution declared part of a whole states another N;
    * ``undeclared``: ``bagian_dari`` names a whole the text does not state.
    """

    name = "share_of_whole"
    outcomes = ("infeasible", "precision", "whole_differs", "undeclared")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {
            "bab",
            "bab_keseluruhan",
            "contoh",
            "daftar",
            "id_keseluruhan",
            "jumlah",
            "jumlah_lain",
            "keseluruhan",
            "other_printed",
            "satuan",
            "subjek",
            "where",
            "where_lain",
        }
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables"],
        "properties": {
            "tables": {
                "type": "object",
                "propertyNames": TABLE_NAME,
                "additionalProperties": {
                    "type": "array",
                    "items": FIELD_NAME,
                    "minItems": 1,
                    "uniqueItems": True,
                },
            },
            "program_table": TABLE_NAME,
            "statements": {"type": "boolean"},
            "distributions": {"type": "boolean"},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for table, fields in self.params["tables"].items():
            problems += table_problems(table, fields, f"/tables/{table}")
        if "program_table" in self.params:
            problems += table_problems(
                self.params["program_table"], ["indikator_kinerja"], "/program_table"
            )
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        declared = wholes(view)
        facts: dict[_Fact, list[tuple[_Printed, Whole]]] = {}
        for index, item in enumerate(view.items("indikator")):
            indikator, part_of = item.get("id"), item.get("bagian_dari")
            if not isinstance(indikator, str) or not isinstance(part_of, str):
                continue
            whole = declared.get(part_of)
            pointer = f"/indikator/{index}/bagian_dari"
            if whole is None:
                name = view.indicator_name(indikator)
                subject = Localized(f"Indikator “{name}”", f"Indicator “{name}”")
                yield self._undeclared(name, subject, part_of, pointer)
                continue
            printed = list(self._indicator_shares(view, indikator))
            hit = self._infeasible(view, indikator, whole, printed)
            if hit is not None:
                yield hit
            for share in printed:
                if share.fact is not None:
                    facts.setdefault(share.fact, []).append((share, whole))
        yield from self._distributions(view, declared, facts)
        reported: set[str] = set()
        for members in facts.values():
            for hit in _precision(members):
                if hit.pointer not in reported:
                    reported.add(hit.pointer)
                    yield hit

    # -- the figures of an indicator -----------------------------------------------------

    def _indicator_shares(self, view: ReportView, indikator: str) -> Iterator[_Printed]:
        name = view.indicator_name(indikator)
        for table, fields in self.params["tables"].items():
            label = view.table_label(table)
            end_year = view.raw_table(table).get("tahun_target_akhir")
            for row in view.indicator_rows(table, indikator):
                for field in fields:
                    cell = row.cell(field)
                    value = cell.number
                    if value is None:
                        continue
                    besaran, year = field, row.tahun
                    if field == "target_akhir":  # the end target is the target of its year
                        besaran = "target"
                        year = end_year if isinstance(end_year, int) else None
                    where = _where(label.id, label.en, besaran, year)
                    fact = (indikator, besaran, year, "") if year is not None else None
                    yield _Printed(value, cell.pointer, where, fact, name)
        if "program_table" in self.params:
            yield from self._program_targets(view, indikator, name)
        if self.params.get("statements"):
            yield from _stated(view, indikator, name)

    def _program_targets(self, view: ReportView, indikator: str, name: str) -> Iterator[_Printed]:
        table = self.params["program_table"]
        label = view.table_label(table)
        year = view.raw_table(table).get("tahun")
        year = year if isinstance(year, int) else view.year
        for row in view.rows(table):
            items = row.cell("indikator_kinerja").value
            for i, item in enumerate(items if isinstance(items, list) else []):
                if not isinstance(item, dict) or item.get("indikator") != indikator:
                    continue
                value = as_number(item.get("target"))
                if value is None:
                    continue
                pointer = f"{row.pointer}/indikator_kinerja/{i}/target"
                program = f"program {row.kode}"
                where = _where(f"{label.id} {program}", f"{label.en} {program}", "target", year)
                fact = (indikator, "target", year, "") if year is not None else None
                yield _Printed(value, pointer, where, fact, name)

    def _infeasible(
        self, view: ReportView, indikator: str, whole: Whole, printed: list[_Printed]
    ) -> Hit | None:
        wrong = [share for share in printed if _run(share.value, whole.jumlah) is None]
        if not wrong:
            return None
        one = percent(1, whole.jumlah)
        assert one is not None
        unit = whole.satuan or "bagian"
        example = round_half_up(one, 2)
        return Hit(
            "infeasible",
            wrong[0].pointer,
            None,
            {
                "row": view.indicator_name(indikator),
                "indikator": view.indicator_name(indikator),
                "keseluruhan": whole.jumlah,
                "satuan": whole.satuan,
                "bab_keseluruhan": whole.bab,
                "printed": Percent(wrong[0].value),
                "daftar": _listed(wrong),
                "contoh": Localized(
                    f"1 {unit} = {_shown(example, 'id')}", f"1 {unit} = {_shown(example, 'en')}"
                ),
            },
            wrong[0].value,
            None,
        )

    def _undeclared(self, row: str, subject: Localized, part_of: str, pointer: str) -> Hit:
        values = {"row": row, "subjek": subject, "id_keseluruhan": part_of, "printed": part_of}
        return Hit("undeclared", pointer, None, values, part_of, None)

    # -- distributions -------------------------------------------------------------------

    def _distributions(
        self, view: ReportView, declared: dict[str, Whole], facts: dict[_Fact, Any]
    ) -> Iterator[Hit]:
        for statement in statements(view):
            if statement.bagian_dari is None:
                continue
            whole = declared.get(statement.bagian_dari)
            if whole is None:
                subject = Localized(
                    f"Sebaran di bab {statement.bab}",
                    f"The distribution in section {statement.bab}",
                )
                pointer = f"{statement.pointer}/bagian_dari"
                yield self._undeclared(
                    f"bab {statement.bab}", subject, statement.bagian_dari, pointer
                )
                continue
            if statement.keseluruhan is not None and statement.keseluruhan != whole.jumlah:
                yield Hit(
                    "whole_differs",
                    f"{statement.pointer}/keseluruhan",
                    None,
                    {
                        "bab": statement.bab,
                        "bab_keseluruhan": whole.bab,
                        "satuan": statement.satuan or whole.satuan,
                        "tahun": statement.tahun,
                        "printed": statement.keseluruhan,
                        "expected": whole.jumlah,
                    },
                    statement.keseluruhan,
                    whole.jumlah,
                )
                continue
            if not self.params.get("distributions") or statement.tahun is None:
                continue
            for group in statement.groups:
                if group.persen is None:
                    continue
                where = Localized(
                    f"bab {statement.bab} ({group.kategori} {statement.tahun})",
                    f"section {statement.bab} ({statement.tahun} {group.kategori})",
                )
                fact = (f"distribusi:{statement.jenis}", "persen", statement.tahun, group.key)
                share = _Printed(
                    group.persen, f"{group.pointer}/persen", where, fact, group.kategori
                )
                facts.setdefault(fact, []).append((share, whole))


def _listed(wrong: list[_Printed]) -> list[Localized]:
    """Each distinct printed figure once, where it first stands and how often it recurs."""
    places: dict[str, list[_Printed]] = {}
    for share in wrong:
        places.setdefault(str(share.value), []).append(share)
    listed = []
    for same in places.values():
        first, more = same[0], len(same) - 1
        also_id = f" dan {more} tempat lain" if more else ""
        also_en = f" and {more} other place{'s' if more > 1 else ''}" if more else ""
        listed.append(
            Localized(
                f"{_shown(first.value, 'id')} di {first.where.id}{also_id}",
                f"{_shown(first.value, 'en')} in {first.where.en}{also_en}",
            )
        )
    return listed


def _where(table_id: str, table_en: str, besaran: str, year: int | None) -> Localized:
    """ "Tabel 3.2 (realisasi 2021)" / "Tabel 3.2 (2021 realisasi)"."""
    if year is None:
        return Localized(f"{table_id} ({besaran})", f"{table_en} ({besaran})")
    return Localized(f"{table_id} ({besaran} {year})", f"{table_en} ({year} {besaran})")


def _stated(view: ReportView, indikator: str, name: str) -> Iterator[_Printed]:
    """Targets and realisasi of the indicator stated in the text (``narasi.pernyataan``)."""
    items = view.section("narasi").get("pernyataan")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or item.get("indikator") != indikator:
            continue
        besaran = item.get("besaran")
        value = as_number(item.get("nilai"))
        if besaran not in ("target", "realisasi") or value is None:
            continue
        year = item.get("tahun")
        year = year if isinstance(year, int) and not isinstance(year, bool) else view.year
        bab = item.get("bab") if isinstance(item.get("bab"), str) else "?"
        where = _where(f"bab {bab}", f"section {bab}", str(besaran), year)
        fact = (indikator, str(besaran), year, "") if year is not None else None
        yield _Printed(value, f"/narasi/pernyataan/{index}/nilai", where, fact, name)


def _precision(members: list[tuple[_Printed, Whole]]) -> Iterator[Hit]:
    """Pairs of one fact at two precisions that agree as printed but share no k/N."""
    decimals = [decimals_of(share.value) for share, _ in members]  # each once, not per pair
    for i, (first, whole) in enumerate(members):
        for j, (second, other_whole) in enumerate(members[i + 1 :], i + 1):
            if other_whole.jumlah != whole.jumlah:
                continue
            places = decimals[i], decimals[j]
            if places[0] == places[1]:
                continue
            coarse, fine = (first, second) if places[0] < places[1] else (second, first)
            if compare_printed(coarse.value, fine.value) is not Agreement.EXACT:
                continue  # a plain difference: the figure differs, other rules say so
            coarse_run, fine_run = _run(coarse.value, whole.jumlah), _run(fine.value, whole.jumlah)
            if coarse_run is None or fine_run is None:
                continue  # no share at all: the infeasible outcome's (or DIS004's)
            if coarse_run[0] <= fine_run[1] and fine_run[0] <= coarse_run[1]:
                continue
            exact = percent(fine_run[0], whole.jumlah)
            assert exact is not None
            shown = min(places)  # the coarse figure's
            expected = round_half_up(exact, shown)
            yield Hit(
                "precision",
                coarse.pointer,
                None,
                {
                    "row": coarse.row,
                    "where": coarse.where,
                    "where_lain": fine.where,
                    "printed": Percent(coarse.value),
                    "other_printed": Percent(fine.value),
                    "expected": Percent(expected, shown),
                    "jumlah": run_text(coarse_run),
                    "jumlah_lain": run_text(fine_run),
                    "keseluruhan": whole.jumlah,
                    "satuan": whole.satuan,
                },
                coarse.value,
                expected,
            )
