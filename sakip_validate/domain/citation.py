"""Where a finding stands in the *printed* report, and how an auditor cites it.

The engine knows a finding by its JSON pointer into the report data
(``/tabel/perbandingan_tahun/baris/0/tahun/2020/capaian``). The auditee has
the printed report, so every auditor-facing output cites the place there:
``Tabel 3.3, baris 1 (Laju Peningkatan Nilai IKM Kecamatan), kolom Capaian
2020, hlm. 40-47``. :func:`place_of` derives that :class:`~sakip_validate.findings.Place`
from a pointer and the report data; :func:`cite` writes it in either language.

What a place holds, and where it comes from:

- ``table``: the table as printed ("Tabel 3.3" from its ``nomor``; its title
  when the report does not number it).
- ``row``: the printed row number: the row's ``no``; for the budget realisation
  table its ``kode`` (printed in its No column); else ``ke-N``, the row counted
  from the top (rows are written in printed order), cited "baris ke-N" /
  "N-th row". Other budget tables do not print their codes, so they are never
  cited by code.
- ``row_label``: what the row prints first: the indicator's printed name
  (``nama_tertulis``, else its declared name), the program or kegiatan name, the
  scale band as printed; "Jumlah" / "Rata-rata" for a table's total rows; for a
  passage of the text, its quoted words. Long labels are shortened.
- ``column``: the column heading (:mod:`.columns`), with the year for tables
  spread over years ("Capaian 2020", "Target 2021").
- ``section``: for what is not in a table: the chapter of a passage ("Bab 3.2",
  "Bab IV"), the part a signature block closes ("Kata Pengantar"), the cover,
  the report's layout (completeness).
- ``page``: the row's ``halaman``, else its table's, else the passage's or the
  signature block's; None when the data records none.

A place never holds a data key, a JSON pointer or a file line. Findings about
the data file itself (LOAD, SCHEMA) have no place: they are for whoever edits
the file, and keep their file position.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..findings import Finding, Lang, Place, Text
from ..loading.pointers import split_pointer
from .columns import column_heading
from .labels import Labels
from .tables import TABLE_NAMES, table_name

__all__ = ["SECTIONS", "cite", "place_of", "shorten"]

# Parts of the report that are not tables, as the report heads them. Indonesian
# names of printed parts stay in English too (the reader looks them up in the report).
SECTIONS = Labels(
    {
        "kata_pengantar": ("Kata Pengantar", "Kata Pengantar"),
        "ikhtisar_eksekutif": ("Ikhtisar Eksekutif", "Ikhtisar Eksekutif"),
        "lampiran": ("Lampiran", "Lampiran"),
        "penutup": ("Bab IV Penutup", "Bab IV Penutup"),
        "perjanjian_kinerja": ("Lampiran Perjanjian Kinerja", "Lampiran Perjanjian Kinerja"),
        "pernyataan_telah_direviu": ("Pernyataan Telah Direviu", "Pernyataan Telah Direviu"),
        "lainnya": ("Blok tanda tangan", "Signature block"),
        "chapter": ("Bab {bab}", "Bab {bab}"),
        "cover": ("Sampul", "Cover"),
        "layout": ("Susunan laporan", "Layout of the report"),
        "bab_3": ("Bab III", "Bab III"),
        "renstra": ("Bab II, Rencana Strategis", "Bab II, Rencana Strategis"),
        "indicator": ("Indikator kinerja", "Performance indicator"),
        "objective": ("Tujuan dan sasaran", "Goals and objectives"),
        "scale": ("Skala kategori capaian", "Kategori scale"),
        "whole": ("Seluruh laporan", "The whole report"),
    }
)

# Rows below a table that total or average its columns, as printed.
_TOTAL_ROWS = {"jumlah": "Jumlah", "rata_rata": "Rata-rata"}
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V"}
_BUDGET_ROWS = {"program_pk", "realisasi_anggaran"}
# Labels longer than this are cut at a word and end in "…".
LABEL_WIDTH = 60


def shorten(text: str, width: int = LABEL_WIDTH) -> str:
    """``text`` on one line, cut at a word boundary to at most ``width`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


# -- reading the data defensively: a finding's place must never fail ------------------


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str | None:
    """A printed text: a non-empty string (numbers as written), else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | Decimal):
        return str(value)
    return None


def _index(token: str | None) -> int | None:
    return int(token) if token is not None and token.isdigit() and len(token) < 10 else None


def _item(items: Any, token: str | None) -> tuple[int | None, dict[str, Any]]:
    index = _index(token)
    if index is None or not isinstance(items, list) or index >= len(items):
        return index, {}
    return index, _dict(items[index])


def _label(text: str | None) -> str | None:
    return shorten(text) if text else None


def _page(*holders: dict[str, Any]) -> str | None:
    """The first ``halaman`` of ``holders`` (a row before its table)."""
    for holder in holders:
        page = _text(holder.get("halaman"))
        if page is not None:
            return page
    return None


def _plain(data: Mapping[str, Any]) -> dict[str, Any]:
    """The data as a dict (it is one, from the loader; read only here, never copied)."""
    return data if type(data) is dict else dict(data)


def _token(tokens: list[str], index: int) -> str | None:
    return tokens[index] if index < len(tokens) else None


# -- places ----------------------------------------------------------------------------


def place_of(source: Any, pointer: str) -> Place | None:
    """Where the value at ``pointer`` stands in the printed report.

    ``source`` is a :class:`~sakip_validate.domain.view.ReportView` or the parsed
    report data. None for what the printed report does not hold (waivers, the
    schema version). Never raises, whatever the data holds.
    """
    raw = getattr(source, "data", source)
    data = raw if isinstance(raw, Mapping) else {}
    memo = getattr(source, "memo", None)
    try:
        # Nearly every pointer escapes nothing: then its tokens are its plain parts.
        plain = type(pointer) is str and pointer and "~" not in pointer
        tokens = pointer[1:].split("/") if plain else split_pointer(pointer)
    except Exception:  # a malformed pointer has no printed place
        return None
    if not tokens:
        return Place(section=SECTIONS.text("whole"))
    head, rest = tokens[0], tokens[1:]
    if head == "tabel":
        return _table_place(_plain(data), rest, memo if type(memo) is dict else None)
    if head == "narasi":
        return _passage_place(_plain(data), rest)
    if head == "penandatangan":
        return _signature_place(_plain(data), rest)
    if head == "kelengkapan":
        # the Bab III analyses and the national-standard statement belong in Bab III
        in_bab_3 = _token(rest, 0) in ("analisis_bab_3", "pernyataan_tanpa_standar_nasional")
        return Place(section=SECTIONS.text("bab_3" if in_bab_3 else "layout"))
    if head in ("indikator", "sasaran"):
        return _listed_place(_plain(data), head, rest)
    if head == "laporan":
        field = _token(rest, 0)
        column = column_heading("laporan", field) if field else None
        return Place(column=column, section=SECTIONS.text("cover"))
    if head == "renstra":
        return Place(section=SECTIONS.text("renstra"))
    if head == "skala":
        table = _dict(_dict(data.get("tabel")).get("skala_kategori"))
        if table:
            return Place(table=table_name(data, "skala_kategori"), page=_page(table))
        return Place(section=SECTIONS.text("scale"))
    return None


# A view's memo keeps what every place in one table shares (see _table_place).
_TABLE = "citation.table"


def _table_place(
    data: dict[str, Any], tokens: list[str], memo: dict[Any, Any] | None = None
) -> Place | None:
    key = _token(tokens, 0)
    if key is None:
        return Place(section=SECTIONS.text("whole"))
    if key not in TABLE_NAMES:
        return None
    # A report's findings cluster in a few tables: each is looked up once per view.
    shared = memo.get((_TABLE, key)) if memo is not None else None
    if shared is None:
        shared = (_dict(_dict(data.get("tabel")).get(key)), table_name(data, key))
        if memo is not None:
            memo[(_TABLE, key)] = shared
    table, label = shared
    part = _token(tokens, 1)
    if part in _TOTAL_ROWS:
        field = _token(tokens, 2)
        return Place(
            table=label,
            row_label=_TOTAL_ROWS[part],
            column=column_heading(key, field) if field else None,
            page=_page(table),
        )
    if part not in ("baris", "indikator", "program"):
        # the table as a whole, or its title, number or year (printed with the title)
        return Place(table=label, page=_page(table))
    index, row = _item(table.get(part), _token(tokens, 2))
    if index is None:
        return Place(table=label, page=_page(table))
    view_table = f"{key}.{part}" if key == "program_pendukung" else key
    return Place(
        table=label,
        row=_row_number(key, row, index),
        row_label=_label(_row_label(data, view_table, row)),
        column=_row_column(table, key, row, tokens[3:]),
        page=_page(row, table),
    )


def _row_number(key: str, row: dict[str, Any], index: int) -> str:
    if key == "realisasi_anggaran":
        kode = _text(row.get("kode"))
        if kode is not None:
            return kode
    number = None if key in _BUDGET_ROWS or key == "program_pendukung" else _text(row.get("no"))
    return number if number is not None else f"ke-{index + 1}"


def _row_label(data: dict[str, Any], view_table: str, row: dict[str, Any]) -> str | None:
    if view_table in ("program_pk", "realisasi_anggaran", "program_pendukung.program"):
        return _text(row.get("nama"))
    if view_table == "skala_kategori":
        return _text(row.get("tertulis")) or _text(row.get("kategori"))
    printed = _text(row.get("nama_tertulis"))
    if printed is not None:
        return printed
    declared = _indicator_name(data, row.get("indikator"))
    return declared if declared is not None else _text(row.get("sasaran_tertulis"))


def _indicator_name(data: dict[str, Any], indikator: Any) -> str | None:
    indicators = data.get("indikator")
    if not isinstance(indikator, str) or not isinstance(indicators, list):
        return None
    for item in indicators:
        if isinstance(item, dict) and item.get("id") == indikator:
            return _text(item.get("nama"))
    return None


def _row_column(
    table: dict[str, Any], key: str, row: dict[str, Any], tokens: list[str]
) -> Text | None:
    field = _token(tokens, 0)
    if field is None:
        return None
    if key == "iku" and field == "target":  # Tabel 2.1: one target column per year
        year = _token(tokens, 1)
        return column_heading(key, "target", year)
    if key == "perbandingan_tahun" and field == "tahun":  # one group of columns per year
        year = _token(tokens, 1)
        inner = _token(tokens, 2)
        if year is None:
            return None
        if inner is None:
            return Text(year, year)
        return column_heading(key, inner, year)
    if key == "target_akhir_renstra" and field == "target_akhir":
        year = _text(table.get("tahun_target_akhir"))
        heading = column_heading(key, field)
        if year is not None and heading is not None:
            return Text(f"Target Akhir {year}", f"Renstra end target {year}")
        return heading
    if field == "indikator_kinerja":
        inner = _token(tokens, 2)
        heading = column_heading(key, inner) if inner else None
        heading = heading or column_heading(key, field)
        indicators = row.get("indikator_kinerja")
        number = _index(_token(tokens, 1))
        if heading is None or number is None:
            return heading
        if not isinstance(indicators, list) or len(indicators) < 2:
            return heading
        return Text(
            f"{heading.id} (indikator ke-{number + 1})",
            f"{heading.en} (indicator {number + 1})",
        )
    return column_heading(key, field)


def _passage_place(data: dict[str, Any], tokens: list[str]) -> Place:
    kind = _token(tokens, 0)
    items = _dict(data.get("narasi")).get(kind or "")
    index, item = _item(items, _token(tokens, 1))
    if index is None or not item:
        return Place(section=SECTIONS.text("whole"))
    column = None
    if _token(tokens, 2) == "kelompok":
        _, group = _item(item.get("kelompok"), _token(tokens, 3))
        what = " ".join(
            part for part in (_text(item.get("satuan")), _text(group.get("kategori"))) if part
        )
        field = _token(tokens, 4) or "kategori"
        if what:
            template = column_heading("narasi", field) or column_heading("narasi", "kategori")
            if template is not None:
                column = Text(template.id.format(what=what), template.en.format(what=what))
    quote = item.get("kutipan")
    if isinstance(quote, list):
        quote = next((part for part in quote if isinstance(part, str)), None)
    return Place(
        row_label=_label(_text(quote)),
        column=column,
        section=_chapter(item.get("bab")),
        page=_page(item),
    )


def _chapter(bab: Any) -> Text:
    """ "Bab 3.2", "Bab III", or the part a non-numbered passage stands in."""
    if not isinstance(bab, str) or not bab:
        return SECTIONS.text("whole")
    if bab in SECTIONS and not bab[0].isdigit():
        return SECTIONS.text(bab)
    number = _ROMAN.get(bab, bab)
    return Text(
        SECTIONS.get("chapter", "id", bab=number), SECTIONS.get("chapter", "en", bab=number)
    )


def _signature_place(data: dict[str, Any], tokens: list[str]) -> Place:
    index, block = _item(data.get("penandatangan"), _token(tokens, 0))
    bagian = block.get("bagian")
    key = bagian if isinstance(bagian, str) and bagian in SECTIONS else "lainnya"
    field = _token(tokens, 1)
    return Place(
        column=column_heading("penandatangan", field) if field else None,
        section=SECTIONS.text(key) if index is not None else SECTIONS.text("lainnya"),
        page=_page(block),
    )


def _listed_place(data: dict[str, Any], head: str, tokens: list[str]) -> Place:
    _, item = _item(data.get(head), _token(tokens, 0))
    field = _token(tokens, 1)
    return Place(
        row_label=_label(_text(item.get("nama"))),
        column=column_heading(head, field) if field else None,
        section=SECTIONS.text("indicator" if head == "indikator" else "objective"),
    )


# -- citing ----------------------------------------------------------------------------

_WORDS = Labels(
    {
        "row": ("baris {row}", "row {row}"),
        "row_counted": ("baris ke-{n}", "{n} row"),
        "row_named": ("baris “{label}”", "row “{label}”"),
        "column": ("kolom {column}", "column {column}"),
        "page": ("hlm. {page}", "p. {page}"),
    }
)
_COUNTED = re.compile(r"ke-([0-9]+)")


def cite(place_or_finding: Place | Finding | None, lang: Lang) -> str:
    """The printed place in words: "Tabel 3.3, baris 1 (…), kolom Capaian 2020, hlm. 40-47".

    English: "Table 3.3, row 1 (…), column Capaian 2020, p. 40-47" (the table's
    number and the printed headings stay as printed). "" for a finding without a
    place: it is about the data file itself (LOAD, SCHEMA), and is cited by its
    file position (``finding.location.display()``) for whoever edits the file.
    """
    place = place_or_finding.place if isinstance(place_or_finding, Finding) else place_or_finding
    if place is None:
        return ""
    words = _WORDS.bind(lang)
    parts: list[str] = []
    label = place.row_label
    if place.table is not None:
        parts.append(_table_words(place.table.get(lang), lang))
        if place.row:
            counted = _COUNTED.fullmatch(place.row)
            row = (
                words("row_counted", n=_ordinal(counted.group(1), lang))
                if counted
                else words("row", row=place.row)
            )
            parts.append(f"{row} ({label})" if label else row)
        elif label:
            parts.append(words("row_named", label=label))
        if place.column is not None:
            parts.append(words("column", column=place.column.get(lang)))
    else:
        if place.section is not None:
            parts.append(_capitalised(place.section.get(lang)))
        if label:
            parts.append(f"“{label}”")
        if place.column is not None:
            parts.append(place.column.get(lang))
    if place.page:
        parts.append(words("page", page=place.page))
    return ", ".join(part for part in parts if part)


def _ordinal(number: str, lang: Lang) -> str:
    """ "2" as counted: "2" in Indonesian (after "ke-"), "2nd" in English."""
    if lang != "en":
        return number
    tail = int(number[-2:]) if number else 0
    suffix = "th" if 11 <= tail <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(tail % 10, "th")
    return number + suffix


def _table_words(name: str, lang: Lang) -> str:
    """The table's name to open a citation: "Tabel 3.3" ("Table 3.3" in English)."""
    if lang == "en" and name.startswith("Tabel "):
        return "Table " + name[len("Tabel ") :]
    return _capitalised(name)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
