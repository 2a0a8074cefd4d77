"""The signature blocks repeat the same signatory (``signatory_consistent``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.evidence import decide, join_texts
from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from ...engine.templates import Localized
from .blocks import BLOCK_NAMES, SIGNED_PARTS, block_label, signatories
from .nip import nip_digits

__all__ = ["SignatoryConsistent"]

SIGNATORY_FIELDS: dict[str, str] = {
    "nama": "name (nama)",
    "nip": "NIP (civil servant number)",
    "nrp": "NRP (police or armed forces registration number)",
    "jabatan": "position (jabatan)",
    "jabatan_definitif": "substantive position (jabatan definitif)",
    "pangkat_golongan": "rank and grade (pangkat/golongan)",
    "tempat": "place of signing (tempat)",
    "tanggal": "date of signing (tanggal)",
}


FIELD_LABELS_ID: dict[str, str] = {
    "nama": "nama",
    "nip": "NIP",
    "nrp": "NRP",
    "jabatan": "jabatan",
    "jabatan_definitif": "jabatan definitif",
    "pangkat_golongan": "pangkat/golongan",
    "tempat": "tempat penandatanganan",
    "tanggal": "tanggal penandatanganan",
}


def _normal(field: str, value: Any) -> str:
    text = str(value)
    if field in ("nip", "nrp"):
        return nip_digits(text)
    # Spacing and letter case are layout ("Tabah" vs "TABAH"), not a different person;
    # every other character (Pt. vs Plt., S.IP vs S.Ip.) counts.
    return " ".join(text.split()).casefold()


# The abbreviations of an acting office (Pelaksana Tugas, Pelaksana Harian, Penjabat), as
# the civil-service rules write them; "Pt." or "Plt" without its dot is a slip of one of them.
ACTING_OFFICES = {"plt.": "pelaksana tugas", "plh.": "pelaksana harian", "pj.": "penjabat"}
ACTING_FORMS = ("Plt.", "Plh.", "Pj.")
_LETTERS = re.compile(r"[^a-z]")


def _letters(text: str) -> str:
    return _LETTERS.sub("", text.casefold())


def _acting_prefix(value: str) -> tuple[str, str] | None:
    """(first word, the rest) when the first word is short enough to be an abbreviation."""
    first, _, rest = value.strip().partition(" ")
    return (first, rest) if rest and len(_letters(first)) <= 4 else None


def _near(a: str, b: str) -> bool:
    """At most one letter added, dropped or changed."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _rule_for_jabatan(values: list[str]) -> tuple[int, Localized] | None:
    """The value written with the legal abbreviation of an acting office, when another
    value writes the same office with a slip of it ("Pt." for "Plt.")."""
    heads = [_acting_prefix(v) for v in values]
    if any(head is None for head in heads):
        return None
    proper = [
        i
        for i, head in enumerate(heads)
        if head is not None and head[0].casefold() in {f.casefold() for f in ACTING_FORMS}
    ]
    if len(proper) != 1:
        return None
    chosen = heads[proper[0]]
    assert chosen is not None
    form, rest = chosen
    for i, head in enumerate(heads):
        if i == proper[0] or head is None:
            continue
        if _normal("jabatan", head[1]) != _normal("jabatan", rest):
            return None
        if not _near(_letters(head[0]), _letters(form)) and _letters(head[0]) != _letters(form):
            return None
    office = ACTING_OFFICES[form.casefold()]
    return proper[0], Localized(
        f"singkatan baku {office} adalah “{form}”",
        f"the standard abbreviation of {office} is “{form}”",
    )


def _rule_for_gelar(values: list[str]) -> tuple[int, Localized] | None:
    """The value that writes every abbreviation of a degree with its dots ("S.Sos."), when
    the others differ from it only by dots."""
    bare = {re.sub(r"[.\s]", "", v).casefold() for v in values}
    if len(bare) != 1:
        return None
    dots = [v.count(".") for v in values]
    most = max(dots)
    if dots.count(most) != 1:
        return None
    return dots.index(most), Localized(
        "singkatan gelar ditulis dengan tanda titik pada setiap unsurnya",
        "a degree's abbreviation carries a full stop after each of its parts",
    )


_RULES = {"jabatan": _rule_for_jabatan, "nama": _rule_for_gelar}


class SignatoryConsistent(CheckKind):
    """The signature blocks of the report repeat the same signatory.

    For each field of ``params.fields`` printed in the blocks of ``params.bagian``,
    the blocks are grouped by value (letter case and spacing aside; a NIP by its
    digits). No block is right by definition:

    * a rule decides where one applies: the legal abbreviation of an acting office
      ("Plt.", not "Pt.") for ``jabatan``; a degree written with its dots ("S.Sos.",
      not "S.Sos") for ``nama``;
    * otherwise the value most blocks print;
    * otherwise (two blocks, no rule) one ``undecided`` hit names both values.

    ``differs``: one hit per block outside the value decided, naming the blocks that
    agree and why. A field printed in only one block is not compared.
    """

    name = "signatory_consistent"
    outcomes = ("differs", "undecided")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bagian", "other_bagian", "field_en", "other_printed", "bukti"}
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
            places = [
                (index, block, block[field])
                for index, block in blocks
                if block.get(field) is not None and not isinstance(block.get(field), dict | list)
            ]
            if len(places) < 2:
                continue
            yield from self._judge(field, places)

    def _judge(self, field: str, places: list[tuple[int, dict[str, Any], Any]]) -> Iterator[Hit]:
        verdict = decide(places, lambda p: _normal(field, p[2]), lambda a, b: a == b)
        if verdict.agree:
            return
        groups = verdict.groups
        rule = _RULES.get(field)
        ruled = rule([str(group[0][2]) for group in groups]) if rule is not None else None
        if ruled is not None:
            right, bukti = groups[ruled[0]], ruled[1]
        elif verdict.decided:
            right = verdict.right
            bukti = Localized(
                f"tulisan yang dipakai {len(right)} blok", f"the form {len(right)} blocks use"
            )
        else:
            yield self._undecided(field, places)
            return
        value = right[0][2]
        agreeing = join_texts([block_label(block) for _, block, _ in right])
        for index, block, printed in places:
            if any(index == other for other, _, _ in right):
                continue
            yield Hit(
                outcome="differs",
                pointer=f"/penandatangan/{index}/{field}",
                table=None,
                values={
                    "field": FIELD_LABELS_ID[field],
                    "field_en": SIGNATORY_FIELDS[field],
                    "bagian": block_label(block),
                    "other_bagian": agreeing,
                    "printed": str(printed),
                    "other_printed": str(value),
                    "bukti": bukti,
                },
                printed=str(printed),
                expected=str(value),
            )

    @staticmethod
    def _undecided(field: str, places: list[tuple[int, dict[str, Any], Any]]) -> Hit:
        # One finding for the disagreement, at the last block that differs from the first.
        first = _normal(field, places[0][2])
        index, block, printed = next(p for p in reversed(places) if _normal(field, p[2]) != first)
        others = [p for p in places if p[0] != index]
        return Hit(
            outcome="undecided",
            pointer=f"/penandatangan/{index}/{field}",
            table=None,
            values={
                "field": FIELD_LABELS_ID[field],
                "field_en": SIGNATORY_FIELDS[field],
                "bagian": block_label(block),
                "other_bagian": join_texts([block_label(b) for _, b, _ in others]),
                "printed": str(printed),
                "other_printed": str(places[0][2]),
            },
            printed=str(printed),
            expected=None,
        )
