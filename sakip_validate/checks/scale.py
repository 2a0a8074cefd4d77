"""Kategori scales: the scale in force, its well-formedness, and kategori against capaian.

A scale is a list of bands (lower and upper bound in percent, each inclusive or
not, either one possibly absent) with a category name. Three scales can matter
for a report:

* the **default** scale in force, Permendagri 86/2017, shipped as data in
  ``rules/skala/permendagri-86-2017.toml`` (loaded once per process);
* a scale the report **declares** in force (the top-level ``skala``), which then
  replaces the default (e.g. a six-band scale);
* the scale the report **prints** (Tabel 3.1, ``tabel.skala_kategori``).

All arithmetic is on ``Decimal``; bounds are compared exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, ClassVar, Literal

import tomli

from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Percent
from ..engine.view import ReportView, Row
from ..findings import Lang
from ..numbers import format_en, format_id
from ..resources import data_dir
from .common import FIELD_NAME, TABLE_NAME, number, table_problems

DEFAULT_SCALE = "permendagri-86-2017"
PRINTED_TABLE = "skala_kategori"

Origin = Literal["default", "declared", "printed"]

# Sort keys of band ends. A lower end: -inf first, then by value, a closed end
# before an open one (it starts earlier). An upper end: by value, an open end
# before a closed one (it stops earlier), +inf last.
_LowKey = tuple[int, Decimal, int] | tuple[int]
_HighKey = tuple[int, Decimal, int] | tuple[int]


def _low_key(value: Decimal | None, closed: bool) -> _LowKey:
    return (0,) if value is None else (1, value, 0 if closed else 1)


def _high_key(value: Decimal | None, closed: bool) -> _HighKey:
    return (2,) if value is None else (1, value, 1 if closed else 0)


def _is_empty(
    low: Decimal | None, low_closed: bool, high: Decimal | None, high_closed: bool
) -> bool:
    if low is None or high is None:
        return False
    return low > high or (low == high and not (low_closed and high_closed))


def _contains(
    x: Decimal, low: Decimal | None, low_closed: bool, high: Decimal | None, high_closed: bool
) -> bool:
    above = low is None or x > low or (x == low and low_closed)
    below = high is None or x < high or (x == high and high_closed)
    return above and below


def range_text(
    low: Decimal | None, low_closed: bool, high: Decimal | None, high_closed: bool, lang: Lang
) -> str:
    """A range as ``91% ≤ capaian ≤ 100%``, ``capaian > 100%``, ``capaian ≤ 50%``.

    "capaian" is the regulation's word in both languages; only the numbers differ.
    """
    fmt = format_en if lang == "en" else format_id

    def pct(value: Decimal) -> str:
        return fmt(value) + "%"

    if high is None:
        if low is None:
            return "capaian"
        # "capaian ≥ 91%" reads better than "91% ≤ capaian"
        return f"capaian {'≥' if low_closed else '>'} {pct(low)}"
    if low is None:
        return f"capaian {'≤' if high_closed else '<'} {pct(high)}"
    if low == high and low_closed and high_closed:
        return f"capaian = {pct(low)}"
    return (
        f"{pct(low)} {'≤' if low_closed else '<'} capaian {'≤' if high_closed else '<'} {pct(high)}"
    )


def _ranges(
    low: Decimal | None, low_closed: bool, high: Decimal | None, high_closed: bool, prefix: str = ""
) -> dict[str, str]:
    """Template values ``{prefix}range_id`` / ``{prefix}range_en`` for one range."""
    return {
        f"{prefix}range_{lang}": range_text(low, low_closed, high, high_closed, lang)
        for lang in ("id", "en")
    }


@dataclass(frozen=True, slots=True)
class Band:
    """One band of a scale; a bound of None is unbounded on that side."""

    kategori: str
    bawah: Decimal | None
    atas: Decimal | None
    bawah_inklusif: bool = True
    atas_inklusif: bool = True
    pointer: str = ""

    @property
    def empty(self) -> bool:
        """No value at all falls in the band (lower above upper, or a point with an open end)."""
        return _is_empty(self.bawah, self.bawah_inklusif, self.atas, self.atas_inklusif)

    def contains(self, value: Decimal) -> bool:
        return _contains(value, self.bawah, self.bawah_inklusif, self.atas, self.atas_inklusif)

    def ranges(self, prefix: str = "") -> dict[str, str]:
        return _ranges(self.bawah, self.bawah_inklusif, self.atas, self.atas_inklusif, prefix)


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of values that no band covers, between the bands around it."""

    low: Decimal | None
    low_closed: bool
    high: Decimal | None
    high_closed: bool
    below: Band | None  # the band just under the stretch (None: it is unbounded below)
    above: Band | None  # the band just over it (None: it is unbounded above)

    def contains(self, value: Decimal) -> bool:
        return _contains(value, self.low, self.low_closed, self.high, self.high_closed)

    def ranges(self) -> dict[str, str]:
        return _ranges(self.low, self.low_closed, self.high, self.high_closed)


@dataclass(frozen=True, slots=True)
class Scale:
    """A kategori scale and where it comes from."""

    nama: str
    bands: tuple[Band, ...]
    origin: Origin
    pointer: str = ""
    low_key: str = "bawah"
    high_key: str = "atas"

    def bound_pointer(self, band: Band, side: Literal["low", "high"]) -> str:
        """Where a band's lower or upper bound stands (or would stand) in the report."""
        if not band.pointer:
            return ""  # the shipped default scale is not in the report
        return f"{band.pointer}/{self.low_key if side == 'low' else self.high_key}"

    @property
    def table(self) -> str | None:
        """The view table name of a printed scale (for {table}), else None."""
        return PRINTED_TABLE if self.origin == "printed" else None

    def lookup(self, value: Decimal) -> list[Band]:
        """The bands holding ``value``, in scale order (several only if bands overlap)."""
        return [band for band in self.bands if band.contains(value)]

    def uncovered(self) -> list[Piece]:
        """The stretches of values, from -inf to +inf, that no band covers, in ascending order."""
        bands = sorted(
            (b for b in self.bands if not b.empty),
            key=lambda b: _low_key(b.bawah, b.bawah_inklusif),
        )
        if not bands:
            return []
        pieces = []
        first = bands[0]
        if first.bawah is not None:
            pieces.append(Piece(None, False, first.bawah, not first.bawah_inklusif, None, first))
        top = first  # the band reaching furthest up so far
        for band in bands[1:]:
            if top.atas is None:
                break
            start = band.bawah
            if start is not None and (
                top.atas < start
                or (top.atas == start and not top.atas_inklusif and not band.bawah_inklusif)
            ):
                pieces.append(
                    Piece(
                        top.atas, not top.atas_inklusif, start, not band.bawah_inklusif, top, band
                    )
                )
            if _high_key(band.atas, band.atas_inklusif) > _high_key(top.atas, top.atas_inklusif):
                top = band
        if top.atas is not None:
            pieces.append(Piece(top.atas, not top.atas_inklusif, None, False, top, None))
        return pieces

    def overlaps(self) -> Iterator[tuple[Band, Band, dict[str, str]]]:
        """Each pair of bands sharing values (later band, earlier band, the shared range)."""
        bands = [b for b in self.bands if not b.empty]
        for j, later in enumerate(bands):
            for earlier in bands[:j]:
                low = max(
                    (later.bawah, later.bawah_inklusif),
                    (earlier.bawah, earlier.bawah_inklusif),
                    key=lambda end: _low_key(*end),
                )
                high = min(
                    (later.atas, later.atas_inklusif),
                    (earlier.atas, earlier.atas_inklusif),
                    key=lambda end: _high_key(*end),
                )
                if not _is_empty(low[0], low[1], high[0], high[1]):
                    yield later, earlier, _ranges(low[0], low[1], high[0], high[1])


def normalize_name(name: str) -> str:
    """A category name for comparison: letter case and extra spaces ignored."""
    return " ".join(name.split()).casefold()


# -- reading scales -----------------------------------------------------------------


def _bound(value: Any) -> tuple[bool, Decimal | None]:
    """(usable, bound): an absent bound is usable and None; text is unusable."""
    if value is None:
        return True, None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return False, None
    if isinstance(value, Decimal) and not value.is_finite():
        return False, None
    return True, Decimal(value)


def _flag(value: Any) -> bool:
    return value if isinstance(value, bool) else True


def _scale(
    nama: str, items: Any, base: str, origin: Origin, low_key: str, high_key: str, pointer: str
) -> Scale | None:
    """A scale from band objects; None when any band is unusable (the schema says why).

    A single malformed band makes the whole scale unusable rather than leaving a
    hole that would be reported as a gap that is not in the report.
    """
    if not isinstance(items, list) or not items:
        return None
    bands = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            return None
        kategori = item.get("kategori")
        low_ok, low = _bound(item.get(low_key))
        high_ok, high = _bound(item.get(high_key))
        if not (isinstance(kategori, str) and kategori.strip() and low_ok and high_ok):
            return None
        bands.append(
            Band(
                kategori=kategori,
                bawah=low,
                atas=high,
                bawah_inklusif=_flag(item.get("bawah_inklusif")),
                atas_inklusif=_flag(item.get("atas_inklusif")),
                pointer=f"{base}/{index}" if base else "",
            )
        )
    return Scale(nama, tuple(bands), origin, pointer, low_key, high_key)


def read_scale_file(path: Path) -> Scale:
    """A scale shipped as data (``rules/skala/*.toml``); ValueError when it is malformed."""
    with path.open("rb") as handle:
        data = tomli.load(handle, parse_float=Decimal)
    nama = data.get("nama") if isinstance(data.get("nama"), str) else path.stem
    scale = _scale(nama, data.get("rentang"), "", "default", "bawah", "atas", "")
    if scale is None:
        raise ValueError(
            f"{path}: malformed scale (each [[rentang]] needs kategori and numeric bounds)"
        )
    # The shipped file is not part of the report: its bands point nowhere in it.
    return scale


@functools.cache
def default_scale(name: str = DEFAULT_SCALE) -> Scale:
    """The shipped scale ``name`` (default: Permendagri 86/2017), read once per process."""
    return read_scale_file(data_dir("rules") / "skala" / f"{name}.toml")


def declared_scale(view: ReportView) -> Scale | None:
    """The scale the report declares in force (``skala``), or None (absent or unusable)."""
    raw = view.data.get("skala")
    if not isinstance(raw, dict):
        return None
    nama = raw.get("nama")
    name = nama if isinstance(nama, str) and nama.strip() else "/skala"
    return _scale(name, raw.get("rentang"), "/skala/rentang", "declared", "bawah", "atas", "/skala")


def printed_scale(view: ReportView) -> Scale | None:
    """The scale as printed in the report (Tabel 3.1), or None."""
    table = view.raw_table(PRINTED_TABLE)
    base = f"/tabel/{PRINTED_TABLE}/baris"
    return _scale(
        view.table_label(PRINTED_TABLE),
        table.get("baris"),
        base,
        "printed",
        "batas_bawah",
        "batas_atas",
        f"/tabel/{PRINTED_TABLE}",
    )


def scale_in_force(view: ReportView) -> Scale | None:
    """The report's declared scale when it declares one, else the default.

    None when the report declares a scale that cannot be read: falling back to
    the default would judge the report by a scale it says it does not use.
    """
    if "skala" in view.data:
        return declared_scale(view)
    return default_scale()


# -- check kinds --------------------------------------------------------------------


def _is_na_text(value: Any) -> bool:
    return isinstance(value, str) and normalize_name(value) in ("n/a", "-")


class Category(CheckKind):
    """The printed kategori is the band of the printed capaian in the scale in force.

    Outcomes: ``mismatch`` (another band holds the capaian), ``gap`` (no band
    holds it: between two bands, above the top one or below the bottom one), and
    ``na`` (the capaian is N/A but a kategori is printed). Rows without a printed
    kategori are left to the completeness checks.
    """

    name = "category"
    outcomes: ClassVar[tuple[str, ...]] = ("mismatch", "gap", "na")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"capaian", "scale", "lower_band", "upper_band", "range_id", "range_en"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"table": TABLE_NAME, "capaian": FIELD_NAME, "kategori": FIELD_NAME},
    }

    def _fields(self) -> tuple[str, str, str]:
        return (
            self.params.get("table", "capaian"),
            self.params.get("capaian", "capaian"),
            self.params.get("kategori", "kategori"),
        )

    def problems(self) -> list[tuple[str, str]]:
        table, capaian, kategori = self._fields()
        return table_problems(table, [capaian, kategori])

    def run(self, view: ReportView) -> Iterator[Hit]:
        table, capaian_field, kategori_field = self._fields()
        rows = view.rows(table)
        if not rows:
            return
        scale = scale_in_force(view)
        if scale is None:
            return
        for row in rows:
            hit = self._judge(row, scale, table, capaian_field, kategori_field)
            if hit is not None:
                yield hit

    @staticmethod
    def _judge(
        row: Row, scale: Scale, table: str, capaian_field: str, kategori_field: str
    ) -> Hit | None:
        kategori_cell = row.cell(kategori_field)
        kategori = kategori_cell.value
        if not isinstance(kategori, str) or not kategori.strip():
            return None  # nothing printed to judge (or not text: the schema says so)
        capaian_cell = row.cell(capaian_field)
        values: dict[str, Any] = {
            **row.values(),
            "field": kategori_field,
            "printed": kategori,
            "scale": scale.nama,
        }
        if capaian_cell.is_na:
            if _is_na_text(kategori):
                return None
            outcome, expected = "na", "N/A"
            values["capaian"] = capaian_cell.value
        else:
            value = number(capaian_cell)
            if value is None:
                return None  # empty or text capaian: nothing to look up
            values["capaian"] = Percent(value)
            bands = scale.lookup(value)
            if bands:
                if normalize_name(kategori) in {normalize_name(b.kategori) for b in bands}:
                    return None
                outcome, expected = "mismatch", " / ".join(b.kategori for b in bands)
            else:
                piece = next((p for p in scale.uncovered() if p.contains(value)), None)
                if piece is None:  # pragma: no cover - a value outside every band is in a piece
                    return None
                outcome, expected = "gap", None
                values["lower_band"] = piece.below.kategori if piece.below else None
                values["upper_band"] = piece.above.kategori if piece.above else None
                values.update(piece.ranges())
        values["expected"] = expected
        return Hit(
            outcome=outcome,
            pointer=kategori_cell.pointer,
            table=table,
            values=values,
            printed=kategori,
            expected=expected,
        )


_WHICH = ("printed", "declared", "in_force")


def _which_scale(view: ReportView, which: str) -> Scale | None:
    if which == "printed":
        return printed_scale(view)
    if which == "declared":
        return declared_scale(view)
    return scale_in_force(view)


class ScaleWellFormed(CheckKind):
    """A scale leaves no value without a category and gives no value two.

    ``which`` picks the scale: ``printed`` (Tabel 3.1), ``declared`` (the report's
    ``skala``) or ``in_force`` (declared, else the shipped default). Outcomes, one
    hit per defect: ``gap`` (values between two bands), ``above`` (nothing above
    the top band), ``below`` (nothing below the bottom band), ``overlap`` (two
    bands share values), ``empty`` (a band that holds no value).
    """

    name = "scale_wellformed"
    outcomes: ClassVar[tuple[str, ...]] = ("gap", "above", "below", "overlap", "empty")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"scale", "band", "other_band", "lower_band", "upper_band", "range_id", "range_en"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["which"],
        "properties": {"which": {"enum": list(_WHICH)}},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        scale = _which_scale(view, self.params["which"])
        if scale is None:
            return
        common = {"scale": scale.nama}
        for band in scale.bands:
            if band.empty:
                yield Hit(
                    "empty",
                    band.pointer,
                    scale.table,
                    {**common, "band": band.kategori, "row": band.kategori, **band.ranges()},
                )
        for piece in scale.uncovered():
            # Point at the bound that should have closed the stretch: the lower bound
            # of the band above it, or the upper bound of the top band.
            if piece.below is None and piece.above is not None:
                outcome, band, side = "below", piece.above, "low"
            elif piece.above is None and piece.below is not None:
                outcome, band, side = "above", piece.below, "high"
            else:
                assert piece.above is not None  # a gap between two bands
                outcome, band, side = "gap", piece.above, "low"
            yield Hit(
                outcome,
                scale.bound_pointer(band, side),
                scale.table,
                {
                    **common,
                    "row": band.kategori,
                    "band": band.kategori,
                    "lower_band": piece.below.kategori if piece.below else None,
                    "upper_band": piece.above.kategori if piece.above else None,
                    **piece.ranges(),
                },
            )
        for later, earlier, shared in scale.overlaps():
            yield Hit(
                "overlap",
                later.pointer,
                scale.table,
                {
                    **common,
                    "row": later.kategori,
                    "band": later.kategori,
                    "other_band": earlier.kategori,
                    **shared,
                },
            )


def _clipped(band: Band) -> tuple[Any, ...]:
    """The band's bounds restricted to capaian ≥ 0, in a comparable form.

    A printed "≤ 50%" and a scale's "0–50%" give every non-negative capaian the
    same category; values below 0 are the business of the ``below`` outcome.
    """
    low, low_closed = band.bawah, band.bawah_inklusif
    if low is None or low < 0:
        low, low_closed = Decimal(0), True
    high, high_closed = band.atas, band.atas_inklusif
    if _is_empty(low, low_closed, high, high_closed):
        return ("empty",)
    return (low, low_closed, high, high_closed if high is not None else True)


class ScaleMatches(CheckKind):
    """The printed scale (Tabel 3.1) is the scale in force: same bands, same names.

    Printed bands are paired with bands in force by name (letter case and extra
    spaces ignored), else by bounds. Outcomes: ``bounds`` (same name, other
    bounds), ``name`` (same bounds, another name), ``case`` (the name differs
    only in letter case or spacing), ``extra`` (a printed band the scale in force
    lacks), ``missing`` (a band in force that is not printed). Bounds are compared
    for capaian ≥ 0 (see :func:`_clipped`).
    """

    name = "scale_matches"
    outcomes: ClassVar[tuple[str, ...]] = ("bounds", "name", "case", "extra", "missing")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"scale", "band", "range_id", "range_en", "expected_range_id", "expected_range_en"}
    )
    params_schema: ClassVar[dict[str, Any]] = {"type": "object", "additionalProperties": False}

    def run(self, view: ReportView) -> Iterator[Hit]:
        printed = printed_scale(view)
        in_force = scale_in_force(view)
        if printed is None or in_force is None:
            return
        force = list(in_force.bands)
        by_name: dict[str, int] = {}
        for index, band in enumerate(force):
            by_name.setdefault(normalize_name(band.kategori), index)
        # bands in force that some printed band names are paired by name, not by bounds
        reserved = {
            by_name[name]
            for name in (normalize_name(band.kategori) for band in printed.bands)
            if name in by_name
        }
        matched: set[int] = set()
        for band in printed.bands:
            index = by_name.get(normalize_name(band.kategori))
            if index is None:
                index = next(
                    (
                        i
                        for i, other in enumerate(force)
                        if i not in matched
                        and i not in reserved
                        and _clipped(other) == _clipped(band)
                    ),
                    None,
                )
                if index is None:
                    yield self._hit("extra", band, None, printed, in_force)
                    continue
                matched.add(index)
                yield self._hit("name", band, force[index], printed, in_force)
                continue
            matched.add(index)
            other = force[index]
            if _clipped(band) != _clipped(other):
                yield self._hit("bounds", band, other, printed, in_force)
            if band.kategori != other.kategori:
                yield self._hit("case", band, other, printed, in_force)
        for index, band in enumerate(force):
            if index not in matched:
                yield Hit(
                    "missing",
                    printed.pointer + "/baris",
                    printed.table,
                    {
                        "row": band.kategori,
                        "band": band.kategori,
                        "scale": in_force.nama,
                        "expected": band.kategori,
                        **band.ranges("expected_"),
                    },
                    expected=band.kategori,
                )

    @staticmethod
    def _hit(outcome: str, band: Band, other: Band | None, printed: Scale, in_force: Scale) -> Hit:
        """A hit on a printed band, compared with band ``other`` of the scale in force."""
        values: dict[str, Any] = {
            "row": band.kategori,
            "band": band.kategori,
            "printed": band.kategori,
            "scale": in_force.nama,
            **band.ranges(),
        }
        shown, expected = band.kategori, None
        if other is not None:
            values.update(other.ranges("expected_"))
            values["expected"] = other.kategori
            expected = other.kategori
            if outcome == "bounds":
                # machine outputs get the two ranges; messages use the range placeholders
                shown, expected = values["range_en"], values["expected_range_en"]
        return Hit(outcome, band.pointer, printed.table, values, printed=shown, expected=expected)
