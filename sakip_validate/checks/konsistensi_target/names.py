"""One indicator, program or kegiatan is printed under one name (``name_consistent``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ...domain.evidence import Verdict, decide, join_texts
from ...domain.names import NameMatch, compare_names, normal_name, spelling_distance
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...findings import Text

__all__ = ["NameConsistent"]

# The tables that print an indicator's name (nama_tertulis), in document order.
INDICATOR_TABLES = (
    "iku",
    "tujuan_sasaran",
    "perjanjian_kinerja",
    "capaian",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "analisis_penyebab",
    "program_pendukung.indikator",
    "standar_nasional",
)
# The budget tables that print a program's or kegiatan's name, joined by kode.
BUDGET_TABLES = ("program_pk", "program_pendukung.program", "realisasi_anggaran")
_LEVELS = {
    "program": Text("program", "program"),
    "kegiatan": Text("kegiatan", "kegiatan"),
    "sub_kegiatan": Text("sub kegiatan", "sub kegiatan"),
    "akun": Text("akun pendapatan", "revenue account"),
    "kelompok": Text("kelompok pendapatan", "revenue group"),
    "jenis": Text("jenis pendapatan", "revenue type"),
    "objek": Text("objek pendapatan", "revenue object"),
    "rincian_objek": Text("rincian objek pendapatan", "revenue object detail"),
}
_DECLARED = Text("rumusan baku indikator", "the indicator's standard wording")


@dataclass(frozen=True, slots=True)
class _Name:
    """One place printing (or declaring) a name."""

    label: Text
    text: str
    pointer: str
    table: str | None  # None: the declared name (indikator[].nama)


def _ruling(groups: Sequence[tuple[_Name, ...]]) -> int | None:
    """Between names no majority backs, the one closest to all the others (letter by
    letter) is the common spelling: each other place made one slip from it ("PENUNJUANG",
    "Pemerintah"), not two. None when two are equally close."""
    # The distance is symmetric: each pair of groups is measured once.
    distance: dict[tuple[int, int], int] = {}
    for i, group in enumerate(groups):
        for j in range(i + 1, len(groups)):
            distance[i, j] = distance[j, i] = spelling_distance(group[0].text, groups[j][0].text)
    totals = [
        sum(distance[i, j] * len(other) for j, other in enumerate(groups) if j != i)
        for i in range(len(groups))
    ]
    best = min(totals)
    return totals.index(best) if totals.count(best) == 1 else None


class NameConsistent(CheckKind):
    """One indicator (``subject = "indikator"``) or program/kegiatan (``"program"``)
    is printed under one name.

    Indicators: the declared name (``indikator[].nama``) and the name printed in
    each indicator table (``nama_tertulis``), joined by indicator id. Programs and
    kegiatan: ``nama`` in Tabel 2.4, 3.7 and 3.8, joined by kode. Names equal once
    letter case, punctuation and spacing are set aside agree silently. Otherwise
    the places vote (:mod:`sakip_validate.domain.evidence`): the spelling most
    places use, else the one closest to all others. Each place outside it is a
    hit naming both spellings: ``spelling`` when it is the same name spelt
    differently (:func:`compare_names`: slips, words added or dropped),
    ``different`` when it is another name. When nothing decides, one hit names
    every spelling, without an expected value.

    ``sasaran``: an indicator column that holds the wording of a sasaran
    (``sasaran[].nama``) instead of the indicator's name; such a cell does not vote.
    """

    name = "name_consistent"
    outcomes = ("spelling", "different", "sasaran")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"other_table", "other_printed", "tingkat", "sasaran", "tempat"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["subject"],
        "properties": {"subject": {"enum": ["indikator", "program"]}},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        if self.params["subject"] == "indikator":
            yield from self._indicators(view)
        else:
            yield from self._programs(view)

    # -- indicators -----------------------------------------------------------------

    def _indicators(self, view: ReportView) -> Iterator[Hit]:
        sasaran = [
            (item["nama"], item.get("tingkat"))
            for item in view.items("sasaran")
            if isinstance(item.get("nama"), str) and item["nama"].strip()
        ]
        declared = {
            item["id"]: (index, item["nama"])
            for index, item in enumerate(view.data.get("indikator") or [])
            if isinstance(item, dict)
            and isinstance(item.get("id"), str)
            and isinstance(item.get("nama"), str)
        }
        places: dict[str, list[_Name]] = {}
        for ident, (index, nama) in declared.items():
            places[ident] = [_Name(_DECLARED, nama, f"/indikator/{index}/nama", None)]
        seen: set[str] = set()
        for table in INDICATOR_TABLES:
            for row in view.rows(table):
                cell = row.cell("nama_tertulis")
                if not isinstance(row.indikator, str) or not isinstance(cell.value, str):
                    continue
                if cell.pointer in seen:
                    continue  # a yearly table repeats one cell for every year
                seen.add(cell.pointer)
                place = _Name(view.table_label(table), cell.value, cell.pointer, table)
                own = declared.get(row.indikator, (0, ""))[1]
                held = self._sasaran_held(cell.value, own, sasaran)
                if held is not None:
                    yield Hit(
                        outcome="sasaran",
                        pointer=cell.pointer,
                        table=table,
                        values={
                            **row.values(),
                            "field": "nama_tertulis",
                            "printed": cell.value,
                            "tempat": place.label,
                            "sasaran": held,
                            "expected": own or None,
                        },
                        printed=cell.value,
                        expected=own or None,
                    )
                    continue
                places.setdefault(row.indikator, []).append(place)
        for ident, names in places.items():
            label = view.indicator_name(ident)
            yield from self._judge(names, {"row": label, "indikator": ident, "tingkat": None})

    @staticmethod
    def _sasaran_held(printed: str, own: str, sasaran: list[tuple[str, Any]]) -> str | None:
        """The sasaran whose wording the indicator cell holds, if it holds one."""
        if own and compare_names(printed, own) is not NameMatch.DIFFERENT:
            return None
        for nama, _ in sasaran:
            if compare_names(printed, nama) is not NameMatch.DIFFERENT:
                return nama
        return None

    # -- programs and kegiatan ------------------------------------------------------

    def _programs(self, view: ReportView) -> Iterator[Hit]:
        places: dict[str, list[_Name]] = {}
        levels: dict[str, Any] = {}
        for table in BUDGET_TABLES:
            seen: set[str] = set()
            for row in view.rows(table):
                cell = row.cell("nama")
                if row.kode is None or row.kode in seen or not isinstance(cell.value, str):
                    continue
                seen.add(row.kode)
                name = _Name(view.table_label(table), cell.value, cell.pointer, table)
                places.setdefault(row.kode, []).append(name)
                levels.setdefault(row.kode, row.cell("tingkat").value)
        for kode, names in places.items():
            tingkat = levels.get(kode)
            level = _LEVELS.get(tingkat if isinstance(tingkat, str) else "")
            level = level or Text("program/kegiatan", "program/kegiatan")
            yield from self._judge(names, {"row": kode, "kode": kode, "tingkat": level})

    # -- judging --------------------------------------------------------------------

    def _judge(self, names: list[_Name], common: dict[str, Any]) -> Iterator[Hit]:
        printed = [n for n in names if n.table is not None]
        if not printed:
            return
        if all(n.text == names[0].text for n in names):
            return  # one spelling everywhere (the common case): nothing to weigh
        # Each name normalised once (decide compares every place with every group).
        normal = {id(n): normal_name(n.text) for n in names}
        verdict = decide(names, lambda n: normal[id(n)], lambda a, b: a == b, ruling=_ruling)
        if verdict.agree:
            return
        if verdict.decided:
            reference = verdict.right[0]
            agreeing = join_texts([n.label for n in verdict.right])
            for name in verdict.odd:
                yield self._hit(name, reference, agreeing, common, expected=reference.text)
            return
        yield self._undecided(verdict, names, common)

    @staticmethod
    def _hit(
        name: _Name, reference: _Name, agreeing: Text, common: dict[str, Any], expected: Any
    ) -> Hit:
        match = compare_names(name.text, reference.text)
        return Hit(
            outcome="spelling" if match is NameMatch.CLOSE else "different",
            pointer=name.pointer,
            table=name.table,
            values={
                **common,
                "field": "nama" if common.get("kode") else "nama_tertulis",
                "printed": name.text,
                "tempat": name.label,
                "other_table": agreeing,
                "other_printed": reference.text,
                "expected": expected,
            },
            printed=name.text,
            expected=expected,
        )

    def _undecided(
        self, verdict: Verdict[_Name], names: list[_Name], common: dict[str, Any]
    ) -> Hit:
        # One finding for the disagreement, at the last printed place outside the first group.
        first = verdict.group_of(names[0])
        name = next(
            n for n in reversed(names) if n.table is not None and verdict.group_of(n) != first
        )
        mine = verdict.group_of(name)
        others = [n for n in names if verdict.group_of(n) != mine]
        spellings = list(dict.fromkeys(n.text for n in others))
        reference = _Name(others[0].label, "” / “".join(spellings), others[0].pointer, None)
        return self._hit(name, reference, join_texts([n.label for n in others]), common, None)
