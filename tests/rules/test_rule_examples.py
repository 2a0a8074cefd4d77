"""Every rule's own passing and failing example, run through that rule alone."""

from __future__ import annotations

import pytest

from sakip_validate.api import default_rules
from sakip_validate.engine.model import Rule
from sakip_validate.engine.runner import run_rules
from sakip_validate.loading import load_bytes

RULES = default_rules()


def _ids(rule: Rule) -> str:
    return rule.id


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_passing_example_gives_no_finding(rule: Rule) -> None:
    document = load_bytes(rule.example_pass.encode(), f"{rule.id}-pass.toml", "toml")
    assert [f.message.en for f in run_rules(document, [rule])] == []


@pytest.mark.parametrize("rule", RULES, ids=_ids)
def test_failing_example_gives_a_finding_with_both_languages(rule: Rule) -> None:
    document = load_bytes(rule.example_fail.encode(), f"{rule.id}-fail.toml", "toml")
    findings = run_rules(document, [rule])
    assert findings, f"{rule.id}: its failing example raises nothing"
    for finding in findings:
        assert finding.rule == rule.id
        assert finding.severity == rule.severity
        assert finding.message.id and finding.message.en
        assert "{" not in finding.message.id + finding.message.en
        assert finding.location.line is not None
        assert finding.legal_basis == rule.legal_basis


def test_rule_ids_are_unique_and_follow_the_pack_prefix() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
