"""Numbers written the way a printed Indonesian report writes them, found in TOML and JSON.

A staff member copying Tabel 3.2 types ``capaian = 90,00`` or ``anggaran =
Rp 1.250.000.000,-``: the decimal comma, the thousands dots, the ``Rp`` prefix,
the ``,-`` suffix and the ``%`` sign belong to the printed page, not to TOML or
JSON. The parser then fails somewhere near (often with a misleading reason), or
the number silently becomes text. This module recognises such a *printed
number* and says what to write instead.

:func:`read_printed` reads one written form; :func:`scan` finds every printed
number standing where a value belongs in a file the parser refused. The scan
is a small lexer that skips strings and comments and knows where values stand
(after ``=`` or ``:``, in arrays, in inline tables); it only reports a form
that the grammar could never accept there, so a valid document never yields
one (``[82,5]`` is a valid array of two numbers and is left alone).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..findings import Text

__all__ = [
    "MARKS",
    "Printed",
    "Slip",
    "printed_at",
    "read_printed",
    "scan",
    "slip_hint",
    "slip_message",
]

Mark = Literal["rupiah", "thousands", "decimal_comma", "dash", "percent"]
FileFormat = Literal["toml", "json"]

# How each mark is named in a message, in the order a message lists them.
MARKS: dict[Mark, tuple[str, str]] = {
    "rupiah": ("awalan Rp", "an Rp prefix"),
    "thousands": ("titik pemisah ribuan", "thousands dots"),
    "decimal_comma": ("koma desimal", "a decimal comma"),
    "dash": ("akhiran ,-", "a ,- suffix"),
    "percent": ("tanda %", "a % sign"),
}

# One written number: an optional Rp, a sign, digits with dots or underscores, a
# comma part (decimals or the rupiah dash) and a % sign. ASCII digits only: \d
# would take Arabic-Indic digits too.
_SHAPE = re.compile(
    r"(?P<rp>[Rr][Pp]\.?[ \t]*)?"
    r"(?P<sign>[-+]?)"
    r"(?P<digits>[0-9][0-9._]*)"
    r"(?:,(?:(?P<fraction>[0-9][0-9_]*)|(?P<dash>--?)))?"
    r"(?P<percent>[ \t]*%)?"
)
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_PLAIN = re.compile(r"[0-9](?:_?[0-9])*")
_POINTED = re.compile(r"[0-9](?:_?[0-9])*\.[0-9](?:_?[0-9])*")
_FRACTION = re.compile(r"[0-9](?:_?[0-9])*")


@dataclass(frozen=True, slots=True)
class Printed:
    """A number written as printed: its marks and what TOML and JSON want instead."""

    written: str
    marks: tuple[Mark, ...]  # in the order of MARKS
    sign: str
    whole: str  # the digits before the decimals, as written (dots, underscores)
    fraction: str  # the decimals, without the comma or point; "" when none
    grouped: bool  # the dots in ``whole`` separate thousands

    @property
    def value(self) -> Decimal:
        """The number meant."""
        digits = self.whole.replace("_", "")
        digits = digits.replace(".", "") if self.grouped else digits
        fraction = "." + self.fraction.replace("_", "") if self.fraction else ""
        return Decimal(self.sign + digits + fraction)

    def replacement(self, fmt: FileFormat) -> str:
        """What to write in ``fmt``: a point for decimals; TOML groups thousands with ``_``."""
        sign = "-" if self.sign == "-" else ""
        whole = self.whole
        if fmt == "json":
            whole = whole.replace("_", "")
            whole = whole.replace(".", "") if self.grouped else whole
        else:
            sign = self.sign
            # Underscores group long numbers only: 1_250_000, but 1250 and 2025.
            long = len(whole.replace(".", "").replace("_", "")) > 4
            whole = whole.replace(".", "_" if long else "") if self.grouped else whole
        fraction = self.fraction.replace("_", "") if fmt == "json" else self.fraction
        return sign + whole + ("." + fraction if fraction else "")


def read_printed(text: str, *, money: bool = False) -> Printed | None:
    """``text`` read whole as a printed number, or None when it is not one.

    A number without any printed mark (``90.00``, ``1_000``) is read too, with no
    marks. ``1.250`` alone is a valid decimal number and reads as one, unless
    ``money`` says it stands where whole rupiah belong: then its dot can only
    separate thousands.
    """
    match = _SHAPE.fullmatch(text)
    return _classify(match, money) if match is not None else None


def printed_at(text: str, offset: int, *, money: bool = False) -> Printed | None:
    """The number written at ``offset`` of ``text`` (a value the parser accepted), if any."""
    match = _SHAPE.match(text, offset)
    return _classify(match, money) if match is not None else None


def _classify(match: re.Match[str], money: bool) -> Printed | None:
    digits, fraction, dash = match["digits"], match["fraction"], match["dash"]
    rupiah, percent = match["rp"] is not None, match["percent"] is not None
    if fraction is not None and not _FRACTION.fullmatch(fraction):
        return None
    grouped = False
    if _GROUPED.fullmatch(digits):
        # One dot group alone (1.250) is a decimal point unless something else
        # says the number is printed the Indonesian way.
        grouped = (
            digits.count(".") > 1 or fraction is not None or dash is not None or rupiah or money
        )
        if not grouped and not _POINTED.fullmatch(digits):
            return None
    elif _POINTED.fullmatch(digits):
        if fraction is not None or dash is not None:
            return None  # 1250.5,00: two decimal marks, no reading
    elif not _PLAIN.fullmatch(digits):
        return None
    present = {
        "decimal_comma": fraction is not None,
        "thousands": grouped,
        "rupiah": rupiah,
        "dash": dash is not None,
        "percent": percent,
    }
    marks = tuple(mark for mark in MARKS if present[mark])
    if fraction is None and "." in digits and not grouped:
        whole, fraction = digits.split(".", 1)
    else:
        whole = digits
    return Printed(match[0], marks, match["sign"], whole, fraction or "", grouped)


@dataclass(frozen=True, slots=True)
class Slip:
    """A printed number where the file's grammar wants a number: where, and how written."""

    start: int  # offset of its first character in the text
    end: int  # offset just after it
    printed: Printed


_TOML_SKIP = frozenset(" \t")
_JSON_SPACE = frozenset(" \t\r\n")
# Characters that end a bare word (a key, true, a date, a number) in either format.
_BARE_END = frozenset(" \t\r\n=:,[]{}#\"'")


def scan(text: str, fmt: FileFormat) -> list[Slip]:
    """Every printed number in a value's place, in text order.

    Only forms the grammar cannot accept are reported: a decimal comma alone
    inside an array (``[82,5]``) is two numbers to TOML and JSON and is left
    alone unless its decimals could not be a number (``[82,05]``).
    """
    return _Scanner(text, fmt).run()


class _Scanner:
    """One pass over text that may be invalid, tracking only where values stand."""

    def __init__(self, text: str, fmt: FileFormat) -> None:
        self.text = text
        self.toml = fmt == "toml"
        self.stack: list[str] = []  # "[" array, "{" inline table or object
        self.slips: list[Slip] = []

    def run(self) -> list[Slip]:
        text, n = self.text, len(self.text)
        i = 0
        expect = not self.toml  # a JSON document is one value
        while i < n:
            c = text[i]
            if c in " \t":
                i += 1
            elif c in "\r\n":
                if self.toml and not self.stack:
                    expect = False
                i += 1
            elif c == "#" and self.toml:
                i = _line_end(text, i)
            elif c in "\"'" and (self.toml or c == '"'):
                i = self._string_end(i)
                expect = False
            elif expect and (slip := self._slip_at(i)) is not None:
                self.slips.append(slip)
                i = slip.end
                expect = False
            elif c == "[":
                if self.toml and not self.stack and not expect:
                    i = _line_end(text, i)  # a table header: no values in it
                    continue
                self.stack.append("[")
                expect = True
                i += 1
            elif c == "{":
                self.stack.append("{")
                expect = False
                i += 1
            elif c in "]}":
                if self.stack and self.stack[-1] == ("[" if c == "]" else "{"):
                    self.stack.pop()
                expect = False
                i += 1
            elif c == ("=" if self.toml else ":"):
                expect = True
                i += 1
            elif c == ",":
                expect = bool(self.stack) and self.stack[-1] == "["
                i += 1
            else:
                i = self._bare_end(i)
                expect = False
        return self.slips

    def _bare_end(self, i: int) -> int:
        text, n = self.text, len(self.text)
        j = i + 1
        while j < n and text[j] not in _BARE_END:
            j += 1
        return j

    def _string_end(self, i: int) -> int:
        text = self.text
        quote = text[i]
        if self.toml and text.startswith(quote * 3, i):
            close = text.find(quote * 3, i + 3)
            while close >= 0 and quote == '"' and _escaped(text, close):
                close = text.find(quote * 3, close + 1)
            if close < 0:
                return len(text)
            end = close + 3
            while end < len(text) and end < close + 5 and text[end] == quote:
                end += 1  # """a"""" ends with the fourth quote
            return end
        j = i + 1
        while j < len(text):
            c = text[j]
            if c == quote:
                return j + 1
            if c in "\r\n" and self.toml:
                return j  # a one-line string is not continued on the next line
            if c == "\\" and quote == '"':
                j += 1
            j += 1
        return len(text)

    def _slip_at(self, i: int) -> Slip | None:
        c = self.text[i]
        if not (c.isascii() and (c.isdigit() or c in "+-Rr")):
            return None
        match = _SHAPE.match(self.text, i)
        if match is None:
            return None
        printed = _classify(match, money=False)
        if printed is None or not printed.marks or not self._ends_value(match.end()):
            return None
        in_array = bool(self.stack) and self.stack[-1] == "["
        if in_array and _two_numbers(printed):
            return None
        return Slip(i, match.end(), printed)

    def _ends_value(self, j: int) -> bool:
        """Whether the value may end at ``j``: what follows is what follows a value."""
        text, n = self.text, len(self.text)
        space = _TOML_SKIP if self.toml else _JSON_SPACE
        while j < n and text[j] in space:
            j += 1
        if j == n:
            return True
        c = text[j]
        if not self.stack:
            return self.toml and c in "\r\n#"
        if self.stack[-1] == "[":
            return c in ",]" or (self.toml and c in "\r\n#")
        return c in ",}"


_LINE_BREAK = re.compile(r"[\r\n]")


def _two_numbers(printed: Printed) -> bool:
    """Whether, in an array, the comma may be a separator: [82,5] and [0.000,0] are valid.

    Only a number whose parts around the comma could each stand alone is in doubt;
    [82,05], [1.250.000,5] and [90,5%] are certain.
    """
    if set(printed.marks) - {"decimal_comma", "thousands"} or "decimal_comma" not in printed.marks:
        return False
    head = printed.whole
    fraction = printed.fraction
    head_alone = bool(_PLAIN.fullmatch(head) or _POINTED.fullmatch(head))
    fraction_alone = not (len(fraction) > 1 and fraction.startswith("0"))
    return head_alone and fraction_alone


def _line_end(text: str, i: int) -> int:
    found = _LINE_BREAK.search(text, i)
    return found.start() if found else len(text)


def _escaped(text: str, i: int) -> bool:
    """Whether the character at ``i`` follows an odd number of backslashes."""
    count = 0
    while i - count - 1 >= 0 and text[i - count - 1] == "\\":
        count += 1
    return count % 2 == 1


# -- messages ----------------------------------------------------------------------------


def _listed(words: list[str], conjunction: str) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def slip_message(printed: Printed, fmt: FileFormat, *, quoted: bool = False) -> Text:
    """What is wrong, what was written and what to write ("tertulis: 90,00 — tulis: 90.00").

    ``quoted``: the number was written as text (in quotes) where a number belongs.
    """
    uses_id = _listed([MARKS[m][0] for m in printed.marks], "dan")
    uses_en = _listed([MARKS[m][1] for m in printed.marks], "and")
    write = printed.replacement(fmt)
    if quoted:
        written = '"' + printed.written + '"'
        return Text(
            f"Angka ditulis sebagai teks, dengan {uses_id}: tertulis: {written} — "
            f"tulis: {write} (tanpa tanda kutip).",
            f"The number is written as text, with {uses_en}: written: {written} — "
            f"write: {write} (without quotes).",
        )
    return Text(
        f"Angka ditulis dengan {uses_id}: tertulis: {printed.written} — tulis: {write}.",
        f"The number is written with {uses_en}: written: {printed.written} — write: {write}.",
    )


def slip_hint(printed: Printed, fmt: FileFormat) -> Text:
    """The rule behind the fix, for the marks this number shows."""
    name = "TOML" if fmt == "toml" else "JSON"
    rules_id: list[str] = []
    rules_en: list[str] = []
    if "decimal_comma" in printed.marks:
        rules_id.append("koma desimal ditulis titik dan banyaknya desimal tetap (99,50 → 99.50)")
        rules_en.append("the decimal comma becomes a point, keeping the decimals (99,50 → 99.50)")
    if "thousands" in printed.marks:
        if fmt == "toml":
            rules_id.append("titik ribuan dihapus atau diganti garis bawah (1.250.000 → 1_250_000)")
            rules_en.append(
                "thousands dots are dropped or become underscores (1.250.000 → 1_250_000)"
            )
        else:
            rules_id.append("titik ribuan dihapus (1.250.000 → 1250000)")
            rules_en.append("thousands dots are dropped (1.250.000 → 1250000)")
    if "rupiah" in printed.marks or "dash" in printed.marks:
        rules_id.append("Rp dan ,- tidak ditulis: kolom anggaran sudah berarti rupiah")
        rules_en.append("Rp and ,- are not written: a budget column already means rupiah")
    if "percent" in printed.marks:
        rules_id.append("tanda % tidak ditulis: kolom persen dan capaian sudah berarti persen")
        rules_en.append("the % sign is not written: percent and capaian columns mean percent")
    return Text(
        f"Di {name}, " + "; ".join(rules_id) + ".",
        f"In {name}, " + "; ".join(rules_en) + ".",
    )
