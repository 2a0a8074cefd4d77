"""Check kinds on kategori scales: kategori against capaian, the printed scale's shape and content.

The scales themselves (the default in force, a declared one, the printed Tabel 3.1)
are read by :mod:`sakip_validate.domain.scale`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ..domain.scale import (
    Band,
    Scale,
    declared_scale,
    is_empty,
    normalize_name,
    printed_scale,
    scale_in_force,
)
from ..domain.view import ReportView, Row
from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Percent
from .common import FIELD_NAME, TABLE_NAME, number, table_problems


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
    if is_empty(low, low_closed, high, high_closed):
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
