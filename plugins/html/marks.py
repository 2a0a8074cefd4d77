"""Which printed rows have findings: decided by the findings' pointers, nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Mark:
    """A finding as a row links to it: its rule id, its row's anchor, its place in the list."""

    rule: str
    anchor: str
    order: int


@dataclass(slots=True)
class Marks:
    """The findings of one file by the JSON pointer they stand at."""

    by_pointer: dict[str, list[Mark]] = field(default_factory=dict)

    def add(self, pointer: str, mark: Mark) -> None:
        self.by_pointer.setdefault(pointer, []).append(mark)

    def under(self, pointer: str) -> list[Mark]:
        """The findings at ``pointer`` or inside it (a row's cells), in page order."""
        prefix = pointer + "/"
        found = [
            mark
            for at, marks in self.by_pointer.items()
            if at == pointer or at.startswith(prefix)
            for mark in marks
        ]
        return sorted(found, key=lambda mark: mark.order)
