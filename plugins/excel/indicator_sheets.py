"""Indicator table sheets (Tabel 3.2 to 3.6) and the sheet comparing one figure across tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sakip_validate.domain.numbers import Polarity, capaian, percent
from sakip_validate.domain.scale import Scale, scale_in_force
from sakip_validate.domain.tables import FIGURE_TABLES
from sakip_validate.domain.values import as_number
from sakip_validate.domain.view import Cell, ReportView, Row

from ..summary import display_value
from .marks import Marks
from .writer import Cached, Writer, difference, ratio_operands, red, ref, table_title

if TYPE_CHECKING:
    from xlsxwriter.worksheet import Worksheet


@dataclass(frozen=True, slots=True)
class IndicatorTable:
    """A table that prints target, realisasi and capaian per indicator (and year)."""

    table: str
    sheet: str
    whole: str = "target"  # the divisor column
    fixed_polarity: str | None = None  # Tabel 3.4: always realisasi ÷ target akhir
    extras: tuple[str, ...] = ()  # printed columns shown after the figures
    budget: bool = False  # Tabel 3.6 also prints the budget % (realisasi ÷ anggaran)


INDICATOR_TABLES = (
    IndicatorTable("capaian", "Capaian", extras=("kategori",)),
    IndicatorTable("perbandingan_tahun", "Perbandingan"),
    IndicatorTable("target_akhir_renstra", "Renstra", "target_akhir", "positif"),
    IndicatorTable("analisis_penyebab", "Penyebab"),
    IndicatorTable("efisiensi", "Efisiensi", extras=("tingkat_efisiensi",), budget=True),
)


def _capaian_formula(t: str, r: str, polarity: Polarity) -> str:
    if polarity == "negatif":
        return f'=IF({t}=0,"N/A",(2*{t}-{r})/{t}*100)'
    return f'=IF({t}=0,"N/A",{r}/{t}*100)'


def _kategori_reading(
    w: Writer, row: Row, marks: Marks, scale: Scale | None, capaian_field: str = "capaian"
) -> str:
    """The kategori the run gives the row: a finding's expected one, else the scale's.

    A finding on the kategori cell says what it should be (``expected``); the
    workbook shows that. Without one, it shows the scale in force's reading of
    the printed capaian (:meth:`~sakip_validate.domain.scale.Scale.reading`),
    the same domain function the kategori rules use, so that a reviewer sees the
    kategori beside the printed one even where no rule fired (a rule not
    selected, or a row the rules left alone); it is shown, not judged: no mark
    comes from it.
    """
    for finding in marks.at(row.cell("kategori")):
        if finding.expected:
            return display_value(finding.expected, w.lang)
    capaian = row.cell(capaian_field)
    if capaian.is_na:
        return "N/A"
    value = capaian.number
    if value is None or scale is None:
        return ""
    return scale.reading(value) or w.label("no_kategori")


def _scale(view: ReportView) -> Scale | None:
    try:
        return scale_in_force(view)
    except (OSError, ValueError):
        return None


def indicator_sheet(
    w: Writer, ws: Worksheet, view: ReportView, spec: IndicatorTable, label: str, marks: Marks
) -> None:
    """Printed capaian beside the live capaian formula of the indicator's polarity."""
    rows = view.rows(spec.table)
    whole_label = "target_akhir" if spec.whole == "target_akhir" else "target"
    columns: list[tuple[str, float]] = [
        (w.label("no"), 4),
        (w.label("indicator_name"), 32),
        (w.label("polarity"), 8),
        (w.label("tahun"), 6),
        (w.label(whole_label), 10),
        (w.label("realisasi_kinerja"), 10),
    ]
    check_col = len(columns)
    columns += [
        (w.label("capaian_col"), 10),
        (w.label("capaian_formula"), 11),
        (w.label("diff"), 9),
    ]
    budget_col = len(columns)
    if spec.budget:
        columns += [
            (w.label("anggaran_ind"), 14),
            (w.label("realisasi_anggaran"), 14),
            (w.label("capaian_anggaran"), 10),
            (w.label("capaian_anggaran_formula"), 12),
            (w.label("diff"), 9),
        ]
    extra_col = len(columns)
    for extra in spec.extras:
        columns.append((w.label(extra), 12))
        if extra == "kategori":
            columns.append((w.label("kategori_expected"), 12))
    match_col = len(columns)
    columns += [(w.label("match"), 9), (w.label("rules_on_row"), 15), (w.label("related"), 17)]
    printed = len(columns)
    technical = [(w.label("indicator_id"), 18), (w.label("pointer"), 34)]

    notes = [w.label("renstra_note" if spec.whole == "target_akhir" else "indicator_note")]
    if "kategori" in spec.extras:
        notes.append(w.label("kategori_note"))
    notes.append(w.label("red_note"))
    widths = [width for _, width in columns]
    top = w.title(ws, [table_title(view, spec.table, w.lang), label], " ".join(notes), widths)
    w.headers(ws, top, columns)
    w.technical(ws, top, printed, technical)
    first = top + 1
    scale = _scale(view) if "kategori" in spec.extras else None
    own = marks.rows(rows)
    for index, (row, findings, related) in enumerate(
        zip(rows, own, marks.related(rows, own), strict=True)
    ):
        r = first + index
        polarity = spec.fixed_polarity or view.polarity(row.indikator)
        kind: Polarity = "negatif" if polarity == "negatif" else "positif"
        whole, part = row.cell(spec.whole), row.cell("realisasi")
        w.text(ws, r, 0, row.cell("no").value, **red(marks.cell(row.cell("no"))))
        w.text(ws, r, 1, row.label, text_wrap=True)
        w.text(ws, r, 2, view.polarity(row.indikator))
        if row.tahun is not None:
            ws.write_number(r, 3, row.tahun, w.fmt(num_format="0"))
        w.printed(ws, r, 4, whole.value, marked=marks.cell(whole))
        w.printed(ws, r, 5, part.value, marked=marks.cell(part))
        formula, exact = None, None
        if (pair := ratio_operands(whole.value, part.value)) is not None:
            formula = _capaian_formula(ref(r, 4), ref(r, 5), kind)
            exact = capaian(pair[0], pair[1], kind)
        cell = row.cell("capaian")
        w.recompute(
            ws, r, check_col, cell.value, formula, exact, marked=marks.cell(cell), percent=True
        )
        if spec.budget:
            anggaran, spent = row.cell("anggaran"), row.cell("realisasi_anggaran")
            w.printed(ws, r, budget_col, anggaran.value, marked=marks.cell(anggaran))
            w.printed(ws, r, budget_col + 1, spent.value, marked=marks.cell(spent))
            formula, exact = None, None
            if (pair := ratio_operands(anggaran.value, spent.value)) is not None:
                a, s = ref(r, budget_col), ref(r, budget_col + 1)
                formula = f'=IF({a}=0,"N/A",{s}/{a}*100)'
                exact = percent(pair[1], pair[0])
            cell = row.cell("capaian_anggaran")
            w.recompute(
                ws,
                r,
                budget_col + 2,
                cell.value,
                formula,
                exact,
                marked=marks.cell(cell),
                percent=True,
            )
        col = extra_col
        for extra in spec.extras:
            cell = row.cell(extra)
            if as_number(cell.value) is None and cell.value is not None:
                w.text(ws, r, col, cell.value, text_wrap=True, **red(marks.cell(cell)))
            else:
                w.printed(ws, r, col, cell.value, marked=marks.cell(cell))
            col += 1
            if extra == "kategori":
                w.text(ws, r, col, _kategori_reading(w, row, marks, scale), text_wrap=True)
                col += 1
        w.verdict(ws, r, match_col, findings, related)
        w.text(ws, r, printed, row.indikator)
        w.text(ws, r, printed + 1, row.pointer)

    last = first + len(rows) - 1
    ws.freeze_panes(first, 2)
    if rows:
        ws.autofilter(top, 0, last, printed - 1)
    w.page_setup(ws, top, print_columns=printed)


# -- one figure across tables ---------------------------------------------------------

CROSS_BLOCKS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (figure, f"cross_{figure}", tables) for figure, tables in FIGURE_TABLES.items()
)

Key = tuple[str, int | None]  # (indikator, tahun)


@dataclass(frozen=True, slots=True)
class CrossBlock:
    """One compared figure: the tables printing it and its cells per (indicator, year)."""

    title: str  # a label key
    tables: list[str]
    cells: dict[Key, dict[str, Cell]]


def cross_blocks(view: ReportView) -> list[CrossBlock]:
    """For each compared figure printed by two tables or more, its cells side by side."""
    order = {key: index for index, key in enumerate(view.indicators)}
    blocks = []
    for field_name, title, tables in CROSS_BLOCKS:
        present: list[str] = []
        cells: dict[Key, dict[str, Cell]] = {}
        for table in tables:
            if not view.has_table(table):
                continue
            seen = False
            for row in view.rows(table):
                cell = row.cell(field_name)
                shown = cell.value not in (None, "") and not isinstance(cell.value, dict | list)
                if not shown or not isinstance(row.indikator, str):
                    continue
                seen = True
                cells.setdefault((row.indikator, row.tahun), {}).setdefault(table, cell)
            if seen:
                present.append(table)
        if cells and len(present) > 1:
            keys = sorted(
                cells, key=lambda k: (order.get(k[0], len(order)), k[0], k[1] if k[1] else 0)
            )
            blocks.append(CrossBlock(title, present, {k: cells[k] for k in keys}))
    return blocks


def _spread(cells: list[Cell]) -> Cached:
    """What MAX − MIN over the printed figures gives ("" with fewer than two numbers)."""
    numbers = [n for n in (as_number(cell.value) for cell in cells) if n is not None]
    return difference(max(numbers), min(numbers)) if len(numbers) >= 2 else ""


def cross_sheet(w: Writer, ws: Worksheet, view: ReportView, label: str, marks: Marks) -> None:
    """Target, realisasi and capaian of each indicator and year, side by side per table."""
    blocks = cross_blocks(view)
    widest = max((len(block.tables) for block in blocks), default=1)
    widths = [34.0, 6.0, *([11.0] * widest), 11.0, 9.0, 17.0]
    r = w.title(
        ws,
        [w.label("cross_title"), label],
        f"{w.label('cross_note')} {w.label('red_note')}",
        widths,
    )
    printed = len(widths)
    w.technical(ws, r, printed, [(w.label("indicator_id"), 18)], heading=False)
    for block in blocks:
        ws.write_string(r, 0, w.label(block.title), w.fmt(bold=True, font_size=12))
        r += 1
        columns = [
            (w.label("indicator_name"), widths[0]),
            (w.label("tahun"), widths[1]),
            *((view.table_label(table).get(w.lang), 11.0) for table in block.tables),
            (w.label("spread"), 11.0),
            (w.label("match"), 9.0),
            (w.label("rules_on_row"), 17.0),
        ]
        for col, (title, _) in enumerate(columns):
            w.header(ws, r, col, title)
        w.header(ws, r, printed, w.label("indicator_id"))
        first = r + 1
        spread_col = 2 + len(block.tables)
        for index, ((indikator, year), found) in enumerate(block.cells.items()):
            row = first + index
            w.text(ws, row, 0, view.indicator_name(indikator), text_wrap=True)
            if year is not None:
                ws.write_number(row, 1, year, w.fmt(num_format="0"))
            for offset, table in enumerate(block.tables):
                cell = found.get(table)
                if cell is None:
                    ws.write_blank(row, 2 + offset, None, w.fmt())
                else:
                    w.printed(ws, row, 2 + offset, cell.value, marked=marks.cell(cell))
            span = f"{ref(row, 2)}:{ref(row, 1 + len(block.tables))}"
            w.formula(
                ws,
                row,
                spread_col,
                f'=IF(COUNT({span})<2,"",MAX({span})-MIN({span}))',
                _spread(list(found.values())),
                "0.00##",
            )
            w.verdict(ws, row, spread_col + 1, marks.cells(found.values()), None)
            w.text(ws, row, printed, indikator)
        r = first + len(block.cells) + 2
    ws.freeze_panes(0, 2)
    w.page_setup(ws, None, print_columns=printed)
