"""The lookup of a few pointers (index_toml_for, index_json_for) against the full index.

The lookups skip most of the text, so they are pinned to the full scanners
(themselves pinned to independent serializers in test_positions.py): for
every pointer asked, ``value``, ``key`` and ``nearest`` must agree, on
generated documents, on every data file of the repository and on reports
made by the benchmark's corpus generator.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.loading import LoadFailed, load_bytes, load_path
from sakip_validate.loading.positions import (
    LineIndex,
    PositionIndex,
    index_json,
    index_json_for,
    index_toml,
    index_toml_for,
)
from tests.loading.test_positions import (
    JSON_VALUES,
    TOML_DOCUMENTS,
    Doc,
    dump_json,
    json_gap,
    reference_positions,
    toml_body_and_subtables,
    toml_filler,
    walk,
)

ROOT = Path(__file__).resolve().parents[2]


def asked(data: Any, rnd: random.Random) -> list[str]:
    """Pointers of ``data`` with some that do not exist (below a value, or a missing key)."""
    pointers = [pointer for pointer, _, _ in walk(data)]
    invented = [pointer + suffix for pointer in pointers for suffix in ("/zz", "/0", "/0/x")]
    return pointers + rnd.sample(invented, min(len(invented), 12))


def assert_same(full: PositionIndex, lookup: PositionIndex, pointers: Iterable[str]) -> None:
    for pointer in pointers:
        assert lookup.value(pointer) == full.value(pointer), pointer
        assert lookup.key(pointer) == full.key(pointer), pointer
        assert lookup.nearest(pointer) == full.nearest(pointer), pointer


def check_lookups(
    text: str, pointers: list[str], toml: bool, rnd: random.Random, unique: bool = False
) -> None:
    """All pointers at once, a few, and each alone, give what the full index gives."""
    full = (index_toml if toml else index_json)(text)

    def lookup(text: str, pointers: list[str]) -> PositionIndex:
        if toml:
            return index_toml_for(text, pointers)
        if unique:
            assert_same(full, index_json_for(text, pointers, unique_keys=True), pointers)
        return index_json_for(text, pointers)

    assert_same(full, lookup(text, pointers), pointers)
    few = rnd.sample(pointers, min(len(pointers), 3))
    assert_same(full, lookup(text, few), few)
    for pointer in rnd.sample(pointers, min(len(pointers), 5)):
        assert_same(full, lookup(text, [pointer]), [pointer])


@settings(max_examples=300, deadline=None)
@given(
    data=JSON_VALUES,
    style=st.sampled_from(["compact", "indented", "scattered"]),
    crlf=st.booleans(),
    rnd=st.randoms(use_true_random=False),
)
def test_json_lookup_agrees_with_the_full_index(
    data: Any, style: str, crlf: bool, rnd: random.Random
) -> None:
    # The serializer also writes duplicate keys: the later member wins both ways.
    doc = Doc(rnd, "\r\n" if crlf else "\n")
    dump_json(doc, data, "", style)
    doc.write(json_gap(doc, style, 0))
    json.loads(doc.text)
    check_lookups(doc.text, asked(data, rnd), False, rnd, unique=not doc.duplicates)


@settings(max_examples=300, deadline=None)
@given(data=TOML_DOCUMENTS, crlf=st.booleans(), rnd=st.randoms(use_true_random=False))
def test_toml_lookup_agrees_with_the_full_index(
    data: dict[str, Any], crlf: bool, rnd: random.Random
) -> None:
    # Dotted and quoted keys, headers with spaces, arrays of tables, inline
    # tables, multi-line strings and comments, as test_positions writes them.
    doc = Doc(rnd, "\r\n" if crlf else "\n")
    toml_body_and_subtables(doc, data, "", [])
    toml_filler(doc)
    tomllib.loads(doc.text)
    check_lookups(doc.text, asked(data, rnd), True, rnd)


TRICKY_TOML = [
    # Text that looks like a header or a key inside multi-line strings and arrays.
    'a = """\n[b]\nc = 1\n"""\nc = 2\n[b]\nc = 3\n',
    "a = '''\n[[b]]\n'''\n[[b]]\nx = 1\n[[b]]\nx = 2\n",
    'a = [\n  [1, 2],\n  [3],\n]\nb = 1 # = [\n[t]\nk = "x = [1"\nm = 2\n',
    "a = [\n  { k = \"]\", m = 1 },  # ] }\n  { k = '[', m = 2 },\n]\nz = 1\n",
    'x = """a""""\ny = 1\n',  # two closing quotes belong to the content
    # Dotted, quoted and spaced keys and headers; implicit tables.
    '[ t . "u v" ]\nk = 1\n[t.w]\n"k" = 2\nx.y.z = 3\n[t]\nq = 4\n',
    "[[a.b]]\nc = 1\n[a.b.d]\ne = 2\n[[a.b]]\nc = 3\n[[a.b.f]]\ng = 4\n",
    "a.b = 1\n[c]\nd.e.f = 2\n[c.g]\nh = 3\n",
    # CRLF and a last line without its newline.
    "[t]\r\nk = 1\r\nm = [\r\n  1,\r\n]\r\n[u]\r\nn = 2",
    '  [indented]\n  k = 1\n\t[[tabs]]\n\tm = "x"\n',
    "k = 1979-05-27 07:32:00Z\nm = 2\n",
    "",
    "# only a comment",
]


@pytest.mark.parametrize("text", TRICKY_TOML)
def test_toml_lookup_of_tricky_text(text: str) -> None:
    data = tomllib.loads(text)
    rnd = random.Random(text)
    check_lookups(text, asked(data, rnd), True, rnd)


@pytest.mark.parametrize(
    "text",
    [
        # TOML 1.1 (tomli reads it): inline tables over several lines, a line in
        # one that opens with a bracket, and a trailing comma.
        'a = {\n  b = 1,\n  c = [\n"[x]"],\n}\n[x]\nq = 1\n',
        "t = {\n  c = [\n[1]],  # [[x]]\n  d = { e = 1 },\n}\n[[x]]\nq = 1\n[[x]]\nq = 2\n",
    ],
)
def test_toml_lookup_of_multi_line_inline_tables(text: str) -> None:
    tomli = pytest.importorskip("tomli")
    data = tomli.loads(text)
    rnd = random.Random(text)
    check_lookups(text, asked(data, rnd), True, rnd)


def test_toml_lines_inside_a_multi_line_value_are_never_read_as_statements() -> None:
    # Read as a statement of table s, "  c = [" would move /s/c into the inline table.
    text = "[s]\nc = 5\nt = {\n  c = [\n1],\n}\n"
    pytest.importorskip("tomli").loads(text)
    full = index_toml(text)
    for pointers in (["/s/c"], ["/s/c", "/s/t/c"], ["/s/t/c/0"]):
        assert_same(full, index_toml_for(text, pointers), pointers)


@pytest.mark.parametrize(
    "text",
    [
        '{"a": {"b": [1, {"c": "}]\\"{["}], "d": 2}, "a": {"e": 3}}',
        '[[], {}, [[["x"]]], {"k\\u0041": NaN, "z": -Infinity}]',
        '\r\n {"a" : 1 ,\r"b":[ true , false , null ]}\n',
        '"root"',
    ],
)
def test_json_lookup_of_tricky_text(text: str) -> None:
    data = json.loads(text)
    rnd = random.Random(text)
    check_lookups(text, asked(data, rnd), False, rnd, unique='"a": {"e"' not in text)


def data_files() -> list[Path]:
    found = [*(ROOT / "examples").glob("*.toml"), *(ROOT / "examples").glob("*.json")]
    for pattern in ("*.toml", "*.json"):
        found.extend((ROOT / "tests" / "data").rglob(pattern))
    return sorted(found)


def check_file(path: Path) -> bool:
    try:
        document = load_path(path)
    except LoadFailed:
        return False
    if document.data is None:
        return False
    rnd = random.Random(path.name)
    toml = document.format == "toml"
    pointers = asked(document.data, rnd)
    check_lookups(document.text, pointers, toml, rnd, unique=not toml)
    # And through the document, as the rules' findings are located.
    requests = [(pointer, rnd.random() < 0.5) for pointer in pointers]
    indexed = load_path(path)
    assert document.locate_all(requests) == [indexed.locate(p, at_key=k) for p, k in requests]
    return True


def test_every_data_file_of_the_repository() -> None:
    checked = [path for path in data_files() if check_file(path)]
    assert len(checked) > 50


def test_reports_of_the_benchmark_corpus(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "make_corpus.py"),
            "--files",
            "6",
            "--broken",
            "0.2",
            "--noise",
            "0.3",
            "--seed",
            "3",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    reports = sorted(tmp_path.iterdir())
    assert {path.suffix for path in reports} == {".toml", ".json"}
    for path in reports:
        check_file(path)


def test_locate_all_gives_what_locate_gives() -> None:
    text = b'[t]\nk = 1\nm = { n = 2 }\n[[r]]\nx = "a"\n[[r]]\nx = "b"\n'
    asked_for = [("/t/k", True), ("/t/m/n", False), ("/r/1/x", True), ("/r/1/nope", False)]
    expected = [load_bytes(text, "x.toml", "toml").locate(p, at_key=k) for p, k in asked_for]
    document = load_bytes(text, "x.toml", "toml")
    assert document.locate_all(asked_for) == expected
    assert document._index is None  # the lookup built no full index
    assert document.locate_all([]) == []


def test_locate_all_of_a_document_without_data_takes_the_full_index() -> None:
    from sakip_validate.loading.document import LoadedDocument

    document = LoadedDocument("x.json", "json", '{"a": [1, 2}', None)
    located = document.locate_all([("/a/1", False)])
    assert (located[0].line, located[0].column) == (1, 1)  # the scanner gave up: the start
    assert document._index is not None


@given(st.lists(st.sampled_from(["a", "é", "😀", "\t", "\n", "\r\n", "\r", "\u2028"]), max_size=40))
def test_line_table_agrees_with_counting_one_character_at_a_time(pieces: list[str]) -> None:
    # The table of line starts has a fast way for text whose lines all end at \n.
    text = "".join(pieces)
    index = LineIndex(text)
    assert [index.position(offset) for offset in range(len(text) + 1)] == reference_positions(text)


@given(
    st.lists(st.sampled_from(["a", "é", "😀", "\t", "\n", "\r\n", "\r", "\u2028"]), max_size=40),
    st.randoms(use_true_random=False),
)
def test_a_sweep_over_a_few_offsets_agrees_with_counting(
    pieces: list[str], rnd: random.Random
) -> None:
    # PositionIndex.positions counts lines between sorted offsets when no line ends at a lone \r.
    text = "".join(pieces)
    offsets = [rnd.randrange(len(text) + 1) for _ in range(5)]
    expected = reference_positions(text)
    found = PositionIndex(text, {}, {}).positions(offsets)
    assert found == {offset: expected[offset] for offset in offsets}


def test_a_lookup_that_gives_up_falls_back_to_the_full_index() -> None:
    from sakip_validate.loading.document import LoadedDocument

    # Too deep for the json module's scanner, which the lookup uses to pass a value by.
    text = '{"a": 1, "b": ' + "[" * 50_000 + "]" * 50_000 + ', "c": 2}'
    with pytest.raises(ValueError):
        index_json_for(text, ["/c"])
    document = LoadedDocument("x.json", "json", text, {"a": 1, "c": 2})
    located = document.locate_all([("/c", False)])
    assert (located[0].line, located[0].column) == (1, 100_022)
