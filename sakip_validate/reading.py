"""Every input a report may come in, read into one kind of document.

TOML and JSON are parsed by :mod:`.loading`; a filled input workbook (``.xlsx``)
is converted by :mod:`.workbook`; a published report (``.docx``, ``.pdf``,
``.txt``) is imported into a draft by :mod:`.documents`. Callers above the
loading layer read reports through here, so each format is chosen in one
place, by the file's ending unless the caller names the format.
"""

from __future__ import annotations

from pathlib import Path

from .loading import (
    DEFAULT_LIMITS,
    Format,
    Limits,
    LoadedDocument,
    format_for_path,
    load_bytes,
    load_path,
    read_file,
)

__all__ = ["DOCUMENT_SUFFIXES", "read_bytes", "read_path"]

# Published reports, read by the importer (sakip_validate.documents).
DOCUMENT_SUFFIXES = (".docx", ".pdf", ".txt")


def read_path(
    path: Path, label: str | None = None, fmt: Format | None = None, limits: Limits = DEFAULT_LIMITS
) -> LoadedDocument:
    """Read one report file of any supported format; LoadFailed says why it cannot be read."""
    label = label if label is not None else str(path)
    if fmt is None and path.suffix.lower() in DOCUMENT_SUFFIXES:
        from .documents import load_document  # the importer only when a document comes

        return load_document(path, label, limits)
    if (fmt or format_for_path(path)) == "xlsx":
        return read_bytes(read_file(path, label, limits), label, "xlsx", limits)
    return load_path(path, label, fmt, limits)


def read_bytes(
    raw: bytes, label: str, fmt: Format, limits: Limits = DEFAULT_LIMITS
) -> LoadedDocument:
    """Read report content already in memory (standard input, a worker's chunk)."""
    if fmt == "xlsx":
        from .workbook.document import load_workbook  # openpyxl only when a workbook comes

        return load_workbook(raw, label, limits)
    return load_bytes(raw, label, fmt, limits)
