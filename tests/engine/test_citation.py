"""Where a finding stands in the printed report (``domain/citation.py``) and how it is cited."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sakip_validate.api import check_file, default_rules
from sakip_validate.domain.citation import LABEL_WIDTH, cite, place_of, shorten
from sakip_validate.domain.columns import COLUMNS, column_heading, column_name
from sakip_validate.engine.runner import run_rules
from sakip_validate.findings import LANGS, Finding, Place, Severity, Text, TextLocation
from sakip_validate.loading import load_path

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
SCHEMA = json.loads((ROOT / "schemas" / "lkjip.schema.json").read_text(encoding="utf-8"))

IKM = "Laju Peningkatan Nilai IKM Kecamatan"
MAJU = "Peningkatan Persentase desa maju"

# A report holding every table once, each with two rows, pages where a test needs them.
DATA: dict[str, Any] = {
    "indikator": [
        {"id": "IKM", "nama": IKM},
        {"id": "DESA_MAJU", "nama": MAJU},
    ],
    "sasaran": [{"id": "S1", "nama": "Meningkatnya kualitas pelayanan publik"}],
    "penandatangan": [
        {"bagian": "kata_pengantar", "halaman": "i", "jabatan": "CAMAT"},
        {"bagian": "lainnya", "jabatan": "CAMAT"},
    ],
    "tabel": {
        "iku": {
            "nomor": "2.1",
            "halaman": 32,
            "baris": [{"no": "1", "indikator": "IKM", "target": {"2020": Decimal("79.70")}}],
        },
        "tujuan_sasaran": {  # prints no row numbers
            "nomor": "2.2",
            "halaman": "35",
            "baris": [{"indikator": "IKM"}, {"indikator": "DESA_MAJU", "target": 5}],
        },
        "perjanjian_kinerja": {
            "nomor": "2.3",
            "baris": [{"no": "1", "indikator": "IKM"}, {"indikator": "DESA_MAJU"}],
        },
        "program_pk": {
            "nomor": "2.4",
            "halaman": "36-38",
            "baris": [
                {"kode": "1", "nama": "Program Penunjang", "anggaran": 1},
                {
                    "kode": "3",
                    "nama": "Program Pemberdayaan",
                    "indikator_kinerja": [
                        {"nama_tertulis": "Persentase desa mandiri", "target": 0},
                        {"nama_tertulis": "Persentase desa maju", "target": 5},
                    ],
                },
            ],
        },
        "skala_kategori": {
            "nomor": "3.1",
            "baris": [{"tertulis": "91% ≤ 100%", "kategori": "Sangat Tinggi"}, {"kategori": "X"}],
        },
        "capaian": {  # not numbered: named by what it holds
            "halaman": "40-46",
            "baris": [
                {"no": "1", "indikator": "IKM", "nama_tertulis": "IKM Kecamatan", "halaman": 41},
                {"no": "2", "indikator": "DESA_MAJU"},
            ],
            "jumlah": {"capaian": 1},
            "rata_rata": {"capaian": 1},
        },
        "perbandingan_tahun": {
            "nomor": "3.3",
            "halaman": "40-46",
            "baris": [{"no": "1", "indikator": "IKM", "tahun": {"2020": {"capaian": 98}}}],
        },
        "target_akhir_renstra": {
            "nomor": "3.4",
            "tahun_target_akhir": 2024,
            "baris": [{"no": "1", "indikator": "IKM", "target_akhir": 84}],
        },
        "analisis_penyebab": {"nomor": "3.5", "baris": [{"no": "1", "indikator": "IKM"}]},
        "efisiensi": {  # prints the objective, not the indicator's name
            "nomor": "3.6",
            "baris": [
                {"no": "1", "indikator": "IKM", "sasaran_tertulis": "Meningkatnya kualitas"},
                {"indikator": "DESA_MAJU"},
            ],
        },
        "program_pendukung": {
            "nomor": "3.7",
            "indikator": [{"indikator": "IKM"}, {"indikator": "DESA_MAJU", "capaian": 0}],
            "program": [
                {
                    "kode": "1",
                    "nama": "PROGRAM PENUNJANG",
                    "indikator_kinerja": [{"nama_tertulis": "Layanan", "capaian": 84}],
                }
            ],
        },
        "realisasi_anggaran": {
            "nomor": "3.8",
            "halaman": "47-49",
            "baris": [{"kode": "1"}, {"kode": "1.1", "nama": "Kegiatan Administrasi"}],
            "jumlah": {"anggaran": 1},
        },
        "standar_nasional": {"nomor": "3.9", "baris": [{"no": "1", "indikator": "IKM"}]},
    },
    "narasi": {
        "distribusi": [
            {
                "bab": "3.2",
                "halaman": "40-46",
                "satuan": "desa",
                "kutipan": "Desa Mandiri : 0 Desa (0%)\nDesa Maju : 1 Desa (5,88%)",
                "kelompok": [{"kategori": "mandiri", "jumlah": 0, "persen": 0}],
            }
        ],
        "pernyataan": [{"bab": "4", "kutipan": "Pencapaian IKM adalah 80,90%."}],
        "klaim": [{"bab": "kata_pengantar", "kutipan": "Seluruh target tercapai."}],
    },
}

CASES = [
    # indicator tables: the printed No, the printed (or declared) name, the column, the page
    (
        "/tabel/iku/baris/0/target/2020",
        f"Tabel 2.1, baris 1 ({IKM}), kolom Target 2020, hlm. 32",
        f"Table 2.1, row 1 ({IKM}), column Target 2020, p. 32",
    ),
    (
        "/tabel/tujuan_sasaran/baris/1/target",
        f"Tabel 2.2, baris ke-2 ({MAJU}), kolom Target, hlm. 35",
        f"Table 2.2, 2nd row ({MAJU}), column Target, p. 35",
    ),
    (
        "/tabel/perjanjian_kinerja/baris/1/satuan_tertulis",
        f"Tabel 2.3, baris ke-2 ({MAJU}), kolom Satuan",
        f"Table 2.3, 2nd row ({MAJU}), column Unit",
    ),
    (
        "/tabel/capaian/baris/0/sumber_data",
        "Tabel capaian kinerja, baris 1 (IKM Kecamatan), kolom Sumber Data, hlm. 41",
        "Performance achievement table, row 1 (IKM Kecamatan), column Data source, p. 41",
    ),
    (
        "/tabel/capaian/baris/1/capaian",
        f"Tabel capaian kinerja, baris 2 ({MAJU}), kolom Capaian, hlm. 40-46",
        f"Performance achievement table, row 2 ({MAJU}), column Capaian, p. 40-46",
    ),
    (
        "/tabel/capaian/rata_rata/capaian",
        "Tabel capaian kinerja, baris “Rata-rata”, kolom Capaian, hlm. 40-46",
        "Performance achievement table, row “Rata-rata”, column Capaian, p. 40-46",
    ),
    (
        "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian",
        f"Tabel 3.3, baris 1 ({IKM}), kolom Capaian 2020, hlm. 40-46",
        f"Table 3.3, row 1 ({IKM}), column Capaian 2020, p. 40-46",
    ),
    (
        "/tabel/perbandingan_tahun/baris/0/tahun/2020",
        f"Tabel 3.3, baris 1 ({IKM}), kolom 2020, hlm. 40-46",
        f"Table 3.3, row 1 ({IKM}), column 2020, p. 40-46",
    ),
    (
        "/tabel/target_akhir_renstra/baris/0/target_akhir",
        f"Tabel 3.4, baris 1 ({IKM}), kolom Target Akhir 2024",
        f"Table 3.4, row 1 ({IKM}), column Renstra end target 2024",
    ),
    (
        "/tabel/analisis_penyebab/baris/0/solusi",
        f"Tabel 3.5, baris 1 ({IKM}), kolom Solusi",
        f"Table 3.5, row 1 ({IKM}), column Solution",
    ),
    (
        "/tabel/efisiensi/baris/1/tingkat_efisiensi",
        f"Tabel 3.6, baris ke-2 ({MAJU}), kolom Tingkat Efisiensi",
        f"Table 3.6, 2nd row ({MAJU}), column Efficiency",
    ),
    (
        "/tabel/program_pendukung/indikator/1/capaian",
        f"Tabel 3.7, baris ke-2 ({MAJU}), kolom Capaian",
        f"Table 3.7, 2nd row ({MAJU}), column Capaian",
    ),
    (
        "/tabel/program_pendukung/program/0/indikator_kinerja/0/capaian",
        "Tabel 3.7, baris ke-1 (PROGRAM PENUNJANG), kolom Capaian",
        "Table 3.7, 1st row (PROGRAM PENUNJANG), column Capaian",
    ),
    (
        "/tabel/standar_nasional/baris/0/standar",
        f"Tabel 3.9, baris 1 ({IKM}), kolom Standar Nasional",
        f"Table 3.9, row 1 ({IKM}), column National standard",
    ),
    # budget tables: the budget realisation table prints its codes, the others do not
    (
        "/tabel/realisasi_anggaran/baris/1/persen",
        "Tabel 3.8, baris 1.1 (Kegiatan Administrasi), kolom % Capaian Anggaran, hlm. 47-49",
        "Table 3.8, row 1.1 (Kegiatan Administrasi), column % of budget spent, p. 47-49",
    ),
    (
        "/tabel/realisasi_anggaran/baris/0/realisasi",
        "Tabel 3.8, baris 1, kolom Realisasi, hlm. 47-49",
        "Table 3.8, row 1, column Spent, p. 47-49",
    ),
    (
        "/tabel/realisasi_anggaran/jumlah/anggaran",
        "Tabel 3.8, baris “Jumlah”, kolom Anggaran, hlm. 47-49",
        "Table 3.8, row “Jumlah”, column Budget, p. 47-49",
    ),
    (
        "/tabel/program_pk/baris/0/anggaran",
        "Tabel 2.4, baris ke-1 (Program Penunjang), kolom Anggaran, hlm. 36-38",
        "Table 2.4, 1st row (Program Penunjang), column Budget, p. 36-38",
    ),
    (
        "/tabel/program_pk/baris/1/indikator_kinerja/1/target",
        "Tabel 2.4, baris ke-2 (Program Pemberdayaan), kolom Target (indikator ke-2), hlm. 36-38",
        "Table 2.4, 2nd row (Program Pemberdayaan), column Target (indicator 2), p. 36-38",
    ),
    (
        "/tabel/skala_kategori/baris/0/batas_bawah",
        "Tabel 3.1, baris ke-1 (91% ≤ 100%), kolom Skala Capaian Kinerja (batas bawah)",
        "Table 3.1, 1st row (91% ≤ 100%), column Capaian scale (lower bound)",
    ),
    ("/tabel/skala_kategori/baris/1", "Tabel 3.1, baris ke-2 (X)", "Table 3.1, 2nd row (X)"),
    # the table as a whole, or its title and year
    ("/tabel/realisasi_anggaran", "Tabel 3.8, hlm. 47-49", "Table 3.8, p. 47-49"),
    ("/tabel/capaian/tahun", "Tabel capaian kinerja, hlm. 40-46", None),
    ("/skala/rentang/0/atas", "Tabel 3.1", "Table 3.1"),
    # the text, the signature blocks, the layout, the cover
    (
        "/narasi/distribusi/0/kelompok/0/jumlah",
        "Bab 3.2, “Desa Mandiri : 0 Desa (0%) Desa Maju : 1 Desa (5,88%)”, jumlah desa mandiri, "
        "hlm. 40-46",
        "Bab 3.2, “Desa Mandiri : 0 Desa (0%) Desa Maju : 1 Desa (5,88%)”, number of desa "
        "mandiri, p. 40-46",
    ),
    (
        "/narasi/pernyataan/0/nilai",
        "Bab IV, “Pencapaian IKM adalah 80,90%.”",
        "Bab IV, “Pencapaian IKM adalah 80,90%.”",
    ),
    ("/narasi/klaim/0/jenis", "Kata Pengantar, “Seluruh target tercapai.”", None),
    (
        "/penandatangan/0/jabatan",
        "Kata Pengantar, jabatan penanda tangan, hlm. i",
        "Kata Pengantar, signatory's position, p. i",
    ),
    ("/penandatangan/1/nip", "Blok tanda tangan, NIP penanda tangan", None),
    ("/kelengkapan/bagian", "Susunan laporan", "Layout of the report"),
    ("/kelengkapan/analisis_bab_3", "Bab III", "Bab III"),
    ("/kelengkapan/pernyataan_tanpa_standar_nasional", "Bab III", "Bab III"),
    ("/laporan/tahun_anggaran", "Sampul, tahun anggaran", "Cover, budget year"),
    ("/renstra/periode_akhir", "Bab II, Rencana Strategis", None),
    (
        "/indikator/1/satuan",
        f"Indikator kinerja, “{MAJU}”, satuan",
        f"Performance indicator, “{MAJU}”, unit",
    ),
    ("/sasaran/0", "Tujuan dan sasaran, “Meningkatnya kualitas pelayanan publik”", None),
    ("", "Seluruh laporan", "The whole report"),
]


@pytest.mark.parametrize(("pointer", "cited_id", "cited_en"), CASES, ids=[c[0] for c in CASES])
def test_places_cite_the_printed_report(pointer: str, cited_id: str, cited_en: str | None) -> None:
    place = place_of(DATA, pointer)
    assert cite(place, "id") == cited_id
    if cited_en is not None:
        assert cite(place, "en") == cited_en


@pytest.mark.parametrize("pointer", ["/pengecualian/0", "/versi_skema", "/$schema", "/tabel/x"])
def test_what_is_not_printed_has_no_place(pointer: str) -> None:
    assert place_of(DATA, pointer) is None
    assert cite(place_of(DATA, pointer), "id") == ""


def test_a_place_holds_the_printed_parts() -> None:
    place = place_of(DATA, "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian")
    assert place == Place(
        table=Text("Tabel 3.3", "Tabel 3.3"),
        row="1",
        row_label=IKM,
        column=Text("Capaian 2020", "Capaian 2020"),
        page="40-46",
    )


def test_a_row_s_page_comes_before_its_table_s() -> None:
    assert place_of(DATA, "/tabel/capaian/baris/0/target").page == "41"  # type: ignore[union-attr]
    assert place_of(DATA, "/tabel/capaian/baris/1/target").page == "40-46"  # type: ignore[union-attr]


def test_without_pages_a_place_has_no_page() -> None:
    data = copy.deepcopy(DATA)
    for table in data["tabel"].values():
        table.pop("halaman", None)
        for row in table.get("baris", []):
            row.pop("halaman", None)
    place = place_of(data, "/tabel/capaian/baris/0/capaian")
    assert place is not None and place.page is None
    assert cite(place, "id") == "Tabel capaian kinerja, baris 1 (IKM Kecamatan), kolom Capaian"


def test_rows_outside_the_data_are_cited_by_their_table() -> None:
    assert cite(place_of(DATA, "/tabel/capaian/baris/9/capaian"), "id") == (
        "Tabel capaian kinerja, baris ke-10, kolom Capaian, hlm. 40-46"
    )
    assert cite(place_of({}, "/tabel/capaian/baris/x"), "id") == "Tabel capaian kinerja"
    assert (
        cite(place_of({}, "/penandatangan/5/nama"), "id")
        == "Blok tanda tangan, nama penanda tangan"
    )


def test_long_labels_are_shortened_at_a_word() -> None:
    name = "Persentase terselenggaranya fasilitasi, koordinasi dan pembinaan urusan umum kecamatan"
    data = {"tabel": {"capaian": {"nomor": "3.2", "baris": [{"nama_tertulis": name}]}}}
    place = place_of(data, "/tabel/capaian/baris/0/capaian")
    assert place is not None and place.row_label is not None
    assert len(place.row_label) <= LABEL_WIDTH and place.row_label.endswith("…")
    assert name.startswith(place.row_label[:-1])
    assert shorten("  dua\nbaris  ") == "dua baris"


@pytest.mark.parametrize(
    ("row", "english"),
    [("ke-1", "1st row"), ("ke-2", "2nd row"), ("ke-3", "3rd row"), ("ke-11", "11th row"),
     ("ke-12", "12th row"), ("ke-21", "21st row"), ("ke-104", "104th row")],
)  # fmt: skip
def test_counted_rows_in_english(row: str, english: str) -> None:
    place = Place(table=Text("Tabel 2.2", "Tabel 2.2"), row=row)
    assert cite(place, "en") == f"Table 2.2, {english}"
    assert cite(place, "id") == f"Tabel 2.2, baris {row}"


def test_a_finding_is_cited_by_its_place_and_a_data_file_finding_not_at_all() -> None:
    location = TextLocation("lkjip.toml", "/tabel/capaian/baris/0/capaian", 12, 3)
    finding = Finding("CAP001", Severity.ERROR, Text("", ""), location, table=Text("T", "T"))
    assert cite(finding, "id") == ""  # no place: about the data file, cite its position
    placed = Finding(
        "CAP001", Severity.ERROR, Text("", ""), location, place=place_of(DATA, location.pointer)
    )
    assert cite(placed, "id") == cite(place_of(DATA, location.pointer), "id")
    assert cite(None, "en") == ""


# -- the column headings: one vocabulary, every printed column covered ----------------------


def _row_fields(node: dict[str, Any]) -> set[str]:
    """The fields of a table's rows, resolving the schema's shared definitions."""
    if "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return set(node.get("properties", {}))


def _columns() -> list[tuple[str, str]]:
    found = []
    for key, table in SCHEMA["properties"]["tabel"]["properties"].items():
        props = table["properties"]
        for array in ("baris", "indikator", "program"):
            if array in props:
                found += [(key, f) for f in _row_fields(props[array]["items"])]
        for total in ("jumlah", "rata_rata"):
            if total in props:
                found += [(key, f) for f in props[total]["properties"]]
    found += [("perbandingan_tahun", f) for f in SCHEMA["$defs"]["trc"]["properties"]]
    item = SCHEMA["properties"]["tabel"]["properties"]["program_pk"]["properties"]["baris"]
    found += [
        ("program_pk", f)
        for f in item["items"]["properties"]["indikator_kinerja"]["items"]["properties"]
    ]
    found += [
        ("penandatangan", f) for f in SCHEMA["properties"]["penandatangan"]["items"]["properties"]
    ]
    not_columns = {"indikator", "halaman", "tahun"}  # the row's key, its page, its years
    return sorted({(t, f) for t, f in found if f not in not_columns})


@pytest.mark.parametrize(("table", "field"), _columns(), ids=lambda v: str(v))
def test_every_field_of_every_table_has_a_printed_heading(table: str, field: str) -> None:
    heading = column_heading(table, field)
    assert heading is not None and heading.id and heading.en
    assert "_" not in heading.id + heading.en


def test_headings_carry_the_year_and_name_columns_in_sentences() -> None:
    assert column_heading("perbandingan_tahun", "capaian", 2020) == Text(
        "Capaian 2020", "Capaian 2020"
    )
    assert column_heading("realisasi_anggaran", "persen") == Text(
        "% Capaian Anggaran", "% of budget spent"
    )
    assert column_heading("penandatangan", "target") is None  # not a signature's part
    assert column_name("sumber_data") == Text("sumber data", "data source")
    assert column_name("kategori") == Text("kategori", "kategori")
    keys = COLUMNS.keys()
    assert all("_" not in COLUMNS.get(key, lang, what="x") for key in keys for lang in LANGS)


# -- the engine fills the place of every rule finding -----------------------------------------


def test_every_finding_on_the_reference_report_has_a_printed_place() -> None:
    findings = check_file(EXAMPLE).findings
    assert findings
    for finding in findings:
        assert finding.place is not None, finding.rule
        assert finding.place.table is not None or finding.place.section is not None
    inverted = next(f for f in findings if f.rule == "CAP006")
    assert cite(inverted, "id") == (f"Tabel 3.3, baris 1 ({IKM}), kolom Capaian 2020, hlm. 40-47")
    in_tables = [f for f in findings if f.location.pointer.startswith("/tabel/")]
    assert all(f.place and f.place.page for f in in_tables)  # the example records its pages


def test_pages_anywhere_change_no_finding() -> None:
    """``halaman`` is where a row is printed, not one of its cells: no rule reads it."""
    document = load_path(EXAMPLE)
    before = [
        (f.rule, f.location.pointer, f.message.en) for f in run_rules(document, default_rules())
    ]
    data = copy.deepcopy(document.data)
    for table in data["tabel"].values():
        for array in ("baris", "indikator", "program"):
            for row in table.get(array, []):
                row["halaman"] = 7

    class Paged:  # the same document with a page on every row (keys added: pointers hold)
        def __init__(self) -> None:
            self.data = data

        def locate(self, pointer: str, *, at_key: bool = False) -> TextLocation:
            return document.locate(pointer, at_key=at_key)

    placed = run_rules(Paged(), default_rules())
    assert [(f.rule, f.location.pointer, f.message.en) for f in placed] == before
    rows = [f for f in placed if "/baris/" in f.location.pointer]
    assert rows and all(f.place is not None and f.place.page == "7" for f in rows)
