"""Rule documentation: `rules`, `explain` in both languages, and docs/rules.md kept fresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sakip_validate.api import default_rules
from sakip_validate.cli import main
from sakip_validate.codes import ALL_CODES
from sakip_validate.engine.packs import load_packs
from sakip_validate.ruledocs import markdown

DOCS = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"
RULE_IDS = [rule.id for rule in default_rules()]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_explain_every_rule(rule_id: str, lang: str) -> None:
    code, output = run("explain", rule_id.lower(), "--lang", lang)
    assert code == 0
    assert output.startswith(f"{rule_id}: ")
    heading = "Dasar hukum" if lang == "id" else "Legal basis"
    assert heading in output
    assert ("Contoh yang gagal" if lang == "id" else "Failing example") in output


def test_explain_built_in_codes_and_unknown_ids() -> None:
    for code in ALL_CODES:
        assert run("explain", code.id)[0] == 0
    assert run("explain", "NOPE999")[0] == 2


def test_rules_lists_every_rule() -> None:
    code, output = run("rules")
    assert code == 0
    listed = [line.split()[0] for line in output.splitlines()]
    assert listed == RULE_IDS


def test_docs_rules_md_is_generated_from_the_rules() -> None:
    expected = markdown(load_packs())
    assert DOCS.read_text(encoding="utf-8") == expected, (
        "docs/rules.md is stale: run  sakip-validate rules --format markdown > docs/rules.md"
    )
