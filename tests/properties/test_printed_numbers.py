"""Properties of the printed-number scanner over generated numbers and documents.

* A number written the Indonesian printed way (decimal comma, thousands dots, Rp,
  ``,-``, %), put where a value belongs in the valid report, gives exactly one LOAD008
  at its own line and column, and what it says to write reads back as that number.
* A valid TOML or JSON document, however much its strings, comments and arrays look
  like printed numbers, never gives one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli
from hypothesis import HealthCheck, assume, find, given, settings
from hypothesis import strategies as st

from sakip_validate.api import check_bytes
from sakip_validate.loading.slips import scan

ROOT = Path(__file__).resolve().parent.parent.parent
VALID = {
    "toml": (ROOT / "tests" / "data" / "valid.toml").read_text(encoding="utf-8"),
    "json": (ROOT / "tests" / "data" / "valid.json").read_text(encoding="utf-8"),
}
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@dataclass(frozen=True)
class Written:
    text: str
    value: Decimal


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", ".")


@st.composite
def printed_numbers(draw: st.DrawFn) -> Written:
    """A number as an Indonesian report prints it, with at least one printed mark."""
    whole = draw(st.integers(min_value=0, max_value=10**13))
    decimals = draw(st.sampled_from(["", "0", "00", "5", "50", "75", "125"]))
    rupiah = draw(st.sampled_from(["", "Rp", "Rp ", "Rp. ", "rp"]))
    dots = draw(st.booleans()) and whole >= 1000
    dash = not decimals and draw(st.booleans())
    percent = draw(st.sampled_from(["", "", "%", " %"]))
    sign = draw(st.sampled_from(["", "", "-"])) if not rupiah else ""
    digits = _grouped(whole) if dots else str(whole)
    text = sign + rupiah + digits + ("," + decimals if decimals else "") + (",-" if dash else "")
    text += percent
    # One dot group (1.250) without a comma, Rp or ,- is a decimal point to TOML and JSON:
    # read so, it is no slip (alone) or means 1.250 (with %), never 1250.
    assume(not dots or whole >= 1_000_000 or decimals or rupiah or dash)
    assume(decimals or rupiah or dash or percent or dots)
    value = Decimal(sign + str(whole) + ("." + decimals if decimals else ""))
    return Written(text, value)


# Where a value is replaced in the valid report: (format, old text, key part kept).
PLACES = [
    ("toml", "capaian = 98.75", "capaian = "),
    ("toml", "anggaran = 100_000_000", "anggaran = "),
    ("toml", "2026 = 81.00", "2026 = "),
    ("json", '"capaian": 98.75', '"capaian": '),
    ("json", '"anggaran": 100000000', '"anggaran": '),
    ("json", '"2026": 81.00', '"2026": '),
]


def _position(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


@FAST
@given(printed_numbers(), st.sampled_from(PLACES))
def test_a_printed_number_gives_one_finding_at_its_place(
    written: Written, place: tuple[str, str, str]
) -> None:
    fmt, old, key = place
    source = VALID[fmt]
    assert old in source
    text = source.replace(old, key + written.text, 1)
    offset = source.index(old) + len(key)
    report = check_bytes(text.encode("utf-8"), f"x.{fmt}", fmt)  # type: ignore[arg-type]
    assert [(f.rule, f.location.line, f.location.column) for f in report.findings] == [
        ("LOAD008", *_position(text, offset))
    ]
    finding = report.findings[0]
    assert finding.printed == written.text
    assert f"tertulis: {written.text} — tulis: {finding.expected}" in finding.message.id
    assert f"written: {written.text} — write: {finding.expected}" in finding.message.en
    assert finding.expected is not None
    if fmt == "toml":
        read = tomli.loads(f"x = {finding.expected}", parse_float=Decimal)["x"]
    else:
        read = json.loads(finding.expected, parse_float=Decimal)
    assert Decimal(read) == written.value


@FAST
@given(printed_numbers(), st.sampled_from(PLACES[:2] + PLACES[3:5]))
def test_a_printed_number_in_quotes_gives_one_finding_at_its_value(
    written: Written, place: tuple[str, str, str]
) -> None:
    fmt, old, key = place
    text = VALID[fmt].replace(old, key + json.dumps(written.text), 1)
    report = check_bytes(text.encode("utf-8"), f"x.{fmt}", fmt)  # type: ignore[arg-type]
    printed = [f for f in report.findings if f.rule == "LOAD008"]
    assert len(printed) == 1
    offset = VALID[fmt].index(old) + len(key)
    assert (printed[0].location.line, printed[0].location.column) == _position(text, offset)
    assert "(tanpa tanda kutip)" in printed[0].message.id


# -- valid documents ------------------------------------------------------------------

_SLIPPY = st.text(
    alphabet=st.sampled_from(list("0123456789,.%-Rp #=[]{}:'\"\\\nabc_")), max_size=30
)
_KEYS = st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True)
_NUMBERS = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:_}"),
    st.decimals(min_value=-(10**9), max_value=10**9, places=3).map(str),
    st.sampled_from(["1.250", "0.5", "1e5", "-2.5E-3", "inf", "+7", "0x1F", "0o17"]),
)
_DATES = st.sampled_from(["2021-01-01", "2021-01-01T07:30:00+07:00", "07:30:00", "1979-05-27"])


def _toml_string(text: str, literal: bool) -> str:
    if literal and "'" not in text and "\n" not in text:
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=True)  # JSON escapes are TOML escapes, in ASCII


@st.composite
def toml_values(draw: st.DrawFn, depth: int = 0) -> str:
    kinds = ["number", "string", "date", "bool"] + (["array", "table"] if depth < 2 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "number":
        return draw(_NUMBERS)
    if kind == "string":
        return _toml_string(draw(_SLIPPY), draw(st.booleans()))
    if kind == "date":
        return draw(_DATES)
    if kind == "bool":
        return draw(st.sampled_from(["true", "false"]))
    comma = draw(st.sampled_from([",", ", ", " , ", ",\n  "]))
    if kind == "array":
        items = draw(st.lists(toml_values(depth + 1), max_size=4))  # type: ignore[arg-type]
        return "[" + comma.join(items) + "]"
    keys = draw(st.lists(_KEYS, max_size=3, unique=True))
    pairs = [f"{k} = {draw(toml_values(depth + 1))}" for k in keys]  # type: ignore[arg-type]
    return "{" + comma.replace("\n  ", " ").join(pairs) + "}"


@st.composite
def toml_documents(draw: st.DrawFn) -> str:
    lines: list[str] = []
    for table, keys in enumerate(draw(st.lists(st.lists(_KEYS, unique=True), max_size=4))):
        if table:
            lines.append(f'[t{table}."{draw(_NUMBERS)}"]')
        for key in keys:
            comment = draw(st.sampled_from(["", "  # " + draw(_SLIPPY).replace("\n", " ")]))
            lines.append(f"{key} = {draw(toml_values())}{comment}")
        if draw(st.booleans()):
            lines.append("# " + draw(_SLIPPY).replace("\n", " "))
    return "\n".join(lines) + "\n"


@FAST
@given(toml_documents())
def test_valid_toml_never_gives_a_slip(document: str) -> None:
    try:
        tomli.loads(document)
    except tomli.TOMLDecodeError:
        assume(False)  # a generated key repeated in one table: not a valid document
    assert scan(document, "toml") == []


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**15), max_value=10**15)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _SLIPPY,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(_SLIPPY, children, max_size=4)
    ),
    max_leaves=20,
)


def _json_dumps(value: Any, compact: bool) -> str:
    separators = (",", ":") if compact else (", ", ": ")
    return json.dumps(value, separators=separators, ensure_ascii=False)


@FAST
@given(_JSON, st.booleans())
def test_valid_json_never_gives_a_slip(value: Any, compact: bool) -> None:
    document = _json_dumps(value, compact)
    json.loads(document)
    assert scan(document, "json") == []


def test_the_generated_numbers_cover_every_mark() -> None:
    # A guard on the strategy itself: each printed mark is among what it draws.
    for wanted in (r",\d", r"Rp", r",-", r"%", r"\d\.\d{3}\.\d{3}", r"^-"):
        find(printed_numbers(), lambda w, p=wanted: re.search(p, w.text) is not None)
