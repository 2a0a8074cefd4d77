"""The guide's table map: every table is listed, and every example is valid report data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sakip_validate.api import run

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schemas" / "lkjip.schema.json").read_text(encoding="utf-8"))
TABLES = list(SCHEMA["properties"]["tabel"]["properties"])
GUIDE = (ROOT / "docs" / "panduan.md").read_text(encoding="utf-8")
SECTION = re.split(r"\n##+ ", GUIDE.split("### Peta tabel", 1)[1], maxsplit=1)[0]
EXAMPLES = re.findall(r"```toml\n(.+?)```", SECTION, re.DOTALL)
# What an example needs around it to be a report: the header and the indicators it names.
HEADER = """versi_skema = "1.0"
[laporan]
jenis = "LKjIP"
tahun_anggaran = 2021
unit = { nama = "Kecamatan Contoh", tingkat = "kecamatan" }
[[indikator]]
id = "IKM"
nama = "Laju Peningkatan Nilai IKM Kecamatan"
satuan = "Indeks"
polaritas = "positif"
"""


def test_the_map_lists_every_table_with_an_example() -> None:
    for key in TABLES:
        assert f"`tabel.{key}`" in SECTION, key
        assert any(f"[tabel.{key}]" in example for example in EXAMPLES), key


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda text: text.split("]")[0][1:])
def test_each_example_is_valid_report_data(example: str, tmp_path: Path) -> None:
    path = tmp_path / "contoh.toml"
    path.write_text(HEADER + example, encoding="utf-8")
    findings = run([str(path)]).findings
    unreadable = [f for f in findings if f.rule.startswith(("LOAD", "SCHEMA"))]
    assert unreadable == [], [f.message.en for f in unreadable]
