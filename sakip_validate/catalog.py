"""The rule catalogue: one answer to "which pack, which title, which basis" for every id.

It holds the rules of the packs that ran and the built-in codes (LOAD, SCHEMA,
PACK), as plain metadata without their checks, so that a run result can carry
it to outputs, to other processes and into a frozen test fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .codes import ALL_CODES, FAMILIES, Code
from .findings import Severity, Text

__all__ = ["Catalog", "PackInfo", "RuleInfo"]


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What every output may show about a rule or built-in code."""

    id: str
    pack: str
    severity: Severity
    title: Text
    legal_basis: str | None = None
    rationale: Text | None = None
    fix: Text | None = None
    kind: str | None = None  # the check kind, or the built-in family (load, schema, pack)
    built_in: bool = False


@dataclass(frozen=True, slots=True)
class PackInfo:
    """A pack as outputs list it: id, version and title (built-in packs have no version)."""

    id: str
    version: str
    title: Text
    built_in: bool = False


def _code_info(code: Code) -> RuleInfo:
    family = code.family
    return RuleInfo(
        id=code.id,
        pack=family.pack,
        severity=code.severity,
        title=code.title,
        rationale=family.rationale,
        fix=family.fix,
        kind=family.prefix.lower(),
        built_in=True,
    )


BUILT_IN_PACKS: tuple[PackInfo, ...] = tuple(
    PackInfo(family.pack, "", family.title, built_in=True) for family in FAMILIES
)
_BUILT_IN_RULES = {code.id: _code_info(code) for code in ALL_CODES}
_UNKNOWN_PACK = "lainnya"


@dataclass(frozen=True, slots=True)
class Catalog:
    """Rules by id and packs in run order; the built-in codes and packs are always present.

    ``packs`` lists the rule packs that ran (the built-in ones come first in
    :meth:`all_packs`); ``rules`` the rules of those packs. The engine builds it
    (:func:`sakip_validate.engine.packs.catalog_of`).
    """

    rules: dict[str, RuleInfo] = field(default_factory=dict)
    packs: tuple[PackInfo, ...] = ()

    def get(self, rule_id: str) -> RuleInfo | None:
        """The rule or built-in code ``rule_id``, or None when nothing by that id is known."""
        return self.rules.get(rule_id) or _BUILT_IN_RULES.get(rule_id)

    def pack_of(self, rule_id: str) -> str:
        """The pack a rule id counts under (a built-in family's pack for LOAD/SCHEMA/PACK)."""
        found = self.get(rule_id)
        if found is not None:
            return found.pack
        for family in FAMILIES:
            if rule_id.startswith(family.prefix):
                return family.pack
        return _UNKNOWN_PACK

    def title_of(self, rule_id: str) -> Text:
        found = self.get(rule_id)
        return found.title if found is not None else Text(rule_id, rule_id)

    def all_packs(self) -> tuple[PackInfo, ...]:
        """The built-in packs, then the rule packs in the order they ran."""
        return BUILT_IN_PACKS + self.packs

    def pack_title(self, pack_id: str) -> Text:
        for pack in self.all_packs():
            if pack.id == pack_id:
                return pack.title
        return Text(pack_id, pack_id)

    def __iter__(self) -> Iterator[RuleInfo]:
        """The rules of the packs that ran, in pack order (built-in codes not included)."""
        return iter(self.rules.values())

    def built_in(self) -> tuple[RuleInfo, ...]:
        """The built-in codes, in code order."""
        return tuple(_BUILT_IN_RULES.values())
