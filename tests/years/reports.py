"""Small reports of one unit over several years, built from tests/data/valid.toml.

``valid.toml`` is the 2025 report of Kecamatan Contoh (Renstra 2025-2029, one
indicator IKM). :func:`report` rewrites it for another year and adds what the
checks across years read: the comparison table (Tabel 3.3), end targets
(Tabel 3.4) and more indicators. Every figure is given explicitly by the test
that needs it different.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import DATA

VALID = (DATA / "valid.toml").read_text(encoding="utf-8")

# Renstra targets (Tabel 2.1) as valid.toml prints them, and each year's own Tabel 3.2.
TARGETS = {2025: "80.00", 2026: "81.00", 2027: "82.00", 2028: "83.00", 2029: "84.00"}
OWN = {
    2025: ("80.00", "79.00", "98.75"),
    2026: ("81.00", "80.50", "99.38"),
    2027: ("82.00", "82.00", "100.00"),
}


@dataclass
class Report:
    """What to change in valid.toml; the defaults give consistent reports of every year."""

    year: int = 2025
    unit: str = "Kecamatan Contoh"
    government: str | None = "Kabupaten Contoh"
    period: tuple[int, int] = (2025, 2029)
    targets: dict[int, str] = field(default_factory=lambda: dict(TARGETS))
    own: tuple[str, str, str] | None = None  # target, realisasi, capaian of the year (Tabel 3.2)
    earlier: dict[int, tuple[str, str, str]] = field(default_factory=dict)  # Tabel 3.3
    end_target: str | None = None  # Tabel 3.4 (end year = the period's end)
    extra: list[tuple[str, str]] = field(default_factory=list)  # more indicators: (id, nama)
    waivers: list[str] = field(default_factory=list)  # rule ids waived in the report

    def text(self) -> str:
        text = VALID
        own = self.own or OWN[self.year]
        text = text.replace("tahun_anggaran = 2025", f"tahun_anggaran = {self.year}")
        text = text.replace("tahun_terbit = 2026", f"tahun_terbit = {self.year + 1}")
        text = text.replace('tanggal = "2026-02-25"', f'tanggal = "{self.year + 1}-02-25"')
        text = text.replace('nama = "Kecamatan Contoh"', f'nama = "{self.unit}"')
        government = 'pemerintah_daerah = "Kabupaten Contoh"'
        text = text.replace(
            government,
            f'pemerintah_daerah = "{self.government}"' if self.government else "",
        )
        text = text.replace(
            "periode_awal = 2025\nperiode_akhir = 2029",
            f"periode_awal = {self.period[0]}\nperiode_akhir = {self.period[1]}",
        )
        targets = ", ".join(f"{year} = {value}" for year, value in sorted(self.targets.items()))
        text = text.replace(
            "target = { 2025 = 80.00, 2026 = 81.00, 2027 = 82.00, 2028 = 83.00, 2029 = 84.00 }",
            f"target = {{ {targets} }}",
        )
        text = text.replace("tahun = 2025", f"tahun = {self.year}")
        text = text.replace(  # Perjanjian Kinerja
            'nomor = "2.3"\ntahun = ' + str(self.year) + "\n\n[[tabel.perjanjian_kinerja.baris]]\n"
            'indikator = "IKM"\ntarget = 80.00',
            'nomor = "2.3"\ntahun = ' + str(self.year) + "\n\n[[tabel.perjanjian_kinerja.baris]]\n"
            f'indikator = "IKM"\ntarget = {own[0]}',
        )
        text = text.replace(
            "target = 80.00\nrealisasi = 79.00\ncapaian = 98.75",
            f"target = {own[0]}\nrealisasi = {own[1]}\ncapaian = {own[2]}",
        )
        for ident, name in self.extra:
            text += (
                f'\n[[indikator]]\nid = "{ident}"\nnama = "{name}"\nsatuan = "Persen"\n'
                'polaritas = "positif"\nsasaran = "T1"\n'
            )
        if self.earlier:
            text += '\n[tabel.perbandingan_tahun]\nnomor = "3.3"\n\n'
            text += '[[tabel.perbandingan_tahun.baris]]\nindikator = "IKM"\n'
            for year, (target, realisasi, capaian) in sorted(self.earlier.items()):
                text += (
                    f"tahun.{year} = {{ target = {target}, realisasi = {realisasi}, "
                    f"capaian = {capaian} }}\n"
                )
        if self.end_target is not None:
            text += (
                '\n[tabel.target_akhir_renstra]\nnomor = "3.4"\n'
                f"tahun = {self.year}\ntahun_target_akhir = {self.period[1]}\n\n"
                '[[tabel.target_akhir_renstra.baris]]\nindikator = "IKM"\n'
                f"target_akhir = {self.end_target}\n"
            )
        for rule in self.waivers:
            text += (
                f'\n[[pengecualian]]\naturan = "{rule}"\n'
                'alasan = "Indikator dihapus dengan Reviu Renstra 2026"\n'
                'disetujui_oleh = { nama = "NAMA PEJABAT", nip = "19700101 199503 1 001" }\n'
                'berlaku_sampai = "2099-12-31"\n'
            )
        return text

    def write(self, folder: Path, name: str | None = None) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / (name or f"contoh-{self.year}.toml")
        path.write_text(self.text(), encoding="utf-8")
        return path


def line_of(path: Path, needle: str, after: str = "") -> int:
    """The 1-based line of the first line holding ``needle`` (after the first holding ``after``)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1
