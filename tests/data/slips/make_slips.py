"""Write the slip fixtures: numbers written the way a printed report writes them.

Each file is the valid starter report (``tests/data/valid.toml`` or ``.json``)
with one or more numbers written as an Indonesian report prints them: a decimal
comma, thousands dots, ``Rp``, ``,-`` or ``%``, bare or in quotes. A TOML file
starts with a comment saying what it shows and what it must give; a JSON file
cannot hold a comment, so ``CASES`` below is its description. The files are
committed; ``tests/shapes/test_slips.py`` checks that they match this script and
that each gives exactly the findings listed here. Rewrite them with::

    python tests/data/slips/make_slips.py
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
VALID = {
    "toml": (DATA / "valid.toml").read_text(encoding="utf-8"),
    "json": (DATA / "valid.json").read_text(encoding="utf-8"),
}


@dataclass(frozen=True)
class Expected:
    """One finding a fixture must give: where, and the message's two key parts."""

    rule: str
    line: int
    column: int
    written: str  # as the message quotes it after "tertulis: " / "written: "
    write: str  # what the message says to write, after "tulis: " / "write: "


@dataclass(frozen=True)
class Case:
    """A fixture: what it shows, the edits to the valid report, and what it must give."""

    about: str
    edits: tuple[tuple[str, str], ...]  # (text of the valid report, its replacement)
    # Each slip: (the edit's new text, the written form in it, what to write).
    slips: tuple[tuple[str, str, str], ...]
    # Further findings: (rule, a text of the fixture, the part of it the finding points at).
    other: tuple[tuple[str, str, str], ...] = ()


CASES: dict[str, Case] = {
    "capaian-decimal-comma.toml": Case(
        "koma desimal: capaian = 98,75",
        (("capaian = 98.75", "capaian = 98,75"),),
        (("capaian = 98,75", "98,75", "98.75"),),
    ),
    "anggaran-thousands-dots.toml": Case(
        "titik ribuan: anggaran = 100.000.000",
        (("anggaran = 100_000_000", "anggaran = 100.000.000"),),
        (("anggaran = 100.000.000", "100.000.000", "100_000_000"),),
    ),
    "anggaran-thousands-dots-and-decimals.toml": Case(
        "titik ribuan dan koma desimal: anggaran = 100.000.000,00",
        (("anggaran = 100_000_000", "anggaran = 100.000.000,00"),),
        (("anggaran = 100.000.000,00", "100.000.000,00", "100_000_000.00"),),
    ),
    "anggaran-one-thousands-dot.toml": Case(
        "satu titik ribuan: anggaran = 100.000 (TOML membacanya 100,000, bukan seratus ribu)",
        (("anggaran = 100_000_000", "anggaran = 100.000"),),
        (("anggaran = 100.000", "100.000", "100_000"),),
    ),
    "anggaran-rp-prefix.toml": Case(
        "awalan Rp: anggaran = Rp 100.000.000",
        (("anggaran = 100_000_000", "anggaran = Rp 100.000.000"),),
        (("anggaran = Rp 100.000.000", "Rp 100.000.000", "100_000_000"),),
    ),
    "anggaran-rp-and-dash.toml": Case(
        "awalan Rp dan akhiran ,-: anggaran = Rp100.000.000,-",
        (("anggaran = 100_000_000", "anggaran = Rp100.000.000,-"),),
        (("anggaran = Rp100.000.000,-", "Rp100.000.000,-", "100_000_000"),),
    ),
    "realisasi-dash-suffix.toml": Case(
        "akhiran ,-: realisasi = 90.000.000,-",
        (("realisasi = 90_000_000", "realisasi = 90.000.000,-"),),
        (("realisasi = 90.000.000,-", "90.000.000,-", "90_000_000"),),
    ),
    "capaian-percent-sign.toml": Case(
        "tanda %: capaian = 98.75%",
        (("capaian = 98.75", "capaian = 98.75%"),),
        (("capaian = 98.75%", "98.75%", "98.75"),),
    ),
    "persen-decimal-comma-and-percent.toml": Case(
        "koma desimal dan tanda % berspasi: persen = 90,00 %",
        (("persen = 90.00", "persen = 90,00 %"),),
        (("persen = 90,00 %", "90,00 %", "90.00"),),
    ),
    "target-inline-table-decimal-comma.toml": Case(
        "koma desimal di dalam tabel sebaris: target = { 2025 = 80,00, ... }",
        (("2025 = 80.00, 2026 = 81.00", "2025 = 80,00, 2026 = 81,00"),),
        (
            ("2025 = 80,00, 2026 = 81,00", "80,00", "80.00"),
            ("2026 = 81,00", "81,00", "81.00"),
        ),
    ),
    "several-slips.toml": Case(
        "tiga angka cara cetak di tiga baris: semuanya dilaporkan, masing-masing di tempatnya",
        (
            ("target = 80.00\nrealisasi = 79.00", "target = 80,00\nrealisasi = 79,00"),
            ("anggaran = 100_000_000", "anggaran = Rp 100.000.000,-"),
        ),
        (
            ("target = 80,00\nrealisasi", "80,00", "80.00"),
            ("realisasi = 79,00", "79,00", "79.00"),
            ("anggaran = Rp 100.000.000,-", "Rp 100.000.000,-", "100_000_000"),
        ),
    ),
    "slip-after-another-error.toml": Case(
        "teks tanpa tanda kutip penutup, lalu koma desimal: keduanya dilaporkan",
        (
            ('tempat = "Contoh"', 'tempat = "Contoh'),
            ("capaian = 98.75", "capaian = 98,75"),
        ),
        (("capaian = 98,75", "98,75", "98.75"),),
        (("LOAD003", 'tempat = "Contoh\n', "\n"),),
    ),
    "capaian-text-with-percent.toml": Case(
        'angka sebagai teks dengan koma dan %: capaian = "98,75%"',
        (("capaian = 98.75", 'capaian = "98,75%"'),),
        (('capaian = "98,75%"', '"98,75%"', "98.75"),),
    ),
    "anggaran-text-rupiah.toml": Case(
        'rupiah sebagai teks: anggaran = "Rp 100.000.000,-"',
        (("anggaran = 100_000_000", 'anggaran = "Rp 100.000.000,-"'),),
        (('anggaran = "Rp 100.000.000,-"', '"Rp 100.000.000,-"', "100_000_000"),),
    ),
    "capaian-decimal-comma.json": Case(
        'koma desimal: "capaian": 98,75',
        (('"capaian": 98.75', '"capaian": 98,75'),),
        (('"capaian": 98,75', "98,75", "98.75"),),
    ),
    "anggaran-thousands-dots.json": Case(
        'titik ribuan: "anggaran": 100.000.000',
        (('"anggaran": 100000000', '"anggaran": 100.000.000'),),
        (('"anggaran": 100.000.000', "100.000.000", "100000000"),),
    ),
    "anggaran-one-thousands-dot.json": Case(
        'satu titik ribuan: "anggaran": 100.000 (JSON membacanya 100,000)',
        (('"anggaran": 100000000', '"anggaran": 100.000'),),
        (('"anggaran": 100.000', "100.000", "100000"),),
    ),
    "anggaran-rp-and-dash.json": Case(
        'awalan Rp dan akhiran ,-: "anggaran": Rp 100.000.000,-',
        (('"anggaran": 100000000', '"anggaran": Rp 100.000.000,-'),),
        (('"anggaran": Rp 100.000.000,-', "Rp 100.000.000,-", "100000000"),),
    ),
    "capaian-percent-sign.json": Case(
        'tanda %: "capaian": 98.75%',
        (('"capaian": 98.75', '"capaian": 98.75%'),),
        (('"capaian": 98.75%', "98.75%", "98.75"),),
    ),
    "capaian-text-decimal-comma.json": Case(
        'angka sebagai teks dengan koma desimal: "capaian": "98,75"',
        (('"capaian": 98.75', '"capaian": "98,75"'),),
        (('"capaian": "98,75"', '"98,75"', "98.75"),),
    ),
}


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _at(text: str, context: str, part: str) -> tuple[int, int]:
    at = text.find(context)
    assert at >= 0 and part in context, (context, part)
    return _position(text, at + context.index(part))


def build(name: str) -> tuple[bytes, list[Expected]]:
    """The fixture's bytes and the findings it must give, in document order."""
    case = CASES[name]
    fmt = name.rsplit(".", 1)[1]
    text = VALID[fmt]
    for old, new in case.edits:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    expected = [
        Expected("LOAD008", *_at(text, context, written), written, write)
        for context, written, write in case.slips
    ]
    expected += [
        Expected(rule, *_at(text, context, part), "", "") for rule, context, part in case.other
    ]
    expected.sort(key=lambda e: (e.line, e.column))
    if fmt == "toml":
        # A header: what the file shows, then each finding it must give.
        shift = 1 + len(expected)
        expected = [
            Expected(e.rule, e.line + shift, e.column, e.written, e.write) for e in expected
        ]
        header = [f"# Fixture: {case.about}."]
        for e in expected:
            where = f"# Harus memberi {e.rule} di baris {e.line} kolom {e.column}"
            said = f": tertulis: {e.written} — tulis: {e.write}" if e.write else ""
            header.append(where + said)
        text = "\n".join(header) + "\n" + text
    return text.encode("utf-8"), expected


def write_all(folder: Path = HERE) -> None:
    for name in CASES:
        (folder / name).write_bytes(build(name)[0])


if __name__ == "__main__":
    write_all()
