"""The kategori kinds: scale in force, well-formedness, category lookup, printed vs in force."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.checks.kategori.category import Category
from sakip_validate.checks.kategori.matches import ScaleMatches
from sakip_validate.checks.kategori.wellformed import ScaleWellFormed
from sakip_validate.domain.scale import (
    Band,
    Scale,
    default_scale,
    normalize_name,
    range_text,
    read_scale_file,
    scale_in_force,
)
from sakip_validate.domain.view import ReportView
from sakip_validate.engine.kinds import Hit
from sakip_validate.engine.packs import _load_pack
from sakip_validate.engine.runner import run_rules
from sakip_validate.loading import load_bytes, load_path

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "examples" / "jatinegara-2021.toml"
D = Decimal

IKM = """
[[indikator]]
id = "IKM"
nama = "Nilai IKM"
satuan = "Indeks"
polaritas = "positif"
"""

SIX_BANDS = """
[skala]
nama = "Skala enam rentang"

[[skala.rentang]]
bawah = 85
bawah_inklusif = false
atas = 100
kategori = "Memuaskan"

[[skala.rentang]]
bawah = 75
bawah_inklusif = false
atas = 85
atas_inklusif = false
kategori = "Sangat Baik"

[[skala.rentang]]
bawah = 65
bawah_inklusif = false
atas = 75
kategori = "Baik"

[[skala.rentang]]
bawah = 50
bawah_inklusif = false
atas = 65
kategori = "Cukup Baik"

[[skala.rentang]]
bawah = 30
bawah_inklusif = false
atas = 50
kategori = "Agak Kurang"

[[skala.rentang]]
bawah = 0
atas = 30
kategori = "Kurang"
"""

PRINTED_REFERENCE = """
[tabel.skala_kategori]
nomor = "3.1"
baris = [
  { tertulis = "91% ≤ 100%", batas_bawah = 91, batas_atas = 100, kategori = "Sangat tinggi" },
  { batas_bawah = 76, batas_atas = 90, kategori = "Tinggi" },
  { batas_bawah = 66, batas_atas = 75, kategori = "Sedang" },
  { batas_bawah = 51, batas_atas = 65, kategori = "Rendah" },
  { batas_atas = 50, kategori = "Sangat Rendah" },
]
"""


def view_of(text: str) -> ReportView:
    return ReportView(load_bytes(text.encode(), "t.toml", "toml").data)


def capaian_rows(*rows: tuple[str, str]) -> str:
    out = IKM + '\n[tabel.capaian]\nnomor = "3.2"\ntahun = 2021\n'
    for capaian, kategori in rows:
        out += f'\n[[tabel.capaian.baris]]\nindikator = "IKM"\ncapaian = {capaian}\n'
        if kategori is not None:
            out += f"kategori = {kategori}\n"
    return out


def outcomes(found: list[Hit]) -> list[tuple[str, str]]:
    return [(hit.outcome, hit.pointer) for hit in found]


def pack_rules(name: str) -> list[Any]:
    problems: list[Any] = []
    pack = _load_pack(ROOT / "rules" / f"{name}.toml", problems)
    assert pack is not None and not problems
    return list(pack.rules)


# -- the default scale -----------------------------------------------------------------


def test_default_scale_is_shipped_and_cached() -> None:
    scale = default_scale()
    assert scale is default_scale()
    assert scale.nama == "Permendagri 86/2017"
    assert [b.kategori for b in scale.bands] == [
        "Sangat Tinggi",
        "Tinggi",
        "Sedang",
        "Rendah",
        "Sangat Rendah",
    ]
    assert scale.bands[0] == Band("Sangat Tinggi", D(91), D(100))
    assert all(b.pointer == "" for b in scale.bands)  # not in the report


def test_malformed_scale_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rentang]]\nbawah = "x"\nkategori = "A"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="malformed scale"):
        read_scale_file(bad)


def test_default_in_force_unless_declared() -> None:
    assert scale_in_force(view_of(IKM)) is default_scale()
    declared = scale_in_force(view_of(SIX_BANDS))
    assert declared is not None and declared.nama == "Skala enam rentang"
    assert declared.origin == "declared"
    assert declared.bands[1].pointer == "/skala/rentang/1"
    # a declared scale that cannot be read is not replaced by the default
    assert scale_in_force(view_of('[skala]\nrentang = [{ bawah = "x", kategori = "A" }]\n')) is None
    assert scale_in_force(view_of("skala = 3\n")) is None


# -- interval arithmetic ---------------------------------------------------------------


def test_range_text() -> None:
    assert range_text(D(91), True, D(100), True, "id") == "91% ≤ capaian ≤ 100%"
    assert range_text(D(90), False, D(91), False, "id") == "90% < capaian < 91%"
    assert range_text(D("90.5"), False, None, False, "id") == "capaian > 90,5%"
    assert range_text(D("90.5"), False, None, False, "en") == "capaian > 90.5%"
    assert range_text(None, False, D(50), True, "en") == "capaian ≤ 50%"
    assert range_text(D(85), True, D(85), True, "en") == "capaian = 85%"
    assert range_text(None, False, None, False, "en") == "capaian"


def test_gaps_of_the_default_scale() -> None:
    pieces = default_scale().uncovered()
    shown = [piece.ranges()["range_en"] for piece in pieces]
    assert shown == [
        "capaian < 0%",
        "50% < capaian < 51%",
        "65% < capaian < 66%",
        "75% < capaian < 76%",
        "90% < capaian < 91%",
        "capaian > 100%",
    ]
    gap = pieces[4]
    assert gap.below is not None and gap.below.kategori == "Tinggi"
    assert gap.above is not None and gap.above.kategori == "Sangat Tinggi"


def test_lookup_bounds_are_inclusive_by_default() -> None:
    scale = default_scale()
    assert [b.kategori for b in scale.lookup(D("90.00"))] == ["Tinggi"]
    assert [b.kategori for b in scale.lookup(D(91))] == ["Sangat Tinggi"]
    assert scale.lookup(D("90.01")) == []
    assert scale.lookup(D("100.01")) == []
    assert [b.kategori for b in scale.lookup(D(0))] == ["Sangat Rendah"]


def test_overlaps_and_empty_bands() -> None:
    scale = Scale(
        "s",
        (
            Band("A", D(90), None),
            Band("B", D(76), D(90)),
            Band("C", D(100), D(91)),  # empty: bounds swapped
            Band("D", D(50), D(50), atas_inklusif=False),  # empty: a point with an open end
            Band("E", None, D(76), atas_inklusif=False),
        ),
        "printed",
    )
    assert [b.kategori for b in scale.bands if b.empty] == ["C", "D"]
    overlaps = [(a.kategori, b.kategori, r["range_en"]) for a, b, r in scale.overlaps()]
    assert overlaps == [("B", "A", "capaian = 90%")]
    assert scale.uncovered() == []  # E (open at 76) meets B (closed at 76)


BOUND = st.integers(min_value=-5, max_value=105).map(Decimal)
BAND = st.builds(
    Band,
    kategori=st.sampled_from(["A", "B", "C"]),
    bawah=st.none() | BOUND,
    atas=st.none() | BOUND,
    bawah_inklusif=st.booleans(),
    atas_inklusif=st.booleans(),
)
VALUE = st.decimals(min_value=-10, max_value=110, places=1, allow_nan=False)


@settings(max_examples=400)
@given(st.lists(BAND, min_size=1, max_size=6), VALUE)
def test_bands_and_uncovered_pieces_partition_the_line(bands: list[Band], value: Decimal) -> None:
    scale = Scale("s", tuple(bands), "printed")
    in_bands = bool(scale.lookup(value))
    in_pieces = [piece for piece in scale.uncovered() if piece.contains(value)]
    if all(band.empty for band in bands):
        assert not in_bands and not in_pieces
    else:
        assert in_bands != bool(in_pieces)
        assert len(in_pieces) <= 1


# -- Category --------------------------------------------------------------------------


def category(text: str) -> list[Hit]:
    return list(Category({}).run(view_of(text)))


def test_reference_kategori_all_consistent() -> None:
    assert list(Category({}).run(ReportView(load_path(REFERENCE).data))) == []


def test_category_match_ignores_case_and_spaces() -> None:
    assert normalize_name("  Sangat   tinggi ") == "sangat tinggi"
    assert category(capaian_rows(("99.94", '"sangat  TINGGI"'), ("90", '"Tinggi"'))) == []


def test_category_mismatch() -> None:
    [hit] = category(capaian_rows(("90.00", '"Sangat Tinggi"')))
    assert hit.outcome == "mismatch"
    assert hit.pointer == "/tabel/capaian/baris/0/kategori"
    assert hit.printed == "Sangat Tinggi" and hit.expected == "Tinggi"
    assert hit.values["scale"] == "Permendagri 86/2017"
    # N/A printed as kategori for a numeric capaian is a mismatch too
    [hit] = category(capaian_rows(("45", '"N/A"')))
    assert (hit.outcome, hit.expected) == ("mismatch", "Sangat Rendah")


@pytest.mark.parametrize(
    ("capaian", "shown"),
    [
        ("90.50", "90% < capaian < 91%"),
        ("-5", "capaian < 0%"),
        ("50.4", "50% < capaian < 51%"),
    ],
)
def test_category_gap(capaian: str, shown: str) -> None:
    [hit] = category(capaian_rows((capaian, '"Sangat Tinggi"')))
    assert hit.outcome == "gap"
    assert hit.values["range_en"] == shown
    assert hit.expected is None


def test_capaian_above_100_one_finding_for_the_scale_and_a_note_per_value() -> None:
    found = category(
        capaian_rows(("101.03", '"Sangat Tinggi"'), ("120", '"Sangat Tinggi"'), ("95", None))
    )
    assert [(hit.outcome, hit.pointer) for hit in found] == [
        ("above", "/tabel/capaian/baris/0/kategori"),
        ("above", "/tabel/capaian/baris/1/kategori"),
        ("scale_above", "/tabel/capaian/baris/0/capaian"),
    ]
    assert found[2].values["jumlah"] == 2
    assert found[2].values["scale"] == "Permendagri 86/2017"


def test_capaian_above_100_judged_by_the_rule_the_report_declares() -> None:
    declared = (
        '[skala]\nnama = "Skala laporan"\ndi_atas_100 = "Sangat Tinggi"\n'
        'rentang = [{ bawah = 91, atas = 100, kategori = "Sangat Tinggi" },'
        ' { bawah = 0, atas = 91, atas_inklusif = false, kategori = "Rendah" }]\n'
    )
    text = declared + capaian_rows(("101.03", '"Sangat Tinggi"'))
    assert category(text) == []
    [hit] = category(declared + capaian_rows(("101.03", '"Tinggi"')))
    assert (hit.outcome, hit.expected) == ("mismatch", "Sangat Tinggi")
    # the declared rule also closes the scale above 100%: no KAT010 for it
    view = view_of(text)
    outcomes_found = [h.outcome for h in ScaleWellFormed({"which": "declared"}).run(view)]
    assert outcomes_found == ["below"]  # nothing below 0%, but nothing missing above 100%


def test_a_band_without_upper_bound_rates_capaian_above_100() -> None:
    declared = (
        '[skala]\nrentang = [{ bawah = 91, kategori = "Sangat Tinggi" },'
        ' { bawah = 0, atas = 91, atas_inklusif = false, kategori = "Rendah" }]\n'
    )
    assert category(declared + capaian_rows(("130", '"Sangat Tinggi"'))) == []


def test_no_scale_finding_when_the_printed_scale_already_gets_one() -> None:
    printed = (
        '[tabel.skala_kategori]\nnomor = "3.1"\n'
        'baris = [{ batas_bawah = 91, batas_atas = 100, kategori = "Sangat Tinggi" },'
        ' { batas_atas = 90, kategori = "Tinggi" }]\n'
    )
    found = category(printed + capaian_rows(("101.03", '"Sangat Tinggi"')))
    assert [hit.outcome for hit in found] == ["above"]  # KAT005 covers the printed scale


def test_category_na() -> None:
    assert category(capaian_rows(('"N/A"', '"N/A"'), ('"N/A"', '"-"'), ('"-"', '"n/a"'))) == []
    assert category(capaian_rows(('"N/A"', None))) == []  # empty kategori is fine
    [hit] = category(capaian_rows(('"N/A"', '"Sangat Rendah"')))
    assert (hit.outcome, hit.printed, hit.expected) == ("na", "Sangat Rendah", "N/A")


def test_category_skips_what_it_cannot_judge() -> None:
    assert category(capaian_rows(("90", None), ("90", '""'), ("90", "3"))) == []  # no kategori
    assert category(capaian_rows(('"sembilan puluh"', '"Tinggi"'))) == []
    assert (
        category(IKM + '\n[[tabel.capaian.baris]]\nindikator = "IKM"\nkategori = "Tinggi"\n') == []
    )
    assert category(IKM) == []


def test_category_uses_the_declared_scale() -> None:
    text = SIX_BANDS + capaian_rows(
        ("90", '"Memuaskan"'),  # right on the six-band scale
        ("85", '"Memuaskan"'),  # 85 falls in no band of it
        ("80", '"Tinggi"'),  # a default-scale name: wrong here
    )
    found = category(text)
    assert [(h.outcome, h.pointer) for h in found] == [
        ("gap", "/tabel/capaian/baris/1/kategori"),
        ("mismatch", "/tabel/capaian/baris/2/kategori"),
    ]
    assert found[0].values["range_en"] == "capaian = 85%"
    assert found[0].values["lower_band"] == "Sangat Baik"
    assert found[0].values["upper_band"] == "Memuaskan"
    assert found[1].expected == "Sangat Baik"


def test_category_with_an_unreadable_declared_scale_says_nothing() -> None:
    text = '[skala]\nrentang = [{ bawah = "x", kategori = "A" }]\n'
    assert category(text + capaian_rows(("90", '"Sangat Tinggi"'))) == []


def test_category_in_overlapping_bands_accepts_either() -> None:
    text = """
[skala]
rentang = [
  { bawah = 90, kategori = "Sangat Tinggi" },
  { bawah = 76, atas = 90, kategori = "Tinggi" },
  { atas = 76, atas_inklusif = false, kategori = "Rendah" },
]
"""
    assert category(text + capaian_rows(("90", '"Sangat Tinggi"'), ("90", '"Tinggi"'))) == []
    [hit] = category(text + capaian_rows(("90", '"Rendah"')))
    assert hit.expected == "Sangat Tinggi / Tinggi"


def test_category_problems() -> None:
    assert Category({}).problems() == []
    assert Category({"table": "capaian", "kategori": "nope"}).problems()


# -- ScaleWellFormed -------------------------------------------------------------------


def wellformed(text: str, which: str) -> list[Hit]:
    return list(ScaleWellFormed({"which": which}).run(view_of(text)))


def test_printed_reference_scale() -> None:
    found = list(ScaleWellFormed({"which": "printed"}).run(ReportView(load_path(REFERENCE).data)))
    base = "/tabel/skala_kategori/baris"
    assert [(h.outcome, h.pointer, h.values["range_en"]) for h in found] == [
        ("gap", f"{base}/3/batas_bawah", "50% < capaian < 51%"),
        ("gap", f"{base}/2/batas_bawah", "65% < capaian < 66%"),
        ("gap", f"{base}/1/batas_bawah", "75% < capaian < 76%"),
        ("gap", f"{base}/0/batas_bawah", "90% < capaian < 91%"),
        ("above", f"{base}/0/batas_atas", "capaian > 100%"),
    ]
    assert all(h.table == "skala_kategori" for h in found)
    # "≤ 50%" has no lower bound: values below 0 are covered
    assert "below" not in {h.outcome for h in found}


def test_declared_and_in_force() -> None:
    found = wellformed(SIX_BANDS, "declared")
    assert [(h.outcome, h.pointer, h.values["range_en"]) for h in found] == [
        ("below", "/skala/rentang/5/bawah", "capaian < 0%"),
        ("gap", "/skala/rentang/0/bawah", "capaian = 85%"),
        ("above", "/skala/rentang/0/atas", "capaian > 100%"),
    ]
    assert all(h.table is None for h in found)
    assert wellformed(SIX_BANDS, "printed") == []
    assert wellformed(IKM, "declared") == []
    # in force without a declaration: the default, whose bands point nowhere in the report
    default = wellformed(IKM, "in_force")
    assert [h.outcome for h in default] == ["below", "gap", "gap", "gap", "gap", "above"]
    assert {h.pointer for h in default} == {""}


def test_wellformed_overlap_and_empty() -> None:
    text = """
[tabel.skala_kategori]
baris = [
  { batas_bawah = 90, kategori = "Sangat Tinggi" },
  { batas_bawah = 76, batas_atas = 90, kategori = "Tinggi" },
  { batas_bawah = 75, batas_atas = 66, kategori = "Sedang" },
  { batas_atas = 76, atas_inklusif = false, kategori = "Rendah" },
]
"""
    found = wellformed(text, "printed")
    assert [(h.outcome, h.pointer) for h in found] == [
        ("empty", "/tabel/skala_kategori/baris/2"),
        ("overlap", "/tabel/skala_kategori/baris/1"),
    ]
    assert found[1].values["other_band"] == "Sangat Tinggi"


def test_wellformed_skips_malformed_scales() -> None:
    assert (
        wellformed(
            '[tabel.skala_kategori]\nbaris = [{ batas_bawah = "x", kategori = "A" }]\n', "printed"
        )
        == []
    )
    assert wellformed("[tabel.skala_kategori]\nbaris = [3]\n", "printed") == []
    assert wellformed("[tabel.skala_kategori]\nbaris = [{ batas_bawah = 3 }]\n", "printed") == []
    assert wellformed("[tabel.skala_kategori]\nbaris = []\n", "printed") == []
    assert wellformed('tabel = "x"\n', "printed") == []


def test_contiguous_scale_is_well_formed() -> None:
    text = """
[tabel.skala_kategori]
baris = [
  { batas_bawah = 90, bawah_inklusif = false, kategori = "Sangat Tinggi" },
  { batas_bawah = 75, bawah_inklusif = false, batas_atas = 90, kategori = "Tinggi" },
  { batas_atas = 75, kategori = "Rendah" },
]
"""
    assert wellformed(text, "printed") == []


# -- ScaleMatches ----------------------------------------------------------------------


def matches(text: str) -> list[Hit]:
    return list(ScaleMatches({}).run(view_of(text)))


def test_reference_printed_scale_differs_only_in_case() -> None:
    [hit] = ScaleMatches({}).run(ReportView(load_path(REFERENCE).data))
    assert (hit.outcome, hit.pointer) == ("case", "/tabel/skala_kategori/baris/0")
    assert (hit.printed, hit.expected) == ("Sangat tinggi", "Sangat Tinggi")


def test_printed_exactly_as_in_force() -> None:
    assert matches(PRINTED_REFERENCE.replace("Sangat tinggi", "Sangat Tinggi")) == []
    assert matches(IKM) == []  # nothing printed


def test_bounds_name_extra_missing() -> None:
    text = """
[tabel.skala_kategori]
baris = [
  { batas_bawah = 100, bawah_inklusif = false, kategori = "Melampaui" },
  { batas_bawah = 91, batas_atas = 100, kategori = "Sangat Tinggi" },
  { batas_bawah = 76, batas_atas = 90, kategori = "Baik" },
  { batas_bawah = 66, batas_atas = 75, atas_inklusif = false, kategori = "Sedang" },
  { batas_bawah = 51, batas_atas = 65, kategori = "Rendah" },
]
"""
    found = matches(text)
    base = "/tabel/skala_kategori/baris"
    assert outcomes(found) == [
        ("extra", f"{base}/0"),
        ("name", f"{base}/2"),
        ("bounds", f"{base}/3"),
        ("missing", base),
    ]
    assert (found[1].printed, found[1].expected) == ("Baik", "Tinggi")
    assert found[2].values["range_en"] == "66% ≤ capaian < 75%"
    assert found[2].values["expected_range_en"] == "66% ≤ capaian ≤ 75%"
    assert found[3].values["band"] == "Sangat Rendah"


def test_a_name_paired_band_is_not_reused_for_a_renamed_one() -> None:
    # "Istimewa" has Sangat Tinggi's bounds, but Sangat Tinggi is printed under its own name
    extra = '  { batas_bawah = 91, batas_atas = 100, kategori = "Istimewa" },\n]'
    head, _, _ = PRINTED_REFERENCE.replace("Sangat tinggi", "Sangat Tinggi").rpartition("]")
    text = head + extra
    assert [h.outcome for h in matches(text)] == ["extra"]


def test_printed_against_a_declared_scale() -> None:
    text = SIX_BANDS + PRINTED_REFERENCE
    found = matches(text)
    assert {h.outcome for h in found} == {"extra", "missing"}
    assert all(h.values["scale"] == "Skala enam rentang" for h in found)


# -- the rule pack on the reference report ---------------------------------------------


def test_kategori_rules_on_reference_report() -> None:
    findings = run_rules(load_path(REFERENCE), pack_rules("kategori"))
    assert [(f.rule, f.severity.label, f.location.pointer) for f in findings] == [
        ("KAT016", "info", "/tabel/skala_kategori/baris/0"),
        ("KAT004", "warning", "/tabel/skala_kategori/baris/0/batas_bawah"),
        ("KAT005", "warning", "/tabel/skala_kategori/baris/0/batas_atas"),
        ("KAT004", "warning", "/tabel/skala_kategori/baris/1/batas_bawah"),
        ("KAT004", "warning", "/tabel/skala_kategori/baris/2/batas_bawah"),
        ("KAT004", "warning", "/tabel/skala_kategori/baris/3/batas_bawah"),
    ]
    assert "90% < capaian < 91%" in findings[1].message.id


def test_corrected_reference_with_a_declared_contiguous_scale_is_clean() -> None:
    # The corrected report prints a scale without gaps and declares it in force.
    text = REFERENCE.read_text(encoding="utf-8")
    start = text.index("[tabel.skala_kategori]")
    end = text.index("# ----", text.index("[[tabel.skala_kategori.baris]]"))
    text = text[:start] + text[end:]
    text += """
[skala]
nama = "Permendagri 86/2017, batas bawah eksklusif"
rentang = [
  { bawah = 90, bawah_inklusif = false, kategori = "Sangat Tinggi" },
  { bawah = 75, bawah_inklusif = false, atas = 90, kategori = "Tinggi" },
  { bawah = 65, bawah_inklusif = false, atas = 75, kategori = "Sedang" },
  { bawah = 50, bawah_inklusif = false, atas = 65, kategori = "Rendah" },
  { atas = 50, kategori = "Sangat Rendah" },
]

[tabel.skala_kategori]
nomor = "3.1"
baris = [
  { batas_bawah = 90, bawah_inklusif = false, kategori = "Sangat Tinggi" },
  { batas_bawah = 75, bawah_inklusif = false, batas_atas = 90, kategori = "Tinggi" },
  { batas_bawah = 65, bawah_inklusif = false, batas_atas = 75, kategori = "Sedang" },
  { batas_bawah = 50, bawah_inklusif = false, batas_atas = 65, kategori = "Rendah" },
  { batas_atas = 50, kategori = "Sangat Rendah" },
]
"""
    document = load_bytes(text.encode(), "fixed.toml", "toml")
    assert run_rules(document, pack_rules("kategori")) == []


def test_corrected_example_gives_no_kategori_finding() -> None:
    corrected = ROOT / "examples" / "jatinegara-2021-corrected.toml"
    if not corrected.exists():
        pytest.skip("no corrected example")
    assert run_rules(load_path(corrected), pack_rules("kategori")) == []
