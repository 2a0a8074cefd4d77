"""Typing slips: a figure that is a mistyped other figure (a zero too many, digits swapped)."""

from __future__ import annotations

from ...domain.numbers import format_en, format_id
from ...engine.templates import Localized

__all__ = ["SLIP_FACTORS", "is_slip", "slip"]

# Powers of ten a figure is typed too large or too small by: an extra or missing
# zero, "ribuan" (thousands) or "jutaan" (millions) entered as rupiah.
SLIP_FACTORS = (10, 100, 1000, 1_000_000)


def slip(printed: int, right: int) -> Localized | None:
    """How ``printed`` looks like a mistyped ``right``, or None when it does not.

    A power-of-ten slip (×10, ×100, ×1000, ×1.000.000 either way) or two adjacent
    digits swapped (1.834.058.000 → 1.834.508.000).
    """
    if printed == right or printed < 0 or right < 0:
        return None
    for factor in SLIP_FACTORS:
        zeros = len(str(factor)) - 1
        if printed == right * factor:
            return Localized(
                f"angka tercetak kelebihan {zeros} angka nol (×{format_id(factor)})",
                f"the printed figure has {zeros} zero(s) too many (×{format_en(factor)})",
            )
        if right == printed * factor:
            return Localized(
                f"angka tercetak kekurangan {zeros} angka nol (÷{format_id(factor)})",
                f"the printed figure lacks {zeros} zero(s) (÷{format_en(factor)})",
            )
    a, b = str(printed), str(right)
    if len(a) != len(b):
        return None
    differ = [i for i in range(len(a)) if a[i] != b[i]]
    if (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and a[differ[0]] == b[differ[1]]
        and a[differ[1]] == b[differ[0]]
    ):
        pair, swapped = a[differ[0] : differ[1] + 1], b[differ[0] : differ[1] + 1]
        return Localized(
            f"dua angka bersebelahan tertukar ({swapped} tertulis {pair})",
            f"two adjacent digits are swapped ({swapped} printed as {pair})",
        )
    return None


def is_slip(printed: int, right: int) -> bool:
    """Whether ``printed`` looks like a mistyped ``right`` (see :func:`slip`)."""
    return slip(printed, right) is not None
