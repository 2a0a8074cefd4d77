"""Blame by evidence: which of the places stating one figure is the odd one out.

A figure (a target, a realisasi, a pagu, a signatory's jabatan, a name) is often
printed in several places. When they disagree, no place is right by definition:

* the places are grouped by value (``same`` decides what counts as one value);
* the group stated by more places than any other wins (the majority);
* between groups stated equally often, the only one holding a place whose own
  operands give its value (a capaian that agrees with its own target and
  realisasi, a total that equals the sum of its rows) wins;
* otherwise nothing decides, and the caller names every place without an
  expected value.

Places may be *witnesses*: values that vote but are never blamed themselves (a
figure computed from operands, the same figure stated by another rule's
subject). Callers decide what their places are; this module only counts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from ..findings import Text

__all__ = ["Verdict", "decide", "join_texts"]

P = TypeVar("P")

Reason = Literal["agree", "majority", "operands", "rule"]


@dataclass(frozen=True, slots=True)
class Verdict(Generic[P]):
    """The groups of places by value, and which group (if any) the evidence supports."""

    groups: tuple[tuple[P, ...], ...]
    winner: int | None
    reason: Reason | None

    @property
    def agree(self) -> bool:
        """All places state the same value (or there is at most one place)."""
        return len(self.groups) <= 1

    @property
    def decided(self) -> bool:
        return self.winner is not None

    @property
    def right(self) -> tuple[P, ...]:
        """The places of the winning group (empty when nothing decides)."""
        return self.groups[self.winner] if self.winner is not None else ()

    @property
    def odd(self) -> tuple[P, ...]:
        """The places outside the winning group, in the order given (empty when undecided)."""
        if self.winner is None:
            return ()
        return tuple(p for i, group in enumerate(self.groups) if i != self.winner for p in group)

    def group_of(self, place: P) -> int:
        return next(i for i, group in enumerate(self.groups) if place in group)


def decide(
    places: Sequence[P],
    value: Callable[[P], Any],
    same: Callable[[Any, Any], bool],
    corroborated: Callable[[P], bool] = lambda place: False,
    ruling: Callable[[Sequence[tuple[P, ...]]], int | None] | None = None,
) -> Verdict[P]:
    """Group ``places`` by value and say which group the evidence supports.

    ``value(place)`` is read once per place; ``same(a, b)`` compares two values
    (the first place of a group stands for it). ``corroborated(place)`` says
    whether the place's own operands give its value. ``ruling(groups)`` may name
    the right group by a rule (e.g. the legal form of a title) when counting does
    not decide.
    """
    groups: list[list[P]] = []
    firsts: list[Any] = []  # the value of each group's first place (``value`` is pure)
    for place in places:
        mine = value(place)
        for first, group in zip(firsts, groups, strict=True):
            if same(first, mine):
                group.append(place)
                break
        else:
            groups.append([place])
            firsts.append(mine)
    frozen = tuple(tuple(group) for group in groups)
    if len(frozen) <= 1:
        return Verdict(frozen, 0 if frozen else None, "agree")
    sizes = [len(group) for group in frozen]
    largest = max(sizes)
    if sizes.count(largest) == 1:
        return Verdict(frozen, sizes.index(largest), "majority")
    tied = [i for i, size in enumerate(sizes) if size == largest]
    backed = [i for i in tied if any(corroborated(place) for place in frozen[i])]
    if len(backed) == 1:
        return Verdict(frozen, backed[0], "operands")
    if ruling is not None:
        chosen = ruling(frozen)
        if chosen is not None:
            return Verdict(frozen, chosen, "rule")
    return Verdict(frozen, None, None)


def join_texts(items: Sequence[Text | str]) -> Text:
    """``A, B dan C`` / ``A, B and C``: places named in a message, each language its own."""

    def joined(parts: list[str], word: str) -> str:
        if len(parts) <= 1:
            return "".join(parts)
        return ", ".join(parts[:-1]) + f" {word} " + parts[-1]

    ids = [item.id if isinstance(item, Text) else item for item in items]
    ens = [item.en if isinstance(item, Text) else item for item in items]
    unique_ids: list[str] = []
    unique_ens: list[str] = []
    for i, e in zip(ids, ens, strict=True):
        if i not in unique_ids:
            unique_ids.append(i)
            unique_ens.append(e)
    return Text(joined(unique_ids, "dan"), joined(unique_ens, "and"))
