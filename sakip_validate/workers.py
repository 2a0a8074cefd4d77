"""Checking a large batch in worker processes: chunks out, reports back in the given order.

Workers receive the compiled rules once (at start), then chunks of file paths;
each returns its reports. A worker never outlives the run: on Linux it asks the
kernel to end it when its parent dies (even by SIGKILL), and an interrupted run
terminates its workers before it exits. A worker that dies (killed, out of
memory) costs only its chunk: those files get an INTERNAL finding; the rest of
the batch is still checked.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .engine.model import Rule
from .failures import internal_finding
from .findings import Text, TextLocation
from .loading import Limits
from .result import FileReport
from .retention import Settled

Target = tuple[Path, str, bool]  # as api.Target: path, label, skip when undeclared

__all__ = ["check_in_workers"]

_STATE: dict[str, object] = {}
_WORKER_DIED = Text(
    "memeriksa berkas di proses pekerja (proses itu berhenti tak terduga)",
    "checking the file in a worker process (the process stopped unexpectedly)",
)


def _die_with_parent() -> None:
    """Ask Linux to send SIGTERM to this process when its parent dies."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not a glibc/musl system
        return


def _init(rules: list[Rule], keep_data: bool, limits: Limits, facts: bool = False) -> None:
    # A forked worker inherits the parent's handlers: SIGTERM must end it (the
    # parent's handler would only raise an exception the pool catches), and
    # Ctrl-C reaches the whole process group: the parent decides, workers wait.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _STATE.update(rules=rules, keep_data=keep_data, limits=limits, facts=facts)


def _check_chunk(chunk: list[Target]) -> list[FileReport]:
    from .api import check_file

    rules: list[Rule] = _STATE["rules"]  # type: ignore[assignment]
    limits: Limits = _STATE["limits"]  # type: ignore[assignment]
    keep_data = bool(_STATE["keep_data"])
    facts = bool(_STATE["facts"])  # the small summaries travel back with the reports
    return [
        check_file(
            path,
            label,
            rules=rules,
            keep_data=keep_data,
            limits=limits,
            skip_undeclared=skip,
            facts=facts,
        )
        for path, label, skip in chunk
    ]


def _lost(chunk: list[Target], error: BaseException) -> list[FileReport]:
    reports = []
    for _, label, _ in chunk:
        finding, failure = internal_finding(TextLocation(label), _WORKER_DIED, error)
        reports.append(FileReport(label, None, [finding], failures=[failure]))
    return reports


def _run_pool(
    chunks: list[tuple[int, list[Target]]],
    workers: int,
    initargs: tuple[list[Rule], bool, Limits, bool],
    results: dict[int, list[FileReport]],
    progress: Callable[[list[Target]], None] | None = None,
) -> list[tuple[int, list[Target], BaseException]]:
    """Check ``chunks`` in one pool; the chunks lost to a dying worker are returned."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=initargs)
    broken: list[tuple[int, list[Target], BaseException]] = []
    try:
        futures: list[Future[list[FileReport]]] = [
            pool.submit(_check_chunk, chunk) for _, chunk in chunks
        ]
        with Settled() as settled:
            for (index, chunk), future in zip(chunks, futures, strict=True):
                try:
                    results[index] = future.result()
                except BrokenProcessPool as error:
                    broken.append((index, chunk, error))
                settled.done(len(chunk))
                if progress is not None:
                    progress(chunk)
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM turned into an exception): no worker may
        # go on checking after the run has ended.
        pool.shutdown(wait=False, cancel_futures=True)
        # ProcessPoolExecutor has no public way to stop running workers before 3.14.
        processes = getattr(pool, "_processes", None) or {}
        for process in list(processes.values()):
            process.terminate()
        raise
    pool.shutdown()
    return broken


def check_in_workers(
    targets: list[Target],
    rules: Sequence[Rule],
    workers: int,
    chunk_size: int,
    keep_data: bool,
    limits: Limits,
    progress: Callable[[int, int], None] | None = None,
    *,
    facts: bool = False,
) -> list[FileReport]:
    """Reports for ``targets`` in their order, checked by ``workers`` processes.

    ``progress`` is told (files done, files in all) as chunks come back;
    ``facts``: each report carries its summary for the checks across years.

    When a worker dies, every chunk still pending in its pool fails with it; those
    are checked again one at a time, so only the chunk that killed a worker is lost.
    """
    chunks = [targets[i : i + chunk_size] for i in range(0, len(targets), chunk_size)]
    initargs = (list(rules), keep_data, limits, facts)
    results: dict[int, list[FileReport]] = {}
    done = 0

    def advance(chunk: list[Target]) -> None:
        nonlocal done
        done += len(chunk)
        if progress is not None:
            progress(done, len(targets))

    broken = _run_pool(list(enumerate(chunks)), workers, initargs, results, advance)
    for index, chunk, error in broken:
        if len(broken) == 1:
            results[index] = _lost(chunk, error)
            break
        again = _run_pool([(index, chunk)], 1, initargs, results)
        if again:
            results[index] = _lost(chunk, again[0][2])
    return [report for index in range(len(chunks)) for report in results[index]]
