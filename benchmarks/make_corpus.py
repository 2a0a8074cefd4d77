"""Generate a benchmark corpus of LKjIP reports from the Jatinegara 2021 example.

Every file is a deterministic variant (seeded ``random.Random``) of
``examples/jatinegara-2021.toml`` or ``examples/jatinegara-2021.json``: another
kecamatan and kabupaten, another year (every year in the report shifts by the
same amount, year keys included), another signatory and signing date, and every
rupiah amount multiplied by 1, 2 or 3 (in the data and where the text quotes
it).  Variants are made on the text, not on parsed data, so the comments, layout
and the exact text of every number (``79.70`` keeps two decimals,
``1_834_058_000`` keeps its underscores) are those a person would write;
nothing ever passes through ``float``.

The changes keep every sum, ratio and cross-table repetition of the example
intact, so a variant has the same findings as the example, which keeps the
printed report's own inconsistencies (38 rule findings at the time of
writing).  ``--noise 0.3`` also perturbs 30% of the distinct figures by up to
20%, which breaks that arithmetic and adds findings.

A fraction of the files (default 5%) is broken on purpose, so that the finding
path (positioned findings, position indexes built lazily) is measured too:

``wrong_type``     a number written as text (``"80,95"``)         SCHEMA001
``unknown_key``    a misspelt key (``realisasi`` -> ``realsasi``)   SCHEMA003
``truncated``      the file cut short                             LOAD003
``duplicate_key``  a key/value line written twice                 LOAD004 (JSON), LOAD003 (TOML)
``nan``            a number replaced by ``NaN`` / ``nan``         LOAD005

A hidden manifest (``.corpus.json``, skipped by ``sakip-validate check``) lists
the broken files and what was done to them.

``--large-rows N`` also writes one large report per format whose
``tabel.realisasi_anggaran.baris`` holds N budget rows (the example's own rows,
then generated programs, kegiatan and sub kegiatan whose amounts add up), to
measure how the loader, the schema check, the rules and the position index
scale.

Usage::

    python benchmarks/make_corpus.py OUT_DIR [--files 2000] [--broken 0.05] [--seed 2021]
    python benchmarks/make_corpus.py OUT_DIR --files 0 --large-rows 20000

Only the standard library is used.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal

Format = Literal["toml", "json"]
FORMATS: tuple[Format, ...] = ("toml", "json")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BASE_NAME = "jatinegara-2021"
BASE_YEAR = 2021
MANIFEST = ".corpus.json"

BROKEN_KINDS: tuple[str, ...] = ("wrong_type", "unknown_key", "truncated", "duplicate_key", "nan")

# Real kecamatan of four kabupaten in Central Java (the example's own region).
KECAMATAN: dict[str, tuple[str, ...]] = {
    "Tegal": (
        "Adiwerna",
        "Balapulang",
        "Bojong",
        "Bumijawa",
        "Dukuhturi",
        "Jatinegara",
        "Kramat",
        "Lebaksiu",
        "Margasari",
        "Pangkah",
        "Slawi",
        "Suradadi",
        "Talang",
        "Tarub",
        "Warureja",
    ),
    "Brebes": (
        "Banjarharjo",
        "Bantarkawung",
        "Bulakamba",
        "Jatibarang",
        "Ketanggungan",
        "Larangan",
        "Losari",
        "Paguyangan",
        "Salem",
        "Sirampog",
        "Songgom",
        "Tanjung",
        "Tonjong",
        "Wanasari",
    ),
    "Pemalang": (
        "Ampelgading",
        "Bantarbolang",
        "Belik",
        "Bodeh",
        "Comal",
        "Moga",
        "Petarukan",
        "Pulosari",
        "Randudongkal",
        "Taman",
        "Ulujami",
        "Warungpring",
        "Watukumpul",
    ),
    "Banyumas": (
        "Ajibarang",
        "Baturraden",
        "Cilongok",
        "Gumelar",
        "Jatilawang",
        "Kebasen",
        "Kembaran",
        "Lumbir",
        "Patikraja",
        "Rawalo",
        "Sokaraja",
        "Sumbang",
        "Wangon",
    ),
}

SIGNATORIES: tuple[str, ...] = (
    "AHMAD SUBEKTI, S.Sos",
    "SRI WAHYUNI, S.STP, M.Si",
    "BUDI SANTOSO, S.IP",
    "DWI HARYANTO, SH",
    "ENDANG LESTARI, SE, MM",
    "HARI PURNOMO, S.Sos, M.M.",
    "NUR AZIZAH, S.AP",
    "SUGENG RIYADI, S.IP, M.Si",
    "TRI WIDODO, S.Sos",
    "YULIANA PRATIWI, S.STP",
    "TABAH TOPAN WIDODO, S.IP",
)
BASE_SIGNATORY = "TABAH TOPAN WIDODO, S.IP"
BASE_DATE = "2022-02-25"  # both signature blocks

# A number in value position, with the key it belongs to.  TOML: ``key = 80.95``
# (also inside inline tables); JSON: ``"key": 80.95``.  The number must end at a
# delimiter, so text that merely contains "= 5" is left alone.
_NUMBER = r"(?P<num>-?[0-9][0-9_]*(?:\.[0-9]+)?)(?=[ \t]*(?:[,}\]\r\n#]|$))"
_VALUE: dict[Format, re.Pattern[str]] = {
    "toml": re.compile(r"(?P<key>[A-Za-z0-9_]+)[ \t]*=[ \t]*" + _NUMBER, re.MULTILINE),
    "json": re.compile(r'"(?P<key>[^"\\]+)"[ \t]*:[ \t]*' + _NUMBER, re.MULTILINE),
}
# A year from 2000 to 2029 standing alone (not inside a longer number); ``.``
# may precede it so that TOML's ``tahun.2019`` moves with the rest.
_YEAR = re.compile(r"(?<![0-9_])20[0-2][0-9](?![0-9_])")
# Thresholds of the category scale: the same in every report.
_FIXED_KEYS = frozenset({"batas_atas", "batas_bawah"})
# Keys whose values may be text, so a number written as text is no error there.
_TEXT_OK_KEYS = frozenset({"nilai"})
# Keys that are misspelt for the unknown_key breakage (all appear many times).
_MISSPELLABLE = ("realisasi", "anggaran", "target", "capaian", "nama_tertulis", "kategori")
_SCALAR = r'(?:"[^"\n]*"|-?[0-9][0-9_.]*|true|false)'
_SCALAR_LINE: dict[Format, re.Pattern[str]] = {
    "toml": re.compile(
        r"^[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*" + _SCALAR + r"[ \t]*(?:#.*)?$", re.M
    ),
    "json": re.compile(r'^[ \t]*"[^"\n]+"[ \t]*:[ \t]*' + _SCALAR + r",$", re.MULTILINE),
}


@dataclass(slots=True)
class CorpusInfo:
    """What :func:`write_corpus` wrote."""

    folder: str
    seed: int
    files: int
    toml: int
    json: int
    bytes: int
    broken: dict[str, str] = field(default_factory=dict)  # file name -> kind


# --------------------------------------------------------------------------- numbers


def _format_scaled(scaled: int, places: int) -> str:
    """``8095, 2`` -> ``80.95``: an integer count of 10**-places as decimal text."""
    sign = "-" if scaled < 0 else ""
    digits = str(abs(scaled)).rjust(places + 1, "0")
    if places == 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


def perturb_number(text: str, rng: random.Random, spread: float = 0.2) -> str:
    """Scale a number written as ``text`` by a random factor, keeping its form.

    Decimals keep their number of places (``79.70`` -> ``83.12``); integers of
    10 000 and more are rupiah and stay whole thousands, with underscores if
    the original had them. Smaller integers (counts, years, codes) are kept.
    """
    factor = Decimal(str(round(rng.uniform(1 - spread, 1 + spread), 4)))
    if "." in text:
        places = len(text.split(".", 1)[1])
        scaled = int(text.replace(".", "").replace("_", ""))
        new = int((scaled * factor).to_integral_value(ROUND_HALF_UP))
        return _format_scaled(new, places)
    value = int(text.replace("_", ""))
    if abs(value) < 10_000:
        return text
    new = int((value * factor / 1000).to_integral_value(ROUND_HALF_UP)) * 1000
    return f"{new:_}" if "_" in text else str(new)


def _is_decimal(text: str) -> bool:
    return "." in text


_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')


def _in_comment(text: str, offset: int) -> bool:
    """Whether ``offset`` is inside a TOML comment (a ``#`` before it, outside strings)."""
    line = text[text.rfind("\n", 0, offset) + 1 : offset]
    return "#" in _QUOTED.sub("", line)


def value_matches(text: str, fmt: Format) -> list[re.Match[str]]:
    """Every ``key = number`` (TOML) or ``"key": number`` (JSON), comments excluded."""
    return [
        match
        for match in _VALUE[fmt].finditer(text)
        if fmt == "json" or not _in_comment(text, match.start())
    ]


# --------------------------------------------------------------------------- variants


def load_base() -> dict[Format, str]:
    """The example report's text in both formats."""
    return {fmt: (EXAMPLES / f"{BASE_NAME}.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS}


def _case_like(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model.islower():
        return word.lower()
    return word


def _replace_word(text: str, old: str, new: str) -> str:
    pattern = re.compile(re.escape(old), re.IGNORECASE)
    return pattern.sub(lambda m: _case_like(m.group(), new), text)


@dataclass(frozen=True, slots=True)
class Variant:
    """The choices that make one report different from the example."""

    kecamatan: str
    kabupaten: str
    year: int
    signatory: str
    date: str
    budget_scale: int  # every rupiah amount is multiplied by this

    @property
    def slug(self) -> str:
        return f"{self.kecamatan.lower()}-{self.year}"


def choose_variant(rng: random.Random) -> Variant:
    """Draw a kecamatan, a year (2017-2023), a signatory, a signing date and a budget scale."""
    kabupaten = rng.choice(sorted(KECAMATAN))
    kecamatan = rng.choice(KECAMATAN[kabupaten])
    year = BASE_YEAR + rng.randint(-4, 2)
    date = f"{year + 1}-{rng.randint(1, 2):02d}-{rng.randint(1, 28):02d}"  # before the deadline
    return Variant(kecamatan, kabupaten, year, rng.choice(SIGNATORIES), date, rng.randint(1, 3))


# Rupiah as printed inside text: 1.834.058.000 (thousands separated by points).
_DOTTED_RUPIAH = re.compile(r"(?<![0-9.])[0-9]{1,3}(?:\.[0-9]{3}){2,}(?![0-9]|\.[0-9])")


def _dotted(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def make_variant(
    text: str, fmt: Format, variant: Variant, rng: random.Random, noise: float = 0.0
) -> str:
    """Apply ``variant`` to the example text.

    Rupiah amounts (whole numbers of 10 000 and more) are multiplied by
    ``variant.budget_scale``, in the data and where the text quotes them, so
    sums, percentages and quotations stay exactly as consistent as in the
    example: a variant has the example's findings, no more.  ``noise`` (0 to 1)
    additionally perturbs that share of the distinct figures by up to 20%,
    which breaks the report's arithmetic and adds rule findings.
    """
    text = _replace_word(text, "Jatinegara", variant.kecamatan)
    text = _replace_word(text, "Tegal", variant.kabupaten)
    shift = variant.year - BASE_YEAR
    if shift:
        text = _YEAR.sub(lambda m: str(int(m.group()) + shift), text)
    shifted_date = str(int(BASE_DATE[:4]) + shift) + BASE_DATE[4:]
    text = text.replace(f'"{shifted_date}"', f'"{variant.date}"')
    text = text.replace(BASE_SIGNATORY, variant.signatory)

    # A figure printed the same way twice changes the same way twice, so the
    # variant repeats a value across tables where the example does.  Whole
    # values written with decimals (50.00) are left alone: the report prints
    # them as 50 elsewhere, and small integers (years, counts) never change.
    scale = variant.budget_scale
    chosen: dict[Decimal, str] = {}
    rupiah: dict[int, int] = {}  # amount as in the example -> as in the variant
    pieces = []
    done = 0
    for match in value_matches(text, fmt):
        number = match.group("num")
        value = Decimal(number.replace("_", ""))
        is_rupiah = "." not in number and value >= 10_000
        if match.group("key") in _FIXED_KEYS or (
            not is_rupiah and value == value.to_integral_value()
        ):
            continue
        if value not in chosen:
            new = number
            if noise and rng.random() < noise:
                new = perturb_number(new, rng)
            if is_rupiah and scale != 1:
                amount = int(new.replace("_", "")) * scale
                new = f"{amount:_}" if "_" in number else str(amount)
            chosen[value] = new
        if is_rupiah:
            rupiah[int(value)] = int(chosen[value].replace("_", ""))
        pieces.append(text[done : match.start("num")])
        pieces.append(chosen[value])
        done = match.end("num")
    pieces.append(text[done:])
    text = "".join(pieces)
    quoted = {_dotted(old): _dotted(new) for old, new in rupiah.items() if old != new}
    if quoted:
        text = _DOTTED_RUPIAH.sub(lambda m: quoted.get(m.group(), m.group()), text)
    return text


# --------------------------------------------------------------------------- breakage


def _splice(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _misspell(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    how = rng.choice(("drop", "double", "swap"))
    if how == "drop":
        return word[:i] + word[i + 1 :]
    if how == "double":
        return word[: i + 1] + word[i] + word[i + 1 :]
    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return swapped if swapped != word else word + word[-1]


def _strict_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(token: str) -> object:
    raise ValueError(f"{token} is not a JSON number")


def _parses(text: str, fmt: Format) -> bool:
    """Whether ``text`` is valid TOML or strict JSON (no duplicate keys, no NaN/Infinity)."""
    try:
        if fmt == "toml":
            tomllib.loads(text, parse_float=Decimal)
        else:
            json.loads(
                text,
                parse_float=Decimal,
                parse_constant=_no_constant,
                object_pairs_hook=_strict_object,
            )
    except ValueError:  # TOMLDecodeError and JSONDecodeError are ValueErrors too
        return False
    return True


def break_report(text: str, fmt: Format, kind: str, rng: random.Random) -> str:
    """Damage a report in the way ``kind`` (one of :data:`BROKEN_KINDS`) names."""
    if kind == "wrong_type":
        # A figure typed as text, the way it is printed: "80,95", "1.624.774.000".
        matches = [m for m in value_matches(text, fmt) if m.group("key") not in _TEXT_OK_KEYS]
        match = rng.choice(matches)
        number = match.group("num")
        if _is_decimal(number):
            printed = number.replace(".", ",")
        else:
            printed = f"{int(number.replace('_', '')):,}".replace(",", ".")
        return _splice(text, match.start("num"), match.end("num"), f'"{printed}"')
    if kind == "unknown_key":
        key = rng.choice(_MISSPELLABLE)
        if fmt == "toml":
            pattern = re.compile(rf"(?:^|(?<=[{{,][ \t])|(?<=[{{,]))({key})(?=[ \t]*=)", re.M)
        else:
            pattern = re.compile(rf'"({key})"(?=[ \t]*:)')
        keys = [
            m for m in pattern.finditer(text) if fmt == "json" or not _in_comment(text, m.start())
        ]
        match = rng.choice(keys)
        return _splice(text, match.start(1), match.end(1), _misspell(key, rng))
    if kind == "truncated":
        for _ in range(50):
            cut = rng.randrange(len(text) * 3 // 10, len(text) * 97 // 100)
            if not _parses(text[:cut], fmt):
                return text[:cut]
        raise RuntimeError("could not truncate the report into invalid syntax")
    if kind == "duplicate_key":
        match = rng.choice(list(_SCALAR_LINE[fmt].finditer(text)))
        line = match.group()
        return _splice(text, match.end(), match.end(), "\n" + line)
    if kind == "nan":
        matches = [m for m in value_matches(text, fmt) if _is_decimal(m.group("num"))]
        match = rng.choice(matches)
        token = rng.choice(("NaN", "Infinity")) if fmt == "json" else rng.choice(("nan", "inf"))
        return _splice(text, match.start("num"), match.end("num"), token)
    raise ValueError(f"unknown breakage {kind!r}; known: {', '.join(BROKEN_KINDS)}")


# --------------------------------------------------------------------------- corpus


def write_corpus(
    folder: Path,
    files: int = 2000,
    broken_fraction: float = 0.05,
    seed: int = 2021,
    progress: Callable[[str], None] | None = None,
    noise: float = 0.0,
) -> CorpusInfo:
    """Write ``files`` reports into ``folder`` (half TOML, half JSON) and a manifest.

    File ``i`` depends only on ``seed`` and ``i``; the same arguments always give
    byte-identical files.
    """
    folder.mkdir(parents=True, exist_ok=True)
    base = load_base()
    picker = random.Random(f"{seed}:broken")
    broken_count = round(files * broken_fraction)
    broken_at = sorted(picker.sample(range(files), broken_count)) if files else []
    kinds = {index: BROKEN_KINDS[n % len(BROKEN_KINDS)] for n, index in enumerate(broken_at)}
    info = CorpusInfo(str(folder), seed, files, 0, 0, 0)
    for index in range(files):
        fmt: Format = FORMATS[index % 2]
        rng = random.Random(f"{seed}:{index}")
        variant = choose_variant(rng)
        text = make_variant(base[fmt], fmt, variant, rng, noise)
        kind = kinds.get(index)
        if kind is not None:
            text = break_report(text, fmt, kind, rng)
        name = f"{index:05d}-{variant.slug}.{fmt}"
        data = text.encode("utf-8")
        (folder / name).write_bytes(data)
        info.bytes += len(data)
        if fmt == "toml":
            info.toml += 1
        else:
            info.json += 1
        if kind is not None:
            info.broken[name] = kind
        if progress is not None and (index + 1) % 500 == 0:
            progress(f"  {index + 1}/{files} files")
    (folder / MANIFEST).write_text(json.dumps(asdict(info), indent=2) + "\n", encoding="utf-8")
    return info


def verify_corpus(folder: Path) -> list[str]:
    """Parse every file with the standard library; return the problems found.

    A file listed as broken by a syntax kind must not parse; every other file
    must parse (the schema findings of ``wrong_type``/``unknown_key``/TOML
    ``nan`` are for sakip-validate itself to report).
    """
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    broken: dict[str, str] = manifest["broken"]
    problems = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        fmt: Format = "toml" if path.suffix == ".toml" else "json"
        parses = _parses(path.read_text(encoding="utf-8"), fmt)
        kind = broken.get(path.name)
        # TOML's nan/inf are valid TOML: sakip-validate rejects them after parsing.
        must_fail = kind in ("truncated", "duplicate_key") or (kind == "nan" and fmt == "json")
        if must_fail and parses:
            problems.append(f"{path.name}: broken ({kind}) but parses")
        if kind is None and not parses:
            problems.append(f"{path.name}: should be valid but does not parse")
    return problems


# --------------------------------------------------------------------------- large report

_TOPICS = (
    "Penyediaan Jasa Surat Menyurat",
    "Penyediaan Komponen Instalasi Listrik",
    "Penyediaan Peralatan dan Perlengkapan Kantor",
    "Penyediaan Bahan Logistik Kantor",
    "Penyediaan Barang Cetakan dan Penggandaan",
    "Penyelenggaraan Rapat Koordinasi dan Konsultasi",
    "Pemeliharaan Kendaraan Dinas Operasional",
    "Pemeliharaan Gedung Kantor",
    "Fasilitasi Administrasi Tata Pemerintahan Desa",
    "Peningkatan Partisipasi Masyarakat dalam Musrenbang Desa",
    "Koordinasi Ketentraman dan Ketertiban Umum",
    "Pembinaan Wawasan Kebangsaan",
)


@dataclass(slots=True)
class BudgetRow:
    """One row of Tabel 3.8 (realisasi anggaran)."""

    kode: str
    tingkat: str
    nama: str
    anggaran: int = 0
    realisasi: int = 0

    @property
    def persen(self) -> str:
        if not self.anggaran:
            return "0.00"
        ratio = Decimal(self.realisasi * 100) / Decimal(self.anggaran)
        return str(ratio.quantize(Decimal("0.01"), ROUND_HALF_UP))


def budget_rows(count: int, rng: random.Random, first_program: int = 1) -> list[BudgetRow]:
    """``count`` rows: programs of 8 kegiatan of 10 sub kegiatan; parents sum their children."""
    rows: list[BudgetRow] = []
    program_no = first_program - 1
    while len(rows) < count:
        program_no += 1
        program = BudgetRow(str(program_no), "program", f"PROGRAM PENUNJANG {program_no}")
        rows.append(program)
        for kegiatan_no in range(1, 9):
            if len(rows) >= count:
                break
            code = f"{program_no}.{kegiatan_no}"
            topic = rng.choice(_TOPICS)
            kegiatan = BudgetRow(code, "kegiatan", f"KEGIATAN {topic.upper()} {code}")
            rows.append(kegiatan)
            for sub_no in range(1, 11):
                if len(rows) >= count:
                    break
                anggaran = rng.randint(1_000, 500_000) * 1000
                realisasi = anggaran * rng.randint(30, 100) // 100 // 500 * 500
                sub = BudgetRow(
                    f"{code}.{sub_no}",
                    "sub_kegiatan",
                    f"Sub Kegiatan {rng.choice(_TOPICS)} {code}.{sub_no}",
                    anggaran,
                    realisasi,
                )
                rows.append(sub)
                for parent in (kegiatan, program):
                    parent.anggaran += anggaran
                    parent.realisasi += realisasi
    return rows


def _large_toml(text: str, rows: list[BudgetRow], total: BudgetRow) -> str:
    end = text.index("[tabel.realisasi_anggaran.jumlah]")
    blocks = [
        "[[tabel.realisasi_anggaran.baris]]\n"
        f'kode = "{row.kode}"\n'
        f'tingkat = "{row.tingkat}"\n'
        f"nama = {json.dumps(row.nama, ensure_ascii=False)}\n"
        f"anggaran = {row.anggaran:_}\n"
        f"realisasi = {row.realisasi:_}\n"
        f"persen = {row.persen}\n\n"
        for row in rows
    ]
    text = text[:end] + "".join(blocks) + text[end:]
    jumlah = re.compile(
        r"(\[tabel\.realisasi_anggaran\.jumlah\]\n)anggaran = [^\n]*\n"
        r"realisasi = [^\n]*\npersen = [^\n]*\n"
    )
    replacement = (
        f"\\1anggaran = {total.anggaran:_}\nrealisasi = {total.realisasi:_}\n"
        f"persen = {total.persen}\n"
    )
    text, found = jumlah.subn(replacement, text)
    if found != 1:
        raise RuntimeError("the example's Tabel 3.8 JUMLAH block was not found")
    return text


def _json_value_span(text: str, key: str, start: int) -> tuple[int, int, str]:
    """Span of the value of the first ``"key": `` at or after ``start``, and its line's indent."""
    at = text.index(f'"{key}": ', start)
    value_start = at + len(key) + 4
    _, value_end = json.JSONDecoder().raw_decode(text, value_start)
    line_start = text.rfind("\n", 0, at) + 1
    return value_start, value_end, text[line_start:at]


def _large_json(text: str, rows: list[BudgetRow], total: BudgetRow) -> str:
    table = text.index('"realisasi_anggaran": {')
    _, end, indent = _json_value_span(text, "baris", table)
    item, member = indent + "  ", indent + "    "
    items = [
        f",\n{item}{{\n"
        f'{member}"kode": "{row.kode}",\n'
        f'{member}"tingkat": "{row.tingkat}",\n'
        f'{member}"nama": {json.dumps(row.nama, ensure_ascii=False)},\n'
        f'{member}"anggaran": {row.anggaran},\n'
        f'{member}"realisasi": {row.realisasi},\n'
        f'{member}"persen": {row.persen}\n'
        f"{item}}}"
        for row in rows
    ]
    last_item = text.rindex("}", 0, end) + 1  # the closing brace of the array's last row
    text = text[:last_item] + "".join(items) + text[last_item:]
    start, end, indent = _json_value_span(text, "jumlah", table)
    member = indent + "  "
    jumlah = (
        f'{{\n{member}"anggaran": {total.anggaran},\n{member}"realisasi": {total.realisasi},\n'
        f'{member}"persen": {total.persen}\n{indent}}}'
    )
    return text[:start] + jumlah + text[end:]


def large_report(fmt: Format, rows: int, seed: int = 2021) -> str:
    """The example report with ``rows`` rows in ``tabel.realisasi_anggaran.baris``.

    The example's own rows (programs 1-5) stay first, so the other tables still
    agree with Tabel 3.8; generated programs from 6 on fill up to ``rows``, and
    the JUMLAH row becomes the new total.  Only the narrative's pagu and Tabel
    3.6, which quote the old total, then disagree with it.
    """
    base = load_base()[fmt]
    table = tomllib.loads(load_base()["toml"], parse_float=Decimal)["tabel"]["realisasi_anggaran"]
    existing = table["baris"]
    programs = [int(row["kode"]) for row in existing if row["tingkat"] == "program"]
    generated = budget_rows(
        max(rows - len(existing), 0), random.Random(f"{seed}:large:{rows}"), max(programs) + 1
    )
    total = BudgetRow("", "", "", table["jumlah"]["anggaran"], table["jumlah"]["realisasi"])
    for row in generated:
        if row.tingkat == "program":
            total.anggaran += row.anggaran
            total.realisasi += row.realisasi
    if fmt == "toml":
        return _large_toml(base, generated, total)
    return _large_json(base, generated, total)


def write_large(
    folder: Path, rows: int, formats: Iterable[Format] = FORMATS, seed: int = 2021
) -> list[Path]:
    """Write ``large-<rows>.<fmt>`` for each format; return the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in formats:
        path = folder / f"large-{rows}.{fmt}"
        path.write_bytes(large_report(fmt, rows, seed).encode("utf-8"))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- command line


def main(argv: list[str] | None = None) -> int:
    """Command line: ``make_corpus.py OUT_DIR [options]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("--files", type=int, default=2000, help="number of reports (default 2000)")
    parser.add_argument(
        "--broken", type=float, default=0.05, help="fraction of broken reports (default 0.05)"
    )
    parser.add_argument("--seed", type=int, default=2021, help="random seed (default 2021)")
    parser.add_argument(
        "--noise",
        type=float,
        default=0.0,
        help="share of figures perturbed at random, breaking sums and ratios (default 0)",
    )
    parser.add_argument(
        "--large-rows",
        type=int,
        default=0,
        metavar="N",
        help="also write large-N.toml/.json with N rows in tabel.realisasi_anggaran.baris",
    )
    parser.add_argument(
        "--large-format",
        choices=("toml", "json", "both"),
        default="both",
        help="format(s) of the large report (default both)",
    )
    parser.add_argument(
        "--verify", action="store_true", help="parse every file afterwards (slower)"
    )
    args = parser.parse_args(argv)
    if args.files < 0 or args.large_rows < 0 or not 0 <= args.broken <= 1 >= args.noise >= 0:
        parser.error("--files and --large-rows must be >= 0, --broken and --noise 0 to 1")

    def say(message: str) -> None:
        print(message, file=sys.stderr)

    if args.files:
        info = write_corpus(args.out, args.files, args.broken, args.seed, say, args.noise)
        say(
            f"{info.files} reports ({info.toml} TOML, {info.json} JSON, "
            f"{len(info.broken)} broken, {info.bytes / 1e6:.1f} MB) in {args.out}"
        )
        if args.verify:
            problems = verify_corpus(args.out)
            for problem in problems:
                say(problem)
            if problems:
                return 1
            say("verified: every file parses or fails as intended")
    if args.large_rows:
        formats: tuple[Format, ...] = (
            FORMATS if args.large_format == "both" else (args.large_format,)
        )
        for path in write_large(args.out, args.large_rows, formats, args.seed):
            say(f"{path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
