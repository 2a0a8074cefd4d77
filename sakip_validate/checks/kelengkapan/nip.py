"""Every NIP printed in a signature block is a well-formed 18-digit NIP (``nip_format``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, ClassVar

from ...domain.view import ReportView
from ...engine.kinds import CheckKind, Hit
from .blocks import block_label, signatories, signing_date

__all__ = ["NipFormat", "nip_digits", "nip_implausible", "nip_problems"]

# PNS appointees must be at least 18 when they apply (PP 11/2017 on PNS management,
# and PP 98/2000 before it; not verified against the primary text). The TMT in the
# NIP only has a month, so the bound is compared by month.
MINIMUM_AGE = 18


# A birth year before this is a typo, not a serving civil servant.
EARLIEST_BIRTH_YEAR = 1900


def nip_digits(value: str) -> str:
    """The NIP without the spaces and dots it is printed with."""
    return "".join(value.split()).replace(".", "")


def nip_problems(nip: str) -> list[tuple[str, str]]:
    """(Indonesian, English) reasons why a NIP is not well formed; [] when it is.

    Layout (18 digits): yyyymmdd birth date, yyyymm appointment (TMT CPNS),
    one digit for sex (1 man, 2 woman), three digits of sequence (001-999).
    """
    digits = nip_digits(nip)
    if digits and not (digits.isdigit() and digits.isascii()):
        return [("memuat tanda selain angka", "it holds characters other than digits")]
    if len(digits) != 18:
        return [
            (
                f"terdiri atas {len(digits)} angka, padahal NIP harus 18 angka",
                f"it has {len(digits)} digits instead of 18",
            )
        ]
    reasons = []
    try:
        dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        reasons.append(
            (
                f"8 angka pertama ({digits[0:8]}) bukan tanggal lahir yang ada (ttttbbhh)",
                f"the first 8 digits ({digits[0:8]}) are not a real birth date (yyyymmdd)",
            )
        )
    month = int(digits[12:14])
    if not 1 <= month <= 12:
        reasons.append(
            (
                f"bulan pengangkatan (angka ke-13 dan ke-14) tertulis {digits[12:14]}, "
                "padahal harus 01 sampai 12",
                f"the appointment month (digits 13-14) is {digits[12:14]}, not 01 to 12",
            )
        )
    if digits[14] not in "12":
        reasons.append(
            (
                f"kode jenis kelamin (angka ke-15) tertulis {digits[14]}, "
                "padahal harus 1 (laki-laki) atau 2 (perempuan)",
                f"the sex digit (digit 15) is {digits[14]}, not 1 (male) or 2 (female)",
            )
        )
    if digits[15:18] == "000":
        reasons.append(
            (
                "nomor urut (3 angka terakhir) 000, padahal nomor urut mulai dari 001",
                "the sequence number (last 3 digits) is 000; sequences start at 001",
            )
        )
    return reasons


def nip_implausible(nip: str, signed: dt.date | None) -> list[tuple[str, str]]:
    """(Indonesian, English) reasons why a well-formed NIP is unlikely to be right."""
    digits = nip_digits(nip)
    birth = dt.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    appointed = (int(digits[8:12]), int(digits[12:14]))
    reasons = []
    if birth.year < EARLIEST_BIRTH_YEAR:
        reasons.append(
            (
                f"tahun lahir {birth.year} tidak masuk akal",
                f"the birth year {birth.year} is not plausible",
            )
        )
    elif appointed < (birth.year + MINIMUM_AGE, birth.month):
        reasons.append(
            (
                f"pengangkatan {appointed[1]:02d}/{appointed[0]} terjadi sebelum pemiliknya "
                f"berusia {MINIMUM_AGE} tahun (lahir {birth:%d/%m/%Y})",
                f"the appointment {appointed[1]:02d}/{appointed[0]} comes before its holder "
                f"turned {MINIMUM_AGE} (born {birth:%d/%m/%Y})",
            )
        )
    if signed is not None and appointed > (signed.year, signed.month):
        reasons.append(
            (
                f"pengangkatan {appointed[1]:02d}/{appointed[0]} sesudah tanggal tanda tangan "
                f"{signed:%d/%m/%Y}",
                f"the appointment {appointed[1]:02d}/{appointed[0]} comes after the signing "
                f"date {signed:%d/%m/%Y}",
            )
        )
    return reasons


def _join(reasons: list[tuple[str, str]]) -> tuple[str, str]:
    return "; ".join(r[0] for r in reasons), "; ".join(r[1] for r in reasons)


class NipFormat(CheckKind):
    """Every NIP printed in a signature block is a well-formed 18-digit NIP.

    ``invalid``: not 18 digits, no real birth date, appointment month outside
    01-12, sex digit not 1/2, sequence 000 (all reasons in one hit).
    ``implausible``: well formed, but appointed before the age of 18 or after the
    block was signed. Each distinct NIP is judged once, where it is first printed.
    """

    name = "nip_format"
    outcomes = ("invalid", "implausible")
    placeholders: ClassVar[frozenset[str]] = frozenset({"nip", "bagian", "reason_id", "reason_en"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        seen: set[str] = set()
        for index, block in signatories(view):
            nip = block.get("nip")
            if not isinstance(nip, str) or nip_digits(nip) in seen:
                continue
            seen.add(nip_digits(nip))
            reasons = nip_problems(nip)
            outcome = "invalid"
            if not reasons:
                reasons = nip_implausible(nip, signing_date(block))
                outcome = "implausible"
            if not reasons:
                continue
            reason_id, reason_en = _join(reasons)
            yield Hit(
                outcome=outcome,
                pointer=f"/penandatangan/{index}/nip",
                table=None,
                values={
                    "nip": nip,
                    "bagian": block_label(block),
                    "reason_id": reason_id,
                    "reason_en": reason_en,
                },
                printed=nip,
            )
