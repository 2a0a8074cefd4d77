"""The page's charts, drawn here as inline SVG (no library, no fetch).

* capaian per indicator (the capaian table) over the bands of the kategori
  scale in force: the one the report declares, else the default (Permendagri
  86/2017), as :func:`~sakip_validate.domain.scale.scale_in_force` decides;
* budget absorption per program (the budget realisation table).

Bars show figures as printed; a row is marked when a finding points into it.
Nothing is recomputed or judged here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from sakip_validate.domain.budget import BELANJA, budget_tree
from sakip_validate.domain.labels import BoundLabels
from sakip_validate.domain.numbers import format_number
from sakip_validate.domain.scale import Band, Scale, range_text, scale_in_force
from sakip_validate.domain.values import as_number
from sakip_validate.domain.view import ReportView, Row
from sakip_validate.findings import Lang

from .marks import Marks
from .words import WORDS, cell_text, esc

CAPAIAN = "capaian"
BUDGET = "realisasi_anggaran"

# Band fills from the lowest band (reddish) to the highest (greenish); a scale of
# n bands takes n of them, spread evenly.
PALETTE = ("#f6c9c4", "#f9d6bd", "#fbe3b6", "#f7eeb8", "#e2efc0", "#cbe6c2", "#b2dcbd")
GAP_STROKE = "#c4c9d2"

WIDTH, LEFT, RIGHT = 960, 8, 120
ROW_HEIGHT, BAR_HEIGHT = 46, 16
LABEL_WIDTH = Decimal("6.6")  # px per character of an 11px label (generous: names stay apart)
ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a chart: its label, its value (None: N/A or text), the text shown."""

    label: str
    value: Decimal | None
    shown: str
    flagged: bool


@dataclass(frozen=True, slots=True)
class Stretch:
    """A stretch of the axis painted behind the bars: a band of the scale, or a gap."""

    low: Decimal | None
    high: Decimal | None
    name: str  # written above the stretch ("" for a gap)
    title: str  # its tooltip
    fill: str | None  # None: a gap, hatched


def svg_number(value: Decimal | int) -> str:
    """A coordinate with at most two decimals (deterministic, compact)."""
    text = f"{Decimal(value).quantize(Decimal('0.01')):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _axis_max(bars: list[Bar], stretches: list[Stretch], reference: Decimal) -> Decimal:
    """Up to the largest value or band bound, rounded up to ten, at least reference + 10."""
    values = [bar.value for bar in bars if bar.value is not None]
    bounds = [b for s in stretches for b in (s.low, s.high) if b is not None]
    peak = max([reference, *values, *bounds])
    rounded_up = (peak / 10).to_integral_value(rounding=ROUND_CEILING) * 10
    return min(max(reference + 10, rounded_up), Decimal(200))


def _label_rows(spans: list[tuple[Decimal, Decimal]]) -> list[int]:
    """A row for each band name, the first where it clears the names before it (then a new one)."""
    ends: list[Decimal] = []
    rows = []
    for start, end in spans:
        row = next((r for r, last in enumerate(ends) if start >= last + 8), len(ends))
        if row == len(ends):
            ends.append(end)
        ends[row] = end
        rows.append(row)
    return rows


def bar_chart(
    bars: list[Bar],
    *,
    stretches: list[Stretch],
    label_id: str,
    title: str,
    reference: Decimal = Decimal(100),
) -> str:
    """Horizontal bars, one per row, over optional stretches (kategori bands).

    Labels stand above their bar so long names fit; values beyond the axis are
    clipped and marked with an arrow; band names take more rows when crowded.
    """
    axis_max = _axis_max(bars, stretches, reference)
    plot = WIDTH - LEFT - RIGHT

    def x(value: Decimal | None, default: Decimal) -> Decimal:
        value = default if value is None else value
        clipped = min(max(value, ZERO), axis_max)
        return LEFT + clipped / axis_max * plot

    # Band names first: their rows (more than one when crowded) set where the bars start.
    shown = [(s, x(s.low, ZERO), x(s.high, axis_max)) for s in stretches]
    shown = [(s, x0, x1) for s, x0, x1 in shown if x1 > x0]  # off the axis: not drawn
    spans = []
    for stretch, x0, x1 in shown:
        if stretch.name:
            half = len(stretch.name) * LABEL_WIDTH / 2
            middle = min(max((x0 + x1) / 2, LEFT + half), LEFT + plot - half)
            spans.append((stretch.name, middle - half, middle + half))
    label_rows = _label_rows([(start, end) for _, start, end in spans])
    roof = 4  # where bands and ticks start
    lines = max(label_rows) + 1 if label_rows else 0
    top = roof + 22 + 13 * lines  # where the first bar's label stands
    bottom = top + ROW_HEIGHT * len(bars)
    height = bottom + 24

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{label_id}">',
        f'<title id="{label_id}">{esc(title)}</title>',
    ]
    gap_fill = f"url(#{label_id}-gap)"
    if any(stretch.fill is None for stretch in (stretch for stretch, _, _ in shown)):
        parts.append(
            f'<defs><pattern id="{label_id}-gap" width="5" height="5" '
            'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
            '<rect width="5" height="5" fill="#fff"/>'
            f'<line x1="0" y1="0" x2="0" y2="5" stroke="{GAP_STROKE}" stroke-width="2"/>'
            "</pattern></defs>"
        )
    for stretch, x0, x1 in shown:
        fill = stretch.fill or gap_fill
        parts.append(
            f'<rect x="{svg_number(x0)}" y="{roof}" width="{svg_number(x1 - x0)}" '
            f'height="{bottom - roof}" fill="{fill}"><title>{esc(stretch.title)}</title></rect>'
        )
    for (name, start, end), row in zip(spans, label_rows, strict=True):
        parts.append(
            f'<text x="{svg_number((start + end) / 2)}" y="{roof + 14 + 13 * row}" '
            f'font-size="11" text-anchor="middle" fill="#344054">{esc(name)}</text>'
        )
    # axis ticks every 10 % (20 % on a long axis)
    tick = ZERO
    while tick <= axis_max:
        at = svg_number(x(tick, tick))
        strong = tick in (ZERO, reference)
        stroke = "#667085" if strong else "#d0d5dd"
        dash = "" if strong else ' stroke-dasharray="2 3"'
        parts.append(
            f'<line x1="{at}" y1="{top - 8}" x2="{at}" y2="{bottom}" '
            f'stroke="{stroke}" stroke-width="1"{dash}/>'
        )
        parts.append(
            f'<text x="{at}" y="{bottom + 16}" font-size="11" text-anchor="middle" '
            f'fill="#475467">{tick}%</text>'
        )
        tick += 10 if axis_max <= 150 else 20
    for index, bar in enumerate(bars):
        y = top + index * ROW_HEIGHT
        short = bar.label if len(bar.label) <= 110 else bar.label[:108] + "…"
        parts.append(
            f'<text x="{LEFT + 2}" y="{y + 15}" font-size="12.5" fill="#101828">'
            f"<title>{esc(bar.label)}</title>{esc(short)}</text>"
        )
        mark = " ⚠" if bar.flagged else ""
        colour = "#b42318" if bar.flagged else "#1d2939"
        if bar.value is None:
            parts.append(
                f'<text x="{LEFT + 4}" y="{y + 35}" font-size="12" font-style="italic" '
                f'fill="#475467">{esc(bar.shown)}{mark}</text>'
            )
            continue
        end = x(bar.value, ZERO)
        parts.append(
            f'<rect x="{LEFT}" y="{y + 22}" width="{svg_number(end - LEFT)}" '
            f'height="{BAR_HEIGHT}" rx="2" fill="{colour}" fill-opacity="0.85"/>'
        )
        arrow = " ▸" if bar.value > axis_max else ""
        parts.append(
            f'<text x="{svg_number(end + 6)}" y="{y + 35}" font-size="12" font-weight="600" '
            f'fill="{colour}">{esc(bar.shown)}{arrow}{mark}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


# -- the kategori scale ---------------------------------------------------------------


def _low_end(band: Band) -> tuple[int, Decimal]:
    return (0, ZERO) if band.bawah is None else (1, band.bawah)


def band_colours(scale: Scale) -> dict[Band, str]:
    """A fill per band: by rank from the lowest band up, spread over the palette."""
    ordered = sorted((b for b in scale.bands if not b.empty), key=_low_end)
    last = len(PALETTE) - 1
    count = len(ordered)
    if count == 1:
        return {ordered[0]: PALETTE[last]}
    # rank i of n -> palette index i * last / (n - 1), rounded half up
    return {
        band: PALETTE[(2 * rank * last + count - 1) // (2 * (count - 1))]
        for rank, band in enumerate(ordered)
    }


def scale_stretches(scale: Scale, lang: Lang) -> list[Stretch]:
    """The bands of ``scale`` and the stretches no band covers, low to high."""
    colours = band_colours(scale)
    stretches = [
        Stretch(
            band.bawah,
            band.atas,
            band.kategori,
            f"{band.kategori}: {band.ranges()[f'range_{lang}']}",
            colours[band],
        )
        for band in sorted(colours, key=_low_end)
    ]
    gap = WORDS.get("no_kategori", lang)
    for piece in scale.uncovered():
        text = range_text(piece.low, piece.low_closed, piece.high, piece.high_closed, lang)
        stretches.append(Stretch(piece.low, piece.high, "", f"{gap}: {text}", None))
    return stretches


def _scale_note(scale: Scale | None, words: BoundLabels) -> str:
    if scale is None:
        return f'<p class="note warn-note">{esc(words["scale_unusable"])}</p>'
    if scale.origin == "declared":
        if isinstance(scale.nama, str):
            text = words("scale_declared", name=scale.nama)
        else:
            text = words["scale_declared_unnamed"]
    else:
        name = scale.nama if isinstance(scale.nama, str) else scale.nama.get(words.lang)
        text = words("scale_default", name=name)
    return f'<p class="note">{esc(text)}</p>'


def _legend(scale: Scale, lang: Lang, gaps: bool) -> str:
    colours = band_colours(scale)
    items = [
        f'<li><span class="swatch" style="--swatch:{colour}"></span>'
        f"{esc(band.kategori)}: {esc(band.ranges()[f'range_{lang}'])}</li>"
        for band, colour in sorted(colours.items(), key=lambda item: _low_end(item[0]))
    ]
    if gaps:
        items.append(
            f'<li><span class="swatch gap"></span>{esc(WORDS.get("no_kategori", lang))}</li>'
        )
    return f'<ul class="legend">{"".join(items)}</ul>'


# -- the two charts -------------------------------------------------------------------


def _figure(caption: str, svg: str, notes: str) -> str:
    return f"<figure><figcaption>{esc(caption)}</figcaption>{svg}{notes}</figure>"


def _percent_text(value: object, lang: Lang) -> tuple[Decimal | None, str]:
    """(the value, the text shown): ``99,93%``; N/A or other text as printed; ``—`` if empty."""
    number = as_number(value)
    if number is not None:
        return number, f"{format_number(number, lang)}%"
    return None, cell_text(value, lang) or "—"


def _capaian_bar(row: Row, marks: Marks, lang: Lang) -> Bar:
    printed_name = row.cell("nama_tertulis").value
    label = printed_name if isinstance(printed_name, str) and printed_name.strip() else row.label
    capaian = row.cell("capaian").value
    value, shown = _percent_text(capaian, lang)
    kategori = row.cell("kategori").value
    if isinstance(kategori, str) and kategori and kategori != cell_text(capaian, lang):
        shown += f" · {kategori}"
    return Bar(label, value, shown, bool(marks.under(row.pointer)))


def capaian_chart(view: ReportView, index: int, marks: Marks, lang: Lang) -> str:
    """Capaian per indicator over the bands of the scale in force ("" without the table)."""
    rows = view.rows(CAPAIAN)
    if not rows:
        return ""
    words = WORDS.bind(lang)
    scale = scale_in_force(view)
    caption = words("chart_capaian", table=view.table_label(CAPAIAN).get(lang))
    label_id = f"chart-capaian-{index}"
    svg = bar_chart(
        [_capaian_bar(row, marks, lang) for row in rows],
        stretches=scale_stretches(scale, lang) if scale is not None else [],
        label_id=label_id,
        title=caption,
    )
    notes = _scale_note(scale, words)
    if scale is not None:
        gaps = f'fill="url(#{label_id}-gap)"' in svg  # a gap drawn on the axis
        notes += _legend(scale, lang, gaps)
    notes += f'<p class="note">{esc(words["capaian_marks"])}</p>'
    return _figure(caption, svg, notes)


def serapan_chart(view: ReportView, index: int, marks: Marks, lang: Lang) -> str:
    """Budget absorption of each program (the top spending rows of the budget tree)."""
    tree = budget_tree(view, BUDGET, with_total=False)
    programs = [node for node in tree.roots if tree.jenis_of(node) == BELANJA]
    if not programs:
        return ""
    words = WORDS.bind(lang)
    bars = []
    for node in programs:
        value, shown = _percent_text(node.row.cell("persen").value, lang)
        bars.append(Bar(node.row.label, value, shown, bool(marks.under(node.row.pointer))))
    caption = words("chart_serapan", table=view.table_label(BUDGET).get(lang))
    svg = bar_chart(bars, stretches=[], label_id=f"chart-serapan-{index}", title=caption)
    return _figure(caption, svg, f'<p class="note">{esc(words["serapan_marks"])}</p>')
