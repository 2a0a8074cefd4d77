"""Write the printed-form fixtures: not-available marks, index units and rupiah with decimals.

Each file is the valid starter report (``tests/data/valid.toml`` or ``.json``)
with one printed form as real reports print it: ``n/a`` in lower case, an en or
em dash for "not available", an index indicator whose unit is printed "Nilai",
"Poin" or "Indeks", rupiah printed with ``,00`` decimals. A TOML file starts with
a comment saying what it shows and what it must give; a JSON file cannot hold a
comment, so ``CASES`` below is its description. The files are committed;
``tests/shapes/test_printed_forms.py`` checks that they match this script and
that each gives exactly the findings listed here. Rewrite them with::

    python tests/data/shapes/make_printed_forms.py
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
class Case:
    """A fixture: what it shows, the edits to the valid report, and what it must give."""

    about: str
    edits: tuple[tuple[str, str], ...]  # (text of the valid report, its replacement)
    # (rule, pointer, words its Indonesian message must hold, words of its English one)
    findings: tuple[tuple[str, str, str, str], ...] = ()


_ROW = 'target = 80.00\nrealisasi = 79.00\ncapaian = 98.75\nkategori = "Sangat Tinggi"'
_JROW = '"realisasi": 79.00,\n          "capaian": 98.75,\n          "kategori": "Sangat Tinggi"'
_UNMEASURED = 'alasan_tidak_terukur = "Survei Kepuasan Masyarakat 2025 belum dilaksanakan"'


def _not_measured(mark: str) -> tuple[tuple[str, str], ...]:
    row = f'target = 80.00\nrealisasi = "{mark}"\ncapaian = "{mark}"\nkategori = "{mark}"'
    return ((_ROW, row + "\n" + _UNMEASURED),)


_PK_ROW = '[[tabel.perjanjian_kinerja.baris]]\nindikator = "IKM"\n'
_ZERO_TARGET = (
    ("2025 = 80.00", "2025 = 0"),
    (_PK_ROW + "target = 80.00", _PK_ROW + "target = 0"),
)
_RUPIAH = (
    (
        "anggaran = 100_000_000\nrealisasi = 90_000_000",
        "anggaran = 100000000.00\nrealisasi = 90_000_000.00",
    ),
)
_TOTAL = "[tabel.realisasi_anggaran.jumlah]\n"
_KEGIATAN = 'nama = "Kegiatan Administrasi Keuangan Perangkat Daerah"\n'

CASES: dict[str, Case] = {
    "na-lowercase.toml": Case(
        'realisasi, capaian dan kategori tercetak "n/a" (huruf kecil), dengan alasan tidak terukur',
        _not_measured("n/a"),
    ),
    "na-en-dash.toml": Case(
        'realisasi, capaian dan kategori tercetak "–" (tanda pisah), dengan alasan tidak terukur',
        _not_measured("\u2013"),
    ),
    "na-em-dash.toml": Case(
        'realisasi, capaian dan kategori tercetak "—" (tanda pisah panjang), dengan alasan',
        _not_measured("\u2014"),
    ),
    "na-lowercase-unexplained.toml": Case(
        'realisasi "n/a" tanpa alasan tidak terukur: LKP016, mengutip "n/a" seperti tercetak',
        ((_ROW, 'target = 80.00\nrealisasi = "n/a"\ncapaian = "n/a"\nkategori = "n/a"'),),
        (("LKP016", "/tabel/capaian/baris/0/realisasi", "menulis n/a", "prints n/a"),),
    ),
    "na-lowercase-zero-target.toml": Case(
        'target 0 dan capaian tercetak "n/a": sah, sama dengan "N/A"',
        (*_ZERO_TARGET, (_ROW, 'target = 0\nrealisasi = 79.00\ncapaian = "n/a"\nkategori = "n/a"')),
    ),
    "na-en-dash-zero-target.toml": Case(
        'target 0 dan capaian tercetak "–": sah, sama dengan "-"',
        (
            *_ZERO_TARGET,
            (_ROW, 'target = 0\nrealisasi = 79.00\ncapaian = "\u2013"\nkategori = "\u2013"'),
        ),
    ),
    "na-lowercase.json": Case(
        'realisasi, capaian dan kategori tercetak "n/a", dengan alasan tidak terukur',
        (
            (
                _JROW,
                '"realisasi": "n/a",\n          "capaian": "n/a",\n          "kategori": "n/a",\n'
                '          "alasan_tidak_terukur": "Survei belum dilaksanakan"',
            ),
        ),
    ),
    "satuan-nilai-for-index.toml": Case(
        'indikator indeks bersatuan "Indeks", Tabel 2.3 mencetak satuan "Nilai": satuan yang sama',
        ((_PK_ROW, _PK_ROW + 'satuan_tertulis = "Nilai"\n'),),
    ),
    "satuan-poin-for-index.toml": Case(
        'indikator indeks bersatuan "Poin", Tabel 2.3 mencetak "Indeks": satuan yang sama',
        (
            ('satuan = "Indeks"', 'satuan = "Poin"'),
            (_PK_ROW, _PK_ROW + 'satuan_tertulis = "Indeks"\n'),
        ),
    ),
    "satuan-nilai-printed-percent.toml": Case(
        'indikator indeks bersatuan "Nilai", Tabel 2.3 mencetak "Persentase": temuan TGT011',
        (
            ('satuan = "Indeks"', 'satuan = "Nilai"'),
            (_PK_ROW, _PK_ROW + 'satuan_tertulis = "Persentase"\n'),
        ),
        (
            (
                "TGT011",
                "/tabel/perjanjian_kinerja/baris/0/satuan_tertulis",
                "bersatuan Persentase",
                "unit Persentase",
            ),
        ),
    ),
    "satuan-nilai-target-differs.toml": Case(
        'indikator bersatuan "Nilai" dengan target berbeda di Tabel 2.3: angkanya tanpa tanda %',
        (
            ('satuan = "Indeks"', 'satuan = "Nilai"'),
            (_PK_ROW + "target = 80.00", _PK_ROW + "target = 82.00"),
        ),
        (
            (
                "TGT001",
                "/tabel/perjanjian_kinerja/baris/0/target",
                "tertulis 82,00, sedangkan Tabel 2.1 dan Tabel 3.2 menulis 80,00 ",
                "is 82.00 in Tabel 2.3, but 80.00 in Tabel 2.1 and Tabel 3.2 ",
            ),
        ),
    ),
    "rupiah-with-decimals.toml": Case(
        "rupiah tercetak dengan ,00 (100000000.00): dibaca tepat sebagai rupiah bulat",
        (*_RUPIAH, (_TOTAL + "anggaran = 100_000_000", _TOTAL + "anggaran = 100_000_000.00")),
    ),
    "rupiah-with-decimals.json": Case(
        "rupiah tercetak dengan ,00 (100000000.00): dibaca tepat sebagai rupiah bulat",
        (
            ('"anggaran": 100000000,', '"anggaran": 100000000.00,'),
            ('"realisasi": 90000000,', '"realisasi": 90000000.00,'),
        ),
    ),
    "rupiah-with-decimals-sum-wrong.toml": Case(
        "rupiah dengan ,00 dan anggaran kegiatan yang tidak sama dengan programnya: temuan yang "
        "sama dengan rupiah tanpa desimal",
        (*_RUPIAH, (_KEGIATAN + "anggaran = 100_000_000", _KEGIATAN + "anggaran = 95_000_000.00")),
        (
            (
                "ANG004",
                "/tabel/realisasi_anggaran/baris/1/anggaran",
                "anggaran tertulis Rp95.000.000, kemungkinan seharusnya Rp100.000.000",
                "printed as Rp95,000,000 and was probably meant to be Rp100,000,000",
            ),
        ),
    ),
    "rupiah-with-sen.toml": Case(
        "realisasi dengan sen (90_000_000.50): belum dapat diperiksa, temuan SCHEMA001",
        (("realisasi = 90_000_000", "realisasi = 90_000_000.50"),),
        (
            (
                "SCHEMA001",
                "/tabel/realisasi_anggaran/baris/0/realisasi",
                "memuat sen atau desimal selain ,00",
                "holds sen or decimals other than ,00",
            ),
        ),
    ),
}


def build(name: str) -> bytes:
    """The fixture's bytes."""
    case = CASES[name]
    fmt = name.rsplit(".", 1)[1]
    text = VALID[fmt]
    for old, new in case.edits:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    if fmt == "toml":
        header = [f"# Fixture: {case.about}."]
        header += [f"# Harus memberi {rule} di {pointer}" for rule, pointer, _, _ in case.findings]
        if not case.findings:
            header.append("# Harus memberi: tidak ada temuan.")
        text = "\n".join(header) + "\n" + text
    return text.encode("utf-8")


def write_all(folder: Path = HERE) -> None:
    for name in CASES:
        (folder / name).write_bytes(build(name))


if __name__ == "__main__":
    write_all()
