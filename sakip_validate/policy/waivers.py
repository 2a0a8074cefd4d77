"""Waivers (pengecualian): accountable exceptions, in a report or in the configuration.

A waiver names a rule (id or prefix), optionally the place (a JSON pointer
prefix in the report; in the configuration also the files, as globs), a reason,
the official who approved it (name and NIP) and the last day it applies. A
waived finding is still reported, with the waiver beside it, but does not fail
the run. A waiver past its last day no longer waives anything and is itself a
finding (POLICY001); one that matches no finding is a finding too (POLICY002).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, Suppression, TextLocation
from .selection import always_counts, matches_path

__all__ = ["Waiver", "waivers_in_report"]


@dataclass(frozen=True, slots=True)
class Waiver:
    """One waiver and where it is declared (``location``, for the findings about it)."""

    rule: str
    reason: str
    approver: str  # name
    approver_nip: str
    expires: dt.date
    location: TextLocation
    pointer: str = ""
    files: tuple[str, ...] = ()  # globs; empty: the report that declares it
    approver_title: str = ""

    def expired(self, today: dt.date) -> bool:
        return today > self.expires

    def covers(self, finding: Finding, relative: str | None) -> bool:
        """Whether this waiver covers ``finding`` (``relative``: its file under the config root)."""
        if always_counts(finding.rule) or not finding.rule.startswith(self.rule):
            return False
        if self.files and (relative is None or not matches_path(relative, self.files)):
            return False
        pointer = finding.location.pointer
        if not self.pointer:
            return True
        return pointer == self.pointer or pointer.startswith(self.pointer.rstrip("/") + "/")

    def suppression(self) -> Suppression:
        approver = self.approver
        if self.approver_title:
            approver += f", {self.approver_title}"
        return Suppression(
            kind="waiver",
            reason=self.reason,
            approver=f"{approver} (NIP {self.approver_nip})",
            expires=self.expires.isoformat(),
            source=self.location.display(),
        )


def waivers_in_report(data: Any, locate: Callable[[str], TextLocation]) -> tuple[Waiver, ...]:
    """The waivers a report declares (``pengecualian``), as the schema has checked them."""
    items = data.get("pengecualian") if isinstance(data, dict) else None
    found = []
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        approver = item.get("disetujui_oleh") or {}
        try:
            expires = dt.date.fromisoformat(str(item.get("berlaku_sampai")))
        except ValueError:
            continue  # the schema reports a malformed date
        found.append(
            Waiver(
                rule=str(item.get("aturan", "")),
                reason=str(item.get("alasan", "")),
                approver=str(approver.get("nama", "")),
                approver_nip=str(approver.get("nip", "")),
                approver_title=str(approver.get("jabatan", "")),
                expires=expires,
                location=locate(f"/pengecualian/{index}"),
                pointer=str(item.get("pointer", "")),
            )
        )
    return tuple(found)
