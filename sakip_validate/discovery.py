"""Turn the paths a user gives into the report files to check."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .loading import FORMATS

# Folders that never hold reports and can be huge in a data repository.
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})


@dataclass(frozen=True, slots=True)
class Target:
    """A file to check; ``explicit`` when the user named it rather than a folder."""

    path: Path
    label: str
    explicit: bool


def _excluded(relative: str, name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(name, p) for p in patterns)


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[Target]:
    """Yield targets in a stable order: files as given, folders walked in sorted order.

    A folder contributes every ``*.toml`` and ``*.json`` below it, except hidden
    files and folders and those matching an ``exclude`` glob (matched against
    the path relative to the folder and against the bare name). A path that does
    not exist is yielded as given so that the reader reports it.
    """
    patterns = tuple(exclude)
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            yield Target(path, given, explicit=True)
            continue
        yield from _walk(path, path, patterns)


def _walk(root: Path, folder: Path, patterns: tuple[str, ...]) -> Iterator[Target]:
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError:
        yield Target(folder, str(folder), explicit=True)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        relative = entry.relative_to(root).as_posix()
        if _excluded(relative, entry.name, patterns):
            continue
        if entry.is_dir():
            if entry.name not in _SKIPPED_DIRS:
                yield from _walk(root, entry, patterns)
        elif entry.suffix.lower() in FORMATS:
            yield Target(entry, str(entry), explicit=False)
