"""A unit's reports across years: last year's figures, Renstra targets, dropped indicators.

The rule packs see one report at a time; these checks compare the reports of
one unit (the inputs of a run and the earlier reports given with
``--previous``), using only each file's summary
(:class:`~sakip_validate.domain.facts.ReportFacts`):

* **YEAR001**: a figure of an earlier year in this year's comparison table
  (Tabel 3.3: target, realisasi, capaian) differs from what that year's report
  printed in its own capaian table (Tabel 3.2);
* **YEAR002**: a Renstra yearly target (Tabel 2.1) differs between reports of
  the same Renstra period; **YEAR003**: the same for the Renstra end target
  (Tabel 3.4);
* **YEAR004**: an indicator of last year's report is missing this year (within
  the same Renstra period) with no note; the note is a waiver
  (``pengecualian``) for YEAR004 with its reason. A partial report
  (``laporan.cakupan = "sebagian"``) lists only the indicators its tables use:
  YEAR004 does not apply to it and is listed as not applicable.

Reports are paired by unit: the unit's name and its pemerintah daerah, letter
case, spacing and punctuation aside. Two units of the same name under
different governments are different units; a report that names no government
pairs with the others only when they all name the same one (or none).
Indicators are paired by id, else by name (tolerantly, like units).

Figures are equal when they are equal by value (``50`` and ``50.00``), both are
not available (``N/A``, ``-``), or, when printed with different decimals, the
more precise one rounds half-up to the other (``5.83`` printed as ``5.8``).

Findings go to the reports of the run, at the figure that differs, and name the
other report and the place there. When a figure differs between several
reports, the odd one out is blamed: the reports printing what most of them
print are the reference; with no majority, the earlier report's figure is
(evidence reports before the run's own). Reports given only as evidence never
receive findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from .codes import (
    YEAR_EARLIER_FIGURE,
    YEAR_END_TARGET,
    YEAR_INDICATOR_DROPPED,
    YEAR_LEGAL_BASIS,
    YEAR_RENSTRA_TARGET,
    Code,
)
from .domain.citation import cite
from .domain.facts import FIELDS, Figure, IndicatorFacts, ReportFacts
from .domain.numbers import Agreement, compare_printed, decimals_of, format_number
from .domain.scope import PARTIAL_REASON
from .domain.values import as_number, is_na, same_value
from .engine.runner import neutral
from .findings import Finding, Lang, Text, TextLocation
from .result import FileReport, SkippedRule

__all__ = ["add_year_findings", "compare_years", "printed_alike", "same_printed", "units"]


# -- comparing printed figures -------------------------------------------------------------


def same_printed(a: Any, b: Any) -> bool:
    """Printed alike to the letter: equal numbers (50 and 50.00), both N/A, or equal text."""
    if is_na(a) and is_na(b):
        return True
    return same_value(a, b)


def printed_alike(a: Any, b: Any) -> bool:
    """Two printings of one figure agree at the precision they show.

    Equal by :func:`same_printed`, or, when printed with different decimals,
    the more precise one rounds half-up to the other (5.83 printed as 5.8).
    """
    if same_printed(a, b):
        return True
    x, y = as_number(a), as_number(b)
    if x is None or y is None:
        return False
    coarse, fine = (x, y) if decimals_of(x) < decimals_of(y) else (y, x)
    if decimals_of(coarse) == decimals_of(fine):
        return False
    return compare_printed(coarse, fine) is Agreement.EXACT


# -- pairing -------------------------------------------------------------------------------


def units(summaries: Sequence[ReportFacts]) -> list[list[int]]:
    """Indexes of the summaries of each unit that has more than one report."""
    by_name: dict[str, list[int]] = {}
    for index, facts in enumerate(summaries):
        by_name.setdefault(facts.unit_key, []).append(index)
    groups: list[list[int]] = []
    for members in by_name.values():
        governments = sorted({g for i in members if (g := summaries[i].government_key)})
        if len(governments) <= 1:
            groups.append(members)
            continue
        # Same name, several governments: reports naming none cannot be placed.
        for government in governments:
            groups.append([i for i in members if summaries[i].government_key == government])
    return [group for group in groups if len(group) > 1]


class _Indicators:
    """Each report's indicators by id and by name, built once."""

    def __init__(self, summaries: Sequence[ReportFacts]) -> None:
        self.by_id = [{ind.id: ind for ind in facts.indicators} for facts in summaries]
        self.by_name: list[dict[str, IndicatorFacts]] = []
        for facts in summaries:
            named: dict[str, IndicatorFacts] = {}
            for ind in facts.indicators:
                named.setdefault(ind.key, ind)
            self.by_name.append(named)

    def match(self, indicator: IndicatorFacts, report: int) -> IndicatorFacts | None:
        """The indicator of report ``report`` that is ``indicator``: same id, else same name."""
        return self.by_id[report].get(indicator.id) or self.by_name[report].get(indicator.key)


def _clusters(
    group: Sequence[int], summaries: Sequence[ReportFacts]
) -> list[list[tuple[int, IndicatorFacts]]]:
    """The indicators of ``group`` that are one indicator (same id or same name), as clusters."""
    nodes = [(report, ind) for report in group for ind in summaries[report].indicators]
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for index, (_, ind) in enumerate(nodes):
        for key in (("id", ind.id), ("name", ind.key)):
            if key in first:
                parent[root(index)] = root(first[key])
            else:
                first[key] = index
    clusters: dict[int, list[tuple[int, IndicatorFacts]]] = {}
    for index, node in enumerate(nodes):
        clusters.setdefault(root(index), []).append(node)
    return list(clusters.values())


# -- wording -------------------------------------------------------------------------------

# What to do, per code (the family's fix covers them all in the rule documentation).
_HINTS = {
    YEAR_EARLIER_FIGURE.id: Text(
        "Kutip angka tahun itu persis seperti laporan tahun itu mencetaknya; bila laporan itu "
        "yang keliru, jelaskan koreksinya dalam laporan ini.",
        "Quote that year's figure exactly as that year's report printed it; when that report "
        "is the one in error, explain the correction in this report.",
    ),
    YEAR_RENSTRA_TARGET.id: Text(
        "Cetak target seperti dokumen Renstra menetapkannya; bila Renstra telah direviu, "
        "sebutkan reviunya dan catat pengecualian beserta alasannya.",
        "Print the target as the Renstra document sets it; when the Renstra was revised, cite "
        "the revision and record a waiver with its reason.",
    ),
    YEAR_INDICATOR_DROPPED.id: Text(
        "Laporkan kembali indikator itu, atau jelaskan penghapusannya (misalnya reviu Renstra) "
        "dan catat pengecualian untuk YEAR004 beserta alasan dan persetujuannya.",
        "Report the indicator again, or explain why it was dropped (a Renstra revision, say) "
        "and record a waiver for YEAR004 with its reason and approval.",
    ),
}
_HINTS[YEAR_END_TARGET.id] = _HINTS[YEAR_RENSTRA_TARGET.id]

_FIELD_WORDS = {
    "target": Text("Target", "target"),
    "realisasi": Text("Realisasi", "realisasi"),
    "capaian": Text("Capaian", "capaian"),
}


def _show(value: Any, field: str, lang: Lang) -> str:
    """A printed figure as the reader writes it (capaian with its % sign)."""
    number = as_number(value)
    if number is None:
        return str(value)  # N/A, -, as printed
    shown = format_number(value if isinstance(value, int) else number, lang)
    return shown + "%" if field == "capaian" else shown


def _where(facts: ReportFacts, key: str, figure: Figure, lang: Lang) -> str:
    """Where the other report prints the figure, as its reader finds it ("Tabel 3.2, baris 1
    (…), kolom Realisasi, hlm. 40"); its table's name when its data records no more."""
    return cite(figure.place, lang) or facts.table(key).get(lang)


def _both(build: Callable[[Lang], str]) -> Text:
    return Text(build("id"), build("en"))


def _earlier_message(
    field: str,
    name: str,
    year: int,
    mine: tuple[ReportFacts, Figure],
    theirs: tuple[ReportFacts, Figure],
) -> Text:
    (ours, here), (other, there) = mine, theirs

    def build(lang: Lang) -> str:
        printed, expected = _show(here.value, field, lang), _show(there.value, field, lang)
        table = ours.table("perbandingan_tahun").get(lang)
        where = _where(other, "capaian", there, lang)
        if lang == "en":
            return (
                f'The {year} {_FIELD_WORDS[field].en} of "{name}" is printed as {printed} in '
                f"{table}; the {year} report printed {expected} in {where}."
            )
        return (
            f'{_FIELD_WORDS[field].id} "{name}" tahun {year} tertulis {printed} di {table}; '
            f"laporan tahun {year} mencetak {expected} di {where}."
        )

    return _both(build)


def _target_message(
    table_key: str,
    what: tuple[Text, Text],
    mine: tuple[ReportFacts, Figure],
    theirs: tuple[ReportFacts, Figure],
    agreeing: int,
    period: tuple[int, int],
) -> Text:
    """A YEAR002/YEAR003 message; ``what``: its subject and what follows (" untuk tahun 2027")."""
    (ours, here), (other, there) = mine, theirs
    span = f"{period[0]}–{period[1]}"

    def build(lang: Lang) -> str:
        printed = _show(here.value, "target", lang)
        expected = _show(there.value, "target", lang)
        table = ours.table(table_key).get(lang)
        where = _where(other, table_key, there, lang)
        subject = what[0].get(lang)
        if lang == "en":
            more = f"; {agreeing - 1} other report(s) agree" if agreeing > 1 else ""
            return (
                f"{subject}{what[1].en} is printed as {printed} in {table}; the {other.year} "
                f"report printed {expected} in {where}{more} (Renstra {span})."
            )
        more = f"; begitu pula {agreeing - 1} laporan lain" if agreeing > 1 else ""
        return (
            f"{subject}{what[1].id} tertulis {printed} di {table}; laporan tahun {other.year} "
            f"mencetak {expected} di {where}{more} (Renstra {span})."
        )

    return _both(build)


def _dropped_message(theirs: ReportFacts, indicator: IndicatorFacts) -> Text:
    def build(lang: Lang) -> str:
        if lang == "en":
            return (
                f'The indicator "{indicator.name}" of the {theirs.year} report is missing from '
                "this report, with no note on why it was dropped."
            )
        return (
            f'Indikator "{indicator.name}" dari laporan tahun {theirs.year} tidak ada dalam '
            "laporan ini, tanpa catatan mengapa indikator itu dihapus."
        )

    return _both(build)


@dataclass(frozen=True, slots=True)
class _Place:
    report: int
    figure: Figure


class _Comparison:
    """One comparison run over a list of summaries; collects findings per summary."""

    def __init__(self, summaries: Sequence[ReportFacts], reportable: Sequence[bool]) -> None:
        self.summaries = summaries
        self.reportable = reportable
        self.indicators = _Indicators(summaries)
        self.findings: list[list[Finding]] = [[] for _ in summaries]

    def add(
        self,
        code: Code,
        report: int,
        figure: Figure,
        message: Text,
        *,
        table: str | None = None,
        row: str | None = None,
        printed: Any = None,
        expected: Any = None,
    ) -> None:
        facts = self.summaries[report]
        self.findings[report].append(
            Finding(
                rule=code.id,
                severity=code.severity,
                message=message,
                location=TextLocation(facts.file, figure.pointer, figure.line, figure.column),
                hint=_HINTS.get(code.id, code.family.fix),
                pack=code.pack,
                title=code.title,
                table=facts.table(table) if table else None,
                table_key=table,
                row=row,
                printed=neutral(printed),
                expected=neutral(expected),
                legal_basis=YEAR_LEGAL_BASIS,
                place=figure.place,
            )
        )

    # YEAR001 ---------------------------------------------------------------------------

    def earlier_figures(self, group: Sequence[int]) -> None:
        """This year's comparison table against each earlier year's own report."""
        for this in group:
            if not self.reportable[this]:
                continue
            mine = self.summaries[this]
            for indicator in mine.indicators:
                for year, figures in sorted(indicator.earlier.items()):
                    if year >= mine.year:
                        continue  # this year's own figures: the in-document rules' concern
                    for other in group:
                        theirs = self.summaries[other]
                        if other == this or theirs.own_year != year:
                            continue
                        match = self.indicators.match(indicator, other)
                        if match is not None:
                            self._earlier(this, indicator, year, figures, other, match)

    def _earlier(
        self,
        this: int,
        indicator: IndicatorFacts,
        year: int,
        figures: dict[str, Figure],
        other: int,
        match: IndicatorFacts,
    ) -> None:
        mine, theirs = self.summaries[this], self.summaries[other]
        for field in FIELDS:
            here, there = figures.get(field), match.printed.get(field)
            if here is None or there is None or printed_alike(here.value, there.value):
                continue
            self.add(
                YEAR_EARLIER_FIGURE,
                this,
                here,
                _earlier_message(field, indicator.name, year, (mine, here), (theirs, there)),
                table="perbandingan_tahun",
                row=indicator.name,
                printed=here.value,
                expected=there.value,
            )

    # YEAR002, YEAR003 ------------------------------------------------------------------

    def renstra_targets(self, group: Sequence[int]) -> None:
        """Renstra yearly and end targets agree across the reports of one Renstra period."""
        periods: dict[tuple[int, int], list[int]] = {}
        for report in group:
            period = self.summaries[report].renstra
            if period is not None:
                periods.setdefault(period, []).append(report)
        for period, members in periods.items():
            if len(members) < 2 or not any(self.reportable[m] for m in members):
                continue
            for cluster in _clusters(members, self.summaries):
                self._targets(period, cluster)
                self._end_targets(period, cluster)

    def _targets(self, period: tuple[int, int], cluster: list[tuple[int, IndicatorFacts]]) -> None:
        years: dict[int, list[_Place]] = {}
        seen: set[tuple[int, int]] = set()
        for report, indicator in cluster:
            for year, figure in indicator.targets.items():
                if (report, year) not in seen:  # one place per report
                    seen.add((report, year))
                    years.setdefault(year, []).append(_Place(report, figure))
        name = self._name(cluster)
        for year, places in sorted(years.items()):
            what = (
                Text(f'Target Renstra "{name}"', f'The Renstra target of "{name}"'),
                Text(f" untuk tahun {year}", f" for {year}"),
            )
            for odd, reference, agreeing in self._odd_ones(places):
                self.add(
                    YEAR_RENSTRA_TARGET,
                    odd.report,
                    odd.figure,
                    _target_message(
                        "iku",
                        what,
                        (self.summaries[odd.report], odd.figure),
                        (self.summaries[reference.report], reference.figure),
                        agreeing,
                        period,
                    ),
                    table="iku",
                    row=name,
                    printed=odd.figure.value,
                    expected=reference.figure.value,
                )

    def _end_targets(
        self, period: tuple[int, int], cluster: list[tuple[int, IndicatorFacts]]
    ) -> None:
        by_year: dict[int | None, list[_Place]] = {}
        seen: set[int] = set()
        for report, indicator in cluster:
            if indicator.end_target is not None and report not in seen:
                seen.add(report)
                end_year = self.summaries[report].end_year
                by_year.setdefault(end_year, []).append(_Place(report, indicator.end_target))
        name = self._name(cluster)
        for end_year, places in by_year.items():
            when = f" ({end_year})" if end_year is not None else ""
            what = (
                Text(
                    f'Target akhir Renstra{when} "{name}"',
                    f'The Renstra end target{when} of "{name}"',
                ),
                Text("", ""),
            )
            for odd, reference, agreeing in self._odd_ones(places):
                self.add(
                    YEAR_END_TARGET,
                    odd.report,
                    odd.figure,
                    _target_message(
                        "target_akhir_renstra",
                        what,
                        (self.summaries[odd.report], odd.figure),
                        (self.summaries[reference.report], reference.figure),
                        agreeing,
                        period,
                    ),
                    table="target_akhir_renstra",
                    row=name,
                    printed=odd.figure.value,
                    expected=reference.figure.value,
                )

    def _name(self, cluster: list[tuple[int, IndicatorFacts]]) -> str:
        """The indicator's name as the latest report of the cluster prints it."""
        return max(cluster, key=lambda node: self.summaries[node[0]].year)[1].name

    def _odd_ones(self, places: list[_Place]) -> Iterator[tuple[_Place, _Place, int]]:
        """(place blamed, the reference place it differs from, places agreeing with that one).

        Places printing the same figure form a group; the largest group is the
        reference (ties: the one without reports of the run, then the earliest).
        Only places of the run's reports are blamed.
        """
        groups: list[list[_Place]] = []
        for place in places:
            for group in groups:
                if same_printed(group[0].figure.value, place.figure.value):
                    group.append(place)
                    break
            else:
                groups.append([place])
        if len(groups) < 2:
            return

        def rank(group: list[_Place]) -> tuple[int, bool, int, str]:
            earliest = min(group, key=self._order)
            return (
                -len(group),
                any(self.reportable[p.report] for p in group),
                *self._order(earliest),
            )

        reference = min(groups, key=rank)
        value = reference[0].figure.value
        for group in groups:
            if group is reference:
                continue
            for place in group:
                if not self.reportable[place.report] or printed_alike(place.figure.value, value):
                    continue
                year = self.summaries[place.report].year
                nearest = min(
                    reference,
                    key=lambda p: (abs(self.summaries[p.report].year - year), *self._order(p)),
                )
                yield place, nearest, len(reference)

    def _order(self, place: _Place) -> tuple[int, str]:
        facts = self.summaries[place.report]
        return facts.year, facts.file

    # YEAR004 ---------------------------------------------------------------------------

    def dropped(self, group: Sequence[int]) -> None:
        """An indicator of last year's report missing this year, within one Renstra period."""
        for this in group:
            mine = self.summaries[this]
            if not self.reportable[this] or mine.partial:
                continue  # a partial report lists only the indicators its tables use
            missing: dict[str, tuple[int, IndicatorFacts]] = {}
            for other in group:
                theirs = self.summaries[other]
                if theirs.year != mine.year - 1:
                    continue
                if mine.renstra and theirs.renstra and mine.renstra != theirs.renstra:
                    continue  # a new Renstra sets its own indicators
                for indicator in theirs.indicators:
                    if self.indicators.match(indicator, this) is None:
                        missing.setdefault(indicator.key, (other, indicator))
            for other, indicator in missing.values():
                self.add(
                    YEAR_INDICATOR_DROPPED,
                    this,
                    mine.listed,
                    _dropped_message(self.summaries[other], indicator),
                    row=indicator.name,
                )


def compare_years(
    summaries: Sequence[ReportFacts], reportable: Sequence[bool]
) -> list[list[Finding]]:
    """The cross-year findings of each summary (none for those not ``reportable``)."""
    comparison = _Comparison(summaries, reportable)
    for group in units(summaries):
        if not any(reportable[i] for i in group):
            continue
        comparison.earlier_figures(group)
        comparison.renstra_targets(group)
        comparison.dropped(group)
    for found in comparison.findings:
        found.sort(key=Finding.sort_key)
    return comparison.findings


def add_year_findings(reports: Sequence[FileReport], evidence: Sequence[ReportFacts] = ()) -> None:
    """Compare ``reports`` (their ``facts``) with each other and ``evidence``; add the findings.

    Each report keeps its findings sorted and gains the source lines its new
    findings point at. ``evidence`` (earlier reports not checked in this run)
    only serves as the other side of a comparison.
    """
    found_all = year_findings([report.facts for report in reports], evidence)
    for report, found in zip(reports, found_all, strict=True):
        add_found(report, found)


def year_findings(
    facts: Sequence[ReportFacts | None], evidence: Sequence[ReportFacts] = ()
) -> list[list[Finding]]:
    """The findings across years of each report, given the reports' summaries in order.

    A report without a summary (it did not pass the schema) gets none. Only the
    summaries are needed, so a large run can keep its reports packed meanwhile.
    """
    present = [summary for summary in facts if summary is not None]
    reportable = [True] * len(present) + [False] * len(evidence)
    found = iter(compare_years(present + list(evidence), reportable)[: len(present)])
    return [[] if summary is None else list(next(found)) for summary in facts]


def add_found(report: FileReport, found: Sequence[Finding]) -> None:
    """Add a report's findings across years (:func:`year_findings`), with their source lines."""
    facts = report.facts
    if facts is None:
        return
    if facts.partial:
        report.skipped_rules.append(SkippedRule(YEAR_INDICATOR_DROPPED.id, PARTIAL_REASON))
    if not found:
        return
    report.findings.extend(found)
    report.findings.sort(key=Finding.sort_key)
    for finding in found:
        line = finding.location.line
        if line is not None and line in facts.lines:
            report.lines.setdefault(line, facts.lines[line])
