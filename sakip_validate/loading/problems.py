"""The error a reader raises when a file cannot become data."""

from __future__ import annotations

from ..codes import Code
from ..findings import Text
from .positions import Position


class LoadProblem(Exception):
    """A file could not be read or parsed; carries what the finding needs."""

    def __init__(
        self,
        code: Code,
        message: Text,
        *,
        hint: Text | None = None,
        position: Position | None = None,
        pointer: str = "",
        printed: str | None = None,
    ) -> None:
        super().__init__(message.en)
        self.code = code
        self.message = message
        self.hint = hint
        self.position = position
        self.pointer = pointer
        self.printed = printed
