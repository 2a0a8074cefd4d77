"""The ``markdown`` (PR comment / job summary) and ``reviu`` (Catatan Hasil Reviu) outputs."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest

from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.markdown import display_value, md_cell, md_text
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden


def render(name: str, result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output(name).render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def cells(row: str) -> list[str]:
    """The cells of a GFM table row, splitting on unescaped pipes only."""
    parts, current, chars = [], "", iter(row.strip())
    for char in chars:
        if char == "\\":
            current += char + next(chars, "")
        elif char == "|":
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    assert parts[0].strip() == "" and parts[-1].strip() == "", row
    return parts[1:-1]


def table_rows(text: str) -> list[list[str]]:
    return [cells(line) for line in text.splitlines() if line.startswith("|")]


# -- golden files --------------------------------------------------------------


def test_markdown_golden_id(example_result: RunResult) -> None:
    assert_golden("markdown-example-id.md", render("markdown", example_result, "id"))


def test_markdown_golden_en(example_result: RunResult) -> None:
    assert_golden("markdown-example-en.md", render("markdown", example_result, "en"))


def test_reviu_golden_id(example_result: RunResult) -> None:
    assert_golden("reviu-example-id.md", render("reviu", example_result, "id"))


# -- markdown ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["markdown", "reviu"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_deterministic(name: str, lang: str, example_result: RunResult) -> None:
    assert render(name, example_result, lang) == render(name, example_result, lang)


def test_markdown_summary_and_findings(example_result: RunResult) -> None:
    text = render("markdown", example_result)
    assert text.startswith("## Hasil pemeriksaan LKjIP")
    assert "**2 berkas diperiksa: 16 error, 20 warning, 2 info.**" in text
    assert "| examples/jatinegara-2021.toml | 16 | 20 | 2 | 38 |" in text
    assert "| konsistensi-target | 9 | 2 | 1 | 12 |" in text
    # every finding is a row with file:line:col and its rule
    for finding in example_result.findings:
        assert f"| {finding.location.display()} | {finding.rule} |" in text
    # the long list is folded for a PR comment; the corrected file says so plainly
    assert "<details>\n<summary>38 temuan: 16 error, 20 warning, 2 info</summary>" in text
    assert "### examples/jatinegara-2021-corrected.toml\n\nTidak ada temuan." in text


def test_markdown_tables_are_regular(example_result: RunResult) -> None:
    widths = {len(row) for row in table_rows(render("markdown", example_result))}
    assert widths == {5, 7}  # the two summary tables, the findings tables


def test_markdown_hostile_cells_stay_in_their_cells(hostile_result: RunResult) -> None:
    text = render("markdown", hostile_result)
    findings = [row for row in table_rows(text) if len(row) > 5]
    assert len(findings) == 1 + 1 + 2  # header, delimiter, two findings
    assert {len(row) for row in findings} == {7}
    message = findings[2][4]
    assert "<script>" not in message and "&lt;script&gt;" in message
    assert "\\*\\*tebal\\*\\*" in message and "\\`kode\\`" in message
    assert "\\|" in message and "<br>baris kedua" in message
    # nothing in the document is live: no raw tag, no line a runner would take as a command
    assert "<script" not in text
    for line in text.splitlines():
        assert not line.lstrip().startswith("::")


def test_markdown_hostile_renders_inert(hostile_result: RunResult) -> None:
    """Rendered by a real CommonMark+tables parser: only the tags the output writes."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    rendered = parser.render(render("markdown", hostile_result))

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.tags: set[str] = set()
            self.cells: list[int] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)
            if tag == "tr":
                self.cells.append(0)
            if tag in ("td", "th"):
                self.cells[-1] += 1

    tags = Tags()
    tags.feed(rendered)
    allowed = {"h2", "h3", "p", "strong", "table", "thead", "tbody", "tr", "th", "td", "br"}
    assert tags.tags <= allowed | {"sub"}, tags.tags - allowed
    assert set(tags.cells) == {5, 7}
    assert "<script>alert(1)</script>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered


def test_md_text_escapes() -> None:
    assert md_cell("a | b") == "a \\| b"
    assert md_cell("x\ny\r\nz") == "x<br>y<br>z"
    assert md_text("x\ny") == "x y"
    assert md_text("<b>&") == "&lt;b&gt;&amp;"
    assert md_text("**a** _b_ `c` [d](e) ~f~ $g$") == (
        "\\*\\*a\\*\\* \\_b\\_ \\`c\\` \\[d\\](e) \\~f\\~ \\$g\\$"
    )
    assert md_text("kelengkapan.pernyataan_tanpa_standar") == (
        "kelengkapan.pernyataan_tanpa_standar"
    )
    # no mention, no issue link, no autolink
    assert md_text("@SUM #12 http://x.invalid www.x.invalid") == (
        "@\u2060SUM #\u206012 http&#58;//x.invalid www&#46;x.invalid"
    )
    assert md_text("back\\slash") == "back\\\\slash"


def test_display_value() -> None:
    assert display_value("98.98", "id") == "98,98"
    assert display_value("98.98", "en") == "98.98"
    assert display_value("1834058000", "id") == "1.834.058.000"
    assert display_value("2021", "id") == "2021"
    assert display_value("99.93, 90.00, N/A", "id") == "99,93; 90,00; N/A"
    assert display_value(">= 100", "id") == "≥ 100"
    assert display_value("Plt. CAMAT", "id") == "Plt. CAMAT"
    assert display_value(None, "id") == ""


# -- reviu -----------------------------------------------------------------------


def test_reviu_structure(example_result: RunResult) -> None:
    text = render("reviu", example_result)
    first = text.split("\n---\n")[0]
    assert first.startswith("# CATATAN HASIL REVIU\n")
    assert "Kecamatan Jatinegara Kabupaten Tegal Tahun Anggaran 2021" in first
    assert "Nomor 53 Tahun 2014" in first and "Lampiran III" in first
    assert "keyakinan terbatas" in first
    # chapters in the agreed order
    headings = re.findall(r"^### (.+)$", first, flags=re.M)
    assert headings == [
        "Bab II Perencanaan Kinerja",
        "Bab III Akuntabilitas Kinerja",
        "Narasi Laporan",
        "Kelengkapan Laporan dan Penandatanganan",
        "Catatan Lainnya",
    ]
    assert "#### Tabel 3.8" not in first  # no Tabel 3.8 finding in the example
    assert "#### Tabel 3.2 Perbandingan Target dan Realisasi Kinerja" in first
    # points numbered 1..38 in order, each with condition, criteria and recommendation
    numbers = [int(n) for n in re.findall(r"^(\d+)\. \*\*Kondisi:\*\*", first, flags=re.M)]
    assert numbers == list(range(1, 39))
    assert first.count("**Rekomendasi:**") == 38
    assert first.count("**Kriteria:**") == 38
    # the closing: summary and blanks for the auditor
    assert "terdapat 38 catatan" in first
    assert "16 kesalahan yang perlu diperbaiki" in first
    assert "Tim Reviu Inspektorat Kabupaten Tegal" in first
    assert "NIP: ....." in first and "Nama: ....." in first
    # the corrected copy gets its own note, without points
    second = text.split("\n---\n")[1]
    assert "tidak terdapat catatan" in second
    assert "**Kondisi:**" not in second


def test_reviu_recommendation_is_the_rule_fix(example_result: RunResult) -> None:
    text = render("reviu", example_result)
    rules = {rule.id: rule for rule in example_result.rules}
    assert f"**Rekomendasi:** {md_text(rules['CAP006'].fix.id)}" in text


def test_reviu_stays_indonesian_in_english(example_result: RunResult) -> None:
    indonesian = render("reviu", example_result, "id").splitlines()
    english = render("reviu", example_result, "en").splitlines()
    assert len(indonesian) == len(english)
    changed = [(a, b) for a, b in zip(indonesian, english, strict=True) if a != b]
    assert changed, "--lang en glosses the headings"
    for before, after in changed:
        assert before.startswith("#") and after.startswith(before + " (")


def test_reviu_hostile_is_inert(hostile_result: RunResult) -> None:
    text = render("reviu", hostile_result)
    assert "<script" not in text
    assert "http://" not in text and "@SUM" not in text
    assert "=HYPERLINK" in text  # shown as text (Markdown gives "=" no meaning inline)
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "=", "<!--"))
    # a report newline never starts a new Markdown block
    points = re.findall(r"^1\. \*\*Kondisi:\*\* (.+)$", text, flags=re.M)
    assert points and "baris kedua" in points[0]


def test_survives_data_of_any_shape(example_result: RunResult) -> None:
    data = {
        "laporan": {"unit": {"nama": ["x"]}, "tahun_anggaran": {"a": 1}},
        "narasi": {"distribusi": "teks"},
        "tabel": {"capaian": {"nomor": 3}},
    }
    findings = [
        Finding(
            rule=rule,
            severity=Severity.WARNING,
            message=Text("Pesan | *x*", "Message"),
            location=TextLocation("odd.toml", pointer, 1, 1),
            table=table,
        )
        for rule, pointer, table in [
            ("SCHEMA001", "/narasi/distribusi/0/bab", None),
            ("SCHEMA002", "/tabel/capaian", "Tabel 9.x"),
            ("LOAD003", "", None),
        ]
    ]
    result = RunResult(
        [FileReport("odd.toml", "toml", findings, data=data)],
        example_result.rules,
        example_result.manifest,
    )
    for name in ("markdown", "reviu"):
        text = render(name, result)
        assert "Pesan \\| \\*x\\*" in text
    note = render("reviu", result)
    assert "\\[nama unit\\]" in note and "\\[tahun\\]" in note
    assert "### Narasi Laporan" in note and "### Catatan Lainnya" in note
