"""Unexpected failures contained: an exception in one step becomes a finding, not a crash.

A bug in a check kind, an output or the loader must not abort a batch of five
hundred files with no output at all. The step that failed is named in the
finding (code INTERNAL001); the traceback is kept for ``--debug``.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from .codes import INTERNAL_ERROR
from .findings import Finding, Text, TextLocation

__all__ = ["Failure", "internal_finding"]


@dataclass(frozen=True, slots=True)
class Failure:
    """One contained exception: where it happened and its traceback (for ``--debug``)."""

    file: str
    stage: Text
    traceback: str


def internal_finding(
    location: TextLocation, stage: Text, error: BaseException
) -> tuple[Finding, Failure]:
    """The finding that stands for ``error`` raised while doing ``stage`` on a file."""
    kind = type(error).__name__
    detail = str(error).splitlines()[0][:200] if str(error) else ""
    said = f"{kind}: {detail}" if detail else kind
    finding = Finding(
        rule=INTERNAL_ERROR.id,
        severity=INTERNAL_ERROR.severity,
        message=Text(
            f"Kesalahan internal saat {stage.id} ({said}); hasil berkas ini mungkin belum lengkap.",
            f"Internal error while {stage.en} ({said}); this file's result may be incomplete.",
        ),
        location=location,
        hint=INTERNAL_ERROR.family.fix,
        pack=INTERNAL_ERROR.pack,
        title=INTERNAL_ERROR.title,
    )
    text = "".join(traceback.format_exception(error))
    return finding, Failure(location.file, stage, text)
