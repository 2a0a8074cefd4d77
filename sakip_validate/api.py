"""The library API: check files, bytes or loaded documents from Python.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .discovery import discover
from .engine.model import Rule
from .engine.packs import load_packs
from .engine.runner import run_rules
from .findings import Finding
from .loading import Format, LoadedDocument, LoadFailed, load_bytes, load_path
from .result import FileReport, RunResult
from .schema_check import check_schema


def default_rules(extra_packs: Iterable[str | Path] = ()) -> list[Rule]:
    """The built-in rules plus those of packs given as files or folders (loaded once)."""
    return [rule for pack in load_packs(extra_packs) for rule in pack.rules]


def check_document(document: LoadedDocument, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Every finding for a parsed document: the schema's, then (if it passes) the rules'."""
    findings = check_schema(document)
    # Rules assume the structure the schema promises; on a file that breaks it
    # they would only add cascades of findings. Fix the schema findings first.
    if not findings:
        findings.extend(run_rules(document, default_rules() if rules is None else rules))
    findings.sort(key=Finding.sort_key)
    return findings


def _report(
    label: str,
    fmt: Format | None,
    load: Callable[[], LoadedDocument],
    rules: Sequence[Rule] | None,
) -> FileReport:
    try:
        document = load()
    except LoadFailed as failure:
        return FileReport(label, fmt, [failure.finding], unreadable=failure.unreadable)
    findings = check_document(document, rules)
    return FileReport(label, document.format, findings, text=document.text)


def check_file(
    path: Path,
    label: str | None = None,
    fmt: Format | None = None,
    rules: Sequence[Rule] | None = None,
) -> FileReport:
    """Load and check one file."""
    label = label if label is not None else str(path)
    return _report(label, fmt, lambda: load_path(path, label, fmt), rules)


def check_bytes(
    raw: bytes, label: str, fmt: Format, rules: Sequence[Rule] | None = None
) -> FileReport:
    """Check report content that is already in memory (for example, standard input)."""
    return _report(label, fmt, lambda: load_bytes(raw, label, fmt), rules)


def check_paths(
    paths: Iterable[str], exclude: Iterable[str] = (), rules: Sequence[Rule] | None = None
) -> RunResult:
    """Check files and folders; folders contribute their .toml and .json files."""
    rules = default_rules() if rules is None else rules
    result = RunResult()
    for target in discover(paths, exclude):
        result.files.append(check_file(target.path, target.label, rules=rules))
    return result
