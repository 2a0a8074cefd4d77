"""Strict JSON: exact decimals, and no silent loss from duplicate keys, NaN or Infinity."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

from ..codes import LOAD_DUPLICATE_KEY, LOAD_ENCODING, LOAD_NON_FINITE, LOAD_SYNTAX
from ..findings import Text
from .limits import NumberTooLarge, exact_decimal
from .pointers import join_pointer
from .positions import Position, PositionIndex, index_json
from .problems import NON_FINITE_HINT, LoadProblem, number_too_large, reword, syntax_hint


class _Duplicate(Exception):
    pass


class _NonFinite(Exception):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Duplicate(key)
        result[key] = value
    return result


def _reject_constant(token: str) -> Any:
    raise _NonFinite(token)


# json's messages, reworded for people who do not write parsers.
_SYNTAX_MESSAGES: tuple[tuple[str, str, str], ...] = (
    ("Expecting ',' delimiter", "kurang tanda koma (,)", "a comma (,) is missing"),
    (
        "Expecting ':' delimiter",
        "kurang tanda titik dua (:) setelah nama kunci",
        "a colon (:) is missing after the key",
    ),
    (
        "Expecting property name enclosed in double quotes",
        "nama kunci harus diapit tanda kutip ganda, atau ada koma berlebih sebelum '}'",
        "a key must be in double quotes, or there is a trailing comma before '}'",
    ),
    (
        "Expecting value",
        "nilai tidak ada atau tidak sah (berkas terpotong, koma berlebih, atau teks tanpa "
        "tanda kutip)",
        "a value is missing or invalid (truncated file, trailing comma, or unquoted text)",
    ),
    ("Unterminated string", "teks tidak ditutup tanda kutip", "a string is not closed"),
    ("Extra data", "ada isi lebih setelah akhir data", "there is extra content after the data"),
    (
        "Invalid control character",
        "ada karakter kendali (misalnya tab atau baris baru) di dalam teks",
        "a control character (such as a tab or newline) is inside a string",
    ),
    ("Invalid \\escape", "urutan escape '\\' tidak sah", "an invalid '\\' escape"),
)


_SYNTAX_HINT = syntax_hint("JSON")


def _parse_int(token: str) -> int | Decimal:
    # Python refuses to turn more than 4,300 digits into an int (and would take
    # quadratic time below that): such a number stays a Decimal, and the limits
    # check reports it as out of range at its place.
    if len(token) > 40:
        return Decimal(token)
    return int(token)


# A \uD800-\uDFFF escape that is not half of a pair decodes to a lone surrogate:
# a Python string no output can encode. Such text is refused at its place.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _lone_surrogate(data: Any) -> str | None:
    """The pointer of the first key or text holding a lone surrogate, or None."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        value, pointer = stack.pop()
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                return pointer
        elif isinstance(value, dict):
            for key, item in value.items():
                here = join_pointer(pointer, key) if not _LONE_SURROGATE.search(key) else None
                if here is None:
                    return pointer
                stack.append((item, here))
        elif isinstance(value, list):
            stack.extend((item, f"{pointer}/{i}") for i, item in enumerate(value))
    return None


def parse_json(text: str) -> Any:
    """Parse JSON text into dicts, lists, str, int, Decimal, bool and None."""
    data = _parse(text)
    # Most reports hold no \u escape at all: one substring test instead of the pattern.
    if "\\u" in text and _SURROGATE_ESCAPE.search(text):
        pointer = _lone_surrogate(data)
        if pointer is not None:
            raise LoadProblem(
                LOAD_ENCODING,
                Text(
                    "Teks di sini memuat escape \\uD800–\\uDFFF yang tidak berpasangan: "
                    "bukan karakter Unicode yang sah.",
                    "The text here holds an unpaired \\uD800–\\uDFFF escape: not a valid "
                    "Unicode character.",
                ),
                hint=Text(
                    "Hapus escape itu, atau tulis karakternya langsung (berkas UTF-8).",
                    "Remove the escape, or write the character itself (in a UTF-8 file).",
                ),
                pointer=pointer,
            )
    return data


def _index_or_none(text: str) -> PositionIndex | None:
    # json stops at the first duplicate key or NaN it meets; the text may break
    # the grammar further on, where the position index (which reads all of it)
    # gives up. The finding then names the key without its place.
    try:
        return index_json(text)
    except ValueError:
        return None


def _parse(text: str) -> Any:
    try:
        return json.loads(
            text,
            parse_float=exact_decimal,
            parse_int=_parse_int,
            parse_constant=_reject_constant,
            object_pairs_hook=_unique_pairs,
        )
    except json.JSONDecodeError as error:
        reason = error.msg
        message_id, message_en = reword(reason, _SYNTAX_MESSAGES)
        if error.pos >= len(text.rstrip()) and reason.startswith(("Expecting", "Unterminated")):
            message_id += "; berkas tampaknya terpotong"
            message_en += "; the file seems truncated"
        raise LoadProblem(
            LOAD_SYNTAX,
            Text(f"JSON tidak sah: {message_id}.", f"Invalid JSON: {message_en}."),
            hint=_SYNTAX_HINT,
            position=Position(error.lineno, error.colno),
        ) from None
    except NumberTooLarge as error:
        raise number_too_large(text, error.token) from None
    except _Duplicate as error:
        index = _index_or_none(text)
        duplicates = index.duplicate_keys if index is not None else []
        pointer, position = duplicates[0] if duplicates else ("", None)
        key = error.args[0]
        raise LoadProblem(
            LOAD_DUPLICATE_KEY,
            Text(
                f'Kunci "{key}" tertulis dua kali dalam objek yang sama; JSON hanya akan '
                "menyimpan yang terakhir dan yang pertama hilang tanpa peringatan.",
                f'The key "{key}" appears twice in the same object; JSON would keep only '
                "the last one and silently lose the first.",
            ),
            hint=Text(
                "Hapus salah satu, atau gabungkan isinya.",
                "Remove one of them, or merge their contents.",
            ),
            position=position,
            pointer=pointer,
            printed=key,
        ) from None
    except _NonFinite as error:
        index = _index_or_none(text)
        constants = index.non_finite if index is not None else []
        pointer, position, _ = constants[0] if constants else ("", None, "")
        token = error.args[0]
        raise LoadProblem(
            LOAD_NON_FINITE,
            Text(
                f"Nilai {token} bukan angka JSON yang sah dan tidak dapat diperiksa.",
                f"The value {token} is not a valid JSON number and cannot be checked.",
            ),
            hint=NON_FINITE_HINT,
            position=position,
            pointer=pointer,
            printed=token,
        ) from None
    except RecursionError:
        raise LoadProblem(
            LOAD_SYNTAX,
            Text(
                "JSON bersarang terlalu dalam untuk dibaca.",
                "The JSON is nested too deeply to be read.",
            ),
            position=Position(1, 1),
        ) from None
