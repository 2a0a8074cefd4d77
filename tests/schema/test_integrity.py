"""References inside a report: ids declared once, references resolving, no induk cycle."""

from __future__ import annotations

from pathlib import Path

from sakip_validate.api import check_bytes
from sakip_validate.integrity import check_integrity
from sakip_validate.loading import load_bytes

ROOT = Path(__file__).resolve().parent.parent.parent
CORRECTED = (ROOT / "examples" / "jatinegara-2021-corrected.toml").read_text(encoding="utf-8")


def changed(old: str, new: str, after: str = "") -> str:
    """The corrected example with the first ``old`` after ``after`` replaced by ``new``."""
    start = CORRECTED.index(after) if after else 0
    head, tail = CORRECTED[:start], CORRECTED[start:]
    assert old in tail, old
    return head + tail.replace(old, new, 1)


def findings(text: str) -> list[tuple[str, str]]:
    document = load_bytes(text.encode(), "r.toml", "toml")
    return [(f.rule, f.location.pointer) for f in check_integrity(document)]


def test_the_corrected_example_is_whole() -> None:
    assert findings(CORRECTED) == []


def test_a_mistyped_indicator_id_gives_one_finding_with_the_declared_one() -> None:
    text = changed('indikator = "IKM"', 'indikator = "ikm"')
    document = load_bytes(text.encode(), "r.toml", "toml")
    (finding,) = check_integrity(document)
    assert finding.rule == "SCHEMA010"
    assert finding.location.pointer == "/tabel/iku/baris/0/indikator"
    assert "`ikm`" in finding.message.id and "maksudnya `IKM`?" in finding.message.id
    assert finding.location.line == text.splitlines().index('indikator = "ikm"') + 1
    # no cascade: the schema stage stops the file before any rule runs
    report = check_bytes(text.encode(), "r.toml", "toml")
    assert [f.rule for f in report.findings] == ["SCHEMA010"]
    assert not report.checked


def test_an_unknown_id_without_a_close_one_is_named_alone() -> None:
    text = changed('indikator = "IKM"', 'indikator = "Zzzzzz"')
    document = load_bytes(text.encode(), "r.toml", "toml")
    (finding,) = check_integrity(document)
    assert "maksudnya" not in finding.message.id


def test_an_indicator_declared_twice() -> None:
    text = changed('id = "DESA_MAJU"', 'id = "DESA_MANDIRI"')
    assert ("SCHEMA011", "/indikator/3/id") in findings(text)


def test_an_objective_that_does_not_exist() -> None:
    assert findings(changed('sasaran = "S1"', 'sasaran = "S9"')) == [
        ("SCHEMA010", "/indikator/1/sasaran")
    ]


def test_objectives_whose_parents_form_a_cycle() -> None:
    text = changed('id = "T1"\ntingkat = "tujuan"', 'id = "T1"\ntingkat = "tujuan"\ninduk = "S1"')
    document = load_bytes(text.encode(), "r.toml", "toml")
    (finding,) = check_integrity(document)
    assert finding.rule == "SCHEMA012"
    assert "T1 → S1 → T1" in finding.message.id or "S1 → T1 → S1" in finding.message.id


def test_budget_rows_whose_induk_forms_a_cycle() -> None:
    # program "1" names its own kegiatan as its parent: 1 -> 1.1 -> 1
    text = changed(
        'kode = "1"\ntingkat = "program"',
        'kode = "1"\ninduk = "1.1"\ntingkat = "program"',
        after="[tabel.realisasi_anggaran]",
    )
    document = load_bytes(text.encode(), "r.toml", "toml")
    rules = [(f.rule, f.location.pointer) for f in check_integrity(document)]
    assert rules == [("SCHEMA012", "/tabel/realisasi_anggaran/baris/0/induk")]


def test_a_budget_induk_that_names_no_row() -> None:
    text = changed(
        'kode = "1"\ntingkat = "program"',
        'kode = "1"\ninduk = "7"\ntingkat = "program"',
        after="[tabel.realisasi_anggaran]",
    )
    assert findings(text) == [("SCHEMA010", "/tabel/realisasi_anggaran/baris/0/induk")]
