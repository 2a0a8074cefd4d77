"""Distributions stated in the text: counts out of a whole, and the same distribution twice.

A report often says how many of its units fall in each group ("dari 17 desa terdapat
1 desa maju, 11 desa berkembang, 5 desa tertinggal", sometimes with a percentage
each). The data model keeps them in ``narasi.distribusi``. :class:`Distribution`
checks one statement on its own (COUNT-PCT); :class:`DistributionAgreement`
checks that statements of the same distribution agree with each other (STATUS-XSEC).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal
from typing import Any, ClassVar

from ..domain.numbers import Agreement, compare_printed, decimals_of, percent, round_half_up
from ..domain.view import ReportView
from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Percent

__all__ = ["Distribution", "DistributionAgreement", "matching_counts"]

_BASE = "/narasi/distribusi"
# Only bounds a search that is verified exactly afterwards: plenty of digits, no traps needed.
_WIDE = Context(prec=80, rounding=ROUND_FLOOR)
_HUNDRED = Decimal(100)


# -- reading the statements ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Group:
    index: int
    kategori: str
    key: str
    jumlah: int | None
    persen: Decimal | None
    pointer: str


@dataclass(frozen=True, slots=True)
class _Statement:
    index: int
    pointer: str
    bab: str
    tahun: int | None
    jenis: Any
    keseluruhan: int | None
    satuan: str
    lengkap: bool
    groups: tuple[_Group, ...]

    @property
    def counts(self) -> list[int] | None:
        """Every group's count, or None when some group gives none."""
        counts = [group.jumlah for group in self.groups if group.jumlah is not None]
        return counts if len(counts) == len(self.groups) else None

    @property
    def whole(self) -> int | None:
        """N: the stated whole, else the sum of the counts of a complete statement."""
        if self.keseluruhan is not None:
            return self.keseluruhan
        counts = self.counts
        return sum(counts) if self.lengkap and counts else None


def _count(value: Any) -> int | None:
    """A non-negative whole count, or None (text, fractions, negatives: not a count)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        value = int(value)
    return value if isinstance(value, int) and value >= 0 else None


def _figure(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    figure = Decimal(value)
    return figure if figure.is_finite() else None


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def category_key(kategori: str, satuan: str = "") -> str:
    """Normalised group name: case and spacing ignored, a leading unit word dropped.

    "Desa Mandiri" counted in "desa" is the group "mandiri".
    """
    words = kategori.casefold().split()
    unit = satuan.casefold().strip()
    if len(words) > 1 and unit and words[0] == unit:
        words = words[1:]
    return " ".join(words)


def statements(view: ReportView) -> list[_Statement]:
    """The ``narasi.distribusi`` statements that can be read, in document order."""
    narasi = view.data.get("narasi")
    items = narasi.get("distribusi") if isinstance(narasi, dict) else None
    found = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        pointer = f"{_BASE}/{index}"
        satuan = _text(item.get("satuan"))
        groups = []
        raw_groups = item.get("kelompok")
        for g, raw in enumerate(raw_groups if isinstance(raw_groups, list) else []):
            if not isinstance(raw, dict):
                continue
            kategori = _text(raw.get("kategori"))
            groups.append(
                _Group(
                    index=g,
                    kategori=kategori or f"#{g + 1}",
                    key=category_key(kategori, satuan) if kategori else f"#{g + 1}",
                    jumlah=_count(raw.get("jumlah")),
                    persen=_figure(raw.get("persen")),
                    pointer=f"{pointer}/kelompok/{g}",
                )
            )
        tahun = item.get("tahun")
        found.append(
            _Statement(
                index=index,
                pointer=pointer,
                bab=_text(item.get("bab")) or "?",
                tahun=tahun if isinstance(tahun, int) and not isinstance(tahun, bool) else None,
                jenis=item.get("jenis"),
                keseluruhan=_count(item.get("keseluruhan")),
                satuan=satuan,
                lengkap=item.get("lengkap") is True,
                groups=tuple(groups),
            )
        )
    return found


def _breakdown(pairs: list[tuple[int, str]], satuan: str) -> str:
    """ "2 desa maju, 4 desa berkembang": counts and group names, as the text words them."""
    unit = f" {satuan}" if satuan else ""
    return ", ".join(f"{count}{unit} {name}" for count, name in pairs)


# -- the arithmetic ----------------------------------------------------------------


def matching_counts(
    printed: Decimal, whole: int, *, truncated: bool = False
) -> tuple[int, int] | None:
    """The counts k (0 ≤ k ≤ whole) for which k/whole × 100 prints as ``printed``.

    Half-up rounding at the printed precision; with ``truncated`` also the counts
    that give ``printed`` by truncation. The counts form one run, returned as
    (first, last); None when there is none, i.e. the figure cannot be a share of
    ``whole``. The search is bounded by the figure's printed interval, so it costs
    a handful of exact comparisons whatever ``whole`` is.
    """
    if whole <= 0:
        return None

    def accepted(k: int) -> bool:
        share = percent(k, whole)
        assert share is not None  # whole > 0
        agreement = compare_printed(printed, share)
        return agreement is Agreement.EXACT or (truncated and agreement is Agreement.TRUNCATED)

    half = Decimal((0, (5,), -(decimals_of(printed) + 1)))
    low = _WIDE.subtract(printed, half)
    high = _WIDE.add(printed, _WIDE.multiply(half, 2 if truncated else 1))

    def scaled(bound: Decimal, rounding: str) -> int:
        value = _WIDE.divide(_WIDE.multiply(bound, whole), _HUNDRED)
        return int(value.to_integral_value(rounding=rounding))

    first = max(0, scaled(low, ROUND_FLOOR) - 1)
    last = min(whole, scaled(high, ROUND_CEILING) + 1)
    while first <= last and not accepted(first):
        first += 1
    while last >= first and not accepted(last):
        last -= 1
    return (first, last) if first <= last else None


def _run_text(run: tuple[int, int]) -> str | int:
    return run[0] if run[0] == run[1] else f"{run[0]}–{run[1]}"


def _nearest(printed: Decimal, whole: int) -> list[Percent]:
    """The shares of ``whole`` just below and just above ``printed``, at its precision."""
    decimals = decimals_of(printed)
    below = int(
        _WIDE.divide(_WIDE.multiply(printed, whole), _HUNDRED).to_integral_value(ROUND_FLOOR)
    )
    found = []
    for k in (below, below + 1):
        if 0 <= k <= whole:
            share = percent(k, whole)
            assert share is not None
            found.append(Percent(round_half_up(share, decimals), decimals))
    if not found:  # the figure lies beyond 0..100%: the nearest share is an end
        end = 0 if printed < 0 else whole
        share = percent(end, whole)
        assert share is not None
        found.append(Percent(round_half_up(share, decimals), decimals))
    return found


def _sums_to_hundred(figures: list[Decimal]) -> bool:
    """Whether printed shares can come from values that add up to exactly 100.

    Each figure stands for its half-up interval p ± h or, if it was truncated,
    [p, p + 2h); 100 must lie within the sum of those widest bounds, so honest
    rounding (or truncation, reported separately when the counts are known) never fails.
    """
    low = Decimal(0)
    high = Decimal(0)
    for figure in figures:
        half = Decimal((0, (5,), -(decimals_of(figure) + 1)))
        low = _WIDE.add(low, _WIDE.subtract(figure, half))
        high = _WIDE.add(high, _WIDE.add(figure, _WIDE.multiply(half, 2)))
    return low <= _HUNDRED <= high


# -- the kinds --------------------------------------------------------------------

_JENIS_PARAM = {
    "type": "array",
    "items": {"type": "string", "minLength": 1},
    "minItems": 1,
    "uniqueItems": True,
}


class Distribution(CheckKind):
    """Counts and percentages of one stated distribution (COUNT-PCT).

    Outcomes, each defect reported once:

    * ``sum``: a complete statement (``lengkap``) whose counts do not add up to
      ``keseluruhan``, or any statement whose counts exceed it;
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
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"jenis": _JENIS_PARAM},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        wanted = self.params.get("jenis")
        for statement in statements(view):
            if wanted is not None and statement.jenis not in wanted:
                continue
            yield from self._check(statement)

    def _check(self, statement: _Statement) -> Iterator[Hit]:
        common = {
            "bab": statement.bab,
            "satuan": statement.satuan,
            "tahun": statement.tahun,
            "keseluruhan": statement.keseluruhan,
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

    def _sum(self, statement: _Statement, common: dict[str, Any]) -> Hit | None:
        counted = [(g.jumlah, g.kategori) for g in statement.groups if g.jumlah is not None]
        whole = statement.keseluruhan
        if whole is None or not counted:
            return None
        total = sum(count for count, _ in counted)
        complete = statement.lengkap and len(counted) == len(statement.groups)
        # A partial statement may leave groups out, but cannot count more than the whole.
        if (complete and total == whole) or (not complete and total <= whole):
            return None
        return Hit(
            outcome="sum",
            pointer=f"{statement.pointer}/keseluruhan",
            table=None,
            values={**common, "rincian": _breakdown(counted, statement.satuan), "total": total},
            printed=total,
            expected=whole,
        )

    def _share(self, group: _Group, whole: int, common: dict[str, Any]) -> Hit | None:
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
                values["jumlah_lain"] = _run_text(run)
                return Hit("percent", pointer, None, values, printed, rounded)
        elif matching_counts(printed, whole, truncated=True) is not None:
            return None
        values["terdekat"] = _nearest(printed, whole)
        return Hit("infeasible", pointer, None, values, printed, None)

    def _total(self, statement: _Statement, common: dict[str, Any]) -> Iterator[Hit]:
        figures = [g.persen for g in statement.groups]
        if not statement.lengkap or not figures or any(f is None for f in figures):
            return
        if statement.whole == 0:  # no share of nothing: there is no 100% to reach
            return
        shown = [f for f in figures if f is not None]
        if _sums_to_hundred(shown):
            return
        total = sum(shown, Decimal(0))
        yield Hit(
            outcome="total",
            pointer=f"{statement.pointer}/kelompok",
            table=None,
            values={**common, "total": Percent(total), "printed": Percent(total)},
            printed=total,
            expected=_HUNDRED,
        )


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
        "properties": {"jenis": _JENIS_PARAM},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        for jenis in self.params["jenis"]:
            found = [s for s in statements(view) if s.jenis == jenis and _counted(s)]
            yield from self._compare(found, view.year)

    def _compare(self, found: list[_Statement], year: int | None) -> Iterator[Hit]:
        first_of_year: dict[int, _Statement] = {}
        for statement in found:
            if statement.tahun is not None:
                first_of_year.setdefault(statement.tahun, statement)
        dated = list(first_of_year.values())
        main = first_of_year.get(year) if year is not None else None
        if main is None:
            main = dated[0] if dated else (found[0] if found else None)
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

    def _differ(self, statement: _Statement, reference: _Statement, outcome: str) -> Hit | None:
        theirs = {group.key: (count, group.kategori) for group, count in _counted(reference)}
        differing = [
            (group, count, theirs[group.key])
            for group, count in _counted(statement)
            if group.key in theirs and theirs[group.key][0] != count
        ]
        if not differing:
            return None
        satuan = statement.satuan or reference.satuan
        ours = _breakdown([(count, group.kategori) for group, count, _ in differing], satuan)
        other = _breakdown([pair for _, _, pair in differing], satuan)
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


def _counted(statement: _Statement) -> list[tuple[_Group, int]]:
    """The groups that give a count, with it; the first of each group name only."""
    seen: set[str] = set()
    found = []
    for group in statement.groups:
        if group.jumlah is None or group.key in seen:
            continue
        seen.add(group.key)
        found.append((group, group.jumlah))
    return found
