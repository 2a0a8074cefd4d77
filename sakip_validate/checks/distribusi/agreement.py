"""The same distribution stated twice gives the same counts (``distribution_agreement``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from .statements import JENIS_PARAM, StatedDistribution, StatedGroup, breakdown, statements

__all__ = ["DistributionAgreement"]


@dataclass(frozen=True, slots=True)
class _Stated:
    """The count a group is held to, its name as written, and the statement giving it."""

    count: int
    kategori: str
    source: StatedDistribution


class DistributionAgreement(CheckKind):
    """The same distribution stated in several places must give the same counts (STATUS-XSEC).

    Statements of one ``jenis`` are compared group by group (same ``kategori``,
    case and unit word ignored). Each statement is reported at most once, listing
    every group that disagrees:

    * statements that name the same year are compared all with all: for each
      group, the count most of them give is the reference (a tie goes to the
      count stated first), so a conflict between the second and third statement
      of a year is found even when the first names another group only, and the
      finding goes to the odd one out; a disagreement is ``mismatch``;
    * a statement that names no year is compared with the main reference (the
      first statement dated in the report year, else the first dated one, else
      the first one); a disagreement is ``undated``, milder, since the two may
      describe different moments.

    Statements of different years are never compared: the distribution may have changed.
    """

    name = "distribution_agreement"
    outcomes = ("mismatch", "undated")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bab", "bab_acuan", "kategori", "rincian", "rincian_acuan", "satuan"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["jenis"],
        "properties": {"jenis": JENIS_PARAM},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        for jenis in self.params["jenis"]:
            found = [s for s in statements(view) if s.jenis == jenis and _counted(s)]
            yield from self._compare(found, view.year)

    def _compare(self, found: list[StatedDistribution], year: int | None) -> Iterator[Hit]:
        of_year: dict[int, list[StatedDistribution]] = {}
        for statement in found:
            if statement.tahun is not None:
                of_year.setdefault(statement.tahun, []).append(statement)
        consensus = {tahun: _consensus(group) for tahun, group in of_year.items()}
        dated = [group[0] for group in of_year.values()]
        main = of_year[year][0] if year is not None and year in of_year else None
        if main is None:
            main = dated[0] if dated else (found[0] if found else None)
        for statement in found:
            if statement.tahun is not None:
                theirs, outcome = consensus[statement.tahun], "mismatch"
            elif main is not None and main is not statement:
                theirs, outcome = _as_stated(main), "undated"
            else:
                continue
            hit = self._differ(statement, theirs, outcome)
            if hit is not None:
                yield hit

    def _differ(
        self, statement: StatedDistribution, theirs: dict[str, _Stated], outcome: str
    ) -> Hit | None:
        differing = [
            (group, count, theirs[group.key])
            for group, count in _counted(statement)
            if group.key in theirs and theirs[group.key].count != count
        ]
        if not differing:
            return None
        sources = list(dict.fromkeys(other.source.index for _, _, other in differing))
        first_source = differing[0][2].source
        satuan = statement.satuan or first_source.satuan
        ours = breakdown([(count, group.kategori) for group, count, _ in differing], satuan)
        other = breakdown([(o.count, o.kategori) for _, _, o in differing], satuan)
        by_index = {o.source.index: o.source for _, _, o in differing}
        acuan = ", ".join(_named(by_index[index]) for index in sources)
        return Hit(
            outcome=outcome,
            pointer=f"{differing[0][0].pointer}/jumlah",
            table=None,
            values={
                "bab": statement.bab,
                "bab_acuan": acuan,
                "tahun": statement.tahun,
                "satuan": satuan,
                "kategori": [group.kategori for group, _, _ in differing],
                "row": ", ".join(group.kategori for group, _, _ in differing),
                "rincian": ours,
                "rincian_acuan": other,
            },
            printed=ours,
            expected=other,
        )


def _named(statement: StatedDistribution) -> str:
    """ "3.2 (2021)": the section of a statement, and its year when it names one."""
    return statement.bab + (f" ({statement.tahun})" if statement.tahun is not None else "")


def _as_stated(statement: StatedDistribution) -> dict[str, _Stated]:
    return {
        group.key: _Stated(count, group.kategori, statement) for group, count in _counted(statement)
    }


def _consensus(group: list[StatedDistribution]) -> dict[str, _Stated]:
    """Per group name, the count most statements give (ties: the one stated first)."""
    votes: dict[str, dict[int, list[_Stated]]] = {}
    for statement in group:
        for key, value in _as_stated(statement).items():
            votes.setdefault(key, {}).setdefault(value.count, []).append(value)
    chosen = {}
    for key, by_count in votes.items():
        # dicts keep insertion order: among equal votes the count stated first wins
        best = max(by_count.values(), key=len)
        chosen[key] = best[0]
    return chosen


def _counted(statement: StatedDistribution) -> list[tuple[StatedGroup, int]]:
    """The groups that give a count, with it; the first of each group name only."""
    seen: set[str] = set()
    found = []
    for group in statement.groups:
        if group.jumlah is None or group.key in seen:
            continue
        seen.add(group.key)
        found.append((group, group.jumlah))
    return found
