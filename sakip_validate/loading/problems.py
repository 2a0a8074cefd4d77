"""The error a reader raises when a file cannot become data."""

from __future__ import annotations

from ..codes import LOAD_NUMBER_RANGE, Code
from ..findings import Text
from .positions import Position, offset_to_position


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


NON_FINITE_HINT = Text(
    'Tulis angka yang tercetak di laporan, atau "N/A" bila laporan mencetak N/A.',
    'Write the number printed in the report, or "N/A" where the report prints N/A.',
)


LIMIT_HINT = Text(
    "Laporan yang sebenarnya jauh di bawah batas ini; periksa apakah ini berkas yang benar. "
    "Bila memang perlu, naikkan batasnya dengan --limit NAMA=NILAI (lihat docs/limits.md).",
    "A real report stays far below this limit; check that this is the right file. If it "
    "must be, raise the limit with --limit NAME=VALUE (see docs/limits.md).",
)


def syntax_hint(kind: str, extension: str = "") -> Text:
    """The fix for a syntax error: the place is shown, an editor marks it too."""
    with_id = f" dengan {extension}" if extension else ""
    with_en = f" with {extension}" if extension else ""
    return Text(
        f"Perbaiki penulisan di tempat yang ditunjuk; editor dengan dukungan {kind} "
        f"(misalnya VS Code{with_id}) menandai kesalahan yang sama.",
        f"Fix the syntax at the place shown; an editor with {kind} support "
        f"(e.g. VS Code{with_en}) marks the same error.",
    )


def reword(reason: str, table: tuple[tuple[str, str, str], ...]) -> tuple[str, str]:
    """A parser's English reason as (Indonesian, English) plain words, from ``table``."""
    for prefix, text_id, text_en in table:
        if reason.startswith(prefix):
            return text_id, text_en
    return reason, reason


BIG_NUMBER_HINT = Text(
    "Salin angka persis seperti tercetak di laporan; angka sepanjang ini bukan angka laporan.",
    "Copy the number exactly as printed in the report; no report number is this long.",
)


def number_too_large(text: str, token: str) -> LoadProblem:
    """LOAD006 at a number whose exponent alone is too long to be read."""
    at = text.find(token)
    return LoadProblem(
        LOAD_NUMBER_RANGE,
        Text(
            "Angka ini terlalu besar untuk dibaca (pangkat sepuluhnya saja ribuan angka).",
            "This number is too large to be read (its power of ten alone has thousands of digits).",
        ),
        hint=BIG_NUMBER_HINT,
        position=offset_to_position(text, at) if at >= 0 else None,
    )
