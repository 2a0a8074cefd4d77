"""The ``markdown`` output (PR comment / job summary) and the shared summary it shows."""

from __future__ import annotations

import dataclasses
import io
from collections import Counter
from html.parser import HTMLParser

import pytest

from sakip_validate.domain.labels import severity_word
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
        f"**{len(example_result.files)} berkas diperiksa: {counts[Severity.ERROR]} kesalahan, "
        f"{counts[Severity.WARNING]} peringatan, {counts[Severity.INFO]} informasi.**"
    ) in text
    # one count row per file with findings, then all files together; clean ones in a line
    shown = [[c.strip() for c in r] for r in rows]
    for report in example_result.files:
        per_file = Counter(f.severity for f in report.findings)
        row = [report.label, *count_cells(per_file)]
        assert (row in shown) == bool(report.findings)
    all_files = Counter(f.severity for f in example_result.findings)
    assert ["**Semua berkas**", *count_cells(all_files)] in shown
    # every finding is a row with file:line:col and its rule
    for finding in example_result.findings:
        assert f"| {finding.location.display()} | {finding.rule} |" in text
    # a long list is folded for a PR comment; files without findings share one line
    first, clean = example_result.files
    assert len(first.findings) > 10 and not clean.findings
    per_first = Counter(f.severity for f in first.findings)
    summary = ", ".join(f"{per_first[s]} {severity_word(s, 'id')}" for s in SEVERITIES)
    assert f"<details>\n<summary>{len(first.findings)} temuan: {summary}</summary>" in text
    assert f"### {clean.label}" not in text
    assert f"\n✅ Tanpa temuan: {clean.label}.\n" in text


def test_pack_table_counts_each_finding_under_its_pack(example_result: RunResult) -> None:
    rows = [[c.strip() for c in row] for row in table_rows(render(example_result))]
    start = rows.index(["Paket aturan", "kesalahan", "peringatan", "informasi", "Jumlah"])
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


# -- the policy's marks ----------------------------------------------------------


def test_waived_baselined_fixed_and_skipped_are_shown(policy_result: RunResult) -> None:
    text = render(policy_result)
    assert_valid_markdown(text)
    assert f"**{summary_sentence(policy_result, 'id')}**" in text
    assert "(2 dikecualikan, 2 di baseline)" in summary_sentence(policy_result, "id")
    outcome = policy_result.baseline
    assert outcome is not None
    assert f"Dibanding baseline {outcome.source}: {outcome.new} temuan baru" in text
    assert f"{len(policy_result.skipped)} berkas dilewati: bukan laporan." in text
    waived = [f for f in policy_result.findings if f.suppression and f.suppression.kind == "waiver"]
    assert f"### Dikecualikan ({len(waived)})" in text
    for finding in waived:
        assert finding.suppression is not None
        row = next(
            r for r in text.splitlines() if r.startswith(f"| {finding.location.display()} |")
        )
        assert md_cell(finding.suppression.reason) in row
        assert md_cell(finding.suppression.approver) in row
        assert "Desember 2026" in row or "September 2026" in row
    baselined = [
        f for f in policy_result.findings if f.suppression and f.suppression.kind == "baseline"
    ]
    assert f"### Sudah ada di baseline ({len(baselined)})" in text
    # a finding that does not count is not in its file's table (it is in its folded section)
    for finding in waived + baselined:
        assert text.count(f"| {finding.location.display()} | {finding.rule} |") == 1
    assert f"### Sudah diperbaiki sejak baseline ({len(outcome.fixed)})" in text
    for entry in outcome.fixed:
        assert f"{entry.rule} di " in text
    for name, _ in policy_result.skipped:
        assert f"- {md_text(name)}: bukan laporan" in text
    # the configuration file's findings are shown as any file's
    config = next(r for r in policy_result.files if r.role == "config")
    assert f"### {md_text(config.label)}" in text
    # counts of waived and baselined findings per file, as extra columns
    header = "| Berkas | kesalahan | peringatan | informasi | Jumlah | dikecualikan | di baseline |"
    assert header in text


# -- the size budget ---------------------------------------------------------------


def assert_valid_markdown(text: str) -> None:
    """GFM as GitHub reads it: every table regular, every <details> closed, nothing nested."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    lines = text.splitlines()
    in_table: set[int] = set()
    depth = 0
    cells: list[int] = []
    for token in tokens:
        if token.type == "table_open":
            assert token.map is not None
            in_table.update(range(*token.map))
            cells = []
        elif token.type == "tr_open":
            cells.append(0)
        elif token.type in ("th_open", "td_open"):
            cells[-1] += 1
        elif token.type == "table_close":
            assert len(set(cells)) == 1, cells  # every row as wide as the header
    for number, line in enumerate(lines):
        if line.startswith("|"):
            assert number in in_table, f"line {number + 1} is not part of a table: {line[:80]}"
        if line == "<details>":
            depth += 1
            assert depth == 1, "nested <details>"
            assert lines[number + 1].startswith("<summary>") and lines[number + 2] == ""
        elif line == "</details>":
            depth -= 1
            assert depth == 0
    assert depth == 0, "unclosed <details>"
    assert text.count("<details>") == text.count("</details>")


LONG = (
    "Realisasi anggaran kegiatan pada Tabel 3.8 tidak sama dengan jumlah rincian sub "
    "kegiatannya; selisihnya perlu dijelaskan atau angkanya diperbaiki sesuai DPA dan LRA. "
)


def fifty_files(with_findings: int = 35, per_file: int = 15) -> RunResult:
    """50 files (``with_findings`` of them with ``per_file`` findings each, the rest clean),
    some waived and some in a baseline with fixed entries, and skipped files; by hand."""
    from sakip_validate.findings import Finding, Suppression, Text, TextLocation
    from sakip_validate.policy import BaselineOutcome
    from sakip_validate.policy.baseline import Entry
    from sakip_validate.result import FileReport

    files = []
    for n in range(50):
        label = f"laporan/opd-{n:02d}/lkjip-2025.toml"
        findings = []
        for k in range(per_file if n < with_findings else 0):
            severity = SEVERITIES[k % 3]
            suppression = None
            if k == 3:
                suppression = Suppression(
                    "waiver", "Menunggu APBD Perubahan.", "Nama (NIP 1)", "2026-12-31", "a:1"
                )
            elif k == 4:
                suppression = Suppression("baseline", source="baseline.json")
            findings.append(
                Finding(
                    f"ANG{k:03d}",
                    severity,
                    Text(f"{LONG}(#{k} | *{n}*)", f"{LONG}(#{k})"),
                    TextLocation(label, f"/tabel/x/{k}", 10 + k, 3),
                    pack="anggaran",
                    table=Text("Tabel 3.8", "Table 3.8"),
                    printed="1000000",
                    expected="1500000",
                    suppression=suppression,
                )
            )
        files.append(FileReport(label, "toml", findings, checked=True))
    fixed = tuple(Entry("ANG099", f"opd-{n:02d}.toml", "/tabel/x/9", "5") for n in range(40))
    result = RunResult(files=files, skipped=[(f"data/{n}.json", "versi_skema") for n in range(30)])
    result.baseline = BaselineOutcome("baseline.json", 100, 40, fixed)
    return result


def render_within(result: RunResult, budget: int) -> str:
    stream = io.StringIO()
    options = RenderOptions(markdown_max_chars=budget)
    load_output("markdown").render(result, options, stream)  # type: ignore[arg-type]
    return stream.getvalue()


def test_fifty_files_fit_a_pull_request_comment_and_say_what_was_cut() -> None:
    result = fifty_files()
    assert len(result.findings) >= 500
    budget = RenderOptions().markdown_max_chars
    assert budget < 65_536  # GitHub's limit for a comment
    text = render_within(result, budget)
    assert len(text) <= budget
    assert_valid_markdown(text)
    # clean files in one line, not one section each
    assert "✅ 15 berkas tanpa temuan." in text
    assert "### laporan/opd-45/lkjip-2025.toml" not in text
    # the cut is noted, and its count is what the tables lack
    counted = [f for f in result.findings if f.suppression is None]
    shown = [f for f in counted if f"| {f.location.display()} | {f.rule} |" in text]
    assert 0 < len(shown) < len(counted)
    note = next(line for line in text.splitlines() if line.startswith("✂️"))
    files_cut = {f.location.file for f in counted if f not in shown}
    assert f"{len(counted) - len(shown)} temuan di {len(files_cut)} berkas" in note
    assert "60.000 karakter" in note
    # the summary and the notes come first, whatever is cut
    assert text.startswith("## Hasil pemeriksaan LKjIP")
    assert "40 sudah diperbaiki" in text and "30 berkas dilewati" in text


def test_with_room_to_spare_nothing_is_cut() -> None:
    result = fifty_files()
    text = render_within(result, 10_000_000)
    assert "✂️" not in text
    assert_valid_markdown(text)
    for finding in result.findings:
        assert f"| {finding.location.display()} | {finding.rule} |" in text
    assert text.count("\n- data/") == len(result.skipped)
    assert text.count("ANG099 di ") == 40


@pytest.mark.parametrize("budget", [3_000, 5_000, 8_000, 12_345, 20_000, 40_000, 65_536])
def test_every_budget_is_kept_and_the_markdown_stays_valid(budget: int) -> None:
    text = render_within(fifty_files(), budget)
    assert len(text) <= budget
    assert_valid_markdown(text)
    assert "✂️" in text


def test_a_huge_count_table_is_cut_too() -> None:
    result = fifty_files(with_findings=50, per_file=1)
    many = [
        dataclasses.replace(report, label=f"{i}-{report.label}")
        for i in range(40)
        for report in result.files
    ]
    result = dataclasses.replace(result, files=many)
    text = render_within(result, 60_000)
    assert len(text) <= 60_000
    assert_valid_markdown(text)
    assert "berkas lain dengan temuan" in text
    assert "baris tabel jumlah" in text
