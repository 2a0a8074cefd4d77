"""Counts and percentages of one stated distribution (``distribution``, COUNT-PCT)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from .shares import HUNDRED, matching_counts, nearest, run_text, sums_to_hundred
from .statements import JENIS_PARAM, StatedDistribution, StatedGroup, breakdown, statements

__all__ = ["Distribution"]


class Distribution(CheckKind):
    """Counts and percentages of one stated distribution (COUNT-PCT).

    Outcomes, each defect reported once:

    * ``sum``: a complete statement (``lengkap``) whose counts do not add up to
      ``keseluruhan`` (or, when the sentence states none, the whole it is declared
      part of with ``bagian_dari``), or any statement whose counts exceed it;
    * ``percent``: a printed share that is not jumlah/N × 100 at its printed
      precision but is the share of another count (the message names that count);
    * ``percent_truncated``: the share was cut instead of rounded;
    * ``infeasible``: a printed share that no whole count of N gives;
    * ``total``: the shares of a complete statement cannot add up to 100%; only
      reported when no other outcome already explains the statement.
    """

    name = "distribution"
    outcomes = ("sum", "percent", "percent_truncated", "infeasible", "total")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {
            "bab",
            "kategori",
            "jumlah",
            "jumlah_lain",
            "keseluruhan",
            "satuan",
            "rincian",
            "total",
            "terdekat",
        }
    )
    # A share is jumlah of keseluruhan; the sum and total outcomes name the whole only.
    operands: ClassVar[tuple[str, ...]] = ("jumlah", "keseluruhan")
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"jenis": JENIS_PARAM},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        wanted = self.params.get("jenis")
        for statement in statements(view):
            if wanted is not None and statement.jenis not in wanted:
                continue
            yield from self._check(statement)

    def _check(self, statement: StatedDistribution) -> Iterator[Hit]:
        common = {
            "bab": statement.bab,
            "satuan": statement.satuan,
            "tahun": statement.tahun,
            "keseluruhan": statement.stated_whole,
        }
        reported = False
        sum_hit = self._sum(statement, common)
        if sum_hit is not None:
            reported = True
            yield sum_hit
        whole = statement.whole
        if whole is not None and whole > 0:
            for group in statement.groups:
                hit = self._share(group, whole, {**common, "keseluruhan": whole})
                if hit is not None:
                    reported = True
                    yield hit
        if not reported:
            yield from self._total(statement, common)

    def _sum(self, statement: StatedDistribution, common: dict[str, Any]) -> Hit | None:
        counted = [(g.jumlah, g.kategori) for g in statement.groups if g.jumlah is not None]
        whole = statement.stated_whole
        if whole is None or not counted:
            return None
        total = sum(count for count, _ in counted)
        complete = statement.lengkap and len(counted) == len(statement.groups)
        # A partial statement may leave groups out, but cannot count more than the whole.
        if (complete and total == whole) or (not complete and total <= whole):
            return None
        # The whole may come from narasi.keseluruhan: the sentence's counts are then at fault.
        at = "keseluruhan" if statement.keseluruhan is not None else "kelompok"
        return Hit(
            outcome="sum",
            pointer=f"{statement.pointer}/{at}",
            table=None,
            values={**common, "rincian": breakdown(counted, statement.satuan), "total": total},
            printed=total,
            expected=whole,
        )

    def _share(self, group: StatedGroup, whole: int, common: dict[str, Any]) -> Hit | None:
        printed = group.persen
        if printed is None:
            return None
        decimals = decimals_of(printed)
        values = {
            **common,
            "row": group.kategori,
            "kategori": group.kategori,
            "jumlah": group.jumlah,
            "printed": Percent(printed),
        }
        pointer = f"{group.pointer}/persen"
        if group.jumlah is not None:
            exact = percent(group.jumlah, whole)
            assert exact is not None
            agreement = compare_printed(printed, exact)
            if agreement is Agreement.EXACT:
                return None
            values["expected"] = Percent(exact, decimals)
            rounded = round_half_up(exact, decimals)
            if agreement is Agreement.TRUNCATED:
                return Hit("percent_truncated", pointer, None, values, printed, rounded)
            run = matching_counts(printed, whole) or matching_counts(printed, whole, truncated=True)
            if run is not None:
                values["jumlah_lain"] = run_text(run)
                return Hit("percent", pointer, None, values, printed, rounded)
        elif matching_counts(printed, whole, truncated=True) is not None:
            return None
        values["terdekat"] = nearest(printed, whole)
        return Hit("infeasible", pointer, None, values, printed, None)

    def _total(self, statement: StatedDistribution, common: dict[str, Any]) -> Iterator[Hit]:
        figures = [g.persen for g in statement.groups]
        if not statement.lengkap or not figures or any(f is None for f in figures):
            return
        if statement.whole == 0:  # no share of nothing: there is no 100% to reach
            return
        shown = [f for f in figures if f is not None]
        if sums_to_hundred(shown):
            return
        total = sum(shown, Decimal(0))
        yield Hit(
            outcome="total",
            pointer=f"{statement.pointer}/kelompok",
            table=None,
            values={**common, "total": Percent(total), "printed": Percent(total)},
            printed=total,
            expected=HUNDRED,
        )
