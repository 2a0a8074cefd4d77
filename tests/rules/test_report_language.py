"""Auditee-facing text speaks of the printed report: no data key, key path, file line or pointer.

The auditee holds the printed report, not our data file. So every text a finding
shows an auditee names tables, rows, columns and chapters, never the data model:
rule messages (rendered on the reference report and on each rule's failing
example), fixes and rationales, the cross-year codes' messages and fixes, the
reasons a rule does not apply, the printed places (citations) themselves, and
the papers as an auditee receives them: the workbook's findings sheet (place,
finding, suggested correction) and the review note in Markdown and Word, up to
its technical attachment.

The built-in codes about the data file itself (LOAD, SCHEMA, PACK, POLICY,
INTERNAL: :data:`DATA_FILE_CODES`) are exempt on purpose: they are for whoever
edits the file, so they name keys and lines, and they carry no printed place.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from sakip_validate.api import RunOptions, check_file, default_rules, run
from sakip_validate.codes import FAMILIES, YEAR
from sakip_validate.domain.citation import cite
from sakip_validate.engine.model import Rule
from sakip_validate.engine.runner import run_rules
from sakip_validate.findings import LANGS, Finding
from sakip_validate.loading import load_bytes
from sakip_validate.outputs import RenderOptions, load_output

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLES = (ROOT / "examples" / "jatinegara-2021.toml", ROOT / "examples" / "jatinegara-2021.json")
PREVIOUS = ROOT / "tests" / "data" / "years" / "jatinegara-2020.toml"
SHAPES = sorted((ROOT / "tests" / "data" / "shapes").glob("*.toml"))
RULES = default_rules()

# Codes whose texts are for whoever edits the data file: they may name keys and lines.
DATA_FILE_CODES = tuple(family.prefix for family in FAMILIES if family is not YEAR)

_SCHEMA = json.loads((ROOT / "schemas" / "lkjip.schema.json").read_text(encoding="utf-8"))


def _schema_keys(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                yield from value
            yield from _schema_keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from _schema_keys(item)


# Top-level keys of the data, which start a dotted key path ("kelengkapan.bagian").
_TOP = "|".join(sorted(_SCHEMA["properties"], key=len, reverse=True)).replace("$", r"\$")
DATA_KEY = re.compile(
    "|".join(
        [
            r"\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b",  # a snake_case key or choice
            rf"\b(?:{_TOP})\.[a-z_0-9]+",  # a dotted key path
            r"\[\[?[a-z_]+(?:\.[a-z_]+)*\]\]?",  # a TOML table header: [kelengkapan]
            r"\b[a-z_]+ ?= ?(?:true|false|\")",  # an assignment: cakupan = "sebagian"
            r"\bbaris \d+,? kolom \d+\b|\bline \d+\b|:\d+:\d+\b",  # a file position
            r"\.(?:toml|json)\b",  # a data file's name
            r"(?<![\w/])/[a-z_]+(?:/[\w~.-]+)+",  # a JSON pointer: /tabel/iku/baris/2
            r"`[^`]+`",  # code
        ]
    )
)
# Every schema key with an underscore is caught by the first pattern; the test below
# keeps it so as the schema grows.
SNAKE_KEYS = sorted({key for key in _schema_keys(_SCHEMA) if "_" in key})


def data_keys(text: str) -> list[str]:
    """What in ``text`` names the data model or the data file rather than the printed report."""
    return [match.group(0) for match in DATA_KEY.finditer(text)]


def _report_facing(finding: Finding) -> bool:
    return not finding.rule.startswith(DATA_FILE_CODES)


def _texts(finding: Finding) -> Iterator[tuple[str, str]]:
    for lang in LANGS:
        yield f"message.{lang}", finding.message.get(lang)
        if finding.hint is not None:
            yield f"hint.{lang}", finding.hint.get(lang)
        yield f"place.{lang}", cite(finding, lang)


def _problems(findings: list[Finding]) -> list[str]:
    return [
        f"{finding.rule} {where}: {found} in {text!r}"
        for finding in findings
        if _report_facing(finding)
        for where, text in _texts(finding)
        if (found := data_keys(text))
    ]


# -- the detector itself ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "lalu isi kelengkapan.pernyataan_tanpa_standar_nasional = true.",
        "Data laporan tidak memuat [kelengkapan].",
        'tulis cakupan = "sebagian" di laporan',
        "lihat jatinegara-2021.toml baris 167 kolom 33",
        "the 2025 report (kec-2025.toml line 12) printed",
        "Letak: /tabel/iku/baris/2/target/2020",
        "isi kolom sumber_data",
        "kolom `nama_tertulis`",
    ],
)
def test_the_detector_finds_data_keys(text: str) -> None:
    assert data_keys(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Tabel 3.3, baris 1 (Laju Peningkatan Nilai IKM Kecamatan), kolom Capaian 2020, hlm. 40-46",
        "Kolom Tujuan/Sasaran pada Tabel 3.2 kosong; realisasi ÷ target × 100 = 99,93%.",
        "Nyatakan dalam laporan, di Bab III, bahwa tidak ada standar nasional.",
        "Plt. CAMAT JATINEGARA (Kata Pengantar, hlm. i), kode 1.2.1, N/A, 1.834.058.000",
    ],
)
def test_the_detector_leaves_report_language_alone(text: str) -> None:
    assert data_keys(text) == [], text


def test_every_snake_case_schema_key_is_caught() -> None:
    assert SNAKE_KEYS and all(data_keys(f"isi {key} dulu") for key in SNAKE_KEYS)


# -- the texts -------------------------------------------------------------------------


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_texts_speak_of_the_report(rule: Rule) -> None:
    texts = {"title": rule.title}
    if rule.fix is not None:
        texts["fix"] = rule.fix
    if rule.rationale is not None:
        texts["rationale"] = rule.rationale
    problems = [
        f"{name}.{lang}: {found}"
        for name, text in texts.items()
        for lang in LANGS
        if (found := data_keys(text.get(lang)))
    ]
    document = load_bytes(rule.example_fail.encode(), f"{rule.id}-fail.toml", "toml")
    findings = run_rules(document, [rule])
    assert findings
    problems += _problems(findings)
    assert problems == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_findings_on_the_reference_report_speak_of_the_report(path: Path) -> None:
    findings = check_file(path).findings
    assert findings and all(_report_facing(f) for f in findings)
    assert _problems(findings) == []


def test_findings_across_years_speak_of_the_report() -> None:
    result = run([str(EXAMPLES[0])], RunOptions(previous=(PREVIOUS,)))
    years = [f for f in result.findings if f.rule.startswith("YEAR")]
    assert years  # the 2020 report prints one indicator differently on purpose
    assert _problems(years) == []


@pytest.mark.parametrize("path", SHAPES, ids=lambda path: path.name)
def test_reasons_a_rule_does_not_apply_speak_of_the_report(path: Path) -> None:
    report = check_file(path)
    problems = [
        f"{skipped.rule}: {found}"
        for skipped in report.skipped_rules
        for lang in LANGS
        if (found := data_keys(skipped.reason.get(lang)))
    ]
    assert problems + _problems(report.findings) == []


def test_findings_about_the_data_file_keep_to_the_file() -> None:
    """The exempt codes are exactly those with no printed place: the distinction is one."""
    broken = sorted((ROOT / "tests" / "data" / "broken").iterdir())
    findings = [f for path in broken for f in check_file(path).findings]
    assert findings and all(f.rule.startswith(DATA_FILE_CODES) for f in findings)
    assert all(f.place is None for f in findings)
    assert all(f.place is not None for f in check_file(EXAMPLES[0]).findings)


# -- the papers ------------------------------------------------------------------------

# The findings sheet's columns an auditee reads, by language.
AUDITEE_COLUMNS = {
    "id": ("Letak di laporan", "Uraian temuan", "Saran perbaikan"),
    "en": ("Place in the report", "Finding", "Suggested correction"),
}
TECHNICAL_ATTACHMENT = {"id": "Lampiran 2.", "en": "Attachment 2."}


def _rendered(name: str, paths: tuple[Path, ...], lang: str) -> bytes:
    result = run([str(path) for path in paths])
    plugin = load_output(name)
    options = RenderOptions(lang=lang)  # type: ignore[arg-type]
    if plugin.binary:
        binary = io.BytesIO()
        plugin.render(result, options, binary)
        return binary.getvalue()
    text = io.StringIO()
    plugin.render(result, options, text)
    return text.getvalue().encode("utf-8")


@pytest.mark.parametrize("lang", LANGS)
def test_the_workbook_findings_speak_of_the_report(lang: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(_rendered("excel", EXAMPLES, lang)))
    ws = book.worksheets[1]
    header = next(row for row in ws.iter_rows() if row[5].value == AUDITEE_COLUMNS[lang][1])
    columns = {cell.value: cell.column for cell in header}
    rule_col = next(c.column for c in header if c.value in ("Aturan", "Rule"))
    problems, rows = [], 0
    for number in range(header[0].row + 1, ws.max_row + 1):
        rule = ws.cell(number, rule_col).value
        if not rule or str(rule).startswith(DATA_FILE_CODES):
            continue
        rows += 1
        for title in AUDITEE_COLUMNS[lang]:
            text = ws.cell(number, columns[title]).value or ""
            problems += [f"{rule} {title}: {found}" for found in data_keys(str(text))]
    assert rows > 0 and problems == []


def _before_attachment(texts: Iterator[str], lang: str) -> list[str]:
    kept = []
    for text in texts:
        if text.lstrip("# ").startswith(TECHNICAL_ATTACHMENT[lang]):
            return kept
        kept.append(text)
    raise AssertionError("the note has no technical attachment")


def test_the_review_note_speaks_of_the_report() -> None:
    markdown = _rendered("reviu", EXAMPLES[:1], "id").decode("utf-8")
    lines = _before_attachment(iter(markdown.splitlines()), "id")
    assert len(lines) > 100
    assert [f"{line!r}: {found}" for line in lines if (found := data_keys(line))] == []
    document = docx.Document(io.BytesIO(_rendered("reviu-docx", EXAMPLES[:1], "id")))

    def texts() -> Iterator[str]:
        for item in document.iter_inner_content():
            if isinstance(item, docx.text.paragraph.Paragraph):
                yield item.text
            else:
                yield from (cell.text for row in item.rows for cell in row.cells)

    paragraphs = _before_attachment(texts(), "id")
    assert len(paragraphs) > 100
    assert [f"{text!r}: {found}" for text in paragraphs if (found := data_keys(text))] == []
