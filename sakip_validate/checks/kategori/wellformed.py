"""A scale leaves no value without a kategori and gives no value two (``scale_wellformed``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar, Literal

from ...domain.scale import Scale, declared_scale, printed_scale, scale_in_force
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit

__all__ = ["ScaleWellFormed"]

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
        side: Literal["low", "high"]
        for piece in scale.uncovered():
            # Point at the bound that should have closed the stretch: the lower bound
            # of the band above it, or the upper bound of the top band.
            if piece.below is None and piece.above is not None:
                outcome, band, side = "below", piece.above, "low"
            elif piece.above is None and piece.below is not None:
                if scale.di_atas_100 is not None and piece.low is not None and piece.low >= 100:
                    continue  # the report rates capaian above 100% (skala.di_atas_100)
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
