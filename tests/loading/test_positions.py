"""Tests for sakip_validate.loading.positions.

Expected positions never come from the module under test: examples locate
literals with ``str.find`` and count lines one character at a time, and the
property tests use small serializers that remember where they wrote each key
and value.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
import re
import tomllib
from collections.abc import Iterator
from textwrap import dedent
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.loading.positions import (
    Position,
    PositionIndex,
    index_json,
    index_toml,
    offset_to_position,
)

# --------------------------------------------------------------------------- helpers


def reference_positions(text: str) -> list[Position]:
    """Position of every offset 0..len(text), counted one character at a time."""
    positions = []
    line = column = 1
    for offset, char in enumerate(text):
        positions.append(Position(line, column))
        if char == "\n" or (char == "\r" and text[offset + 1 : offset + 2] != "\n"):
            line, column = line + 1, 1
        else:
            column += 1
    positions.append(Position(line, column))
    return positions


def at(text: str, needle: str, occurrence: int = 0) -> Position:
    """Position of the ``occurrence``-th (0-based) appearance of ``needle``."""
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.find(needle, offset + 1)
        assert offset >= 0, f"{needle!r} not found"
    return reference_positions(text)[offset]


def after(text: str, prefix: str) -> Position:
    """Position of the character right after the first ``prefix``."""
    offset = text.find(prefix)
    assert offset >= 0, f"{prefix!r} not found"
    return reference_positions(text)[offset + len(prefix)]


def escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def walk(data: Any, pointer: str = "", is_member: bool = False) -> Iterator[tuple[str, Any, bool]]:
    """Yield (pointer, value, is_member) for every node of decoded data."""
    yield pointer, data, is_member
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk(value, f"{pointer}/{escape(key)}", True)
    elif isinstance(data, list):
        for number, value in enumerate(data):
            yield from walk(value, f"{pointer}/{number}")


def assert_complete(data: Any, index: PositionIndex) -> None:
    """Every node has a value position; members, and only members, have a key position."""
    for pointer, _, is_member in walk(data):
        assert index.value(pointer) is not None, pointer
        if is_member:
            assert index.key(pointer) is not None, pointer
        else:
            assert index.key(pointer) is None, pointer


def same(a: Any, b: Any) -> bool:
    """Equality that tells bool from int, treats NaN as equal and checks time zones."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or a == b
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dt.datetime):
        return a == b and a.utcoffset() == b.utcoffset()
    return a == b


# --------------------------------------------------------------------------- offset_to_position


@given(st.lists(st.sampled_from(["a", "é", "😀", "\t", " ", "\n", "\r\n", "\r"]), max_size=40))
def test_offset_to_position_agrees_with_splitlines(pieces: list[str]) -> None:
    text = "".join(pieces)
    lines = text.splitlines(keepends=True)
    offset = 0
    for number, line in enumerate(lines, 1):
        for column in range(1, len(line) + 1):
            assert offset_to_position(text, offset) == Position(number, column)
            offset += 1
    if not lines:
        end = Position(1, 1)
    elif lines[-1].endswith(("\n", "\r")):
        end = Position(len(lines) + 1, 1)
    else:
        end = Position(len(lines), len(lines[-1]) + 1)
    assert offset_to_position(text, len(text)) == end


def test_offset_to_position_clamps_and_ignores_unicode_separators() -> None:
    text = "ab\ncd"
    assert offset_to_position(text, -3) == Position(1, 1)
    assert offset_to_position(text, 99) == Position(2, 3)
    # Editors, tomllib and json start lines only at \n, \r\n and \r.
    assert offset_to_position("a\u2028b\x0cc\x85d\ne", 7) == Position(1, 8)
    assert offset_to_position("a\u2028b\x0cc\x85d\ne", 8) == Position(2, 1)


# --------------------------------------------------------------------------- TOML examples


def toml_index(text: str) -> tuple[dict[str, Any], PositionIndex]:
    data = tomllib.loads(text)
    index = index_toml(text)
    assert_complete(data, index)
    assert index.duplicate_keys == []
    assert index.non_finite == []
    return data, index


def test_toml_bare_quoted_and_dotted_keys() -> None:
    doc = dedent(
        r"""
        # "comment" with = signs, [brackets] and {braces}
        plain = 101   # trailing comment = 1
        'lit.eral' = 102
        "esc \"q\" \\ \u00e9" = 103
        a . "b c" . d = 104
        3.14 = 105
        """
    )
    data, index = toml_index(doc)
    assert data['esc "q" \\ é'] == 103
    assert index.value("") == Position(1, 1)
    assert index.value("/plain") == at(doc, "101") == Position(3, 9)
    assert index.key("/plain") == at(doc, "plain") == Position(3, 1)
    assert index.key("/lit.eral") == at(doc, "'lit.eral'")
    assert index.value("/lit.eral") == at(doc, "102")
    assert index.key('/esc "q" \\ é') == at(doc, '"esc')
    assert index.value('/esc "q" \\ é') == at(doc, "103")
    # Tables made by a dotted key start at that key; each key is its own segment.
    assert index.value("/a") == index.key("/a") == at(doc, "a . ")
    assert index.value("/a/b c") == at(doc, "a . ")
    assert index.key("/a/b c") == at(doc, '"b c"')
    assert index.key("/a/b c/d") == at(doc, "d = 104")
    assert index.value("/a/b c/d") == at(doc, "104")
    assert index.key("/3") == at(doc, "3.14")
    assert index.key("/3/14") == at(doc, "14 = 105")
    assert index.value("/3/14") == at(doc, "105")


def test_toml_headers_arrays_of_tables_and_implicit_tables() -> None:
    doc = dedent(
        """\
        [ x . "y z" ]
        k = 1
        [[ arr . t ]]
        n = 1
        [arr.t.sub]
        m = 1
        [[arr.t]]
        n = 2
        [[arr.t.deep]]
        d = 1
        [[arr.t.deep]]
        d = 2
        [arr.t.deep.leaf]
        e = 3
        [x]
        late = true
        """
    )
    data, index = toml_index(doc)
    assert data["arr"]["t"][1]["deep"][1]["leaf"]["e"] == 3
    # x was created by the first header, then defined by its own.
    assert index.value("/x") == at(doc, "[x]") == Position(15, 1)
    assert index.key("/x") == at(doc, "x]")
    assert index.value("/x/y z") == at(doc, "[ x") == Position(1, 1)
    assert index.key("/x/y z") == at(doc, '"y z"') == Position(1, 7)
    assert index.value("/x/late") == at(doc, "true")
    assert index.value("/arr") == index.value("/arr/t") == at(doc, "[[ arr")
    assert index.key("/arr") == at(doc, "arr . t")
    assert index.key("/arr/t") == at(doc, "t ]]")
    assert index.value("/arr/t/0") == at(doc, "[[ arr")
    assert index.key("/arr/t/0") is None
    assert index.value("/arr/t/0/sub") == at(doc, "[arr.t.sub]")
    assert index.key("/arr/t/0/sub") == at(doc, "sub]")
    assert index.value("/arr/t/1") == at(doc, "[[arr.t]]")
    assert index.value("/arr/t/1/n") == at(doc, "2", 0)
    assert index.value("/arr/t/1/deep") == index.value("/arr/t/1/deep/0")
    assert index.value("/arr/t/1/deep/0") == at(doc, "[[arr.t.deep]]", 0)
    assert index.value("/arr/t/1/deep/1") == at(doc, "[[arr.t.deep]]", 1)
    assert index.key("/arr/t/1/deep") == at(doc, "deep]]")
    assert index.value("/arr/t/1/deep/1/leaf") == at(doc, "[arr.t.deep.leaf]")
    assert index.value("/arr/t/1/deep/1/leaf/e") == at(doc, "3")


def test_toml_implicit_parent_of_a_header_starts_at_that_header() -> None:
    doc = "top = 1\n\n[ a . b . c ]\nv = 2\n[a.b.d]\nw = 3\n"
    _, index = toml_index(doc)
    assert index.value("/a") == index.value("/a/b") == Position(3, 1)
    assert index.key("/a") == Position(3, 3)
    assert index.key("/a/b") == Position(3, 7)
    assert index.key("/a/b/c") == Position(3, 11)
    assert index.value("/a/b/d") == Position(5, 1)


def test_toml_strings_of_every_kind() -> None:
    doc = dedent(
        r'''
        ml = """
        one \
            two \"quoted\" ""x"" \\"""
        after = 1
        mlq = """"x"""""
        next = 2
        lit = \'\'\'
        it's ''quoted'' # not a comment\'\'\'
        after2 = 3
        lit2 = \'\'\'\'x\'\'\'\'\'
        e = "esc \" # not a comment"
        l = 'C:\path'
        last = [ """a""", \'\'\'b\'\'\' ]
        mlesc = """a\""" b\\"""
        after3 = 4
        '''
    ).replace("\\'", "'")
    data, index = toml_index(doc)
    assert data["ml"] == 'one two "quoted" ""x"" \\'
    assert data["mlq"] == '"x""'
    assert data["lit2"] == "'x''"
    assert data["mlesc"] == 'a""" b\\'
    assert index.value("/mlesc") == after(doc, "\nmlesc = ")
    assert index.value("/after3") == after(doc, "\nafter3 = ")
    assert index.value("/ml") == after(doc, "\nml = ")
    assert index.value("/after") == after(doc, "\nafter = ")
    assert index.value("/mlq") == after(doc, "\nmlq = ")
    assert index.value("/next") == after(doc, "\nnext = ")
    assert index.value("/lit") == after(doc, "\nlit = ")
    assert index.value("/after2") == after(doc, "\nafter2 = ")
    assert index.value("/lit2") == after(doc, "\nlit2 = ")
    assert index.value("/e") == after(doc, "\ne = ")
    assert index.value("/l") == after(doc, "\nl = ")
    assert index.value("/last/0") == at(doc, '"""a"""')
    assert index.value("/last/1") == at(doc, "'''b'''")


def test_toml_arrays_and_inline_tables() -> None:
    doc = dedent(
        """\
        arr = [  # comment [ with ] brackets, and "quotes"
          1,
          [2, [3]],   # nested
          { a = 4, b . c = 5, "d" = {} },

          "x,]",
          # comment line ]
          6,
        ]
        empty = [ ]
        t = { p.q = [ 7, { r = 8 } ], s = { } }
        tail = 9
        """
    )
    data, index = toml_index(doc)
    assert data["arr"][2] == {"a": 4, "b": {"c": 5}, "d": {}}
    assert index.value("/arr") == at(doc, "[  #")
    assert index.value("/arr/0") == at(doc, "1,")
    assert index.value("/arr/1") == at(doc, "[2")
    assert index.value("/arr/1/1") == at(doc, "[3]")
    assert index.value("/arr/1/1/0") == at(doc, "3]")
    assert index.value("/arr/2") == at(doc, "{ a")
    assert index.value("/arr/2/a") == at(doc, "4")
    assert index.value("/arr/2/b") == index.key("/arr/2/b") == at(doc, "b . c")
    assert index.key("/arr/2/b/c") == at(doc, "c = 5")
    assert index.value("/arr/2/b/c") == at(doc, "5")
    assert index.value("/arr/2/d") == at(doc, "{}")
    assert index.value("/arr/3") == at(doc, '"x,]"')
    assert index.value("/arr/4") == at(doc, "6,")
    assert index.value("/empty") == at(doc, "[ ]")
    assert index.value("/t") == at(doc, "{ p")
    assert index.value("/t/p") == at(doc, "p.q")
    assert index.key("/t/p/q") == at(doc, "q =")
    assert index.value("/t/p/q/1/r") == at(doc, "8")
    assert index.value("/t/s") == at(doc, "{ }")
    assert index.value("/tail") == at(doc, "9")
    assert index.key("/arr/0") is None


def test_toml_numbers_booleans_and_dates() -> None:
    doc = dedent(
        """\
        i1 = +99
        i2 = 1_000
        h = 0xDEAD_beef
        o = 0o755
        b = 0b1101
        f1 = -3.14e+10
        f2 = 6.626E-34
        f3 = 1_000.5
        inf1 = -inf
        nan1 = nan
        yes = true
        odt = 1979-05-27T07:32:00Z
        odt2 = 1979-05-27 00:32:00.999999-07:00
        ldt = 1979-05-27t07:32:00
        d = 1979-05-27
        lt = 07:32:00.5
        arr = [1979-05-27 07:32:00, 2, 1979-05-27 ]
        """
    )
    data, index = toml_index(doc)
    assert data["odt2"].utcoffset() == dt.timedelta(hours=-7)
    for number, line in enumerate(doc.splitlines()[:-1], 1):
        name = line.partition(" = ")[0]
        assert index.value("/" + name) == Position(number, len(name) + 4), name
        assert index.key("/" + name) == Position(number, 1), name
    assert index.value("/arr/0") == at(doc, "1979-05-27 07:32:00,")
    assert index.value("/arr/1") == at(doc, "2,")
    assert index.value("/arr/2") == at(doc, "1979-05-27 ]")


def test_toml_crlf_gives_the_same_positions_as_lf() -> None:
    doc = dedent(
        '''\
        # c
        a.b = """
        x \\
          y"""
        [ t ]
        arr = [
          1, # c
          {k = 2},
        ]
        [[t.list]]
        s = 'z'
        '''
    )
    crlf = doc.replace("\n", "\r\n")
    data, lf_index = toml_index(doc)
    _, crlf_index = toml_index(crlf)
    assert tomllib.loads(crlf) == data
    for pointer, _, _ in walk(data):
        assert crlf_index.value(pointer) == lf_index.value(pointer), pointer
        assert crlf_index.key(pointer) == lf_index.key(pointer), pointer
    assert crlf_index.value("/t/list/0/s") == Position(11, 5)


def test_toml_columns_count_code_points() -> None:
    doc = 'x = 1\n"😀é" = { "中" = 1, "\tb" = "😀" }\n'
    _, index = toml_index(doc)
    assert index.key("/😀é") == Position(2, 1)
    assert index.value("/😀é") == Position(2, 8)
    assert index.key("/😀é/中") == Position(2, 10)
    assert index.value("/😀é/中") == Position(2, 16)
    assert index.value("/😀é/\tb") == Position(2, 26)


def test_nearest_falls_back_to_the_closest_known_ancestor() -> None:
    doc = "[a]\nb = [1, {c = 2}]\n"
    _, index = toml_index(doc)
    assert index.nearest("/a/b/1/c") == Position(2, 14)
    assert index.nearest("/a/b/1/missing/deeper") == Position(2, 9)
    assert index.nearest("/a/b/7") == Position(2, 5)
    assert index.nearest("/nope") == Position(1, 1)
    assert index.nearest("no-slash") == Position(1, 1)
    assert index.value("/nope") is None
    assert index.key("") is None


@pytest.mark.parametrize("text", ['a = "open', "[a\n", "a = [1, 2", "a 1\n"])
def test_toml_text_that_breaks_the_grammar_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="not valid TOML"):
        index_toml(text)


# --------------------------------------------------------------------------- JSON examples


def test_json_duplicate_keys_report_the_later_member() -> None:
    doc = '{"a": 1, "b": {"x": 1, "x": [2]}, "a": 3, "\\u00e9": 4, "é": 5}'
    index = index_json(doc)
    assert index.duplicate_keys == [
        ("/b/x", at(doc, '"x"', 1)),
        ("/a", at(doc, '"a"', 1)),
        ("/é", at(doc, '"é"')),
    ]
    assert index.value("/a") == at(doc, "3")
    assert index.key("/a") == at(doc, '"a"', 1)
    assert index.value("/b/x/0") == at(doc, "2]")
    assert index.non_finite == []


def test_json_non_finite_constants() -> None:
    doc = '[NaN, {"k": -Infinity}, Infinity, -1, "NaN"]'
    data = json.loads(doc)
    index = index_json(doc)
    assert_complete(data, index)
    assert index.non_finite == [
        ("/0", Position(1, 2), "NaN"),
        ("/1/k", Position(1, 13), "-Infinity"),
        ("/2", Position(1, 25), "Infinity"),
    ]
    assert index.value("/3") == at(doc, "-1")


def test_json_nested_arrays_and_escaped_pointers() -> None:
    doc = '{"a/b": {"m~n": [[[]], [[1, [2]]], {}]}, "": {"": true}}'
    data = json.loads(doc)
    index = index_json(doc)
    assert_complete(data, index)
    assert index.value("/a~1b/m~0n") == at(doc, "[[[")
    assert index.value("/a~1b/m~0n/0/0") == at(doc, "[]")
    assert index.value("/a~1b/m~0n/1/0/1/0") == at(doc, "2")
    assert index.value("/a~1b/m~0n/2") == at(doc, "{}")
    assert index.key("/a~1b/m~0n") == at(doc, '"m~n"')
    assert index.value("//") == at(doc, "true")
    assert index.key("//") == at(doc, '""', 1)


def test_json_columns_count_code_points_and_lines_follow_crlf_and_cr() -> None:
    doc = '{\r\n  "😀é中": "x😀", "k": 1,\r  "z":\n2}'
    index = index_json(doc)
    assert index.key("/😀é中") == Position(2, 3)
    assert index.value("/😀é中") == Position(2, 10)
    assert index.key("/k") == Position(2, 16)
    assert index.value("/k") == Position(2, 21)
    assert index.key("/z") == Position(3, 3)
    assert index.value("/z") == Position(4, 1)
    # Unicode separators inside strings do not start lines.
    assert index_json('["\u2028\x85", 1]').value("/1") == Position(1, 8)


def test_json_root_is_the_start_of_the_text() -> None:
    index = index_json('\n\n  {"a": 1}  \n')
    assert index.value("") == Position(1, 1)
    assert index.nearest("/a/b") == Position(3, 9)
    assert index.key("") is None
    assert index_json(' "x" ').value("") == Position(1, 1)


@pytest.mark.parametrize("text", ["[1,", '{"a" 1}', "[1 2]", '{"a": 1,}', "[tru]", "1 2", ""])
def test_json_text_that_breaks_the_grammar_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="not valid JSON"):
        index_json(text)


# --------------------------------------------------------------------------- size


def test_a_megabyte_document_is_indexed_to_its_last_value() -> None:
    """Positions stay right deep into a large file (speed is measured in benchmarks/)."""
    rows = [
        {"id": n, "nama": f"indikator é {n}", "nilai": [n, n * 0.5, True, None], "x": {"y": 'a"b'}}
        for n in range(7000)
    ]
    json_text = json.dumps({"rows": rows}, indent=1, ensure_ascii=False)
    toml_text = "".join(
        f'[[rows]]\nid = {n}\nnama = "indikator é {n}"  # c\nnilai = [ {n}, {n}.5, true ]\n'
        f'x.y = """a\n"b"""\nwaktu = 2024-01-01 07:00:00Z\n\n'
        for n in range(9000)
    )
    assert len(json_text) > 1_000_000 and len(toml_text) > 1_000_000
    json_index = index_json(json_text)
    toml_index_ = index_toml(toml_text)

    def last(text: str, needle: str) -> Position:
        offset = text.rindex(needle)
        return Position(text.count("\n", 0, offset) + 1, offset - text.rindex("\n", 0, offset))

    assert json_index.value("/rows/6999/x/y") == last(json_text, '"a\\"b"')
    assert toml_index_.value("/rows/8999/waktu") == last(toml_text, "2024-01-01")


def test_deep_nesting_needs_no_recursion() -> None:
    depth = 5000
    deep_json = index_json("[" * depth + "]" * depth)
    deep_toml = index_toml("a = " + "[" * depth + "]" * depth + "\n")
    assert deep_json.value("/0" * (depth - 1)) == Position(1, depth)
    assert deep_toml.value("/a" + "/0" * (depth - 1)) == Position(1, depth + 4)


# --------------------------------------------------------------------------- property tests

KEY_CHARS = st.sampled_from(list("ab_-Z09 .\"'/~\\#=[]{},é中\t\n\r😀")) | st.characters(
    codec="utf-8"
)
KEYS = st.text(KEY_CHARS, max_size=6)
TEXTS = st.text(KEY_CHARS, max_size=12)
COMMENTS = ["# plain", "# \"quoted\" [table] {x = 1} 'lit' = é 😀", "#", "# ,]}"]


class Doc:
    """Text under construction plus where each value and key was written."""

    def __init__(self, rnd: random.Random, newline: str = "\n") -> None:
        self.rnd = rnd
        self.newline = newline
        self.parts: list[str] = []
        self.size = 0
        self.values: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.literals: dict[str, str] = {}
        self.duplicates: list[tuple[str, int]] = []
        self.non_finite: list[tuple[str, int, str]] = []

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)

    def scalar(self, pointer: str, literal: str) -> None:
        self.values[pointer] = self.size
        self.literals[pointer] = literal
        self.write(literal)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def check_index(doc: Doc, data: Any, index: PositionIndex) -> None:
    """The index agrees with everything the serializer recorded, for every node."""
    text = doc.text
    positions = reference_positions(text)
    assert index.value("") == Position(1, 1)
    recorded = set(doc.values) | {""}
    assert recorded == {pointer for pointer, _, _ in walk(data)}
    for pointer, offset in doc.values.items():
        if pointer:
            assert index.value(pointer) == positions[offset], pointer
    for pointer, literal in doc.literals.items():
        assert text.startswith(literal, doc.values[pointer])
    for pointer, _, is_member in walk(data):
        if is_member:
            assert index.key(pointer) == positions[doc.keys[pointer]], pointer
        else:
            assert index.key(pointer) is None, pointer


# JSON ------------------------------------------------------------------------

JSON_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r", "\b": "\\b", "\f": "\\f"}


def u_escape(char: str, rnd: random.Random) -> str:
    code = ord(char)
    digits = "{:04x}" if rnd.random() < 0.5 else "{:04X}"
    if code > 0xFFFF:
        code -= 0x10000
        return (
            "\\u"
            + digits.format(0xD800 + (code >> 10))
            + "\\u"
            + digits.format(0xDC00 + (code & 0x3FF))
        )
    return "\\u" + digits.format(code)


def json_string(text: str, rnd: random.Random) -> str:
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in JSON_SHORT and rnd.random() < 0.5:
            out.append(JSON_SHORT[char])
        elif ord(char) < 0x20 or rnd.random() < 0.15:
            out.append(u_escape(char, rnd))
        elif char == "/" and rnd.random() < 0.5:
            out.append("\\/")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def json_scalar(doc: Doc, value: Any, pointer: str) -> None:
    rnd = doc.rnd
    if value is None or isinstance(value, bool):
        literal = json.dumps(value)
    elif isinstance(value, int):
        literal = str(value)
    elif isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            literal = "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
            doc.non_finite.append((pointer, doc.size, literal))
        else:
            literal = repr(value).upper() if rnd.random() < 0.3 else repr(value)
    else:
        literal = json_string(value, rnd)
    doc.scalar(pointer, literal)


def json_gap(doc: Doc, style: str, depth: int) -> str:
    if style == "compact":
        return ""
    if style == "indented":
        return doc.newline + "  " * depth
    return doc.rnd.choice(["", " ", "\t", "\n", "\r\n", " \r\n\t ", "\r"])


def dump_json(doc: Doc, value: Any, pointer: str, style: str, depth: int = 0) -> None:
    rnd = doc.rnd
    colon = ":" if style == "compact" else ": "
    if isinstance(value, dict | list):
        doc.values[pointer] = doc.size
        is_object = isinstance(value, dict)
        doc.write("{" if is_object else "[")
        items = value.items() if is_object else enumerate(value)
        for number, (key, item) in enumerate(items):
            if number:
                doc.write("," + json_gap(doc, style, depth + 1))
            else:
                doc.write(json_gap(doc, style, depth + 1))
            if is_object:
                child = f"{pointer}/{escape(key)}"
                if rnd.random() < 0.1:
                    # An earlier member with the same key, which json.loads drops.
                    doc.write(json_string(key, rnd) + colon + "0," + json_gap(doc, style, depth))
                    doc.duplicates.append((child, doc.size))
                doc.keys[child] = doc.size
                doc.write(json_string(key, rnd) + colon)
            else:
                child = f"{pointer}/{key}"
            dump_json(doc, item, child, style, depth + 1)
        if value:
            doc.write(json_gap(doc, style, depth))
        doc.write("}" if is_object else "]")
    else:
        json_scalar(doc, value, pointer)


JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXTS
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=25,
)


@settings(max_examples=200, deadline=None)
@given(
    data=JSON_VALUES,
    style=st.sampled_from(["compact", "indented", "scattered"]),
    crlf=st.booleans(),
    rnd=st.randoms(use_true_random=False),
)
def test_json_positions_of_generated_documents(
    data: Any, style: str, crlf: bool, rnd: random.Random
) -> None:
    doc = Doc(rnd, "\r\n" if crlf else "\n")
    if style == "scattered":
        doc.write(rnd.choice(["", " ", "\r\n\t"]))
    dump_json(doc, data, "", style)
    doc.write(json_gap(doc, style, 0))
    assert same(json.loads(doc.text), data)

    index = index_json(doc.text)
    check_index(doc, data, index)
    positions = reference_positions(doc.text)
    assert index.duplicate_keys == [(ptr, positions[off]) for ptr, off in doc.duplicates]
    assert index.non_finite == [(ptr, positions[off], token) for ptr, off, token in doc.non_finite]


# TOML ------------------------------------------------------------------------

TOML_BARE = re.compile(r"[A-Za-z0-9_-]+")
TOML_SHORT = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
DOTS = [".", " . ", ". ", "\t.\t"]


def is_control(char: str) -> bool:
    return ord(char) < 0x20 or ord(char) == 0x7F


def toml_basic(text: str, rnd: random.Random) -> str:
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in TOML_SHORT and (char != "\t" or rnd.random() < 0.5):
            out.append(TOML_SHORT[char])
        elif is_control(char) and char != "\t":
            out.append(f"\\u{ord(char):04X}")
        elif ord(char) > 127 and rnd.random() < 0.3:
            long = ord(char) > 0xFFFF or rnd.random() < 0.5
            out.append(f"\\U{ord(char):08x}" if long else f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def literal_ok(text: str, newlines: bool = False) -> bool:
    return "'" not in text and all(
        char == "\t" or (newlines and char == "\n") or not is_control(char) for char in text
    )


def toml_key(name: str, rnd: random.Random) -> str:
    if TOML_BARE.fullmatch(name) and rnd.random() < 0.8:
        return name
    if literal_ok(name) and rnd.random() < 0.5:
        return f"'{name}'"
    return toml_basic(name, rnd)


def toml_multiline_basic(text: str, rnd: random.Random, newline: str) -> str:
    out = ['"""']
    opened_with_newline = rnd.random() < 0.5
    if opened_with_newline:
        out.append(newline)  # trimmed by the parser
    # Up to two quotes may stand unescaped right before the closing delimiter.
    tail = min(len(text) - len(text.rstrip('"')), 2)
    body = text[: len(text) - tail]
    # Quotes ending the body would run into the tail, so those stay escaped.
    body_end = len(body.rstrip('"'))
    raw_quotes = 0  # a third raw quote in a row would close the string
    for position, char in enumerate(body):
        if char == '"' and raw_quotes < 2 and position < body_end and rnd.random() < 0.5:
            out.append(char)
            raw_quotes += 1
            continue
        raw_quotes = 0
        if char == "\n" and (position or opened_with_newline) and rnd.random() < 0.7:
            out.append(newline)
        elif char in '"\\':
            out.append("\\" + char)
        elif char in TOML_SHORT:
            out.append(TOML_SHORT[char])
        elif is_control(char):
            out.append(f"\\u{ord(char):04x}")
        else:
            if position and char not in " \t" and rnd.random() < 0.15:
                # A line-ending backslash swallows the newline and the indentation.
                out.append("\\" + rnd.choice(["", "  "]) + newline + rnd.choice(["", "   \t"]))
            out.append(char)
    out.append('"' * tail + '"""')
    return "".join(out)


def toml_string(text: str, rnd: random.Random, newline: str) -> str:
    kinds = ["basic", "multiline basic"]
    if literal_ok(text):
        kinds.append("literal")
    if "'''" not in text and all(c in "\t\n" or not is_control(c) for c in text):
        kinds.append("multiline literal")
    kind = rnd.choice(kinds)
    if kind == "basic":
        return toml_basic(text, rnd)
    if kind == "literal":
        return f"'{text}'"
    if kind == "multiline basic":
        return toml_multiline_basic(text, rnd, newline)
    lead = newline if text.startswith("\n") or rnd.random() < 0.5 else ""
    return "'''" + lead + text.replace("\n", newline) + "'''"


def group_digits(digits: str, rnd: random.Random) -> str:
    if len(digits) < 2 or rnd.random() < 0.6:
        return digits
    cut = rnd.randrange(1, len(digits))
    return digits[:cut] + "_" + digits[cut:]


def toml_scalar(value: Any, rnd: random.Random, newline: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        style = rnd.randrange(4) if value >= 0 else 0
        if style:
            prefix, spec = [("0x", rnd.choice("xX")), ("0o", "o"), ("0b", "b")][style - 1]
            return prefix + group_digits(format(value, spec), rnd)
        sign = "-" if value < 0 else rnd.choice(["", "+"])
        return sign + group_digits(str(abs(value)), rnd)
    if isinstance(value, float):
        sign = "-" if math.copysign(1, value) < 0 else rnd.choice(["", "+"])
        if math.isnan(value):
            return rnd.choice(["", "+", "-"]) + "nan"
        if math.isinf(value):
            return sign + "inf"
        mantissa = repr(abs(value))
        whole, rest = re.fullmatch(r"([0-9]+)(.*)", mantissa).groups()
        rest = rest.upper() if rnd.random() < 0.3 else rest
        return sign + group_digits(whole, rnd) + rest
    if isinstance(value, str):
        return toml_string(value, rnd, newline)
    if isinstance(value, dt.datetime):
        text = value.isoformat(sep=rnd.choice("T t"))
        if value.utcoffset() == dt.timedelta(0) and rnd.random() < 0.5:
            text = text[:-6] + rnd.choice("Zz")
        return text
    assert isinstance(value, dt.date | dt.time)
    return value.isoformat()


def is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def flatten(doc: Doc, table: dict[str, Any]) -> list[tuple[list[str], Any]]:
    """Members of a table as (dotted key, value), expanding some sub-tables into dotted keys."""
    members: list[tuple[list[str], Any]] = []
    for name, value in table.items():
        if isinstance(value, dict) and value and doc.rnd.random() < 0.35:
            members.extend(([name, *names], inner) for names, inner in flatten(doc, value))
        else:
            members.append(([name], value))
    return members


def toml_dotted_key(doc: Doc, names: list[str], table: str) -> str:
    """Write a (dotted) key, recording the tables it creates; return its pointer."""
    start = doc.size
    pointer = table
    for number, name in enumerate(names):
        if number:
            doc.write(doc.rnd.choice(DOTS))
        pointer += "/" + escape(name)
        if number == len(names) - 1:
            doc.keys[pointer] = doc.size
        elif pointer not in doc.values:
            doc.values[pointer] = start
            doc.keys[pointer] = doc.size
        doc.write(toml_key(name, doc.rnd))
    return pointer


def toml_value(doc: Doc, value: Any, pointer: str, depth: int) -> None:
    rnd = doc.rnd
    indent = doc.newline + "  " * (depth + 1)
    if isinstance(value, dict):
        doc.values[pointer] = doc.size
        doc.write("{")
        for number, (names, item) in enumerate(flatten(doc, value)):
            doc.write(("," if number else "") + rnd.choice(["", " ", "\t"]))
            child = toml_dotted_key(doc, names, pointer)
            doc.write(rnd.choice(["=", " = ", "\t= "]))
            toml_value(doc, item, child, depth + 1)
        doc.write(rnd.choice(["", " "]) + "}")
    elif isinstance(value, list):
        doc.values[pointer] = doc.size
        doc.write("[")
        multiline = rnd.random() < 0.5
        for number, item in enumerate(value):
            if number:
                doc.write(",")
            if multiline:
                if rnd.random() < 0.3:
                    doc.write(" " + rnd.choice(COMMENTS))
                if rnd.random() < 0.2:
                    doc.write(doc.newline + rnd.choice(["", "  "]) + rnd.choice(COMMENTS))
                doc.write(indent)
            else:
                doc.write(rnd.choice(["", " "]))
            toml_value(doc, item, f"{pointer}/{number}", depth + 1)
        if value and rnd.random() < 0.4:
            doc.write(",")
        if multiline:
            if rnd.random() < 0.3:
                doc.write(" " + rnd.choice(COMMENTS))
            doc.write(doc.newline)
        doc.write("]")
    else:
        doc.scalar(pointer, toml_scalar(value, rnd, doc.newline))


def toml_filler(doc: Doc) -> None:
    """Blank lines, comment lines and indentation, none of which changes the data."""
    rnd = doc.rnd
    for _ in range(rnd.choice([0, 0, 1, 2])):
        doc.write(rnd.choice(["", "  ", rnd.choice(COMMENTS), "\t" + rnd.choice(COMMENTS)]))
        doc.write(doc.newline)
    doc.write(rnd.choice(["", "", " ", "\t"]))


def toml_header(doc: Doc, path: list[tuple[str, str]], array: bool) -> int:
    """Write ``[path]`` or ``[[path]]`` and return where it starts.

    ``path`` pairs each name with the pointer of the node it names.
    """
    rnd = doc.rnd
    toml_filler(doc)
    start = doc.size
    doc.write(("[[" if array else "[") + rnd.choice(["", " ", "\t"]))
    for number, (name, pointer) in enumerate(path):
        if number:
            doc.write(rnd.choice(DOTS))
        if (number == len(path) - 1 and not array) or pointer not in doc.values:
            doc.values[pointer] = start
            doc.keys[pointer] = doc.size
        doc.write(toml_key(name, rnd))
    doc.write(rnd.choice(["", " "]) + ("]]" if array else "]"))
    doc.write(rnd.choice(["", " " + rnd.choice(COMMENTS)]) + doc.newline)
    return start


def toml_body(doc: Doc, members: dict[str, Any], table: str) -> None:
    rnd = doc.rnd
    for names, value in flatten(doc, members):
        toml_filler(doc)
        child = toml_dotted_key(doc, names, table)
        doc.write(rnd.choice([" = ", "=", " =\t"]))
        toml_value(doc, value, child, 0)
        doc.write(rnd.choice(["", "  ", " " + rnd.choice(COMMENTS)]) + doc.newline)


def toml_subtables(
    doc: Doc, members: dict[str, Any], table: str, path: list[tuple[str, str]]
) -> None:
    """Write each member under a header of its own: ``[table]`` or ``[[array]]``."""
    for name, value in members.items():
        pointer = f"{table}/{escape(name)}"
        child_path = [*path, (name, pointer)]
        if isinstance(value, dict):
            toml_table(doc, value, pointer, child_path)
        else:
            for number, element in enumerate(value):
                element_pointer = f"{pointer}/{number}"
                doc.values[element_pointer] = toml_header(doc, child_path, array=True)
                toml_body_and_subtables(doc, element, element_pointer, child_path)


def split_members(doc: Doc, table: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Split a table into members written as key/values and those given headers."""
    inline: dict[str, Any] = {}
    headed: dict[str, Any] = {}
    for name, value in table.items():
        if (isinstance(value, dict) and doc.rnd.random() < 0.5) or (
            is_table_array(value) and doc.rnd.random() < 0.6
        ):
            headed[name] = value
        else:
            inline[name] = value
    return inline, headed


def toml_body_and_subtables(
    doc: Doc, table: dict[str, Any], pointer: str, path: list[tuple[str, str]]
) -> None:
    inline, headed = split_members(doc, table)
    toml_body(doc, inline, pointer)
    toml_subtables(doc, headed, pointer, path)


def toml_table(doc: Doc, table: dict[str, Any], pointer: str, path: list[tuple[str, str]]) -> None:
    """Write a table that gets a header, in one of three orders."""
    rnd = doc.rnd
    style = rnd.choice(["header first", "implicit", "header last"])
    if (
        style == "implicit"
        and table
        and all(isinstance(v, dict) or is_table_array(v) for v in table.values())
    ):
        # No header of its own: the first header below creates it.
        toml_subtables(doc, table, pointer, path)
    elif style == "header last" and any(isinstance(v, dict) for v in table.values()):
        # Sub-tables first, then the table's own header, which is still valid TOML.
        subtables = {k: v for k, v in table.items() if isinstance(v, dict)}
        toml_subtables(doc, subtables, pointer, path)
        toml_header(doc, path, array=False)
        toml_body(doc, {k: v for k, v in table.items() if k not in subtables}, pointer)
    else:
        toml_header(doc, path, array=False)
        toml_body_and_subtables(doc, table, pointer, path)


TOML_SCALARS = (
    st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | TEXTS
    | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
    | st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1))
    | st.datetimes(
        min_value=dt.datetime(1900, 1, 1),
        max_value=dt.datetime(2100, 1, 1),
        timezones=st.sampled_from(
            [
                dt.UTC,
                dt.timezone(dt.timedelta(hours=7)),
                dt.timezone(-dt.timedelta(hours=3, minutes=30)),
            ]
        ),
    )
    | st.times()
)
TOML_VALUES = st.recursive(
    TOML_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(KEYS, inner, max_size=4)
        | st.lists(st.dictionaries(KEYS, inner, max_size=3), min_size=1, max_size=3)
    ),
    max_leaves=25,
)
TOML_DOCUMENTS = st.dictionaries(KEYS, TOML_VALUES, max_size=5)


@settings(max_examples=200, deadline=None)
@given(data=TOML_DOCUMENTS, crlf=st.booleans(), rnd=st.randoms(use_true_random=False))
def test_toml_positions_of_generated_documents(
    data: dict[str, Any], crlf: bool, rnd: random.Random
) -> None:
    doc = Doc(rnd, "\r\n" if crlf else "\n")
    toml_body_and_subtables(doc, data, "", [])
    toml_filler(doc)
    assert same(tomllib.loads(doc.text), data)

    index = index_toml(doc.text)
    check_index(doc, data, index)
    assert index.duplicate_keys == [] and index.non_finite == []
