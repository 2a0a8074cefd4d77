"""Reading report files: bytes to exact data, with the place of every value."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from ..codes import (
    LOAD_LIMIT,
    LOAD_NUMBER_RANGE,
    LOAD_PRINTED_NUMBER,
    LOAD_SYNTAX,
    LOAD_UNREADABLE,
)
from ..findings import Finding, Text, TextLocation
from .decoding import decode_utf8
from .document import Format, LoadedDocument
from .json_reader import parse_json
from .limits import (
    DEFAULT_LIMITS,
    Limits,
    Violation,
    first_structure_violation,
    numbers_out_of_range,
    survey,
)
from .positions import LineIndex, Position
from .problems import LIMIT_HINT, LoadProblem
from .slips import FileFormat, Slip, scan, slip_hint, slip_message
from .toml_reader import read_toml

__all__ = [
    "DEFAULT_LIMITS",
    "FORMATS",
    "Format",
    "Limits",
    "LoadFailed",
    "LoadedDocument",
    "format_for_path",
    "load_bytes",
    "load_path",
    "number_findings",
    "quoted_lines",
    "read_file",
    "read_stream",
    "structure_problem",
    "too_large",
]

FORMATS: dict[str, Format] = {".toml": "toml", ".json": "json", ".xlsx": "xlsx"}


class LoadFailed(Exception):
    """The file gave no data; ``finding`` says why and where.

    ``findings`` holds ``finding`` first and every other certain problem found
    while reading (each number written the printed way); ``lines`` the source
    lines they point at, so that outputs can quote them.
    """

    def __init__(
        self,
        finding: Finding,
        *,
        unreadable: bool = False,
        findings: tuple[Finding, ...] = (),
        lines: dict[int, str] | None = None,
    ) -> None:
        super().__init__(finding.message.en)
        self.finding = finding
        self.findings = findings or (finding,)
        self.unreadable = unreadable
        self.lines = lines or {}


def format_for_path(path: Path) -> Format | None:
    """The format a file's extension names, or None."""
    return FORMATS.get(path.suffix.lower())


def load_bytes(
    raw: bytes, label: str, fmt: Format, limits: Limits = DEFAULT_LIMITS
) -> LoadedDocument:
    """Decode and parse one report; raise LoadFailed with a positioned finding."""
    if fmt not in ("toml", "json"):
        # Workbooks and printed reports are converted above this layer (sakip_validate.reading).
        raise ValueError(f"load_bytes reads TOML and JSON, not {fmt}")
    if len(raw) > limits.file_bytes:
        raise LoadFailed(too_large(label, len(raw), limits), unreadable=True)
    text = ""
    try:
        text = decode_utf8(raw)
        if fmt == "toml":
            data, known = read_toml(text, limits)
        else:
            data = parse_json(text)
            known = survey(data, limits)
        violation = first_structure_violation(data, limits, known)
        if violation is not None:
            raise _limit_problem(violation, limits)
    except LoadProblem as problem:
        position = problem.position
        if position is None and problem.pointer and text:
            document = LoadedDocument(label, fmt, text, None)
            location = document.locate(problem.pointer)
        else:
            location = TextLocation(
                label,
                problem.pointer,
                position.line if position else None,
                position.column if position else None,
            )
        finding = problem.code.finding(
            problem.message,
            location,
            hint=problem.hint,
            printed=problem.printed,
        )
        findings = [finding]
        if problem.code is LOAD_SYNTAX and text:
            findings = _with_slips(finding, text, label, fmt)
        raise LoadFailed(
            findings[0], findings=tuple(findings), lines=quoted_lines(text, findings)
        ) from None
    document = LoadedDocument(label, fmt, text, data, sha256=hashlib.sha256(raw).hexdigest())
    document.surveyed = (data, known)
    return document


_MAX_SLIP_FINDINGS = 100


def _with_slips(syntax: Finding, text: str, label: str, fmt: FileFormat) -> list[Finding]:
    """The syntax error explained by the numbers written the printed way, if any.

    The parser stops at the first such number, often with a reason that misleads
    (``90,00`` reads as "a new line is missing"); every printed number the scan
    finds is certain, so each gets its own finding. The parser's own finding is
    kept only when it stands apart from all of them: a separate mistake.
    """
    slips = scan(text, fmt)
    if not slips:
        return [syntax]
    lines = LineIndex(text)
    shown = slips[:_MAX_SLIP_FINDINGS]
    findings = [_slip_finding(slip, lines.position(slip.start), label, fmt) for slip in shown]
    if len(slips) > _MAX_SLIP_FINDINGS:
        rest = len(slips) - _MAX_SLIP_FINDINGS
        findings[-1] = dataclasses.replace(
            findings[-1],
            message=Text(
                findings[-1].message.id + f" Ada {rest} angka lain yang ditulis demikian.",
                findings[-1].message.en + f" {rest} more numbers are written this way.",
            ),
        )
    line, column = syntax.location.line, syntax.location.column
    stopped = lines.offset(Position(line, column)) if line and column else None
    if stopped is None or not any(_explains(slip, text, stopped) for slip in slips):
        findings.append(syntax)
    findings.sort(key=Finding.sort_key)
    return findings


def _explains(slip: Slip, text: str, stopped: int) -> bool:
    """Whether the parser stopped within the printed number or just after it."""
    end = slip.end
    while end < len(text) and text[end] in " \t":
        end += 1
    return slip.start <= stopped <= end


def _slip_finding(slip: Slip, position: Position, label: str, fmt: FileFormat) -> Finding:
    return Finding(
        rule=LOAD_PRINTED_NUMBER.id,
        severity=LOAD_PRINTED_NUMBER.severity,
        message=slip_message(slip.printed, fmt),
        location=TextLocation(label, "", position.line, position.column),
        hint=slip_hint(slip.printed, fmt),
        pack=LOAD_PRINTED_NUMBER.pack,
        title=LOAD_PRINTED_NUMBER.title,
        printed=slip.printed.written,
        expected=slip.printed.replacement(fmt),
    )


def quoted_lines(text: str, findings: list[Finding]) -> dict[int, str]:
    """The source lines the findings point at, by line number, for outputs to quote."""
    wanted = {f.location.line for f in findings if f.location.line is not None}
    if not wanted or not text:
        return {}
    # The line breaks positions count (\n, \r\n, \r), not every one str.splitlines knows.
    lines = _LINE_BREAK.split(text)
    return {n: lines[n - 1] for n in sorted(wanted) if 1 <= n <= len(lines)}


_LINE_BREAK = re.compile(r"\r\n?|\n")


_MAX_NUMBER_FINDINGS = 20
_NUMBER_HINT = Text(
    "Salin angka persis seperti tercetak di laporan; rupiah sebagai bilangan bulat, persen "
    "dengan titik desimal (99,93% ditulis 99.93).",
    "Copy the number exactly as printed in the report: rupiah as a whole number, a "
    "percentage with a decimal point (99,93% is written 99.93).",
)


def _number_shown(value: Decimal | int) -> Text:
    """A number that may be huge, shown without ever expanding it."""
    if isinstance(value, int):
        digits = value.bit_length() * 30103 // 100000 + 1  # log10(2) = 0.30103
    else:
        digits = len(value.as_tuple().digits)
    if digits > 60:
        return Text(f"bilangan {digits} angka", f"a {digits}-digit number")
    shown = str(value)  # scientific notation for an extreme exponent: short either way
    return Text(shown, shown)


def number_findings(document: LoadedDocument, limits: Limits = DEFAULT_LIMITS) -> list[Finding]:
    """A finding at each number beyond the limits (at most 20), before anything reads them.

    Arithmetic, formatting and the schema step never see such a number: a file
    with one stops here, as a file that cannot be parsed does.
    """
    findings: list[Finding] = []
    for pointer, value in numbers_out_of_range(document.data, limits, document.survey()):
        if len(findings) == _MAX_NUMBER_FINDINGS:
            break
        shown = _number_shown(value)
        findings.append(
            Finding(
                rule=LOAD_NUMBER_RANGE.id,
                severity=LOAD_NUMBER_RANGE.severity,
                message=Text(
                    f"Angka di luar batas: {shown.id}; angka laporan paling banyak "
                    f"{limits.digits} angka penting dengan pangkat sepuluh antara "
                    f"-{limits.exponent} dan {limits.exponent}.",
                    f"Number out of range: {shown.en}; a report number has at most "
                    f"{limits.digits} significant digits and a power of ten between "
                    f"-{limits.exponent} and {limits.exponent}.",
                ),
                location=document.locate(pointer),
                hint=_NUMBER_HINT,
                pack=LOAD_NUMBER_RANGE.pack,
                title=LOAD_NUMBER_RANGE.title,
                printed=shown.en,
            )
        )
    return findings


def structure_problem(data: object, limits: Limits = DEFAULT_LIMITS) -> LoadProblem | None:
    """Why ``data`` is nested too deep or holds too many values, or None when it does not."""
    violation = first_structure_violation(data, limits)
    return None if violation is None else _limit_problem(violation, limits)


def _limit_problem(violation: Violation, limits: Limits) -> LoadProblem:
    if violation.limit == "depth":
        message = Text(
            f"Data bersarang lebih dari {limits.depth} tingkat di sini.",
            f"The data is nested more than {limits.depth} levels deep here.",
        )
    else:
        message = Text(
            f"Berkas memuat lebih dari {limits.items:,} nilai.".replace(",", "."),
            f"The file holds more than {limits.items:,} values.",
        )
    return LoadProblem(LOAD_LIMIT, message, hint=LIMIT_HINT, pointer=violation.pointer)


def too_large(label: str, size: int, limits: Limits) -> Finding:
    return _unreadable(
        label,
        Text(
            f"Berkas berukuran {size:,} bait, melebihi batas {limits.file_bytes:,} bait.".replace(
                ",", "."
            ),
            f"The file is {size:,} bytes, over the limit of {limits.file_bytes:,} bytes.",
        ),
        LIMIT_HINT,
    )


def read_stream(stream: BinaryIO, label: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """Read a stream (standard input) up to the size limit; LoadFailed beyond it."""
    try:
        raw = stream.read(limits.file_bytes + 1)
    except OSError as error:
        reason = Text(
            f"Masukan tidak dapat dibaca: {error.strerror}.",
            f"The input cannot be read: {error.strerror}.",
        )
        raise LoadFailed(_unreadable(label, reason, None), unreadable=True) from None
    if len(raw) > limits.file_bytes:
        raise LoadFailed(too_large(label, len(raw), limits), unreadable=True)
    return raw


def read_file(path: Path, label: str, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a regular file within the size limit; LoadFailed for anything else.

    The file is opened without blocking and judged by the opened handle, so a
    FIFO or a device (also behind a symlink) is refused before a byte is read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        reason = Text("Berkas tidak ditemukan.", "File not found.")
        hint = Text("Periksa nama dan folder berkas.", "Check the file name and folder.")
        raise LoadFailed(_unreadable(label, reason, hint), unreadable=True) from None
    except IsADirectoryError:
        raise LoadFailed(_unreadable(label, _FOLDER, None), unreadable=True) from None
    except PermissionError:
        reason = Text("Tidak ada izin membaca berkas ini.", "No permission to read this file.")
        hint = Text("Periksa hak akses berkas.", "Check the file's permissions.")
        raise LoadFailed(_unreadable(label, reason, hint), unreadable=True) from None
    except OSError as error:
        raise LoadFailed(_unreadable(label, _os_reason(error), None), unreadable=True) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise LoadFailed(_unreadable(label, _FOLDER, None), unreadable=True)
        if not stat.S_ISREG(info.st_mode):
            reason = Text(
                "Ini bukan berkas biasa (melainkan perangkat, FIFO atau soket); tidak dibaca.",
                "This is not a regular file (but a device, FIFO or socket); it is not read.",
            )
            raise LoadFailed(_unreadable(label, reason, None), unreadable=True)
        if info.st_size > limits.file_bytes:
            raise LoadFailed(too_large(label, info.st_size, limits), unreadable=True)
        try:
            return handle.read(limits.file_bytes + 1)
        except OSError as error:
            raise LoadFailed(_unreadable(label, _os_reason(error), None), unreadable=True) from None


_FOLDER = Text("Ini sebuah folder, bukan berkas.", "This is a folder, not a file.")


def _os_reason(error: OSError) -> Text:
    return Text(
        f"Berkas tidak dapat dibaca: {error.strerror}.",
        f"The file cannot be read: {error.strerror}.",
    )


def load_path(
    path: Path,
    label: str | None = None,
    fmt: Format | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LoadedDocument:
    """Read and parse a report file; the format follows the extension unless given."""
    label = label if label is not None else str(path)
    fmt = fmt or format_for_path(path)
    if fmt is None:
        suffix_id = path.suffix or "tanpa akhiran"
        suffix_en = path.suffix or "no extension"
        reason = Text(
            f"Format berkas tidak dikenal dari akhirannya ({suffix_id}).",
            f"Unknown file format from its extension ({suffix_en}).",
        )
        hint = Text(
            "Beri nama berakhiran .toml, .json atau .xlsx (laporan tercetak: .docx, .pdf, .txt).",
            "Name the file with a .toml, .json or .xlsx extension (a printed report: .docx, .pdf, "
            ".txt).",
        )
        raise LoadFailed(_unreadable(label, reason, hint), unreadable=True)
    return load_bytes(read_file(path, label, limits), label, fmt, limits)


def _unreadable(label: str, message: Text, hint: Text | None) -> Finding:
    return LOAD_UNREADABLE.finding(
        message,
        TextLocation(label),
        hint=hint,
    )
