"""The kelengkapan kinds: required parts, required cells, signatories, NIP, deadline."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakip_validate.api import default_rules
from sakip_validate.checks.kelengkapan.cells import RequiredCells
from sakip_validate.checks.kelengkapan.deadline import SigningDeadline, deadline
from sakip_validate.checks.kelengkapan.measured import Measured
from sakip_validate.checks.kelengkapan.nip import NipFormat, nip_implausible, nip_problems
from sakip_validate.checks.kelengkapan.sections import SectionsPresent
from sakip_validate.checks.kelengkapan.signatory import SignatoryConsistent
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import CheckKind, Hit
from sakip_validate.engine.runner import run_rules
from sakip_validate.loading import load_bytes, load_path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "jatinegara-2021.toml"
RULES = [rule for rule in default_rules() if rule.pack == "kelengkapan"]

ALL_PARTS = [
    "kata_pengantar",
    "ikhtisar_eksekutif",
    "bab_1_pendahuluan",
    "bab_2_perencanaan_kinerja",
    "bab_3_akuntabilitas_kinerja",
    "bab_3_realisasi_anggaran",
    "bab_4_penutup",
    "lampiran_perjanjian_kinerja",
]
ALL_ANALYSES = [
    "target_realisasi",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "standar_nasional",
    "penyebab_solusi",
    "efisiensi",
    "program_pendukung",
]


def view_of(data: dict[str, Any]) -> ReportView:
    """A view over data given as Python (written out as JSON, so positions exist)."""
    raw = json.dumps(data, default=str).encode()
    return ReportView(load_bytes(raw, "t.json", "json").data)


def view_toml(text: str) -> ReportView:
    return ReportView(load_bytes(text.encode(), "t.toml", "toml").data)


def hits(kind: CheckKind, view: ReportView, outcome: str | None = None) -> list[Hit]:
    found = list(kind.run(view))
    return [hit for hit in found if outcome is None or hit.outcome == outcome]


# -- the reference report ------------------------------------------------------------


def reference_findings(text: str | None = None) -> list[tuple[str, str]]:
    if text is None:
        document = load_path(EXAMPLE)
    else:
        document = load_bytes(text.encode(), "corrected.toml", "toml")
    return [(f.rule, f.location.pointer) for f in run_rules(document, RULES)]


def test_reference_report_findings() -> None:
    assert sorted(reference_findings()) == sorted(
        [
            # "Pt." in the Kata Pengantar is the slip: "Plt." is the legal abbreviation
            ("LKP010", "/penandatangan/0/jabatan"),
            ("LKP005", "/tabel/capaian/baris/1/sumber_data"),
            ("LKP005", "/tabel/capaian/baris/2/sumber_data"),
            ("LKP008", "/tabel/analisis_penyebab/baris/0/solusi"),
            ("LKP001", "/kelengkapan/bagian"),
            ("LKP001", "/kelengkapan/bagian"),
            ("LKP003", "/kelengkapan/pernyataan_tanpa_standar_nasional"),
        ]
    )


def test_reference_missing_parts_are_ikhtisar_and_lampiran() -> None:
    view = ReportView(load_path(EXAMPLE).data)
    found = hits(SectionsPresent({"list": "bagian", "required": ALL_PARTS}), view)
    assert [hit.values["field"] for hit in found] == [
        "ikhtisar_eksekutif",
        "lampiran_perjanjian_kinerja",
    ]


def test_corrected_reference_report_gives_no_finding() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    replacements = [
        (
            '"kata_pengantar",\n  "daftar_isi",',
            '"kata_pengantar",\n  "ikhtisar_eksekutif",\n  "daftar_isi",',
        ),
        ('  "bab_4_penutup",\n]', '  "bab_4_penutup",\n  "lampiran_perjanjian_kinerja",\n]'),
        ("pernyataan_tanpa_standar_nasional = false", "pernyataan_tanpa_standar_nasional = true"),
        ('jabatan = "Pt. CAMAT JATINEGARA"', 'jabatan = "Plt. CAMAT JATINEGARA"'),
        ("# sumber_data: sel kosong di laporan", 'sumber_data = "Laporan desa"'),
        (
            "# solusi: sel kosong di laporan (target tidak tercapai)",
            'solusi = "Survei IKM diperluas ke seluruh layanan"',
        ),
    ]
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    assert reference_findings(text) == []


# -- SectionsPresent ---------------------------------------------------------------


def test_one_missing_hit_per_item_in_order() -> None:
    view = view_of({"kelengkapan": {"bagian": ["kata_pengantar"], "analisis_bab_3": []}})
    kind = SectionsPresent({"list": "bagian", "required": ALL_PARTS})
    found = hits(kind, view, "missing")
    assert [hit.values["field"] for hit in found] == ALL_PARTS[1:]
    assert {hit.pointer for hit in found} == {"/kelengkapan/bagian"}
    assert hits(kind, view, "not_filled") == []


def test_absent_kelengkapan_gives_one_not_filled_and_no_cascade() -> None:
    view = view_of({"laporan": {"tahun_anggaran": 2021}})
    for name, items in (("bagian", ALL_PARTS), ("analisis_bab_3", ALL_ANALYSES)):
        found = hits(SectionsPresent({"list": name, "required": items}), view)
        assert [hit.outcome for hit in found] == ["not_filled"]


def test_national_standard_statement_counts_as_present() -> None:
    kind = SectionsPresent({"list": "analisis_bab_3", "required": ["standar_nasional"]})
    stated = {"bagian": [], "analisis_bab_3": [], "pernyataan_tanpa_standar_nasional": True}
    assert hits(kind, view_of({"kelengkapan": stated})) == []
    silent = {"bagian": [], "analisis_bab_3": [], "pernyataan_tanpa_standar_nasional": False}
    [hit] = hits(kind, view_of({"kelengkapan": silent}))
    assert hit.pointer == "/kelengkapan/pernyataan_tanpa_standar_nasional"
    [hit] = hits(kind, view_of({"kelengkapan": {"bagian": [], "analisis_bab_3": []}}))
    assert hit.pointer == "/kelengkapan/analisis_bab_3"


def test_a_table_or_signature_block_proves_its_part() -> None:
    data = {
        "indikator": [{"id": "IKM", "nama": "IKM"}],
        "kelengkapan": {"bagian": [], "analisis_bab_3": []},
        "tabel": {"efisiensi": {"baris": [{"indikator": "IKM"}]}},
        "penandatangan": [{"bagian": "perjanjian_kinerja", "nama": "X"}],
    }
    analyses = SectionsPresent({"list": "analisis_bab_3", "required": ["efisiensi"]})
    assert hits(analyses, view_of(data)) == []
    parts = SectionsPresent({"list": "bagian", "required": ["lampiran_perjanjian_kinerja"]})
    assert hits(parts, view_of(data)) == []


def test_unknown_required_item_is_a_parameter_problem() -> None:
    kind = SectionsPresent({"list": "bagian", "required": ["kata_pengantar", "bab_5"]})
    assert [where for where, _ in kind.problems()] == ["/required/1"]


@pytest.mark.parametrize(
    "data",
    [
        {"kelengkapan": "semua ada"},
        {"kelengkapan": {"bagian": "kata_pengantar"}},
        {"kelengkapan": {"bagian": [], "analisis_bab_3": []}, "tabel": ["x"]},
        {"kelengkapan": {"bagian": []}, "penandatangan": [{"bagian": ["penutup"]}]},
        [],
    ],
)
def test_sections_tolerate_malformed_data(data: Any) -> None:
    for name, items in (("bagian", ALL_PARTS), ("analisis_bab_3", ALL_ANALYSES)):
        hits(SectionsPresent({"list": name, "required": items}), view_of(data))


# -- RequiredCells -----------------------------------------------------------------

CAPAIAN = """
[[indikator]]
id = "A"
nama = "Indikator A"

[[indikator]]
id = "B"
nama = "Indikator B"

[[indikator]]
id = "C"
nama = "Indikator C"

[tabel.analisis_penyebab]
nomor = "3.5"
tahun = 2021
baris = [
    { indikator = "A", capaian = 99.93, analisis = "x" },
    { indikator = "B", capaian = 100.00, analisis = "  " },
    { indikator = "C", capaian = "N/A", analisis = "-", solusi = "-" },
]
"""


def test_empty_cells_point_where_the_cell_would_stand() -> None:
    view = view_toml(CAPAIAN)
    kind = RequiredCells({"table": "analisis_penyebab", "fields": ["solusi"]})
    found = hits(kind, view)
    assert [hit.pointer for hit in found] == [
        "/tabel/analisis_penyebab/baris/0/solusi",
        "/tabel/analisis_penyebab/baris/1/solusi",
    ]
    assert found[0].values["row"] == "Indikator A"
    assert found[0].values["tahun"] == 2021
    # the cell does not exist: the finding lands on the row
    location = load_bytes(CAPAIAN.encode(), "t.toml", "toml").locate(found[0].pointer)
    row_line = CAPAIAN.splitlines().index(
        '    { indikator = "A", capaian = 99.93, analisis = "x" },'
    )
    assert location.line == row_line + 1


def test_markers_and_exemptions() -> None:
    view = view_toml(CAPAIAN)
    analisis = RequiredCells(
        {"table": "analisis_penyebab", "fields": ["analisis"], "empty_markers": ["-"]}
    )
    assert [hit.values["row"] for hit in hits(analisis, view)] == ["Indikator B", "Indikator C"]
    solusi = RequiredCells(
        {
            "table": "analisis_penyebab",
            "fields": ["solusi"],
            "empty_markers": ["-"],
            "skip_when_na": ["capaian"],
            "skip_if_capaian_at_least": 100,
        }
    )
    assert [hit.values["row"] for hit in hits(solusi, view)] == ["Indikator A"]


def test_unknown_table_or_field_is_a_parameter_problem() -> None:
    assert RequiredCells({"table": "capaian", "fields": ["sumber"]}).problems()
    assert RequiredCells({"table": "program_pk", "fields": ["nama"]}).problems() == []
    assert RequiredCells(
        {"table": "program_pk", "fields": ["nama"], "skip_if_capaian_at_least": 100}
    ).problems()


@pytest.mark.parametrize(
    "data",
    [
        {"tabel": {"capaian": {"baris": "none"}}},
        {"tabel": {"capaian": {"baris": [1, "x", {"indikator": 3}]}}},
        {"tabel": ["capaian"]},
        {"indikator": 3, "tabel": {"capaian": {"baris": [{}]}}},
    ],
)
def test_required_cells_tolerate_malformed_data(data: Any) -> None:
    hits(RequiredCells({"table": "capaian", "fields": ["sumber_data"]}), view_of(data))


# -- SignatoryConsistent -------------------------------------------------------------


def block(bagian: str, **fields: Any) -> dict[str, Any]:
    return {"bagian": bagian, "nama": "TABAH TOPAN WIDODO, S.IP", **fields}


def test_the_odd_block_is_reported_never_the_first_by_definition() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", jabatan="Pt. CAMAT", nip="19740710 199803 1 007"),
            block("penutup", jabatan="Plt. CAMAT", nip="197407101998031007"),
            block("ikhtisar_eksekutif", jabatan="Plt.  camat"),
        ]
    }
    kind = SignatoryConsistent({"fields": ["nama", "nip", "jabatan"]})
    found = hits(kind, view_of(data))
    assert [(hit.outcome, hit.pointer, hit.printed, hit.expected) for hit in found] == [
        ("differs", "/penandatangan/0/jabatan", "Pt. CAMAT", "Plt. CAMAT"),
    ]
    assert found[0].values["bagian"] == "Kata Pengantar"
    assert found[0].values["other_bagian"].id == "Penutup dan Ikhtisar Eksekutif"


def test_the_legal_form_of_an_acting_office_decides_between_two_blocks() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", jabatan="Pt. CAMAT JATINEGARA"),
            block("penutup", jabatan="Plt. CAMAT JATINEGARA"),
        ]
    }
    found = hits(SignatoryConsistent({"fields": ["jabatan"]}), view_of(data))
    assert [(hit.outcome, hit.pointer, hit.expected) for hit in found] == [
        ("differs", "/penandatangan/0/jabatan", "Plt. CAMAT JATINEGARA")
    ]
    assert "Plt." in found[0].values["bukti"].id
    # the same slip the other way round is still blamed on the slip
    data["penandatangan"].reverse()
    found = hits(SignatoryConsistent({"fields": ["jabatan"]}), view_of(data))
    assert [(hit.pointer, hit.expected) for hit in found] == [
        ("/penandatangan/1/jabatan", "Plt. CAMAT JATINEGARA")
    ]


def test_a_degree_with_its_dots_decides_between_two_blocks() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", nama="SITI AMINAH, S.Sos."),
            block("penutup", nama="SITI AMINAH, S.Sos"),
        ]
    }
    found = hits(SignatoryConsistent({"fields": ["nama"]}), view_of(data))
    assert [(hit.outcome, hit.pointer, hit.printed, hit.expected) for hit in found] == [
        ("differs", "/penandatangan/1/nama", "SITI AMINAH, S.Sos", "SITI AMINAH, S.Sos.")
    ]


def test_two_blocks_and_no_rule_name_both_without_an_expected_value() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", pangkat_golongan="Penata Tk. I (III/d)"),
            block("penutup", pangkat_golongan="Penata (III/c)"),
        ]
    }
    found = hits(SignatoryConsistent({"fields": ["pangkat_golongan"]}), view_of(data))
    assert [(hit.outcome, hit.pointer, hit.expected) for hit in found] == [
        ("undecided", "/penandatangan/1/pangkat_golongan", None)
    ]
    assert found[0].values["other_printed"] == "Penata Tk. I (III/d)"
    # a different office (not a slip of "Plt.") is not decided by the rule either
    data = {
        "penandatangan": [
            block("kata_pengantar", jabatan="Plt. CAMAT"),
            block("penutup", jabatan="SEKRETARIS CAMAT"),
        ]
    }
    found = hits(SignatoryConsistent({"fields": ["jabatan"]}), view_of(data))
    assert [hit.outcome for hit in found] == ["undecided"]


def test_the_majority_of_blocks_decides_without_a_rule() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", tempat="Slawi"),
            block("ikhtisar_eksekutif", tempat="Jatinegara"),
            block("penutup", tempat="Jatinegara"),
        ]
    }
    found = hits(SignatoryConsistent({"fields": ["tempat"]}), view_of(data))
    assert [(hit.outcome, hit.pointer, hit.expected) for hit in found] == [
        ("differs", "/penandatangan/0/tempat", "Jatinegara")
    ]


def test_fields_printed_once_and_other_signatories_are_not_compared() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", tanggal="2022-02-25"),
            block("penutup", pangkat_golongan="Penata Tk. I (III/d)"),
            {"bagian": "pernyataan_telah_direviu", "nama": "INSPEKTUR", "tanggal": "2022-02-20"},
            "not a block",
        ]
    }
    kind = SignatoryConsistent({"fields": ["nama", "tanggal", "pangkat_golongan"]})
    assert hits(kind, view_of(data)) == []


# -- NipFormat --------------------------------------------------------------------


def test_reference_nip_is_valid() -> None:
    assert nip_problems("19740710 199803 1 007") == []
    assert nip_implausible("19740710 199803 1 007", dt.date(2022, 2, 25)) == []


@pytest.mark.parametrize(
    ("nip", "words"),
    [
        ("19740710 199803 1 07", "17 angka"),
        ("19740710 199803 1 0O7", "selain angka"),
        ("19740230 199803 1 007", "tanggal lahir"),
        ("19740710 199800 1 007", "bulan pengangkatan"),
        ("19740710 199803 0 007", "jenis kelamin"),
        ("19740710 199803 1 000", "nomor urut"),
    ],
)
def test_each_defect_has_its_reason(nip: str, words: str) -> None:
    [(reason_id, reason_en)] = nip_problems(nip)
    assert words in reason_id and reason_en


def test_several_defects_are_one_hit_with_every_reason() -> None:
    data = {"penandatangan": [block("kata_pengantar", nip="19740710 199813 3 000")]}
    [hit] = hits(NipFormat({}), view_of(data))
    assert hit.outcome == "invalid"
    assert hit.values["reason_id"].count(";") == 2


def test_implausible_appointments() -> None:
    assert "18 tahun" in nip_implausible("19740710 198803 1 007", None)[0][0]
    assert "sesudah tanggal" in nip_implausible("19740710 202203 1 007", dt.date(2022, 2, 25))[0][0]
    assert nip_implausible("18990710 199803 1 007", None)
    # compared by month: appointed in the month of the 18th birthday is fine
    assert nip_implausible("19740710 199207 1 007", None) == []


def test_the_same_nip_is_judged_once() -> None:
    data = {
        "penandatangan": [
            block("kata_pengantar", nip="19740710 199803 3 007"),
            block("penutup", nip="19740710199803 3 007"),
            block("lainnya", nip=12345),
        ]
    }
    found = hits(NipFormat({}), view_of(data))
    assert [hit.pointer for hit in found] == ["/penandatangan/0/nip"]


@st.composite
def valid_nips(draw: st.DrawFn) -> str:
    birth = draw(st.dates(min_value=dt.date(1940, 1, 1), max_value=dt.date(2005, 12, 31)))
    earliest = (birth.year + 18) * 12 + birth.month - 1
    appointed = draw(st.integers(min_value=earliest, max_value=earliest + 40 * 12))
    year, month = divmod(appointed, 12)
    sex = draw(st.sampled_from("12"))
    sequence = draw(st.integers(min_value=1, max_value=999))
    return f"{birth:%Y%m%d} {year:04d}{month + 1:02d} {sex} {sequence:03d}"


@given(valid_nips())
def test_generated_valid_nips_pass(nip: str) -> None:
    assert nip_problems(nip) == []
    assert nip_implausible(nip, None) == []
    assert nip_problems(nip.replace(" ", "")) == []


@given(valid_nips(), st.sampled_from(["00", "13", "20", "99"]))
def test_a_bad_appointment_month_fails(nip: str, month: str) -> None:
    digits = nip.replace(" ", "")
    changed = digits[:12] + month + digits[14:]
    assert any("bulan pengangkatan" in reason for reason, _ in nip_problems(changed))


@given(valid_nips(), st.sampled_from("03456789"))
def test_a_bad_sex_digit_fails(nip: str, sex: str) -> None:
    digits = nip.replace(" ", "")
    changed = digits[:14] + sex + digits[15:]
    assert [reason for reason, _ in nip_problems(changed)] == [
        f"kode jenis kelamin (angka ke-15) tertulis {sex}, "
        "padahal harus 1 (laki-laki) atau 2 (perempuan)"
    ]


# -- SigningDeadline ---------------------------------------------------------------

MONTHS = {"kecamatan": 2, "opd": 2, "pemda_kabupaten": 3}


def report(tingkat: str, tanggal: Any, bagian: str = "kata_pengantar") -> dict[str, Any]:
    return {
        "laporan": {"tahun_anggaran": 2023, "unit": {"nama": "X", "tingkat": tingkat}},
        "penandatangan": [block(bagian, tanggal=tanggal)],
    }


def test_deadline_is_the_end_of_the_month() -> None:
    assert deadline(2021, 2) == dt.date(2022, 2, 28)
    assert deadline(2023, 2) == dt.date(2024, 2, 29)
    assert deadline(2021, 3) == dt.date(2022, 3, 31)
    assert deadline(2021, 12) == dt.date(2022, 12, 31)
    assert deadline(2021, 14) == dt.date(2023, 2, 28)


def test_late_signing() -> None:
    kind = SigningDeadline({"months": MONTHS})
    assert hits(kind, view_of(report("kecamatan", "2024-02-29"))) == []
    [hit] = hits(kind, view_of(report("kecamatan", "2024-03-01")))
    assert hit.values["batas"] == "29 Februari 2024"
    assert hit.values["tanggal_en"] == "1 March 2024"
    assert hits(kind, view_of(report("pemda_kabupaten", "2024-03-01"))) == []
    assert hits(kind, view_of(report("lainnya", "2025-01-01"))) == []
    assert hits(kind, view_of(report("kecamatan", "2025-01-01", "perjanjian_kinerja"))) == []
    assert hits(kind, view_of(report("kecamatan", "25 Maret 2024"))) == []


def test_deadline_reads_native_toml_dates() -> None:
    text = """
[laporan]
tahun_anggaran = 2021
unit = { nama = "X", tingkat = "opd" }

[[penandatangan]]
bagian = "penutup"
nama = "X"
tanggal = 2022-04-01
"""
    [hit] = hits(SigningDeadline({"months": MONTHS}), view_toml(text))
    assert hit.pointer == "/penandatangan/0/tanggal"


@pytest.mark.parametrize(
    "data",
    [
        {"laporan": "2021", "penandatangan": [block("penutup", tanggal="2022-05-01")]},
        {"laporan": {"tahun_anggaran": 2021, "unit": "kecamatan"}},
        {"penandatangan": {"bagian": "penutup"}},
        {"penandatangan": [{"bagian": ["penutup"], "nama": ["X"], "nip": 1, "tanggal": 2}]},
    ],
)
def test_metadata_kinds_tolerate_malformed_data(data: Any) -> None:
    view = view_of(data)
    for kind in (
        SigningDeadline({"months": MONTHS}),
        NipFormat({}),
        SignatoryConsistent({"fields": ["nama", "tanggal"]}),
    ):
        assert hits(kind, view) == []


def test_a_misspelled_key_is_left_to_the_schema() -> None:
    data = {
        "indikator": [{"id": "A", "nama": "A"}],
        "tabel": {"capaian": {"baris": [{"indikator": "A", "sumber_dat": "Survei"}]}},
    }
    assert hits(RequiredCells({"table": "capaian", "fields": ["sumber_data"]}), view_of(data)) == []


def test_a_root_that_is_not_a_report_gives_no_not_filled() -> None:
    kind = SectionsPresent({"list": "bagian", "required": ALL_PARTS})
    assert hits(kind, view_of([{"kelengkapan": {}}])) == []


# -- measured ------------------------------------------------------------------------


MEASURE_INDICATORS = [
    {"id": "A", "nama": "Persentase desa mandiri", "satuan": "Persentase", "polaritas": "positif"},
]


def measured_view(**tables: Any) -> ReportView:
    return view_toml_data({"indikator": MEASURE_INDICATORS, "tabel": tables})


def view_toml_data(data: dict[str, Any]) -> ReportView:
    base = {"laporan": {"tahun_anggaran": 2021}}
    return view_of({**base, **data})


def rows_of(*items: dict[str, Any]) -> dict[str, Any]:
    return {"tahun": 2021, "baris": list(items)}


def test_a_target_with_realisasi_na_everywhere_is_one_finding() -> None:
    view = measured_view(
        capaian=rows_of({"indikator": "A", "target": 5.88, "realisasi": "N/A"}),
        analisis_penyebab=rows_of({"indikator": "A", "target": 5.88, "realisasi": "N/A"}),
    )
    found = hits(Measured({}), view)
    assert [(h.outcome, h.pointer) for h in found] == [
        ("unmeasured", "/tabel/capaian/baris/0/realisasi")
    ]


def test_na_is_allowed_for_a_target_of_zero_or_with_a_stated_reason() -> None:
    zero = measured_view(
        capaian=rows_of({"indikator": "A", "target": 0, "realisasi": "N/A", "capaian": "N/A"})
    )
    assert hits(Measured({}), zero) == []
    row = {"indikator": "A", "target": 5, "realisasi": "N/A", "capaian": "N/A"}
    reason = "Data IDM 2021 belum terbit."
    on_row = measured_view(capaian=rows_of({**row, "alasan_tidak_terukur": reason}))
    assert hits(Measured({}), on_row) == []
    indicators = [{**MEASURE_INDICATORS[0], "alasan_tidak_terukur": reason}]
    on_indicator = view_toml_data({"indikator": indicators, "tabel": {"capaian": rows_of(row)}})
    assert hits(Measured({}), on_indicator) == []


def test_a_later_years_target_is_not_yet_measured() -> None:
    view = measured_view(
        perbandingan_tahun={"baris": [{"indikator": "A", "tahun": {"2022": {"target": 60}}}]}
    )
    assert hits(Measured({}), view) == []


def test_a_measured_zero_is_a_number() -> None:
    view = measured_view(
        capaian=rows_of({"indikator": "A", "target": 5, "realisasi": 0, "capaian": 0})
    )
    assert hits(Measured({}), view) == []


def test_na_beside_numbers_is_the_cross_table_rules_finding() -> None:
    view = measured_view(
        capaian=rows_of({"indikator": "A", "target": 5, "realisasi": 5, "capaian": 100}),
        analisis_penyebab=rows_of(
            {"indikator": "A", "target": 5, "realisasi": "N/A", "capaian": "N/A"}
        ),
    )
    assert hits(Measured({}), view) == []


def test_empty_realisasi_where_other_tables_measure_it() -> None:
    view = measured_view(
        capaian=rows_of({"indikator": "A", "target": 5, "realisasi": 5, "capaian": 100}),
        efisiensi=rows_of({"indikator": "A", "target": 5, "capaian": 100}),
    )
    found = hits(Measured({}), view)
    assert [(h.outcome, h.pointer) for h in found] == [
        ("empty_realisasi", "/tabel/efisiensi/baris/0/realisasi")
    ]


def test_empty_capaian_beside_target_and_realisasi() -> None:
    view = measured_view(
        capaian=rows_of(
            {"indikator": "A", "target": 50, "realisasi": 45},
        ),
        perbandingan_tahun={
            "baris": [{"indikator": "A", "tahun": {"2020": {"target": 0, "realisasi": 0}}}]
        },
    )
    found = hits(Measured({}), view)
    assert [(h.outcome, h.pointer, h.expected) for h in found] == [
        ("empty_capaian", "/tabel/capaian/baris/0/capaian", Decimal("90.00")),
        ("empty_capaian", "/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian", "N/A"),
    ]


def test_the_reference_report_measures_every_indicator_with_a_target() -> None:
    assert hits(Measured({}), ReportView(load_path(EXAMPLE).data)) == []


# -- a police or military signatory: the NRP ----------------------------------------

POLRES_BLOCKS = """
[[penandatangan]]
bagian = "kata_pengantar"
nama = "BUDI SANTOSO, S.I.K., M.H."
nrp = "78011234"

[[penandatangan]]
bagian = "ikhtisar_eksekutif"
nama = "BUDI SANTOSO, S.I.K., M.H."
nrp = "7801 1234"

[[penandatangan]]
bagian = "penutup"
nama = "BUDI SANTOSO, S.I.K., M.H."
nrp = "78011243"
"""


def test_the_nrp_of_a_police_signatory_is_compared_like_a_nip() -> None:
    document = load_bytes(POLRES_BLOCKS.encode(), "polres.toml", "toml")
    signatory = [rule for rule in RULES if rule.kind in ("signatory_consistent", "nip_format")]
    found = run_rules(document, signatory)
    # an NRP is no NIP: it is not judged by the NIP's 18-digit layout (LKP011, LKP012)
    assert [(f.rule, f.location.pointer) for f in found] == [("LKP009", "/penandatangan/2/nrp")]
    assert "NRP" in found[0].message.id and "NRP" in found[0].message.en
