"""Frozen run results: output tests render these, never the live rule engine.

A frozen result is a JSON file under ``tests/outputs/fixtures/`` holding a whole
:class:`RunResult` (files, findings, quoted lines, parsed data, catalogue,
manifest, policy and verdict). Decimals keep their printed digits as
``{"$decimal": "99.93"}``. A new rule that fires on the example therefore
changes the reference-report pin, not the output tests.

Rewrite the fixtures after an intended change to the result model or to the
example (review the diff before committing)::

    python -m tests.outputs.frozen

After a change to the citations or to the examples' pages only, derive each
finding's printed place again without running the rules (which would pull in
new rules' findings)::

    python -m tests.outputs.frozen --places
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sakip_validate.catalog import Catalog, PackInfo, RuleInfo
from sakip_validate.findings import Finding, Place, Severity, Suppression, Text, TextLocation
from sakip_validate.policy import BaselineOutcome, Policy, Verdict
from sakip_validate.policy.baseline import Entry
from sakip_validate.result import FileReport, Manifest, RunResult, SkippedRule

ROOT = Path(__file__).resolve().parent.parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FORMAT = 3

# fixture name -> the inputs it freezes (repository-relative, in run order), or a
# function that makes the live result (a run under a policy of its own)
SOURCES: dict[str, tuple[str, ...] | Callable[[], RunResult]] = {
    "example": ("examples/jatinegara-2021.toml", "examples/jatinegara-2021-corrected.toml"),
    "hostile": ("tests/data/hostile.toml",),
    "broken": tuple(
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "tests" / "data" / "broken").iterdir())
    ),
}


# -- plain values -----------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _exact(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$decimal"}:
            return Decimal(value["$decimal"])
        return {key: _exact(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_exact(item) for item in value]
    return value


def _text(text: Text | None) -> list[str] | None:
    return None if text is None else [text.id, text.en]


def _untext(pair: list[str] | None) -> Text | None:
    return None if pair is None else Text(pair[0], pair[1])


def _severity(label: str) -> Severity:
    return Severity.parse(label)


# -- freezing -----------------------------------------------------------------------


def _finding(finding: Finding) -> dict[str, Any]:
    loc = finding.location
    return {
        "rule": finding.rule,
        "severity": finding.severity.label,
        "message": _text(finding.message),
        "location": [loc.file, loc.pointer, loc.line, loc.column],
        "hint": _text(finding.hint),
        "pack": finding.pack,
        "title": _text(finding.title),
        "table": _text(finding.table),
        "table_key": finding.table_key,
        "row": finding.row,
        "printed": finding.printed,
        "expected": finding.expected,
        "operands": [list(pair) for pair in finding.operands],
        "legal_basis": finding.legal_basis,
        "suppression": None
        if finding.suppression is None
        else dataclasses.asdict(finding.suppression),
        "place": None if finding.place is None else _place(finding.place),
    }


def _place(place: Place) -> dict[str, Any]:
    return {
        "table": _text(place.table),
        "row": place.row,
        "row_label": place.row_label,
        "column": _text(place.column),
        "section": _text(place.section),
        "page": place.page,
    }


def _unplace(raw: dict[str, Any] | None) -> Place | None:
    if raw is None:
        return None
    return Place(
        table=_untext(raw["table"]),
        row=raw["row"],
        row_label=raw["row_label"],
        column=_untext(raw["column"]),
        section=_untext(raw["section"]),
        page=raw["page"],
    )


def _rule(info: RuleInfo) -> dict[str, Any]:
    return {
        "id": info.id,
        "pack": info.pack,
        "severity": info.severity.label,
        "title": _text(info.title),
        "legal_basis": info.legal_basis,
        "rationale": _text(info.rationale),
        "fix": _text(info.fix),
        "kind": info.kind,
        "built_in": info.built_in,
    }


def freeze(result: RunResult) -> dict[str, Any]:
    """A run result as plain JSON values."""
    manifest = result.manifest
    verdict = result.verdict
    return {
        "format": FORMAT,
        "files": [
            {
                "label": report.label,
                "format": report.format,
                "role": report.role,
                "unreadable": report.unreadable,
                "checked": report.checked,
                "sha256": report.sha256,
                "lines": {str(number): text for number, text in sorted(report.lines.items())},
                "findings": [_finding(finding) for finding in report.findings],
                "data": _plain(report.data),
                "skipped_rules": [[r.rule, _text(r.reason)] for r in report.skipped_rules],
            }
            for report in result.files
        ],
        "catalog": {
            "rules": [_rule(info) for info in result.catalog],
            "packs": [[p.id, p.version, _text(p.title)] for p in result.catalog.packs],
        },
        "manifest": None
        if manifest is None
        else {
            "tool_version": manifest.tool_version,
            "schema_id": manifest.schema_id,
            "packs": [list(pack) for pack in manifest.packs],
            "generated_at": manifest.generated_at,
        },
        "policy": {
            "fail_on": result.policy.fail_on.label if result.policy.fail_on else None,
        },
        "verdict": None if verdict is None else dataclasses.asdict(verdict),
        "baseline": None
        if result.baseline is None
        else {
            "source": result.baseline.source,
            "new": result.baseline.new,
            "persisting": result.baseline.persisting,
            "fixed": [dataclasses.astuple(entry) for entry in result.baseline.fixed],
        },
        "skipped": [list(pair) for pair in result.skipped],
    }


# -- thawing ------------------------------------------------------------------------


def _unfinding(raw: dict[str, Any]) -> Finding:
    file, pointer, line, column = raw["location"]
    message = _untext(raw["message"])
    assert message is not None
    return Finding(
        rule=raw["rule"],
        severity=_severity(raw["severity"]),
        message=message,
        location=TextLocation(file, pointer, line, column),
        hint=_untext(raw["hint"]),
        pack=raw["pack"],
        title=_untext(raw["title"]),
        table=_untext(raw["table"]),
        table_key=raw["table_key"],
        row=raw["row"],
        printed=raw["printed"],
        expected=raw["expected"],
        operands=tuple((name, value) for name, value in raw["operands"]),
        legal_basis=raw["legal_basis"],
        suppression=None if raw["suppression"] is None else Suppression(**raw["suppression"]),
        place=_unplace(raw["place"]),
    )


def _unrule(raw: dict[str, Any]) -> RuleInfo:
    title = _untext(raw["title"])
    assert title is not None
    return RuleInfo(
        id=raw["id"],
        pack=raw["pack"],
        severity=_severity(raw["severity"]),
        title=title,
        legal_basis=raw["legal_basis"],
        rationale=_untext(raw["rationale"]),
        fix=_untext(raw["fix"]),
        kind=raw["kind"],
        built_in=raw["built_in"],
    )


def thaw(raw: dict[str, Any]) -> RunResult:
    """The run result a :func:`freeze` document describes."""
    assert raw["format"] == FORMAT, "fixture written by another format: rewrite it"
    packs = []
    for pack_id, version, title in raw["catalog"]["packs"]:
        pack_title = _untext(title)
        assert pack_title is not None
        packs.append(PackInfo(pack_id, version, pack_title))
    catalog = Catalog({r["id"]: _unrule(r) for r in raw["catalog"]["rules"]}, tuple(packs))
    manifest = raw["manifest"]
    fail_on = raw["policy"]["fail_on"]
    verdict = raw["verdict"]
    return RunResult(
        files=[
            FileReport(
                label=file["label"],
                format=file["format"],
                role=file["role"],
                findings=[_unfinding(f) for f in file["findings"]],
                unreadable=file["unreadable"],
                checked=file["checked"],
                lines={int(number): text for number, text in file["lines"].items()},
                data=_exact(file["data"]),
                sha256=file["sha256"],
                # written since format 2 was frozen; older fixtures have none
                skipped_rules=[
                    SkippedRule(rule, _untext(reason) or Text(rule, rule))
                    for rule, reason in file.get("skipped_rules", [])
                ],
            )
            for file in raw["files"]
        ],
        catalog=catalog,
        manifest=None
        if manifest is None
        else Manifest(
            tool_version=manifest["tool_version"],
            schema_id=manifest["schema_id"],
            packs=tuple((pack, version) for pack, version in manifest["packs"]),
            generated_at=manifest["generated_at"],
        ),
        policy=Policy(fail_on=None if fail_on is None else _severity(fail_on)),
        verdict=None if verdict is None else Verdict(**verdict),
        baseline=None
        if raw["baseline"] is None
        else BaselineOutcome(
            raw["baseline"]["source"],
            raw["baseline"]["new"],
            raw["baseline"]["persisting"],
            tuple(Entry(*entry) for entry in raw["baseline"]["fixed"]),
        ),
        skipped=[(name, why) for name, why in raw["skipped"]],
    )


def load(name: str) -> RunResult:
    """The frozen result ``name`` (see :data:`SOURCES`), thawed anew on each call."""
    path = FIXTURES / f"{name}-run.json"
    return thaw(json.loads(path.read_text(encoding="utf-8")))


def live(*paths: str) -> RunResult:
    """A live run over repository-relative ``paths`` (only to write fixtures)."""
    from sakip_validate.api import check_file, new_run

    result = new_run()
    rules = [rule for pack in _packs() for rule in pack.rules]
    for relative in paths:
        result.files.append(check_file(ROOT / relative, relative, rules=rules))
    result.policy.apply(result)
    result.decide()
    return result


def _packs() -> list[Any]:
    from sakip_validate.engine.packs import load_packs

    return load_packs()


POLICY_DATA = "tests/data/policy"
# The day the policy fixture's waivers are judged by: one waiver has expired by then.
POLICY_DAY = dt.date(2026, 6, 1)


def policy_run() -> RunResult:
    """A live run over ``tests/data/policy`` under a policy built here.

    The folder holds a report with its own waivers (one in force, one expired,
    one that matches nothing), a report compared with ``baseline.json`` (some
    findings persist, one is new, and the baseline lists two that are fixed), a
    clean report, and two files that are not reports (skipped). The policy adds
    the configuration's waivers (one in force, one expired, one unused), as a
    ``sakip.toml`` would declare them.
    """
    from sakip_validate.api import RunOptions, run
    from sakip_validate.policy.baseline import Baseline
    from sakip_validate.policy.waivers import Waiver

    def waiver(rule: str, line: int, expires: dt.date, files: str, reason: str) -> Waiver:
        return Waiver(
            rule=rule,
            reason=reason,
            approver="Ir. HENDRA WIJAYA, M.T.",
            approver_nip="19750315 200003 1 002",
            approver_title="Kepala Bagian Perencanaan",
            expires=expires,
            location=TextLocation("sakip.toml", f"/pengecualian/{line // 10}", line, 1),
            files=(files,),
        )

    with contextlib.chdir(ROOT):
        policy = Policy(
            waivers=(
                waiver(
                    "ANG008",
                    10,
                    dt.date(2026, 9, 30),
                    "laporan-pengecualian.toml",
                    "Persentase dibulatkan ke atas sesuai format DPA lama; diperbaiki pada "
                    "penerbitan berikutnya.",
                ),
                waiver(
                    "NAR",
                    20,
                    dt.date(2026, 1, 31),
                    "*.toml",
                    "Narasi Bab III masih disusun ulang oleh bidang program.",
                ),
                waiver(
                    "LKP",
                    30,
                    dt.date(2026, 12, 31),
                    "laporan-*.toml",
                    "Lampiran Perjanjian Kinerja menyusul setelah penandatanganan.",
                ),
            ),
            root=ROOT / POLICY_DATA,
            baseline=Baseline.read(Path(POLICY_DATA) / "baseline.json"),
            today=POLICY_DAY,
        )
        return run([POLICY_DATA], RunOptions(policy=policy, keep_data=True))


SOURCES["policy"] = policy_run


def _same_item(current: Any, frozen: Any) -> bool:
    """Whether two list items are the same printed thing (same part, chapter, code or row)."""
    if not isinstance(current, dict) or not isinstance(frozen, dict):
        return False
    keys = ("bagian", "bab", "kode", "indikator", "id")
    return all(current.get(key) == frozen.get(key) for key in keys)


def _merge_pages(current: Any, frozen: Any) -> None:
    """Copy the ``halaman`` of ``current`` into the same places of ``frozen``."""
    if isinstance(current, dict) and isinstance(frozen, dict):
        if "halaman" in current:
            frozen.setdefault("halaman", current["halaman"])
        for key, value in current.items():
            if key in frozen:
                _merge_pages(value, frozen[key])
    elif isinstance(current, list) and isinstance(frozen, list):
        for mine, theirs in zip(current, frozen, strict=False):
            if _same_item(mine, theirs):
                _merge_pages(mine, theirs)


def refill_places() -> None:
    """Derive every rule finding's printed place from its pointer and the frozen data.

    A file frozen from a file of the repository first takes that file's printed
    pages (``halaman``) where the frozen data has the same table, row, passage
    or signature block. Findings about the data file itself (LOAD, SCHEMA, PACK,
    POLICY, INTERNAL) keep no place, as the engine makes them.
    """
    from sakip_validate.codes import FAMILIES, YEAR
    from sakip_validate.domain.citation import place_of
    from sakip_validate.loading import load_path

    data_file = tuple(family.prefix for family in FAMILIES if family is not YEAR)
    for path in sorted(FIXTURES.glob("*-run.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        for file in document["files"]:
            source = ROOT / file["label"]
            if file["data"] and source.is_file():
                _merge_pages(_plain(load_path(source).data), file["data"])
            data = _exact(file["data"])
            for finding in file["findings"]:
                if finding["rule"].startswith(data_file):
                    finding["place"] = None
                    continue
                place = place_of(data, finding["location"][1])
                finding["place"] = None if place is None else _place(place)
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        path.write_text(text, encoding="utf-8")


def write_all() -> None:
    """Rewrite every fixture from a live run (for an intended change only)."""
    FIXTURES.mkdir(exist_ok=True)
    for name, source in SOURCES.items():
        result = source() if callable(source) else live(*source)
        document = freeze(result)
        text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
        (FIXTURES / f"{name}-run.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--places"]:
        refill_places()
    else:
        write_all()
