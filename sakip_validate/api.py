"""The library API: check files, bytes or loaded documents from Python.

The CLI is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from .discovery import discover
from .findings import Finding
from .loading import Format, LoadedDocument, LoadFailed, load_bytes, load_path
from .result import FileReport, RunResult
from .schema_check import check_schema


def check_document(document: LoadedDocument) -> list[Finding]:
    """Every finding for a document that has been parsed."""
    return check_schema(document)


def _report(label: str, fmt: Format | None, load: Callable[[], LoadedDocument]) -> FileReport:
    try:
        document = load()
    except LoadFailed as failure:
        return FileReport(label, fmt, [failure.finding], unreadable=failure.unreadable)
    return FileReport(label, document.format, check_document(document), text=document.text)


def check_file(path: Path, label: str | None = None, fmt: Format | None = None) -> FileReport:
    """Load and check one file."""
    label = label if label is not None else str(path)
    return _report(label, fmt, lambda: load_path(path, label, fmt))


def check_bytes(raw: bytes, label: str, fmt: Format) -> FileReport:
    """Check report content that is already in memory (for example, standard input)."""
    return _report(label, fmt, lambda: load_bytes(raw, label, fmt))


def check_paths(paths: Iterable[str], exclude: Iterable[str] = ()) -> RunResult:
    """Check files and folders; folders contribute their .toml and .json files."""
    result = RunResult()
    for target in discover(paths, exclude):
        result.files.append(check_file(target.path, target.label))
    return result
