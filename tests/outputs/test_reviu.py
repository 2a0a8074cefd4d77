"""The ``reviu`` output: the review note as Markdown that reads as plain text."""

from __future__ import annotations

import copy
import dataclasses
import io
import re
from collections import Counter

import pytest
from markdown_it import MarkdownIt

from sakip_validate.findings import Finding, Place, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.papers import Person, ReviewParticulars
from sakip_validate.plugins.reviu.markdown import plain
from sakip_validate.plugins.reviu.note import cite
from sakip_validate.plugins.summary import fixed_label
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden

PARTICULARS = ReviewParticulars(
    apip="Inspektorat Kabupaten Tegal",
    kkr_index="KKR-LKjIP/03",
    surat_tugas_number="700/123/Insp/2022",
    surat_tugas_date="2022-03-14",
    period_start="2022-03-14",
    period_end="2022-03-18",
    ketua_tim=Person("SITI AMINAH, S.E.", "19800101 200501 2 001", "Auditor Muda"),
    anggota_tim=(
        Person("BUDI SANTOSO", "19900202 201501 1 002"),
        Person("RINA WATI", "19910303 201601 2 003"),
    ),
    pengendali_teknis=Person("AHMAD FAUZI, S.H.", "19750505 200003 1 004"),
    pengendali_mutu=Person("DRS. HARYANTO", "19680606 199003 1 005"),
    prepared_on="2022-03-16",
    reviewed_on="2022-03-17",
)


def render(
    result: RunResult, lang: str = "id", particulars: ReviewParticulars | None = None
) -> str:
    stream = io.StringIO()
    options = RenderOptions(lang=lang, reviu=particulars or ReviewParticulars())  # type: ignore[arg-type]
    load_output("reviu").render(result, options, stream)
    return stream.getvalue()


def first_note(text: str) -> str:
    return text.split("\n---\n")[0]


def body_of(note: str) -> str:
    """What the auditee reads: everything before the technical attachment."""
    return note.split("## Lampiran 2.")[0]


def test_reviu_golden_id(example_result: RunResult) -> None:
    assert_golden("reviu-example-id.md", render(example_result, "id"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_deterministic(lang: str, example_result: RunResult) -> None:
    assert render(example_result, lang) == render(example_result, lang)


def test_structure(example_result: RunResult) -> None:
    note = first_note(render(example_result))
    findings = example_result.files[0].findings
    assert note.startswith("INSPEKTORAT KABUPATEN TEGAL\n\n# CATATAN HASIL REVIU\n")
    assert (
        "atas Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Jatinegara Kabupaten Tegal "
        "Tahun Anggaran 2021" in note
    )
    assert "Nomor 53 Tahun 2014" in note and "keyakinan terbatas" in note
    sections = re.findall(r"^## (.+)$", note, flags=re.M)
    assert sections == [
        "A. Identitas Reviu",
        "B. Tim Reviu",
        "C. Dasar, Tujuan dan Ruang Lingkup Reviu",
        "D. Hasil Reviu",
        "E. Rekomendasi",
        "F. Simpulan",
        "G. Tanda Tangan Tim Reviu",
        "Lampiran 1. Draf Pernyataan Telah Direviu",
        "Lampiran 2. Rujukan Teknis untuk Tim Reviu",
    ]
    chapters = re.findall(r"^### (.+)$", body_of(note), flags=re.M)
    assert chapters == [
        "Bab II Perencanaan Kinerja",
        "Bab III Akuntabilitas Kinerja",
        "Narasi Laporan",
        "Kelengkapan Laporan dan Penandatanganan",
        "Catatan Lainnya",
        "PERNYATAAN TELAH DIREVIU",
    ]
    assert "#### Tabel 3.2 Perbandingan Target dan Realisasi Kinerja" in note
    assert "#### Tabel 3.8" not in note  # no finding on it, no heading
    # points numbered 1..n, each with its printed place and severity
    numbers = [int(n) for n in re.findall(r"^(\d+)\. Kondisi: ", note, flags=re.M)]
    assert numbers == list(range(1, len(findings) + 1))
    assert len(re.findall(r"^ +- Letak: ", note, flags=re.M)) == len(findings)
    counts = Counter(f.severity for f in findings)
    assert f"terdapat {len(findings)} catatan" in note
    assert f"{counts[Severity.ERROR]} kesalahan yang perlu diperbaiki" in note
    assert f"| kesalahan | {counts[Severity.ERROR]} |" in note
    assert "Disusun oleh, Ketua Tim" in note and "Disetujui oleh, Pengendali Mutu" in note
    # the corrected copy gets its own note, without points, recommendations or section E
    second = render(example_result).split("\n---\n")[1]
    assert "tidak terdapat catatan" in second
    assert "Kondisi:" not in second
    assert re.findall(r"^## ([A-F])\. ", second, flags=re.M) == list("ABCDEF")


def test_the_report_is_named_by_its_kind(example_result: RunResult) -> None:
    report = example_result.files[1]  # the corrected copy: no finding to name it otherwise
    for jenis, long_name, short in (
        ("LKj", "Laporan Kinerja (LKj)", "LKj"),
        ("LKPJ", "Laporan Keterangan Pertanggungjawaban (LKPJ)", "LKPJ"),
    ):
        data = copy.deepcopy(report.data)
        data["laporan"]["jenis"] = jenis
        odd = dataclasses.replace(report, data=data)
        note = render(RunResult([odd], example_result.catalog, example_result.manifest))
        assert f"atas {long_name} Kecamatan Jatinegara" in note
        assert f"tidak terdapat catatan atas {short} Kecamatan" in note
        assert "LKjIP" not in note


def test_identical_recommendations_are_grouped_once_with_all_their_places(
    example_result: RunResult,
) -> None:
    report = example_result.files[0]
    note = first_note(render(example_result))
    section = note.split("## E. Rekomendasi")[1].split("## F.")[0]
    by_fix: dict[str, list[Finding]] = {}
    for finding in report.findings:
        info = example_result.catalog.get(finding.rule)
        assert info is not None and info.fix is not None
        by_fix.setdefault(info.fix.id, []).append(finding)
    items = re.findall(r"^(\d+)\. (.+)\n +- Untuk catatan nomor ([\d, ]+): (.+)\.$", section, re.M)
    assert len(items) == len(by_fix)
    for fix, findings in by_fix.items():
        (item,) = [item for item in items if item[1] == plain(fix)]
        places = {cite(f) or "laporan secara keseluruhan" for f in findings}
        assert set(item[3].split("; ")) == places
        assert len(item[2].split(", ")) == len(findings)
    # the scale's gaps: one recommendation, four places, said once in the whole note
    gaps = [f for f in report.findings if f.rule == "KAT004"]
    assert len(gaps) > 1
    fix = example_result.catalog.get("KAT004").fix.id  # type: ignore[union-attr]
    assert note.count(fix) == 1
    (item,) = [item for item in items if item[1] == fix]
    assert item[3].count("Tabel 3.1, baris") == len(gaps)


def test_every_point_refers_to_its_recommendation_by_number(example_result: RunResult) -> None:
    note = first_note(render(example_result))
    refs = re.findall(r"- Rekomendasi: nomor (\d+) \(bagian E\)", note)
    assert len(refs) == len(example_result.files[0].findings)
    section = note.split("## E. Rekomendasi")[1]
    for number in set(refs):
        assert re.search(rf"^{number}\. ", section, re.M)


def test_a_group_states_shared_criteria_once(example_result: RunResult) -> None:
    note = first_note(render(example_result))
    scale = note.split("#### Tabel 3.1")[1].split("####")[0]
    basis = example_result.catalog.get("KAT004").legal_basis  # type: ignore[union-attr]
    assert basis and scale.count(basis) == 1
    assert scale.startswith(
        f" Skala Nilai Peringkat Kinerja\n\nKriteria untuk catatan berikut: {basis}"
    )


# -- plain text -------------------------------------------------------------------------


def test_plain_text_without_html(example_result: RunResult) -> None:
    text = render(example_result)
    assert not re.findall(r"&#?[0-9A-Za-z]+;", text)  # no entity
    assert not re.findall(r"<[A-Za-z/!]", text)  # no tag, no comment, no autolink
    assert "**" not in text and "*Rujukan" not in text  # no emphasis markup
    assert "\\" not in text  # nothing in the example needs an escape


def test_escapes_only_what_markdown_would_read() -> None:
    assert plain("99,93% < 100% & _miring_") == "99,93% < 100% & \\_miring\\_"
    assert plain("snake_case stays") == "snake_case stays"
    assert plain("<b>x</b> **y**") == "\\<b>x\\</b> \\*\\*y\\*\\*"
    assert plain("[a](http://x)") == "[a]\\(http\u2060://x)"
    assert plain("&amp; baris\nkedua") == "\\&amp; baris kedua"


def test_hostile_is_inert(hostile_result: RunResult) -> None:
    text = render(hostile_result)
    html = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in html and "<a " not in html and "<img" not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html
    assert "http://" not in text  # a bare URL does not become a link
    assert "=HYPERLINK" in text  # shown as text (Markdown gives "=" no meaning inline)
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "=", "<!--", "<"))
    # a report newline never starts a new Markdown block
    points = re.findall(r"^\d+\. Kondisi: (.+)$", text, flags=re.M)
    assert len(points) == len(hostile_result.findings)
    assert any("baris kedua" in point for point in points)


# -- citations and the auditee's text --------------------------------------------------


def test_points_cite_the_printed_place(example_result: RunResult) -> None:
    note = first_note(render(example_result))
    places = re.findall(r"- Letak: (.+)$", note, flags=re.M)
    assert len(places) == len(example_result.files[0].findings)
    cited = {cite(f) for f in example_result.files[0].findings}
    assert set(places) == cited and "" not in cited  # every point has its printed place
    assert any(
        p.startswith("Tabel 3.3, baris 1 (Laju Peningkatan Nilai IKM Kecamatan)") for p in places
    )
    assert any(p.startswith("Bab 1.3, “") for p in places)


def test_a_finding_s_place_is_cited_as_printed(example_result: RunResult) -> None:
    report = example_result.files[0]
    finding = next(f for f in report.findings if f.rule == "CAP006")
    placed = dataclasses.replace(
        finding,
        place=Place(
            table=Text("Tabel 3.3", "Table 3.3"),
            row="1",
            row_label="Laju Peningkatan Nilai IKM Kecamatan",
            column=Text("Capaian 2020", "Achievement 2020"),
            page="40-46",
        ),
    )
    odd = dataclasses.replace(report, findings=[placed])
    note = render(RunResult([odd], example_result.catalog, example_result.manifest))
    expected = (
        "Tabel 3.3, baris 1 (Laju Peningkatan Nilai IKM Kecamatan), kolom Capaian 2020, hlm. 40-46"
    )
    assert f"- Letak: {expected}" in note
    assert f"- Untuk catatan nomor 1: {expected}." in note


def test_no_data_key_or_file_line_for_the_auditee(example_result: RunResult) -> None:
    report = example_result.files[0]
    note = first_note(render(example_result))
    body = body_of(note)
    # texts the rules own (messages, recommendations, criteria) are the rules' business;
    # what the note adds around them must not speak of the data file
    for finding in report.findings:
        info = example_result.catalog.get(finding.rule)
        for owned in (finding.message.id, info.fix.id if info and info.fix else ""):
            body = body.replace(plain(owned), "")
    assert report.label not in body and ".toml" not in body
    assert not re.findall(r"/(tabel|narasi|kelengkapan|penandatangan|indikator)/", body)
    assert not re.findall(r"baris \d+ kolom \d+|:\d+:\d+", body)
    assert not re.findall(r"\b[A-Z]{3}\d{3}\b", body)  # rule codes stay in the attachment
    assert "SHA-256" not in body
    # ... and the technical attachment has them all
    technical = note.split("## Lampiran 2.")[1]
    assert report.label in technical
    for finding in report.findings:
        location = finding.location
        assert f"| {location.line}:{location.column} | {location.pointer}" in technical
        assert f"| {finding.rule} |" in technical


# -- the auditor's particulars ----------------------------------------------------------


def test_particulars_fill_the_fields(example_result: RunResult) -> None:
    note = first_note(render(example_result, particulars=PARTICULARS))
    assert "- Surat Tugas: Nomor 700/123/Insp/2022, tanggal 14 Maret 2022" in note
    assert "- Periode reviu: 14 Maret 2022 s.d. 18 Maret 2022" in note
    assert "- Nomor/indeks KKR: KKR-LKjIP/03" in note
    assert "- Ketua Tim: SITI AMINAH, S.E., NIP 19800101 200501 2 001, Auditor Muda" in note
    assert note.count("- Anggota Tim: ") == 2
    assert "- Anggota Tim: RINA WATI, NIP 19910303 201601 2 003" in note
    assert "- Pengendali Mutu: DRS. HARYANTO, NIP 19680606 199003 1 005" in note
    signatures = note.split("## G. Tanda Tangan Tim Reviu")[1].split("## Lampiran")[0]
    assert "Nama: SITI AMINAH, S.E." in signatures and "Tanggal: 16 Maret 2022" in signatures
    assert "Nama: AHMAD FAUZI, S.H." in signatures and "Tanggal: 17 Maret 2022" in signatures
    assert ", 16 Maret 2022" in signatures.splitlines()[2]
    statement = note.split("## Lampiran 1.")[1]
    assert "Inspektur Kabupaten Tegal" in statement


def test_empty_particulars_are_dotted_lines(example_result: RunResult) -> None:
    note = first_note(render(example_result))
    for label in ("Surat Tugas", "Periode reviu", "Nomor/indeks KKR"):
        assert f"- {label}: ....." in note
    assert "- Ketua Tim: ....." in note and "Nama: ....." in note


def test_partly_given_particulars_leave_the_rest_blank(example_result: RunResult) -> None:
    given = ReviewParticulars(surat_tugas_number="700/9/2022", period_end="2022-03-18")
    note = first_note(render(example_result, particulars=given))
    assert "- Surat Tugas: Nomor 700/9/2022, tanggal ....." in note
    assert re.search(r"- Periode reviu: \.+ s\.d\. 18 Maret 2022", note)


def test_the_statement_draft(example_result: RunResult) -> None:
    note = first_note(render(example_result))
    statement = note.split("## Lampiran 1. Draf Pernyataan Telah Direviu")[1].split("\n## ")[0]
    assert "### PERNYATAAN TELAH DIREVIU" in statement
    assert "Kami telah mereviu Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan" in statement
    assert "keyakinan terbatas" in statement and "akurat, andal, dan valid" in statement
    assert "Petunjuk: Draf." in statement
    findings = len(example_result.files[0].findings)
    assert f"memuat {findings} catatan" in statement  # not to be signed as it stands
    second = render(example_result).split("\n---\n")[1]
    assert "Petunjuk: Catatan hasil reviu ini memuat" not in second


def test_stays_indonesian_in_english(example_result: RunResult) -> None:
    indonesian = render(example_result, "id").splitlines()
    english = render(example_result, "en").splitlines()
    assert len(indonesian) == len(english)
    changed = [(a, b) for a, b in zip(indonesian, english, strict=True) if a != b]
    assert changed, "--lang en glosses the headings"
    for before, after in changed:
        assert before.startswith("#") and after.startswith(before + " (")


def _finding(rule: str, pointer: str, **fields: object) -> Finding:
    return Finding(
        rule=rule,
        severity=Severity.WARNING,
        message=Text("Pesan | *x*", "Message"),
        location=TextLocation("odd.toml", pointer, 1, 1),
        **fields,  # type: ignore[arg-type]
    )


def test_unnumbered_table_goes_to_its_chapter(example_result: RunResult) -> None:
    """Without a printed number, a plan table (IKU) is a Bab II note, headed by its title."""
    report = example_result.files[0]
    data = {**report.data, "tabel": {**report.data["tabel"]}}
    data["tabel"]["iku"] = {k: v for k, v in data["tabel"]["iku"].items() if k != "nomor"}
    finding = _finding(
        "TGT006",
        "/tabel/iku/baris/0/target/2020",
        pack="konsistensi-target",
        table=Text("tabel Indikator Kinerja Utama", "key performance indicator table"),
        table_key="iku",
    )
    odd = dataclasses.replace(report, findings=[finding], data=data)
    note = render(RunResult([odd], example_result.catalog, example_result.manifest))
    chapters = re.findall(r"^#{3,4} (.+)$", note.split("## D. Hasil Reviu")[1], flags=re.M)
    judul = data["tabel"]["iku"]["judul"]
    assert chapters[:2] == ["Bab II Perencanaan Kinerja", judul]


def test_survives_data_of_any_shape(example_result: RunResult) -> None:
    data = {
        "laporan": {"unit": {"nama": ["x"]}, "tahun_anggaran": {"a": 1}},
        "narasi": {"distribusi": "teks"},
        "tabel": {"capaian": {"nomor": 3}},
    }
    findings = [
        _finding("DIS001", "/narasi/distribusi/0/bab", pack="distribusi"),
        _finding(
            "CAP001",
            "/tabel/capaian",
            pack="capaian",
            table=Text("Tabel 9.x", "Tabel 9.x"),
            table_key="capaian",
        ),
        _finding("LOAD003", "", pack="berkas"),
    ]
    result = RunResult(
        [FileReport("odd.toml", "toml", findings, data=data, checked=True)],
        example_result.catalog,
        example_result.manifest,
    )
    note = render(result)
    assert "Pesan | \\*x\\*" in note
    assert "Laporan Kinerja ......................... Tahun Anggaran ....." in note
    assert "### Narasi Laporan" in note and "### Bab III Akuntabilitas Kinerja" in note
    assert "#### Tabel capaian kinerja" in note  # its number is not text: named by content
    assert len(re.findall(r"^\d+\. Kondisi: ", note, flags=re.M)) == 2
    assert "1 catatan lain menyangkut berkas data" in note


def test_data_file_findings_go_to_the_attachment(broken_result: RunResult) -> None:
    """LOAD and SCHEMA findings concern the data file, not the printed report: the note says
    it cannot conclude and lists them for whoever corrects the file."""
    text = render(broken_result)
    for report, note in zip(broken_result.reports, text.split("\n---\n"), strict=True):
        assert not report.checked
        assert "Kondisi:" not in note  # no point about the printed report
        assert "belum dapat diperiksa seluruhnya" in note
        assert "Simpulan atas" in note and "belum dapat diberikan" in note
        assert "Petunjuk: Jangan tandatangani" in note
        attachment = note.split("## Lampiran 2.")[1]
        for finding in report.findings:
            assert f"| {finding.rule} |" in attachment
            assert plain(finding.message.id).replace("|", "\\|") in attachment


# -- the policy's marks ------------------------------------------------------------------


def _note_of(text: str, label: str) -> str:
    return next(part for part in text.split("\n---\n") if f"- Berkas data: {label}\n" in part)


def test_a_waived_finding_keeps_its_point_with_the_exception(policy_result: RunResult) -> None:
    text = render(policy_result)
    waived = [f for f in policy_result.findings if f.suppression and f.suppression.kind == "waiver"]
    assert waived
    for finding in waived:
        assert finding.suppression is not None
        note = _note_of(text, finding.location.file)
        point = note[note.index(f"Kondisi: {plain(finding.message.id)}") :].split("\n\n")[0]
        assert "- Pengecualian: " + finding.suppression.reason in point
        assert f"Disetujui oleh {finding.suppression.approver}" in point
        assert "berlaku sampai " in point and " 2026" in point
        assert finding.suppression.source not in body_of(note)  # a file line: attachment
        assert finding.suppression.source in note.split("## Lampiran 2.")[1]
    note = _note_of(text, waived[0].location.file)
    assert "2 dikecualikan dengan persetujuan pejabat yang berwenang" in note


def test_a_baselined_finding_is_a_repeated_note(policy_result: RunResult) -> None:
    text = render(policy_result)
    kept = [f for f in policy_result.findings if f.suppression and f.suppression.kind == "baseline"]
    assert kept
    note = _note_of(text, kept[0].location.file)
    assert note.count("- Catatan berulang:") == len(kept)
    assert f"{len(kept)} merupakan catatan berulang dari reviu sebelumnya" in note


def test_fixed_findings_are_a_follow_up_named_as_printed(policy_result: RunResult) -> None:
    text = render(policy_result)
    outcome = policy_result.baseline
    assert outcome is not None
    labels = {report.label for report in policy_result.reports}
    mine = [e for e in outcome.fixed if fixed_label(outcome, e) in labels]
    others = [e for e in outcome.fixed if fixed_label(outcome, e) not in labels]
    assert mine and others
    for entry in mine:
        note = _note_of(text, fixed_label(outcome, entry))
        follow_up = note[note.index("### Tindak Lanjut Catatan Sebelumnya") :]
        follow_up = follow_up.split("\n## ")[0]
        title = policy_result.catalog.title_of(entry.rule).id
        assert f"Sudah diperbaiki: {plain(title)} pada Tabel 3.8" in follow_up
        assert entry.pointer not in follow_up and entry.rule not in follow_up
    tail = text.split("\n---\n")[-1]
    assert tail.lstrip().startswith("# Catatan atas Pengecualian dan Baseline Pemeriksaan")
    for entry in others:
        assert plain(fixed_label(outcome, entry)) in tail


def test_no_review_note_for_a_configuration_file(policy_result: RunResult) -> None:
    text = render(policy_result)
    assert text.count("# CATATAN HASIL REVIU") == len(policy_result.reports)
    config = next(r for r in policy_result.files if r.role == "config")
    tail = text.split("\n---\n")[-1]
    assert f"## {config.label}" in tail
    for finding in config.findings:
        assert f"Kondisi: {plain(finding.message.id)}" in tail
        assert f"| {finding.rule} |" in tail  # its technical reference


def test_every_report_kind_has_a_name() -> None:
    from sakip_validate.domain.scope import JENIS
    from sakip_validate.plugins.reviu.note import REPORT_NAMES

    assert set(JENIS.keys()) <= set(REPORT_NAMES)
