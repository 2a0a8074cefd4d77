"""The ``markdown`` and ``reviu`` outputs: Markdown for people.

* ``markdown``: a findings report for a pull-request comment or a CI job summary
  (GitHub-flavoured Markdown: summary tables, then one table of findings per file).
* ``reviu``: a draft *Catatan Hasil Reviu* (CHR) in Bahasa Indonesia that an
  Inspektorat auditor edits and signs: the findings grouped by chapter and table,
  each with its condition, criteria (legal basis) and recommendation.

Every text taken from a report (names, quotes, messages that quote them) goes
through :func:`md_text`, so it stays inert: it can neither break a table, nor
become markup, a link, an @-mention, or a line of its own.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TextIO

from sakip_validate.domain.numbers import format_en, format_id
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.result import FileReport, RunResult

if TYPE_CHECKING:
    from sakip_validate.catalog import RuleInfo

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

# ---------------------------------------------------------------------------
# Shared helpers (also used by the html output)
# ---------------------------------------------------------------------------

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_COMPARISON = re.compile(r"(>=|<=|>|<|=)\s*(-?\d+(?:\.\d+)?)")
_SYMBOL = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}


def _number(text: str, lang: Lang) -> str:
    value = Decimal(text)
    digits = len(text.lstrip("-").split(".")[0])
    if "." not in text and digits < 5:
        return text  # a year, a count, a small whole percentage: as written
    return format_en(value) if lang == "en" else format_id(value)


def display_value(text: str | None, lang: Lang) -> str:
    """A finding's ``printed``/``expected`` value as a reader expects it.

    Plain numbers get the language's decimal mark (``98.98`` → ``98,98``) and,
    for amounts of five digits or more, thousands separators; a list of numbers
    is joined with ``;`` in Indonesian (the comma is the decimal mark there).
    Anything else (a name, ``N/A``) is returned unchanged.
    """
    if text is None:
        return ""
    parts = text.split(", ")
    if len(parts) > 1 and all(_NUMBER.fullmatch(p) or p in ("N/A", "-") for p in parts):
        shown = [_number(p, lang) if _NUMBER.fullmatch(p) else p for p in parts]
        return ("; " if lang == "id" else ", ").join(shown)
    if _NUMBER.fullmatch(text):
        return _number(text, lang)
    compared = _COMPARISON.fullmatch(text)
    if compared:
        return f"{_SYMBOL[compared.group(1)]} {_number(compared.group(2), lang)}"
    return text


def rules_by_id(result: RunResult) -> dict[str, RuleInfo]:
    """The rules of the run, by id."""
    return {rule.id: rule for rule in result.catalog}


def pack_of(finding: Finding, rules: dict[str, RuleInfo]) -> str:
    """The rule pack a finding comes from, as the catalogue says."""
    return finding.pack or "lainnya"


def pack_order(result: RunResult) -> list[str]:
    """Packs in a stable order: those that ran (manifest order), then any other seen."""
    order = [pack for pack, _ in result.manifest.packs] if result.manifest else []
    rules = rules_by_id(result)
    extra = sorted({pack_of(f, rules) for f in result.findings} - set(order))
    return order + extra


def pack_counts(result: RunResult) -> dict[str, dict[Severity, int]]:
    """Findings per pack and severity, for every pack in :func:`pack_order`."""
    rules = rules_by_id(result)
    tally = Counter((pack_of(f, rules), f.severity) for f in result.findings)
    return {pack: {s: tally.get((pack, s), 0) for s in SEVERITIES} for pack in pack_order(result)}


def file_counts(report: FileReport) -> dict[Severity, int]:
    tally = Counter(f.severity for f in report.findings)
    return {s: tally.get(s, 0) for s in SEVERITIES}


def sorted_findings(report: FileReport) -> list[Finding]:
    return sorted(report.findings, key=Finding.sort_key)


def summary_sentence(result: RunResult, lang: Lang) -> str:
    """``2 berkas diperiksa: 16 error, 20 warning, 2 info.``"""
    counts = result.counts()
    files = len(result.files)
    tally = ", ".join(f"{counts[s]} {s.label}" for s in SEVERITIES)
    if lang == "en":
        noun = "file" if files == 1 else "files"
        if not result.findings:
            return f"{files} {noun} checked: no findings."
        return f"{files} {noun} checked: {tally}."
    if not result.findings:
        return f"{files} berkas diperiksa: tidak ada temuan."
    return f"{files} berkas diperiksa: {tally}."


# ---------------------------------------------------------------------------
# Markdown escaping
# ---------------------------------------------------------------------------

# Characters with a meaning in GitHub-flavoured Markdown inline text: emphasis,
# code, links, tables, strike-through, math. Backslash-escaped.
_MD_PUNCT = re.compile(r"([\\`*\[\]|~$])")
# "_" only emphasises at a word boundary: snake_case names stay readable.
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
# GitHub turns "@name" into a mention (a notification) and "#12" into an issue
# link, even when escaped; a WORD JOINER (invisible) between them breaks both.
_MENTION = re.compile(r"([@#])(?=[0-9A-Za-z])")
# URL schemes and "www." would become autolinks: hide the ':' and '.' in entities.
_SCHEME = re.compile(r"(?i)\b(https?|ftp|mailto|javascript|data|file|vbscript)(:)")
_WWW = re.compile(r"(?i)\bwww\.")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def md_text(text: object, *, newline: str = " ") -> str:
    """``text`` as inert Markdown inline text (safe in a table cell or a list item).

    HTML special characters become entities, Markdown punctuation is escaped
    (``|`` → ``\\|``), newlines become ``newline`` (a space, or ``<br>`` in a
    table), and autolinks, @-mentions and #-references are defused.
    """
    value = _CONTROL.sub("", str(text))
    value = html.escape(value, quote=False)
    value = _MD_PUNCT.sub(r"\\\1", value)
    value = _UNDERSCORE.sub(r"\\_", value)
    value = _MENTION.sub("\\1\u2060", value)
    value = _SCHEME.sub(r"\1&#58;", value)
    value = _WWW.sub(lambda m: m.group(0)[:-1] + "&#46;", value)
    return _NEWLINES.sub(newline, value)


def md_cell(text: object) -> str:
    """``text`` for a table cell: inert, on one line, ``<br>`` for a line break."""
    return md_text(text, newline="<br>").strip()


def md_row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


# ---------------------------------------------------------------------------
# markdown: findings report for pull requests and CI job summaries
# ---------------------------------------------------------------------------

_MD_LABELS: dict[Lang, dict[str, str]] = {
    "id": {
        "title": "Hasil pemeriksaan LKjIP (sakip-validate)",
        "file": "Berkas",
        "pack": "Paket aturan",
        "total": "Jumlah",
        "all": "Semua berkas",
        "place": "Letak",
        "rule": "Aturan",
        "severity": "Tingkat",
        "table": "Tabel",
        "message": "Pesan",
        "printed": "Tertulis",
        "expected": "Seharusnya",
        "none": "Tidak ada temuan.",
        "findings": "temuan",
        "unreadable": "berkas tidak dapat dibaca",
        "schema": "skema",
        "packs": "paket",
        "generated": "dibuat",
    },
    "en": {
        "title": "LKjIP check results (sakip-validate)",
        "file": "File",
        "pack": "Rule pack",
        "total": "Total",
        "all": "All files",
        "place": "Place",
        "rule": "Rule",
        "severity": "Severity",
        "table": "Table",
        "message": "Message",
        "printed": "Printed",
        "expected": "Expected",
        "none": "No findings.",
        "findings": "findings",
        "unreadable": "file could not be read",
        "schema": "schema",
        "packs": "packs",
        "generated": "generated",
    },
}

_MARK = {Severity.ERROR: "🔴", Severity.WARNING: "🟡", Severity.INFO: "🔵"}

# A file's findings table is folded into <details> when it is longer than this.
FOLD_AFTER = 10


def _count_row(name: str, counts: dict[Severity, int]) -> str:
    numbers = [str(counts[s]) for s in SEVERITIES]
    return md_row([name, *numbers, str(sum(counts.values()))])


def _count_header(first: str, total: str) -> list[str]:
    return [
        md_row([first, *(s.label for s in SEVERITIES), total]),
        md_row(["---", *("---:" for _ in SEVERITIES), "---:"]),
    ]


def _tally(counts: dict[Severity, int]) -> str:
    return ", ".join(f"{counts[s]} {s.label}" for s in SEVERITIES)


def _manifest_line(result: RunResult, words: dict[str, str]) -> str:
    from sakip_validate import __version__

    manifest = result.manifest
    parts = [f"sakip-validate {manifest.tool_version if manifest else __version__}"]
    if manifest is not None:
        parts.append(f"{words['schema']} {md_text(manifest.schema_id)}")
        if manifest.packs:
            packs = ", ".join(f"{md_text(p)} {md_text(v)}" for p, v in manifest.packs)
            parts.append(f"{words['packs']} {packs}")
        if manifest.generated_at:
            parts.append(f"{words['generated']} {md_text(manifest.generated_at)}")
    return "<sub>" + " · ".join(parts) + "</sub>"


def render_markdown(result: RunResult, lang: Lang) -> str:
    """The whole ``markdown`` report as one string."""
    words = _MD_LABELS[lang]
    out: list[str] = [f"## {words['title']}", "", f"**{summary_sentence(result, lang)}**", ""]

    out += _count_header(words["file"], words["total"])
    for report in result.files:
        name = md_cell(report.label)
        if report.unreadable:
            name += f" ({words['unreadable']})"
        out.append(_count_row(name, file_counts(report)))
    if len(result.files) > 1:
        out.append(_count_row(f"**{words['all']}**", result.counts()))
    out.append("")

    out += _count_header(words["pack"], words["total"])
    for pack, counts in pack_counts(result).items():
        out.append(_count_row(md_cell(pack), counts))
    out.append("")

    header = [
        md_row(
            [
                words["place"],
                words["rule"],
                words["severity"],
                words["table"],
                words["message"],
                words["printed"],
                words["expected"],
            ]
        ),
        md_row(["---"] * 7),
    ]
    for report in result.files:
        out += [f"### {md_text(report.label)}", ""]
        findings = sorted_findings(report)
        if not findings:
            out += [words["none"], ""]
            continue
        folded = len(findings) > FOLD_AFTER
        if folded:
            summary = f"{len(findings)} {words['findings']}: {_tally(file_counts(report))}"
            out += ["<details>", f"<summary>{summary}</summary>", ""]
        out += header
        for finding in findings:
            out.append(
                md_row(
                    [
                        md_cell(finding.location.display()),
                        md_cell(finding.rule),
                        f"{_MARK[finding.severity]} {finding.severity.label}",
                        md_cell(finding.table.get(lang) if finding.table else ""),
                        md_cell(finding.message.get(lang)),
                        md_cell(display_value(finding.printed, lang)),
                        md_cell(display_value(finding.expected, lang)),
                    ]
                )
            )
        out.append("")
        if folded:
            out += ["</details>", ""]
    out.append(_manifest_line(result, words))
    return "\n".join(out) + "\n"


class MarkdownOutput:
    """A findings report in GitHub-flavoured Markdown (PR comment, CI job summary)."""

    name = "markdown"
    description = "Markdown report for a pull-request comment or a CI job summary"
    binary = False
    needs_data = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_markdown(result, options.lang))


# ---------------------------------------------------------------------------
# reviu: draft Catatan Hasil Reviu (always an Indonesian document)
# ---------------------------------------------------------------------------

_PERMENPAN = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
    "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara "
    "Reviu atas Laporan Kinerja Instansi Pemerintah"
)

# Headings: Indonesian always; with --lang en an English gloss follows.
_HEADINGS: dict[str, tuple[str, str]] = {
    "title": ("CATATAN HASIL REVIU", "Review notes"),
    "identity": ("Identitas", "Identification"),
    "intro": ("Pendahuluan", "Introduction"),
    "results": ("Hasil Reviu", "Review results"),
    "bab2": ("Bab II Perencanaan Kinerja", "Chapter II, performance planning"),
    "bab3": ("Bab III Akuntabilitas Kinerja", "Chapter III, performance accountability"),
    "narasi": ("Narasi Laporan", "Narrative"),
    "kelengkapan": ("Kelengkapan Laporan dan Penandatanganan", "Completeness and signatures"),
    "lainnya": ("Catatan Lainnya", "Other notes"),
    "closing": ("Simpulan", "Conclusion"),
    "signature": ("Tim Reviu", "Review team"),
}

_BAB = {
    "1": "Bab I Pendahuluan",
    "2": "Bab II Perencanaan Kinerja",
    "3": "Bab III Akuntabilitas Kinerja",
    "4": "Bab IV Penutup",
}

_SEVERITY_ID = {
    Severity.ERROR: "kesalahan",
    Severity.WARNING: "peringatan",
    Severity.INFO: "informasi",
}

_DOTS = "." * 40


def _heading(key: str, lang: Lang) -> str:
    indonesian, english = _HEADINGS[key]
    return f"{indonesian} ({english})" if lang == "en" else indonesian


def _lookup(data: Any, pointer: str) -> Any:
    """The value at a JSON pointer of the report data (None when absent)."""
    node = data
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def _text_field(data: Any, *path: str) -> str | None:
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    if node is None or isinstance(node, dict | list):
        return None
    return str(node)


def _table_number_key(table: str) -> tuple[int, ...]:
    numbers = re.findall(r"\d+", table)
    return tuple(int(n) for n in numbers) if numbers else (999,)


def _table_titles(data: Any) -> dict[str, str]:
    """``{"Tabel 3.2": "Perbandingan Target dan Realisasi Kinerja"}`` from the report."""
    titles: dict[str, str] = {}
    tables = data.get("tabel") if isinstance(data, dict) else None
    if not isinstance(tables, dict):
        return titles
    for table in tables.values():
        if isinstance(table, dict) and isinstance(table.get("nomor"), str):
            judul = table.get("judul")
            titles[f"Tabel {table['nomor']}"] = judul if isinstance(judul, str) else ""
    return titles


def _group(
    finding: Finding, data: Any, rules: dict[str, RuleInfo]
) -> tuple[tuple[Any, ...], str, str]:
    """(sort key, chapter key, sub-heading) of a finding in the note."""
    pointer = finding.location.pointer
    if pointer.startswith("/narasi/"):
        parts = pointer.split("/")
        bab = _text_field(_lookup(data, "/".join(parts[:4])), "bab") if len(parts) > 3 else None
        chapter = (bab or "").split(".")[0]
        return (2, chapter or "9"), "narasi", _BAB.get(chapter, "Bab lain")
    table = finding.table.id if finding.table else None
    if table and not pointer.startswith(("/kelengkapan", "/penandatangan")):
        number = _table_number_key(table)
        chapter = {2: "bab2", 3: "bab3"}.get(number[0], "lainnya")
        rank = {"bab2": 0, "bab3": 1}.get(chapter, 4)
        return (rank, *number), chapter, table
    if pointer.startswith(("/kelengkapan", "/penandatangan")) or (
        pack_of(finding, rules) == "kelengkapan"
    ):
        return (3,), "kelengkapan", ""
    return (4,), "lainnya", ""


def _place(finding: Finding) -> str:
    location = finding.location
    where = md_text(location.file)
    if location.line is not None:
        where += f" baris {location.line}"
        if location.column is not None:
            where += f" kolom {location.column}"
    return where


def _point(number: int, finding: Finding, rules: dict[str, RuleInfo]) -> list[str]:
    rule = rules.get(finding.rule)
    recommendation = rule.fix.id if rule else (finding.hint.id if finding.hint else "")
    basis = finding.legal_basis or (rule.legal_basis if rule else "")
    lines = [f"{number}. **Kondisi:** {md_text(finding.message.id)}"]
    indent = " " * (len(str(number)) + 2)
    printed = md_text(display_value(finding.printed, "id")) if finding.printed else ""
    expected = md_text(display_value(finding.expected, "id")) if finding.expected else ""
    if expected == printed:
        expected = ""  # says nothing more than "tertulis" (and would read as "correct")
    if printed:
        lines.append(f"{indent}- **Tertulis:** {printed}")
    if expected:
        lines.append(f"{indent}- **Seharusnya:** {expected}")
    if basis:
        lines.append(f"{indent}- **Kriteria:** {md_text(basis)}")
    if recommendation:
        lines.append(f"{indent}- **Rekomendasi:** {md_text(recommendation)}")
    severity = _SEVERITY_ID[finding.severity]
    lines.append(
        f"{indent}- *Rujukan: {_place(finding)}; aturan {md_text(finding.rule)} ({severity}).*"
    )
    return lines


def _unit_phrase(data: Any) -> tuple[str, str, str]:
    """(unit, pemerintah daerah, tahun anggaran) as written; placeholders when unknown."""
    unit = _text_field(data, "laporan", "unit", "nama") or "[nama unit]"
    pemda = _text_field(data, "laporan", "unit", "pemerintah_daerah") or ""
    year = _text_field(data, "laporan", "tahun_anggaran") or "[tahun]"
    return unit, pemda, year


def _composition(counts: dict[Severity, int]) -> str:
    """``16 kesalahan yang perlu diperbaiki, 20 peringatan ... dan 2 catatan informasi``."""
    phrases = {
        Severity.ERROR: "kesalahan yang perlu diperbaiki",
        Severity.WARNING: "peringatan yang perlu mendapat perhatian",
        Severity.INFO: "catatan yang bersifat informasi",
    }
    parts = [f"{counts[s]} {phrases[s]}" for s in SEVERITIES if counts[s]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]


def render_review_note(report: FileReport, result: RunResult, lang: Lang) -> list[str]:
    """The Catatan Hasil Reviu for one file, as Markdown lines."""
    from sakip_validate import __version__

    rules = rules_by_id(result)
    data = report.data
    unit, pemda, year = _unit_phrase(data)
    unit_md, pemda_md, year_md = md_text(unit), md_text(pemda), md_text(year)
    subject = f"{unit_md} {pemda_md}".strip()
    out = [
        f"# {_heading('title', lang)}",
        "",
        f"**Laporan Kinerja Instansi Pemerintah (LKjIP) {subject} Tahun Anggaran {year_md}**",
        "",
        "*Draf disusun dengan bantuan sakip-validate; periksa, lengkapi dan sesuaikan sebelum "
        "ditandatangani.*",
        "",
        f"## {_heading('identity', lang)}",
        "",
        md_row(["Uraian", "Keterangan"]),
        md_row(["---", "---"]),
        md_row(["Unit yang direviu", md_cell(unit)]),
        md_row(["Pemerintah daerah", md_cell(pemda) or "—"]),
        md_row(["Tahun anggaran", md_cell(year)]),
    ]
    judul = _text_field(data, "laporan", "judul")
    if judul:
        out.append(md_row(["Judul laporan", md_cell(judul)]))
    source = md_cell(report.label)
    if report.sha256:
        source += f" (SHA-256 {md_cell(report.sha256)})"
    out += [md_row(["Berkas data", source]), ""]

    version = result.manifest.tool_version if result.manifest else __version__
    out += [
        f"## {_heading('intro', lang)}",
        "",
        f"Kami telah melakukan reviu atas Laporan Kinerja Instansi Pemerintah (LKjIP) {subject} "
        f"Tahun Anggaran {year_md}. Reviu dilaksanakan berdasarkan {_PERMENPAN}, Lampiran III "
        "(Pedoman Reviu atas Laporan Kinerja).",
        "",
        "Reviu bertujuan memberikan keyakinan terbatas mengenai akurasi, keandalan dan keabsahan "
        "data dan informasi kinerja dalam LKjIP, sehingga dihasilkan laporan kinerja yang "
        "berkualitas. Reviu bukan audit dan tidak dimaksudkan untuk memberikan pendapat atas "
        f"LKjIP. Penyajian LKjIP merupakan tanggung jawab pimpinan {unit_md}.",
        "",
        "Catatan berikut memuat hasil pengujian ketepatan angka, kesesuaian antartabel dan "
        "narasi, serta kelengkapan laporan, yang dilakukan dengan bantuan sakip-validate "
        f"{md_text(version)}. Setiap catatan perlu dikonfirmasi dengan data dukung sebelum "
        "catatan ini difinalkan.",
        "",
        f"## {_heading('results', lang)}",
        "",
    ]

    findings = sorted_findings(report)
    if not findings:
        out += [
            "Pengujian tidak menemukan ketidaksesuaian angka, ketidakkonsistenan antartabel "
            "dan narasi, maupun kekurangan kelengkapan laporan.",
            "",
        ]
    grouped = sorted(
        ((_group(f, data, rules), index, f) for index, f in enumerate(findings)),
        key=lambda item: (item[0][0], item[1]),
    )
    titles = _table_titles(data)
    chapter_seen: str | None = None
    sub_seen: str | None = None
    for number, ((_, chapter, sub), _, finding) in enumerate(grouped, start=1):
        if chapter != chapter_seen:
            out += [f"### {_heading(chapter, lang)}", ""]
            chapter_seen, sub_seen = chapter, None
        if sub and sub != sub_seen:
            title = titles.get(sub, "") if chapter != "narasi" else ""
            heading = f"{md_text(sub)} {md_text(title)}".strip()
            out += [f"#### {heading}", ""]
            sub_seen = sub
        out += [*_point(number, finding, rules), ""]

    counts = file_counts(report)
    out += [f"## {_heading('closing', lang)}", ""]
    if findings:
        out += [
            f"Berdasarkan hasil reviu, terdapat {len(findings)} catatan atas LKjIP {subject} "
            f"Tahun Anggaran {year_md}, yang terdiri atas {_composition(counts)}. "
            "Kami merekomendasikan agar "
            f"{unit_md} memperbaiki LKjIP sesuai catatan di atas dan menyampaikan perbaikannya "
            "kepada Tim Reviu sebelum LKjIP dipublikasikan.",
            "",
        ]
    else:
        out += [
            f"Berdasarkan hasil reviu, tidak terdapat catatan atas LKjIP {subject} Tahun "
            f"Anggaran {year_md}. Simpulan akhir tetap memerlukan penelaahan data dukung oleh "
            "Tim Reviu.",
            "",
        ]
    inspektorat = f"Inspektorat {pemda_md}" if pemda else "Inspektorat"
    out += [
        f"## {_heading('signature', lang)}",
        "",
        f"{_DOTS}, {_DOTS}",
        "",
        f"Tim Reviu {inspektorat}",
        "",
    ]
    for role in ("Ketua Tim", "Pengendali Teknis"):
        out += [
            f"{role},",
            "",
            "&nbsp;",
            "",
            "&nbsp;",
            "",
            f"Nama: {_DOTS}",
            "",
            f"NIP: {_DOTS}",
            "",
            f"Tanggal: {_DOTS}",
            "",
        ]
    if result.manifest and result.manifest.generated_at:
        out += [f"*Disusun otomatis: {md_text(result.manifest.generated_at)}*", ""]
    return out


def render_review_notes(result: RunResult, lang: Lang) -> str:
    """One note per file, separated by a horizontal rule."""
    parts = [render_review_note(report, result, lang) for report in result.files]
    lines: list[str] = []
    for index, part in enumerate(parts):
        if index:
            lines += ["---", ""]
        lines += part
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


class ReviewNoteOutput:
    """A draft Catatan Hasil Reviu (CHR) in Bahasa Indonesia, as Markdown to edit."""

    name = "reviu"
    needs_data = True  # the note names the unit, the pemda and the year
    description = "draf Catatan Hasil Reviu (Markdown, Bahasa Indonesia) untuk Inspektorat"
    binary = False

    def render(self, result: RunResult, options: RenderOptions, stream: TextIO) -> None:
        stream.write(render_review_notes(result, options.lang))
