"""End to end: the review note in Markdown and Word, with the auditor's particulars from the
configuration's [reviu] table and from ``--reviu``.

Counts come from the engine's own findings on the example, never pinned.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
from click.testing import CliRunner

from sakip_validate.api import run
from sakip_validate.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"

CONFIG = """\
[reviu]
apip = "Inspektorat Kabupaten Tegal"
surat_tugas = { nomor = "700/123/Insp/2022", tanggal = 2022-03-14 }
ketua_tim = { nama = "SITI AMINAH, S.E.", nip = "19800101 200501 2 001" }
anggota_tim = [{ nama = "BUDI SANTOSO", nip = "19900202 201501 1 002" }]
pengendali_mutu = { nama = "DRS. HARYANTO", nip = "19680606 199003 1 005" }
"""


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_note_in_markdown_and_word_with_particulars(tmp_path: Path) -> None:
    config = tmp_path / "sakip.toml"
    config.write_text(CONFIG, encoding="utf-8")
    note, paper = tmp_path / "chr.md", tmp_path / "chr.docx"
    code, output = invoke(
        "check", str(EXAMPLE), "--config", str(config),
        "--format", "reviu", "-o", str(note),
        "--format", "reviu-docx", "-o", str(paper),
        "--reviu", "periode.mulai=2022-03-14", "--reviu", "periode.selesai=2022-03-18",
        "--reviu", "surat_tugas.nomor=700/124/Insp/2022",
    )  # fmt: skip
    assert code == 1, output  # the example's errors
    findings = run([str(EXAMPLE)]).findings
    text = note.read_text(encoding="utf-8")
    assert "- Surat Tugas: Nomor 700/124/Insp/2022, tanggal 14 Maret 2022" in text  # option wins
    assert "- Periode reviu: 14 Maret 2022 s.d. 18 Maret 2022" in text
    assert "- Ketua Tim: SITI AMINAH, S.E., NIP 19800101 200501 2 001" in text
    assert "- Anggota Tim: BUDI SANTOSO, NIP 19900202 201501 1 002" in text
    numbers = re.findall(r"^(\d+)\. Kondisi: ", text, flags=re.M)
    assert len(numbers) == len(findings)
    document = docx.Document(io.BytesIO(paper.read_bytes()))
    fields = {row.cells[0].text: row.cells[2].text for row in document.tables[0].rows}
    assert fields["Surat Tugas"] == "Nomor 700/124/Insp/2022, tanggal 14 Maret 2022"
    assert fields["Periode reviu"] == "14 Maret 2022 s.d. 18 Maret 2022"
    points = [
        row
        for table in document.tables
        if table.rows[0].cells[1].text == "Uraian catatan"
        for row in list(table.rows)[1:]
    ]
    assert len(points) == len(findings)
    assert "CATATAN HASIL REVIU" in [p.text for p in document.paragraphs]


def test_word_needs_a_file() -> None:
    code, output = invoke("check", str(EXAMPLE), "--format", "reviu-docx")
    assert code == 2
    assert "reviu-docx" in output and "-o" in output


def test_a_wrong_particular_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "chr.docx"
    code, output = invoke(
        "check", str(EXAMPLE), "--isolated", "--format", "reviu-docx", "-o", str(target),
        "--reviu", "surat_tugas.tanggal=14-03-2022",
    )  # fmt: skip
    assert code == 2
    assert "--reviu" in output and "surat_tugas.tanggal" in output
    assert not target.exists()


def test_a_wrong_reviu_table_stops_the_run_with_its_place(tmp_path: Path) -> None:
    config = tmp_path / "sakip.toml"
    config.write_text('[reviu]\nketua_tim = { nama = "X", nip = "NIP-1" }\n', encoding="utf-8")
    code, output = invoke("check", str(EXAMPLE), "--config", str(config))
    assert code == 2
    assert f"{config}:2:" in output and "reviu.ketua_tim.nip" in output


def test_listed_and_shown(tmp_path: Path) -> None:
    code, output = invoke("formats")
    assert code == 0 and "reviu-docx" in output
    config = tmp_path / "sakip.toml"
    config.write_text(CONFIG, encoding="utf-8")
    code, output = invoke("config", str(tmp_path), "--format", "json")
    assert code == 0
    settings = {row["key"]: row for row in json.loads(output)["settings"]}
    assert settings["reviu.surat_tugas.nomor"]["value"] == "700/123/Insp/2022"
    assert settings["reviu.surat_tugas.nomor"]["source"].endswith("sakip.toml:3:25")
