"""The ``markdown`` output (PR comment / job summary) and the shared summary it shows."""

from __future__ import annotations

import io
from collections import Counter
from html.parser import HTMLParser

import pytest

from sakip_validate.findings import Severity
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.markdown import md_cell, md_text
from sakip_validate.plugins.summary import display_value, pack_order, summary_sentence
from sakip_validate.result import RunResult

from .golden import assert_golden

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def render(result: RunResult, lang: str = "id", name: str = "markdown") -> str:
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


def count_cells(counts: Counter[Severity]) -> list[str]:
    """error, warning, info and total, as a count row writes them."""
    return [str(counts[s]) for s in SEVERITIES] + [str(sum(counts.values()))]


# -- golden files --------------------------------------------------------------


def test_markdown_golden_id(example_result: RunResult) -> None:
    assert_golden("markdown-example-id.md", render(example_result, "id"))


def test_markdown_golden_en(example_result: RunResult) -> None:
    assert_golden("markdown-example-en.md", render(example_result, "en"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_deterministic(lang: str, example_result: RunResult) -> None:
    assert render(example_result, lang) == render(example_result, lang)


# -- content -------------------------------------------------------------------


def test_summary_and_findings(example_result: RunResult) -> None:
    text = render(example_result)
    rows = table_rows(text)
    counts = Counter(f.severity for f in example_result.findings)
    assert text.startswith("## Hasil pemeriksaan LKjIP")
    assert (
        f"**{len(example_result.files)} berkas diperiksa: {counts[Severity.ERROR]} error, "
        f"{counts[Severity.WARNING]} warning, {counts[Severity.INFO]} info.**"
    ) in text
    # one count row per file, then all files together
    for report in example_result.files:
        per_file = Counter(f.severity for f in report.findings)
        assert [report.label, *count_cells(per_file)] in [[c.strip() for c in r] for r in rows]
    # every finding is a row with file:line:col and its rule
    for finding in example_result.findings:
        assert f"| {finding.location.display()} | {finding.rule} |" in text
    # a long list is folded for a PR comment; a file without findings says so plainly
    first, clean = example_result.files
    assert len(first.findings) > 10 and not clean.findings
    per_first = Counter(f.severity for f in first.findings)
    summary = ", ".join(f"{per_first[s]} {s.label}" for s in SEVERITIES)
    assert f"<details>\n<summary>{len(first.findings)} temuan: {summary}</summary>" in text
    assert f"### {clean.label}\n\nTidak ada temuan." in text


def test_pack_table_counts_each_finding_under_its_pack(example_result: RunResult) -> None:
    rows = [[c.strip() for c in row] for row in table_rows(render(example_result))]
    start = rows.index(["Paket aturan", "error", "warning", "info", "Jumlah"])
    pack_rows = rows[start + 2 : start + 2 + len(pack_order(example_result))]
    for pack, *numbers in pack_rows:
        found = Counter(f.severity for f in example_result.findings if f.pack == pack)
        assert numbers == count_cells(found), pack
    # every rule pack that ran is listed, in the catalogue's order
    ran = [pack.id for pack in example_result.catalog.packs]
    assert [row[0] for row in pack_rows] == ran


def test_pack_order_follows_the_catalogue(broken_result: RunResult) -> None:
    """Built-in packs (berkas, skema) come first, and only when they have findings."""
    order = pack_order(broken_result)
    seen = {f.pack for f in broken_result.findings}
    built_in = [p.id for p in broken_result.catalog.all_packs() if p.built_in]
    assert order[: len(seen & set(built_in))] == [p for p in built_in if p in seen]
    assert not set(built_in) - seen & set(order)
    assert order[len(seen & set(built_in)) :] == [p.id for p in broken_result.catalog.packs]


def test_unreadable_files_are_named(broken_result: RunResult) -> None:
    text = render(broken_result)
    for report in broken_result.files:
        if report.unreadable:
            assert f"| {md_cell(report.label)} (berkas tidak dapat dibaca) |" in text


def test_tables_are_regular(example_result: RunResult) -> None:
    widths = {len(row) for row in table_rows(render(example_result))}
    assert widths == {5, 7}  # the two summary tables, the findings tables


def test_english(example_result: RunResult) -> None:
    text = render(example_result, "en")
    assert f"**{summary_sentence(example_result, 'en')}**" in text
    assert "| Place | Rule | Severity | Table | Message | Printed | Expected |" in text


# -- hostile text --------------------------------------------------------------


def test_hostile_cells_stay_in_their_cells(hostile_result: RunResult) -> None:
    text = render(hostile_result)
    findings = [row for row in table_rows(text) if len(row) > 5]
    assert len(findings) == 2 + len(hostile_result.findings)  # header, delimiter, findings
    assert {len(row) for row in findings} == {7}
    message = " ".join(row[4] for row in findings[2:])
    assert "<script>" not in message and "&lt;script&gt;" in message
    assert "\\*\\*tebal\\*\\*" in message and "\\`kode\\`" in message
    assert "\\|" in message and "<br>baris kedua" in message
    # nothing in the document is live: no raw tag, no line a runner would take as a command
    assert "<script" not in text
    for line in text.splitlines():
        assert not line.lstrip().startswith("::")


def test_hostile_renders_inert(hostile_result: RunResult) -> None:
    """Rendered by a real CommonMark+tables parser: only the tags the output writes."""
    markdown_it = pytest.importorskip("markdown_it")
    parser = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    rendered = parser.render(render(hostile_result))

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
    assert display_value("1834058000", "en") == "1,834,058,000"
    assert display_value("2021", "id") == "2021"
    assert display_value("99.93, 90.00, N/A", "id") == "99,93; 90,00; N/A"
    assert display_value("99.93, 90.00, N/A", "en") == "99.93, 90.00, N/A"
    assert display_value(">= 100", "id") == "≥ 100"
    assert display_value("Plt. CAMAT", "id") == "Plt. CAMAT"
    assert display_value(None, "id") == ""


def test_summary_sentence_without_findings(example_result: RunResult) -> None:
    clean = RunResult([example_result.files[1]], example_result.catalog)
    assert summary_sentence(clean, "id") == "1 berkas diperiksa: tidak ada temuan."
    assert summary_sentence(clean, "en") == "1 file checked: no findings."
