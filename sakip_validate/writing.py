"""Writing output files so that nothing is ever lost.

An output is written to a temporary file in its target's folder and renamed over
the target only once it is complete: a crash, a full disk or Ctrl-C leaves the
previous file as it was. Before a run, targets are checked: not a folder, not
one of the inputs, a folder that exists and can be written to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["OutputTargetError", "check_target", "write_atomically"]


class OutputTargetError(Exception):
    """An output target that cannot or must not be written; the message says why (id, en)."""

    def __init__(self, target: Path, message_id: str, message_en: str) -> None:
        super().__init__(f"{target}: {message_en}")
        self.target = target
        self.message_id = message_id
        self.message_en = message_en


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_target(target: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise :class:`OutputTargetError` when ``target`` cannot or must not be written."""
    if target.is_dir():
        raise OutputTargetError(
            target, "ini sebuah folder; beri nama berkas", "this is a folder; give a file name"
        )
    if target.exists() and not target.is_file():
        # A device, FIFO or socket: renaming a finished file over it would replace
        # the device itself (/dev/full, /dev/stdout); write to stdout without -o.
        raise OutputTargetError(
            target,
            "ini bukan berkas biasa (perangkat, FIFO atau soket); untuk layar, hilangkan -o",
            "this is not a regular file (a device, FIFO or socket); for the screen, leave out -o",
        )
    resolved = target.resolve()
    for source in inputs:
        if source.resolve() == resolved or _same_file(source, target):
            raise OutputTargetError(
                target,
                "ini berkas masukan yang sedang diperiksa; keluaran tidak boleh menimpanya",
                "this is an input being checked; an output must not replace it",
            )
    folder = resolved.parent
    if not folder.is_dir():
        raise OutputTargetError(
            target, f"folder {folder} tidak ada", f"the folder {folder} does not exist"
        )
    if not os.access(folder, os.W_OK | os.X_OK) or (
        target.exists() and not os.access(target, os.W_OK)
    ):
        raise OutputTargetError(
            target, "tidak ada izin menulis di sini", "no permission to write here"
        )


@contextlib.contextmanager
def _temporary_beside(target: Path, binary: bool) -> Iterator[tuple[IO[Any], Path]]:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        if binary:
            stream: IO[Any] = os.fdopen(fd, "wb")
        else:
            stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        with stream:
            yield stream, temporary
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_atomically(target: Path, write: Callable[[IO[Any]], object], *, binary: bool) -> None:
    """Run ``write`` on a temporary file beside ``target``, then put it in ``target``'s place.

    The new file keeps the permissions a plain ``open`` would have given it (the
    previous file's, or the usual ones for a new file); on any exception the
    temporary file is removed and ``target`` is untouched.
    """
    with _temporary_beside(target, binary) as (stream, temporary):
        write(stream)
        stream.flush()
        os.fsync(stream.fileno())
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
