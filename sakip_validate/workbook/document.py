"""A filled input workbook as a report document whose values are located by cell."""

from __future__ import annotations

import hashlib

from ..codes import LOAD_UNREADABLE
from ..findings import TextLocation
from ..loading import LoadedDocument, LoadFailed, structure_problem
from ..loading.limits import DEFAULT_LIMITS, Limits
from .reader import WorkbookProblem, read_workbook

__all__ = ["load_workbook"]


def load_workbook(raw: bytes, label: str, limits: Limits = DEFAULT_LIMITS) -> LoadedDocument:
    """Read a workbook's bytes into a document; LoadFailed with its place when it cannot."""
    try:
        read = read_workbook(raw, label, limits)
    except WorkbookProblem as problem:
        code = problem.code or LOAD_UNREADABLE
        finding = code.finding(
            problem.message,
            TextLocation(label, cell=problem.cell),
            hint=problem.hint,
        )
        raise LoadFailed(finding, unreadable=True) from None
    document = LoadedDocument(
        label,
        "xlsx",
        "",
        read.data,
        sha256=hashlib.sha256(raw).hexdigest(),
        cells=read.cells,
        notes=tuple(read.findings),
    )
    limit = structure_problem(read.data, limits)
    if limit is not None:
        finding = limit.code.finding(
            limit.message,
            document.locate(limit.pointer),
            hint=limit.hint,
        )
        raise LoadFailed(finding, unreadable=True)
    return document
