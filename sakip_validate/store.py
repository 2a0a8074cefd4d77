"""The reports of a large run, packed in a temporary file instead of held in memory.

A typical report brings back about fifty findings with long messages in two
languages, some 100 KB of Python objects; ten thousand of them would take a
gigabyte. A :class:`ReportStore` keeps each settled report as a compressed
pickle, in memory up to a few megabytes and then in an anonymous temporary file
(``TMPDIR``; removed by the system when the run ends, even when it is killed),
plus the run's :class:`~sakip_validate.tally.Tally`. Outputs read the reports
back one at a time, in order.

A report read back is a fresh copy: changing it does not change the store. Every
change (the policy's marks, the findings across years) is made before a report
is stored.
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload

from .policy import FileOutcome
from .result import FileReport
from .tally import Tally

__all__ = ["Packed", "ReportStore", "pack", "unpack"]

# Kept in memory up to this size, then moved to a temporary file (at least 1).
SPOOL_BYTES = 8 * 1024 * 1024


def pack(report: FileReport) -> bytes:
    """A report as the store keeps it: a compressed pickle."""
    return zlib.compress(pickle.dumps(report, pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> FileReport:
    """A report from what :func:`pack` made of it."""
    report: FileReport = pickle.loads(zlib.decompress(blob))
    return report


@dataclass(frozen=True, slots=True)
class Packed:
    """A report settled and packed by a worker process, with what the run needs of it.

    The parent process stores ``blob`` as it is and adds ``tally`` and
    ``outcome`` to the run's counts and policy: it never unpacks the report.
    """

    label: str
    role: str
    blob: bytes
    tally: Tally
    outcome: FileOutcome


class _Reports(Sequence[FileReport]):
    """Reports read back by position: a subclass says how many and how to read one."""

    def _read(self, index: int) -> FileReport:
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> FileReport: ...

    @overload
    def __getitem__(self, index: slice) -> list[FileReport]: ...

    def __getitem__(self, index: int | slice) -> FileReport | list[FileReport]:
        picked = range(len(self))[index]  # IndexError, negative indexes and slices as a list's
        if isinstance(picked, range):
            return [self._read(i) for i in picked]
        return self._read(picked)

    def __iter__(self) -> Iterator[FileReport]:
        for index in range(len(self)):
            yield self._read(index)


class ReportStore(_Reports):
    """Reports appended in order, read back one at a time; their counts kept as they come."""

    def __init__(self, spool_bytes: int | None = None) -> None:
        # (SpooledTemporaryFile never leaves memory when its max_size is 0.)
        spool = max(1, SPOOL_BYTES if spool_bytes is None else spool_bytes)
        self._file = tempfile.SpooledTemporaryFile(max_size=spool)  # noqa: SIM115 - closed by close()
        self._starts = array("q")  # offset of each report; the next one's start is its end
        self._end = 0
        self.tally = Tally()

    def append(self, report: FileReport) -> None:
        self._write(pack(report))
        self.tally.add(report)

    def append_packed(self, packed: Packed) -> None:
        """Store a report a worker packed, with its counts."""
        self._write(packed.blob)
        self.tally.merge(packed.tally)

    def _write(self, blob: bytes) -> None:
        self._file.seek(self._end)
        self._file.write(blob)
        self._starts.append(self._end)
        self._end += len(blob)

    def extend(self, reports: Iterable[FileReport]) -> None:
        for report in reports:
            self.append(report)

    def __len__(self) -> int:
        return len(self._starts)

    def _read(self, index: int) -> FileReport:
        start = self._starts[index]
        end = self._starts[index + 1] if index + 1 < len(self._starts) else self._end
        self._file.seek(start)
        return unpack(self._file.read(end - start))

    def inputs(self) -> Sequence[FileReport]:
        """The reports of the run's inputs (not the configuration files), read lazily."""
        return _Inputs(self)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> ReportStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class _Inputs(_Reports):
    """The input reports of a store (role ``report``), read back as they are iterated.

    The policy adds the configuration files after every input: the inputs are
    the store's first reports.
    """

    def __init__(self, store: ReportStore) -> None:
        self._store = store

    def __len__(self) -> int:
        return self._store.tally.reports

    def _read(self, index: int) -> FileReport:
        return self._store[index]
