"""A data repository adopts the gate: discovery, selection, overrides, waivers, a baseline
that survives reformatting, exit codes, and -j 2 giving exactly what -j 1 gives.

The repository is built in a temporary folder from the starter and reference reports:
reports of several OPD and kecamatan in folders, a sakip.toml, a package.json and a
copy of the JSON Schema that must not be taken for reports.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.make_corpus import write_corpus

ROOT = Path(__file__).resolve().parent.parent.parent
VALID = (ROOT / "tests" / "data" / "valid.toml").read_text(encoding="utf-8")
EXAMPLE = (ROOT / "examples" / "jatinegara-2021.toml").read_text(encoding="utf-8")
CHECK = [sys.executable, "-m", "sakip_validate", "check"]
TODAY = "1767225600"  # SOURCE_DATE_EPOCH of 2026-01-01: waivers are judged on that day

CONFIG = """\
# Gerbang CI data LKjIP kabupaten
exclude = ["arsip/**"]
ignore = ["LKP"]

[[overrides]]
files = ["kecamatan/**"]
severity = { TGT001 = "info" }

[[pengecualian]]
aturan = "CAP"
berkas = ["kecamatan/jatinegara.toml"]
alasan = "Capaian IKM 2020 dikoreksi dengan hasil survei ulang; menunggu LKjIP perubahan."
disetujui_oleh = { nama = "Ir. Contoh", nip = "19700101 199503 1 001", jabatan = "Inspektur" }
berlaku_sampai = 2026-06-30

[[pengecualian]]
aturan = "DIS"
berkas = ["kecamatan/jatinegara.toml"]
alasan = "Pernyataan sebaran desa disepakati diperbaiki pada revisi berikutnya."
disetujui_oleh = { nama = "Ir. Contoh, M.Si.", nip = "19700101 199503 1 001" }
berlaku_sampai = 2025-12-31

[[pengecualian]]
aturan = "ANG009"
berkas = ["opd/**"]
alasan = "Pengecualian lama untuk tabel anggaran yang sudah diperbaiki."
disetujui_oleh = { nama = "Ir. Contoh, M.Si.", nip = "19700101 199503 1 001" }
berlaku_sampai = 2027-01-01
"""


def _opd(name: str) -> str:
    return VALID.replace("Kecamatan Contoh", name)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    repo = tmp_path / "data-lkjip"
    for index, name in enumerate(
        ["Dinas Pendidikan", "Dinas Kesehatan", "Bappeda", "Dinas Sosial", "BPKAD"]
    ):
        folder = repo / "opd" / f"{index:02d}"
        folder.mkdir(parents=True)
        (folder / "lkjip-2025.toml").write_text(_opd(name), encoding="utf-8")
    kecamatan = repo / "kecamatan"
    kecamatan.mkdir()
    (kecamatan / "jatinegara.toml").write_text(EXAMPLE, encoding="utf-8")
    for index in range(20):
        (kecamatan / f"kec-{index:02d}.toml").write_text(
            _opd(f"Kecamatan Nomor {index}"), encoding="utf-8"
        )
    (repo / "arsip").mkdir()
    (repo / "arsip" / "lama.toml").write_text(EXAMPLE, encoding="utf-8")  # excluded
    (repo / "package.json").write_text('{"name": "data-lkjip", "private": true}\n')
    (repo / "lkjip.schema.json").write_bytes((ROOT / "schemas" / "lkjip.schema.json").read_bytes())
    (repo / "sakip.toml").write_text(CONFIG, encoding="utf-8")
    return repo


def check(repo: Path, *args: str) -> tuple[int, dict[str, object], str]:
    """``sakip-validate check .`` inside ``repo`` with JSON on stdout."""
    result = subprocess.run(
        [sys.executable, "-m", "sakip_validate", "check", ".", "--format", "json", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": TODAY, "NO_COLOR": "1"},
        check=False,
    )
    return result.returncode, json.loads(result.stdout or "{}"), result.stderr


def rules_of(document: dict[str, object], file: str | None = None) -> list[str]:
    findings = document["findings"]
    assert isinstance(findings, list)
    return sorted(
        f["rule"]
        for f in findings
        if file is None or f["file"].endswith(file)  # type: ignore[index]
    )


def test_discovery_selection_overrides_and_waivers(repository: Path) -> None:
    code, document, stderr = check(repository)
    assert "Traceback" not in stderr
    files = {f["file"] for f in document["files"]}  # type: ignore[union-attr, index]
    # 5 OPD and 21 kecamatan reports; not the package.json, the schema copy, nor arsip/
    assert len(files) == 26 + 1  # and sakip.toml, which holds findings about its waivers
    assert "sakip.toml" in files and "package.json" not in {Path(f).name for f in files}
    assert not any(f.startswith("arsip") for f in files)
    findings = document["findings"]
    assert isinstance(findings, list)
    # ignore = ["LKP"]: no LKP finding anywhere
    assert not [f for f in findings if f["rule"].startswith("LKP")]
    jatinegara = [f for f in findings if f["file"] == "kecamatan/jatinegara.toml"]
    # the override makes TGT001 an info in kecamatan/
    assert {f["severity"] for f in jatinegara if f["rule"] == "TGT001"} == {"info"}
    # CAP findings are waived (valid until 2026-06-30), with the reason in the output
    capaian = [f for f in jatinegara if f["rule"].startswith("CAP")]
    assert capaian and all(f["suppression"]["kind"] == "waiver" for f in capaian)
    assert "survei ulang" in capaian[0]["suppression"]["reason"]
    # DIS waiver expired on 2025-12-31: its findings count, and the waiver is a finding
    assert [f for f in jatinegara if f["rule"].startswith("DIS") and f["suppression"] is None]
    config = [f["rule"] for f in findings if f["file"] == "sakip.toml"]
    assert sorted(config) == ["POLICY001", "POLICY002"]  # DIS expired, ANG009 unused
    assert code == 1  # errors remain (NAR, DIS, KAT...)
    # the clean OPD reports have no finding
    assert rules_of(document, "opd/00/lkjip-2025.toml") == []


def test_select_from_the_command_line_and_exit_codes(repository: Path) -> None:
    code, document, _ = check(repository, "--select", "CAP", "--isolated")
    # isolated: no waiver, so the CAP errors of the reference report fail the run
    assert code == 1
    assert {r[:3] for r in rules_of(document)} == {"CAP"}
    code, _, _ = check(repository, "--select", "CAP", "--isolated", "--exit-zero")
    assert code == 0
    code, document, _ = check(repository, "--select", "ANG020")
    assert code == 0 and rules_of(document, "jatinegara.toml") == []


def test_a_baseline_keeps_old_findings_quiet_and_survives_a_reformat(repository: Path) -> None:
    code, _, stderr = check(repository, "--write-baseline", "baseline.json")
    assert code == 0 and "baseline" in stderr
    code, document, _ = check(repository, "--baseline", "baseline.json")
    assert code == 1  # the expired waiver's own finding is new every time
    findings = document["findings"]
    assert isinstance(findings, list)
    active = [f for f in findings if f["suppression"] is None]
    assert [f["rule"] for f in active] == ["POLICY001", "POLICY002"]
    # reformat the reference report: spacing, a comment, the order of two keys
    report = repository / "kecamatan" / "jatinegara.toml"
    text = report.read_text(encoding="utf-8")
    text = "# diformat ulang\n\n" + text.replace(
        "tahun_anggaran = 2021", "tahun_anggaran   =   2021"
    )
    report.write_text(text, encoding="utf-8")
    _, document, _ = check(repository, "--baseline", "baseline.json")
    active = [f for f in document["findings"] if f["suppression"] is None]  # type: ignore[union-attr]
    assert [f["rule"] for f in active] == ["POLICY001", "POLICY002"]
    # a new mistake is new
    broken = repository / "opd" / "00" / "lkjip-2025.toml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("capaian = 98.75", "capaian = 97.75"),
        encoding="utf-8",
    )
    _, document, _ = check(repository, "--baseline", "baseline.json")
    new = [
        f["rule"]
        for f in document["findings"]  # type: ignore[union-attr]
        if f["suppression"] is None and f["file"].startswith("opd/")
    ]
    assert new and all(rule.startswith(("CAP", "KAT")) for rule in new)


@pytest.mark.slow
def test_jobs_two_gives_exactly_the_findings_of_jobs_one(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", files=500, broken_fraction=0.05, noise=0.2)
    outputs = []
    for jobs in ("1", "2"):
        result = subprocess.run(
            [*CHECK, "corpus", "-j", jobs, "--format", "json", "--isolated"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode in (0, 1), result.stderr
        outputs.append(json.loads(result.stdout))
    one, two = outputs
    assert one["summary"]["files"] == 500
    assert one["files"] == two["files"]
    assert one["findings"] == two["findings"]
