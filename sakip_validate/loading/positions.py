"""Map RFC 6901 JSON pointers to line/column positions in TOML and JSON source.

``tomllib`` and ``json`` validate and decode a document but forget where each
value stood.  The scanners here run afterwards, only on text the real parser
already accepted, so they trust the grammar and track nothing but structure:
one pass over the text records the character offset of every value (and of
every member's key) under its pointer.  Offsets become lines and columns only
when a caller asks, which keeps building an index for a large file cheap.
When only a few pointers are wanted (the values a report's findings point
at), :func:`index_toml_for` and :func:`index_json_for` record those and their
ancestors and pass over the rest, giving exactly the full index's answers
for them at a third of the cost.

Line breaks are ``\\n``, ``\\r\\n`` and a lone ``\\r`` (as editors and the
Language Server Protocol count them); other Unicode separators such as U+2028
or form feed stay inside their line.  Columns count code points, so a tab or
an astral character is one column.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from itertools import accumulate
from json.decoder import scanstring  # type: ignore[attr-defined]
from json.scanner import make_scanner
from operator import itemgetter
from typing import Any, cast

__all__ = [
    "LineIndex",
    "Position",
    "PositionIndex",
    "index_json",
    "index_json_for",
    "index_toml",
    "index_toml_for",
    "offset_to_position",
]


@dataclass(frozen=True, slots=True)
class Position:
    """A place in source text: 1-based line and 1-based column in code points."""

    line: int
    column: int


_LINE_BREAK = re.compile(r"\r\n?|\n")


def _line_starts(text: str) -> list[int]:
    if "\r" in text and text.count("\r") != text.count("\r\n"):
        starts = [0]
        starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        return starts
    # Every line ends at a \n (a \r before it stays in its line): add up the
    # lengths of the lines, in C, instead of a match object per line.
    starts = list(accumulate(map((1).__add__, map(len, text.split("\n"))), initial=0))
    starts.pop()
    return starts


def _position_in(starts: list[int], offset: int) -> Position:
    line = bisect_right(starts, offset)
    return Position(line, offset - starts[line - 1] + 1)


def offset_to_position(text: str, offset: int) -> Position:
    """Return the position of character ``offset`` of ``text`` (clamped to the text).

    The ``\\n`` of a ``\\r\\n`` pair belongs to the line the pair ends; the offset
    ``len(text)`` is the place just after the last character.
    """
    offset = min(max(offset, 0), len(text))
    if "\r" not in text:
        # The common case needs no table of line starts.
        start = text.rfind("\n", 0, offset) + 1
        return Position(text.count("\n", 0, offset) + 1, offset - start + 1)
    return _position_in(_line_starts(text), offset)


class LineIndex:
    """Positions of many offsets into one text, its line starts found once."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = _line_starts(text)

    def position(self, offset: int) -> Position:
        """The position of character ``offset`` (clamped to the text)."""
        return _position_in(self._starts, min(max(offset, 0), len(self._text)))

    def offset(self, position: Position) -> int:
        """The character offset of ``position`` (clamped to the text)."""
        line = min(max(position.line, 1), len(self._starts))
        return min(self._starts[line - 1] + max(position.column, 1) - 1, len(self._text))


def _escape(key: str) -> str:
    if "~" in key or "/" in key:
        return key.replace("~", "~0").replace("/", "~1")
    return key


class PositionIndex:
    """Where each value, and each object member's key, of one document starts.

    Built by :func:`index_json` or :func:`index_toml`.  ``duplicate_keys`` and
    ``non_finite`` are only ever filled for JSON (tomllib rejects both).
    """

    __slots__ = (
        "_key_offsets",
        "_line_starts",
        "_text",
        "_value_offsets",
        "duplicate_keys",
        "non_finite",
    )

    duplicate_keys: list[tuple[str, Position]]
    non_finite: list[tuple[str, Position, str]]

    def __init__(
        self,
        text: str,
        value_offsets: dict[str, int],
        key_offsets: dict[str, int],
        duplicate_keys: Iterable[tuple[str, int]] = (),
        non_finite: Iterable[tuple[str, int, str]] = (),
    ) -> None:
        self._text = text
        self._value_offsets = value_offsets
        self._key_offsets = key_offsets
        self._line_starts: list[int] | None = None
        self.duplicate_keys = [(ptr, self._position(off)) for ptr, off in duplicate_keys]
        self.non_finite = [(ptr, self._position(off), tok) for ptr, off, tok in non_finite]

    def _position(self, offset: int) -> Position:
        starts = self._line_starts
        if starts is None:
            starts = self._line_starts = _line_starts(self._text)
        return _position_in(starts, offset)

    def value(self, pointer: str) -> Position | None:
        """Return where the value at ``pointer`` starts, or None if it is unknown."""
        offset = self._value_offsets.get(pointer)
        return None if offset is None else self._position(offset)

    def value_offset(self, pointer: str) -> int | None:
        """Return the character offset where the value at ``pointer`` starts, or None."""
        return self._value_offsets.get(pointer)

    def key(self, pointer: str) -> Position | None:
        """Return where the key of member ``pointer`` starts (None for array items and root)."""
        offset = self._key_offsets.get(pointer)
        return None if offset is None else self._position(offset)

    def nearest(self, pointer: str) -> Position:
        """Return the value position of ``pointer`` or of its closest known ancestor."""
        return self._position(self.nearest_offset(pointer))

    def nearest_offset(self, pointer: str) -> int:
        """The offset of :meth:`nearest` (0, the start, when nothing is known)."""
        while True:
            offset = self._value_offsets.get(pointer)
            if offset is not None:
                return offset
            if not pointer:
                return 0
            pointer = pointer[: max(pointer.rfind("/"), 0)]

    def place(self, pointer: str, at_key: bool) -> int:
        """The offset of the key of ``pointer`` (with ``at_key``, if it has one), else of
        its value, else of its nearest known ancestor."""
        offset = self._key_offsets.get(pointer) if at_key else None
        return self.nearest_offset(pointer) if offset is None else offset

    def positions(self, offsets: Iterable[int]) -> dict[int, Position]:
        """The position of each of ``offsets``.

        A few offsets into text whose lines all end at \\n are counted out in
        one sweep, without the table of every line's start.
        """
        text = self._text
        if self._line_starts is not None or (
            "\r" in text and text.count("\r") != text.count("\r\n")
        ):
            return {offset: self._position(offset) for offset in offsets}
        found = {}
        line = 1
        last = 0
        for offset in sorted(set(offsets)):
            line += text.count("\n", last, offset)
            found[offset] = Position(line, offset - text.rfind("\n", 0, offset))
            last = offset
        return found


class _NotValid(ValueError):
    """The scanner met text that its real parser would have rejected."""


def _invalid(kind: str, text: str, offset: int) -> _NotValid:
    where = offset_to_position(text, offset)
    return _NotValid(f"not valid {kind} at line {where.line}, column {where.column}")


def _wanted(pointers: Iterable[str]) -> set[str]:
    """The pointers and every ancestor of each: all that a lookup of them may read."""
    wanted = {""}
    for pointer in pointers:
        while pointer not in wanted:
            wanted.add(pointer)
            pointer = pointer[: max(pointer.rfind("/"), 0)]
    return wanted


def _guarded(kind: str, scan: Callable[[str], PositionIndex], text: str) -> PositionIndex:
    # The scanners trust the grammar; on text that breaks it they may run off
    # the end or miss a delimiter, which callers should see as one ValueError.
    try:
        return scan(text)
    except _NotValid:
        raise
    except (IndexError, ValueError) as error:
        raise _invalid(kind, text, len(text)) from error


# --------------------------------------------------------------------------- JSON

_JSON_WS = re.compile(r"[ \t\n\r]*")


def _end_of(pattern: re.Pattern[str], text: str, start: int = 0) -> int:
    """Where ``pattern`` (one that always matches, such as optional white space) ends."""
    match = pattern.match(text, start)
    assert match is not None  # the pattern can match the empty string
    return match.end()


# The rest of a string after its opening quote, written so that the regex
# engine runs through plain characters without backtracking.
_JSON_STRING_TAIL = re.compile(r'[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_JSON_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
_JSON_WORDS = {"t": "true", "f": "false", "n": "null", "N": "NaN", "I": "Infinity"}


def index_json(text: str) -> PositionIndex:
    """Index a JSON document (RFC 8259 plus NaN, Infinity and -Infinity).

    Of duplicate keys the later member wins, as it does in ``json.loads``:
    ``value`` and ``key`` report the later occurrence, and ``duplicate_keys``
    lists every repeat.  Children of an overridden earlier value may linger in
    the index under pointers that the decoded data no longer has.
    """
    return _guarded("JSON", _index_json, text)


def _index_json(text: str) -> PositionIndex:
    values: dict[str, int] = {"": 0}
    keys: dict[str, int] = {}
    duplicates: list[tuple[str, int]] = []
    non_finite: list[tuple[str, int, str]] = []
    string_tail = _JSON_STRING_TAIL.match
    number = _JSON_NUMBER.match
    # A frame is [pointer, index of the current item] for an array and
    # [pointer, -1, keys seen so far] for an object.
    stack: list[list[Any]] = []

    def member(i: int, frame: list[Any]) -> tuple[int, str]:
        if text[i] != '"':
            raise _invalid("JSON", text, i)
        name, end = scanstring(text, i + 1, False)
        pointer = frame[0] + "/" + _escape(name)
        seen: set[str] = frame[2]
        if name in seen:
            duplicates.append((pointer, i))
        else:
            seen.add(name)
        keys[pointer] = i
        colon = _end_of(_JSON_WS, text, end)
        if text[colon] != ":":
            raise _invalid("JSON", text, colon)
        return _end_of(_JSON_WS, text, colon + 1), pointer

    i = _end_of(_JSON_WS, text)
    pointer = ""
    while True:
        if pointer:
            values[pointer] = i
        c = text[i]
        if c == "{" or c == "[":
            j = _end_of(_JSON_WS, text, i + 1)
            if text[j] == ("}" if c == "{" else "]"):
                i = j + 1
            elif c == "[":
                stack.append([pointer, 0])
                pointer += "/0"
                i = j
                continue
            else:
                frame: list[Any] = [pointer, -1, set()]
                stack.append(frame)
                i, pointer = member(j, frame)
                continue
        elif c == '"':
            match = string_tail(text, i + 1)
            if match is None:
                raise _invalid("JSON", text, i)
            i = match.end()
        elif c in _JSON_WORDS:
            word = _JSON_WORDS[c]
            if not text.startswith(word, i):
                raise _invalid("JSON", text, i)
            if c == "N" or c == "I":
                non_finite.append((pointer, i, word))
            i += len(word)
        elif c == "-" and text.startswith("-Infinity", i):
            non_finite.append((pointer, i, "-Infinity"))
            i += 9
        else:
            match = number(text, i)
            if match is None:
                raise _invalid("JSON", text, i)
            i = match.end()

        # Close finished containers until one of them continues with a comma.
        while stack:
            i = _end_of(_JSON_WS, text, i)
            frame = stack[-1]
            c = text[i]
            if c == ",":
                i = _end_of(_JSON_WS, text, i + 1)
                if frame[1] < 0:
                    i, pointer = member(i, frame)
                else:
                    frame[1] += 1
                    pointer = f"{frame[0]}/{frame[1]}"
                break
            if c != ("}" if frame[1] < 0 else "]"):
                raise _invalid("JSON", text, i)
            i += 1
            stack.pop()
        else:
            break

    if _end_of(_JSON_WS, text, i) != len(text):
        raise _invalid("JSON", text, i)
    return PositionIndex(text, values, keys, duplicates, non_finite)


def index_json_for(
    text: str, pointers: Collection[str], *, unique_keys: bool = False
) -> PositionIndex:
    """An index that answers for ``pointers`` exactly as :func:`index_json` would.

    Only ``pointers`` and their ancestors are recorded (``value``, ``key`` and
    ``nearest`` of any other pointer may be wrong): a value on no wanted path
    is passed by the json module's scanner, and so is the rest of an array
    once its wanted items are read.  With ``unique_keys`` (no object repeats a
    key, as the loader ensures) the rest of an object is passed likewise.
    The skipped text is not checked against the full scanner's grammar, so
    ``text`` must be what ``json.loads`` accepted; a ValueError tells the
    caller to fall back to :func:`index_json`.
    """
    wanted = _wanted(pointers)
    return _guarded("JSON", lambda source: _index_json_for(source, wanted, unique_keys), text)


# A member's name without escapes, its colon and the white space up to the value.
_JSON_PLAIN_NAME = re.compile(r'"([^"\\]*)"[ \t\n\r]*:[ \t\n\r]*')


# Reads one JSON value and returns it with its end; numbers stay text (quicker,
# and a number of any length is fine).
_JSON_VALUE_END: Callable[[str, int], tuple[Any, int]] = make_scanner(
    cast(Any, json.JSONDecoder(parse_int=str, parse_float=str))
)
_PASSING: dict[frozenset[str], re.Pattern[str]] = {}
_NOTHING = re.compile("")
# Up to this many wanted keys in one object or table are looked for one by one.
_FEW = 8
_JSON_SCALAR = r'"[^"\\]*(?:\\.[^"\\]*)*"|-?Infinity|NaN|true|false|null|[-0-9][-+.0-9eE]*'


def _passing(names: set[str]) -> re.Pattern[str]:
    """Members, each after its comma, with a one-line value and a name not in ``names``.

    Only names written without escapes are passed over, so a wanted name is
    never among them however the text spells it. For many names (each member
    would be held against all of them) it passes nothing.
    """
    if len(names) > _FEW:
        return _NOTHING
    key = frozenset(names)
    pattern = _PASSING.get(key)
    if pattern is None:
        if len(_PASSING) > 1000:
            _PASSING.clear()
        ws = "[ \t\n\r]*"
        unwanted = f'(?!"(?:{"|".join(map(re.escape, sorted(names)))})"{ws}:)' if names else ""
        pattern = re.compile(
            f'(?:{ws},{ws}{unwanted}"[^"\\\\]*"{ws}:{ws}(?:{_JSON_SCALAR}))*+', re.DOTALL
        )
        _PASSING[key] = pattern
    return pattern


# Items of an array, each after its comma, with a one-line value.
_JSON_PASSING_ITEMS = re.compile(f"(?:[ \t\n\r]*,[ \t\n\r]*(?:{_JSON_SCALAR}))*+", re.DOTALL)


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~") if "~" in token else token


def _index_json_for(text: str, wanted: set[str], unique_keys: bool) -> PositionIndex:
    values: dict[str, int] = {"": 0}
    keys: dict[str, int] = {}
    string_tail = _JSON_STRING_TAIL.match
    number = _JSON_NUMBER.match
    plain_name = _JSON_PLAIN_NAME.match
    # How many wanted children each wanted container has, and their names.
    children: dict[str, int] = {}
    names: dict[str, set[str]] = {}
    for pointer in wanted:
        if pointer:
            cut = pointer.rfind("/")
            parent = pointer[:cut]
            children[parent] = children.get(parent, 0) + 1
            names.setdefault(parent, set()).add(_unescape(pointer[cut + 1 :]))
    # A frame is [pointer, index of the current item or -1 in an object,
    # wanted children not met yet].
    stack: list[list[Any]] = []

    def member(i: int, parent: str) -> tuple[int, str]:
        if match := plain_name(text, i):
            pointer = parent + "/" + _escape(match.group(1))
            end = match.end()
        else:
            if text[i] != '"':
                raise _invalid("JSON", text, i)
            name, end = scanstring(text, i + 1, False)
            pointer = parent + "/" + _escape(name)
            end = _end_of(_JSON_WS, text, end)
            if text[end] != ":":
                raise _invalid("JSON", text, end)
            end = _end_of(_JSON_WS, text, end + 1)
        if pointer in wanted:
            keys[pointer] = i
        return end, pointer

    def scalar_end(i: int) -> int:
        c = text[i]
        if c == '"':
            match = string_tail(text, i + 1)
        elif c in _JSON_WORDS:
            word = _JSON_WORDS[c]
            if not text.startswith(word, i):
                raise _invalid("JSON", text, i)
            return i + len(word)
        elif c == "-" and text.startswith("-Infinity", i):
            return i + 9
        else:
            match = number(text, i)
        if match is None:
            raise _invalid("JSON", text, i)
        return match.end()

    def close(i: int, is_object: bool) -> int:
        """Where the container ends, ``i`` being just after one of its items."""
        passing = _passing(set()) if is_object else _JSON_PASSING_ITEMS
        while True:
            i = _end_of(_JSON_WS, text, passing.match(text, i).end())  # type: ignore[union-attr]
            if text[i] != ",":
                if text[i] != ("}" if is_object else "]"):
                    raise _invalid("JSON", text, i)
                return i + 1
            i = _end_of(_JSON_WS, text, i + 1)
            if is_object:
                i = member(i, "\0")[0]  # a parent no pointer has: nothing recorded
            i = skip(i)

    def skip(i: int) -> int:
        """Where the value at ``i``, recorded nowhere, ends."""
        if text[i] == "{" or text[i] == "[":
            # The json module's own scanner, in C, is the quickest way past it.
            try:
                return _JSON_VALUE_END(text, i)[1]
            except (StopIteration, RecursionError):
                raise _invalid("JSON", text, i) from None
        return scalar_end(i)

    i = _end_of(_JSON_WS, text)
    pointer = ""
    while True:
        # The value at ``i`` is wanted: record it and go into it.
        if pointer:
            values[pointer] = i
        c = text[i]
        if c == "{" or c == "[":
            j = _end_of(_JSON_WS, text, i + 1)
            if text[j] == ("}" if c == "{" else "]"):
                i = j + 1
            else:
                frame: list[Any] = [pointer, 0, children.get(pointer, 0)]
                if c == "[":
                    i, child = j, pointer + "/0"
                else:
                    frame[1] = -1
                    i, child = member(j, pointer)
                stack.append(frame)
                if child in wanted:
                    frame[2] -= 1
                    pointer = child
                    continue
                i = skip(i)
        else:
            i = scalar_end(i)

        # Close finished containers until one continues with a wanted item.
        while stack:
            frame = stack[-1]
            if frame[2] == 0 and (unique_keys or frame[1] >= 0):
                i = close(i, frame[1] < 0)  # nothing more is wanted in it
                stack.pop()
                continue
            if frame[1] < 0:
                i = _passing(names.get(frame[0], set())).match(text, i).end()  # type: ignore[union-attr]
            i = _end_of(_JSON_WS, text, i)
            c = text[i]
            if c == ",":
                i = _end_of(_JSON_WS, text, i + 1)
                if frame[1] < 0:
                    i, child = member(i, frame[0])
                else:
                    frame[1] += 1
                    child = f"{frame[0]}/{frame[1]}"
                if child in wanted:
                    frame[2] -= 1
                    pointer = child
                    break
                i = skip(i)
                continue
            if c != ("}" if frame[1] < 0 else "]"):
                raise _invalid("JSON", text, i)
            i += 1
            stack.pop()
        else:
            break

    if _end_of(_JSON_WS, text, i) != len(text):
        raise _invalid("JSON", text, i)
    return PositionIndex(text, values, keys)


# --------------------------------------------------------------------------- TOML

_TOML_WS = re.compile(r"[ \t]*")
# Whitespace, newlines and comments: what may stand between lines and array items.
_TOML_GAP = re.compile(r"(?:[ \t\r\n]+|#[^\n]*)*")
_TOML_BASIC = re.compile(r'"[^"\\\r\n]*(?:\\.[^"\\\r\n]*)*"')
# Lenient on purpose: TOML 1.1 widens bare keys to most of Unicode, and the
# text was validated already, so stopping at the key's delimiters is enough.
_TOML_BARE_KEY = re.compile(r"[^ \t\r\n.=\[\]\"'#,{}]+")
# The usual line, ``bare_key = value``, read in one match (key, then equals).
_TOML_SIMPLE_KEY = re.compile(r"([^ \t\r\n.=\[\]\"'#,{}]+)[ \t]*=[ \t]*")
# Numbers, booleans, inf/nan and every date/time form up to an optional
# space that separates a date from its time.
_TOML_BARE_VALUE = re.compile(r"[0-9A-Za-z_+\-.:]+")
_TOML_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TOML_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|x[0-9A-Fa-f]{2}|.)", re.DOTALL)
_TOML_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "e": "\x1b",
}


def _unescape_toml(match: re.Match[str]) -> str:
    code = match.group(1)
    if len(code) > 1:
        return chr(int(code[1:], 16))
    return _TOML_ESCAPES.get(code, code)


def index_toml(text: str) -> PositionIndex:
    """Index a TOML 1.0 document.

    Tables opened by a header start at that header's ``[``, elements of an
    array of tables at their ``[[``; a table that only exists because of a
    dotted key or a deeper header starts at the key or header that first
    created it, and its ``key`` is that key's or header's matching segment.
    """
    return _guarded("TOML", lambda source: _TomlScanner(source).run(), text)


class _TomlScanner:
    __slots__ = ("aot_counts", "keys", "text", "values")

    def __init__(self, text: str) -> None:
        self.text = text
        self.values: dict[str, int] = {"": 0}
        self.keys: dict[str, int] = {}
        # Number of elements so far of each array of tables, by its pointer.
        self.aot_counts: dict[str, int] = {}

    def run(self) -> PositionIndex:
        text = self.text
        end = len(text)
        table = ""
        i = _end_of(_TOML_GAP, text)
        while i < end:
            if text[i] == "[":
                i, table = self.header(i)
            elif simple := _TOML_SIMPLE_KEY.match(text, i):
                pointer = self.dotted([(simple.group(1), i)], table, i)
                i = self.value(simple.end(), pointer)
            else:
                segments, j = self.key(i)
                pointer = self.dotted(segments, table, i)
                i = self.value(self.equals(j), pointer)
            i = _end_of(_TOML_GAP, text, i)
        return PositionIndex(text, self.values, self.keys)

    def key(self, i: int) -> tuple[list[tuple[str, int]], int]:
        """Read a possibly dotted key at ``i``; return its segments and where it ends."""
        text = self.text
        segments: list[tuple[str, int]] = []
        while True:
            c = text[i]
            if c == '"':
                match = _TOML_BASIC.match(text, i)
                if match is None:
                    raise _invalid("TOML", text, i)
                end = match.end()
                name = text[i + 1 : end - 1]
                if "\\" in name:
                    name = _TOML_ESCAPE.sub(_unescape_toml, name)
            elif c == "'":
                end = text.index("'", i + 1) + 1
                name = text[i + 1 : end - 1]
            else:
                match = _TOML_BARE_KEY.match(text, i)
                if match is None:
                    raise _invalid("TOML", text, i)
                end = match.end()
                name = match.group()
            segments.append((name, i))
            i = _end_of(_TOML_WS, text, end)
            if text.startswith(".", i):
                i = _end_of(_TOML_WS, text, i + 1)
            else:
                return segments, i

    def equals(self, i: int) -> int:
        if self.text[i] != "=":
            raise _invalid("TOML", self.text, i)
        return _end_of(_TOML_WS, self.text, i + 1)

    def dotted(self, segments: list[tuple[str, int]], table: str, start: int) -> str:
        """Return the pointer of a key/value's key inside ``table``.

        Tables the dotted key creates on the way start at the key itself.
        """
        values = self.values
        pointer = table
        for name, offset in segments[:-1]:
            pointer += "/" + _escape(name)
            if pointer not in values:
                values[pointer] = start
                self.keys[pointer] = offset
        name, offset = segments[-1]
        pointer += "/" + _escape(name)
        self.keys[pointer] = offset
        return pointer

    def header(self, i: int) -> tuple[int, str]:
        """Read a ``[table]`` or ``[[array]]`` header at ``i``; return its end and pointer."""
        text = self.text
        values = self.values
        keys = self.keys
        counts = self.aot_counts
        is_array = text.startswith("[[", i)
        width = 2 if is_array else 1
        segments, j = self.key(_end_of(_TOML_WS, text, i + width))
        if text[j] != "]" or (is_array and text[j + 1] != "]"):
            raise _invalid("TOML", text, j)

        pointer = ""
        for name, offset in segments[:-1]:
            pointer += "/" + _escape(name)
            count = counts.get(pointer)
            if count is not None:
                # A header path through an array of tables means its last element.
                pointer += f"/{count - 1}"
            elif pointer not in values:
                values[pointer] = i
                keys[pointer] = offset
        name, offset = segments[-1]
        pointer += "/" + _escape(name)
        if is_array:
            count = counts.get(pointer, 0)
            if count == 0:
                values[pointer] = i
                keys[pointer] = offset
            counts[pointer] = count + 1
            pointer += f"/{count}"
        else:
            # An explicit header wins over an earlier implicit creation.
            keys[pointer] = offset
        values[pointer] = i
        return j + width, pointer

    def value(self, i: int, pointer: str) -> int:
        """Record the value at ``i`` and everything nested in it; return where it ends."""
        text = self.text
        values = self.values
        # A frame is [pointer, index of the current item] for an array and
        # [pointer, -1] for an inline table.
        stack: list[list[Any]] = []
        while True:
            values[pointer] = i
            c = text[i]
            if c == "[" or c == "{":
                j = _end_of(_TOML_GAP, text, i + 1)
                if text[j] == ("]" if c == "[" else "}"):
                    i = j + 1
                elif c == "[":
                    stack.append([pointer, 0])
                    pointer += "/0"
                    i = j
                    continue
                else:
                    stack.append([pointer, -1])
                    segments, end = self.key(j)
                    pointer = self.dotted(segments, pointer, j)
                    i = self.equals(end)
                    continue
            else:
                i = self.scalar_end(i)

            # Close finished containers until one continues with another item.
            while stack:
                i = _end_of(_TOML_GAP, text, i)
                frame = stack[-1]
                c = text[i]
                if c == ",":
                    i = _end_of(_TOML_GAP, text, i + 1)
                    c = text[i]
                    if c != "]" and c != "}":
                        if frame[1] < 0:
                            segments, j = self.key(i)
                            pointer = self.dotted(segments, frame[0], i)
                            i = self.equals(j)
                        else:
                            frame[1] += 1
                            pointer = f"{frame[0]}/{frame[1]}"
                        break
                if c != ("}" if frame[1] < 0 else "]"):
                    raise _invalid("TOML", text, i)
                i += 1
                stack.pop()
            else:
                return i

    def scalar_end(self, i: int) -> int:
        text = self.text
        c = text[i]
        if c == '"':
            if text.startswith('"""', i):
                return self.multiline_basic_end(i)
            match = _TOML_BASIC.match(text, i)
            if match is None:
                raise _invalid("TOML", text, i)
            return match.end()
        if c == "'":
            if text.startswith("'''", i):
                return _closing_run(text, text.index("'''", i + 3), "'")
            return text.index("'", i + 1) + 1
        match = _TOML_BARE_VALUE.match(text, i)
        if match is None:
            raise _invalid("TOML", text, i)
        end = match.end()
        # A date may be followed by its time after a single space.
        if (
            end - i == 10
            and text.startswith(" ", end)
            and text[end + 1 : end + 2].isdigit()
            and _TOML_DATE.fullmatch(text, i, end)
        ):
            time = _TOML_BARE_VALUE.match(text, end + 1)
            if time is not None:
                end = time.end()
        return end

    def multiline_basic_end(self, i: int) -> int:
        text = self.text
        start = i + 3
        while True:
            close = text.index('"""', start)
            first = close
            while text[first - 1] == "\\":
                first -= 1
            # An odd run of backslashes escapes the first quote.
            if (close - first) % 2 == 0:
                return _closing_run(text, close, '"')
            start = close + 1


def index_toml_for(text: str, pointers: Collection[str]) -> PositionIndex:
    """An index that answers for ``pointers`` exactly as :func:`index_toml` would.

    Only ``pointers`` and their ancestors are sure to be recorded (``value``,
    ``key`` and ``nearest`` of any other pointer may be wrong).  Runs of plain
    lines (``bare_key = value`` with a one-line value, comments, blank lines)
    are passed over by one regular expression, and read line by line only in a
    table that holds a wanted key; headers and every other statement go
    through the full scanner.  Plain lines are not checked against the
    grammar, so ``text`` must be what the TOML parser accepted; a ValueError
    tells the caller to fall back to :func:`index_toml`.
    """
    wanted = _wanted(pointers)
    return _guarded("TOML", lambda source: _TomlLookup(source, wanted).run(), text)


_TOML_PLAIN_KEY = r"[A-Za-z0-9_-]+"
# A value that ends on its line: not an array, an inline table or a multi-line string.
_TOML_ONE_LINE_VALUE = r"""(?:[^\[{"'\s]|"(?!"")|'(?!''))[^\r\n]*"""
# Lines that can hold nothing but (at most) one key and its one-line value.
_TOML_PLAIN_RUN = re.compile(
    rf"(?:[ \t]*(?:{_TOML_PLAIN_KEY}[ \t]*=[ \t]*{_TOML_ONE_LINE_VALUE}|#[^\r\n]*)?\r?\n)*+"
)
# A key that a plain line can hold.
_TOML_PLAIN_NAME = re.compile(_TOML_PLAIN_KEY)
# One line of such a run: its key, and (empty group) where its value starts.
_TOML_PLAIN_LINE = re.compile(rf"[ \t]*(?:({_TOML_PLAIN_KEY})[ \t]*=[ \t]*())?[^\r\n]*\r?\n")
# Inside an array or inline table: anything but brackets, quotes and comments, and comments.
_TOML_SKIP = re.compile(
    r"""(?:[^"'\[\]{}#]++|#[^\n]*+|"(?!"")[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"|'(?!'')[^'\n]*+')*+"""
)
# ``[[a.b]]`` (group 1) or ``[a.b]`` (group 2) with bare keys and no white space inside.
_TOML_PLAIN_PATH = rf"{_TOML_PLAIN_KEY}(?:\.{_TOML_PLAIN_KEY})*"
_TOML_PLAIN_HEADER = re.compile(rf"\[\[({_TOML_PLAIN_PATH})\]\]|\[({_TOML_PLAIN_PATH})\]")
# A line that opens with a bracket (a header, outside a multi-line value):
# group 1 is the bracket, groups 2 and 3 as above when the header is plain.
_TOML_HEADER_LINE = re.compile(
    rf"\n[ \t]*(\[(?:\[({_TOML_PLAIN_PATH})\]\]|({_TOML_PLAIN_PATH})\])?)"
)
# An array, an inline table or a multi-line string after its key (or text that
# looks like one). Elsewhere a multi-line string is inside an array or table.
_TOML_OPENS_VALUE = re.compile(r"""=[ \t]*(?:[\[{]|\"\"\"|''')""")


class _TomlLookup(_TomlScanner):
    """The TOML scanner, reading closely only the lines where something wanted may stand.

    Only a header, an array, an inline table or a multi-line string can make a
    line anything but one statement of its own, and searches for what starts
    them find every such line at once.  Each is read with the full scanner's
    steps, in order; the lines between them are read only in a table that holds
    a wanted key, by a search for that key when they are all plain
    (``bare_key = value``, comments, blank lines).  Headers and values record
    only wanted pointers, and a value nobody wants is skipped unread.  That
    changes nothing for a wanted pointer: only a header, or a key with more
    after it, creates a table, and a value's children are wanted only if the
    value is.
    """

    __slots__ = ("children", "kids", "wanted")

    def __init__(self, text: str, wanted: set[str]) -> None:
        super().__init__(text)
        self.wanted = wanted
        # The wanted keys of each table, as a search on plain lines can meet them.
        self.children: dict[str, list[str]] = {}
        # How many wanted children each wanted pointer has.
        self.kids: dict[str, int] = {}
        for pointer in wanted:
            if pointer:
                cut = pointer.rfind("/")
                parent = pointer[:cut]
                self.kids[parent] = self.kids.get(parent, 0) + 1
                names = self.children.setdefault(parent, [])
                if _TOML_PLAIN_NAME.fullmatch(pointer, cut + 1):
                    names.append(pointer[cut + 1 :])

    def run(self) -> PositionIndex:
        text = self.text
        end = len(text)
        table = ""
        i = 0
        for stop, header in self.starts():
            if stop < i:
                continue  # read already, inside a multi-line value
            if table in self.children:
                self.lines(i, stop, table)
            path = None if header is None else header.group(2) or header.group(3)
            if header is not None and path is not None:
                is_array = header.group(2) is not None
                i, table = self.plain_header(header.start(1), is_array, path, header.end())
            else:
                i = _end_of(_TOML_GAP, text, stop)
                if i >= end:
                    break
                if text[i] == "[":
                    i, table = self.header(i)
                else:
                    i = self.statement(i, table)
            # What follows on its line is white space and a comment.
            i = text.find("\n", i) + 1 or end
        return PositionIndex(text, self.values, self.keys)

    def starts(self) -> list[tuple[int, re.Match[str] | None]]:
        """The start of every line that may not be one statement of its own, and the end.

        A header line comes with its match. Some lines are false alarms (the
        text inside a string or a comment): reading such a line with the full
        scanner's steps is merely slower.
        """
        text = self.text
        starts: list[tuple[int, re.Match[str] | None]] = [(0, None), (len(text), None)]
        starts.extend((match.start() + 1, match) for match in _TOML_HEADER_LINE.finditer(text))
        starts.extend(
            (text.rfind("\n", 0, match.start()) + 1, None)
            for match in _TOML_OPENS_VALUE.finditer(text)
        )
        starts.sort(key=itemgetter(0))
        return starts

    def lines(self, i: int, stop: int, table: str) -> None:
        """Record the wanted keys of ``table`` on the statements from ``i`` to ``stop``.

        Each of those lines is one statement (or none), and ``i`` starts a line.
        """
        text = self.text
        if i >= stop:
            return
        if _TOML_PLAIN_RUN.match(text, i, stop).end() == stop:  # type: ignore[union-attr]
            names = self.children[table]
            if len(names) > _FEW:
                # One pass over the lines rather than one search per key.
                for line in _TOML_PLAIN_LINE.finditer(text, i, stop):
                    name = line.group(1)
                    if name is not None and (pointer := table + "/" + name) in self.wanted:
                        self.keys[pointer] = line.start(1)
                        self.values[pointer] = line.start(2)
                return
            for name in names:
                match = _plain_line_of(name).search(text, i - 1, stop)
                if match is not None:
                    pointer = table + "/" + name
                    self.keys[pointer] = match.start(1)
                    self.values[pointer] = match.end()
            return
        while True:
            i = _end_of(_TOML_GAP, text, i)
            if i >= stop:
                return
            i = self.statement(i, table)

    def statement(self, i: int, table: str) -> int:
        """Read the key/value at ``i`` in ``table``; return where its value ends."""
        text = self.text
        if simple := _TOML_SIMPLE_KEY.match(text, i):
            pointer = self.dotted([(simple.group(1), i)], table, i)
            j = simple.end()
        else:
            segments, j = self.key(i)
            pointer = self.dotted(segments, table, i)
            j = self.equals(j)
        return self.value(j, pointer) if pointer in self.wanted else self.skip(j)

    def value(self, i: int, pointer: str) -> int:
        """The full scanner's value(), for a wanted value: the rest is skipped.

        An item or member nobody wants is skipped, and so is the rest of an
        array or inline table once its wanted items are read (TOML repeats no
        key).  A member with a dotted key counts for none, so the rest of that
        inline table is read.
        """
        text = self.text
        values = self.values
        wanted = self.wanted
        # A frame is [pointer, index of the current item or -1 in an inline
        # table, wanted children not met yet].
        stack: list[list[Any]] = []
        while True:
            values[pointer] = i
            c = text[i]
            if c == "[" or c == "{":
                j = _end_of(_TOML_GAP, text, i + 1)
                if text[j] == ("]" if c == "[" else "}"):
                    i = j + 1
                else:
                    frame: list[Any] = [pointer, 0, self.kids.get(pointer, 0)]
                    stack.append(frame)
                    if c == "[":
                        child, i, direct = pointer + "/0", j, True
                    else:
                        frame[1] = -1
                        child, i, direct = self.member(j, pointer)
                    if child in wanted:
                        frame[2] -= direct
                        pointer = child
                        continue
                    i = self.skip(i)
            else:
                i = self.scalar_end(i)

            while stack:
                frame = stack[-1]
                if frame[2] == 0:
                    i = self.close(i, 1)
                    stack.pop()
                    continue
                i = _end_of(_TOML_GAP, text, i)
                c = text[i]
                if c == ",":
                    i = _end_of(_TOML_GAP, text, i + 1)
                    c = text[i]
                    if c != "]" and c != "}":
                        if frame[1] < 0:
                            child, i, direct = self.member(i, frame[0])
                        else:
                            frame[1] += 1
                            child, direct = f"{frame[0]}/{frame[1]}", True
                        if child in wanted:
                            frame[2] -= direct
                            pointer = child
                            break
                        i = self.skip(i)
                        continue
                if c != ("}" if frame[1] < 0 else "]"):
                    raise _invalid("TOML", text, i)
                i += 1
                stack.pop()
            else:
                return i

    def member(self, i: int, table: str) -> tuple[str, int, bool]:
        """Read the key of an inline table's member at ``i``.

        Return its pointer, where its value starts, and whether the key is a
        single one (not dotted).
        """
        if simple := _TOML_SIMPLE_KEY.match(self.text, i):
            pointer = table + "/" + _escape(simple.group(1))
            self.keys[pointer] = i
            return pointer, simple.end(), True
        segments, j = self.key(i)
        return self.dotted(segments, table, i), self.equals(j), len(segments) == 1

    def skip(self, i: int) -> int:
        """Where the value at ``i``, recorded nowhere, ends."""
        if self.text[i] == "[" or self.text[i] == "{":
            return self.close(i + 1, 1)
        return self.scalar_end(i)

    def close(self, i: int, depth: int) -> int:
        """Where the array or inline table ends that ``i`` is ``depth`` levels inside of."""
        text = self.text
        while True:
            i = _TOML_SKIP.match(text, i).end()  # type: ignore[union-attr]
            c = text[i]
            if c == "[" or c == "{":
                depth += 1
                i += 1
            elif c == "]" or c == "}":
                depth -= 1
                i += 1
                if depth == 0:
                    return i
            else:
                i = self.scalar_end(i)  # a string the pattern leaves to the scanner

    def header(self, i: int) -> tuple[int, str]:
        match = _TOML_PLAIN_HEADER.match(self.text, i)
        if match is None:
            return super().header(i)
        is_array = match.group(1) is not None
        return self.plain_header(i, is_array, match.group(1) or match.group(2), match.end())

    def plain_header(self, i: int, is_array: bool, path: str, end: int) -> tuple[int, str]:
        """The full scanner's header() for ``[path]`` or ``[[path]]`` at ``i``, ending at ``end``.

        It records wanted pointers only. Under an unwanted pointer nothing is
        wanted, so its arrays need no counting.
        """
        values = self.values
        keys = self.keys
        counts = self.aot_counts
        wanted = self.wanted
        names = path.split(".")
        offset = i + (2 if is_array else 1)
        pointer = ""
        for name in names[:-1]:
            pointer += "/" + name
            if pointer not in wanted:
                return end, pointer
            count = counts.get(pointer)
            if count is not None:
                pointer += f"/{count - 1}"
            elif pointer not in values:
                values[pointer] = i
                keys[pointer] = offset
            offset += len(name) + 1
        pointer += "/" + names[-1]
        if pointer not in wanted:
            return end, pointer
        if is_array:
            count = counts.get(pointer, 0)
            if count == 0:
                values[pointer] = i
                keys[pointer] = offset
            counts[pointer] = count + 1
            pointer += f"/{count}"
        else:
            keys[pointer] = offset
        if pointer in wanted:
            values[pointer] = i
        return end, pointer


_PLAIN_LINES: dict[str, re.Pattern[str]] = {}


def _plain_line_of(name: str) -> re.Pattern[str]:
    """A search for the line ``name = ...`` (after the newline before it)."""
    pattern = _PLAIN_LINES.get(name)
    if pattern is None:
        if len(_PLAIN_LINES) > 1000:
            _PLAIN_LINES.clear()
        pattern = _PLAIN_LINES[name] = re.compile(rf"\n[ \t]*({name})[ \t]*=[ \t]*")
    return pattern


def _closing_run(text: str, close: int, quote: str) -> int:
    """End of a multi-line string whose first closing quote is at ``close``.

    Up to two more quotes right after the delimiter still belong to the content.
    """
    end = close + 3
    for _ in range(2):
        if text.startswith(quote, end):
            end += 1
    return end
