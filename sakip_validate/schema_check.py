"""Check a loaded report against the LKjIP JSON Schema; errors become plain findings."""

from __future__ import annotations

import difflib
import functools
import math
import os
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from . import codes
from .domain.tables import table_name
from .findings import Finding, Text
from .loading import LoadedDocument
from .loading.pointers import dotted, join_pointer, pointer_from_path
from .loading.slips import Printed, printed_at, read_printed, slip_hint, slip_message
from .loading.toml_reader import TypedText
from .resources import SCHEMA_FILE, load_schema

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

SUPPORTED_MAJOR = "1"


def _is_integer(checker: object, instance: object) -> bool:
    # JSON Schema counts 2025.0 as an integer; a report does not: a year written
    # 2025.0 would silently switch off every rule keyed by the year, and a whole
    # number is copied without a decimal point. The loader gives Decimal for
    # every number written with one, int for every number written without.
    return isinstance(instance, int) and not isinstance(instance, bool)


def _printed_whole(value: Decimal) -> bool:
    """A whole number printed with at most two zero decimals (1834058000.00)."""
    exponent = value.as_tuple().exponent
    return (
        value.is_finite()
        and isinstance(exponent, int)
        and exponent >= -2
        and value == value.to_integral_value()
    )


_DATE_FORMATS = ("date", "date-time", "time")
TOML_LITERAL = "toml_literal"  # our keyword for a TOML date where text belongs
RUPIAH_FRACTION = "rupiah_fraction"  # our keyword for rupiah with sen


@functools.cache
def validator(schema_file: str = SCHEMA_FILE) -> Validator:
    """The compiled validator for a shipped schema, built once per process."""
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError
    from jsonschema.validators import extend

    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
    base_type = Draft202012Validator.VALIDATORS["type"]

    def typed(validator: Any, types: Any, instance: Any, schema: Any) -> Iterator[Any]:
        # A TOML date or time literal is text only where the schema wants a date.
        if isinstance(instance, TypedText) and schema.get("format") not in _DATE_FORMATS:
            yield ValidationError("a TOML date or time literal", validator=TOML_LITERAL)
            return
        if schema.get("x-jenis") == "rupiah" and isinstance(instance, Decimal):
            # Rupiah printed with ,00 (1834058000.00) are whole rupiah, read exactly.
            # Sen are not (amounts are whole numbers through every check), nor three
            # decimals: 100.000 is thousands dots, never one hundred rupiah.
            if not _printed_whole(instance):
                yield ValidationError("rupiah with a fraction", validator=RUPIAH_FRACTION)
            return
        yield from base_type(validator, types, instance, schema)

    cls: Any = extend(  # type: ignore[no-untyped-call]
        Draft202012Validator, validators={"type": typed}, type_checker=checker
    )
    schema = load_schema(schema_file)
    compiled: Validator = cls(
        inline_local_refs(schema, schema.get("$defs", {})),
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    return compiled


# Set to 1 to skip the compiled fast path (tests compare both paths' findings).
SLOW_ENV = "SAKIP_VALIDATE_SLOW_SCHEMA"

# Keywords whose meaning :func:`_fast_instance` keeps only under the conditions
# :func:`_fast_path_sound` checks: numeric bounds that are integers, no exclusive
# bounds or multipleOf, enums and consts of text, uniqueItems over text, dates.
_NUMERIC_BOUNDS = ("minimum", "maximum")
_UNSOUND_KEYWORDS = ("exclusiveMinimum", "exclusiveMaximum", "multipleOf")


class _Unsure(Exception):
    """The document holds a value the fast path cannot judge like the full validator."""


@functools.cache
def fast_validator(schema_file: str = SCHEMA_FILE) -> Callable[[Any], bool] | None:
    """A compiled yes/no validator (jsonschema-rs) for ``schema_file``, if one can be used.

    It only lets a valid document skip the full validator: whatever it rejects
    (or cannot judge) goes through :func:`validator`, which alone writes findings.
    None when jsonschema-rs is not installed, or when the schema uses a keyword
    the fast path cannot judge exactly.
    """
    try:
        import jsonschema_rs
    except ImportError:
        return None
    schema = load_schema(schema_file)
    if not _fast_path_sound(schema):
        return None
    compiled = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    is_valid: Callable[[Any], bool] = compiled.is_valid
    return is_valid


def _fast_path_sound(node: Any) -> bool:
    """Whether every keyword in ``node`` means the same on :func:`_fast_instance`'s values."""
    if isinstance(node, list):
        return all(_fast_path_sound(item) for item in node)
    if not isinstance(node, dict):
        return True
    if any(key in node for key in _UNSOUND_KEYWORDS):
        return False
    for key in _NUMERIC_BOUNDS:
        if key in node and not (isinstance(node[key], int) and abs(node[key]) < 2**52):
            return False
    if "format" in node and node["format"] != "date":
        return False
    choices = node.get("enum", []) + ([node["const"]] if "const" in node else [])
    if any(not isinstance(choice, str) for choice in choices):
        return False
    if node.get("uniqueItems"):
        items = node.get("items")
        if not (isinstance(items, dict) and isinstance(items.get("enum"), list)):
            return False  # its items are checked to be text by the enum test above
    return all(
        _fast_path_sound(value)
        for key, value in node.items()
        if key not in ("enum", "const", "description", "default", "examples")
    )


_NEXT_UP = math.inf


def _fast_instance(value: Any) -> Any:
    """``value`` as plain JSON values on which the fast validator accepts only what
    the full one accepts; raises :class:`_Unsure` where it cannot promise that.

    - a Decimal becomes its nearest float; when that float is whole, the Decimal
      must be exactly whole and becomes the next float up: never an integer
      (the full validator's integers are ints; ``100.00`` is not one), and on the
      same side of every integer bound as the exact value (checked by
      :func:`_fast_path_sound`). Rupiah written ``1834058000.00``, which the full
      validator accepts as a whole number, are thereby rejected here, and go the
      slow way.
    - a TOML date literal (TypedText) is text only where a date belongs, which
      plain text cannot express: unsure.
    - ints beyond 2**53 and anything else unexpected: unsure.
    """
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return value
    if kind is dict:
        return {key: _fast_instance(item) for key, item in value.items()}
    if kind is list:
        return [_fast_instance(item) for item in value]
    if kind is int:
        if -(2**53) < value < 2**53:
            return value
        raise _Unsure
    if kind is Decimal:
        number = float(value)
        if not math.isfinite(number) or abs(number) >= 2**52:
            raise _Unsure
        if number.is_integer():
            if value != number:
                raise _Unsure
            return math.nextafter(number, _NEXT_UP)
        return number
    raise _Unsure


def passes_fast(data: Any, schema_file: str = SCHEMA_FILE) -> bool:
    """True only when the compiled validator accepts ``data``: the full one then does too."""
    if os.environ.get(SLOW_ENV, "") not in ("", "0"):
        return False
    is_valid = fast_validator(schema_file)
    if is_valid is None:
        return False
    try:
        return is_valid(_fast_instance(data))
    except (_Unsure, RecursionError):
        return False
    except Exception:  # jsonschema-rs refusing a value (a lone surrogate): the slow way
        return False


def inline_local_refs(node: Any, defs: dict[str, Any], active: frozenset[str] = frozenset()) -> Any:
    """Replace ``{"$ref": "#/$defs/x", ...}`` by the definition merged with its siblings.

    Resolving references is most of jsonschema's work on our schemas; inlined,
    validation takes about 40% less time. A recursive definition keeps its $ref.
    """
    if isinstance(node, list):
        return [inline_local_refs(item, defs, active) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    name = ref.removeprefix("#/$defs/") if isinstance(ref, str) else None
    siblings = {key: inline_local_refs(value, defs, active) for key, value in node.items()}
    if name is None or name not in defs or name in active:
        return siblings
    del siblings["$ref"]
    return {**inline_local_refs(defs[name], defs, active | {name}), **siblings}


def check_schema(document: LoadedDocument, schema_file: str = SCHEMA_FILE) -> list[Finding]:
    """All schema findings for one document, one per real problem, in document order."""
    data = document.data
    version = data.get("versi_skema") if isinstance(data, dict) else None
    if (
        schema_file == SCHEMA_FILE
        and isinstance(version, str)
        and version.split(".")[0] != SUPPORTED_MAJOR
    ):
        return [_version_finding(document, version)]
    if passes_fast(data, schema_file):
        return []
    findings: list[Finding] = []
    seen: set[tuple[str, str, str, str]] = set()
    checker = validator(schema_file)
    for error in checker.iter_errors(data):
        for finding in _findings_for(_most_specific(error), document, checker.schema):
            key = (
                finding.rule,
                finding.location.pointer,
                finding.printed or "",
                finding.expected or "",
            )
            if key not in seen:
                seen.add(key)
                findings.append(finding)
    findings = _drop_misspelling_cascades(findings)
    findings = _drop_printed_number_cascades(findings)
    findings.sort(key=Finding.sort_key)
    return findings


def _drop_misspelling_cascades(findings: list[Finding]) -> list[Finding]:
    # A misspelt required key is one problem, not two: keep the unknown-key
    # finding (it names the likely intended key) and drop the "missing" one.
    misspelt = {
        (f.location.pointer.rsplit("/", 1)[0], f.expected)
        for f in findings
        if f.rule == codes.SCHEMA_UNKNOWN_KEY.id and f.expected
    }
    return [
        f
        for f in findings
        if not (f.rule == codes.SCHEMA_REQUIRED.id and (f.location.pointer, f.expected) in misspelt)
    ]


def _drop_printed_number_cascades(findings: list[Finding]) -> list[Finding]:
    # 2.025 where a year belongs is one problem (thousands dots), not also a year
    # out of range: the value is only what the parser made of a printed number.
    printed = {f.location.pointer for f in findings if f.rule == codes.LOAD_PRINTED_NUMBER.id}
    return [
        f
        for f in findings
        if f.rule == codes.LOAD_PRINTED_NUMBER.id or f.location.pointer not in printed
    ]


def _most_specific(error: ValidationError) -> ValidationError:
    # anyOf/oneOf report every branch; keep the one branch that explains it best,
    # unless the schema names the alternatives itself (x-jenis: a value kind).
    from jsonschema.exceptions import best_match

    while error.validator in ("anyOf", "oneOf") and error.context:
        if isinstance(error.schema, dict) and "x-jenis" in error.schema:
            return error
        error = best_match(error.context)
    return error


def _findings_for(
    error: ValidationError, document: LoadedDocument, root: Any = None
) -> Iterator[Finding]:
    pointer = pointer_from_path(error.absolute_path)
    field = dotted(pointer)
    keyword = str(error.validator)
    instance = error.instance
    # jsonschema types these as possibly unset; for an error they are always set.
    schema: Any = error.schema
    validator_value: Any = error.validator_value
    hint: Text | None

    if keyword == "required":
        assert isinstance(instance, dict)
        # A field required by a condition (if/then/else: a whole report needs more than a
        # partial one) is described where the object declares its properties.
        declared = schema.get("properties", {})
        described = {"properties": declared} if declared else {}
        if not declared or not all(name in declared for name in validator_value):
            described = _object_schema(root, error.absolute_path)
        # The branch of a condition says when the field is required (and how to avoid it).
        conditional = {"then", "else"} & set(map(str, error.schema_path))
        condition = _own_description(schema) if conditional else None
        for name in validator_value:
            if name not in instance:
                where = field or "tingkat teratas berkas"
                where_en = field or "the top level of the file"
                yield _finding(
                    codes.SCHEMA_REQUIRED,
                    document,
                    pointer,
                    Text(
                        f"Isian wajib `{name}` tidak ada di {where}.",
                        f"Required field `{name}` is missing from {where_en}.",
                    ),
                    _joined(
                        Text(
                            f"Tambahkan `{name}`: {_description(described, name, 'id')}",
                            f"Add `{name}`: {_description(described, name, 'en')}",
                        ),
                        condition,
                    ),
                    expected=name,
                    missing=name,
                )
        return

    if keyword == "dependentRequired" and isinstance(instance, dict):
        # Fields written together (anggaran and realisasi of a budget row): one
        # without the other is neither a row of figures nor a heading row.
        for given, needed in validator_value.items():
            if given not in instance:
                continue
            for name in needed:
                if name in instance:
                    continue
                yield _finding(
                    codes.SCHEMA_REQUIRED,
                    document,
                    pointer,
                    Text(
                        f"`{name}` tidak ada di {field}, padahal `{given}` diisi: keduanya "
                        "diisi bersama, atau keduanya tidak ada.",
                        f"`{name}` is missing from {field} although `{given}` is given: the two "
                        "are given together, or both left out.",
                    ),
                    Text(
                        f"Tambahkan `{name}`: {_description(schema, name, 'id')}",
                        f"Add `{name}`: {_description(schema, name, 'en')}",
                    ),
                    expected=name,
                )
        return

    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = set(schema.get("properties", {}))
        for name in instance:
            if name in known:
                continue
            guess = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
            where = field or "tingkat teratas berkas"
            where_en = field or "the top level of the file"
            if guess:
                hint = Text(f"Mungkin maksudnya `{guess[0]}`?", f"Did you mean `{guess[0]}`?")
            else:
                names = ", ".join(f"`{k}`" for k in sorted(known))
                hint = Text(f"Kunci yang dikenal di sini: {names}.", f"Keys known here: {names}.")
            yield _finding(
                codes.SCHEMA_UNKNOWN_KEY,
                document,
                join_pointer(pointer, name),
                Text(
                    f"Kunci `{_cut(name, _SHOWN_MAX)}` tidak dikenal di {where}.",
                    f"Unknown key `{_cut(name, _SHOWN_MAX)}` in {where_en}.",
                ),
                hint,
                printed=_cut(name, _SHOWN_MAX),
                expected=guess[0] if guess else None,
                at_key=True,
            )
        return

    if keyword == "propertyNames" or "propertyNames" in error.relative_schema_path:
        # The failing key is the instance; the path stops at its object.
        name = str(instance)
        yield _finding(
            codes.SCHEMA_FORMAT,
            document,
            join_pointer(pointer, name),
            Text(
                f'Kunci "{_cut(name, _SHOWN_MAX)}" di {field} harus tahun empat angka, '
                "misalnya 2021.",
                f'Key "{_cut(name, _SHOWN_MAX)}" in {field} must be a four-digit year, e.g. 2021.',
            ),
            None,
            printed=_cut(name, _SHOWN_MAX),
            at_key=True,
        )
        return

    printed = _show(instance)
    written = _printed_number(error, document, pointer)
    fmt = document.format
    # A workbook's reader has read every printed number already: text left is no number.
    if written is not None and fmt != "xlsx":
        yield _finding(
            codes.LOAD_PRINTED_NUMBER,
            document,
            pointer,
            slip_message(written, fmt, quoted=isinstance(instance, str)),
            slip_hint(written, fmt),
            printed=written.written,
            expected=written.replacement(fmt),
        )
        return
    if keyword == RUPIAH_FRACTION:
        yield _finding(
            codes.SCHEMA_TYPE,
            document,
            pointer,
            Text(
                f"{field} memuat sen atau desimal selain ,00; tertulis {printed.id}. Rupiah "
                "dibaca sebagai bilangan bulat: desimal ,00 yang tercetak boleh ditulis, sen "
                "belum dapat diperiksa.",
                f"{field} holds sen or decimals other than ,00; found {printed.en}. Rupiah are "
                "read as whole numbers: printed ,00 decimals may be written, sen cannot be "
                "checked yet.",
            ),
            Text(
                "Periksa angkanya di laporan: titik ribuan yang terbaca sebagai titik desimal "
                "juga memberi pecahan. Bila laporan memang mencetak sen, sakip-validate belum "
                "dapat memeriksa tabel itu (lihat docs/panduan.md, Menulis angka).",
                "Check the figure in the report: a thousands dot read as a decimal point also "
                "gives a fraction. If the report really prints sen, sakip-validate cannot "
                "check that table yet (see docs/panduan.md, Menulis angka).",
            ),
            printed=printed.raw,
        )
        return
    if keyword == TOML_LITERAL:
        quoted = '"' + str(instance) + '"'
        yield _finding(
            codes.SCHEMA_TYPE,
            document,
            pointer,
            Text(
                f"{field} ditulis sebagai tanggal/waktu TOML tanpa tanda kutip; di sini harus "
                f"teks; tertulis {instance}.",
                f"{field} is written as an unquoted TOML date or time; text belongs here; "
                f"found {instance}.",
            ),
            Text(
                f"Apit dengan tanda kutip bila ini memang teks: {quoted}.",
                f"Put it in quotes if it is meant as text: {quoted}.",
            ),
            printed=str(instance),
        )
        return
    if keyword == "type" or (keyword == "anyOf" and "x-jenis" in schema):
        expected = _expected_kind(error)
        hint = _type_hint(expected[1], instance)
        message = (
            Text(
                "Berkas harus berisi satu tabel (objek) di tingkat teratas; "
                f"tertulis {printed.id}.",
                f"The file must hold one table (object) at its top level; found {printed.en}.",
            )
            if not pointer
            else Text(
                f"{field} harus {expected[0]}; tertulis {printed.id}.",
                f"{field} must be {expected[1]}; found {printed.en}.",
            )
        )
        yield _finding(codes.SCHEMA_TYPE, document, pointer, message, hint, printed=printed.raw)
        return

    if keyword in ("enum", "const"):
        allowed = validator_value if keyword == "enum" else [validator_value]
        choices = ", ".join(_show(value).raw for value in allowed)
        yield _finding(
            codes.SCHEMA_CHOICE,
            document,
            pointer,
            Text(
                f"{field} tidak boleh bernilai {printed.id}; pilihan yang sah: {choices}.",
                f"{field} cannot be {printed.en}; valid choices: {choices}.",
            ),
            None,
            printed=printed.raw,
            expected=choices,
        )
        return

    if keyword == "format":
        yield _finding(
            codes.SCHEMA_FORMAT,
            document,
            pointer,
            Text(
                f"{field} bukan tanggal yang sah; tertulis {printed.id}.",
                f"{field} is not a valid date; found {printed.en}.",
            )
            if validator_value == "date"
            else Text(
                f"{field} tidak berbentuk {validator_value}; tertulis {printed.id}.",
                f"{field} is not a valid {validator_value}; found {printed.en}.",
            ),
            Text(
                'Tulis tanggal sebagai TTTT-BB-HH, misalnya "2022-02-25".',
                'Write the date as YYYY-MM-DD, e.g. "2022-02-25".',
            )
            if validator_value == "date"
            else None,
            printed=printed.raw,
        )
        return

    if keyword == "pattern":
        if pointer == "/versi_skema" and "versi_skema" in error.schema_path:
            yield _version_finding(document, str(instance))
            return
        yield _finding(
            codes.SCHEMA_FORMAT,
            document,
            pointer,
            Text(
                f"{field} tidak berbentuk sebagaimana mestinya; tertulis {printed.id}.",
                f"{field} does not have the required form; found {printed.en}.",
            ),
            _own_description(schema),
            printed=printed.raw,
        )
        return

    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        bound = validator_value
        hint = _own_description(schema)
        if keyword == "minimum" and bound == 0:
            message = Text(
                f"{field} tidak boleh negatif; tertulis {printed.id}.",
                f"{field} cannot be negative; found {printed.en}.",
            )
            hint = Text(
                "Periksa tanda minus: salin angka persis seperti tercetak di laporan.",
                "Check the minus sign: copy the figure exactly as the report prints it.",
            )
        elif keyword.endswith("inimum"):
            message = Text(
                f"{field} tidak boleh kurang dari {bound}; tertulis {printed.id}.",
                f"{field} cannot be less than {bound}; found {printed.en}.",
            )
        else:
            message = Text(
                f"{field} tidak boleh lebih dari {bound}; tertulis {printed.id}.",
                f"{field} cannot be more than {bound}; found {printed.en}.",
            )
        yield _finding(
            codes.SCHEMA_RANGE,
            document,
            pointer,
            message,
            hint,
            printed=printed.raw,
        )
        return

    if keyword in ("minLength", "minItems", "minProperties"):
        yield _finding(
            codes.SCHEMA_SIZE,
            document,
            pointer,
            Text(f"{field} tidak boleh kosong.", f"{field} cannot be empty."),
            Text(
                "Isi sesuai laporan, atau hapus kuncinya bila sel di laporan kosong.",
                "Fill it in as the report prints it, or remove the key if the cell is empty.",
            ),
            printed=printed.raw,
        )
        return

    if keyword in ("maxLength", "maxItems", "maxProperties"):
        size = len(instance) if isinstance(instance, str | list | dict) else 0
        unit = ("karakter", "characters") if keyword == "maxLength" else ("isian", "items")
        yield _finding(
            codes.SCHEMA_SIZE,
            document,
            pointer,
            Text(
                f"{field} terlalu panjang: {size} {unit[0]}, paling banyak {validator_value}.",
                f"{field} is too long: {size} {unit[1]}, at most {validator_value}.",
            ),
            _own_description(schema),
            printed=printed.raw,
        )
        return

    if keyword == "uniqueItems":
        yield _finding(
            codes.SCHEMA_SIZE,
            document,
            pointer,
            Text(f"{field} memuat isian ganda.", f"{field} contains duplicate items."),
            Text("Hapus isian yang ganda.", "Remove the duplicates."),
            printed=printed.raw,
        )
        return

    yield _finding(
        codes.SCHEMA_OTHER,
        document,
        pointer,
        Text(
            f"{field or 'Berkas'} tidak sesuai skema: {_cut(error.message)}",
            f"{field or 'The file'} does not match the schema: {_cut(error.message)}",
        ),
        None,
        printed=printed.raw,
    )


def _printed_number(
    error: ValidationError, document: LoadedDocument, pointer: str
) -> Printed | None:
    """The number written the printed way where a number belongs, if that is the error.

    Text such as "90,00", "Rp 1.250.000" or "98,75%" where the schema wants a
    number; or a number the parser accepted only as a fraction where whole
    numbers belong (``anggaran = 1.250``, thousands dots read as a decimal point).
    """
    instance: Any = error.instance
    schema: Any = error.schema
    keyword = str(error.validator)
    kind = schema.get("x-jenis") if isinstance(schema, dict) else None
    if keyword == "anyOf":
        wants = {"number"} if kind == "nilai" else set()
    elif keyword == "type":
        value: Any = error.validator_value
        wants = {value} if isinstance(value, str) else set(value)
    else:
        wants = {"integer"} if keyword == RUPIAH_FRACTION else set()
    whole = kind == "rupiah" or "number" not in wants
    written: Printed | None = None
    if isinstance(instance, str) and wants & {"number", "integer"}:
        written = read_printed(instance.strip(), money=whole)
    elif isinstance(instance, Decimal) and "integer" in wants and document.text:
        offset = document.positions.value_offset(pointer)
        if offset is not None:
            written = printed_at(document.text, offset, money=True)
            if written is not None and _as_parsed(written.written) != instance:
                written = None  # not the text of this value: never guess
    return written if written is not None and written.marks else None


def _as_parsed(token: str) -> Decimal | None:
    try:
        return Decimal(token.replace("_", ""))
    except InvalidOperation:
        return None


def _type_hint(expected_en: str, instance: Any) -> Text | None:
    if expected_en == "a whole number":
        return Text(
            "Tulis bilangan bulat tanpa tanda kutip dan tanpa pemisah ribuan, misalnya 2021 "
            "atau 1_834_058_000.",
            "Write a whole number without quotes or thousands separators, e.g. 2021 "
            "or 1_834_058_000.",
        )
    if expected_en.startswith("a number"):
        return Text(
            "Tulis angka tanpa tanda kutip dengan titik desimal (99,93% ditulis 99.93), "
            'atau "N/A".',
            'Write the number without quotes with a decimal point (99,93% is 99.93), or "N/A".',
        )
    if expected_en.startswith("text") and not isinstance(instance, dict | list):
        return Text("Apit teks dengan tanda kutip.", "Put the text in quotes.")
    return None


def _version_finding(document: LoadedDocument, version: str) -> Finding:
    from . import __version__

    return _finding(
        codes.SCHEMA_VERSION,
        document,
        "/versi_skema",
        Text(
            f'versi_skema "{version}" tidak didukung sakip-validate {__version__}; '
            f"versi yang didukung: {SUPPORTED_MAJOR}.x.",
            f'versi_skema "{version}" is not supported by sakip-validate {__version__}; '
            f"supported: {SUPPORTED_MAJOR}.x.",
        ),
        Text(
            'Tulis versi_skema = "1.0", atau pasang versi sakip-validate yang sesuai.',
            'Write versi_skema = "1.0", or install a matching sakip-validate.',
        ),
        printed=version,
    )


def _finding(
    code: codes.Code,
    document: LoadedDocument,
    pointer: str,
    message: Text,
    hint: Text | None,
    *,
    printed: str | None = None,
    expected: str | None = None,
    at_key: bool = False,
    missing: str | None = None,
) -> Finding:
    key, name = table_of(document.data, pointer)
    return Finding(
        rule=code.id,
        severity=code.severity,
        message=message,
        location=document.locate(pointer, at_key=at_key, missing=missing),
        hint=hint,
        pack=code.pack,
        title=code.title,
        table=name,
        table_key=key,
        printed=printed,
        expected=expected,
    )


def table_of(data: Any, pointer: str) -> tuple[str | None, Text | None]:
    """The table a pointer into ``/tabel/...`` is about: its key and how the reader names it."""
    parts = pointer.split("/")
    if len(parts) < 3 or parts[1] != "tabel":
        return None, None
    return parts[2], table_name(data, parts[2])


_SHOWN_MAX = 80


def _cut(text: str, limit: int = _SHOWN_MAX * 2) -> str:
    """``text`` shortened in the middle to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[-half:]


class _Shown:
    """A value as a message shows it, in both languages."""

    __slots__ = ("en", "id", "raw")

    def __init__(self, raw: str, id_: str | None = None, en: str | None = None) -> None:
        self.raw = raw
        self.id = id_ or raw
        self.en = en or raw


def _show(value: Any) -> _Shown:
    if isinstance(value, bool):
        return _Shown("true" if value else "false")
    if isinstance(value, str):
        # A value is quoted so its writer recognises it, never whole: a 1 MB text
        # in every message would flood every output.
        return _Shown('"' + _cut(value, _SHOWN_MAX).replace('"', '\\"') + '"')
    if isinstance(value, int | Decimal):
        return _Shown(str(value))
    if isinstance(value, dict):
        return _Shown("{...}", "sebuah tabel {...}", "a table {...}")
    if isinstance(value, list):
        return _Shown("[...]", "sebuah daftar [...]", "a list [...]")
    if value is None:
        return _Shown("null")
    return _Shown(repr(value))


_KINDS = {
    "integer": ("bilangan bulat", "a whole number"),
    "number": ("angka", "a number"),
    "string": ("teks (dalam tanda kutip)", "text (in quotes)"),
    "boolean": ("true atau false", "true or false"),
    "array": ("daftar [ ... ]", "a list [ ... ]"),
    "object": ("tabel (kelompok isian)", "a table (group of fields)"),
}


def _expected_kind(error: ValidationError) -> tuple[str, str]:
    if error.validator == "anyOf":
        return ('angka, atau "N/A" / "-"', 'a number, or "N/A" / "-"')
    wanted: Any = error.validator_value
    names = [wanted] if isinstance(wanted, str) else list(wanted)
    id_text = " atau ".join(_KINDS.get(n, (n, n))[0] for n in names)
    en_text = " or ".join(_KINDS.get(n, (n, n))[1] for n in names)
    return id_text, en_text


def _split_description(text: str) -> tuple[str, str]:
    marker = " (EN: "
    if marker in text and text.endswith(")"):
        id_text, en_text = text[:-1].split(marker, 1)
        return id_text, en_text
    return text, text


def _own_description(schema: Any) -> Text | None:
    text = schema.get("description") if isinstance(schema, dict) else None
    if not isinstance(text, str):
        return None
    id_text, en_text = _split_description(text)
    return Text(id_text, en_text)


def _joined(hint: Text, more: Text | None) -> Text:
    if more is None:
        return hint
    return Text(f"{hint.id.rstrip()} {more.id}", f"{hint.en.rstrip()} {more.en}")


def _object_schema(root: Any, path: Any) -> Any:
    """The schema of the object at instance ``path`` as ``root`` declares it ({} if unknown)."""
    node = root
    for part in path:
        if not isinstance(node, dict):
            return {}
        node = node.get("items") if isinstance(part, int) else node.get("properties", {}).get(part)
    return node if isinstance(node, dict) else {}


def _description(schema: Any, name: str, lang: str) -> str:
    prop = schema.get("properties", {}).get(name) if isinstance(schema, dict) else None
    text = prop.get("description") if isinstance(prop, dict) else None
    if not isinstance(text, str):
        return ""
    id_text, en_text = _split_description(text)
    described = id_text if lang == "id" else en_text
    assert isinstance(prop, dict)  # it held the description
    choices = prop.get("enum")
    if isinstance(choices, list):
        listed = ", ".join(f'"{choice}"' for choice in choices)
        described += f" {'Pilihan' if lang == 'id' else 'Choices'}: {listed}."
    return described[:1].lower() + described[1:]
