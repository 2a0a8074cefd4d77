"""The ``reviu`` output: a draft Catatan Hasil Reviu (CHR) that an Inspektorat auditor edits.

Always a document in Bahasa Indonesia (with ``--lang en`` the headings carry an
English gloss): identification, introduction after PermenPAN-RB 53/2014
Lampiran III, the findings grouped by chapter and printed table (each with its
condition, criteria and recommendation), the rules that did not apply to the
report (its kind, unit level or scope) in one line, a conclusion and the
signature blanks.
Report texts go through :func:`~.markdown.md_text`, so they stay inert.

The policy's marks read as an auditor writes them: a waived finding keeps its
point, with the exception (reason, the approving official, last day); one the
baseline holds is a repeated note (*catatan berulang*); what the baseline lists
as fixed since is a follow-up section (*tindak lanjut*) in the note of its file.
A configuration file's findings (an expired or unused waiver) and fixed findings
of files not in this run follow the notes, in a section of their own.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from sakip_validate import __version__
from sakip_validate.domain.labels import Labels, severity_word
from sakip_validate.domain.view import ReportView
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.outputs import RenderOptions
from sakip_validate.policy.baseline import Entry
from sakip_validate.result import FileReport, RunResult

from .markdown import md_cell, md_row, md_text
from .summary import (
    SEVERITIES,
    date_text,
    display_value,
    file_counts,
    fixed_label,
    skipped_rules_sentence,
    sorted_findings,
    table_heading,
)

_PERMENPAN = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
    "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara "
    "Reviu atas Laporan Kinerja Instansi Pemerintah"
)

# Headings: Indonesian always; with --lang en the English gloss follows.
HEADINGS = Labels(
    {
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
        "followup": ("Tindak Lanjut Catatan Sebelumnya", "Follow-up of earlier notes"),
        "policy": (
            "Catatan atas Pengecualian dan Baseline Pemeriksaan",
            "Notes on the check's waivers and baseline",
        ),
    }
)

SEVERITY_PHRASES = Labels(
    {
        Severity.ERROR.label: ("kesalahan yang perlu diperbaiki", "errors to correct"),
        Severity.WARNING.label: (
            "peringatan yang perlu mendapat perhatian",
            "warnings to look into",
        ),
        Severity.INFO.label: ("catatan yang bersifat informasi", "notes for information"),
    }
)

# Narrative sections by the chapter they stand in.
_BAB = Labels(
    {
        "1": ("Bab I Pendahuluan", "Chapter I"),
        "2": ("Bab II Perencanaan Kinerja", "Chapter II"),
        "3": ("Bab III Akuntabilitas Kinerja", "Chapter III"),
        "4": ("Bab IV Penutup", "Chapter IV"),
    }
)

# Where PermenPAN-RB 53/2014 Lampiran II puts a table the report does not number:
# the plans (IKU, tujuan and sasaran, Perjanjian Kinerja) in Bab II, the rest in Bab III.
_PLANNING_TABLES = frozenset({"iku", "tujuan_sasaran", "perjanjian_kinerja", "program_pk"})

_DOTS = "." * 40


def _heading(key: str, lang: Lang) -> str:
    text = HEADINGS.text(key)
    return f"{text.id} ({text.en})" if lang == "en" else text.id


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


def _table_place(finding: Finding, view: ReportView) -> tuple[tuple[Any, ...], str, str]:
    """(sort key, chapter key, sub-heading) of a finding about a printed table.

    A numbered table goes under the chapter its number names ("3.2" → Bab III),
    headed as printed ("Tabel 3.2" and its title); an unnumbered one goes where
    Lampiran II puts what it holds, headed by its printed title or by what it holds.
    """
    key = finding.table_key or ""
    nomor = view.raw_table(key).get("nomor")
    numbers = tuple(int(n) for n in re.findall(r"\d+", nomor)) if isinstance(nomor, str) else ()
    if numbers:
        chapter = {2: "bab2", 3: "bab3"}.get(numbers[0], "lainnya")
    else:
        chapter = "bab2" if key.split(".")[0] in _PLANNING_TABLES else "bab3"
        numbers = (999,)
    heading = table_heading(view, key, "id")
    rank = {"bab2": 0, "bab3": 1}.get(chapter, 4)
    return (rank, numbers, heading), chapter, heading


def _group(finding: Finding, view: ReportView) -> tuple[tuple[Any, ...], str, str]:
    """(sort key, chapter key, sub-heading) of a finding in the note."""
    pointer = finding.location.pointer
    if pointer.startswith("/narasi/"):
        parts = pointer.split("/")
        section = _lookup(view.data, "/".join(parts[:4])) if len(parts) > 3 else None
        chapter = (_text_field(section, "bab") or "").split(".")[0]
        name = _BAB.get(chapter, "id") if chapter in _BAB else "Bab lain"
        return (2, chapter or "9"), "narasi", name
    completeness = pointer.startswith(("/kelengkapan", "/penandatangan"))
    if finding.table_key and not completeness:
        return _table_place(finding, view)
    if completeness or finding.pack == "kelengkapan":
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


def _point(number: int, finding: Finding, result: RunResult) -> list[str]:
    rule = result.catalog.get(finding.rule)
    fix = rule.fix if rule is not None and rule.fix is not None else finding.hint
    recommendation = fix.id if fix is not None else ""
    basis = finding.legal_basis or (rule.legal_basis if rule is not None else None)
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
    severity = severity_word(finding.severity, "id")
    suppression = finding.suppression
    if suppression is not None and suppression.kind == "waiver":
        reason = suppression.reason.strip()
        if reason and reason[-1] not in ".!?":
            reason += "."
        lines.append(
            f"{indent}- **Pengecualian:** {md_text(reason)} Disetujui oleh "
            f"{md_text(suppression.approver)}, berlaku sampai "
            f"{date_text(suppression.expires, 'id')} ({md_text(suppression.source)}); "
            "catatan ini tidak menggagalkan pemeriksaan selama pengecualian berlaku."
        )
    elif suppression is not None:
        lines.append(
            f"{indent}- **Catatan berulang:** sudah tercatat pada baseline "
            f"{md_text(suppression.source)} dan belum diperbaiki."
        )
    lines.append(
        f"{indent}- *Rujukan: {_place(finding)}; aturan {md_text(finding.rule)} ({severity}).*"
    )
    return lines


def _fixed_point(entry: Entry, result: RunResult, view: ReportView | None) -> str:
    """A finding of the baseline that no longer occurs, named as the printed report names
    its table (the data's place only when it is in no table)."""
    parts = []
    pointer = entry.pointer.split("/")
    if (
        view is not None
        and len(pointer) > 2
        and pointer[1] == "tabel"
        and view.has_table(pointer[2])
    ):
        parts.append(md_text(view.table_label(pointer[2]).id))
    rule = f"aturan {md_text(entry.rule)}"
    title = result.catalog.title_of(entry.rule).id
    if title and title != entry.rule:
        rule += f" ({md_text(title)})"
    parts.append(rule)
    if not parts[:-1]:
        parts.append(md_text(entry.pointer))
    printed = (
        f", dahulu tertulis {md_text(display_value(entry.printed, 'id'))}" if entry.printed else ""
    )
    return f"- Sudah diperbaiki: {', '.join(parts)}{printed}."


def _marked(findings: list[Finding]) -> str:
    """`` Dari catatan tersebut, 2 dikecualikan ... dan 1 merupakan catatan berulang ...``."""
    kinds = [f.suppression.kind for f in findings if f.suppression is not None]
    parts = []
    if kinds.count("waiver"):
        parts.append(
            f"{kinds.count('waiver')} dikecualikan dengan persetujuan pejabat yang berwenang"
        )
    if kinds.count("baseline"):
        parts.append(f"{kinds.count('baseline')} merupakan catatan berulang dari baseline")
    if not parts:
        return ""
    return " Dari catatan tersebut, " + " dan ".join(parts) + "."


def _unit_phrase(data: Any) -> tuple[str, str, str]:
    """(unit, pemerintah daerah, tahun anggaran) as written; placeholders when unknown."""
    unit = _text_field(data, "laporan", "unit", "nama") or "[nama unit]"
    pemda = _text_field(data, "laporan", "unit", "pemerintah_daerah") or ""
    year = _text_field(data, "laporan", "tahun_anggaran") or "[tahun]"
    return unit, pemda, year


def _composition(counts: dict[Severity, int]) -> str:
    """``16 kesalahan yang perlu diperbaiki, 20 peringatan ... dan 2 catatan ...``."""
    parts = [f"{counts[s]} {SEVERITY_PHRASES.get(s.label, 'id')}" for s in SEVERITIES if counts[s]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]


def render_review_note(report: FileReport, result: RunResult, lang: Lang) -> list[str]:
    """The Catatan Hasil Reviu for one file, as Markdown lines."""
    view = ReportView(report.data)
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
        ((_group(f, view), index, f) for index, f in enumerate(findings)),
        key=lambda item: (item[0][0], item[1]),
    )
    chapter_seen: str | None = None
    sub_seen: str | None = None
    for number, ((_, chapter, sub), _, finding) in enumerate(grouped, start=1):
        if chapter != chapter_seen:
            out += [f"### {_heading(chapter, lang)}", ""]
            chapter_seen, sub_seen = chapter, None
        if sub and sub != sub_seen:
            out += [f"#### {md_text(sub)}", ""]
            sub_seen = sub
        out += [*_point(number, finding, result), ""]

    not_applicable = skipped_rules_sentence(report, "id")
    if not_applicable is not None:
        out += [f"*{md_text(not_applicable)}*", ""]

    outcome = result.baseline
    fixed = [e for e in outcome.fixed if fixed_label(outcome, e) == report.label] if outcome else []
    if fixed and outcome is not None:
        out += [
            f"### {_heading('followup', lang)}",
            "",
            f"Dibandingkan dengan baseline {md_text(outcome.source)}, {len(fixed)} catatan "
            "sebelumnya tidak ditemukan lagi:",
            "",
            *(_fixed_point(entry, result, view) for entry in fixed),
            "",
        ]

    out += [f"## {_heading('closing', lang)}", ""]
    if findings:
        out += [
            f"Berdasarkan hasil reviu, terdapat {len(findings)} catatan atas LKjIP {subject} "
            f"Tahun Anggaran {year_md}, yang terdiri atas {_composition(file_counts(report))}."
            f"{_marked(findings)} Kami merekomendasikan agar "
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


def _policy_section(result: RunResult, lang: Lang) -> list[str]:
    """Findings about the configuration's waivers, and fixed findings of files not in
    the run: they belong to no report's note."""
    configs = [r for r in result.files if r.role != "report" and r.findings]
    labels = {report.label for report in result.reports}
    outcome = result.baseline
    others = [e for e in outcome.fixed if fixed_label(outcome, e) not in labels] if outcome else []
    if not configs and not others:
        return []
    out = [f"## {_heading('policy', lang)}", ""]
    number = 0
    for report in configs:
        out += [f"### {md_text(report.label)}", ""]
        for finding in sorted_findings(report):
            number += 1
            out += [*_point(number, finding, result), ""]
    if others and outcome is not None:
        out += [f"### {_heading('followup', lang)}", ""]
        out += [
            f"Catatan pada baseline {md_text(outcome.source)} atas berkas yang tidak "
            "diperiksa kali ini (berkasnya tidak ada lagi atau tidak disertakan), sehingga "
            "catatan itu tidak muncul lagi:",
            "",
        ]
        out += [
            f"- {md_text(fixed_label(outcome, e))}: "
            + _fixed_point(e, result, None).removeprefix("- Sudah diperbaiki: ")
            for e in others
        ]
        out.append("")
    return out


def render_review_notes(result: RunResult, lang: Lang) -> str:
    """One note per input file, separated by a horizontal rule; then the policy's section."""
    lines: list[str] = []
    for index, report in enumerate(result.reports):
        if index:
            lines += ["---", ""]
        lines += render_review_note(report, result, lang)
    policy = _policy_section(result, lang)
    if policy:
        lines += ["---", "", *policy]
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
