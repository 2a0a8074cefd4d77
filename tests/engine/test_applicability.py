"""Which reports a rule applies to: the header's kind, unit level and scope."""

from __future__ import annotations

import pytest

from sakip_validate.domain.scope import CAKUPAN, JENIS, TINGKAT, Scope, scope_of
from sakip_validate.engine.applicability import AppliesTo, known_values


def test_the_labels_name_every_value_the_report_schema_allows() -> None:
    known = known_values()
    assert JENIS.keys() == list(known["jenis"])
    assert TINGKAT.keys() == list(known["tingkat"])
    assert CAKUPAN.keys() == list(known["cakupan"])


def test_scope_defaults_to_a_whole_report_and_reads_what_the_header_says() -> None:
    assert scope_of({}) == Scope(None, None, "lengkap")
    assert scope_of([]) == Scope(None, None, "lengkap")
    data = {"laporan": {"jenis": "LKPJ", "cakupan": "sebagian", "unit": {"tingkat": "opd"}}}
    scope = scope_of(data)
    assert (scope.jenis, scope.tingkat, scope.partial) == ("LKPJ", "opd", True)
    assert scope.label("tingkat") is not None and scope.label("tingkat").id == "perangkat daerah"
    assert Scope().label("jenis") is None


LKJ_WHOLE = AppliesTo(jenis=("LKjIP", "LKj"), cakupan=("lengkap",))


@pytest.mark.parametrize(
    ("scope", "reason"),
    [
        (Scope("LKjIP", "kecamatan", "lengkap"), None),
        (Scope(None, None, "lengkap"), None),  # a field not stated: still checked
        (Scope("LKPJ", None, "lengkap"), "hanya untuk LKjIP dan LKj, bukan LKPJ"),
        (
            Scope("lainnya", None, "lengkap"),
            "hanya untuk LKjIP dan LKj, bukan dokumen kinerja lain",
        ),
        (Scope("LKPJ", None, "sebagian"), "berkas ini hanya memuat sebagian laporan"),
    ],
)
def test_a_rule_is_skipped_only_for_what_the_report_says_it_is(
    scope: Scope, reason: str | None
) -> None:
    found = LKJ_WHOLE.reason(scope)
    assert (found.id if found else None) == reason
    if found is not None:
        assert found.en and found.en != found.id


def test_a_unit_level_reason_names_the_unit() -> None:
    pemda = AppliesTo(tingkat=("opd", "kecamatan"))
    reason = pemda.reason(Scope("LKj", "instansi_vertikal"))
    assert reason is not None
    assert reason.id == "tidak berlaku untuk instansi vertikal"
    assert "instansi vertikal" in reason.en
    assert pemda.reason(Scope("LKj", "opd")) is None


def test_applies_to_is_described_for_the_rule_documentation() -> None:
    text = AppliesTo(jenis=("LKjIP", "LKj"), tingkat=("opd",), cakupan=("lengkap",)).describe()
    assert text.id == "jenis laporan LKjIP dan LKj; unit: perangkat daerah; laporan lengkap"
    assert text.en == (
        "reports of kind LKjIP and LKj; units: regional government agency (OPD); whole reports"
    )
    assert AppliesTo.parse({}) is None
    assert AppliesTo.parse({"jenis": ["LKPJ"]}) == AppliesTo(jenis=("LKPJ",))
    assert list(AppliesTo(jenis=("LKJIP",)).problems()) == [("jenis", 0, "LKJIP")]
