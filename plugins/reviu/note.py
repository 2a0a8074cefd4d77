"""What the review note says, built once from the run result; the renderers only lay it out.

A :class:`Note` is a Catatan Hasil Reviu (CHR) for one report: the letterhead,
the title naming the report by its kind (LKjIP, LKj, LKPJ), and sections of
typed blocks in reading order:

A. identification (with the Surat Tugas, the reviu period and the KKR index),
B. the team, C. basis, purpose, scope and what was checked, D. the findings
grouped by chapter and printed table, each cited at its printed place with its
printed and expected figures and criteria, E. the recommendations (each distinct
recommendation once, with every place it applies to), F. the conclusion,
G. the signature blocks; then, as attachments, the draft Pernyataan Telah
Direviu and the technical references (data file, lines, JSON pointers, rule
codes) that only the review team reads.

The note is in Bahasa Indonesia whatever ``--lang`` says (with ``--lang en``
headings carry an English gloss). Everything an auditee reads names the printed
report (tables, rows, chapters); data keys, file lines and rule codes stand in
the technical attachment only. The particulars the auditor supplies
(``RenderOptions.reviu``) fill the fields; an empty one is a dotted line to
fill by hand. Texts are plain strings: each renderer escapes them its own way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sakip_validate import __version__
from sakip_validate.domain.citation import cite as cite_place
from sakip_validate.domain.citation import shorten
from sakip_validate.domain.labels import Labels, severity_word
from sakip_validate.domain.scope import scope_of
from sakip_validate.domain.view import ReportView
from sakip_validate.findings import Finding, Lang, Severity
from sakip_validate.papers import Person, ReviewParticulars
from sakip_validate.policy.baseline import Entry
from sakip_validate.result import FileReport, RunResult

from ..summary import (
    SEVERITIES,
    date_text,
    display_value,
    fixed_label,
    severity_counts,
    skipped_rules_sentence,
    sorted_findings,
    table_heading,
)

__all__ = [
    "BLANK",
    "Block",
    "Bullets",
    "Chapter",
    "Field",
    "Fields",
    "Group",
    "Note",
    "Paragraph",
    "Point",
    "Points",
    "Recommendation",
    "Recommendations",
    "Section",
    "Signature",
    "Signatures",
    "Statement",
    "Table",
    "Team",
    "TeamRow",
    "build_notes",
    "cite",
    "policy_note",
]

# A field nobody filled: a dotted line the auditor completes by hand.
BLANK = "." * 40
SHORT_BLANK = "." * 25
NAME_WIDTH = 200  # characters of a unit name or title the note prints

PERMENPAN_53 = (
    "Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
    "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara "
    "Reviu atas Laporan Kinerja Instansi Pemerintah"
)

# Headings: Indonesian always; with --lang en the English gloss follows.
HEADINGS = Labels(
    {
        "title": ("CATATAN HASIL REVIU", "Review notes"),
        "identity": ("Identitas Reviu", "Identification"),
        "team": ("Tim Reviu", "Review team"),
        "basis": (
            "Dasar, Tujuan dan Ruang Lingkup Reviu",
            "Basis, purpose and scope",
        ),
        "results": ("Hasil Reviu", "Review results"),
        "recommendations": ("Rekomendasi", "Recommendations"),
        "closing": ("Simpulan", "Conclusion"),
        "signature": ("Tanda Tangan Tim Reviu", "Signatures of the review team"),
        "statement": (
            "Lampiran 1. Draf Pernyataan Telah Direviu",
            "Attachment 1, draft statement of review",
        ),
        "technical": (
            "Lampiran 2. Rujukan Teknis untuk Tim Reviu",
            "Attachment 2, technical references for the review team",
        ),
        "bab2": ("Bab II Perencanaan Kinerja", "Chapter II, performance planning"),
        "bab3": ("Bab III Akuntabilitas Kinerja", "Chapter III, performance accountability"),
        "narasi": ("Narasi Laporan", "Narrative"),
        "kelengkapan": ("Kelengkapan Laporan dan Penandatanganan", "Completeness and signatures"),
        "lainnya": ("Catatan Lainnya", "Other notes"),
        "followup": ("Tindak Lanjut Catatan Sebelumnya", "Follow-up of earlier notes"),
        "references": ("Rujukan Teknis", "Technical references"),
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

# The report named by its kind (laporan.jenis, as the schema spells it): its full
# name and how a sentence refers to it again; a file that does not say is a Laporan Kinerja.
REPORT_NAMES: dict[str, tuple[str, str]] = {
    "LKjIP": ("Laporan Kinerja Instansi Pemerintah (LKjIP)", "LKjIP"),
    "LKj": ("Laporan Kinerja (LKj)", "LKj"),
    "LKPJ": ("Laporan Keterangan Pertanggungjawaban (LKPJ)", "LKPJ"),
    "lainnya": ("dokumen kinerja", "dokumen kinerja"),
    "": ("Laporan Kinerja", "Laporan Kinerja"),
}

# Narrative sections by the chapter they stand in.
_BAB = Labels(
    {
        "1": ("Bab I Pendahuluan", "Chapter I"),
        "2": ("Bab II Perencanaan Kinerja", "Chapter II"),
        "3": ("Bab III Akuntabilitas Kinerja", "Chapter III"),
        "4": ("Bab IV Penutup", "Chapter IV"),
    }
)

# Parts of the report a signature block stands in (penandatangan.bagian).
_PARTS = {
    "kata_pengantar": "Kata Pengantar",
    "penutup": "Bab IV Penutup",
    "pernyataan_telah_direviu": "Pernyataan Telah Direviu",
    "perjanjian_kinerja": "Lampiran Perjanjian Kinerja",
}

# Where PermenPAN-RB 53/2014 Lampiran II puts a table the report does not number:
# the plans (IKU, tujuan and sasaran, Perjanjian Kinerja) in Bab II, the rest in Bab III.
_PLANNING_TABLES = frozenset({"iku", "tujuan_sasaran", "perjanjian_kinerja", "program_pk"})

WHOLE_REPORT = "laporan secara keseluruhan"

# Findings about the data file itself (it could not be read, it breaks the schema, a pack
# failed to load, an internal error): for whoever edits the file, not about the printed
# report; the note lists them in its technical attachment only.
DATA_FILE_PACKS = frozenset({"berkas", "skema", "paket", "internal"})

# Unit levels that belong to a pemda (unknown counts as one: the field stays to fill).
_REGIONAL = frozenset(
    {None, "pemda_provinsi", "pemda_kabupaten", "pemda_kota", "opd", "kecamatan", "kelurahan"}
    | {"uptd", "lainnya"}
)


# -- the content model ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text. ``kind``: ``body``; ``note`` (a remark, in italics); ``subheading``
    (a heading one level below its section's)."""

    text: str
    kind: str = "body"


@dataclass(frozen=True, slots=True)
class Field:
    """A label and its value; an empty value is a blank to fill by hand."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Fields:
    fields: tuple[Field, ...]


@dataclass(frozen=True, slots=True)
class TeamRow:
    role: str
    person: Person


@dataclass(frozen=True, slots=True)
class Team:
    rows: tuple[TeamRow, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A small table of fixed texts (counts, references); ``widths`` are relative."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Point:
    """One finding as the note states it."""

    number: int
    severity: str  # the Indonesian word: kesalahan, peringatan, informasi
    place: str  # where in the printed report; WHOLE_REPORT when nowhere in particular
    condition: str
    printed: str
    expected: str
    criteria: str
    recommendation: int | None  # its number in the recommendations section
    mark: str  # the policy's mark (waiver, repeated note), "" when none
    # the technical attachment only
    rule: str = ""
    line: str = ""  # "167:33" in the data file (line, column), "" when unknown
    pointer: str = ""  # the JSON pointer of the value
    source: str = ""  # where a waiver or baseline entry is declared


@dataclass(frozen=True, slots=True)
class Group:
    """The points about one printed table, or about one chapter of the text.

    ``criteria``: the criteria every point of the group shares, said once (each
    point's own ``criteria`` is then empty); "" when they differ.
    """

    heading: str  # "" when the chapter needs no sub-heading
    points: tuple[Point, ...]
    criteria: str = ""


@dataclass(frozen=True, slots=True)
class Chapter:
    heading: str  # "" when its section's heading says it already
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class Points:
    """The points by chapter; ``answered_in`` names the section that holds the
    recommendations they refer to by number ("bagian E")."""

    chapters: tuple[Chapter, ...]
    answered_in: str = ""


@dataclass(frozen=True, slots=True)
class Recommendation:
    """A recommendation, once, with the points it answers and their places."""

    number: int
    text: str
    points: tuple[int, ...]
    places: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Recommendations:
    items: tuple[Recommendation, ...]


@dataclass(frozen=True, slots=True)
class Signature:
    caption: str  # "Disusun oleh"
    role: str  # "Ketua Tim"
    person: Person
    date: str  # as written ("14 Maret 2022"), "" to fill by hand


@dataclass(frozen=True, slots=True)
class Signatures:
    place_date: str  # "Slawi, 14 Maret 2022" or blanks
    blocks: tuple[Signature, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    """The draft Pernyataan Telah Direviu: title, the report, the standard paragraphs,
    what the auditor must still settle, and the signature of the APIP's head."""

    title: str
    subject: tuple[str, ...]
    paragraphs: tuple[str, ...]
    instructions: tuple[str, ...]
    place_date: str
    signer_role: str
    signer: Person


Block = (
    Paragraph | Fields | Team | Table | Bullets | Points | Recommendations | Signatures | Statement
)


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    new_page: bool = False  # a Word document starts it on a new page


@dataclass(frozen=True, slots=True)
class Note:
    """The whole note of one report (or the run's section on waivers and baseline)."""

    kop: tuple[str, ...]  # letterhead lines
    title: str
    subtitle: str
    notice: str  # the draft notice under the title
    running_head: str  # a Word page header
    sections: tuple[Section, ...]
    points: tuple[Point, ...] = field(default=())  # every point, in number order


# -- citing the printed report -------------------------------------------------------


def cite(finding: Finding) -> str:
    """Where ``finding`` stands in the printed report, as the auditee looks it up.

    The shared citation of ``finding.place`` (``Tabel 3.3, baris 1 (…), kolom
    Capaian 2020, hlm. 40-47``); empty when the finding has no printed place.
    """
    return cite_place(finding, "id")


# -- reading the data ------------------------------------------------------------------


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
    """A name the note prints, cut to :data:`NAME_WIDTH` (a unit name is never a page long)."""
    node = data
    for key in path:
        node = node.get(key) if isinstance(node, dict) else None
    if node is None or isinstance(node, dict | list | bool):
        return None
    return shorten(" ".join(str(node).split()), NAME_WIDTH)


@dataclass(frozen=True, slots=True)
class _Subject:
    """The reviewed report as the note names it."""

    unit: str  # "" when the data does not say
    pemda: str
    year: str
    judul: str
    long_name: str  # "Laporan Kinerja Instansi Pemerintah (LKjIP)"
    short_name: str  # "LKjIP"

    @property
    def entity(self) -> str:
        """``Kecamatan Jatinegara Kabupaten Tegal`` (blanks for what is unknown)."""
        return f"{self.unit or SHORT_BLANK} {self.pemda}".strip()

    @property
    def year_text(self) -> str:
        return self.year or SHORT_BLANK


def _subject(data: Any) -> _Subject:
    jenis = scope_of(data).jenis or ""
    long_name, short_name = REPORT_NAMES.get(jenis, REPORT_NAMES[""])
    return _Subject(
        unit=_text_field(data, "laporan", "unit", "nama") or "",
        pemda=_text_field(data, "laporan", "unit", "pemerintah_daerah") or "",
        year=_text_field(data, "laporan", "tahun_anggaran") or "",
        judul=_text_field(data, "laporan", "judul") or "",
        long_name=long_name,
        short_name=short_name,
    )


# -- grouping -----------------------------------------------------------------------


def _heading(key: str, lang: Lang) -> str:
    text = HEADINGS.text(key)
    return f"{text.id} ({text.en})" if lang == "en" else text.id


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


# -- points and recommendations ----------------------------------------------------------


def _recommendation_text(finding: Finding, result: RunResult) -> str:
    rule = result.catalog.get(finding.rule)
    fix = rule.fix if rule is not None and rule.fix is not None else finding.hint
    return fix.id.strip() if fix is not None else ""


def _criteria(finding: Finding, result: RunResult) -> str:
    rule = result.catalog.get(finding.rule)
    return finding.legal_basis or (rule.legal_basis if rule is not None else None) or ""


def _mark(finding: Finding) -> tuple[str, str]:
    """(what the note says of the policy's mark, where it is declared)."""
    suppression = finding.suppression
    if suppression is None:
        return "", ""
    if suppression.kind == "waiver":
        reason = suppression.reason.strip()
        if reason and reason[-1] not in ".!?":
            reason += "."
        text = (
            f"Pengecualian: {reason} Disetujui oleh {suppression.approver}, berlaku sampai "
            f"{date_text(suppression.expires, 'id')}; catatan ini tidak menggagalkan "
            "pemeriksaan selama pengecualian berlaku."
        )
        return text, suppression.source
    text = "Catatan berulang: sudah tercatat pada reviu sebelumnya dan belum diperbaiki."
    return text, f"baseline {suppression.source}"


def _line(finding: Finding) -> str:
    location = finding.location
    if location.line is None:
        return ""
    return (
        f"{location.line}:{location.column}" if location.column is not None else str(location.line)
    )


def _point(
    number: int,
    finding: Finding,
    result: RunResult,
    view: ReportView,
    recommendations: dict[str, int],
) -> Point:
    printed = display_value(finding.printed, "id") if finding.printed else ""
    expected = display_value(finding.expected, "id") if finding.expected else ""
    if expected == printed:
        expected = ""  # says nothing more than "tertulis" (and would read as "correct")
    text = _recommendation_text(finding, result)
    recommendation = None
    if text:
        recommendation = recommendations.setdefault(text, len(recommendations) + 1)
    mark, source = _mark(finding)
    return Point(
        number=number,
        severity=severity_word(finding.severity, "id"),
        place=cite(finding) or WHOLE_REPORT,
        condition=finding.message.id,
        printed=printed,
        expected=expected,
        criteria=_criteria(finding, result),
        recommendation=recommendation,
        mark=mark,
        rule=finding.rule,
        line=_line(finding),
        pointer=finding.location.pointer,
        source=source,
    )


def _recommendations(points: Iterable[Point], texts: dict[str, int]) -> tuple[Recommendation, ...]:
    by_number = {number: text for text, number in texts.items()}
    numbers: dict[int, list[int]] = {}
    places: dict[int, list[str]] = {}
    for point in points:
        if point.recommendation is None:
            continue
        numbers.setdefault(point.recommendation, []).append(point.number)
        seen = places.setdefault(point.recommendation, [])
        if point.place not in seen:
            seen.append(point.place)
    return tuple(
        Recommendation(n, by_number[n], tuple(numbers[n]), tuple(places[n]))
        for n in sorted(numbers)
    )


def _points(
    findings: list[Finding], result: RunResult, view: ReportView, lang: Lang
) -> tuple[tuple[Chapter, ...], tuple[Point, ...], tuple[Recommendation, ...]]:
    grouped = sorted(
        ((_group(f, view), index, f) for index, f in enumerate(findings)),
        key=lambda item: (item[0][0], item[1]),
    )
    texts: dict[str, int] = {}
    chapters: list[tuple[str, list[tuple[str, list[Point]]]]] = []
    points: list[Point] = []
    for number, ((_, chapter, sub), _, finding) in enumerate(grouped, start=1):
        point = _point(number, finding, result, view, texts)
        points.append(point)
        heading = _heading(chapter, lang)
        if not chapters or chapters[-1][0] != heading:
            chapters.append((heading, []))
        groups = chapters[-1][1]
        if not groups or groups[-1][0] != sub:
            groups.append((sub, []))
        groups[-1][1].append(point)
    built = tuple(
        Chapter(heading, tuple(_shared_criteria(sub, items) for sub, items in groups))
        for heading, groups in chapters
    )
    return built, tuple(points), _recommendations(points, texts)


def _shared_criteria(heading: str, points: list[Point]) -> Group:
    """A group whose points all rest on the same criteria says them once."""
    criteria = {point.criteria for point in points}
    if len(points) < 2 or len(criteria) != 1 or not points[0].criteria:
        return Group(heading, tuple(points))
    shared = points[0].criteria
    return Group(heading, tuple(replace(p, criteria="") for p in points), shared)


# -- sections ---------------------------------------------------------------------------


def _date(iso: str) -> str:
    return date_text(iso, "id") if iso else ""


def _apip(particulars: ReviewParticulars, subject: _Subject) -> str:
    """The reviewing APIP: as given, else the Inspektorat of the report's pemda."""
    if particulars.apip:
        return particulars.apip
    return f"Inspektorat {subject.pemda}" if subject.pemda else ""


def _head_of(apip: str) -> str:
    """Who signs the Pernyataan: ``Inspektur Kabupaten Tegal`` for its Inspektorat."""
    if apip.startswith("Inspektorat "):
        return "Inspektur " + apip.removeprefix("Inspektorat ")
    return f"Pimpinan {apip}" if apip else f"Inspektur {SHORT_BLANK}"


def _identity(
    subject: _Subject, particulars: ReviewParticulars, apip: str, report: FileReport
) -> Fields:
    p = particulars
    surat_tugas = ""
    if p.surat_tugas_number or p.surat_tugas_date:
        surat_tugas = (
            f"Nomor {p.surat_tugas_number or SHORT_BLANK}, "
            f"tanggal {_date(p.surat_tugas_date) or SHORT_BLANK}"
        )
    period = ""
    if p.period_start or p.period_end:
        period = f"{_date(p.period_start) or SHORT_BLANK} s.d. {_date(p.period_end) or SHORT_BLANK}"
    reviewed = subject.long_name
    if subject.judul:
        reviewed += f", berjudul “{subject.judul}”"
    fields = [
        Field("Instansi/unit yang direviu", subject.unit),
        Field("Pemerintah daerah", subject.pemda),
        Field("Laporan yang direviu", reviewed),
        Field("Tahun anggaran", subject.year),
        Field("APIP pelaksana reviu", apip),
        Field("Surat Tugas", surat_tugas),
        Field("Periode reviu", period),
        Field("Nomor/indeks KKR", p.kkr_index),
    ]
    if not subject.pemda and scope_of(report.data).tingkat not in _REGIONAL:
        fields.pop(1)  # a ministry's unit has no pemda to name
    return Fields(tuple(fields))


def _filled(person: Person) -> bool:
    return bool(person.nama or person.nip or person.jabatan)


def _either(first: Person, second: Person) -> Person:
    """``first`` when anything of it is filled, else ``second``."""
    return first if _filled(first) else second


def _team(particulars: ReviewParticulars) -> Team:
    p = particulars
    rows = [
        TeamRow("Pengendali Mutu", p.pengendali_mutu),
        TeamRow("Pengendali Teknis", _either(p.pengendali_teknis, p.reviewed_by)),
        TeamRow("Ketua Tim", _either(p.ketua_tim, p.prepared_by)),
    ]
    members = p.anggota_tim or (Person(), Person())
    rows += [TeamRow("Anggota Tim", member) for member in members]
    return Team(tuple(rows))


def _checked(result: RunResult) -> Bullets:
    """What the run checked: each rule pack that ran, with its number of rules."""
    counts: dict[str, int] = {}
    for rule in result.catalog:
        counts[rule.pack] = counts.get(rule.pack, 0) + 1
    items = [
        f"{pack.title.id} ({counts.get(pack.id, 0)} aturan)"
        for pack in result.catalog.packs
        if counts.get(pack.id)
    ]
    items.append("struktur data laporan terhadap skema (isian wajib, jenis dan bentuk nilai)")
    return Bullets(tuple(items))


def _basis(subject: _Subject, report: FileReport, result: RunResult) -> list[Block]:
    name = f"{subject.long_name} {subject.entity} Tahun Anggaran {subject.year_text}"
    version = result.manifest.tool_version if result.manifest else __version__
    blocks: list[Block] = [
        Paragraph(f"Reviu atas {name} dilaksanakan berdasarkan {PERMENPAN_53}."),
        Paragraph(
            "Reviu bertujuan memberikan keyakinan terbatas mengenai akurasi, keandalan dan "
            f"keabsahan data dan informasi kinerja dalam {subject.short_name}, sehingga "
            "dihasilkan laporan kinerja yang berkualitas. Reviu bukan audit dan tidak "
            f"dimaksudkan untuk memberikan pendapat atas {subject.short_name}. Penyajian "
            f"{subject.short_name} merupakan tanggung jawab pimpinan {subject.unit or SHORT_BLANK}."
        ),
        Paragraph(
            f"Ruang lingkup reviu adalah {subject.short_name} sebagaimana dicetak. Angka dan teks "
            "laporan disalin ke dalam berkas data, lalu diuji dengan bantuan sakip-validate "
            f"{version} atas hal-hal berikut:"
        ),
        _checked(result),
    ]
    skipped = skipped_rules_sentence(report, "id")
    if skipped is not None:
        blocks.append(Paragraph(skipped, "note"))
    blocks.append(
        Paragraph(
            "Setiap catatan menyebut letaknya dalam laporan tercetak (tabel, baris, kolom, bab). "
            "Catatan perlu dikonfirmasi dengan data dukung sebelum catatan hasil reviu ini "
            "difinalkan."
        )
    )
    return blocks


def _composition(counts: dict[Severity, int]) -> str:
    """``16 kesalahan yang perlu diperbaiki, 20 peringatan ... dan 2 catatan ...``."""
    parts = [f"{counts[s]} {SEVERITY_PHRASES.get(s.label, 'id')}" for s in SEVERITIES if counts[s]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (", dan " if len(parts) > 2 else " dan ") + parts[-1]


def _marked(findings: list[Finding]) -> str:
    """`` Dari catatan tersebut, 2 dikecualikan ... dan 1 merupakan catatan berulang ...``."""
    kinds = [f.suppression.kind for f in findings if f.suppression is not None]
    parts = []
    if kinds.count("waiver"):
        parts.append(
            f"{kinds.count('waiver')} dikecualikan dengan persetujuan pejabat yang berwenang"
        )
    if kinds.count("baseline"):
        parts.append(f"{kinds.count('baseline')} merupakan catatan berulang dari reviu sebelumnya")
    if not parts:
        return ""
    return " Dari catatan tersebut, " + " dan ".join(parts) + "."


def _fixed_item(entry: Entry, result: RunResult, view: ReportView | None) -> str:
    """A finding of the baseline that no longer occurs, named as the printed report names
    its table and as the catalogue titles its rule (no data key, no file line)."""
    title = result.catalog.title_of(entry.rule).id
    what = title if title and title != entry.rule else "catatan"
    pointer = entry.pointer.split("/")
    if (
        view is not None
        and len(pointer) > 2
        and pointer[1] == "tabel"
        and view.has_table(pointer[2])
    ):
        what += f" pada {view.table_label(pointer[2]).id}"
    printed = f", dahulu tertulis {display_value(entry.printed, 'id')}" if entry.printed else ""
    return f"Sudah diperbaiki: {what}{printed}."


def about_the_file(finding: Finding, result: RunResult) -> bool:
    """Whether ``finding`` concerns the data file rather than the printed report."""
    return (finding.pack or result.catalog.pack_of(finding.rule)) in DATA_FILE_PACKS


def _results(
    report: FileReport,
    findings: list[Finding],
    data_file: list[Finding],
    result: RunResult,
    view: ReportView,
    subject: _Subject,
    points: Points,
    lang: Lang,
) -> list[Block]:
    counts = severity_counts(findings)
    if not report.checked:
        lead = (
            "Berkas data salinan laporan belum dapat diperiksa seluruhnya: berkas itu belum "
            "terbaca atau belum sesuai dengan susunan data yang ditetapkan, sehingga pengujian "
            "isi laporan belum dijalankan. Catatan hasil reviu ini belum lengkap sampai berkas "
            "data diperbaiki dan diperiksa ulang."
        )
    elif findings:
        lead = (
            f"Reviu menghasilkan {len(findings)} catatan atas {subject.short_name} "
            f"{subject.entity}, yang terdiri atas {_composition(counts)}.{_marked(findings)} "
            "Rincian catatan disajikan menurut bab dan tabel laporan tercetak."
        )
    else:
        lead = (
            "Pengujian tidak menemukan ketidaksesuaian angka, ketidakkonsistenan antartabel "
            "dan narasi, maupun kekurangan kelengkapan laporan."
        )
    blocks: list[Block] = [Paragraph(lead)]
    if data_file:
        blocks.append(
            Paragraph(
                f"{len(data_file)} catatan lain menyangkut berkas data salinan laporan (cara "
                "penulisan data), bukan isi laporan tercetak; catatan itu dirinci pada Lampiran "
                "2 untuk diperbaiki oleh penyalin data.",
                "note",
            )
        )
    if findings:
        rows = tuple((severity_word(s, "id"), str(counts[s])) for s in SEVERITIES)
        rows += (("jumlah", str(len(findings))),)
        blocks.append(Table(("Tingkat catatan", "Jumlah"), rows, (3, 1)))
        blocks.append(points)
    outcome = result.baseline
    fixed = [e for e in outcome.fixed if fixed_label(outcome, e) == report.label] if outcome else []
    if fixed:
        blocks.append(Paragraph(_heading("followup", lang), "subheading"))
        blocks.append(
            Paragraph(
                f"Dibandingkan dengan reviu sebelumnya, {len(fixed)} catatan tidak ditemukan lagi:"
            )
        )
        blocks.append(Bullets(tuple(_fixed_item(e, result, view) for e in fixed)))
    return blocks


def _conclusion(
    report: FileReport,
    findings: list[Finding],
    subject: _Subject,
    recommendations: int,
    answered_in: str,
) -> Paragraph:
    named = f"{subject.short_name} {subject.entity} Tahun Anggaran {subject.year_text}"
    if not report.checked:
        return Paragraph(
            f"Simpulan atas {named} belum dapat diberikan: berkas data salinan laporan perlu "
            "diperbaiki (Lampiran 2) lalu diperiksa ulang."
        )
    if not findings:
        return Paragraph(
            f"Berdasarkan hasil reviu, tidak terdapat catatan atas {named}. Simpulan akhir "
            "tetap memerlukan penelaahan data dukung oleh Tim Reviu."
        )
    counts = severity_counts(findings)
    where = f"{recommendations} rekomendasi" if recommendations > 1 else "rekomendasi"
    where += f" pada {answered_in}" if answered_in else ""
    return Paragraph(
        f"Berdasarkan hasil reviu, terdapat {len(findings)} catatan atas {named}, yang terdiri "
        f"atas {_composition(counts)}.{_marked(findings)} Kami merekomendasikan agar pimpinan "
        f"{subject.unit or SHORT_BLANK} memperbaiki {subject.short_name} sesuai {where} dan "
        f"menyampaikan perbaikannya kepada Tim Reviu sebelum {subject.short_name} "
        "dipublikasikan."
    )


def _signatures(particulars: ReviewParticulars) -> Signatures:
    p = particulars
    blocks = (
        Signature(
            "Disusun oleh", "Ketua Tim", _either(p.ketua_tim, p.prepared_by), _date(p.prepared_on)
        ),
        Signature(
            "Direviu oleh",
            "Pengendali Teknis",
            _either(p.pengendali_teknis, p.reviewed_by),
            _date(p.reviewed_on),
        ),
        Signature("Disetujui oleh", "Pengendali Mutu", p.pengendali_mutu, ""),
    )
    date = _date(p.prepared_on) or BLANK
    return Signatures(f"{SHORT_BLANK}, {date}", blocks)


def _statement(
    subject: _Subject, apip: str, report: FileReport, findings: list[Finding]
) -> Statement:
    short = subject.short_name
    paragraphs = (
        f"Kami telah mereviu {subject.long_name} {subject.entity} untuk tahun anggaran "
        f"{subject.year_text} sesuai dengan {PERMENPAN_53}. Substansi informasi yang dimuat "
        f"dalam {short} menjadi tanggung jawab manajemen {subject.unit or SHORT_BLANK}.",
        f"Reviu bertujuan untuk memberikan keyakinan terbatas bahwa {short} telah disajikan "
        "secara akurat, andal, dan valid.",
        "Berdasarkan reviu kami, tidak terdapat kondisi atau hal-hal yang menimbulkan "
        f"perbedaan dalam meyakini keandalan informasi yang disajikan di dalam {short} ini.",
    )
    instructions = [
        "Draf. Cocokkan kalimatnya dengan format Pernyataan Telah Direviu yang berlaku di "
        "APIP Saudara sebelum ditandatangani; hapus petunjuk bercetak miring ini.",
    ]
    if not report.checked:
        instructions.append(
            "Jangan tandatangani: berkas data salinan laporan belum dapat diperiksa seluruhnya "
            "(lihat Lampiran 2)."
        )
    elif findings:
        instructions.append(
            f"Catatan hasil reviu ini memuat {len(findings)} catatan. Kalimat simpulan "
            "di atas hanya dapat dinyatakan setelah catatan itu ditindaklanjuti; bila tidak, "
            "uraikan hal yang belum ditindaklanjuti sebelum kalimat simpulan."
        )
    return Statement(
        title="PERNYATAAN TELAH DIREVIU",
        subject=(
            subject.entity.upper(),
            f"TAHUN ANGGARAN {subject.year_text}",
        ),
        paragraphs=paragraphs,
        instructions=tuple(instructions),
        place_date=f"{SHORT_BLANK}, {BLANK}",
        signer_role=_head_of(apip),
        signer=Person(),
    )


def _technical(
    report: FileReport, result: RunResult, points: tuple[Point, ...], data_file: list[Finding]
) -> list[Block]:
    facts = [Field("Berkas data", report.label)]
    if report.sha256:
        facts.append(Field("SHA-256", report.sha256))
    version = result.manifest.tool_version if result.manifest else __version__
    facts.append(Field("Diperiksa dengan", f"sakip-validate {version}"))
    if result.manifest and result.manifest.generated_at:
        facts.append(Field("Waktu pemeriksaan", result.manifest.generated_at))
    blocks: list[Block] = [
        Paragraph(
            "Untuk tim reviu, bukan untuk pihak yang direviu: letak setiap catatan dalam berkas "
            "data yang diperiksa (baris, kolom dan JSON pointer) dan kode aturannya, yang "
            "dijelaskan oleh perintah sakip-validate explain KODE."
        ),
        Fields(tuple(facts)),
    ]
    if points:
        blocks.append(technical_table(points))
    if data_file:
        blocks.append(
            Paragraph(
                "Catatan pada berkas data (penulisan data, bukan isi laporan tercetak):",
                "subheading",
            )
        )
        rows = tuple(
            (
                f"D{index}",
                _line(finding) or "-",
                finding.rule,
                severity_word(finding.severity, "id"),
                finding.message.id,
            )
            for index, finding in enumerate(data_file, start=1)
        )
        header = ("No", "Baris:kolom", "Aturan", "Tingkat", "Uraian")
        blocks.append(Table(header, rows, (2, 4.5, 3, 3.5, 14)))
    return blocks


def technical_table(points: Iterable[Point]) -> Table:
    """Where each point stands in the data file: line and column, JSON pointer, rule code
    (and where a waiver or baseline entry that marks it is declared)."""
    rows = tuple(
        (
            str(p.number),
            p.rule,
            p.severity,
            p.line or "-",
            p.pointer + (f" ({p.source})" if p.source else ""),
        )
        for p in points
    )
    header = ("No", "Aturan", "Tingkat", "Baris:kolom", "JSON pointer")
    return Table(header, rows, (2, 3, 4, 4.5, 13.5))


def build_note(
    report: FileReport, result: RunResult, particulars: ReviewParticulars, lang: Lang
) -> Note:
    """The Catatan Hasil Reviu of one report."""
    view = ReportView(report.data)
    subject = _subject(report.data)
    apip = _apip(particulars, subject)
    everything = sorted_findings(report)
    findings = [f for f in everything if not about_the_file(f, result)]
    data_file = [f for f in everything if about_the_file(f, result)]
    chapters, points, recommendations = _points(findings, result, view, lang)
    # The body's sections are lettered A, B, C... in order (no recommendations, no E).
    keys = ["identity", "team", "basis", "results"]
    keys += ["recommendations"] if recommendations else []
    keys += ["closing", "signature"]
    letters = {key: chr(ord("A") + index) for index, key in enumerate(keys)}

    def titled(key: str) -> str:
        return f"{letters[key]}. {_heading(key, lang)}"

    answered_in = f"bagian {letters['recommendations']}" if recommendations else ""
    body: dict[str, tuple[Block, ...]] = {
        "identity": (_identity(subject, particulars, apip, report),),
        "team": (_team(particulars),),
        "basis": tuple(_basis(subject, report, result)),
        "results": tuple(
            _results(
                report,
                findings,
                data_file,
                result,
                view,
                subject,
                Points(chapters, answered_in),
                lang,
            )
        ),
        "recommendations": (
            Paragraph(
                "Setiap rekomendasi disebut sekali, dengan nomor catatan dan letak dalam "
                "laporan yang dijawabnya."
            ),
            Recommendations(recommendations),
        ),
        "closing": (_conclusion(report, findings, subject, len(recommendations), answered_in),),
        "signature": (_signatures(particulars),),
    }
    sections = [Section(titled(key), body[key]) for key in keys]
    sections += [
        Section(
            _heading("statement", lang),
            (_statement(subject, apip, report, findings),),
            new_page=True,
        ),
        Section(
            _heading("technical", lang),
            tuple(_technical(report, result, points, data_file)),
            new_page=True,
        ),
    ]
    return Note(
        kop=(apip.upper(),) if apip else (BLANK,),
        title=_heading("title", lang),
        subtitle=f"atas {subject.long_name} {subject.entity} Tahun Anggaran {subject.year_text}",
        notice=(
            "Draf disusun dengan bantuan sakip-validate; periksa, lengkapi dan sesuaikan "
            "sebelum ditandatangani."
        ),
        running_head=(
            f"Catatan Hasil Reviu {subject.short_name} {subject.entity} {subject.year}".strip()
        ),
        sections=tuple(sections),
        points=points,
    )


def policy_note(result: RunResult, lang: Lang) -> Note | None:
    """Findings about the configuration's waivers, and fixed findings of files not in
    the run: they belong to no report's note (None when there are none)."""
    configs = [r for r in result.files if r.role != "report" and r.findings]
    labels = {report.label for report in result.reports}
    outcome = result.baseline
    others = [e for e in outcome.fixed if fixed_label(outcome, e) not in labels] if outcome else []
    if not configs and not others:
        return None
    sections: list[Section] = []
    texts: dict[str, int] = {}
    number = 0
    points: list[Point] = []
    view = ReportView({})
    for report in configs:
        items = []
        for finding in sorted_findings(report):
            number += 1
            items.append(_point(number, finding, result, view, texts))
        points += items
        chapter = Chapter("", (Group("", tuple(items)),))
        sections.append(Section(report.label, (Points((chapter,), "rekomendasi di bawah"),)))
    if others and outcome is not None:
        sections.append(
            Section(
                _heading("followup", lang),
                (
                    Paragraph(
                        f"Catatan pada baseline {outcome.source} atas berkas yang tidak "
                        "diperiksa kali ini (berkasnya tidak ada lagi atau tidak disertakan), "
                        "sehingga catatan itu tidak muncul lagi:"
                    ),
                    Bullets(
                        tuple(
                            f"{fixed_label(outcome, e)}: "
                            + _fixed_item(e, result, None).removeprefix("Sudah diperbaiki: ")
                            for e in others
                        )
                    ),
                ),
            )
        )
    recommendations = _recommendations(points, texts)
    if recommendations:
        sections.append(
            Section(_heading("recommendations", lang), (Recommendations(recommendations),))
        )
    if points:
        sections.append(Section(_heading("references", lang), (technical_table(points),)))
    return Note(
        kop=(),
        title=_heading("policy", lang),
        subtitle="",
        notice="",
        running_head=HEADINGS.text("policy").id,
        sections=tuple(sections),
        points=tuple(points),
    )


def build_notes(result: RunResult, particulars: ReviewParticulars, lang: Lang) -> list[Note]:
    """One note per input report, then the run's section on waivers and baseline."""
    notes = [build_note(report, result, particulars, lang) for report in result.reports]
    policy = policy_note(result, lang)
    if policy is not None:
        notes.append(policy)
    return notes
