"""The configuration's [reviu] table and ``--reviu KEY=VALUE``: read, checked, shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakip_validate.config import Config, ConfigError, load_config, reviu_options
from sakip_validate.papers import Person, ReviewParticulars

FULL = """\
[reviu]
apip = "Inspektorat Kabupaten Tegal"
nomor_kkr = "KKR-LKjIP/03"
surat_tugas = { nomor = "700/123/Insp/2022", tanggal = 2022-03-14 }
periode = { mulai = 2022-03-14, selesai = "2022-03-18" }
ketua_tim = { nama = "SITI AMINAH, S.E.", nip = "19800101 200501 2 001", jabatan = "Auditor Muda" }
anggota_tim = [
  { nama = "BUDI SANTOSO", nip = "19900202 201501 1 002" },
  { nama = "RINA WATI" },
]
pengendali_teknis = { nama = "AHMAD FAUZI, S.H.", nip = "19750505 200003 1 004" }
pengendali_mutu = { nama = "DRS. HARYANTO", nip = "19680606 199003 1 005" }
disusun_oleh = { nama = "BUDI SANTOSO", tanggal = 2022-03-16 }
direviu_oleh = { nama = "SITI AMINAH, S.E.", tanggal = 2022-03-17 }
"""


def write(tmp_path: Path, text: str, name: str = "sakip.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_reaches_the_particulars(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    assert config.particulars() == ReviewParticulars(
        apip="Inspektorat Kabupaten Tegal",
        kkr_index="KKR-LKjIP/03",
        surat_tugas_number="700/123/Insp/2022",
        surat_tugas_date="2022-03-14",
        period_start="2022-03-14",
        period_end="2022-03-18",
        ketua_tim=Person("SITI AMINAH, S.E.", "19800101 200501 2 001", "Auditor Muda"),
        anggota_tim=(Person("BUDI SANTOSO", "19900202 201501 1 002"), Person("RINA WATI")),
        pengendali_teknis=Person("AHMAD FAUZI, S.H.", "19750505 200003 1 004"),
        pengendali_mutu=Person("DRS. HARYANTO", "19680606 199003 1 005"),
        prepared_by=Person("BUDI SANTOSO"),
        prepared_on="2022-03-16",
        reviewed_by=Person("SITI AMINAH, S.E."),
        reviewed_on="2022-03-17",
    )


def test_in_pyproject_too(tmp_path: Path) -> None:
    text = FULL.replace("[reviu]", "[tool.sakip-validate.reviu]")
    config = load_config(write(tmp_path, text, "pyproject.toml"))
    assert config.particulars().surat_tugas_number == "700/123/Insp/2022"


def test_no_table_gives_blank_particulars() -> None:
    assert Config().particulars() == ReviewParticulars()


def test_shown_by_the_config_command_with_their_places(tmp_path: Path) -> None:
    path = write(tmp_path, FULL)
    rows = {key: (value, source) for key, value, source in load_config(path).effective()}
    assert rows["reviu.surat_tugas.nomor"] == ("700/123/Insp/2022", f"{path}:4:25")
    assert rows["reviu.periode.selesai"][0] == "2022-03-18"
    assert rows["reviu.ketua_tim.nama"][1] == f"{path}:6:22"
    assert rows["reviu.anggota_tim"][0][1] == {"nama": "RINA WATI"}


@pytest.mark.parametrize(
    ("line", "where", "said"),
    [
        ('surat_tugas = { nomor = "1", tanggal = 2022-13-01 }', ":2:", "TOML"),
        ('surat_tugas = { nomor = "1", tanggal = "14-03-2022" }', ":2:40", "bukan tanggal"),
        ('ketua_tim = { nama = "X", nip = "NIP-1" }', ":2:33", "berbentuk"),
        ('ketua_tim = { nama = "X", golongan = "III/d" }', ":2:", "golongan"),
        ('nomor_surat = "700/1"', ":2:1", "nomor_surat"),
        ("periode = { mulai = 2022-03-18, selesai = 2022-03-14 }", ":2:43", "sebelum mulai"),
        ('apip = ""', ":2:8", ""),
        ("ketua_tim = {}", ":2:13", ""),
        ("nomor_kkr = 3", ":2:13", ""),
    ],
)
def test_mistakes_name_file_line_and_column(
    tmp_path: Path, line: str, where: str, said: str
) -> None:
    path = write(tmp_path, f"[reviu]\n{line}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    (finding,) = raised.value.findings
    assert where in finding.location.display()
    assert said in finding.message.id + finding.message.en


# -- --reviu KEY=VALUE ------------------------------------------------------------------


def test_options_set_keys_as_the_file_does() -> None:
    overlay = reviu_options(
        [
            "surat_tugas.nomor=700/9/2022",
            "surat_tugas.tanggal=2022-03-14",
            'anggota_tim=[{nama="BUDI", nip="1990"}]',
            'ketua_tim.nama=SITI "ANI" AMINAH',
            "apip=Inspektorat Kota Contoh",
            "apip=Inspektorat Kabupaten Tegal",  # the last one counts
        ],
        {},
    )
    assert overlay == {
        "surat_tugas": {"nomor": "700/9/2022", "tanggal": "2022-03-14"},
        "anggota_tim": [{"nama": "BUDI", "nip": "1990"}],
        "ketua_tim": {"nama": 'SITI "ANI" AMINAH'},
        "apip": "Inspektorat Kabupaten Tegal",
    }


def test_options_override_and_extend_the_file(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    config.set_reviu(
        reviu_options(["surat_tugas.nomor=700/9/2022", "ketua_tim.jabatan=PPUPD"], config.reviu),
        "--reviu",
    )
    particulars = config.particulars()
    assert particulars.surat_tugas_number == "700/9/2022"
    assert particulars.surat_tugas_date == "2022-03-14"  # from the file
    assert particulars.ketua_tim == Person("SITI AMINAH, S.E.", "19800101 200501 2 001", "PPUPD")
    rows = {key: source for key, _, source in config.effective()}
    assert rows["reviu.surat_tugas.nomor"] == "--reviu"
    assert rows["reviu.surat_tugas.tanggal"].endswith(":4:56")


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["surat_tugas.tanggal=14-03-2022"], "reviu.surat_tugas.tanggal bukan tanggal"),
        (["surat.nomor=1"], "surat"),
        (["ketua_tim.nip=abc"], "reviu.ketua_tim.nip"),
        (["tanpa-sama-dengan"], "KUNCI=NILAI"),
        (["Surat_Tugas.nomor=1"], "KUNCI=NILAI"),
        (["anggota_tim=[{nama=}]"], "TOML"),
        (["periode.mulai=2022-03-18", "periode.selesai=2022-03-14"], "sebelum mulai"),
    ],
)
def test_wrong_options_say_what_is_wrong(given: list[str], said: str) -> None:
    with pytest.raises(ValueError, match=said.replace(".", r"\.")):
        reviu_options(given, {})


def test_an_option_is_checked_with_the_file_s_period(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, FULL))
    with pytest.raises(ValueError, match="sebelum mulai"):
        reviu_options(["periode.mulai=2022-04-01"], config.reviu)
