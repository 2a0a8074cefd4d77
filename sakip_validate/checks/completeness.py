"""Completeness and report metadata: required parts, required cells, signatories, NIP.

PermenPAN-RB 53/2014 (Lampiran II) fixes the parts an LKjIP must have and the
analyses Bab III must hold; the reviu (Lampiran III) checks them first. The
report data declares which parts it has (``kelengkapan``); tables and signature
blocks that are present count as evidence too, so a report is never told it
lacks a part whose content the data holds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, ClassVar

from ..domain.view import TABLE_FIELDS, ReportView, Row
from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Percent
from ..loading.pointers import join_pointer
from .common import FIELD_NAME, TABLE_NAME, number, table_problems

# -- the parts of an LKjIP ------------------------------------------------------

# Label of each declared part, as the regulation names it (the same in both languages)
# and a short English gloss.
PART_LABELS: dict[str, tuple[str, str]] = {
    "kata_pengantar": ("Kata Pengantar", "Kata Pengantar (foreword)"),
    "ikhtisar_eksekutif": ("Ikhtisar Eksekutif", "Ikhtisar Eksekutif (executive summary)"),
    "daftar_isi": ("Daftar Isi", "Daftar Isi (table of contents)"),
    "bab_1_pendahuluan": ("Bab I Pendahuluan", "Bab I Pendahuluan (introduction)"),
    "bab_2_perencanaan_kinerja": (
        "Bab II Perencanaan Kinerja",
        "Bab II Perencanaan Kinerja (performance planning)",
    ),
    "bab_3_akuntabilitas_kinerja": (
        "Bab III Akuntabilitas Kinerja",
        "Bab III Akuntabilitas Kinerja (performance accountability)",
    ),
    "bab_3_realisasi_anggaran": (
        "Bab III bagian Realisasi Anggaran",
        "Realisasi Anggaran (budget execution) in Bab III",
    ),
    "bab_4_penutup": ("Bab IV Penutup", "Bab IV Penutup (closing chapter)"),
    "lampiran_perjanjian_kinerja": (
        "Lampiran Perjanjian Kinerja",
        "Lampiran Perjanjian Kinerja (performance agreement annex)",
    ),
    "lampiran_lain": ("Lampiran lain-lain", "Lampiran lain-lain (other annexes)"),
    "pernyataan_telah_direviu": (
        "Pernyataan Telah Direviu",
        "Pernyataan Telah Direviu (statement of review)",
    ),
}

# The seven Bab III analyses, numbered as Lampiran II of PermenPAN-RB 53/2014 lists them.
ANALYSIS_LABELS: dict[str, tuple[str, str]] = {
    "target_realisasi": (
        "analisis 1 (perbandingan target dan realisasi tahun ini)",
        "analysis 1 (target against realisasi for this year)",
    ),
    "perbandingan_tahun": (
        "analisis 2 (perbandingan realisasi dan capaian dengan tahun-tahun sebelumnya)",
        "analysis 2 (realisasi and capaian against earlier years)",
    ),
    "target_akhir_renstra": (
        "analisis 3 (perbandingan realisasi dengan target akhir Renstra)",
        "analysis 3 (realisasi against the Renstra end target)",
    ),
    "standar_nasional": (
        "analisis 4 (perbandingan realisasi dengan standar nasional)",
        "analysis 4 (realisasi against the national standard)",
    ),
    "penyebab_solusi": (
        "analisis 5 (penyebab keberhasilan/kegagalan dan alternatif solusi)",
        "analysis 5 (causes of success or failure and the solutions tried)",
    ),
    "efisiensi": (
        "analisis 6 (efisiensi penggunaan sumber daya)",
        "analysis 6 (efficiency of resource use)",
    ),
    "program_pendukung": (
        "analisis 7 (program/kegiatan yang menunjang keberhasilan atau kegagalan)",
        "analysis 7 (programs and kegiatan behind each result)",
    ),
}

LISTS: dict[str, dict[str, tuple[str, str]]] = {
    "bagian": PART_LABELS,
    "analisis_bab_3": ANALYSIS_LABELS,
}

# A table with rows proves that the part or analysis it belongs to is in the report.
EVIDENCE_TABLES: dict[str, tuple[str, ...]] = {
    "bab_3_realisasi_anggaran": ("realisasi_anggaran",),
    "target_realisasi": ("capaian",),
    "perbandingan_tahun": ("perbandingan_tahun",),
    "target_akhir_renstra": ("target_akhir_renstra",),
    "standar_nasional": ("standar_nasional",),
    "penyebab_solusi": ("analisis_penyebab",),
    "efisiensi": ("efisiensi",),
    "program_pendukung": ("program_pendukung.indikator", "program_pendukung.program"),
}

# A printed signature block proves its part is there (the PK signed by both parties
# is what the Lampiran Perjanjian Kinerja holds).
EVIDENCE_BLOCKS: dict[str, str] = {
    "kata_pengantar": "kata_pengantar",
    "ikhtisar_eksekutif": "ikhtisar_eksekutif",
    "bab_4_penutup": "penutup",
    "lampiran_perjanjian_kinerja": "perjanjian_kinerja",
    "pernyataan_telah_direviu": "pernyataan_telah_direviu",
}

BLOCK_LABELS: dict[str, str] = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar_eksekutif": "Ikhtisar Eksekutif",
    "penutup": "Penutup",
    "perjanjian_kinerja": "Perjanjian Kinerja",
    "pernyataan_telah_direviu": "Pernyataan Telah Direviu",
    "lainnya": "lainnya",
}
BLOCK_NAMES = sorted(BLOCK_LABELS)


def _signatories(view: ReportView) -> list[tuple[int, dict[str, Any]]]:
    """(index, block) for each well-formed signature block, in document order."""
    blocks = view.data.get("penandatangan")
    if not isinstance(blocks, list):
        return []
    return [(index, block) for index, block in enumerate(blocks) if isinstance(block, dict)]


def _tables_readable(view: ReportView) -> bool:
    """Whether ``tabel`` is an object: the view assumes so (a malformed file is the schema's)."""
    return isinstance(view.data.get("tabel", {}), dict) and isinstance(
        view.data.get("indikator", []), list
    )


def _budget_year(view: ReportView) -> int | None:
    laporan = view.data.get("laporan")
    year = laporan.get("tahun_anggaran") if isinstance(laporan, dict) else None
    return year if isinstance(year, int) and not isinstance(year, bool) else None


def _block_label(block: dict[str, Any]) -> str:
    bagian = block.get("bagian")
    return BLOCK_LABELS.get(bagian, str(bagian)) if isinstance(bagian, str) else "?"


class SectionsPresent(CheckKind):
    """Every required part (or Bab III analysis) is declared in ``kelengkapan``.

    ``params.list`` names the list (``bagian`` or ``analisis_bab_3``) and
    ``params.required`` the items that must be there; one ``missing`` hit per
    absent item. A table or signature block of the item in the data counts as
    present; the national-standard comparison also counts as present when the
    report states that no national standard exists. When ``kelengkapan`` itself
    is absent there is one ``not_filled`` hit instead of a cascade.
    """

    name = "sections_present"
    outcomes = ("missing", "not_filled")
    placeholders: ClassVar[frozenset[str]] = frozenset({"item", "item_en"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["list", "required"],
        "properties": {
            "list": {"enum": sorted(LISTS)},
            "required": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        labels = LISTS[self.params["list"]]
        return [
            (f"/required/{index}", f"unknown item {item!r}; known: {', '.join(labels)}")
            for index, item in enumerate(self.params["required"])
            if item not in labels
        ]

    def run(self, view: ReportView) -> Iterator[Hit]:
        if not isinstance(view.raw, dict):
            return  # not a report at all: the schema says so, once
        declared = view.data.get("kelengkapan")
        if not isinstance(declared, dict):
            yield Hit(outcome="not_filled", pointer="", table=None)
            return
        name = self.params["list"]
        items = declared.get(name)
        if not isinstance(items, list):
            return  # the schema reports a missing or malformed list
        labels = LISTS[name]
        blocks = {
            b.get("bagian") for _, b in _signatories(view) if isinstance(b.get("bagian"), str)
        }
        for item in self.params["required"]:
            if item in items or self._evidenced(view, item, declared, blocks):
                continue
            pointer = f"/kelengkapan/{name}"
            flag = "pernyataan_tanpa_standar_nasional"
            if item == "standar_nasional" and flag in declared:
                pointer = f"/kelengkapan/{flag}"
            label_id, label_en = labels[item]
            yield Hit(
                outcome="missing",
                pointer=pointer,
                table=None,
                values={"item": label_id, "item_en": label_en, "field": item},
            )

    @staticmethod
    def _evidenced(view: ReportView, item: str, declared: dict[str, Any], blocks: set[Any]) -> bool:
        if item == "standar_nasional" and declared.get("pernyataan_tanpa_standar_nasional") is True:
            return True
        tables = EVIDENCE_TABLES.get(item, ()) if _tables_readable(view) else ()
        if any(view.rows(table) for table in tables):
            return True
        return EVIDENCE_BLOCKS.get(item) in blocks


# -- required cells ---------------------------------------------------------------


def _misspelled(row: Row, name: str) -> bool:
    """Whether the row holds an unknown key that looks like ``name`` (``sumber_dat``).

    The schema reports such a key; calling the cell empty as well would report
    one slip twice.
    """
    unknown = [key for key in row.cells if key not in TABLE_FIELDS.get(row.table, ())]
    return bool(difflib.get_close_matches(name, unknown, n=1, cutoff=0.75))


def _is_empty(value: Any, markers: list[str]) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        text = value.strip()
        return not text or text in markers
    return False


class RequiredCells(CheckKind):
    """Named cells of a table must be filled in every row.

    An empty cell does not exist in the data, so the hit points where it would
    stand (the loader locates the row). ``empty_markers`` lists printed texts
    that stand for an empty cell (``"-"``). A row may be exempted when its
    capaian is N/A (``skip_when_na``) or reaches a value
    (``skip_if_capaian_at_least``: no solution is needed for a target met).
    """

    name = "required_cells"
    outcomes = ("empty",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"capaian"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["table", "fields"],
        "properties": {
            "table": TABLE_NAME,
            "fields": {"type": "array", "items": FIELD_NAME, "minItems": 1, "uniqueItems": True},
            "empty_markers": {"type": "array", "items": {"type": "string"}},
            "skip_when_na": {"type": "array", "items": FIELD_NAME},
            "skip_if_capaian_at_least": {"type": "number"},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        table = self.params["table"]
        problems = table_problems(table, self.params["fields"], "/fields")
        if not problems:
            problems += table_problems(table, self.params.get("skip_when_na", []), "/skip_when_na")
        if not problems and "skip_if_capaian_at_least" in self.params:
            problems += table_problems(table, ["capaian"], "/skip_if_capaian_at_least")
        return problems

    def _exempt(self, row: Row) -> bool:
        if any(row.cell(name).is_na for name in self.params.get("skip_when_na", [])):
            return True
        bound = self.params.get("skip_if_capaian_at_least")
        if bound is None:
            return False
        capaian = number(row.cell("capaian"))
        # A rule pack gives the bound as a TOML number; str() keeps it exact.
        return capaian is not None and capaian >= Decimal(str(bound))

    def run(self, view: ReportView) -> Iterator[Hit]:
        table = self.params["table"]
        markers = self.params.get("empty_markers", [])
        if not _tables_readable(view):
            return
        for row in view.rows(table):
            if self._exempt(row):
                continue
            for name in self.params["fields"]:
                cell = row.cell(name)
                if not _is_empty(cell.value, markers) or _misspelled(row, name):
                    continue
                capaian = row.cell("capaian").value
                yield Hit(
                    outcome="empty",
                    pointer=cell.pointer,
                    table=table,
                    values={
                        **row.values(),
                        "field": name,
                        "capaian": Percent(capaian)
                        if number(row.cell("capaian")) is not None
                        else capaian,
                    },
                    printed=cell.value,
                )


# -- signatories ------------------------------------------------------------------

SIGNATORY_FIELDS: dict[str, str] = {
    "nama": "name (nama)",
    "nip": "NIP (civil servant number)",
    "jabatan": "position (jabatan)",
    "jabatan_definitif": "substantive position (jabatan definitif)",
    "pangkat_golongan": "rank and grade (pangkat/golongan)",
    "tempat": "place of signing (tempat)",
    "tanggal": "date of signing (tanggal)",
}
FIELD_LABELS_ID: dict[str, str] = {
    "nama": "nama",
    "nip": "NIP",
    "jabatan": "jabatan",
    "jabatan_definitif": "jabatan definitif",
    "pangkat_golongan": "pangkat/golongan",
    "tempat": "tempat penandatanganan",
    "tanggal": "tanggal penandatanganan",
}


def nip_digits(value: str) -> str:
    """The NIP without the spaces and dots it is printed with."""
    return "".join(value.split()).replace(".", "")


def _normal(field: str, value: Any) -> str:
    text = str(value)
    if field == "nip":
        return nip_digits(text)
    # Spacing and letter case are layout ("Tabah" vs "TABAH"), not a different person;
    # every other character (Pt. vs Plt., S.IP vs S.Ip.) counts.
    return " ".join(text.split()).casefold()


class SignatoryConsistent(CheckKind):
    """The signature blocks of the report repeat the same signatory.

    Each field of ``params.fields`` printed in a block of ``params.bagian`` is
    compared with the same field of the first such block that prints it; a field
    printed in only one block is not compared (a transcription may leave it out).
    One hit per differing field per block, with both printed values.
    """

    name = "signatory_consistent"
    outcomes = ("differs",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bagian", "other_bagian", "field_en", "other_printed"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["fields"],
        "properties": {
            "fields": {
                "type": "array",
                "items": {"enum": list(SIGNATORY_FIELDS)},
                "minItems": 1,
                "uniqueItems": True,
            },
            "bagian": {
                "type": "array",
                "items": {"enum": BLOCK_NAMES},
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        wanted = self.params.get("bagian", ["kata_pengantar", "ikhtisar_eksekutif", "penutup"])
        blocks = [(i, b) for i, b in _signatories(view) if b.get("bagian") in wanted]
        for field in self.params["fields"]:
            first: tuple[dict[str, Any], Any] | None = None
            for index, block in blocks:
                value = block.get(field)
                if value is None or isinstance(value, dict | list):
                    continue
                if first is None:
                    first = (block, value)
                    continue
                other, other_value = first
                if _normal(field, value) == _normal(field, other_value):
                    continue
                yield Hit(
                    outcome="differs",
                    pointer=f"/penandatangan/{index}/{field}",
                    table=None,
                    values={
                        "field": FIELD_LABELS_ID[field],
                        "field_en": SIGNATORY_FIELDS[field],
                        "bagian": _block_label(block),
                        "other_bagian": _block_label(other),
                        "printed": str(value),
                        "other_printed": str(other_value),
                    },
                    printed=str(value),
                    expected=str(other_value),
                )


# -- NIP ---------------------------------------------------------------------------

# PNS appointees must be at least 18 when they apply (PP 11/2017 on PNS management,
# and PP 98/2000 before it; not verified against the primary text). The TMT in the
# NIP only has a month, so the bound is compared by month.
MINIMUM_AGE = 18
# A birth year before this is a typo, not a serving civil servant.
EARLIEST_BIRTH_YEAR = 1900


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


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
        for index, block in _signatories(view):
            nip = block.get("nip")
            if not isinstance(nip, str) or nip_digits(nip) in seen:
                continue
            seen.add(nip_digits(nip))
            reasons = nip_problems(nip)
            outcome = "invalid"
            if not reasons:
                reasons = nip_implausible(nip, _date(block.get("tanggal")))
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
                    "bagian": _block_label(block),
                    "reason_id": reason_id,
                    "reason_en": reason_en,
                },
                printed=nip,
            )


# -- signing deadline -----------------------------------------------------------------

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def _date_id(day: dt.date) -> str:
    return f"{day.day} {MONTHS_ID[day.month - 1]} {day.year}"


def _date_en(day: dt.date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def deadline(year: int, months: int) -> dt.date:
    """The last day of the ``months``-th month after budget year ``year``."""
    month_year, month = divmod(year * 12 + months - 1, 12)
    last = calendar.monthrange(month_year + 1, month + 1)[1]
    return dt.date(month_year + 1, month + 1, last)


class SigningDeadline(CheckKind):
    """The report is signed within the months allowed after the budget year.

    ``params.months`` maps the unit's ``laporan.unit.tingkat`` to the months
    allowed; a unit level not listed is not judged. One hit per report, at the
    first block of ``params.bagian`` signed after the deadline.
    """

    name = "signing_deadline"
    outcomes = ("late",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"bagian", "tanggal", "tanggal_en", "batas", "batas_en", "bulan", "tingkat"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["months"],
        "properties": {
            "months": {
                "type": "object",
                "minProperties": 1,
                "additionalProperties": {"type": "integer", "minimum": 1, "maximum": 24},
            },
            "bagian": {
                "type": "array",
                "items": {"enum": BLOCK_NAMES},
                "minItems": 1,
                "uniqueItems": True,
            },
        },
    }

    def run(self, view: ReportView) -> Iterator[Hit]:
        laporan = view.data.get("laporan")
        unit = laporan.get("unit") if isinstance(laporan, dict) else None
        tingkat = unit.get("tingkat") if isinstance(unit, dict) else None
        months = self.params["months"].get(tingkat) if isinstance(tingkat, str) else None
        year = _budget_year(view)
        if year is None or months is None:
            return
        limit = deadline(year, months)
        wanted = self.params.get("bagian", ["kata_pengantar", "ikhtisar_eksekutif", "penutup"])
        for index, block in _signatories(view):
            signed = _date(block.get("tanggal"))
            if block.get("bagian") not in wanted or signed is None or signed <= limit:
                continue
            yield Hit(
                outcome="late",
                pointer=join_pointer(f"/penandatangan/{index}", "tanggal"),
                table=None,
                values={
                    "bagian": _block_label(block),
                    "tanggal": _date_id(signed),
                    "tanggal_en": _date_en(signed),
                    "batas": _date_id(limit),
                    "batas_en": _date_en(limit),
                    "bulan": months,
                    "tingkat": tingkat,
                },
                printed=signed.isoformat(),
                expected=limit.isoformat(),
            )
            return
