"""Every output names the rules that did not apply to a file, with the reason.

The frozen example run is given skipped rules by hand (the fixtures predate the
field and keep loading without it): the reference report gets none, its
corrected copy two reasons, so a clean file with skipped rules is shown too.
"""

from __future__ import annotations

import io
import json
import re
from xml.etree import ElementTree

import pytest

from sakip_validate.findings import Text
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.summary import skipped_rules_sentence
from sakip_validate.result import RunResult, SkippedRule

from . import frozen
from .test_excel import read_workbook

PARTIAL = Text(
    "berkas ini hanya memuat sebagian laporan", "this file holds only part of the report"
)
COLUMN = Text(
    "Tabel 3.2 yang dimuat tidak mempunyai kolom sumber data",
    "Tabel 3.2 as held has no data source column",
)
SKIPPED = [
    SkippedRule("LKP001", PARTIAL),
    SkippedRule("LKP004", PARTIAL),
    SkippedRule("LKP005", COLUMN),
]
SENTENCE_ID = (
    "3 aturan tidak berlaku untuk laporan ini: LKP001, LKP004 (berkas ini hanya memuat "
    "sebagian laporan); LKP005 (Tabel 3.2 yang dimuat tidak mempunyai kolom sumber data)."
)
SENTENCE_EN = (
    "3 rules do not apply to this report: LKP001, LKP004 (this file holds only part of the "
    "report); LKP005 (Tabel 3.2 as held has no data source column)."
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def result() -> RunResult:
    run = frozen.load("example")
    reference, corrected = run.files
    assert not reference.skipped_rules and not corrected.skipped_rules  # as frozen
    corrected.skipped_rules = list(SKIPPED)
    return run


def render(name: str, result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output(name).render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return ANSI.sub("", stream.getvalue())


def test_the_sentence_groups_rules_by_reason(result: RunResult) -> None:
    reference, corrected = result.files
    assert skipped_rules_sentence(reference, "id") is None
    assert skipped_rules_sentence(corrected, "id") == SENTENCE_ID
    assert skipped_rules_sentence(corrected, "en") == SENTENCE_EN
    corrected.skipped_rules = SKIPPED[:1]
    assert skipped_rules_sentence(corrected, "en") == (
        "1 rule does not apply to this report: LKP001 (this file holds only part of the report)."
    )


def test_console_shows_a_clean_file_with_its_one_line(result: RunResult) -> None:
    lines = render("console", result).splitlines()
    label = result.files[1].label
    at = lines.index(label)  # a file without findings is shown for its line
    assert lines[at + 1] == f"  {SENTENCE_ID}"
    assert render("console", result, "en").count(SENTENCE_EN) == 1


def test_json_lists_them_per_file(result: RunResult) -> None:
    document = json.loads(render("json", result, "en"))
    reference, corrected = document["files"]
    assert reference["not_applicable"] == []
    assert corrected["not_applicable"] == [
        {"rule": "LKP001", "reason": PARTIAL.en},
        {"rule": "LKP004", "reason": PARTIAL.en},
        {"rule": "LKP005", "reason": COLUMN.en},
    ]


def test_sarif_lists_them_on_the_artifact_not_as_results(result: RunResult) -> None:
    log = json.loads(render("sarif", result))
    run = log["runs"][0]
    reference, corrected = run["artifacts"]
    assert "properties" not in reference
    assert corrected["properties"]["notApplicable"] == [
        {"ruleId": "LKP001", "reason": PARTIAL.id},
        {"ruleId": "LKP004", "reason": PARTIAL.id},
        {"ruleId": "LKP005", "reason": COLUMN.id},
    ]
    assert len(run["results"]) == len(result.findings)


def test_junit_names_them_in_their_pack_case(result: RunResult) -> None:
    root = ElementTree.fromstring(render("junit", result))
    suite = root.findall("testsuite")[1]
    (case,) = [c for c in suite.findall("testcase") if c.get("name") == "kelengkapan"]
    out = case.find("system-out")
    assert out is not None and out.text is not None
    assert out.text.splitlines() == [
        f"LKP001 tidak berlaku untuk laporan ini: {PARTIAL.id}.",
        f"LKP004 tidak berlaku untuk laporan ini: {PARTIAL.id}.",
        f"LKP005 tidak berlaku untuk laporan ini: {COLUMN.id}.",
    ]
    assert case.find("failure") is None and case.find("skipped") is None


def test_markdown_reviu_and_html_carry_the_line(result: RunResult) -> None:
    label = result.files[1].label
    markdown = render("markdown", result)
    assert "### Aturan yang tidak berlaku (1 berkas)" in markdown
    assert f"- {label}: {SENTENCE_ID}" in markdown
    assert f"\n{SENTENCE_ID}\n" in render("reviu", result)  # a paragraph of its own
    page = render("html", result)
    assert f'<p class="note">{SENTENCE_ID}</p>' in page


def test_excel_notes_them_under_the_files_table(result: RunResult) -> None:
    stream = io.BytesIO()
    load_output("excel").render(result, RenderOptions(), stream)  # type: ignore[arg-type]
    summary = read_workbook(stream.getvalue())["Ringkasan"]
    notes = [c.value for c in summary.cells.values() if c.value == f"2. {SENTENCE_ID}"]
    assert len(notes) == 1


def test_frozen_results_keep_them(result: RunResult) -> None:
    again = frozen.thaw(json.loads(json.dumps(frozen.freeze(result))))
    assert again.files[1].skipped_rules == SKIPPED
    assert again.files[0].skipped_rules == []
