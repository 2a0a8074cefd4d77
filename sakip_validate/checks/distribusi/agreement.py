"""The same distribution stated twice gives the same counts (``distribution_agreement``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from .statements import JENIS_PARAM, StatedDistribution, StatedGroup, breakdown, statements

__all__ = ["DistributionAgreement"]


class DistributionAgreement(CheckKind):
    """The same distribution stated in several places must give the same counts (STATUS-XSEC).

    Statements of one ``jenis`` are compared group by group (same ``kategori``,
    case and unit word ignored). To avoid a pairwise explosion each statement is
    compared with one reference only, and reported at most once, listing every
    group that disagrees:

    * a statement that names a year is compared with the first statement of that
      year; a disagreement is ``mismatch``;
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
        first_of_year: dict[int, StatedDistribution] = {}
        for statement in found:
            if statement.tahun is not None:
                first_of_year.setdefault(statement.tahun, statement)
        dated = list(first_of_year.values())
        main = first_of_year.get(year) if year is not None else None
        if main is None:
            main = dated[0] if dated else (found[0] if found else None)
        reference: StatedDistribution | None
        for statement in found:
            if statement.tahun is not None:
                reference, outcome = first_of_year[statement.tahun], "mismatch"
            else:
                reference, outcome = main, "undated"
            if reference is None or reference is statement:
                continue
            hit = self._differ(statement, reference, outcome)
            if hit is not None:
                yield hit

    def _differ(
        self, statement: StatedDistribution, reference: StatedDistribution, outcome: str
    ) -> Hit | None:
        theirs = {group.key: (count, group.kategori) for group, count in _counted(reference)}
        differing = [
            (group, count, theirs[group.key])
            for group, count in _counted(statement)
            if group.key in theirs and theirs[group.key][0] != count
        ]
        if not differing:
            return None
        satuan = statement.satuan or reference.satuan
        ours = breakdown([(count, group.kategori) for group, count, _ in differing], satuan)
        other = breakdown([pair for _, _, pair in differing], satuan)
        acuan = reference.bab + (f" ({reference.tahun})" if reference.tahun is not None else "")
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
