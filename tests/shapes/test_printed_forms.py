"""Printed forms (tests/data/shapes/): n/a and dashes, index units, rupiah with ,00.

Every fixture of ``make_printed_forms.CASES`` must give exactly the findings listed
there. Beyond that, each form must mean what its canonical form means: a report
printing "n/a" or "–" gets the findings (rule and place) it would get printing "N/A"
or "-", quoted as it printed them; rupiah printed with ,00 get the findings of the same
amounts without decimals.
"""

from __future__ import annotations

import re

import pytest

from sakip_validate.api import check_bytes
from sakip_validate.findings import Finding
from tests.data.shapes.make_printed_forms import CASES, HERE, build

NAMES = sorted(CASES)


def _check(text: str, name: str) -> list[Finding]:
    fmt = "toml" if name.endswith(".toml") else "json"
    return check_bytes(text.encode("utf-8"), name, fmt).findings  # type: ignore[arg-type]


def _fixture(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def _places(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.rule, f.location.pointer) for f in findings]


@pytest.mark.parametrize("name", NAMES)
def test_the_fixture_is_what_the_script_writes(name: str) -> None:
    assert (HERE / name).read_bytes() == build(name), "run tests/data/shapes/make_printed_forms.py"


@pytest.mark.parametrize("name", NAMES)
def test_each_fixture_gives_its_documented_findings(name: str) -> None:
    findings = _check(_fixture(name), name)
    expected = CASES[name].findings
    assert _places(findings) == [(rule, pointer) for rule, pointer, _, _ in expected]
    for finding, (_, _, words_id, words_en) in zip(findings, expected, strict=True):
        assert words_id in finding.message.id
        assert words_en in finding.message.en


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("na-")])
def test_each_na_form_means_what_its_canonical_form_means(name: str) -> None:
    text = _fixture(name)
    canonical = text.replace('"n/a"', '"N/A"').replace('"\u2013"', '"-"').replace('"\u2014"', '"-"')
    assert canonical != text
    ours, theirs = _check(text, name), _check(canonical, name)
    assert _places(ours) == _places(theirs)
    for mine, other in zip(ours, theirs, strict=True):
        # What the report printed is what the finding quotes.
        assert mine.printed == next(m for m in ("n/a", "\u2013", "\u2014") if m in text)
        assert other.printed in ("N/A", "-")


@pytest.mark.parametrize("name", [n for n in NAMES if n.startswith("rupiah-with-decimals")])
def test_rupiah_with_decimals_mean_the_same_whole_rupiah(name: str) -> None:
    text = _fixture(name)
    whole = re.sub(r'((?:anggaran|realisasi)"?\s*[=:]\s*[\d_]+)\.00\b', r"\1", text)
    assert whole != text
    ours, theirs = _check(text, name), _check(whole, name)
    assert [(f.rule, f.location.pointer, f.message) for f in ours] == [
        (f.rule, f.location.pointer, f.message) for f in theirs
    ]


def test_an_index_target_is_shown_without_a_percent_sign() -> None:
    findings = _check(_fixture("satuan-nilai-target-differs.toml"), "x.toml")
    assert "%" not in findings[0].message.id and "%" not in findings[0].message.en
    # The same indicator measured in Persentase does show the sign.
    text = _fixture("satuan-nilai-target-differs.toml").replace(
        'satuan = "Nilai"', 'satuan = "Persentase"\nalasan_tidak_terukur = "x"'
    )
    percent = [f for f in _check(text, "x.toml") if f.rule == "TGT001"]
    assert "82,00%" in percent[0].message.id
