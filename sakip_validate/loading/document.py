"""A loaded report: its data, its text, and where each value stands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..findings import Finding, TextLocation
from .limits import Survey
from .pointers import split_pointer
from .positions import PositionIndex, index_json, index_json_for, index_toml, index_toml_for

Format = Literal["toml", "json", "xlsx"]


@dataclass(slots=True)
class LoadedDocument:
    """One parsed report file.

    Positions are indexed only when a finding first asks for one: most files in
    a CI run have no finding, and the index costs a second pass over the text.
    :meth:`locate_all` finds many at once without indexing every value.
    """

    label: str
    format: Format
    text: str
    data: Any
    sha256: str | None = None
    # Findings of the import step, when the report was read from a published document.
    import_findings: list[Finding] = field(default_factory=list)
    _index: PositionIndex | None = field(default=None, repr=False)
    # A workbook: the cell of each pointer ("Anggaran!D14"), and what the reader
    # could not read with certainty (findings at their cells).
    cells: dict[str, str] | None = None
    notes: tuple[Finding, ...] = ()
    # (data, its survey) as the loader walked it: the numbers need no second walk.
    surveyed: tuple[Any, Survey] | None = field(default=None, repr=False, compare=False)

    def survey(self) -> Survey | None:
        """The loader's survey of :attr:`data`, unless ``data`` has been replaced since."""
        if self.surveyed is None or self.surveyed[0] is not self.data:
            return None
        return self.surveyed[1]

    @property
    def positions(self) -> PositionIndex:
        if self._index is None:
            indexer = index_toml if self.format == "toml" else index_json
            try:
                self._index = indexer(self.text)
            except ValueError:
                # Only reachable through a scanner bug: the parser accepted the
                # text. Findings then point at the file's start instead of failing.
                self._index = PositionIndex(self.text, {}, {})
        return self._index

    def locate(
        self, pointer: str, *, at_key: bool = False, missing: str | None = None
    ) -> TextLocation:
        """The location of the value at ``pointer`` (or of its key), else of its nearest parent.

        ``missing``: a required key absent from the object at ``pointer``. A text file has
        no place for it but its object's; a workbook has the empty cell it belongs in.
        """
        if self.cells is not None:
            empty = None
            if missing is not None:
                empty = self.cells.get(f"{pointer}/{missing.replace('~', '~0').replace('/', '~1')}")
            return TextLocation(self.label, pointer, cell=empty or self.cell(pointer))
        if not pointer:
            # The root stands at the start of the text, indexed or not.
            return TextLocation(self.label, pointer, 1, 1)
        position = self.positions.key(pointer) if at_key else None
        if position is None:
            position = self.positions.value(pointer) or self.positions.nearest(pointer)
        return TextLocation(self.label, pointer, position.line, position.column)

    def locate_all(self, requests: Sequence[tuple[str, bool]]) -> list[TextLocation]:
        """The location of each ``(pointer, at_key)``, as :meth:`locate` gives it.

        Unless the document is indexed already, one pass over the text records
        these pointers and their ancestors and nothing else (a report's findings
        point at a few dozen of its thousand values). The lookup trusts the text
        to be what the parser accepted, so a document without data (one that
        failed to load) takes the full index.
        """
        if (
            self._index is not None
            or self.cells is not None
            or self.data is None
            or not requests
            or type(self).locate is not LoadedDocument.locate
        ):
            return [self.locate(pointer, at_key=at_key) for pointer, at_key in requests]
        pointers = [pointer for pointer, _ in requests]
        try:
            if self.format == "toml":
                index = index_toml_for(self.text, pointers)
            else:
                # The JSON reader refuses an object that repeats a key.
                index = index_json_for(self.text, pointers, unique_keys=True)
        except ValueError:
            index = self.positions  # what the full index makes of it, failure included
        offsets = [index.place(pointer, at_key) for pointer, at_key in requests]
        positions = index.positions(offsets)
        return [
            TextLocation(self.label, pointer, positions[offset].line, positions[offset].column)
            for (pointer, _), offset in zip(requests, offsets, strict=True)
        ]

    def cell(self, pointer: str) -> str | None:
        """The workbook cell of ``pointer``, else of its nearest parent that has one."""
        cells = self.cells or {}
        tokens = split_pointer(pointer)
        for size in range(len(tokens), -1, -1):
            prefix = "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens[:size])
            if prefix in cells:
                return cells[prefix]
        return None
