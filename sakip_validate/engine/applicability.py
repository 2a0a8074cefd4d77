"""Which reports a rule applies to, as its pack declares (``applies_to``).

A rule may name the kinds of report (``jenis``), unit levels (``tingkat``) and
scopes (``cakupan``) it is for. On a report whose header names another value the
rule is skipped, and the run lists it with the reason, so a reader sees what was
not checked instead of a silence. A report that does not state a field (a
partial report need not say its jenis) is still checked: a rule is skipped only
for what the report says it is.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..domain.scope import CAKUPAN, JENIS, PARTIAL_REASON, TINGKAT, Scope
from ..findings import Lang, Text
from ..resources import lkjip_schema

__all__ = ["FIELDS", "AppliesTo", "known_values"]

# The header fields a rule may be restricted by, in the order their reasons are given.
FIELDS = ("cakupan", "jenis", "tingkat")


def known_values() -> dict[str, tuple[str, ...]]:
    """The values each field may take, from the LKjIP schema's enums."""
    laporan = lkjip_schema()["properties"]["laporan"]["properties"]
    return {
        "jenis": tuple(laporan["jenis"]["enum"]),
        "tingkat": tuple(laporan["unit"]["properties"]["tingkat"]["enum"]),
        "cakupan": tuple(laporan["cakupan"]["enum"]),
    }


def _listed(values: tuple[str, ...], lang: Lang) -> str:
    names = [JENIS.get(value, lang) if value in JENIS else value for value in values]
    joiner = " dan " if lang == "id" else " and "
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + joiner + names[-1]


@dataclass(frozen=True, slots=True)
class AppliesTo:
    """The values of each header field a rule applies to (None: any value)."""

    jenis: tuple[str, ...] | None = None
    tingkat: tuple[str, ...] | None = None
    cakupan: tuple[str, ...] | None = None

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | None) -> AppliesTo | None:
        """From a pack's ``applies_to`` table (already checked against the pack schema)."""
        if not raw:
            return None
        return cls(**{name: tuple(raw[name]) for name in FIELDS if name in raw})

    def problems(self) -> Iterator[tuple[str, int, str]]:
        """(field, index, value) for each value the report schema does not know."""
        known = known_values()
        for name in FIELDS:
            for index, value in enumerate(self.get(name) or ()):
                if value not in known[name]:
                    yield name, index, value

    def get(self, name: str) -> tuple[str, ...] | None:
        values: tuple[str, ...] | None = getattr(self, name)
        return values

    def reason(self, scope: Scope) -> Text | None:
        """Why the rule does not apply to a report of ``scope`` (None when it does)."""
        for name in FIELDS:
            allowed = self.get(name)
            value = scope.get(name)
            if allowed is None or value is None or value in allowed:
                continue
            if name == "cakupan":
                return PARTIAL_REASON
            if name == "jenis":
                shown = JENIS.text(value) if value in JENIS else Text(value, value)
                return Text(
                    f"hanya untuk {_listed(allowed, 'id')}, bukan {shown.id}",
                    f"applies to {_listed(allowed, 'en')} only, not to {shown.en}",
                )
            shown = TINGKAT.text(value) if value in TINGKAT else Text(value, value)
            return Text(
                f"tidak berlaku untuk {shown.id}", f"does not apply to this unit: {shown.en}"
            )
        return None

    def describe(self) -> Text:
        """The reports the rule applies to, for the rule documentation."""
        parts_id: list[str] = []
        parts_en: list[str] = []
        if self.jenis:
            parts_id.append("jenis laporan " + _listed(self.jenis, "id"))
            parts_en.append("reports of kind " + _listed(self.jenis, "en"))
        if self.tingkat:
            names = [TINGKAT.text(v) if v in TINGKAT else Text(v, v) for v in self.tingkat]
            parts_id.append("unit: " + ", ".join(n.id for n in names))
            parts_en.append("units: " + ", ".join(n.en for n in names))
        if self.cakupan:
            names = [CAKUPAN.text(v) if v in CAKUPAN else Text(v, v) for v in self.cakupan]
            parts_id.append(", ".join(n.id for n in names))
            parts_en.append(", ".join(n.en + "s" for n in names))
        return Text("; ".join(parts_id), "; ".join(parts_en))
