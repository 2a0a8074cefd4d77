"""TOML and JSON readers: exact numbers, identical data, and hostile input refused clearly."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_validate.loading import LoadFailed, load_bytes

decimals = st.integers(0, 6).flatmap(
    lambda places: st.decimals(allow_nan=False, allow_infinity=False, places=places)
)


def _toml_string(text: str) -> str:
    escaped = "".join(
        "\\" + ch if ch in '"\\' else f"\\u{ord(ch):04x}" if ord(ch) < 0x20 or ch == "\x7f" else ch
        for ch in text
    )
    return f'"{escaped}"'


@given(st.lists(decimals, min_size=1, max_size=20))
def test_decimals_are_read_exactly_in_both_formats(values: list[Decimal]) -> None:
    literals = [format(value, "f") for value in values]
    literals = [text if "." in text else text + ".0" for text in literals]
    toml = "nilai = [" + ", ".join(literals) + "]\n"
    jsn = '{"nilai": [' + ", ".join(literals) + "]}"
    from_toml = load_bytes(toml.encode(), "x.toml", "toml").data["nilai"]
    from_json = load_bytes(jsn.encode(), "x.json", "json").data["nilai"]
    assert [str(v) for v in from_toml] == literals
    assert [str(v) for v in from_json] == literals
    assert all(type(v) is Decimal for v in from_toml + from_json)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_integers_stay_int(value: int) -> None:
    toml = f"rupiah = {value:_}\n".replace("-_", "-")
    assert load_bytes(toml.encode(), "x.toml", "toml").data["rupiah"] == value
    assert load_bytes(json.dumps({"r": value}).encode(), "x.json", "json").data["r"] == value


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=40))
def test_strings_round_trip_through_both_formats(text: str) -> None:
    jsn = json.dumps({"s": text}, ensure_ascii=False).encode()
    toml = ("s = " + _toml_string(text) + "\n").encode()
    assert load_bytes(jsn, "x.json", "json").data["s"] == text
    assert load_bytes(toml, "x.toml", "toml").data["s"] == text


def test_two_decimal_precision_is_kept() -> None:
    data = load_bytes(b"a = 50.00\nb = 100\nc = 0.00\n", "x.toml", "toml").data
    assert (str(data["a"]), data["b"], str(data["c"])) == ("50.00", 100, "0.00")


def test_toml_dates_become_iso_text_like_json() -> None:
    toml = b'a = 2022-02-25\nb = 2022-02-25T10:30:00\nc = 10:30:00\nd = "2022-02-25"\n'
    data = load_bytes(toml, "x.toml", "toml").data
    assert data == {
        "a": "2022-02-25",
        "b": "2022-02-25T10:30:00",
        "c": "10:30:00",
        "d": "2022-02-25",
    }


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_utf8_bom_is_accepted(fmt: str) -> None:
    raw = b'a = "\xc3\xa9"\n' if fmt == "toml" else b'{"a": "\xc3\xa9"}'
    assert load_bytes(b"\xef\xbb\xbf" + raw, "x", fmt).data == {"a": "é"}  # type: ignore[arg-type]


def _failure(raw: bytes, fmt: str) -> LoadFailed:
    with pytest.raises(LoadFailed) as caught:
        load_bytes(raw, "x", fmt)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(
    ("raw", "fmt", "rule", "line", "column"),
    [
        (b'{"a": 1,\n "a": 2}', "json", "LOAD004", 2, 2),
        (b'{"a": {"b": 1, "b": 1}}', "json", "LOAD004", 1, 16),
        (b'{"a": [1, NaN]}', "json", "LOAD005", 1, 11),
        (b'{"a": -Infinity}', "json", "LOAD005", 1, 7),
        (b"a = inf\n", "toml", "LOAD005", 1, 5),
        (b"x = 1\na = -nan\n", "toml", "LOAD005", 2, 5),
        (b'{"a": 1', "json", "LOAD003", 1, 8),
        (b"a = \n", "toml", "LOAD003", 1, 5),
        (b"a = 1\n\xff\xfe = 2\n", "toml", "LOAD002", 2, 1),
        (b'{"nama": "Cerih\xe9"}', "json", "LOAD002", 1, 16),
        (b"\xff\xfea\x00", "toml", "LOAD002", 1, 1),
        (b"[" * 100_000, "json", "LOAD003", None, None),
    ],
)
def test_hostile_input_gives_one_positioned_finding(
    raw: bytes, fmt: str, rule: str, line: int | None, column: int | None
) -> None:
    finding = _failure(raw, fmt).finding
    assert finding.rule == rule
    if line is not None:
        assert (finding.location.line, finding.location.column) == (line, column)
    assert finding.message.id and finding.message.en
    assert finding.message.id != finding.message.en


def test_duplicate_key_pointer_names_the_member() -> None:
    finding = _failure(b'{"t": [{"k": 1}, {"k": 1, "k": 2}]}', "json").finding
    assert finding.location.pointer == "/t/1/k"
    assert finding.printed == "k"


def test_only_a_file_that_ends_too_soon_is_called_truncated() -> None:
    # tomli's "Expected newline or end of document" mid-file is no sign of a cut file.
    middle = _failure(b'a = "x" "y"\nb = 1\n', "toml").finding
    assert "terpotong" not in middle.message.id and "truncated" not in middle.message.en
    end = _failure(b'a = "abc', "toml").finding
    assert "terpotong" in end.message.id and "truncated" in end.message.en
