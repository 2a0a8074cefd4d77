"""Legal bases: no doubt in the text a reader sees; the doubt lives in the status and the docs.

Every shipped rule says how sure its basis is (``legal_basis_status``); a basis that
names a provision must be ``verified``, one that names only regulations must be
``regulation_only``; docs/dasar-hukum.md lists every rule with the same status. The
status reaches ``explain`` and docs/rules.md, never a finding or the catalogue.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from sakip_validate.api import RunOptions, default_rules, run
from sakip_validate.catalog import Catalog, RuleInfo
from sakip_validate.codes import ALL_CODES, FAMILIES, YEAR_LEGAL_BASIS
from sakip_validate.engine.model import Rule
from sakip_validate.engine.packs import load_packs
from sakip_validate.ruledocs import BASIS_STATUS, explain, markdown

ROOT = Path(__file__).resolve().parent.parent.parent
DASAR_HUKUM = ROOT / "docs" / "dasar-hukum.md"
EXAMPLE = ROOT / "examples" / "jatinegara-2021.toml"
RULES = default_rules()
STATUSES = {"verified", "regulation_only"}

# Words that carry doubt; they belong in docs/dasar-hukum.md, not in a legal basis.
DOUBT = (
    "belum diverifikasi",
    "tidak diverifikasi",
    "sumber sekunder",
    "not verified",
    "unverified",
    "secondary source",
    "second-hand",
)
# Words that point at a provision inside a regulation.
PROVISION = re.compile(r"\b(Pasal|Lampiran|Bab|huruf|angka|ayat)\b")


def _no_doubt(text: str) -> list[str]:
    lowered = text.lower()
    return [word for word in DOUBT if word in lowered]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_a_legal_basis_carries_no_doubt(rule: Rule) -> None:
    assert rule.legal_basis.strip()
    assert not _no_doubt(rule.legal_basis), rule.legal_basis


def test_built_in_codes_carry_no_doubtful_basis() -> None:
    catalog = Catalog()
    for code in ALL_CODES:
        info = catalog.get(code.id)
        assert info is not None
        assert not _no_doubt(info.legal_basis or ""), code.id


def test_user_facing_explanations_carry_no_doubt() -> None:
    """Rationales and family texts reach `explain`, docs/rules.md and the papers."""
    texts = [YEAR_LEGAL_BASIS]
    for rule in RULES:
        texts += [rule.rationale.id, rule.rationale.en]
    for family in FAMILIES:
        texts += [
            family.title.id,
            family.rationale.id,
            family.rationale.en,
            family.fix.id,
            family.fix.en,
        ]
    assert [text for text in texts if _no_doubt(text)] == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_says_how_sure_its_basis_is(rule: Rule) -> None:
    assert rule.legal_basis_status in STATUSES, rule.id
    names_a_provision = bool(PROVISION.search(rule.legal_basis))
    if rule.legal_basis_status == "verified":
        assert names_a_provision, f"{rule.id}: a verified basis names its provision"
    else:
        assert not names_a_provision, f"{rule.id}: a regulation-only basis names no provision"
        assert " tentang " in rule.legal_basis, f"{rule.id}: name the regulation by its title"


def test_docs_dasar_hukum_lists_every_rule_with_its_status() -> None:
    text = DASAR_HUKUM.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([A-Z]+\d{3})` \| (\w+) \|", text, flags=re.MULTILINE)
    assert sorted(rows) == sorted((rule.id, rule.legal_basis_status or "") for rule in RULES), (
        "docs/dasar-hukum.md, section 3, must list every rule once with its legal_basis_status"
    )
    verified = sum(rule.legal_basis_status == "verified" for rule in RULES)
    regulation_only = len(RULES) - verified
    assert f"**{verified}** aturan terverifikasi, **{regulation_only}** hanya peraturan" in text
    assert f"**{verified}** rules verified, **{regulation_only}** regulation only" in text


def test_the_status_is_documented_but_never_reaches_findings() -> None:
    rule = RULES[0]
    for lang in ("id", "en"):
        assert BASIS_STATUS.get(rule.legal_basis_status or "", lang) in explain(rule, lang)
    assert "Status dasar hukum" in markdown(load_packs())
    # the catalogue and the findings have no field for it, so no output can show it
    assert "legal_basis_status" not in {f.name for f in dataclasses.fields(RuleInfo)}
    assert rule.info == dataclasses.replace(rule, legal_basis_status=None).info
    result = run([str(EXAMPLE)], RunOptions())
    assert result.findings
    for finding in result.findings:
        assert "legal_basis_status" not in {f.name for f in dataclasses.fields(finding)}
        assert not _no_doubt(finding.legal_basis or ""), finding.rule


def test_a_pack_without_a_status_still_loads_and_says_so(tmp_path: Path) -> None:
    pack = (ROOT / "rules" / "narasi.toml").read_text(encoding="utf-8")
    pack = re.sub(r'^legal_basis_status = "\w+"\n', "", pack, flags=re.MULTILINE)
    pack = re.sub(r'^id = "narasi"$', 'id = "narasi-tanpa-status"', pack, flags=re.MULTILINE)
    pack = re.sub(r'^id = "NAR(\d{3})"$', r'id = "XNA\1"', pack, flags=re.MULTILINE)
    path = tmp_path / "tanpa-status.toml"
    path.write_text(pack, encoding="utf-8")
    loaded = [p for p in load_packs([path]) if p.id == "narasi-tanpa-status"]
    assert loaded and all(rule.legal_basis_status is None for rule in loaded[0].rules)
    assert "tidak dinyatakan" in explain(loaded[0].rules[0], "id")


def test_an_unknown_status_is_refused(tmp_path: Path) -> None:
    from sakip_validate.engine.packs import RulePackError

    pack = (ROOT / "rules" / "narasi.toml").read_text(encoding="utf-8")
    pack = pack.replace('legal_basis_status = "verified"', 'legal_basis_status = "pasti"', 1)
    pack = re.sub(r'^id = "narasi"$', 'id = "narasi-salah"', pack, flags=re.MULTILINE)
    pack = re.sub(r'^id = "NAR(\d{3})"$', r'id = "XNB\1"', pack, flags=re.MULTILINE)
    path = tmp_path / "salah.toml"
    path.write_text(pack, encoding="utf-8")
    with pytest.raises(RulePackError) as caught:
        load_packs([path])
    assert any(
        f.location.pointer.endswith("/legal_basis_status") and "regulation_only" in f.message.en
        for f in caught.value.findings
    )
