"""A semantic baseline: the findings a repository accepted at one time, by what they are.

A finding is fingerprinted by its rule, its file (relative to the baseline's
folder, with ``/``), its JSON pointer and its printed value, never by line or
column: reformatting a report, reordering its keys or adding comments keeps the
baseline valid, while changing the figure makes the finding new. Several equal
findings are counted, so that a second copy of a known mistake is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding

__all__ = ["BASELINE_VERSION", "Baseline", "BaselineError", "Entry", "entry_of"]

BASELINE_VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message says why."""


@dataclass(frozen=True, slots=True, order=True)
class Entry:
    """What a baseline remembers of one finding."""

    rule: str
    file: str
    pointer: str
    printed: str

    @property
    def fingerprint(self) -> str:
        key = "\0".join((self.rule, self.file, self.pointer, self.printed))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def _relative(label: str, folder: Path) -> str:
    path = Path(label)
    try:
        return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()


def file_key(label: str, folder: Path) -> str:
    """How a baseline names the file ``label``: relative to ``folder``, with ``/``."""
    return _relative(label, folder)


def entry_of(finding: Finding, folder: Path) -> Entry:
    """The baseline entry of ``finding``, its file taken relative to ``folder``."""
    return Entry(
        finding.rule,
        _relative(finding.location.file, folder),
        finding.location.pointer,
        finding.printed or "",
    )


@dataclass(frozen=True, slots=True)
class Baseline:
    """The accepted findings, and the folder their file names are relative to."""

    entries: tuple[Entry, ...]
    folder: Path
    source: str  # the file, for messages

    @classmethod
    def read(cls, path: Path) -> Baseline:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BaselineError(f"{path}: {error}") from None
        if not isinstance(document, dict) or document.get("version") != BASELINE_VERSION:
            raise BaselineError(f"{path}: not a sakip-validate baseline (version 1)")
        entries = []
        for item in document.get("findings", []):
            try:
                entries.append(Entry(item["rule"], item["file"], item["pointer"], item["printed"]))
            except (KeyError, TypeError):
                raise BaselineError(
                    f"{path}: a finding lacks rule, file, pointer or printed"
                ) from None
        return cls(tuple(entries), path.parent, str(path))

    @classmethod
    def of(cls, findings: Iterable[Finding], path: Path) -> Baseline:
        folder = path.parent
        return cls(tuple(sorted(entry_of(f, folder) for f in findings)), folder, str(path))

    def document(self) -> dict[str, Any]:
        """The file's content: stable (sorted, no time) so that a repository can diff it."""
        return {
            "version": BASELINE_VERSION,
            "tool": "sakip-validate",
            "findings": [
                {
                    "rule": e.rule,
                    "file": e.file,
                    "pointer": e.pointer,
                    "printed": e.printed,
                    "fingerprint": e.fingerprint,
                }
                for e in sorted(self.entries)
            ],
        }

    def counter(self) -> Counter[Entry]:
        return Counter(self.entries)
