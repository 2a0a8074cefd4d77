"""Numbers written the printed way (tests/data/slips/): each slip its own finding, in two languages.

Every fixture must give exactly the findings ``make_slips.CASES`` lists: LOAD008
at the printed number's line and column, saying what was written and what to
write, in Bahasa Indonesia and in English; the parser's own error only when it
stands apart from every printed number.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.api import check_bytes
from sakip_validate.cli import main
from sakip_validate.findings import Finding
from sakip_validate.loading.slips import read_printed
from tests.data.slips.make_slips import CASES, HERE, Expected, build

NAMES = sorted(CASES)
ROOT = HERE.parent.parent.parent


def _findings(name: str) -> list[Finding]:
    fmt = "toml" if name.endswith(".toml") else "json"
    report = check_bytes((HERE / name).read_bytes(), name, fmt)  # type: ignore[arg-type]
    return report.findings


@pytest.mark.parametrize("name", NAMES)
def test_the_fixture_is_what_the_script_writes(name: str) -> None:
    assert (HERE / name).read_bytes() == build(name)[0], "run tests/data/slips/make_slips.py"


def test_every_fixture_is_listed() -> None:
    on_disk = {p.name for p in HERE.iterdir() if p.suffix in (".toml", ".json")}
    assert on_disk == set(CASES)


@pytest.mark.parametrize("name", NAMES)
def test_each_slip_is_found_at_its_place(name: str) -> None:
    expected = build(name)[1]
    findings = _findings(name)
    got = [(f.rule, f.location.line, f.location.column) for f in findings]
    assert got == [(e.rule, e.line, e.column) for e in expected]


@pytest.mark.parametrize("name", NAMES)
def test_each_slip_says_what_was_written_and_what_to_write_in_both_languages(name: str) -> None:
    slips = [e for e in build(name)[1] if e.rule == "LOAD008"]
    findings = [f for f in _findings(name) if f.rule == "LOAD008"]
    assert len(findings) == len(slips)
    for finding, slip in zip(findings, slips, strict=True):
        assert f"tertulis: {slip.written} — tulis: {slip.write}" in finding.message.id
        assert f"written: {slip.written} — write: {slip.write}" in finding.message.en
        assert finding.printed == slip.written.strip('"')
        assert finding.expected == slip.write
        assert finding.hint is not None
        fmt_name = "TOML" if name.endswith(".toml") else "JSON"
        assert finding.hint.id.startswith(f"Di {fmt_name}, ")
        assert finding.hint.en.startswith(f"In {fmt_name}, ")


def _replaced(name: str, slips: list[Expected]) -> str:
    """The fixture with every slip written as the message says."""
    text = (HERE / name).read_text(encoding="utf-8")
    lines = text.split("\n")
    for slip in sorted(slips, key=lambda e: (e.line, -e.column)):
        line = lines[slip.line - 1]
        start = slip.column - 1
        assert line[start:].startswith(slip.written), (line, slip)
        lines[slip.line - 1] = line[:start] + slip.write + line[start + len(slip.written) :]
    return "\n".join(lines)


@pytest.mark.parametrize("name", [n for n in NAMES if not CASES[n].other])
def test_writing_what_the_message_says_fixes_the_file(name: str) -> None:
    slips = build(name)[1]
    fixed = _replaced(name, slips)
    fmt = "toml" if name.endswith(".toml") else "json"
    report = check_bytes(fixed.encode("utf-8"), name, fmt)  # type: ignore[arg-type]
    assert not [f for f in report.findings if f.rule.startswith(("LOAD", "SCHEMA"))]


def test_the_parser_error_a_slip_explains_is_not_reported_beside_it() -> None:
    # tomli says "Expected newline or end of document" for 98,75: misleading, so dropped.
    rules = [f.rule for f in _findings("capaian-decimal-comma.toml")]
    assert rules == ["LOAD008"]


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_console_quotes_the_source_line_under_the_message(lang: str) -> None:
    code, output = _run("check", str(HERE / "anggaran-rp-and-dash.toml"), "--lang", lang)
    assert code == 1
    expected = build("anggaran-rp-and-dash.toml")[1][0]
    assert f"anggaran-rp-and-dash.toml:{expected.line}:{expected.column}  LOAD008" in output
    assert f"{expected.line:>5} | anggaran = Rp100.000.000,-" in output
    caret = next(line for line in output.splitlines() if line.strip() == "^")
    assert caret.index("^") == len(f"{expected.line:>5} | ") + expected.column - 1
    if lang == "id":
        assert "tertulis: Rp100.000.000,- — tulis: 100_000_000" in output
        assert "awalan Rp" in output
    else:
        assert "written: Rp100.000.000,- — write: 100_000_000" in output
        assert "an Rp prefix" in output


def test_the_json_output_carries_every_slip_with_its_place() -> None:
    code, output = _run("check", str(HERE / "several-slips.toml"), "--format", "json")
    assert code == 1
    findings = json.loads(output)["findings"]
    expected = build("several-slips.toml")[1]
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [
        (e.rule, e.line, e.column) for e in expected
    ]


def test_a_rule_pack_with_a_slip_gets_the_same_message(tmp_path: Path) -> None:
    pack = tmp_path / "daerah.toml"
    pack.write_text('[pack]\nid = "daerah"\nbatas = 90,5\n', encoding="utf-8")
    code, output = _run("check", str(HERE.parent / "valid.toml"), "--rules", str(pack))
    assert code == 2
    assert "tertulis: 90,5 — tulis: 90.5" in output


def _guide_table() -> list[tuple[str, str, str]]:
    """(printed, TOML, JSON) of each number row of the table in docs/panduan.md, Menulis angka."""
    guide = (ROOT / "docs" / "panduan.md").read_text(encoding="utf-8")
    section = guide.split("## Menulis angka", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [re.findall(r"`([^`]*)`", cell) for cell in line.split(" | ")]
        if line.startswith("| `") and len(cells) == 3 and all(cells):
            rows.append((cells[0][0], cells[1][0], cells[2][0]))
    return rows


def test_the_guide_table_says_what_the_messages_say() -> None:
    rows = [row for row in _guide_table() if not row[1].startswith('"')]
    assert len(rows) >= 8
    for printed, toml_write, json_write in rows:
        written = read_printed(printed)
        assert written is not None and written.marks, printed
        assert written.replacement("toml") == toml_write, printed
        assert written.replacement("json") == json_write, printed


def test_the_guide_example_is_the_console_output() -> None:
    guide = (ROOT / "docs" / "panduan.md").read_text(encoding="utf-8")
    example = guide.split("## Menulis angka", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    code, output = _run("check", str(HERE / "anggaran-rp-and-dash.toml"))
    assert code == 1
    for line in example.splitlines():
        shown = line.replace("lkjip.toml", "anggaran-rp-and-dash.toml")
        assert shown.strip() in output, line
