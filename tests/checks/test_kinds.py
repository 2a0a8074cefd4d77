"""The built-in kinds as a whole: each lives with the rule pack it serves, and the
figures a finding says its expected value comes from (``operands``)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from sakip_validate.api import default_rules
from sakip_validate.engine.kinds import BUILT_IN, load_kind
from sakip_validate.engine.runner import run_rules
from sakip_validate.engine.templates import COMMON_PLACEHOLDERS
from sakip_validate.loading import LoadedDocument


def test_every_built_in_kind_lives_in_the_package_of_the_pack_that_uses_it() -> None:
    packs: dict[str, set[str]] = {}
    for rule in default_rules():
        packs.setdefault(rule.kind, set()).add(rule.pack)
    assert set(packs) == set(BUILT_IN), "a shipped kind no pack uses, or a pack kind not built in"
    for kind, users in sorted(packs.items()):
        module = BUILT_IN[kind].partition(":")[0]
        assert module.startswith("sakip_validate.checks.")
        family = module.split(".")[2]
        # another pack may use a kind too; the kind lives with a pack that uses it
        assert family in {pack.replace("-", "_") for pack in users}, kind


@pytest.mark.parametrize("name", sorted(BUILT_IN))
def test_a_kind_is_registered_under_its_own_name(name: str) -> None:
    kind = load_kind(name)
    assert kind.name == name
    assert set(kind.operands) <= kind.placeholders | COMMON_PLACEHOLDERS
    assert len(set(kind.operands)) == len(kind.operands)


def test_kinds_that_compute_an_expected_value_name_its_operands() -> None:
    operands = {name: load_kind(name).operands for name in BUILT_IN}
    assert operands["capaian"] == ("target", "realisasi")
    assert operands["percentage"] == ("part", "whole")
    assert operands["category"] == ("capaian",)
    assert operands["zero_target"] == ("target",)
    assert operands["distribution"] == ("jumlah", "keseluruhan")


def _document(data: dict[str, Any]) -> LoadedDocument:
    return LoadedDocument("t.json", "json", "{}", data)


def test_an_operand_the_hit_does_not_give_is_left_out() -> None:
    # A share without a count: its expected value has no jumlah to come from.
    groups = [{"kategori": "maju", "persen": Decimal("6.25")}]
    statement = {"id": "s", "bab": "3.2", "jenis": "status_desa", "satuan": "desa"}
    data = {
        "laporan": {"tahun_anggaran": 2021},
        "narasi": {"distribusi": [{**statement, "keseluruhan": 17, "kelompok": groups}]},
    }
    rules = [r for r in default_rules() if r.kind == "distribution" and r.outcome == "infeasible"]
    (finding,) = run_rules(_document(data), rules)
    assert finding.operands == (("keseluruhan", "17"),)


def test_the_guide_says_where_each_built_in_kind_lives() -> None:
    guide = (Path(__file__).resolve().parents[2] / "docs" / "writing-rules.md").read_text()
    section = guide.split("## Where the built-in kinds live", 1)[1]
    rows = {
        line.split("|")[2].strip(" `/"): line.split("|")[3]
        for line in section.splitlines()
        if line.startswith("| `") and "/` |" in line
    }
    for kind, target in BUILT_IN.items():
        package, module = target.partition(":")[0].split(".")[2:4]
        listed = rows[package].split(f"`{module}`: ", 1)[1]
        names = listed.split(";")[0].split(" (")[0]
        assert kind in [name.strip() for name in names.split(",")], kind
