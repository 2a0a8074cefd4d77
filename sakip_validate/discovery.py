"""Turn the paths a user gives into the report files to check.

A folder is walked without recursion, in sorted order. Symbolic links are
followed, but a folder is entered once and a file checked once however many
links lead to it, so a link to ``.`` neither loops nor multiplies the work.
Names that look like reports are yielded even when they are not regular files
(a FIFO, a device): the reader refuses those with a message, without reading.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .loading import FORMATS

# Folders that never hold reports and can be huge in a data repository.
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})
# JSON Schemas kept beside the reports for the editor (``init`` writes lkjip.schema.json):
# never reports, so a folder walk passes them by as it passes hidden files.
_SCHEMA_SUFFIX = ".schema.json"


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check; ``explicit`` when the user named it rather than a folder."""

    path: Path
    label: str
    explicit: bool


def _excluded(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _identity(path: Path | os.DirEntry[str]) -> tuple[int, int] | None:
    """(device, inode) of what ``path`` leads to, following links; None when it cannot be read."""
    try:
        info = path.stat() if isinstance(path, os.DirEntry) else os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


@dataclass(slots=True)
class Seen:
    """Files and folders already yielded or walked, by (device, inode), across calls."""

    files: set[tuple[int, int]] = field(default_factory=set)
    folders: set[tuple[int, int]] = field(default_factory=set)


def discover(
    paths: Iterable[str], exclude: Iterable[str] = (), seen: Seen | None = None
) -> Iterator[Target]:
    """Yield targets in a stable order: files as given, folders walked in sorted order.

    A folder contributes every ``*.toml`` and ``*.json`` below it, except hidden
    files and folders, JSON Schemas (``*.schema.json``, kept there for editors)
    and those matching an ``exclude`` glob (matched against
    the path relative to the folder and against the bare name). A path that does
    not exist is yielded as given so that the reader reports it. No file is
    yielded twice, whether named twice or reached through links (``seen``
    carries this across calls).
    """
    patterns = tuple(exclude)
    seen = seen if seen is not None else Seen()
    seen_files, seen_dirs = seen.files, seen.folders
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            identity = _identity(path)
            if identity is not None and identity in seen_files:
                continue
            if identity is not None:
                seen_files.add(identity)
            yield Target(path, given, explicit=True)
            continue
        yield from _walk(path, patterns, seen_files, seen_dirs)


def _entries(folder: Path) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda entry: entry.name)
    except OSError:
        return None


def _walk(
    root: Path,
    patterns: tuple[str, ...],
    seen_files: set[tuple[int, int]],
    seen_dirs: set[tuple[int, int]],
) -> Iterator[Target]:
    """Depth first in sorted order, as a recursive walk would go, but with a stack."""
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(folder: Path) -> Target | None:
        identity = _identity(folder)
        if identity is not None:
            if identity in seen_dirs:
                return None  # reached again through a link: already walked
            seen_dirs.add(identity)
        entries = _entries(folder)
        if entries is None:
            return Target(folder, str(folder), explicit=True)  # the reader says why
        stack.append(iter(entries))
        return None

    unreadable = enter(root)
    if unreadable is not None:
        yield unreadable
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        relative = path.relative_to(root).as_posix()
        if _excluded(relative, entry.name, patterns):
            continue
        try:
            is_dir = entry.is_dir()  # follows a link
        except OSError:
            is_dir = False
        if is_dir:
            if entry.name not in _SKIPPED_DIRS:
                unreadable = enter(path)
                if unreadable is not None:
                    yield unreadable
            continue
        if Path(entry.name).suffix.lower() not in FORMATS:
            continue
        if entry.name.lower().endswith(_SCHEMA_SUFFIX):
            continue
        identity = _identity(entry)
        if identity is not None:
            if identity in seen_files:
                continue
            seen_files.add(identity)
        yield Target(path, str(path), explicit=False)
