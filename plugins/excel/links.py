"""Hyperlinks between a finding on the findings sheet and the rows of the table sheets.

Each finding has a number and a row on the findings sheet, known before any
sheet is written. The table sheets link every finding they show to that row and
record where they show it (as the row's own finding, or as one made about the
same figure in another table); the findings sheet, written last, links back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sakip_validate.findings import Finding

__all__ = ["Links", "internal"]


def internal(sheet: str, row: int, col: int = 0) -> str:
    """An ``internal:`` link to a cell: ``internal:'3.2 Capaian'!A10`` (0-based row, col)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    quoted = "'" + sheet.replace("'", "''") + "'"
    return f"internal:{quoted}!{letters}{row + 1}"


@dataclass
class Links:
    """Where each finding stands: its number and row on the findings sheet, its table rows."""

    sheet: str = ""  # the findings sheet
    _rows: dict[int, tuple[int, int]] = field(default_factory=dict)  # id -> (number, row)
    _own: dict[int, tuple[str, int]] = field(default_factory=dict)
    _related: dict[int, tuple[str, int]] = field(default_factory=dict)

    def number(self, findings: Iterable[Finding], sheet: str, first_row: int) -> None:
        """Number ``findings`` in the findings sheet's order, from ``first_row`` down."""
        self.sheet = sheet
        for index, finding in enumerate(findings):
            self._rows[id(finding)] = (index + 1, first_row + index)

    def no(self, finding: Finding) -> int | None:
        """The finding's number on the findings sheet."""
        found = self._rows.get(id(finding))
        return found[0] if found else None

    def to_finding(self, finding: Finding) -> str | None:
        """A link to the finding's row on the findings sheet."""
        found = self._rows.get(id(finding))
        return internal(self.sheet, found[1]) if found else None

    def shown(self, finding: Finding, sheet: str, row: int, *, own: bool) -> None:
        """Record that ``sheet`` shows ``finding`` on ``row`` (the first place is kept)."""
        (self._own if own else self._related).setdefault(id(finding), (sheet, row))

    def place(self, finding: Finding) -> tuple[str, int, bool] | None:
        """Where a table sheet shows the finding: (sheet, row, own), its own row first."""
        if id(finding) in self._own:
            sheet, row = self._own[id(finding)]
            return sheet, row, True
        if id(finding) in self._related:
            sheet, row = self._related[id(finding)]
            return sheet, row, False
        return None
