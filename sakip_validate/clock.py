"""The run's date and time, reproducible on request.

``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/)
stands for "now" when it is set: a CI job or a packager sets it to get
byte-identical outputs carrying a date. Its date is the UTC date, as the
specification asks, so that the same epoch gives the same date on every machine;
without it, the date is the local one (an auditor in Jakarta dates a paper by
the Jakarta calendar).
"""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["now", "source_date_epoch", "today"]


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC time, or None when unset or not a whole number."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def now() -> dt.datetime:
    """The run's time in UTC, to the second: ``SOURCE_DATE_EPOCH`` when set."""
    fixed = source_date_epoch()
    if fixed is not None:
        return fixed
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    """The run's date: ``SOURCE_DATE_EPOCH``'s UTC date when set, else the local date."""
    fixed = source_date_epoch()
    return fixed.date() if fixed is not None else dt.date.today()
