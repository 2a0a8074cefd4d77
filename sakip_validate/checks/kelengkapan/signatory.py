"""The signature blocks repeat the same signatory (``signatory_consistent``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from .blocks import BLOCK_NAMES, SIGNED_PARTS, block_label, signatories
from .nip import nip_digits

__all__ = ["SignatoryConsistent"]

SIGNATORY_FIELDS: dict[str, str] = {
    "nama": "name (nama)",
    "nip": "NIP (civil servant number)",
    "jabatan": "position (jabatan)",
    "jabatan_definitif": "substantive position (jabatan definitif)",
    "pangkat_golongan": "rank and grade (pangkat/golongan)",
    "tempat": "place of signing (tempat)",
    "tanggal": "date of signing (tanggal)",
}


FIELD_LABELS_ID: dict[str, str] = {
    "nama": "nama",
    "nip": "NIP",
    "jabatan": "jabatan",
    "jabatan_definitif": "jabatan definitif",
    "pangkat_golongan": "pangkat/golongan",
    "tempat": "tempat penandatanganan",
    "tanggal": "tanggal penandatanganan",
}


def _normal(field: str, value: Any) -> str:
    text = str(value)
    if field == "nip":
        return nip_digits(text)
    # Spacing and letter case are layout ("Tabah" vs "TABAH"), not a different person;
    # every other character (Pt. vs Plt., S.IP vs S.Ip.) counts.
    return " ".join(text.split()).casefold()


class SignatoryConsistent(CheckKind):
    """The signature blocks of the report repeat the same signatory.

    Each field of ``params.fields`` printed in a block of ``params.bagian`` is
    compared with the same field of the first such block that prints it; a field
    printed in only one block is not compared (a transcription may leave it out).
    One hit per differing field per block, with both printed values.
    """

    name = "signatory_consistent"
    outcomes = ("differs",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bagian", "other_bagian", "field_en", "other_printed"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["fields"],
        "properties": {
            "fields": {
                "type": "array",
                "items": {"enum": list(SIGNATORY_FIELDS)},
                "minItems": 1,
                "uniqueItems": True,
            },
            "bagian": {
                "type": "array",
                "items": {"enum": BLOCK_NAMES},
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        wanted = self.params.get("bagian", SIGNED_PARTS)
        blocks = [(i, b) for i, b in signatories(view) if b.get("bagian") in wanted]
        for field in self.params["fields"]:
            first: tuple[dict[str, Any], Any] | None = None
            for index, block in blocks:
                value = block.get(field)
                if value is None or isinstance(value, dict | list):
                    continue
                if first is None:
                    first = (block, value)
                    continue
                other, other_value = first
                if _normal(field, value) == _normal(field, other_value):
                    continue
                yield Hit(
                    outcome="differs",
                    pointer=f"/penandatangan/{index}/{field}",
                    table=None,
                    values={
                        "field": FIELD_LABELS_ID[field],
                        "field_en": SIGNATORY_FIELDS[field],
                        "bagian": block_label(block),
                        "other_bagian": block_label(other),
                        "printed": str(value),
                        "other_printed": str(other_value),
                    },
                    printed=str(value),
                    expected=str(other_value),
                )
