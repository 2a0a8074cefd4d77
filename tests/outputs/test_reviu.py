"""The ``reviu`` output: a draft Catatan Hasil Reviu in Bahasa Indonesia."""

from __future__ import annotations

import dataclasses
import io
import re
from collections import Counter

import pytest

from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.markdown import md_text
from sakip_validate.plugins.summary import fixed_label
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden


def render(result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output("reviu").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


def test_reviu_golden_id(example_result: RunResult) -> None:
    assert_golden("reviu-example-id.md", render(example_result, "id"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_deterministic(lang: str, example_result: RunResult) -> None:
    assert render(example_result, lang) == render(example_result, lang)


def test_structure(example_result: RunResult) -> None:
    text = render(example_result)
    first = text.split("\n---\n")[0]
    findings = example_result.files[0].findings
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
    # a table is headed as printed: its number and title
    assert "#### Tabel 3.2 Perbandingan Target dan Realisasi Kinerja" in first
    assert not [f for f in findings if f.table_key == "realisasi_anggaran"]
    assert "#### Tabel 3.8" not in first  # no finding on it, no heading
    # points numbered 1..n in order, each with condition, criteria and recommendation
    numbers = [int(n) for n in re.findall(r"^(\d+)\. \*\*Kondisi:\*\*", first, flags=re.M)]
    assert numbers == list(range(1, len(findings) + 1))
    assert first.count("**Rekomendasi:**") == len(findings)
    assert first.count("**Kriteria:**") == len(findings)
    # the closing: summary and blanks for the auditor
    counts = Counter(f.severity for f in findings)
    assert f"terdapat {len(findings)} catatan" in first
    assert f"{counts[Severity.ERROR]} kesalahan yang perlu diperbaiki" in first
    assert f"{counts[Severity.WARNING]} peringatan yang perlu mendapat perhatian" in first
    assert "Tim Reviu Inspektorat Kabupaten Tegal" in first
    assert "NIP: ....." in first and "Nama: ....." in first
    # the corrected copy gets its own note, without points
    second = text.split("\n---\n")[1]
    assert "tidak terdapat catatan" in second
    assert "**Kondisi:**" not in second


def test_recommendation_is_the_rule_fix(example_result: RunResult) -> None:
    text = render(example_result)
    for rule in {f.rule for f in example_result.findings}:
        info = example_result.catalog.get(rule)
        assert info is not None and info.fix is not None
        assert f"**Rekomendasi:** {md_text(info.fix.id)}" in text


def test_severity_in_the_note_s_own_words(example_result: RunResult) -> None:
    text = render(example_result)
    words = {
        Severity.ERROR: "kesalahan",
        Severity.WARNING: "peringatan",
        Severity.INFO: "informasi",
    }
    for finding in example_result.files[0].findings:
        assert f"aturan {finding.rule} ({words[finding.severity]}).*" in text


def test_stays_indonesian_in_english(example_result: RunResult) -> None:
    indonesian = render(example_result, "id").splitlines()
    english = render(example_result, "en").splitlines()
    assert len(indonesian) == len(english)
    changed = [(a, b) for a, b in zip(indonesian, english, strict=True) if a != b]
    assert changed, "--lang en glosses the headings"
    for before, after in changed:
        assert before.startswith("#") and after.startswith(before + " (")


def test_hostile_is_inert(hostile_result: RunResult) -> None:
    text = render(hostile_result)
    assert "<script" not in text
    assert "http://" not in text and "@SUM" not in text
    assert "=HYPERLINK" in text  # shown as text (Markdown gives "=" no meaning inline)
    for line in text.splitlines():
        assert not line.lstrip().startswith(("::", "=", "<!--"))
    # a report newline never starts a new Markdown block
    points = re.findall(r"^\d+\. \*\*Kondisi:\*\* (.+)$", text, flags=re.M)
    assert len(points) == len(hostile_result.findings)
    assert any("baris kedua" in point for point in points)


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
    chapters = re.findall(r"^#{3,4} (.+)$", note.split("## Hasil Reviu")[1], flags=re.M)
    judul = data["tabel"]["iku"]["judul"]
    assert chapters[:2] == ["Bab II Perencanaan Kinerja", judul]


def test_survives_data_of_any_shape(example_result: RunResult) -> None:
    data = {
        "laporan": {"unit": {"nama": ["x"]}, "tahun_anggaran": {"a": 1}},
        "narasi": {"distribusi": "teks"},
        "tabel": {"capaian": {"nomor": 3}},
    }
    findings = [
        _finding("SCHEMA001", "/narasi/distribusi/0/bab", pack="skema"),
        _finding(
            "SCHEMA002",
            "/tabel/capaian",
            pack="skema",
            table=Text("Tabel 9.x", "Tabel 9.x"),
            table_key="capaian",
        ),
        _finding("LOAD003", "", pack="berkas"),
    ]
    result = RunResult(
        [FileReport("odd.toml", "toml", findings, data=data)],
        example_result.catalog,
        example_result.manifest,
    )
    note = render(result)
    assert "Pesan \\| \\*x\\*" in note
    assert "\\[nama unit\\]" in note and "\\[tahun\\]" in note
    assert "### Narasi Laporan" in note and "### Catatan Lainnya" in note
    assert "#### Tabel capaian kinerja" in note  # its number is not text: named by content


# -- the policy's marks ------------------------------------------------------------------


def _note_of(text: str, label: str) -> str:
    return next(part for part in text.split("\n---\n") if f"| Berkas data | {label}" in part)


def test_a_waived_finding_keeps_its_point_with_the_exception(policy_result: RunResult) -> None:
    text = render(policy_result)
    waived = [f for f in policy_result.findings if f.suppression and f.suppression.kind == "waiver"]
    assert waived
    for finding in waived:
        assert finding.suppression is not None
        note = _note_of(text, finding.location.file)
        point = note[note.index(f"**Kondisi:** {finding.message.id}") :].split("\n\n")[0]
        assert "**Pengecualian:** " + finding.suppression.reason in point
        assert f"Disetujui oleh {finding.suppression.approver}" in point
        assert "berlaku sampai " in point and " 2026 " in point
    note = _note_of(text, waived[0].location.file)
    assert "2 dikecualikan dengan persetujuan pejabat yang berwenang" in note


def test_a_baselined_finding_is_a_repeated_note(policy_result: RunResult) -> None:
    text = render(policy_result)
    kept = [f for f in policy_result.findings if f.suppression and f.suppression.kind == "baseline"]
    assert kept
    note = _note_of(text, kept[0].location.file)
    assert note.count("**Catatan berulang:**") == len(kept)
    assert f"{len(kept)} merupakan catatan berulang dari baseline" in note


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
        assert f"aturan {entry.rule} (" in follow_up
        assert "Tabel 3.8" in follow_up  # the printed table, not the data key
        assert entry.pointer not in follow_up
    tail = text.split("\n---\n")[-1]
    assert tail.lstrip().startswith("## Catatan atas Pengecualian dan Baseline Pemeriksaan")
    for entry in others:
        assert md_text(fixed_label(outcome, entry)) in tail


def test_no_review_note_for_a_configuration_file(policy_result: RunResult) -> None:
    text = render(policy_result)
    assert text.count("# CATATAN HASIL REVIU") == len(policy_result.reports)
    config = next(r for r in policy_result.files if r.role == "config")
    tail = text.split("\n---\n")[-1]
    assert f"### {config.label}" in tail
    for finding in config.findings:
        assert f"**Kondisi:** {finding.message.id}" in tail
