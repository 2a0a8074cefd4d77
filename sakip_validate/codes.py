"""Built-in finding codes: reading a file, the schema step, rule packs, reports across years.

Rule packs (``rules/*.toml``) carry the consistency rules of one report; these
codes cover what happens before them (the file cannot be read, parsed, or does
not fit the data model, or a rule pack itself is broken), the policy's findings
about waivers, and the comparison of a unit's reports across years, which spans
documents where a rule pack sees one. Their ids are stable: CI baselines and
rule selection refer to them. Each family belongs to a built-in pack of its own
(``berkas``, ``skema``, ``paket``, ``kebijakan``, ``internal``, ``antartahun``,
``impor``),
documented here once.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Severity, Text, TextLocation


@dataclass(frozen=True, slots=True)
class Family:
    """A family of built-in codes: the pack it counts under and its shared documentation."""

    prefix: str
    pack: str
    title: Text
    rationale: Text
    fix: Text


LOAD = Family(
    "LOAD",
    "berkas",
    Text("Pembacaan berkas", "Reading the file"),
    Text(
        "Berkas harus dapat dibaca sebagai teks UTF-8 dan ditulis sebagai TOML atau JSON "
        "yang sah, atau berupa buku kerja Excel (.xlsx) menurut templat; berkas yang tidak "
        "terbaca tidak diperiksa lebih lanjut, dan sel yang tidak dapat dibaca dengan pasti "
        "ditanyakan, tidak ditebak.",
        "The file must be readable UTF-8 text in valid TOML or JSON, or an Excel workbook "
        "(.xlsx) in the template's layout; a file that cannot be read is not checked "
        "further, and a cell that cannot be read with certainty is asked about, not guessed.",
    ),
    Text(
        "Perbaiki berkas di tempat yang ditunjuk (nama, izin, pengodean, atau penulisan "
        "TOML/JSON), lalu periksa kembali.",
        "Fix the file at the place shown (name, permission, encoding or TOML/JSON "
        "syntax), then check it again.",
    ),
)
SCHEMA = Family(
    "SCHEMA",
    "skema",
    Text("Kesesuaian dengan model data", "Fit to the data model"),
    Text(
        "Data laporan harus sesuai dengan model data LKjIP (JSON Schema) sebelum paket "
        "aturan dijalankan; pada data yang tidak sesuai, aturan hanya akan menambah "
        "temuan turunan.",
        "The report data must fit the LKjIP data model (JSON Schema) before the rule "
        "packs run; on data that does not fit, rules would only add cascading findings.",
    ),
    Text(
        "Perbaiki nilai di tempat yang ditunjuk sesuai keterangan temuan "
        "(perintah sakip-validate schema menampilkan skemanya), lalu periksa kembali.",
        "Fix the value at the place shown as the finding describes "
        "(the command sakip-validate schema prints the schema), then check it again.",
    ),
)
PACK = Family(
    "PACK",
    "paket",
    Text("Paket aturan", "Rule packs"),
    Text(
        "Paket aturan diperiksa seluruhnya saat dimuat, agar kesalahan penulisan aturan "
        "tampak sebelum laporan diperiksa.",
        "Rule packs are checked completely when loaded, so a mistake in a rule shows "
        "before any report is checked.",
    ),
    Text(
        "Perbaiki paket aturan di tempat yang ditunjuk (lihat docs/writing-rules.md).",
        "Fix the rule pack at the place shown (see docs/writing-rules.md).",
    ),
)
POLICY = Family(
    "POLICY",
    "kebijakan",
    Text("Pengecualian dan konfigurasi", "Waivers and configuration"),
    Text(
        "Setiap pengecualian harus dapat dipertanggungjawabkan: beralasan, disetujui, "
        "berbatas waktu, dan benar-benar mengecualikan sesuatu. Pengecualian yang "
        "kedaluwarsa atau tidak terpakai harus ditinjau, agar tidak menutupi temuan baru.",
        "Every waiver must be accountable: with a reason, an approver and an expiry, and it "
        "must actually waive something. An expired or unused waiver has to be reviewed, so "
        "that it does not hide new findings.",
    ),
    Text(
        "Perbaiki temuan yang dikecualikan lalu hapus pengecualiannya, atau perpanjang "
        "dengan persetujuan baru; hapus pengecualian yang tidak lagi cocok dengan temuan "
        "mana pun.",
        "Fix the waived finding and remove the waiver, or renew it with a new approval; "
        "remove a waiver that no longer matches any finding.",
    ),
)
INTERNAL = Family(
    "INTERNAL",
    "internal",
    Text("Kesalahan internal", "Internal error"),
    Text(
        "Sebuah langkah pemeriksaan gagal secara tak terduga pada berkas ini. Berkas lain dan "
        "langkah lain tetap diperiksa; hasil berkas ini mungkin belum lengkap.",
        "A step of the check failed unexpectedly on this file. Other files and other steps "
        "are still checked; this file's result may be incomplete.",
    ),
    Text(
        "Laporkan kepada pengembang sakip-validate dengan berkas yang memicunya (jalankan "
        "ulang dengan --debug untuk melihat rinciannya).",
        "Report it to the sakip-validate developers with the file that triggers it (run "
        "again with --debug to see the details).",
    ),
)
# Legal basis of the YEAR codes (also on each finding).
YEAR_LEGAL_BASIS = (
    "PermenPAN-RB 53/2014, Lampiran II, Contoh Format Laporan Kinerja Instansi Pemerintah, "
    "Bab III huruf A angka 2 (membandingkan antara realisasi kinerja serta capaian kinerja "
    "tahun ini dengan tahun lalu dan beberapa tahun terakhir) dan angka 3 (membandingkan "
    "realisasi kinerja sampai dengan tahun ini dengan target jangka menengah dalam dokumen "
    "perencanaan strategis organisasi)"
)
YEAR = Family(
    "YEAR",
    "antartahun",
    Text("Konsistensi antartahun", "Consistency across years"),
    Text(
        "Laporan kinerja membandingkan realisasi dan capaian tahun ini dengan tahun-tahun "
        "sebelumnya dan dengan target Renstra (PermenPAN-RB 53/2014, Lampiran II, Contoh "
        "Format Laporan Kinerja, Bab III huruf A angka 2 dan 3). Angka tahun lalu yang dikutip "
        "harus sama dengan yang dicetak laporan "
        "tahun lalu, target Renstra suatu tahun harus sama di semua laporan satu periode Renstra, "
        "dan indikator tidak boleh hilang tanpa penjelasan. Hanya diperiksa bila laporan tahun "
        "sebelumnya diberikan (--previous).",
        "A performance report compares this year's realisasi and capaian with earlier years and "
        "with the Renstra targets (PermenPAN-RB 53/2014, Lampiran II, Contoh Format "
        "Laporan Kinerja, Bab III huruf A angka 2 and 3). Last year's figures quoted must "
        "equal what last year's report printed, a "
        "year's Renstra target must be the same in every report of the Renstra period, and an "
        "indicator must not disappear without an explanation. Checked only when earlier reports "
        "are given (--previous).",
    ),
    Text(
        "Samakan angka dengan laporan yang disebut temuan. Bila laporan itu yang keliru, Renstra "
        "telah direviu, atau indikator sengaja dihapus, jelaskan perubahannya dalam laporan dan "
        "catat pengecualian untuk aturan ini beserta alasan dan persetujuannya (pengecualian).",
        "Make the figure agree with the report the finding names. When that report is the one "
        "in error, the Renstra was revised or the indicator was dropped on purpose, explain the "
        "change in the report and record a waiver for this rule with its reason and approval "
        "(pengecualian).",
    ),
)
IMPORT = Family(
    "IMPORT",
    "impor",
    Text("Impor laporan tercetak", "Importing the printed report"),
    Text(
        "Laporan yang diterbitkan (teks, Word, PDF) dibaca menjadi draf data: tabel dikenali dari "
        "judul dan kepalanya, kolom dipetakan ke model data, angka dibaca persis, dan baris antar "
        "tabel diikat ke indikator atau program yang sama. Pengimpor tidak pernah menebak "
        "diam-diam: "
        "yang tidak dapat dibaca atau diikat dengan yakin menjadi temuan di tempatnya dalam "
        "dokumen, "
        "dan draf menandainya dengan komentar # PERIKSA.",
        "The published report (text, Word, PDF) is read into draft data: tables are recognised by "
        "their titles and headers, columns mapped to the data model, numbers read exactly, and "
        "rows "
        "of different tables tied to the same indicator or program. The importer never guesses "
        "silently: what it cannot read or tie with confidence becomes a finding at its place in "
        "the "
        "document, and the draft marks it with a # PERIKSA comment.",
    ),
    Text(
        "Bandingkan nilai di draf dengan laporan tercetak di tempat yang disebut (halaman, tabel, "
        "baris, kolom), perbaiki draf bila perlu, hapus komentar # PERIKSA, lalu periksa draf itu.",
        "Compare the draft's value with the printed report at the place named (page, table, row, "
        "column), correct the draft where needed, remove the # PERIKSA comment, then check the "
        "draft.",
    ),
)
FAMILIES: tuple[Family, ...] = (LOAD, SCHEMA, PACK, POLICY, INTERNAL, YEAR, IMPORT)


@dataclass(frozen=True, slots=True)
class Code:
    """A built-in finding code and its documentation."""

    id: str
    severity: Severity
    title: Text
    family: Family

    @property
    def pack(self) -> str:
        return self.family.pack

    def finding(
        self,
        message: Text,
        location: TextLocation,
        hint: Text | None = None,
        printed: str | None = None,
    ) -> Finding:
        """A finding of this code: its id, severity, pack and title filled in."""
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=message,
            location=location,
            hint=hint,
            pack=self.pack,
            title=self.title,
            printed=printed,
        )


def _code(family: Family, number: int, title_id: str, title_en: str) -> Code:
    return Code(f"{family.prefix}{number:03d}", Severity.ERROR, Text(title_id, title_en), family)


LOAD_UNREADABLE = _code(LOAD, 1, "Berkas tidak dapat dibaca", "File cannot be read")
LOAD_ENCODING = _code(LOAD, 2, "Berkas bukan teks UTF-8", "File is not UTF-8 text")
LOAD_SYNTAX = _code(LOAD, 3, "Penulisan TOML/JSON tidak sah", "Invalid TOML/JSON syntax")
LOAD_DUPLICATE_KEY = _code(LOAD, 4, "Kunci ganda dalam JSON", "Duplicate key in JSON")
LOAD_NON_FINITE = _code(LOAD, 5, "Angka tak hingga atau NaN", "Infinite or not-a-number value")
LOAD_NUMBER_RANGE = _code(LOAD, 6, "Angka di luar batas", "Number out of range")
LOAD_LIMIT = _code(LOAD, 7, "Berkas melampaui batas", "File exceeds a limit")
LOAD_PRINTED_NUMBER = _code(
    LOAD,
    8,
    "Angka ditulis dengan koma desimal, titik ribuan, Rp atau %",
    "Number written with a decimal comma, thousands dots, Rp or %",
)
LOAD_AMBIGUOUS_CELL = _code(
    LOAD, 9, "Angka di sel bermakna ganda", "Number in a cell reads two ways"
)
LOAD_FORMULA_CELL = _code(
    LOAD,
    10,
    "Sel rumus tanpa nilai tersimpan atau bernilai galat",
    "Formula cell with no stored value, or an error value",
)
LOAD_LAYOUT = _code(
    LOAD,
    11,
    "Isian buku kerja di luar susunan templat",
    "Workbook value outside the template's layout",
)

SCHEMA_TYPE = _code(SCHEMA, 1, "Jenis nilai salah", "Wrong kind of value")
SCHEMA_REQUIRED = _code(SCHEMA, 2, "Isian wajib tidak ada", "Required field missing")
SCHEMA_UNKNOWN_KEY = _code(SCHEMA, 3, "Kunci tidak dikenal", "Unknown key")
SCHEMA_CHOICE = _code(SCHEMA, 4, "Nilai di luar pilihan yang sah", "Value not among the choices")
SCHEMA_FORMAT = _code(SCHEMA, 5, "Bentuk penulisan salah", "Wrong format")
SCHEMA_RANGE = _code(SCHEMA, 6, "Nilai di luar batas", "Value out of range")
SCHEMA_SIZE = _code(SCHEMA, 7, "Jumlah isian tidak sesuai", "Wrong number of items")
SCHEMA_VERSION = _code(SCHEMA, 8, "Versi skema tidak didukung", "Unsupported schema version")
SCHEMA_OTHER = _code(SCHEMA, 9, "Tidak sesuai skema", "Does not match the schema")
SCHEMA_REFERENCE = _code(
    SCHEMA, 10, "Rujukan ke id yang tidak ada", "Reference to an undeclared id"
)
SCHEMA_DUPLICATE_ID = _code(SCHEMA, 11, "Id dinyatakan dua kali", "Id declared twice")
SCHEMA_CYCLE = _code(SCHEMA, 12, "Induk melingkar", "Parents form a cycle")

PACK_INVALID = _code(PACK, 1, "Paket aturan tidak sah", "Invalid rule pack")

POLICY_EXPIRED = _code(POLICY, 1, "Pengecualian kedaluwarsa", "Waiver expired")
POLICY_UNUSED = Code(
    "POLICY002",
    Severity.WARNING,
    Text("Pengecualian tidak terpakai", "Waiver matches nothing"),
    POLICY,
)

INTERNAL_ERROR = _code(INTERNAL, 1, "Kesalahan internal", "Internal error")

YEAR_EARLIER_FIGURE = _code(
    YEAR,
    1,
    "Angka tahun lalu berbeda dengan laporan tahun lalu",
    "Last year's figure differs from last year's report",
)
YEAR_RENSTRA_TARGET = _code(
    YEAR,
    2,
    "Target Renstra berbeda antarlaporan",
    "Renstra target differs between reports",
)
YEAR_END_TARGET = _code(
    YEAR,
    3,
    "Target akhir Renstra berbeda antarlaporan",
    "Renstra end target differs between reports",
)
YEAR_INDICATOR_DROPPED = Code(
    "YEAR004",
    Severity.WARNING,
    Text("Indikator tahun lalu hilang tanpa catatan", "Last year's indicator dropped silently"),
    YEAR,
)

IMPORT_TABLE_UNKNOWN = Code(
    "IMPORT001",
    Severity.WARNING,
    Text("Tabel tidak dikenali", "Table not recognised"),
    IMPORT,
)
IMPORT_BY_HEADERS = Code(
    "IMPORT002",
    Severity.WARNING,
    Text("Tabel dikenali dari kepalanya saja", "Table recognised by its headers only"),
    IMPORT,
)
IMPORT_COLUMN = Code(
    "IMPORT003",
    Severity.WARNING,
    Text("Kolom tidak dipetakan", "Column not mapped"),
    IMPORT,
)
IMPORT_NUMBER = _code(IMPORT, 4, "Angka tidak terbaca", "Number cannot be read")
IMPORT_TIE = Code(
    "IMPORT005",
    Severity.WARNING,
    Text("Pengikatan baris tidak pasti", "Uncertain row tie"),
    IMPORT,
)
IMPORT_REPAIR = Code(
    "IMPORT006",
    Severity.WARNING,
    Text("Baris tabel diperbaiki saat dibaca", "Table row repaired when read"),
    IMPORT,
)
IMPORT_ASSUMED = Code(
    "IMPORT007",
    Severity.INFO,
    Text("Nilai tidak tercetak, diisi pengimpor", "Value not printed, filled by the importer"),
    IMPORT,
)
IMPORT_DUPLICATE = Code(
    "IMPORT008",
    Severity.WARNING,
    Text("Jenis tabel tercetak dua kali", "Table kind printed twice"),
    IMPORT,
)
IMPORT_UNREADABLE = _code(IMPORT, 9, "Dokumen tidak dapat dibaca", "Document cannot be read")
IMPORT_NO_TEXT = _code(
    IMPORT,
    10,
    "Dokumen tanpa lapisan teks (perlu OCR)",
    "Document without a text layer (OCR needed)",
)

ALL_CODES: tuple[Code, ...] = (
    LOAD_UNREADABLE,
    LOAD_ENCODING,
    LOAD_SYNTAX,
    LOAD_DUPLICATE_KEY,
    LOAD_NON_FINITE,
    LOAD_NUMBER_RANGE,
    LOAD_LIMIT,
    LOAD_PRINTED_NUMBER,
    LOAD_AMBIGUOUS_CELL,
    LOAD_FORMULA_CELL,
    LOAD_LAYOUT,
    SCHEMA_TYPE,
    SCHEMA_REQUIRED,
    SCHEMA_UNKNOWN_KEY,
    SCHEMA_CHOICE,
    SCHEMA_FORMAT,
    SCHEMA_RANGE,
    SCHEMA_SIZE,
    SCHEMA_VERSION,
    SCHEMA_OTHER,
    SCHEMA_REFERENCE,
    SCHEMA_DUPLICATE_ID,
    SCHEMA_CYCLE,
    PACK_INVALID,
    POLICY_EXPIRED,
    POLICY_UNUSED,
    INTERNAL_ERROR,
    YEAR_EARLIER_FIGURE,
    YEAR_RENSTRA_TARGET,
    YEAR_END_TARGET,
    YEAR_INDICATOR_DROPPED,
    IMPORT_TABLE_UNKNOWN,
    IMPORT_BY_HEADERS,
    IMPORT_COLUMN,
    IMPORT_NUMBER,
    IMPORT_TIE,
    IMPORT_REPAIR,
    IMPORT_ASSUMED,
    IMPORT_DUPLICATE,
    IMPORT_UNREADABLE,
    IMPORT_NO_TEXT,
)
