"""Keeping thousands of finished reports without the garbage collector rescanning them.

A run keeps every file's report until the outputs are written. Python's cyclic
collector examines every live container in its oldest generation at each full
collection, so with 10,000 reports held (millions of small objects) the run slows
as it grows. Finished reports hold no reference cycles, so they need only
reference counting: :class:`Settled` collects what the last files left behind,
then freezes the survivors (``gc.freeze``: excluded from later collections, still
freed by reference counting when dropped) every ``every`` reports, and unfreezes
everything at the end, leaving the interpreter as it found it.
"""

from __future__ import annotations

import gc
from types import TracebackType

__all__ = ["Settled"]


class Settled:
    """Context manager; call :meth:`done` once per finished report."""

    def __init__(self, every: int = 64) -> None:
        self.every = every
        self.count = 0
        self.enabled = False

    def __enter__(self) -> Settled:
        self.enabled = gc.isenabled() and gc.get_freeze_count() == 0
        return self

    def done(self, reports: int = 1) -> None:
        if not self.enabled:
            return  # the caller manages the collector itself
        self.count += reports
        if self.count >= self.every:
            self.count = 0
            gc.collect()  # only what is not frozen: the last reports' leftovers
            gc.freeze()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.enabled:
            gc.unfreeze()
