"""Indicator table sheets (Tabel 3.2 to 3.6) and the sheet comparing one figure across tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sakip_validate.domain.numbers import Polarity, capaian, percent
from sakip_validate.domain.tables import FIGURE_TABLES
from sakip_validate.domain.values import as_number
from sakip_validate.domain.view import Cell, ReportView

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


def indicator_sheet(
    w: Writer, ws: Worksheet, view: ReportView, spec: IndicatorTable, label: str, marks: Marks
) -> None:
    """Printed capaian beside the live capaian formula of the indicator's polarity."""
    rows = view.rows(spec.table)
    whole_label = "target_akhir" if spec.whole == "target_akhir" else "target"
    columns: list[tuple[str, float]] = [
        (w.label("no"), 5),
        (w.label("indicator_id"), 17),
        (w.label("indicator_name"), 38),
        (w.label("polarity"), 10),
        (w.label("tahun"), 7),
        (w.label(whole_label), 11),
        (w.label("realisasi_kinerja"), 11),
    ]
    check_col = len(columns)
    columns += [
        (w.label("capaian_col"), 11),
        (w.label("capaian_formula"), 14),
        (w.label("diff"), 11),
    ]
    budget_col = len(columns)
    if spec.budget:
        columns += [
            (w.label("anggaran_ind"), 16),
            (w.label("realisasi_anggaran"), 16),
            (w.label("capaian_anggaran"), 11),
            (w.label("capaian_anggaran_formula"), 15),
            (w.label("diff"), 11),
        ]
    match_col = len(columns)
    columns += [(w.label("match"), 9), (w.label("rules_on_row"), 16)]
    formula_col = len(columns)
    columns.append((w.label("formula_used"), 30))
    extra_col = len(columns)
    columns += [(w.label(extra), 14) for extra in spec.extras]

    note = f"{w.label('indicator_note')} {w.label('red_note')}"
    top = w.title(ws, [table_title(view, spec.table, w.lang), label], note)
    w.headers(ws, top, columns)
    first = top + 1
    for index, (row, findings) in enumerate(zip(rows, marks.rows(rows), strict=True)):
        r = first + index
        polarity = spec.fixed_polarity or view.polarity(row.indikator)
        kind: Polarity = "negatif" if polarity == "negatif" else "positif"
        whole, part = row.cell(spec.whole), row.cell("realisasi")
        w.text(ws, r, 0, row.cell("no").value, **red(marks.cell(row.cell("no"))))
        w.text(ws, r, 1, row.indikator)
        w.text(ws, r, 2, row.label, text_wrap=True)
        w.text(ws, r, 3, view.polarity(row.indikator))
        if row.tahun is not None:
            ws.write_number(r, 4, row.tahun, w.fmt(num_format="0"))
        w.printed(ws, r, 5, whole.value, marked=marks.cell(whole))
        w.printed(ws, r, 6, part.value, marked=marks.cell(part))
        formula, exact = None, None
        if (pair := ratio_operands(whole.value, part.value)) is not None:
            formula = _capaian_formula(ref(r, 5), ref(r, 6), kind)
            exact = capaian(pair[0], pair[1], kind)
        printed = row.cell("capaian")
        w.recompute(
            ws,
            r,
            check_col,
            printed.value,
            formula,
            exact,
            marked=marks.cell(printed),
            percent=True,
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
            printed = row.cell("capaian_anggaran")
            w.recompute(
                ws,
                r,
                budget_col + 2,
                printed.value,
                formula,
                exact,
                marked=marks.cell(printed),
                percent=True,
            )
        w.verdict(ws, r, match_col, findings)
        key = (
            "f_akhir"
            if spec.whole == "target_akhir"
            else ("f_neg" if kind == "negatif" else "f_pos")
        )
        w.text(ws, r, formula_col, w.label(key))
        for offset, extra in enumerate(spec.extras):
            cell = row.cell(extra)
            if as_number(cell.value) is None and cell.value is not None:
                # a kategori name
                w.text(
                    ws, r, extra_col + offset, cell.value, text_wrap=True, **red(marks.cell(cell))
                )
            else:
                w.printed(ws, r, extra_col + offset, cell.value, marked=marks.cell(cell))

    last = first + len(rows) - 1
    ws.freeze_panes(first, 3)
    if rows:
        ws.autofilter(top, 0, last, len(columns) - 1)
    w.page_setup(ws, top)


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
    r = w.title(
        ws, [w.label("cross_title"), label], f"{w.label('cross_note')} {w.label('red_note')}"
    )
    widths = [17.0, 38.0, 7.0]
    for col, width in enumerate(widths):
        w.width(ws, col, width)
    w.width(ws, 3, 11, 12)
    for block in cross_blocks(view):
        ws.write_string(r, 0, w.label(block.title), w.fmt(bold=True, font_size=12))
        r += 1
        columns = [
            (w.label("indicator_id"), widths[0]),
            (w.label("indicator_name"), widths[1]),
            (w.label("tahun"), widths[2]),
            *((view.table_label(table).get(w.lang), 11.0) for table in block.tables),
            (w.label("spread"), 11.0),
            (w.label("match"), 9.0),
            (w.label("rules_on_row"), 16.0),
        ]
        w.headers(ws, r, columns)
        first = r + 1
        spread_col = 3 + len(block.tables)
        for index, ((indikator, year), found) in enumerate(block.cells.items()):
            row = first + index
            w.text(ws, row, 0, indikator)
            w.text(ws, row, 1, view.indicator_name(indikator), text_wrap=True)
            if year is not None:
                ws.write_number(row, 2, year, w.fmt(num_format="0"))
            for offset, table in enumerate(block.tables):
                cell = found.get(table)
                if cell is None:
                    ws.write_blank(row, 3 + offset, None, w.fmt())
                else:
                    w.printed(ws, row, 3 + offset, cell.value, marked=marks.cell(cell))
            span = f"{ref(row, 3)}:{ref(row, 2 + len(block.tables))}"
            w.formula(
                ws,
                row,
                spread_col,
                f'=IF(COUNT({span})<2,"",MAX({span})-MIN({span}))',
                _spread(list(found.values())),
                "0.00##",
            )
            w.verdict(ws, row, spread_col + 1, marks.cells(found.values()))
        r = first + len(block.cells) + 2
    ws.freeze_panes(0, 3)
    w.page_setup(ws, None)
