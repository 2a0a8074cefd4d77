"""The input workbook's layout, derived from the JSON Schema (schemas/lkjip.schema.json).

Nothing here lists the report's fields: a walk over the schema decides every
sheet and column, so a field added to the schema appears in the template, the
reader and the export without a second edit. Only the *words* (sheet names,
Indonesian headings) come from vocabularies, with a readable fallback made from
the key when a vocabulary lacks it.

The walk:

- an object whose subtree holds no array is flattened into the block of
  label/value rows of the sheet it belongs to (``jumlah.target`` becomes
  "Jumlah: Target");
- an object that holds arrays gets a sheet of its own: its flattened scalars in
  a block at the top, its first array as the table below; every further array
  gets a sheet of its own (``tabel`` itself, holding only tables, gets none);
- the root's scalars form the sheet "Identitas"; each of its arrays a sheet;
- an array of objects is a table, one row per item: scalars and array-free
  objects become columns, a map keyed by year becomes a group of columns whose
  headings carry the year ("Target 2021"), an array of objects inside an item a
  sheet of its own whose rows name their parent row ("Baris induk");
- an array of plain values (``kelengkapan.bagian``) is a one-column table.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass
from typing import Any, Literal

from ..domain.columns import COLUMNS
from ..domain.tables import TABLE_NAMES
from ..findings import Text
from ..resources import lkjip_schema

__all__ = [
    "Field",
    "Layout",
    "Sheet",
    "layout",
]

Kind = Literal[
    "text",  # a string
    "enum",  # one of ``choices``
    "int",  # a whole number (years, counts)
    "number",  # any exact number
    "nilai",  # a printed figure: a number, or the not-available mark (N/A, -)
    "nilai_teks",  # a figure, a not-available mark or a word (a kategori)
    "rupiah",  # whole rupiah
    "halaman",  # a page number, or a page written as text ("ii", "40-46")
    "bool",  # Ya / Tidak
    "list",  # several texts in one cell, separated by ";"
]


@dataclass(frozen=True, slots=True)
class Field:
    """One block row or one table column: where its value goes and how it is read.

    ``path`` is relative to the record the sheet holds (the block's object or one
    table row). A year map (``years``) stands for a group of columns, one per year
    (and per ``subs`` key: target, realisasi, capaian) with the year in the heading.
    """

    path: tuple[str, ...]
    kind: Kind
    label: str
    description: Text
    choices: tuple[str, ...] = ()
    required: bool = False
    years: bool = False
    subs: tuple[tuple[str, str], ...] = ()  # (key, heading) for a map of year -> object
    minimum: int | None = None
    maximum: int | None = None

    @property
    def key(self) -> str:
        return ".".join(self.path)

    def heading(self, year: str | None = None, sub: str | None = None) -> str:
        """The printed heading of the column (for a year group: of one year's column)."""
        if not self.years:
            return self.label
        label = dict(self.subs)[sub] if sub is not None else self.label
        return f"{label} {year if year is not None else YEAR_PLACEHOLDER}"


YEAR_PLACEHOLDER = "20__"
PARENT_LABEL = "Baris induk"
PARENT_DESCRIPTION = Text(
    "Nomor urut baris induknya di lembar {parent} (baris data pertama = 1).",
    "The ordinal of its parent row on sheet {parent} (first data row = 1).",
)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: an optional block of label/value rows, then an optional table.

    ``block_path`` is the object the block fills (``()`` for the root);
    ``table_path`` the array the table fills, ``*`` standing for the index of the
    parent item when the array sits inside another table's rows (then
    ``parent`` names the parent sheet). ``scalar_items``: the array holds plain
    values, one per row, read as ``columns[0]``.
    """

    name: str
    title: Text
    block_path: tuple[str, ...] | None = None
    block: tuple[Field, ...] = ()
    table_path: tuple[str, ...] | None = None
    columns: tuple[Field, ...] = ()
    parent: str | None = None
    scalar_items: bool = False

    @property
    def first_row(self) -> int:
        """The 1-based row of the block's first field (the title is row 1)."""
        return 3

    @property
    def header_row(self) -> int:
        """The 1-based row of the table's headings in the template."""
        return self.first_row + len(self.block) + (1 if self.block else 0)


@dataclass(frozen=True, slots=True)
class Layout:
    sheets: tuple[Sheet, ...]
    version: str  # versi_skema the template fills in

    def sheet(self, name: str) -> Sheet:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


# Sheet names by data path: short, Indonesian, at most 31 characters (Excel's limit).
SHEET_NAMES: dict[str, str] = {
    "": "Identitas",
    "penandatangan": "Penandatangan",
    "skala": "Skala",
    "skala.rentang": "Skala",
    "sasaran": "Sasaran",
    "indikator": "Indikator",
    "tabel.iku": "IKU",
    "tabel.tujuan_sasaran": "Tujuan Sasaran",
    "tabel.perjanjian_kinerja": "PK",
    "tabel.program_pk": "Program PK",
    "tabel.program_pk.baris.*.indikator_kinerja": "Program PK Indikator",
    "tabel.skala_kategori": "Skala Kategori",
    "tabel.capaian": "Capaian",
    "tabel.perbandingan_tahun": "Perbandingan Tahun",
    "tabel.target_akhir_renstra": "Target Akhir Renstra",
    "tabel.analisis_penyebab": "Analisis Penyebab",
    "tabel.efisiensi": "Efisiensi",
    "tabel.program_pendukung": "Program Pendukung",
    "tabel.program_pendukung.program": "Program Pendukung Program",
    "tabel.program_pendukung.program.*.indikator_kinerja": "Program Pendukung Indikator",
    "tabel.realisasi_anggaran": "Anggaran",
    "tabel.standar_nasional": "Standar Nasional",
    "narasi": "Narasi Keseluruhan",
    "narasi.keseluruhan": "Narasi Keseluruhan",
    "narasi.distribusi": "Distribusi",
    "narasi.distribusi.*.kelompok": "Distribusi Kelompok",
    "narasi.pernyataan": "Pernyataan",
    "narasi.klaim": "Klaim",
    "narasi.perbandingan": "Narasi Perbandingan",
    "kelengkapan": "Kelengkapan",
    "kelengkapan.analisis_bab_3": "Analisis Bab III",
    "pengecualian": "Pengecualian",
}

# Headings the shared column vocabulary lacks, or gives twice within one sheet.
HEADINGS: dict[str, str] = {
    "versi_skema": "Versi skema",
    "$schema": "Alamat skema",
    "id": "Id",
    "induk": "Kode Induk",
    "tingkat": "Tingkat",
    "jenis_anggaran": "Jenis Anggaran",
    "nama": "Nama",
    "nomor": "Nomor tabel",
    "judul": "Judul tabel",
    "halaman": "Halaman",
    "tahun": "Tahun",
    "indikator": "Id Indikator",
    "sasaran": "Id Sasaran",
    "bagian_dari": "Bagian dari (id)",
    "satuan": "Satuan",
    "polaritas": "Polaritas",
    "iku": "IKU",
    "persen": "Persen",
    "nilai": "Nilai",
    "kutipan": "Kutipan teks",
    "bab": "Bab",
}

# Headings of block rows by their whole path (the identity sheet's rows).
FULL_HEADINGS: dict[str, str] = {
    "laporan.jenis": "Jenis laporan",
    "laporan.judul": "Judul laporan",
    "laporan.tahun_anggaran": "Tahun anggaran",
    "laporan.tahun_terbit": "Tahun terbit",
    "laporan.cakupan": "Cakupan laporan",
    "laporan.unit.nama": "Nama unit kerja",
    "laporan.unit.tingkat": "Tingkat unit kerja",
    "laporan.unit.pemerintah_daerah": "Pemerintah daerah",
    "renstra.periode_awal": "Renstra: tahun awal",
    "renstra.periode_akhir": "Renstra: tahun akhir",
    "renstra.dokumen": "Renstra: dokumen",
}

# Headings of the figures of a year map of objects (perbandingan_tahun.tahun).
_SUB_HEADINGS = {"target": "Target", "realisasi": "Realisasi", "capaian": "Capaian"}


def _humanise(key: str) -> str:
    text = key.lstrip("$").replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def _description(node: dict[str, Any]) -> Text:
    text = str(node.get("description", ""))
    match = re.match(r"(?s)(.*?)\s*\(EN: (.*)\)\s*$", text)
    if match:
        return Text(match.group(1), match.group(2))
    return Text(text, text)


class _Walker:
    def __init__(self, schema: dict[str, Any]) -> None:
        self.schema = schema
        self.sheets: list[Sheet] = []
        self.names: set[str] = set()

    # -- schema helpers -------------------------------------------------------
    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """The node with its ``$ref`` followed; the node's own description wins."""
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return node
        target = self.schema
        for part in ref.removeprefix("#/").split("/"):
            target = target[part]
        merged = dict(self.resolve(target))
        merged.update({k: v for k, v in node.items() if k != "$ref"})
        return merged

    def is_object(self, node: dict[str, Any]) -> bool:
        return node.get("type") == "object" or "properties" in node

    def is_map(self, node: dict[str, Any]) -> bool:
        return (
            self.is_object(node)
            and "properties" not in node
            and (isinstance(node.get("additionalProperties"), dict) or "patternProperties" in node)
        )

    def map_values(self, node: dict[str, Any]) -> dict[str, Any]:
        extra = node.get("additionalProperties")
        if isinstance(extra, dict):
            return self.resolve(extra)
        return self.resolve(next(iter(node["patternProperties"].values())))

    def has_array(self, node: dict[str, Any]) -> bool:
        node = self.resolve(node)
        if node.get("type") == "array":
            return True
        return any(self.has_array(p) for p in node.get("properties", {}).values())

    def kind(self, node: dict[str, Any]) -> tuple[Kind, tuple[str, ...]]:
        node = self.resolve(node)
        jenis = node.get("x-jenis")
        if jenis == "rupiah":
            return "rupiah", ()
        if jenis == "nilai":
            return "nilai", ()
        if "enum" in node:
            return "enum", tuple(str(v) for v in node["enum"])
        branches = node.get("anyOf") or node.get("oneOf")
        if branches:
            kinds = {self.kind(b)[0] for b in branches}
            if "nilai" in kinds:
                return ("nilai" if kinds == {"nilai"} else "nilai_teks"), ()
            if kinds == {"int", "text"}:
                return "halaman", ()
            return "text", ()
        kind = node.get("type")
        if kind == "integer":
            return "int", ()
        if kind == "number":
            return "number", ()
        if kind == "boolean":
            return "bool", ()
        if kind == "array":
            return "list", ()
        return "text", ()

    # -- naming -----------------------------------------------------------------
    def sheet_name(self, path: tuple[str, ...]) -> str:
        key = ".".join(path)
        name = SHEET_NAMES.get(key) or _humanise(" ".join(p for p in path if p != "*"))
        name = re.sub(r"[\[\]:*?/\\']", " ", name)[:31].strip()
        base, n = name, 2
        while name in self.names:
            suffix = f" {n}"
            name = base[: 31 - len(suffix)] + suffix
            n += 1
        self.names.add(name)
        return name

    def title(self, path: tuple[str, ...], node: dict[str, Any]) -> Text:
        if len(path) == 2 and path[0] == "tabel" and path[1] in TABLE_NAMES:
            text = TABLE_NAMES.text(path[1])
            return Text(text.id[:1].upper() + text.id[1:], text.en[:1].upper() + text.en[1:])
        described = _description(node)
        return Text(described.id.split(". ")[0].rstrip("."), described.en.split(". ")[0])

    def heading(self, part: str, path: tuple[str, ...]) -> str:
        leaf = path[-1]
        if ".".join(path) in FULL_HEADINGS:
            return FULL_HEADINGS[".".join(path)]
        if leaf in HEADINGS:
            text = HEADINGS[leaf]
        elif f"{part}:{leaf}" in COLUMNS and "{" not in COLUMNS.text(f"{part}:{leaf}").id:
            text = COLUMNS.text(f"{part}:{leaf}").id
        elif leaf in COLUMNS and "{" not in COLUMNS.text(leaf).id:
            text = COLUMNS.text(leaf).id
        else:
            text = _humanise(leaf)
        text = text[:1].upper() + text[1:]
        if len(path) > 1:
            text = f"{_humanise(path[-2])}: {text}"
        return text

    # -- the walk ---------------------------------------------------------------
    def fields(
        self, node: dict[str, Any], part: str, prefix: tuple[str, ...], required: bool = True
    ) -> tuple[list[Field], list[tuple[tuple[str, ...], dict[str, Any]]]]:
        """The flat fields of an object, and the arrays (relative path, schema) it holds."""
        node = self.resolve(node)
        found: list[Field] = []
        arrays: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        needed = set(node.get("required", ())) if required else set()
        for key, raw in node.get("properties", {}).items():
            child = self.resolve(raw)
            path = (*prefix, key)
            if child.get("type") == "array":
                items = self.resolve(child.get("items", {}))
                if self.is_object(items) or self.has_array(items):
                    arrays.append((path, child))
                    continue
                arrays.append((path, child))
                continue
            if self.is_map(child):
                values = self.map_values(child)
                if self.is_object(values):
                    subs = tuple(
                        (k, _SUB_HEADINGS.get(k, _humanise(k)))
                        for k in self.resolve(values).get("properties", {})
                    )
                    kind = self.kind(next(iter(values["properties"].values())))[0]
                else:
                    subs = ()
                    kind = self.kind(values)[0]
                found.append(
                    Field(
                        path,
                        kind,
                        self.heading(part, (key,)),
                        _description(child),
                        required=key in needed,
                        years=True,
                        subs=subs,
                    )
                )
                continue
            if self.is_object(child):
                if self.has_array(child):
                    arrays.append((path, child))
                    continue
                inner, _ = self.fields(child, part, path, required=False)
                found.extend(inner)
                continue
            kind, choices = self.kind(child)
            found.append(
                Field(
                    path,
                    kind,
                    self.heading(part, path),
                    _description(child),
                    choices,
                    key in needed,
                    minimum=child.get("minimum") if kind == "int" else None,
                    maximum=child.get("maximum") if kind == "int" else None,
                )
            )
        return found, arrays

    def section(self, path: tuple[str, ...], node: dict[str, Any]) -> None:
        """A sheet for an object holding arrays: its scalars, then its first array."""
        node = self.resolve(node)
        part = path[1] if path[:1] == ("tabel",) and len(path) > 1 else (path[0] if path else "")
        block, arrays = self.fields(node, part, ())
        if not path:
            # The root: the identity fields, then every array and section in schema order.
            title = Text("Identitas laporan", "Report identity")
            self.sheets.append(Sheet(self.sheet_name(()), title, (), tuple(block)))
            self.children(path, arrays)
            return
        is_table = [self.resolve(n).get("type") == "array" for _, n in arrays]
        if True in is_table:
            first = is_table.index(True)
            rel, child = arrays.pop(first)
            self.table((*path, *rel), child, None, (path, tuple(block), node))
        elif block:
            title = self.title(path, node)
            self.sheets.append(Sheet(self.sheet_name(path), title, path, tuple(block)))
        self.children(path, arrays)

    def children(
        self, path: tuple[str, ...], arrays: list[tuple[tuple[str, ...], dict[str, Any]]]
    ) -> None:
        for rel, child in arrays:
            if self.resolve(child).get("type") == "array":
                self.table((*path, *rel), child, None, None)
            else:
                self.section((*path, *rel), child)

    def table(
        self,
        path: tuple[str, ...],
        node: dict[str, Any],
        parent: str | None,
        block: tuple[tuple[str, ...], tuple[Field, ...], dict[str, Any]] | None,
    ) -> None:
        node = self.resolve(node)
        items = self.resolve(node.get("items", {}))
        owner = block[0] if block else path
        name = self.sheet_name(owner if block else path)
        title = self.title(owner, block[2]) if block else self.title(path, node)
        part = next(p for p in path if p not in ("tabel", "*")) if path else ""
        if path[:1] == ("tabel",):
            part = path[1]
        nested: list[tuple[tuple[str, ...], dict[str, Any]]] = []
        if self.is_object(items):
            columns, arrays = self.fields(items, part, ())
            for rel, child in arrays:
                child = self.resolve(child)
                inner = self.resolve(child.get("items", {}))
                if child.get("type") == "array" and self.is_object(inner):
                    nested.append((rel, child))
                else:
                    kind: Kind = "list"
                    columns.append(Field(rel, kind, self.heading(part, rel), _description(child)))
            scalar = False
        else:
            kind, choices = self.kind(items)
            columns = [Field((), kind, self.heading(part, path[-1:]), _description(node), choices)]
            scalar = True
        if parent is not None:
            columns.insert(
                0,
                Field(
                    ("..",),
                    "int",
                    PARENT_LABEL,
                    Text(
                        PARENT_DESCRIPTION.id.format(parent=parent),
                        PARENT_DESCRIPTION.en.format(parent=parent),
                    ),
                    required=True,
                ),
            )
        columns = _unique(columns)
        if block:
            # A block row and a column may share a heading ("Halaman"): the block's
            # is the table's own, and says so.
            taken = {c.label.casefold() for c in columns}
            fields = tuple(
                dataclasses.replace(f, label=f"{f.label} tabel")
                if f.label.casefold() in taken
                else f
                for f in block[1]
            )
            block = (block[0], fields, block[2])
        self.sheets.append(
            Sheet(
                name,
                title,
                block[0] if block else None,
                block[1] if block else (),
                path,
                tuple(columns),
                parent,
                scalar,
            )
        )
        for rel, child in nested:
            self.table((*path, "*", *rel), child, name, None)


def _unique(columns: list[Field]) -> list[Field]:
    """Headings made unique within a sheet: a repeated one falls back to the key's words."""
    seen: dict[str, int] = {}
    for column in columns:
        seen[column.label] = seen.get(column.label, 0) + 1
    unique: list[Field] = []
    for column in columns:
        if seen[column.label] > 1 and column.path:
            words = ": ".join(_humanise(p) for p in column.path[-2:])
            column = dataclasses.replace(column, label=words)
        unique.append(column)
    return unique


@functools.cache
def layout() -> Layout:
    """The workbook layout of the installed schema (computed once)."""
    schema = lkjip_schema()
    walker = _Walker(schema)
    walker.section((), schema)
    version = str(schema.get("properties", {}).get("versi_skema", {}).get("examples", ["1.0"])[0])
    return Layout(tuple(walker.sheets), version)
