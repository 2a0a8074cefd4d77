"""A figure stated in the text equals the table's (``statement``, NARR-NUM)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.budget import PENDAPATAN, budget_tree
from ...domain.evidence import decide, join_texts
from ...domain.numbers import (
    Agreement,
    compare_printed,
    decimals_of,
    format_number,
    percent,
    round_half_up,
)
from ...domain.scale import scale_in_force
from ...domain.tables import FIGURE_TABLES
from ...domain.units import is_percent_unit
from ...domain.values import as_number, as_rupiah, is_na_text
from ...domain.view import Cell, ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized, Percent, Rupiah
from ...findings import Text
from ..common import (
    FigurePlace,
    places_text,
    same_figure,
    section_label,
    statement_year,
    table_places,
    text_statements,
)

__all__ = ["BESARAN", "Statement", "agreement", "indicator_count"]

BUDGET_FIGURES = {
    "pagu_anggaran": "anggaran",
    "realisasi_anggaran": "realisasi",
    "persen_realisasi_anggaran": "persen",
}
# How each quantity is named in a message: the regulations' own words, kept in both languages.
BESARAN = {
    "target": "target",
    "realisasi": "realisasi",
    "capaian": "capaian",
    "kategori": "kategori",
    "pagu_anggaran": "pagu anggaran",
    "realisasi_anggaran": "realisasi anggaran",
    "persen_realisasi_anggaran": "persentase realisasi anggaran",
    "jumlah_indikator": "jumlah indikator",
}
# The indicator figures a statement may give (each looked up in every table printing it).
_SOURCES = frozenset({"target", "realisasi", "capaian", "kategori"})


def _words(value: str) -> str:
    return " ".join(value.casefold().split())


def agreement(stated: Any, table: Any) -> Agreement | None:
    """How a figure stated in the text relates to the table's figure; None: cannot tell.

    Numbers are judged at the precision the text prints ("90%" agrees with a
    table's 90,00); "N/A" agrees only with "N/A"; words are compared ignoring
    case and spacing. An empty table cell, or text where a number belongs, is
    not judged.
    """
    if table is None or stated is None:
        return None
    if is_na_text(stated) or is_na_text(table):
        return Agreement.EXACT if is_na_text(stated) and is_na_text(table) else Agreement.MISMATCH
    ours, theirs = as_number(stated), as_number(table)
    if ours is not None and theirs is not None:
        return compare_printed(ours, theirs)
    if isinstance(stated, str) and isinstance(table, str):
        return Agreement.EXACT if _words(stated) == _words(table) else Agreement.MISMATCH
    return None


def indicator_count(view: ReportView) -> int | None:
    """How many indicators the report has: its IKU (``iku = true``) when it marks them.

    Falls back to the indicators of Tabel 2.1, then of Tabel 3.2, when the
    ``indikator`` list is absent; None when nothing says.
    """
    listed = [item for item in view.data.get("indikator", []) or [] if isinstance(item, dict)]
    if isinstance(view.data.get("indikator"), list) and listed:
        if any("iku" in item for item in listed):
            return sum(1 for item in listed if item.get("iku") is True)
        return len(listed)
    for table in ("iku", "capaian"):
        names = {row.indikator for row in view.rows(table) if row.indikator is not None}
        if names:
            return len(names)
    return None


class Statement(CheckKind):
    """A figure stated in the text must equal the tables' (NARR-NUM), judged by evidence.

    * ``jumlah_indikator``: the number of indicators (see :func:`indicator_count`);
    * ``target``, ``realisasi``, ``capaian`` of an indicator for a year: every table
      that prints it (the tables the konsistensi-target rules compare), and any other
      sentence stating the same figure;
    * ``kategori``: the kategori column of Tabel 3.2, and the band its capaian falls in
      on the scale in force (a computed witness);
    * ``pagu_anggaran``, ``realisasi_anggaran``, ``persen_realisasi_anggaran``: the
      JUMLAH row of Tabel 3.8, and what its program rows add up to (or, for the
      percentage, realisasi ÷ anggaran of the JUMLAH row).

    The places vote (:mod:`sakip_validate.domain.evidence`). When the text is the
    odd one out: ``mismatch`` at the text, naming the agreeing places. When a table
    is (a JUMLAH that is not the sum of its rows, a kategori that is not its
    capaian's band, a table outvoted by the others), the text is right and the
    table's own rule reports it: nothing here. When nothing decides and no table
    agrees with the text: ``differs``, naming every place, without an expected
    value. ``truncated``: the text agrees only because it cut a figure that
    rounding would have written otherwise. A statement with no table figure to
    compare (a year no table covers, an empty cell) is skipped.
    """

    name = "statement"
    outcomes = ("mismatch", "truncated", "differs")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bab", "besaran", "dibulatkan", "other_table", "places", "subjek"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["besaran"],
        "properties": {
            "besaran": {
                "type": "array",
                "items": {"enum": sorted(BESARAN)},
                "minItems": 1,
                "uniqueItems": True,
            }
        },
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        wanted = set(self.params["besaran"])
        statements = text_statements(view)
        for index, item in statements:
            besaran = item.get("besaran")
            if not isinstance(besaran, str) or besaran not in wanted:
                continue
            if besaran == "jumlah_indikator":
                hit = _indicator_count_hit(view, index, item)
            else:
                # Several rules (mismatch, truncated, differs) ask about the same
                # statements: each is judged once per report, whichever asks first.
                key = (_JUDGED, index)
                if key in view.memo:
                    hit = view.memo[key]
                else:
                    hit = view.memo[key] = self._judge(view, statements, index, item, besaran)
            if hit is not None:
                yield hit

    def _judge(
        self,
        view: ReportView,
        statements: list[tuple[int, dict[str, Any]]],
        index: int,
        item: dict[str, Any],
        besaran: str,
    ) -> Hit | None:
        if not _comparable(besaran, item.get("nilai")):
            return None  # text where a figure belongs (or a figure for a kategori): the schema's
        found = _places(view, statements, item, besaran)
        if found is None:
            return None
        places, row_label, show = found
        pointer = f"/narasi/pernyataan/{index}/nilai"
        mine = next(p for p in places if p.pointer == pointer)
        verdict = decide(places, lambda p: p, same_figure, lambda p: p.adds_up)
        group = verdict.groups[verdict.group_of(mine)]
        others = [p for p in group if p is not mine]
        reference = next((p for p in others if p.kind == "table"), None) or next(
            (p for p in others if p.kind == "computed"), None
        )
        stated = item.get("nilai")
        values: dict[str, Any] = {
            "bab": item.get("bab") if isinstance(item.get("bab"), str) else "?",
            "besaran": BESARAN[besaran],
            "field": besaran,
            "row": row_label,
            "indikator": row_label,
            "tahun": statement_year(item, view),
            "printed": show(stated),
            "subjek": _subject(besaran, row_label),
        }
        if verdict.agree or (verdict.decided and mine in verdict.right):
            return self._truncated(item, pointer, values, reference, stated, show)
        if verdict.decided:
            right = verdict.right
            reference = next((p for p in right if p.kind == "table"), right[0])
            values["expected"] = show(reference.value)
            values["other_table"] = join_texts([p.label for p in right])
            return Hit(
                outcome="mismatch",
                pointer=pointer,
                table=reference.table,
                values=values,
                printed=stated,
                expected=reference.value,
            )
        if any(p.kind == "table" for p in others):
            return None  # the text sides with a table; the tables' disagreement is TGT013-015's
        rest = [p for p in places if p is not mine]
        first_table = next((p for p in rest if p.kind == "table"), rest[0])
        values["other_table"] = join_texts([p.label for p in rest])
        values["places"] = places_text(rest, show)
        values["expected"] = None
        return Hit(
            outcome="differs",
            pointer=pointer,
            table=first_table.table,
            values=values,
            printed=stated,
            expected=None,
        )

    @staticmethod
    def _truncated(
        item: dict[str, Any],
        pointer: str,
        values: dict[str, Any],
        reference: FigurePlace | None,
        stated: Any,
        show: Any,
    ) -> Hit | None:
        """The text agrees with the tables; a figure it truncated is still a finding."""
        if reference is None:
            return None
        result = agreement(stated, reference.value)
        if result is not Agreement.TRUNCATED:
            return None
        stated_figure, table_figure = as_number(stated), as_number(reference.value)
        assert stated_figure is not None and table_figure is not None
        expected = round_half_up(table_figure, decimals_of(stated_figure))
        values.update(
            {
                "expected": show(reference.value),
                "dibulatkan": show(expected),
                "other_table": reference.label,
            }
        )
        return Hit(
            outcome="truncated",
            pointer=pointer,
            table=reference.table,
            values=values,
            printed=stated,
            expected=expected,
        )


def _comparable(besaran: str, stated: Any) -> bool:
    """Whether the stated value can be weighed against a table: a number, N/A, or a kategori."""
    if besaran == "kategori":
        return isinstance(stated, str) and bool(stated.strip())
    return as_number(stated) is not None or is_na_text(stated)


def _subject(besaran: str, row_label: str) -> Localized:
    """What the statement speaks of: "capaian Nilai IKM", "pagu anggaran"."""
    if besaran in BUDGET_FIGURES:
        return Localized(BESARAN[besaran], BESARAN[besaran])
    return Localized(f"{BESARAN[besaran]} {row_label}", f"the {BESARAN[besaran]} of {row_label}")


def _indicator_count_hit(view: ReportView, index: int, item: dict[str, Any]) -> Hit | None:
    count = indicator_count(view)
    stated = item.get("nilai")
    if count is None or agreement(stated, count) in (None, Agreement.EXACT):
        return None
    return Hit(
        outcome="mismatch",
        pointer=f"/narasi/pernyataan/{index}/nilai",
        table="iku",
        values={
            "bab": item.get("bab") if isinstance(item.get("bab"), str) else "?",
            "besaran": BESARAN["jumlah_indikator"],
            "field": "jumlah_indikator",
            "row": "IKU",
            "indikator": "IKU",
            "tahun": statement_year(item, view),
            "printed": stated,
            "expected": count,
            "subjek": Localized("jumlah indikator", "the number of indicators"),
            "other_table": view.table_label("iku"),
        },
        printed=stated,
        expected=count,
    )


Places = tuple[list[FigurePlace], str, Any]
_JUDGED = "statement._judge"


def _places(
    view: ReportView,
    statements: list[tuple[int, dict[str, Any]]],
    item: dict[str, Any],
    besaran: str,
) -> Places | None:
    """Every place stating the statement's figure (the statement among them), or None."""
    year = statement_year(item, view)
    if besaran in BUDGET_FIGURES:
        found = _budget_places(view, year, besaran)
        if found is None:
            return None
        places, show = found
        row_label = "JUMLAH"
    else:
        indikator = item.get("indikator")
        if not isinstance(indikator, str) or besaran not in _SOURCES:
            return None
        key = (indikator, year)
        if besaran == "kategori":
            places = _kategori_places(view, key)
            show = _show_plain
        else:
            places = table_places(view, besaran, key, FIGURE_TABLES[besaran])
            show = _shown_for(view, indikator, besaran)
        if not places:
            return None
        row_label = places[0].row.label if places[0].row is not None else indikator
    for other_index, other in _same_subject(view, statements, besaran, item.get("indikator"), year):
        pointer = f"/narasi/pernyataan/{other_index}/nilai"
        places.append(FigurePlace(section_label(other), other["nilai"], pointer, "text"))
    return places, row_label, show


_SUBJECTS = "statement._subjects"
Statements = list[tuple[int, dict[str, Any]]]


def _subjects(
    view: ReportView, statements: Statements
) -> dict[tuple[Any, Any, int | None], Statements] | None:
    """The statements with a figure by (besaran, indikator, year); None when a statement
    writes either as anything but text (grouping would then not be comparing)."""
    groups: dict[tuple[Any, Any, int | None], Statements] = {}
    for other_index, other in statements:
        besaran, indikator = other.get("besaran"), other.get("indikator")
        if not (type(besaran) is str or besaran is None):
            return None
        if not (type(indikator) is str or indikator is None):
            return None
        if "nilai" in other:
            subject = (besaran, indikator, statement_year(other, view))
            groups.setdefault(subject, []).append((other_index, other))
    return groups


def _same_subject(
    view: ReportView, statements: Statements, besaran: str, indikator: Any, year: int | None
) -> Statements:
    """The statements (with a figure) about ``besaran`` of ``indikator`` in ``year``.

    Every statement is weighed against the others: they are grouped by subject once
    per view. The group lookup equals comparing each statement's fields only when
    they are all text or absent; a file writing anything else is searched one by one.
    """
    if _SUBJECTS not in view.memo:
        view.memo[_SUBJECTS] = _subjects(view, statements)
    groups: dict[tuple[Any, Any, int | None], Statements] | None = view.memo[_SUBJECTS]
    if groups is not None:
        return groups.get((besaran, indikator, year), [])
    return [
        (other_index, other)
        for other_index, other in statements
        if other.get("besaran") == besaran
        and other.get("indikator") == indikator
        and statement_year(other, view) == year
        and "nilai" in other
    ]


def _kategori_places(view: ReportView, key: tuple[Any, ...]) -> list[FigurePlace]:
    """Tabel 3.2's kategori, and the band its capaian falls in on the scale in force."""
    places = table_places(view, "kategori", key, ("capaian",))
    if not places or places[0].row is None:
        return places
    value = places[0].row.cell("capaian").number
    scale = scale_in_force(view)
    if value is None or scale is None:
        return places
    bands = scale.lookup(value)
    if len(bands) == 1:
        label = Text(
            f"skala yang berlaku untuk capaian {format_number(value, 'id')}%",
            f"the scale in force for a capaian of {format_number(value, 'en')}%",
        )
        places.append(FigurePlace(label, bands[0].kategori, places[0].pointer, "computed"))
    return places


def _show_plain(value: Any) -> Any:
    return value


def _show_percent(value: Any) -> Any:
    return Percent(value) if as_number(value) is not None else value


def _show_rupiah(value: Any) -> Any:
    amount = as_rupiah(value)
    return Rupiah(amount) if amount is not None else value


def _shown_for(view: ReportView, indikator: str, besaran: str) -> Any:
    if besaran == "capaian":
        return _show_percent
    if besaran == "kategori":
        return _show_plain
    satuan = view.indicators.get(indikator, {}).get("satuan")
    return _show_percent if is_percent_unit(satuan) else _show_plain


def _budget_places(
    view: ReportView, year: int | None, besaran: str
) -> tuple[list[FigurePlace], Any] | None:
    """The JUMLAH row of Tabel 3.8 when it reports ``year``, and what its rows give.

    A revenue table's JUMLAH row is no pagu: the text's budget figures are spending.
    """
    table = view.raw_table("realisasi_anggaran")
    total = table.get("jumlah")
    if not isinstance(total, dict) or table.get("jenis_anggaran") == PENDAPATAN:
        return None
    table_year = table.get("tahun")
    table_year = table_year if isinstance(table_year, int) else view.year
    if year is not None and table_year is not None and year != table_year:
        return None
    field = BUDGET_FIGURES[besaran]
    cell = Cell(total.get(field), f"/tabel/realisasi_anggaran/jumlah/{field}")
    if not cell.present:
        return None
    label = view.table_label("realisasi_anggaran")
    jumlah = Text(f"baris JUMLAH {label.id}", f"the JUMLAH row of {label.en}")
    places = [FigurePlace(jumlah, cell.value, cell.pointer, "table", "realisasi_anggaran")]
    computed = _budget_computed(view, total, field)
    if computed is not None:
        places.append(
            FigurePlace(computed[0], computed[1], cell.pointer, "computed", "realisasi_anggaran")
        )
    shown = _show_percent if besaran == "persen_realisasi_anggaran" else _show_rupiah
    return places, shown


def _program_sum(view: ReportView, field: str) -> int | None:
    """What the program rows of Tabel 3.8 add up to, or None when a row has no amount.

    A heading row counts with the sum of its sub-rows; only the programs of the
    table's own jenis (spending, unless it declares revenue) add up to its JUMLAH
    row, and an excerpt's programs are not all of them.
    """
    key = (_PROGRAM_SUM, field)  # several statements of a report ask for the same sums
    if key not in view.memo:
        view.memo[key] = _program_rows_sum(view, field)
    found: int | None = view.memo[key]
    return found


_PROGRAM_SUM = "statement._program_sum"


def _program_rows_sum(view: ReportView, field: str) -> int | None:
    tree = budget_tree(view, "realisasi_anggaran", with_total=False)
    if tree.kutipan:
        return None
    amounts = [
        tree.amount(node, field)
        for node in tree.nodes
        if node.row.cell("tingkat").value == "program" and tree.jenis_of(node) == tree.jenis
    ]
    if not amounts or any(amount is None for amount in amounts):
        return None
    return sum(amount.value for amount in amounts if amount is not None)


def _budget_computed(
    view: ReportView, total: dict[str, Any], field: str
) -> tuple[Text, Any] | None:
    """What Tabel 3.8's rows give for a JUMLAH figure: their sum, or realisasi ÷ anggaran.

    The percentage is computed from the program rows when they all print both
    amounts (a typo in the JUMLAH row then does not vouch for itself), else from
    the JUMLAH row's own amounts.
    """
    label = view.table_label("realisasi_anggaran")
    if field != "persen":
        amount = _program_sum(view, field)
        if amount is None:
            return None
        return (
            Text(f"jumlah baris program {label.id}", f"the sum of the program rows of {label.en}"),
            amount,
        )
    anggaran, realisasi = _program_sum(view, "anggaran"), _program_sum(view, "realisasi")
    if anggaran is not None and realisasi is not None and anggaran != 0:
        return (
            Text(
                f"realisasi ÷ anggaran baris program {label.id}",
                f"realisasi ÷ anggaran of the program rows of {label.en}",
            ),
            percent(realisasi, anggaran),
        )
    anggaran, realisasi = as_rupiah(total.get("anggaran")), as_rupiah(total.get("realisasi"))
    if anggaran is None or realisasi is None or anggaran == 0:
        return None
    return (
        Text(
            f"realisasi ÷ anggaran baris JUMLAH {label.id}",
            f"realisasi ÷ anggaran of the JUMLAH row of {label.en}",
        ),
        percent(realisasi, anggaran),
    )
