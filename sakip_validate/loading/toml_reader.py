"""TOML with exact decimals; dates become ISO text, nan and inf are rejected."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal
from typing import Any

# tomli itself, not the stdlib copy: its compiled wheel parses about twice as fast.
import tomli

from ..codes import LOAD_LIMIT, LOAD_NON_FINITE, LOAD_NUMBER_RANGE, LOAD_SYNTAX
from ..findings import Text
from .limits import DEFAULT_LIMITS, Limits, NumberTooLarge, Survey, exact_decimal, survey
from .pointers import join_pointer
from .positions import Position, offset_to_position
from .problems import (
    BIG_NUMBER_HINT,
    NON_FINITE_HINT,
    LoadProblem,
    number_too_large,
    reword,
    syntax_hint,
)
from .problems import LIMIT_HINT as _LIMIT_HINT

_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")

# tomli's messages, reworded for people who do not write parsers.
_SYNTAX_MESSAGES: tuple[tuple[str, str, str], ...] = (
    (
        "Cannot overwrite a value",
        "kunci ini sudah diberi nilai sebelumnya (kunci ganda)",
        "this key already has a value (duplicate key)",
    ),
    (
        "Cannot declare",
        "tabel ini sudah dinyatakan sebelumnya (judul tabel ganda)",
        "this table was already declared (duplicate table header)",
    ),
    (
        "Invalid date or datetime",
        "tanggal atau waktu tidak sah (misalnya bulan 13 atau 30 Februari)",
        "invalid date or time (e.g. month 13 or 30 February)",
    ),
    (
        "Expected '=' after a key",
        "kurang tanda '=' setelah nama kunci",
        "'=' is missing after a key",
    ),
    (
        "Invalid value",
        "nilai tidak sah (teks harus diapit tanda kutip; angka memakai titik desimal)",
        "invalid value (text must be quoted; numbers use a decimal point)",
    ),
    ("Unclosed array", "daftar [ ... ] tidak ditutup", "an array [ ... ] is not closed"),
    (
        "Unclosed inline table",
        "tabel { ... } tidak ditutup",
        "an inline table { ... } is not closed",
    ),
    ("Unterminated string", "teks tidak ditutup tanda kutip", "a string is not closed"),
    ("Illegal character", "ada karakter yang tidak boleh di sini", "a character not allowed here"),
    (
        "Invalid initial character for a key part",
        "nama kunci diawali karakter yang tidak sah",
        "a key starts with an invalid character",
    ),
    (
        "Expected newline or end of document",
        "setelah sebuah nilai harus ganti baris",
        "a value must be followed by a new line",
    ),
)


_SYNTAX_HINT = syntax_hint("TOML", "Even Better TOML")


_LONG_INTEGER = re.compile(r"[-+]?[0-9_]{4000,}")


def deep_key_line(text: str, limit: int) -> tuple[int, int] | None:
    """(line, segments) of the first key or table header with more than ``limit`` segments.

    Checked before parsing: a dotted key of a hundred thousand segments costs a
    parser gigabytes. Quoted parts of a key may hold dots that do not count.
    """
    dots = text.count(".")
    if dots < limit or (dots <= _FEW_DOTS and not _dots_on_one_line(text, limit)):
        return None
    for number, line in enumerate(text.splitlines(), start=1):
        if line.count(".") < limit:
            continue
        segments = key_segments(line)
        if segments > limit:
            return number, segments
    return None


def key_segments(line: str) -> int:
    """How many dotted segments the key or table header of a TOML line has."""
    stripped = line.lstrip()
    if stripped.startswith("["):
        key = stripped.lstrip("[").split("]", 1)[0]
    else:
        key = stripped.split("=", 1)[0]
    segments = 1
    quote = ""
    for char in key:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ".":
            segments += 1
    return segments


# A report's decimals put hundreds of dots in a file; past this many the filter
# below would cost more memory than the line walk it saves.
_FEW_DOTS = 100_000


def _dots_on_one_line(text: str, limit: int) -> bool:
    """Whether ``limit`` dots stand on one line (between two line feeds).

    A filter for :func:`deep_key_line`, walking the text between dots rather than
    its lines: a report has about twice as many lines as dots. No line feed in
    ``limit - 1`` pieces in a row is ``limit`` dots on one line. Every line
    ``str.splitlines`` gives lies within one such line, so False is certain.
    """
    between = text.split(".")[1:-1]
    breaks = bytes(map(str.__contains__, between, itertools.repeat("\n")))
    return b"\x00" * (limit - 1) in breaks


def parse_toml(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Parse TOML text into dicts, lists, str, int, Decimal, bool; dates as ISO strings."""
    return read_toml(text, limits)[0]


def read_toml(text: str, limits: Limits = DEFAULT_LIMITS) -> tuple[Any, Survey]:
    """:func:`parse_toml`'s data, and the :func:`~.limits.survey` of it as parsed.

    The survey that tells whether the data needs normalising also tells its size,
    depth and numbers, so that loading walks a usual report once.
    """
    deep = deep_key_line(text, limits.key_segments)
    if deep is not None:
        line, segments = deep
        raise LoadProblem(
            LOAD_LIMIT,
            Text(
                f"Kunci atau judul tabel ini terdiri atas {segments} bagian bertitik; batasnya "
                f"{limits.key_segments}.",
                f"This key or table header has {segments} dotted parts; the limit is "
                f"{limits.key_segments}.",
            ),
            hint=_LIMIT_HINT,
            position=Position(line, 1),
        )
    try:
        data = tomli.loads(text, parse_float=exact_decimal)
    except tomli.TOMLDecodeError as error:
        raise _syntax_problem(str(error), text) from None
    except NumberTooLarge as error:
        raise number_too_large(text, error.token) from None
    except ValueError:
        # Only an integer too long for Python's int() gets here (tomli reports
        # every other problem as a TOMLDecodeError).
        match = _LONG_INTEGER.search(text)
        position = None
        if match is not None:
            position = offset_to_position(text, match.start())
        raise LoadProblem(
            LOAD_NUMBER_RANGE,
            Text(
                "Angka ini terlalu panjang untuk dibaca (lebih dari 4.000 angka).",
                "This number is too long to be read (more than 4,000 digits).",
            ),
            hint=BIG_NUMBER_HINT,
            position=position,
        ) from None
    except RecursionError:
        raise LoadProblem(
            LOAD_SYNTAX,
            Text("TOML bersarang terlalu dalam untuk dibaca.", "The TOML is nested too deeply."),
            position=Position(1, 1),
        ) from None
    known = survey(data, limits)
    plain = known.plain if known.complete else not _needs_normalising(data)
    if plain:
        return data, known  # no date, no nan or inf: the usual report, left as parsed
    # Dates become text and nan or inf a finding: size, depth and numbers stay as surveyed.
    return _normalise(data, ""), known


def _needs_normalising(data: Any) -> bool:
    """Whether ``data`` holds a date or time, or a non-finite number (iteratively)."""
    stack: list[Any] = [data]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())
        elif kind is list:
            stack.extend(value)
        elif kind is Decimal:
            if not value.is_finite():
                return True
        elif kind is not str and kind is not int and kind is not bool:
            return True  # a date, a time, or anything unexpected: the full walk decides
    return False


def _syntax_problem(raw: str, text: str) -> LoadProblem:
    position: Position | None = None
    reason = raw
    at_end = False
    if match := _AT.search(raw):
        line = int(match.group(1))
        position = Position(line, int(match.group(2)))
        reason = raw[: match.start()]
        if reason.startswith(("Cannot overwrite", "Cannot declare")):
            # tomli points past the repeated key; the key itself is the place to fix.
            source_line = (text.splitlines() or [""])[line - 1] if line else ""
            position = Position(line, len(source_line) - len(source_line.lstrip()) + 1)
    elif match := _AT_END.search(raw):
        lines = text.splitlines() or [""]
        position = Position(len(lines), len(lines[-1]) + 1)
        reason = raw[: match.start()] + " (at end of document)"
        at_end = True
    message_id, message_en = reword(reason, _SYNTAX_MESSAGES)
    # Only where the parser ran out of text: "Expected newline or end of document"
    # in the middle of a file (capaian = 90,00) is no sign of a truncated file.
    if at_end:
        message_id += "; berkas tampaknya terpotong"
        message_en += "; the file seems truncated"
    return LoadProblem(
        LOAD_SYNTAX,
        Text(f"TOML tidak sah: {message_id}.", f"Invalid TOML: {message_en}."),
        hint=_SYNTAX_HINT,
        position=position,
    )


def _normalise(value: Any, pointer: str) -> Any:
    # JSON Schema knows no date type, and a report's data must be the same
    # whether it was written in TOML or JSON: dates become ISO 8601 text.
    if isinstance(value, dict):
        return {key: _normalise(item, join_pointer(pointer, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [_normalise(item, f"{pointer}/{index}") for index, item in enumerate(value)]
    if isinstance(value, Decimal) and not value.is_finite():
        token = str(value).lower().replace("infinity", "inf")
        raise LoadProblem(
            LOAD_NON_FINITE,
            Text(
                f"Nilai {token} bukan angka yang dapat diperiksa.",
                f"The value {token} is not a number that can be checked.",
            ),
            hint=NON_FINITE_HINT,
            pointer=pointer,
            printed=token,
        )
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return TypedText(value.isoformat())
    return value


class TypedText(str):
    """Text that the TOML file wrote as a date or time literal (unquoted), not as a string.

    It equals its ISO text, so a date field reads the same from TOML and JSON; the
    schema step accepts it only where a date or time belongs, so that ``nama =
    2021-01-01`` is a finding instead of silently becoming text.
    """

    __slots__ = ()
