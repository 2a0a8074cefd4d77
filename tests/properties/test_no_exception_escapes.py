"""Properties over generated inputs: no exception escapes any stage, every finding points into
its file, and the same input gives the same result.

Stages: the loaders (arbitrary bytes, arbitrary JSON/TOML-shaped data), the schema step
(arbitrary data), every check kind (the corrected example with one cell replaced by a
generated value), and every output plugin (results with generated texts and places).
"""

from __future__ import annotations

import io
import json
import re
from copy import deepcopy
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakip_validate.api import check_bytes, new_run
from sakip_validate.catalog import Catalog
from sakip_validate.codes import INTERNAL_ERROR
from sakip_validate.engine.packs import load_packs
from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.loading import LoadFailed, load_bytes
from sakip_validate.outputs import BUILT_IN, RenderOptions, load_output
from sakip_validate.result import FileReport, RunResult
from sakip_validate.schema_check import check_schema

ROOT = Path(__file__).resolve().parent.parent.parent
VALID_JSON = (ROOT / "tests" / "data" / "valid.json").read_text(encoding="utf-8")
RULES = [rule for pack in load_packs() for rule in pack.rules]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lines(raw: bytes) -> list[str]:
    # Lines end at \n, \r\n and \r only, as in editors and the position index
    # (str.splitlines would also break at \x0b, \x1c, U+2028, ...).
    return re.split(r"\r\n|\r|\n", raw.decode("utf-8", "replace"))


def assert_points_into(findings: list[Finding], raw: bytes) -> None:
    """Every finding's line and column lie inside the file (or are absent)."""
    lines = _lines(raw)
    for finding in findings:
        line, column = finding.location.line, finding.location.column
        if line is None:
            continue
        assert 1 <= line <= len(lines) + 1, (finding.rule, line, len(lines))
        if column is not None and line <= len(lines):
            assert 1 <= column <= len(lines[line - 1]) + 2, (finding.rule, line, column)


# -- loaders ---------------------------------------------------------------------------


@FAST
@given(st.binary(max_size=2000), st.sampled_from(["toml", "json"]))
def test_any_bytes_either_load_or_give_a_positioned_finding(raw: bytes, fmt: str) -> None:
    try:
        load_bytes(raw, "x", fmt)  # type: ignore[arg-type]
    except LoadFailed as failed:
        assert failed.finding.rule.startswith("LOAD")
        assert_points_into([failed.finding], raw)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**50), max_value=10**50),
    st.decimals(allow_nan=False, allow_infinity=False, places=4),
    st.text(max_size=30),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)


def _json(value: Any) -> str:
    def default(item: Any) -> Any:
        if isinstance(item, Decimal):
            return float(item)  # only to build the text; the loader must not choke on it
        raise TypeError(item)

    return json.dumps(value, default=default)


@FAST
@given(st.dictionaries(st.text(max_size=10), documents, max_size=6))
def test_json_documents_pass_through_load_schema_and_rules(data: dict[str, Any]) -> None:
    raw = _json(data).encode("utf-8", "surrogatepass")
    report = check_bytes(raw, "x.json", "json", RULES)
    assert not [f for f in report.findings if f.rule == INTERNAL_ERROR.id], report.findings
    assert_points_into(report.findings, raw)
    again = check_bytes(raw, "x.json", "json", RULES)
    assert again.findings == report.findings


@FAST
@given(documents)
def test_the_schema_step_takes_any_data(data: Any) -> None:
    raw = _json(data).encode("utf-8", "surrogatepass")
    try:
        document = load_bytes(raw, "x.json", "json")
    except LoadFailed:
        return
    findings = check_schema(document)
    assert_points_into(findings, raw)


# -- every check kind, through its rules -------------------------------------------------


def _cells(value: Any, pointer: str = "") -> list[str]:
    """JSON pointers of every scalar in ``value``."""
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _cells(v, f"{pointer}/{k}")]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _cells(v, f"{pointer}/{i}")]
    return [pointer]


BASE = json.loads(VALID_JSON, parse_float=Decimal)
EXAMPLE = json.loads(
    (ROOT / "examples" / "jatinegara-2021.json").read_text(encoding="utf-8"), parse_float=Decimal
)
POINTERS = [(BASE, p) for p in _cells(BASE)] + [(EXAMPLE, p) for p in _cells(EXAMPLE)]
replacements = st.one_of(
    st.integers(min_value=-(10**16), max_value=10**16),
    st.decimals(min_value=-1000, max_value=100_000, allow_nan=False, places=3),
    st.sampled_from(["N/A", "-", "", "n/a", "0", "x"]),
    st.none(),
    st.just(0),
)


def _replaced(document: Any, pointer: str, value: Any) -> Any:
    copy = deepcopy(document)
    parts = pointer.split("/")[1:]
    node = copy
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    last = parts[-1]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return copy


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(POINTERS), replacements)
def test_every_rule_survives_any_single_changed_cell(target: tuple[Any, str], value: Any) -> None:
    document, pointer = target
    changed = _replaced(document, pointer, value)
    # Decimals are written as numbers with their digits (json.dumps cannot write Decimal)
    text = json.dumps(changed, default=lambda item: f"@@{item}@@")
    text = text.replace('"@@', "").replace('@@"', "")
    raw = text.encode("utf-8")
    report = check_bytes(raw, "x.json", "json", RULES)
    assert not [f for f in report.findings if f.rule == INTERNAL_ERROR.id], [
        f.message.en for f in report.findings if f.rule == INTERNAL_ERROR.id
    ]
    assert_points_into(report.findings, raw)
    assert check_bytes(raw, "x.json", "json", RULES).findings == report.findings


# -- every output plugin ---------------------------------------------------------------

texts = st.text(max_size=60)
severities = st.sampled_from(list(Severity))


@st.composite
def findings(draw: st.DrawFn, file: str) -> Finding:
    line = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=500)))
    return Finding(
        rule=draw(st.sampled_from(["CAP001", "ANG001", "SCHEMA001", "LOAD003", "X999"])),
        severity=draw(severities),
        message=Text(draw(texts), draw(texts)),
        location=TextLocation(
            file,
            draw(st.sampled_from(["", "/tabel/capaian/baris/0/capaian", "/a~1b", "/x/0"])),
            line,
            None if line is None else draw(st.integers(min_value=1, max_value=200)),
        ),
        hint=draw(st.one_of(st.none(), st.builds(Text, texts, texts))),
        pack=draw(st.sampled_from(["capaian", "anggaran", "skema", "", "lainnya"])),
        title=draw(st.one_of(st.none(), st.builds(Text, texts, texts))),
        table=draw(st.one_of(st.none(), st.builds(Text, texts, texts))),
        table_key=draw(st.one_of(st.none(), st.sampled_from(["capaian", "realisasi_anggaran"]))),
        row=draw(st.one_of(st.none(), texts)),
        printed=draw(st.one_of(st.none(), texts, st.sampled_from(["99.93", "-0", "1E+5"]))),
        expected=draw(st.one_of(st.none(), texts)),
        legal_basis=draw(st.one_of(st.none(), texts)),
    )


@st.composite
def results(draw: st.DrawFn) -> RunResult:
    result = new_run()
    for index in range(draw(st.integers(min_value=0, max_value=3))):
        label = draw(texts) or f"f{index}.toml"
        found = draw(st.lists(findings(label), max_size=6))
        lines = {f.location.line: draw(texts) for f in found if f.location.line is not None}
        result.files.append(
            FileReport(label, draw(st.sampled_from(["toml", "json", None])), found, lines=lines)
        )
    return result


def _render(name: str, result: RunResult, lang: str) -> bytes:
    plugin = load_output(name)
    if plugin.binary:
        binary = io.BytesIO()
        plugin.render(result, RenderOptions(lang=lang), binary)  # type: ignore[arg-type]
        return binary.getvalue()
    text = io.StringIO()
    plugin.render(result, RenderOptions(lang=lang, color=False), text)  # type: ignore[arg-type]
    return text.getvalue().encode("utf-8")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(results(), st.sampled_from(["id", "en"]))
def test_every_output_renders_any_result_the_same_way_twice(result: RunResult, lang: str) -> None:
    assert isinstance(result.catalog, Catalog)
    result.decide()
    for name in sorted(BUILT_IN):
        first = _render(name, result, lang)
        assert _render(name, result, lang) == first, name
        if name in ("console", "github", "html", "markdown"):
            assert b"\x1b" not in first, name
