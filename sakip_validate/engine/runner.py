"""Run rules over a loaded report and turn their hits into findings."""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import suppress
from decimal import Decimal
from typing import Any, Protocol

from ..domain.citation import place_of
from ..domain.view import ReportView
from ..failures import Failure, internal_finding
from ..findings import Finding, Text, TextLocation
from ..result import SkippedRule
from .kinds import Hit
from .model import Rule
from .templates import Percent, Rupiah, render_text


class Source(Protocol):
    """A loaded report: its data, and where a JSON pointer's value (or key) stands."""

    @property
    def data(self) -> Any: ...

    def locate(self, pointer: str, *, at_key: bool = False) -> TextLocation: ...


def run_rules(
    document: Source,
    rules: Sequence[Rule],
    failures: list[Failure] | None = None,
    skipped: list[SkippedRule] | None = None,
) -> list[Finding]:
    """Every finding the rules make on one report, in document order.

    Only the values a finding is about are located, all in one call of
    ``document.locate_all`` when the document has one (else ``locate`` each). A rule
    whose check raises gives one INTERNAL finding naming it (its traceback goes
    to ``failures``); the other rules still run. A rule that does not apply to
    the report (its pack's ``applies_to``, or its kind's
    :meth:`~sakip_validate.engine.kinds.CheckKind.inapplicable`) does not run
    and goes to ``skipped`` with the reason.
    """
    view = ReportView(document.data)
    scope = view.scope
    # Several rules often read different outcomes of the same check (mismatch,
    # truncated, inverted): compute each configured check once per report.
    computed: dict[tuple[str, str], list[Hit] | None] = {}
    # Hits become findings once all are in: their places are then found in one pass.
    findings: list[Finding | tuple[Rule, Hit]] = []
    for rule in rules:
        try:
            reason = rule.applies_to.reason(scope) if rule.applies_to is not None else None
            if reason is None:
                reason = rule.check.inapplicable(view, rule.outcome)
        except Exception as error:
            stage = Text(f"menimbang aturan {rule.id}", f"deciding whether {rule.id} applies")
            findings.append(_contained(document, stage, error, failures))
            continue
        if reason is not None:
            if skipped is not None:
                skipped.append(SkippedRule(rule.id, reason))
            continue
        key = _check_key(rule)
        if key not in computed:
            try:
                computed[key] = list(rule.check.run(view))
            except Exception as error:
                computed[key] = None
                stage = Text(f"menjalankan aturan {rule.id}", f"running rule {rule.id}")
                findings.append(_contained(document, stage, error, failures))
        hits = computed[key]
        findings.extend((rule, hit) for hit in hits or () if hit.outcome == rule.outcome)
    located = _Located(document, [entry[1] for entry in findings if isinstance(entry, tuple)])
    built: list[Finding] = []
    for entry in findings:
        if not isinstance(entry, tuple):
            built.append(entry)
            continue
        rule, hit = entry
        try:
            built.append(_finding(rule, hit, view, located))
        except Exception as error:
            stage = Text(f"menyusun temuan {rule.id}", f"building a finding of {rule.id}")
            built.append(_contained(document, stage, error, failures))
    built.sort(key=Finding.sort_key)
    return built


def _contained(
    document: Source, stage: Text, error: Exception, failures: list[Failure] | None
) -> Finding:
    """An exception in one rule as an INTERNAL finding (its traceback kept for --debug)."""
    finding, failure = internal_finding(document.locate(""), stage, error)
    if failures is not None:
        failures.append(failure)
    return finding


class _Located:
    """A source whose hits' locations were found together (``locate_all``, when it has one)."""

    def __init__(self, document: Source, hits: list[Hit]) -> None:
        self.data = document.data
        self._document = document
        self._found: dict[tuple[str, bool], TextLocation] = {}
        locate_all = getattr(document, "locate_all", None)
        if locate_all is not None and hits:
            requests = list(dict.fromkeys((hit.pointer, hit.at_key) for hit in hits))
            # If that fails, each finding asks for its own place, and a failure is its own.
            with suppress(Exception):
                self._found = dict(zip(requests, locate_all(requests), strict=True))

    def locate(self, pointer: str, *, at_key: bool = False) -> TextLocation:
        found = self._found.get((pointer, at_key))
        return found if found is not None else self._document.locate(pointer, at_key=at_key)


# A rule's configured check, as a key, worked out once per process (not once per
# report): the rules live as long as the run, and the entry keeps its rule alive,
# so an id is never reused while it is in here.
_KEYS: dict[int, tuple[Rule, tuple[str, str]]] = {}


def _check_key(rule: Rule) -> tuple[str, str]:
    entry = _KEYS.get(id(rule))
    if entry is None or entry[0] is not rule:
        if len(_KEYS) > 10_000:
            _KEYS.clear()
        entry = (rule, (rule.kind, json.dumps(rule.params, sort_keys=True, default=str)))
        _KEYS[id(rule)] = entry
    return entry[1]


def _finding(rule: Rule, hit: Hit, view: ReportView, document: Source) -> Finding:
    table = view.table_label(hit.table) if hit.table else None
    values: dict[str, Any] = {"table": table, **hit.values}
    values.setdefault("printed", hit.printed)
    values.setdefault("expected", hit.expected)
    row = values.get("row")
    operands = tuple(
        (name, text)
        for name in rule.check.operands
        if (text := neutral(values.get(name))) is not None
    )
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        message=render_text(rule.message.id, rule.message.en, values),
        location=document.locate(hit.pointer, at_key=hit.at_key),
        hint=rule.fix,
        pack=rule.pack,
        title=rule.title,
        table=table,
        table_key=hit.table,
        row=row if isinstance(row, str) else None,
        printed=neutral(hit.printed),
        expected=neutral(hit.expected),
        operands=operands,
        legal_basis=rule.legal_basis,
        place=place_of(view, hit.pointer),
    )


def neutral(value: Any) -> str | None:
    """A value for machine outputs: plain digits with a decimal point, no separators."""
    if value is None:
        return None
    if type(value) is str:  # the common values first, by exact type
        return value
    if type(value) is Decimal or type(value) is int:
        return str(value)
    if isinstance(value, Rupiah):
        return str(value.amount)
    if isinstance(value, Percent):
        return str(value.value)
    if isinstance(value, Decimal | int):
        return str(value)
    return str(value)
