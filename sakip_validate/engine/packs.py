"""Load and validate rule packs; nothing in a pack ever executes code.

A pack is checked completely when it is loaded (structure against
``schemas/rule-pack.schema.json``, the kind exists, its parameters fit the
kind, templates name only placeholders the kind fills, ids are unique), so a
mistake surfaces as a positioned message before any report is checked.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..catalog import Catalog, PackInfo
from ..codes import PACK_INVALID
from ..findings import Finding, Severity, Text, TextLocation
from ..loading import LoadedDocument, LoadFailed, load_path
from ..loading.pointers import join_pointer
from ..resources import RULE_PACK_SCHEMA_FILE, data_dir
from ..schema_check import check_schema
from .applicability import AppliesTo, known_values
from .kinds import available, load_kind
from .model import Rule, RulePack
from .templates import COMMON_PLACEHOLDERS, placeholders


class RulePackError(Exception):
    """One or more rule packs are invalid; ``findings`` say where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("\n".join(f.location.display() + " " + f.message.en for f in findings))
        self.findings = findings


def pack_files(extra: Iterable[str | Path] = ()) -> list[Path]:
    """The built-in packs, then the files and folders given with ``--rules``."""
    files = sorted(data_dir("rules").glob("*.toml"))
    for given in extra:
        path = Path(given)
        files.extend(sorted(path.glob("*.toml")) if path.is_dir() else [path])
    return files


def catalog_of(packs: Iterable[RulePack]) -> Catalog:
    """The catalogue of ``packs``: their rules' metadata, without the checks."""
    infos = {}
    pack_infos = []
    for pack in packs:
        pack_infos.append(PackInfo(pack.id, pack.version, pack.title))
        for rule in pack.rules:
            infos[rule.id] = rule.info
    return Catalog(infos, tuple(pack_infos))


def load_packs(extra: Iterable[str | Path] = ()) -> list[RulePack]:
    """Load and validate every pack; raise RulePackError listing every problem."""
    return list(_load_packs(tuple(str(p) for p in extra)))


@functools.cache
def _load_packs(extra: tuple[str, ...]) -> tuple[RulePack, ...]:
    problems: list[Finding] = []
    packs: list[RulePack] = []
    seen: dict[str, str] = {}
    pack_ids: dict[str, str] = {}
    for path in pack_files(extra):
        pack = _load_pack(path, problems)
        if pack is None:
            continue
        if pack.id in pack_ids:
            problems.append(
                _problem(
                    pack.source,
                    None,
                    Text(
                        f"Id paket {pack.id!r} sudah dipakai oleh {pack_ids[pack.id]}; beri "
                        "paket ini id sendiri.",
                        f"Pack id {pack.id!r} is already used by {pack_ids[pack.id]}; give "
                        "this pack an id of its own.",
                    ),
                    "/pack/id",
                )
            )
        pack_ids.setdefault(pack.id, pack.source)
        for rule in pack.rules:
            if rule.id in seen:
                problems.append(
                    _problem(
                        rule.source,
                        None,
                        Text(
                            f"Id aturan {rule.id} sudah dipakai di {seen[rule.id]}.",
                            f"Rule id {rule.id} is already used in {seen[rule.id]}.",
                        ),
                    )
                )
            seen.setdefault(rule.id, rule.source)
        packs.append(pack)
    if problems:
        raise RulePackError(problems)
    return tuple(packs)


def _problem(
    source: str, document: LoadedDocument | None, message: Text, pointer: str = ""
) -> Finding:
    location = document.locate(pointer) if document is not None else None
    return Finding(
        rule=PACK_INVALID.id,
        severity=PACK_INVALID.severity,
        message=message,
        pack=PACK_INVALID.pack,
        title=PACK_INVALID.title,
        location=location or TextLocation(source, pointer),
    )


def _load_pack(path: Path, problems: list[Finding]) -> RulePack | None:
    try:
        document = load_path(path)
    except LoadFailed as failure:
        problems.extend(failure.findings)
        return None
    if document.format != "toml":
        problems.append(
            _problem(
                str(path),
                None,
                Text("Paket aturan harus berkas .toml.", "A rule pack must be a .toml file."),
            )
        )
        return None
    structural = check_schema(document, RULE_PACK_SCHEMA_FILE)
    if structural:
        problems.extend(structural)
        return None
    data = document.data
    pack_id = data["pack"]["id"]
    rules = []
    for index, raw in enumerate(data["rule"]):
        rule = _build_rule(document, pack_id, f"/rule/{index}", raw, problems)
        if rule is not None:
            rules.append(rule)
    return RulePack(
        id=pack_id,
        version=data["pack"]["version"],
        title=_text(data["pack"]["title"]),
        source=str(path),
        rules=tuple(rules),
    )


def _text(raw: dict[str, str]) -> Text:
    return Text(raw["id"], raw["en"])


def _build_rule(
    document: LoadedDocument,
    pack_id: str,
    pointer: str,
    raw: dict[str, Any],
    problems: list[Finding],
) -> Rule | None:
    source = document.label
    count = len(problems)

    def fail(where: str, id_text: str, en_text: str) -> None:
        problems.append(_problem(source, document, Text(id_text, en_text), where))

    kind_name = raw["kind"]
    if kind_name not in available():
        names = ", ".join(available()) or "-"
        fail(
            join_pointer(pointer, "kind"),
            f"Jenis pemeriksaan {kind_name!r} tidak dikenal; yang terpasang: {names}.",
            f"Unknown check kind {kind_name!r}; installed: {names}.",
        )
        return None
    kind = load_kind(kind_name)
    params = raw.get("params", {})
    oversized = _oversized(params, join_pointer(pointer, "params"))
    if oversized is not None:
        fail(
            oversized,
            f"Parameter terlalu besar: paling banyak {MAX_PARAM_ITEMS} butir per daftar dan "
            f"{MAX_PARAM_TEXT} karakter per teks.",
            f"Parameter too large: at most {MAX_PARAM_ITEMS} items per list and "
            f"{MAX_PARAM_TEXT} characters per text.",
        )
        return None
    _check_params(kind.params_schema, params, join_pointer(pointer, "params"), fail)
    outcome = raw.get("outcome", kind.outcomes[0])
    if outcome not in kind.outcomes:
        fail(
            join_pointer(pointer, "outcome"),
            f"Hasil {outcome!r} tidak dimiliki jenis {kind_name}; pilihan: "
            + ", ".join(kind.outcomes),
            f"Kind {kind_name} has no outcome {outcome!r}; choices: " + ", ".join(kind.outcomes),
        )
    applies_to = AppliesTo.parse(raw.get("applies_to"))
    for field, index, value in applies_to.problems() if applies_to is not None else ():
        fail(
            f"{join_pointer(join_pointer(pointer, 'applies_to'), field)}/{index}",
            f"Nilai {value!r} tidak dikenal untuk applies_to.{field}; yang sah: "
            + ", ".join(known_values()[field]),
            f"Unknown value {value!r} for applies_to.{field}; valid: "
            + ", ".join(known_values()[field]),
        )
    if len(problems) > count:
        return None
    check = kind(params)
    for where, message in check.problems():
        fail(join_pointer(join_pointer(pointer, "params"), where.lstrip("/")), message, message)
    allowed = COMMON_PLACEHOLDERS | kind.placeholders
    for lang in ("id", "en"):
        where = join_pointer(join_pointer(pointer, "message"), lang)
        try:
            unknown = sorted(set(placeholders(raw["message"][lang])) - allowed)
        except ValueError as error:
            fail(where, f"Templat pesan tidak sah: {error}.", f"Invalid message template: {error}.")
            continue
        if unknown:
            names = ", ".join("{" + name + "}" for name in sorted(allowed))
            fail(
                where,
                f"Tempat isian tidak dikenal: {', '.join(unknown)}; yang tersedia: {names}.",
                f"Unknown placeholder(s): {', '.join(unknown)}; available: {names}.",
            )
    if len(problems) > count:
        return None
    return Rule(
        id=raw["id"],
        pack=pack_id,
        severity=Severity.parse(raw["severity"]),
        kind=kind_name,
        outcome=outcome,
        title=_text(raw["title"]),
        message=_text(raw["message"]),
        legal_basis=raw["legal_basis"],
        rationale=_text(raw["rationale"]),
        fix=_text(raw["fix"]),
        params=params,
        example_pass=raw["examples"]["pass"],
        example_fail=raw["examples"]["fail"],
        source=source,
        check=check,
        legal_basis_status=raw.get("legal_basis_status"),
        applies_to=applies_to,
    )


# A pack is input too: a parameter list of 100,000 words would slow every report.
MAX_PARAM_ITEMS = 1000
MAX_PARAM_TEXT = 10_000


def _oversized(value: Any, pointer: str) -> str | None:
    """The pointer of the first list or text in ``value`` beyond the parameter limits."""
    stack = [(value, pointer)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str) and len(item) > MAX_PARAM_TEXT:
            return where
        if isinstance(item, list):
            if len(item) > MAX_PARAM_ITEMS:
                return where
            stack.extend((child, f"{where}/{i}") for i, child in enumerate(item))
        elif isinstance(item, dict):
            if len(item) > MAX_PARAM_ITEMS:
                return where
            stack.extend((child, join_pointer(where, key)) for key, child in item.items())
    return None


def _check_params(schema: dict[str, Any], params: Any, pointer: str, fail: Any) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    errors: Sequence[Any] = list(Draft202012Validator(schema).iter_errors(params))
    if errors:
        error = best_match(errors)
        where = pointer + "".join(f"/{part}" for part in error.absolute_path)
        fail(
            where, f"Parameter tidak sah: {error.message}.", f"Invalid parameter: {error.message}."
        )
