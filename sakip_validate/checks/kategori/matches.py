"""The printed scale (Tabel 3.1) is the scale in force (``scale_matches``)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ...domain.scale import Band, Scale, is_empty, normalize_name, printed_scale, scale_in_force
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit

__all__ = ["ScaleMatches"]


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
        for position, band in enumerate(force):
            by_name.setdefault(normalize_name(band.kategori), position)
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
