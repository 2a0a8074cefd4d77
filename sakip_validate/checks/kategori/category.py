"""The printed kategori is the band of the printed capaian in the scale in force (``category``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.scale import Scale, normalize_name, printed_scale, scale_in_force
from ...domain.values import is_na_text
from ...domain.view import ReportView, Row
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Percent
from ..common import FIELD_NAME, TABLE_NAME, table_problems

__all__ = ["Category"]


def _scale_already_reported(view: ReportView, scale: Scale) -> bool:
    """Whether another rule already says the scale rates nothing above 100%.

    A declared scale gets KAT010 (scale_wellformed, declared, above); the scale
    printed in Tabel 3.1 gets KAT005 when it too stops at its top band.
    """
    if scale.origin == "declared":
        return True
    printed = printed_scale(view)
    return printed is not None and any(
        piece.above is None and piece.below is not None for piece in printed.uncovered()
    )


class Category(CheckKind):
    """The printed kategori is the band of the printed capaian in the scale in force.

    Outcomes: ``mismatch`` (another band holds the capaian, or the kategori the
    report declares for capaian above 100%), ``gap`` (no band holds it: between
    two bands, or below the bottom one), ``na`` (the capaian is N/A but a kategori
    is printed), ``above`` (a capaian above 100% that the scale does not rate: one
    per value, meant as info) and ``scale_above`` (once per report: the scale in
    force rates nothing above 100% while the table has such values; left out when
    the scale printed in Tabel 3.1 or the one the report declares already gets its
    own finding for that, KAT005/KAT010). A report states its rule for values
    above 100% with a band without upper bound, or with ``skala.di_atas_100``.
    Rows without a printed kategori are left to the completeness checks.
    """

    name = "category"
    outcomes: ClassVar[tuple[str, ...]] = ("mismatch", "gap", "na", "above", "scale_above")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"capaian", "scale", "lower_band", "upper_band", "range_id", "range_en", "jumlah"}
    )
    operands: ClassVar[tuple[str, ...]] = ("capaian",)
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
        above: list[Row] = []
        for row in rows:
            value = row.cell(capaian_field).number
            if value is not None and scale.di_atas_100 is None and scale.above_100(value):
                above.append(row)
            hit = self._judge(row, scale, table, capaian_field, kategori_field)
            if hit is not None:
                yield hit
        if above and not _scale_already_reported(view, scale):
            first = above[0].cell(capaian_field)
            value = first.number
            assert value is not None
            yield Hit(
                outcome="scale_above",
                pointer=first.pointer,
                table=table,
                values={
                    **above[0].values(),
                    "field": capaian_field,
                    "printed": Percent(value),
                    "capaian": Percent(value),
                    "scale": scale.nama,
                    "jumlah": len(above),
                },
                printed=first.value,
            )

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
            if is_na_text(kategori):
                return None
            outcome, expected = "na", "N/A"
            values["capaian"] = capaian_cell.value
        else:
            value = capaian_cell.number
            if value is None:
                return None  # empty or text capaian: nothing to look up
            values["capaian"] = Percent(value)
            bands = scale.lookup(value)
            if not bands and scale.above_100(value):
                if scale.di_atas_100 is None:
                    return Hit("above", kategori_cell.pointer, table, values, printed=kategori)
                if normalize_name(kategori) == normalize_name(scale.di_atas_100):
                    return None
                outcome, expected = "mismatch", scale.di_atas_100
            elif bands:
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
