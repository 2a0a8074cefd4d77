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

import dataclasses
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import tomli

from ..findings import Lang, Text
from ..resources import data_dir
from .numbers import format_number
from .view import ReportView

DEFAULT_SCALE = "permendagri-86-2017"
HUNDRED = Decimal(100)
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


def is_empty(
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

    def pct(value: Decimal) -> str:
        return format_number(value, lang) + "%"

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
        return is_empty(self.bawah, self.bawah_inklusif, self.atas, self.atas_inklusif)

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

    nama: str | Text  # as messages name the scale
    bands: tuple[Band, ...]
    origin: Origin
    pointer: str = ""
    low_key: str = "bawah"
    high_key: str = "atas"
    # The kategori the report gives a capaian above 100% that no band holds
    # (``skala.di_atas_100``); None when it declares none.
    di_atas_100: str | None = None

    def above_100(self, value: Decimal) -> bool:
        """Whether ``value`` is above 100% and above every band (the scale says nothing)."""
        if value <= HUNDRED or self.lookup(value):
            return False
        top = max(
            (b for b in self.bands if not b.empty),
            key=lambda b: _high_key(b.atas, b.atas_inklusif),
            default=None,
        )
        return (
            top is not None
            and top.atas is not None
            and not top.contains(value)
            and (value > top.atas)
        )

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

    def reading(self, value: Decimal) -> str | None:
        """The kategori this scale gives ``value``: its band's name (names joined by ``/``
        where bands overlap), the declared kategori above 100%, or None (no band holds it)."""
        bands = self.lookup(value)
        if bands:
            return " / ".join(band.kategori for band in bands)
        if self.di_atas_100 is not None and self.above_100(value):
            return self.di_atas_100
        return None

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
                if not is_empty(low[0], low[1], high[0], high[1]):
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
    nama: str | Text,
    items: Any,
    base: str,
    origin: Origin,
    low_key: str,
    high_key: str,
    pointer: str,
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
    nama = data.get("nama")
    if not isinstance(nama, str):
        nama = path.stem
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
    name: str | Text = (
        nama
        if isinstance(nama, str) and nama.strip()
        else Text("skala yang dinyatakan laporan", "the scale the report declares")
    )
    scale = _scale(
        name, raw.get("rentang"), "/skala/rentang", "declared", "bawah", "atas", "/skala"
    )
    above = raw.get("di_atas_100")
    if scale is not None and isinstance(above, str) and above.strip():
        scale = dataclasses.replace(scale, di_atas_100=above)
    return scale


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


# The scale in force for reports that declare none: Permendagri 86/2017 unless
# the configuration names another for the run (set once per process, and in
# every worker, by the run).
_IN_FORCE: list[Scale] = []


def use_scale(scale: Scale | None) -> None:
    """Make ``scale`` the one in force for reports that declare none (None: the shipped one)."""
    _IN_FORCE[:] = [] if scale is None else [scale]


def configured_scale() -> Scale:
    """The scale in force for a report that declares none."""
    return _IN_FORCE[0] if _IN_FORCE else default_scale()


def scale_named(name: str, base: Path | None = None) -> Scale:
    """A shipped scale by name (``permendagri-86-2017``) or a scale file (relative to ``base``).

    ValueError (with the reason) when neither exists or the file is malformed.
    """
    shipped = data_dir("rules") / "skala" / f"{name}.toml"
    if shipped.is_file():
        return default_scale(name)
    path = Path(name)
    if not path.is_absolute() and base is not None:
        path = base / path
    if not path.is_file():
        names = ", ".join(sorted(p.stem for p in (data_dir("rules") / "skala").glob("*.toml")))
        raise ValueError(f"no shipped scale named {name!r} ({names}) and no file {path}")
    return read_scale_file(path)


def scale_in_force(view: ReportView) -> Scale | None:
    """The report's declared scale when it declares one, else the configured default.

    None when the report declares a scale that cannot be read: falling back to
    the default would judge the report by a scale it says it does not use.
    """
    if "skala" in view.data:
        return declared_scale(view)
    return configured_scale()
