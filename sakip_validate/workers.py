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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from .engine.model import Rule
from .failures import internal_finding
from .findings import Text, TextLocation
from .loading import Limits
from .policy import Policy, Settling
from .result import FileReport
from .retention import Settled
from .store import Packed, pack
from .tally import Tally

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


def _init(
    rules: list[Rule],
    keep_data: bool,
    limits: Limits,
    facts: bool = False,
    policy: Policy | None = None,
) -> None:
    # A forked worker inherits the parent's handlers: SIGTERM must end it (the
    # parent's handler would only raise an exception the pool catches), and
    # Ctrl-C reaches the whole process group: the parent decides, workers wait.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    _STATE.update(rules=rules, keep_data=keep_data, limits=limits, facts=facts)
    # Given the policy, the worker settles and packs each report itself: the
    # parent only stores what comes back (see store.Packed).
    _STATE["settling"] = policy.settling() if policy is not None else None


def _check_chunk(chunk: list[Target]) -> list[FileReport | Packed]:
    from .api import check_file

    rules: list[Rule] = _STATE["rules"]  # type: ignore[assignment]
    limits: Limits = _STATE["limits"]  # type: ignore[assignment]
    keep_data = bool(_STATE["keep_data"])
    facts = bool(_STATE["facts"])  # the small summaries travel back with the reports
    settling: Settling | None = _STATE["settling"]  # type: ignore[assignment]
    reports = (
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
    )
    if settling is None:
        return list(reports)
    return [_settled(report, settling) for report in reports]


def _settled(report: FileReport, settling: Settling) -> FileReport | Packed:
    """``report`` settled by the policy and packed, with its counts and policy outcome."""
    from .api import set_aside_year_waivers

    if report.role == "skipped":
        return report
    set_aside_year_waivers(settling.policy, [report])
    outcome = settling.file(report)
    return Packed(report.label, report.role, pack(report), Tally.of([report]), outcome)


def _lost(chunk: list[Target], error: BaseException) -> list[FileReport]:
    reports = []
    for _, label, _ in chunk:
        finding, failure = internal_finding(TextLocation(label), _WORKER_DIED, error)
        reports.append(FileReport(label, None, [finding], failures=[failure]))
    return reports


# _init's: rules, keep_data, limits, facts, the policy to settle with (None: not here)
InitArgs = tuple[list[Rule], bool, Limits, bool, Policy | None]


def _start_pool(workers: int, initargs: InitArgs) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_init, initargs=initargs)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End a pool at once: no worker may go on checking after the run has ended."""
    pool.shutdown(wait=False, cancel_futures=True)
    # ProcessPoolExecutor has no public way to stop running workers before 3.14.
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        process.terminate()


def _alone(chunk: list[Target], initargs: InitArgs) -> list[FileReport | Packed]:
    """Check one chunk again in a pool of its own; lost if that worker dies too."""
    pool = _start_pool(1, initargs)
    reports: list[FileReport | Packed]
    try:
        reports = pool.submit(_check_chunk, chunk).result()
    except BrokenProcessPool as error:
        reports = list(_lost(chunk, error))
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()
    return reports


def split(targets: list[Target], size: int, workers: int) -> list[list[Target]]:
    """``targets`` in chunks of ``size``, the last few smaller.

    Near the end a worker that has finished waits for the others' last chunks:
    the files of the last ``2 * workers`` chunks go out a quarter chunk at a
    time, so that the workers finish together.
    """
    tail = min(len(targets), 2 * workers * size)
    cut = len(targets) - tail
    small = max(1, size // 4)
    return [targets[i : min(i + size, cut)] for i in range(0, cut, size)] + [
        targets[i : i + small] for i in range(cut, len(targets), small)
    ]


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
    policy: Policy | None = None,
) -> Iterator[FileReport | Packed]:
    """Reports for ``targets`` in their order, checked by ``workers`` processes.

    Reports are given as their chunk comes back, so that the caller can settle
    and pack each one while the workers go on; ``progress`` is told (files done,
    files in all). ``facts``: each report carries its summary for the checks
    across years. Given a ``policy``, the workers settle and pack each report
    and give it back :class:`~sakip_validate.store.Packed` (a file found in a
    folder that is no report, and a chunk lost with its worker, still come back
    as plain reports).

    When a worker dies, every chunk still pending in its pool fails with it; those
    are checked again one at a time, so only the chunk that killed a worker is lost.
    """
    chunks = split(targets, chunk_size, workers)
    initargs: InitArgs = (list(rules), keep_data, limits, facts, policy)
    done = 0
    pool = _start_pool(workers, initargs)
    try:
        futures: list[Future[list[FileReport | Packed]]] = [
            pool.submit(_check_chunk, chunk) for chunk in chunks
        ]
        broken: set[int] = set()
        with Settled() as settled:
            for index, (chunk, future) in enumerate(zip(chunks, futures, strict=True)):
                if not broken:
                    try:
                        reports = future.result()
                    except BrokenProcessPool:
                        # The pool is dead and every pending future has failed with it.
                        broken = {
                            later
                            for later in range(index, len(chunks))
                            if futures[later].exception() is not None
                        }
                if index in broken:
                    error = futures[index].exception()
                    assert error is not None
                    reports = (
                        list(_lost(chunk, error)) if len(broken) == 1 else _alone(chunk, initargs)
                    )
                else:
                    reports = future.result()
                futures[index] = _DONE  # the reports go to the caller, not kept here
                settled.done(len(chunk))
                done += len(chunk)
                if progress is not None:
                    progress(done, len(targets))
                yield from reports
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM turned into an exception), or the caller
        # stopped early: no worker may go on checking after the run has ended.
        _stop(pool)
        raise
    pool.shutdown()


_DONE: Future[list[FileReport | Packed]] = Future()
_DONE.set_result([])
