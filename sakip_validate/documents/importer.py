"""From a read document to draft report data: tables recognised, mapped, tied; text facts.

The steps, each recording where every value came from (:class:`Source`) and
raising an ``IMPORT`` finding wherever it is not sure:

1. printed pages from the Daftar Isi (:mod:`.pages`);
2. each table made regular and recognised by its title, else by its headers
   (:mod:`.grid`, :mod:`.kinds`);
3. the indicators, from the first table that names all of them; the rows of
   every other table tied to them by name (tolerantly, :mod:`..domain.names`),
   else by position (a finding);
4. budget rows tied to the kode of Tabel realisasi anggaran by name;
5. the report's identity, signatures, sections and narrative facts (:mod:`.narrative`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..codes import (
    IMPORT_ASSUMED,
    IMPORT_BY_HEADERS,
    IMPORT_COLUMN,
    IMPORT_DUPLICATE,
    IMPORT_NUMBER,
    IMPORT_REPAIR,
    IMPORT_TABLE_UNKNOWN,
    IMPORT_TIE,
)
from ..domain.names import NameMatch, compare_names
from ..findings import Text
from .cells import read_number, split_numbers
from .grid import Grid, GridRow, Repair, grid_of, normal_label, row_number
from .kinds import KindSpec, kind_by_headers, kind_by_title, map_columns
from .model import Document, Table
from .narrative import read_narrative
from .pages import assign_pages, table_of_contents
from .sources import Imported, Source

__all__ = ["build_draft"]

# The tables that name every indicator, in the order the first complete one is taken.
_NAMING = (
    "perjanjian_kinerja",
    "tujuan_sasaran",
    "capaian",
    "analisis_penyebab",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "iku",
)
_INDICATOR_TABLES = (
    "iku",
    "tujuan_sasaran",
    "perjanjian_kinerja",
    "capaian",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "analisis_penyebab",
    "efisiensi",
)
_DATA_ORDER = (
    "iku",
    "tujuan_sasaran",
    "perjanjian_kinerja",
    "program_pk",
    "skala_kategori",
    "capaian",
    "perbandingan_tahun",
    "target_akhir_renstra",
    "analisis_penyebab",
    "efisiensi",
    "program_pendukung",
    "realisasi_anggaran",
)
_NUMERIC = {
    "target",
    "realisasi",
    "capaian",
    "target_akhir",
    "tingkat_kemajuan",
    "anggaran",
    "realisasi_anggaran",
    "capaian_anggaran",
    "tingkat_efisiensi",
    "persen",
    "program_target",
    "program_capaian",
}


@dataclass(slots=True)
class Record:
    """One data row of a recognised table: field -> (cell text, column label)."""

    cells: dict[str, tuple[str, str]]
    row: GridRow
    index: int

    def text(self, name: str) -> str:
        return self.cells.get(name, ("", ""))[0].strip()


@dataclass(slots=True)
class Recognised:
    spec: KindSpec
    grid: Grid
    records: list[Record]
    years: dict[str, str] = field(default_factory=dict)  # field -> year from its header


@dataclass(slots=True)
class Indicator:
    id: str
    nama: str
    sasaran: str | None
    satuan: str | None


class _Draft:
    def __init__(self, document: Document, year: int | None) -> None:
        self.document = document
        self.out = Imported(document.label, {"versi_skema": "1.0"})
        self.year = year
        self.tables: dict[str, Recognised] = {}
        self.indicators: list[Indicator] = []
        self.sasaran_ids: dict[str, str] = {}
        self.kode_by_name: dict[str, list[tuple[str, str]]] = {}

    # --- sources and findings -------------------------------------------------
    def source(self, rec: Recognised, record: Record | None, column: str | None) -> Source:
        grid = rec.grid
        row_label = None
        pages = grid.table.pages
        if record is not None:
            row_label = record.text("no") or str(record.index + 1)
            pages = record.row.pages or pages
        return Source(grid.printed_name, row_label, column or None, str(pages) if pages else None)

    def number(
        self, rec: Recognised, record: Record, name: str, pointer: str, *, money: bool = False
    ) -> Decimal | int | str | None:
        text, column = record.cells.get(name, ("", ""))
        if not text.strip():
            return None
        reading = read_number(text, money=money)
        if reading.problem is not None:
            self.out.flag(
                IMPORT_NUMBER,
                pointer,
                self.source(rec, record, column),
                Text(
                    f"Isi sel \u201c{text}\u201d tidak terbaca sebagai satu angka "
                    f"({reading.problem});"
                    " nilainya tidak diimpor.",
                    f"The cell \u201c{text}\u201d does not read as one number; it is not imported.",
                ),
                printed=text,
            )
            return None
        self.out.sources[pointer] = self.source(rec, record, column)
        return reading.value

    def put_text(
        self,
        row: dict[str, Any],
        key: str,
        rec: Recognised,
        record: Record,
        name: str,
        pointer: str,
    ) -> None:
        text, column = record.cells.get(name, ("", ""))
        if text.strip():
            row[key] = text.strip()
            self.out.sources[f"{pointer}/{key}"] = self.source(rec, record, column)

    # --- recognising ----------------------------------------------------------
    def recognise(self) -> None:
        _, toc = table_of_contents(self.document)
        for position, block in enumerate(self.document.blocks):
            if not isinstance(block, Table) or block is toc:
                continue
            grid = grid_of(self.document.blocks, position)
            labels = [normal_label(label) for label in grid.labels]
            spec = kind_by_title(grid.title) if grid.title else None
            place = Source(
                grid.printed_name, None, None, str(grid.table.pages) if grid.table.pages else None
            )
            if spec is not None:
                fields = {f.split(".")[0] for f, _ in map_columns(spec, labels).values()}
                if not spec.needs <= fields:
                    spec = None
            if spec is None:
                spec = kind_by_headers(labels) if any(labels) else None
                if spec is None:
                    self._unknown(grid, place)
                    continue
                self.out.flag(
                    IMPORT_BY_HEADERS,
                    f"/tabel/{spec.key}",
                    place,
                    Text(
                        f"{grid.printed_name} dikenali dari kepala kolomnya saja sebagai tabel "
                        f"{spec.key}; judulnya tidak menyebut jenis tabel itu.",
                        f"{grid.printed_name} is recognised by its column headers only, as the "
                        f"{spec.key} table; its title does not name that kind of table.",
                    ),
                )
            if spec.key in self.tables:
                self.out.flag(
                    IMPORT_DUPLICATE,
                    f"/tabel/{spec.key}",
                    place,
                    Text(
                        f"{grid.printed_name} tampak sejenis dengan "
                        f"{self.tables[spec.key].grid.printed_name}; hanya yang pertama diimpor.",
                        f"{grid.printed_name} looks like the same kind of table as "
                        f"{self.tables[spec.key].grid.printed_name}; only the first is imported.",
                    ),
                )
                continue
            self.tables[spec.key] = self._records(spec, grid, labels)

    def _unknown(self, grid: Grid, place: Source) -> None:
        has_numbers = any(
            read_number(c).value is not None and read_number(c).problem is None
            for r in grid.rows
            for c in r.cells
            if c.strip() and not row_number(c)
        )
        if not has_numbers:
            return  # a table of words (organisation, issues): nothing the rules read
        self.out.flag(
            IMPORT_TABLE_UNKNOWN,
            "/tabel",
            place,
            Text(
                f"{grid.printed_name} ({grid.title or 'tanpa judul'}) tidak dikenali sebagai tabel "
                "LKjIP mana pun; isinya tidak diimpor.",
                f"{grid.printed_name} ({grid.title or 'no title'}) is not recognised as any LKjIP "
                "table; its content is not imported.",
            ),
        )

    def _records(self, spec: KindSpec, grid: Grid, labels: list[str]) -> Recognised:
        columns = map_columns(spec, labels)
        rec = Recognised(spec, grid, [])
        for name, year in columns.values():
            if year:
                rec.years[name] = year
        for column, label in enumerate(labels):
            if column in columns or not label:
                continue
            if any(column < len(r.cells) and r.cells[column].strip() for r in grid.rows):
                self.out.flag(
                    IMPORT_COLUMN,
                    f"/tabel/{spec.key}",
                    Source(
                        grid.printed_name,
                        None,
                        grid.labels[column],
                        str(grid.table.pages) if grid.table.pages else None,
                    ),
                    Text(
                        f"Kolom \u201c{grid.labels[column]}\u201d tidak sesuai isian mana pun di "
                        "model data; isinya tidak diimpor.",
                        f"Column \u201c{grid.labels[column]}\u201d matches no field of the data "
                        "model; its content is not imported.",
                    ),
                )
        numeric = {
            c
            for c, (name, _) in columns.items()
            if name.split(".")[0] in _NUMERIC | {"tahun"} or name.startswith("target.")
        }
        names = {
            c
            for c, (name, _) in columns.items()
            if name in {"nama", "sasaran", "program", "program_indikator", "tujuan"}
        }
        for index, row in enumerate(grid.rows):
            if _slid_left(row.cells, numeric, names):
                row.cells = ["", *row.cells[:-1]]
                grid.repairs.append(Repair("shifted", index))
            cells = {
                name: (row.cells[c] if c < len(row.cells) else "", grid.labels[c])
                for c, (name, _) in columns.items()
            }
            rec.records.append(Record(cells, row, index))
        for repair in grid.repairs:
            if repair.kind == "header_repeated" or repair.row >= len(rec.records):
                continue
            record = rec.records[repair.row]
            row_pointer = f"/tabel/{spec.key}"
            if spec.key != "program_pendukung":
                row_pointer += f"/baris/{repair.row}"
            what = {
                "joined": (
                    "Baris ini terpotong oleh pergantian halaman; kedua bagiannya disambung.",
                    "This row is cut by a page break; its two parts are joined.",
                ),
                "shifted": (
                    "Sel baris ini bergeser satu kolom ke kiri; dibaca sebagai tergeser.",
                    "This row's cells slid one column left; read as shifted back.",
                ),
            }[repair.kind]
            self.out.flag(
                IMPORT_REPAIR,
                row_pointer,
                self.source(rec, record, None),
                Text(*what),
            )
        return rec

    # --- indicators -----------------------------------------------------------
    def build_indicators(self) -> None:
        base = None
        for key in _NAMING:
            rec = self.tables.get(key)
            if rec and rec.records and all(r.text("nama") for r in rec.records):
                base = rec
                break
        if base is None:
            return
        sasaran: list[dict[str, Any]] = []
        current: str | None = None
        tujuan_id: str | None = None
        levels = self.tables.get("tujuan_sasaran")
        if levels is None or len(levels.records) != len(base.records):
            levels = base
        for record, named in zip(levels.records, base.records, strict=True):
            for level in ("tujuan", "sasaran"):
                text = record.text(level)
                if not text or row_number(text):
                    continue
                key = " ".join(text.lower().split())
                if key not in self.sasaran_ids:
                    tingkat = "tujuan" if level == "tujuan" else "sasaran"
                    prefix = "T" if tingkat == "tujuan" else "S"
                    sid = f"{prefix}{sum(1 for s in sasaran if s['tingkat'] == tingkat) + 1}"
                    entry: dict[str, Any] = {"id": sid, "tingkat": tingkat, "nama": text}
                    if tingkat == "sasaran" and tujuan_id:
                        entry["induk"] = tujuan_id
                    sasaran.append(entry)
                    self.sasaran_ids[key] = sid
                if level == "tujuan":
                    tujuan_id = self.sasaran_ids[key]
                current = self.sasaran_ids[key]
            number = len(self.indicators) + 1
            self.indicators.append(
                Indicator(f"IND{number}", named.text("nama"), current, named.text("satuan") or None)
            )
        if sasaran:
            self.out.data["sasaran"] = sasaran
        entries = []
        for n, indicator in enumerate(self.indicators):
            entry = {"id": indicator.id, "nama": indicator.nama, "satuan": indicator.satuan or "-"}
            entry["polaritas"] = "positif"
            if indicator.sasaran:
                entry["sasaran"] = indicator.sasaran
            entry["iku"] = True
            entries.append(entry)
            pointer = f"/indikator/{n}/polaritas"
            self.out.flag(
                IMPORT_ASSUMED,
                pointer,
                self.source(base, base.records[n], None),
                Text(
                    "Polaritas indikator tidak tercetak; diisi \u201cpositif\u201d (makin tinggi "
                    "makin baik). Ubah menjadi \u201cnegatif\u201d bila makin rendah makin baik.",
                    "The indicator's polarity is not printed; filled as \u201cpositif\u201d "
                    "(higher is better). Change it to \u201cnegatif\u201d if lower is better.",
                ),
            )
        self.out.data["indikator"] = entries

    def tie(self, rec: Recognised, pointer_of: Any) -> list[str | None]:
        ids: list[str | None] = []
        same_count = len(rec.records) == len(self.indicators)
        for record in rec.records:
            name = record.text("nama")
            found = None
            if name:
                matches = [(compare_names(name, i.nama), i) for i in self.indicators]
                same = [i for m, i in matches if m is NameMatch.SAME]
                close = [i for m, i in matches if m is NameMatch.CLOSE]
                if len(same) == 1:
                    found = same[0].id
                elif not same and len(close) == 1:
                    found = close[0].id
            if found is None and record.index < len(self.indicators) and same_count:
                found = self.indicators[record.index].id
                shown = f"\u201c{name}\u201d" if name else "tanpa nama indikator"
                shown_en = f"\u201c{name}\u201d" if name else "without an indicator name"
                self.out.flag(
                    IMPORT_TIE,
                    pointer_of(record.index) + "/indikator",
                    self.source(rec, record, None),
                    Text(
                        f"Baris {shown} tidak dapat diikat ke indikator menurut namanya; diikat "
                        f"menurut urutannya ke \u201c{self.indicators[record.index].nama}\u201d.",
                        f"The row {shown_en} cannot be tied to an indicator by its name; tied by "
                        f"its position to \u201c{self.indicators[record.index].nama}\u201d.",
                    ),
                )
            elif found is None:
                self.out.flag(
                    IMPORT_TIE,
                    pointer_of(record.index) + "/indikator",
                    self.source(rec, record, None),
                    Text(
                        f"Baris \u201c{name}\u201d tidak dapat diikat ke indikator mana pun.",
                        f"The row \u201c{name}\u201d cannot be tied to any indicator.",
                    ),
                )
            ids.append(found)
        return ids

    # --- tables ---------------------------------------------------------------
    def table_head(self, rec: Recognised) -> dict[str, Any]:
        head: dict[str, Any] = {}
        if rec.grid.number:
            head["nomor"] = rec.grid.number
        if rec.grid.title:
            head["judul"] = rec.grid.title
        if rec.grid.table.pages:
            head["halaman"] = rec.grid.table.pages.halaman
        return head

    def build_tables(self) -> None:
        tabel: dict[str, Any] = {}
        self.out.data["tabel"] = tabel
        budget = self.tables.get("realisasi_anggaran")
        if budget:
            tabel["realisasi_anggaran"] = self.budget_table(budget)
        for key in _DATA_ORDER:
            rec = self.tables.get(key)
            if rec is None or key == "realisasi_anggaran":
                continue
            head = self.table_head(rec)
            if key in _INDICATOR_TABLES:
                head.update(self.indicator_table(rec))
            elif key == "program_pk":
                head.update(self.program_pk(rec))
            elif key == "skala_kategori":
                head.update(self.scale(rec))
            elif key == "program_pendukung":
                head.update(self.supporting(rec))
            tabel[key] = head
        ordered = {k: tabel[k] for k in _DATA_ORDER if k in tabel}
        self.out.data["tabel"] = ordered

    def _year_of(self, rec: Recognised) -> int | None:
        for name, year in rec.years.items():
            if name in {"target", "realisasi"}:
                return int(year)
        return self.year

    def indicator_table(self, rec: Recognised) -> dict[str, Any]:
        key = rec.spec.key
        head: dict[str, Any] = {}
        if rec.spec.yearly and self._year_of(rec) is not None:
            head["tahun"] = self._year_of(rec)
        if key == "target_akhir_renstra":
            for name, year in rec.years.items():
                if name == "target_akhir":
                    head["tahun_target_akhir"] = int(year)
        rows: list[dict[str, Any]] = []

        def pointer_of(i: int) -> str:
            return f"/tabel/{key}/baris/{i}"

        ids = self.tie(rec, pointer_of)
        for record, indicator in zip(rec.records, ids, strict=True):
            pointer = pointer_of(record.index)
            row: dict[str, Any] = {}
            no = record.text("no")
            sasaran_cell = record.text("sasaran")
            if not no and sasaran_cell and row_number(sasaran_cell):
                no = sasaran_cell
                self.out.flag(
                    IMPORT_REPAIR,
                    pointer + "/no",
                    self.source(rec, record, record.cells["sasaran"][1]),
                    Text(
                        f"Nomor baris \u201c{no}\u201d tercetak di kolom sasaran; dibaca sebagai "
                        "nomor baris.",
                        f"The row number \u201c{no}\u201d is printed in the sasaran column; read "
                        "as the row number.",
                    ),
                )
            if no:
                row["no"] = no.rstrip(".")
            if indicator:
                row["indikator"] = indicator
            for level in ("tujuan", "sasaran"):
                text = record.text(level)
                if text and not row_number(text) and "sasaran_tertulis" not in row:
                    self.put_text(row, "sasaran_tertulis", rec, record, level, pointer)
            if record.text("nama"):
                self.put_text(row, "nama_tertulis", rec, record, "nama", pointer)
            if record.text("satuan"):
                self.put_text(row, "satuan_tertulis", rec, record, "satuan", pointer)
            yearly: dict[str, Any] = {}
            for name in record.cells:
                parts = name.split(".")
                if parts[0] == "target" and len(parts) == 2 and key == "iku":
                    value = self.number(rec, record, name, f"{pointer}/target/{parts[1]}")
                    if value is not None:
                        yearly.setdefault("target", {})[parts[1]] = value
                elif parts[0] == "tahun" and len(parts) == 3:
                    value = self.number(rec, record, name, f"{pointer}/tahun/{parts[1]}/{parts[2]}")
                    if value is not None:
                        yearly.setdefault("tahun", {}).setdefault(parts[1], {})[parts[2]] = value
                elif name in _NUMERIC:
                    value = self.number(
                        rec, record, name, f"{pointer}/{name}", money=name in rec.spec.money
                    )
                    if value is not None:
                        row[name] = value
            row.update(yearly)
            for name in ("kategori", "sumber_data", "analisis", "solusi"):
                if record.text(name):
                    self.put_text(row, name, rec, record, name, pointer)
            rows.append(row)
        head["baris"] = rows
        return head

    def budget_table(self, rec: Recognised) -> dict[str, Any]:
        head = self.table_head(rec)
        if self._year_of(rec) is not None:
            head["tahun"] = self._year_of(rec)
        rows: list[dict[str, Any]] = []
        for record in rec.records:
            name = record.text("program")
            no = record.text("no")
            if normal_label(no) in {"jumlah", "total"} or (
                not no and normal_label(name) in {"jumlah", "total"}
            ):
                total: dict[str, Any] = {}
                for field_name in ("anggaran", "realisasi", "persen"):
                    value = self.number(
                        rec,
                        record,
                        field_name,
                        f"/tabel/realisasi_anggaran/jumlah/{field_name}",
                        money=field_name != "persen",
                    )
                    if value is not None:
                        total[field_name] = value
                head["jumlah"] = total
                continue
            pointer = f"/tabel/realisasi_anggaran/baris/{len(rows)}"
            row: dict[str, Any] = {}
            kode = no.rstrip(".")
            if kode:
                row["kode"] = kode
            row["tingkat"] = _level(name, kode)
            if name:
                row["nama"] = name
                self.kode_by_name.setdefault(row["tingkat"], []).append((kode, name))
            for field_name in ("anggaran", "realisasi", "persen"):
                value = self.number(
                    rec, record, field_name, f"{pointer}/{field_name}", money=field_name != "persen"
                )
                if value is not None:
                    row[field_name] = value
            rows.append(row)
        head["baris"] = rows
        return head

    def kode_for(self, tingkat: str, name: str, parent: str | None) -> str | None:
        candidates = self.kode_by_name.get(tingkat, [])
        if parent:
            candidates = [(k, n) for k, n in candidates if k.startswith(parent + ".")]
        same = [k for k, n in candidates if compare_names(n, name) is NameMatch.SAME]
        if len(same) == 1:
            return same[0]
        close = [k for k, n in candidates if compare_names(n, name) is NameMatch.CLOSE]
        return close[0] if len(close) == 1 else None

    def _assumed_kode(self, rec: Recognised, record: Record, pointer: str, kode: str) -> None:
        self.out.flag(
            IMPORT_ASSUMED,
            pointer + "/kode",
            self.source(rec, record, None),
            Text(
                f"Kode tidak tercetak dan nama tidak cocok dengan tabel realisasi anggaran; diisi "
                f"menurut urutan: {kode}.",
                f"No kode is printed and the name matches no row of the budget table; filled by "
                f"order: {kode}.",
            ),
        )

    def program_pk(self, rec: Recognised) -> dict[str, Any]:
        head: dict[str, Any] = {}
        if self.year is not None:
            head["tahun"] = self.year
        rows: list[dict[str, Any]] = []
        program_kode: str | None = None
        children = 0
        for record in rec.records:
            pointer = f"/tabel/program_pk/baris/{len(rows)}"
            name = record.text("program")
            no = record.text("no").rstrip(".")
            tingkat = _level(name, no)
            row: dict[str, Any] = {}
            if tingkat == "program":
                kode = (
                    no
                    or self.kode_for("program", name, None)
                    or str(sum(1 for r in rows if r["tingkat"] == "program") + 1)
                )
                program_kode, children = kode, 0
            else:
                children += 1
                kode = no or self.kode_for(tingkat, name, program_kode) or ""
                if not kode:
                    kode = f"{program_kode}.{children}" if program_kode else str(children)
                    self._assumed_kode(rec, record, pointer, kode)
            row["kode"] = kode
            row["tingkat"] = tingkat
            if name:
                self.put_text(row, "nama", rec, record, "program", pointer)
            indicators = self.program_indicators(rec, record, pointer, "program_target", "target")
            if indicators:
                row["indikator_kinerja"] = indicators
            value = self.number(rec, record, "anggaran", f"{pointer}/anggaran", money=True)
            if value is not None:
                row["anggaran"] = value
            rows.append(row)
        head["baris"] = rows
        return head

    def program_indicators(
        self, rec: Recognised, record: Record, pointer: str, value_field: str, key: str
    ) -> list[dict[str, Any]]:
        name = record.text("program_indikator")
        value_text, column = record.cells.get(value_field, ("", ""))
        if not name and not value_text.strip():
            return []
        readings = split_numbers(value_text) if value_text.strip() else None
        names = [name]
        if readings and len(readings) > 1:
            names = _split_names(name, len(readings))
            if len(names) == len(readings):
                self.out.flag(
                    IMPORT_REPAIR,
                    f"{pointer}/indikator_kinerja",
                    self.source(rec, record, column),
                    Text(
                        f"Satu sel memuat {len(readings)} indikator dan {len(readings)} angka; "
                        "dipisah menurut urutan cetaknya.",
                        f"One cell holds {len(readings)} indicators and {len(readings)} numbers; "
                        "split in printed order.",
                    ),
                )
        items: list[dict[str, Any]] = []
        if readings and len(names) == len(readings) and len(readings) > 1:
            for n, (part, reading) in enumerate(zip(names, readings, strict=True)):
                split: dict[str, Any] = {"nama_tertulis": part, key: reading.value}
                self._tie_program_indicator(split)
                items.append(split)
                self.out.sources[f"{pointer}/indikator_kinerja/{n}/{key}"] = self.source(
                    rec, record, column
                )
            return items
        item: dict[str, Any] = {}
        if name:
            item["nama_tertulis"] = name
        value = self.number(rec, record, value_field, f"{pointer}/indikator_kinerja/0/{key}")
        if value is not None:
            item[key] = value
        self._tie_program_indicator(item)
        return [item] if item else []

    def _tie_program_indicator(self, item: dict[str, Any]) -> None:
        name = item.get("nama_tertulis")
        if not name:
            return
        close = [
            i for i in self.indicators if compare_names(name, i.nama) is not NameMatch.DIFFERENT
        ]
        if len(close) == 1:
            item["indikator"] = close[0].id

    def scale(self, rec: Recognised) -> dict[str, Any]:
        head: dict[str, Any] = {}
        for paragraph in rec.grid.after:
            match = re.match(r"^sumber\s*:\s*(.+)$", paragraph.text, re.IGNORECASE)
            if match:
                head["sumber"] = match.group(1).strip()
                break
        rows: list[dict[str, Any]] = []
        for record in rec.records:
            pointer = f"/tabel/skala_kategori/baris/{len(rows)}"
            printed = record.text("tertulis")
            row: dict[str, Any] = {"tertulis": printed}
            bounds = _bounds(printed)
            if bounds is None:
                self.out.flag(
                    IMPORT_NUMBER,
                    pointer + "/tertulis",
                    self.source(rec, record, record.cells["tertulis"][1]),
                    Text(
                        f"Rentang \u201c{printed}\u201d tidak terbaca; batasnya tidak diimpor.",
                        f"The range \u201c{printed}\u201d cannot be read; its bounds are not "
                        f"imported.",
                    ),
                    printed=printed,
                )
            else:
                low, high = bounds
                if low is not None:
                    row["batas_bawah"] = low
                if high is not None:
                    row["batas_atas"] = high
            if record.text("kategori"):
                row["kategori"] = record.text("kategori")
            rows.append(row)
        head["baris"] = rows
        return head

    def supporting(self, rec: Recognised) -> dict[str, Any]:
        head: dict[str, Any] = {}
        left_records = [
            r for r in rec.records if r.text("nama") or r.text("sasaran") or r.text("capaian")
        ]
        sub = Recognised(rec.spec, rec.grid, left_records)
        ids = self.tie(sub, lambda i: f"/tabel/program_pendukung/indikator/{i}")
        indicators = []
        for n, (record, indicator) in enumerate(zip(left_records, ids, strict=True)):
            pointer = f"/tabel/program_pendukung/indikator/{n}"
            row: dict[str, Any] = {}
            if indicator:
                row["indikator"] = indicator
            self.put_text(row, "sasaran_tertulis", rec, record, "sasaran", pointer)
            self.put_text(row, "nama_tertulis", rec, record, "nama", pointer)
            value = self.number(rec, record, "capaian", f"{pointer}/capaian")
            if value is not None:
                row["capaian"] = value
            indicators.append(row)
        head["indikator"] = indicators
        programs: list[dict[str, Any]] = []
        program_kode: str | None = None
        children = 0
        for record in rec.records:
            name = record.text("program")
            pointer = f"/tabel/program_pendukung/program/{len(programs)}"
            if not name:
                if programs and (
                    record.text("program_indikator") or record.text("program_capaian")
                ):
                    previous = f"/tabel/program_pendukung/program/{len(programs) - 1}"
                    items = self.program_indicators(
                        rec, record, previous, "program_capaian", "capaian"
                    )
                    programs[-1].setdefault("indikator_kinerja", []).extend(items)
                continue
            tingkat = _level(name, "")
            row = {}
            if tingkat == "program":
                kode = self.kode_for("program", name, None)
                if kode is None:
                    kode = str(sum(1 for p in programs if p["tingkat"] == "program") + 1)
                    self._assumed_kode(rec, record, pointer, kode)
                program_kode, children = kode, 0
            else:
                children += 1
                kode = self.kode_for(tingkat, name, program_kode)
                if kode is None:
                    kode = f"{program_kode}.{children}" if program_kode else str(children)
                    self._assumed_kode(rec, record, pointer, kode)
            row["kode"] = kode
            row["tingkat"] = tingkat
            self.put_text(row, "nama", rec, record, "program", pointer)
            if record.text("program_indikator"):
                row["indikator_kinerja"] = self.program_indicators(
                    rec, record, pointer, "program_capaian", "capaian"
                )
            else:
                value = self.number(rec, record, "program_capaian", f"{pointer}/capaian")
                if value is not None:
                    row["capaian"] = value
            verdict = normal_label(record.text("menunjang"))
            if verdict:
                row["menunjang"] = not verdict.startswith("tidak")
            programs.append(row)
        head["program"] = programs
        return head


def _reads(cell: str) -> bool:
    return not cell.strip() or read_number(cell).problem is None


def _misfits(cells: list[str], numeric: set[int], names: set[int]) -> int:
    wrong = sum(1 for c in numeric if c < len(cells) and not _reads(cells[c]))
    return wrong + sum(1 for c in names if c < len(cells) and cells[c].strip() and _reads(cells[c]))


def _slid_left(cells: list[str], numeric: set[int], names: set[int]) -> bool:
    """A row whose cells slid one column left: text where numbers belong, or numbers where
    names belong, and every cell in its place once shifted back."""
    if not numeric or len(cells) < 2 or cells[0].strip() or cells[-1].strip():
        return False
    if _misfits(cells, numeric, names) == 0:
        return False
    return _misfits(["", *cells[:-1]], numeric, names) == 0


def _level(name: str, kode: str) -> str:
    text = normal_label(name)
    if text.startswith("sub kegiatan") or text.startswith("subkegiatan"):
        return "sub_kegiatan"
    if text.startswith("kegiatan"):
        return "kegiatan"
    if text.startswith("program"):
        return "program"
    depth = kode.count(".") if kode else 0
    return ("program", "kegiatan", "sub_kegiatan")[min(depth, 2)]


def _split_names(name: str, count: int) -> list[str]:
    """ "Persentase desa mandiri Persentase desa maju" -> two names, at the repeated first word."""
    words = name.split()
    if not words:
        return [name]
    first = words[0].lower()
    starts = [i for i, w in enumerate(words) if w.lower() == first]
    if len(starts) != count:
        return [name]
    ends = [*starts[1:], len(words)]
    return [" ".join(words[a:b]) for a, b in zip(starts, ends, strict=True)]


_BOUND = re.compile(r"([0-9]+(?:,[0-9]+)?)\s*%?")


def _bounds(printed: str) -> tuple[Decimal | int | None, Decimal | int | None] | None:
    """ "91% ≤ 100%" -> (91, 100); "≤ 50%" -> (None, 50); "> 100%" -> (100, None)."""
    numbers = [read_number(n).value for n in _BOUND.findall(printed)]
    values = [v for v in numbers if isinstance(v, (int, Decimal))]
    if len(values) != len(numbers) or not values:
        return None
    text = printed.strip()
    if len(values) == 2:
        return values[0], values[1]
    if text[:1] in "≤<" or "s.d" in text.lower() or text.startswith("kurang"):
        return None, values[0]
    if text[:1] in "≥>":
        return values[0], None
    return None


def build_draft(document: Document) -> Imported:
    """The draft report data of ``document``, its sources and its IMPORT findings."""
    assign_pages(document)
    from .narrative import report_identity

    identity = report_identity(document)
    draft = _Draft(document, identity.get("tahun_anggaran"))
    draft.out.data["laporan"] = identity
    draft.recognise()
    draft.build_indicators()
    draft.build_tables()
    read_narrative(document, draft.out, draft.indicators, set(draft.tables))
    return draft.out
