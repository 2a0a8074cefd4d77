"""A report's tables as uniform rows, so that check kinds can be declared, not coded.

Every table of the data model becomes a list of :class:`Row`: indicator tables
are keyed by (indikator, tahun), budget tables by kode. Years spread over a row
(Tabel 2.1 targets, Tabel 3.3 per-year figures) become one row per year. Check
kinds read cells by table and field name; rule packs name them the same way, and
the pack loader checks those names against :data:`TABLE_FIELDS`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..findings import Text
from ..loading.pointers import join_pointer
from .scope import Scope, scope_of
from .tables import table_key, table_name
from .values import as_number, is_na

_INDICATOR_COLUMNS = ("no", "sasaran_tertulis", "nama_tertulis")


def _join(pointer: str, key: Any) -> str:
    """:func:`join_pointer`, short for the plain keys nearly every cell has (no ~ or /)."""
    if type(key) is str and "~" not in key and "/" not in key:
        return f"{pointer}/{key}"
    return join_pointer(pointer, key)


# Keys of a row that are not printed cells: where the row is printed (its page).
_NOT_CELLS = frozenset({"halaman"})

# Keys of a row that are its row key, not a cell, besides those.
_NOT_INDICATOR_CELLS = _NOT_CELLS | {"indikator"}
_NOT_BUDGET_CELLS = _NOT_CELLS | {"kode"}


def _cells(item: dict[str, Any], pointer: str, skip: frozenset[str]) -> dict[str, Cell]:
    """The cells of a row's item, but for the keys in ``skip`` (:func:`_join` inlined:
    a view builds a cell for every value of every row)."""
    cells = {}
    for key, value in item.items():
        if key in skip:
            continue
        if type(key) is str and "~" not in key and "/" not in key:
            cells[key] = Cell(value, f"{pointer}/{key}")
        else:
            cells[key] = Cell(value, join_pointer(pointer, key))
    return cells


# Fields each view table offers to rule packs (besides the row keys).
TABLE_FIELDS: dict[str, frozenset[str]] = {
    "iku": frozenset({"target", *_INDICATOR_COLUMNS}),
    "tujuan_sasaran": frozenset({"target", "satuan_tertulis", *_INDICATOR_COLUMNS}),
    "perjanjian_kinerja": frozenset({"target", "satuan_tertulis", *_INDICATOR_COLUMNS}),
    "capaian": frozenset(
        {"target", "realisasi", "capaian", "kategori", "sumber_data", *_INDICATOR_COLUMNS}
    ),
    "perbandingan_tahun": frozenset({"target", "realisasi", "capaian", *_INDICATOR_COLUMNS}),
    "target_akhir_renstra": frozenset(
        {"realisasi", "target_akhir", "capaian", "tingkat_kemajuan", *_INDICATOR_COLUMNS}
    ),
    "analisis_penyebab": frozenset(
        {"target", "realisasi", "capaian", "analisis", "solusi", *_INDICATOR_COLUMNS}
    ),
    "efisiensi": frozenset(
        {
            "target",
            "realisasi",
            "capaian",
            "anggaran",
            "realisasi_anggaran",
            "capaian_anggaran",
            "tingkat_efisiensi",
            "no",
            "sasaran_tertulis",
        }
    ),
    "program_pendukung.indikator": frozenset({"capaian", "sasaran_tertulis", "nama_tertulis"}),
    "standar_nasional": frozenset(
        {"realisasi", "standar", "sumber_standar", "keterangan", "no", "nama_tertulis"}
    ),
    "program_pk": frozenset(
        {"nama", "tingkat", "anggaran", "indikator_kinerja", "persen_dari_total"}
    ),
    "program_pendukung.program": frozenset(
        {"nama", "tingkat", "capaian", "indikator_kinerja", "menunjang"}
    ),
    "realisasi_anggaran": frozenset(
        {"nama", "tingkat", "induk", "anggaran", "realisasi", "persen", "persen_dari_total"}
    ),
}
BUDGET_TABLES = frozenset({"program_pk", "program_pendukung.program", "realisasi_anggaran"})
INDICATOR_TABLES = frozenset(TABLE_FIELDS) - BUDGET_TABLES


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell: its value as printed (None when the cell is empty) and where it stands."""

    value: Any
    pointer: str

    @property
    def present(self) -> bool:
        return self.value is not None

    @property
    def is_na(self) -> bool:
        return is_na(self.value)

    @property
    def number(self) -> Decimal | None:
        """The cell as a Decimal, or None (empty, N/A, text)."""
        value = self.value
        if type(value) is Decimal:  # as_number's first case, without the call
            return value if value.is_finite() else None
        return as_number(value)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a view table."""

    table: str
    pointer: str
    label: str
    cells: dict[str, Cell]
    indikator: str | None = None
    tahun: int | None = None
    kode: str | None = None

    @property
    def key(self) -> tuple[Any, ...]:
        """The join key: (indikator, tahun) for indicator tables, (kode,) for budget tables."""
        return (self.kode,) if self.kode is not None else (self.indikator, self.tahun)

    def values(self) -> dict[str, Any]:
        """The template values every row-level finding shares: row, indikator, tahun, kode."""
        return {
            "row": self.label,
            "indikator": self.indikator,
            "tahun": self.tahun,
            "kode": self.kode,
        }

    def cell(self, name: str) -> Cell:
        """The cell ``name``; an empty cell points where the value would be written."""
        found = self.cells.get(name)
        return found if found is not None else Cell(None, _join(self.pointer, name))


# A view's lazily read value not read yet (None is a value it may hold).
_UNSET: Any = object()


@dataclass(slots=True)
class ReportView:
    """Uniform rows over one report's data; built once per document, read by every rule."""

    raw: Any
    _rows: dict[str, list[Row]] = field(default_factory=dict)
    # What several checks derive alike from the same rows (budget trees), kept
    # for the view's life: keyed by the deriving function's own key.
    memo: dict[Any, Any] = field(default_factory=dict)
    # Read by most rules, many times a report: worked out once per view (the data
    # a view reads is not changed while rules run).
    _indicators: dict[str, dict[str, Any]] | None = field(default=None, repr=False)
    _labels: dict[str, Text] = field(default_factory=dict, repr=False)
    _first: dict[str, dict[tuple[Any, ...], Row]] = field(default_factory=dict, repr=False)
    _by_indicator: dict[str, dict[str, list[Row]]] = field(default_factory=dict, repr=False)
    _scope: Scope | None = field(default=None, repr=False)
    _data: dict[str, Any] | None = field(default=None, repr=False)
    _year: Any = field(default=_UNSET, repr=False)

    @property
    def data(self) -> dict[str, Any]:
        data = self._data
        if data is None:
            data = self._data = self.raw if isinstance(self.raw, dict) else {}
        return data

    def section(self, name: str) -> dict[str, Any]:
        """A top-level object of the report ({} when absent or not an object)."""
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}

    def items(self, name: str) -> list[dict[str, Any]]:
        """The objects of a top-level list of the report ([] when absent or not a list)."""
        value = self.data.get(name)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    @property
    def year(self) -> int | None:
        """The budget year reported (laporan.tahun_anggaran)."""
        if self._year is _UNSET:
            year = self.section("laporan").get("tahun_anggaran")
            self._year = year if isinstance(year, int) and not isinstance(year, bool) else None
        found: int | None = self._year
        return found

    @property
    def scope(self) -> Scope:
        """What the file says it is: jenis, tingkat, and whole or partial (``cakupan``)."""
        if self._scope is None:
            self._scope = scope_of(self.data)
        return self._scope

    def lacks_column(self, name: str, field: str) -> bool:
        """Whether a partial report prints view table ``name`` without the column ``field``.

        A file holding only some tables transcribes them as printed; a column no
        row fills is one the printed table does not have, so rules about that
        column do not fire. In a whole report an empty column is still a finding.
        """
        if not self.scope.partial:
            return False
        rows = self.rows(name)
        return bool(rows) and not any(row.cell(field).present for row in rows)

    @property
    def indicators(self) -> dict[str, dict[str, Any]]:
        """Indicators by id (built once; read it, do not change it)."""
        if self._indicators is None:
            self._indicators = {
                item["id"]: item
                for item in self.items("indikator")
                if isinstance(item.get("id"), str)
            }
        return self._indicators

    def polarity(self, indikator: str | None) -> str:
        """The indicator's ``polaritas`` (positif when the indicator is unknown or has none).

        Anything else is returned as written: the schema rejects it, and checks
        called directly skip it.
        """
        value = self.indicators.get(indikator or "", {}).get("polaritas", "positif")
        return value if isinstance(value, str) else ""

    def indicator_name(self, indikator: str | None) -> str:
        found = self.indicators.get(indikator or "", {})
        return str(found.get("nama", indikator or "?"))

    def raw_table(self, name: str) -> dict[str, Any]:
        """The table object as written (``program_pendukung.program`` gives program_pendukung)."""
        table = self.section("tabel").get(table_key(name))
        return table if isinstance(table, dict) else {}

    def table_label(self, name: str) -> Text:
        """How the reader names the table: ``Tabel 3.2`` when numbered, else what it holds."""
        label = self._labels.get(name)
        if label is None:
            label = self._labels[name] = table_name(self.data, name)
        return label

    def has_table(self, name: str) -> bool:
        return bool(self.raw_table(name))

    def rows(self, name: str) -> list[Row]:
        """The rows of view table ``name`` (see TABLE_FIELDS), computed once."""
        rows = self._rows.get(name)
        if rows is None:
            rows = self._rows[name] = list(self._build(name))
        return rows

    def indicator_rows(self, name: str, indikator: str) -> list[Row]:
        """The rows of view table ``name`` about ``indikator``, in document order."""
        index = self._by_indicator.get(name)
        if index is None:
            index = {}
            for row in self.rows(name):
                if isinstance(row.indikator, str):  # other values never equal an id
                    index.setdefault(row.indikator, []).append(row)
            self._by_indicator[name] = index
        return index.get(indikator, [])

    def first_row(self, name: str, key: tuple[Any, ...]) -> Row | None:
        """The first row of view table ``name`` whose :attr:`Row.key` is ``key``, or None."""
        index = self._first.get(name)
        if index is None:
            index = {}
            for row in self.rows(name):
                try:
                    index.setdefault(row.key, row)
                except TypeError:  # a key of a malformed file (a list): never equals a good key
                    continue
            self._first[name] = index
        try:
            return index.get(key)
        except TypeError:
            return next((row for row in self.rows(name) if row.key == key), None)

    # -- building -------------------------------------------------------------

    def _build(self, name: str) -> list[Row]:
        table = self.raw_table(name)
        base = f"/tabel/{name.split('.')[0]}"
        if name == "program_pendukung.indikator":
            return self._indicator_rows(
                name, table.get("indikator", []), f"{base}/indikator", table
            )
        if name == "program_pendukung.program":
            return self._budget_rows(name, table.get("program", []), f"{base}/program")
        if name in BUDGET_TABLES:
            return self._budget_rows(name, table.get("baris", []), f"{base}/baris")
        if name == "iku":
            return self._yearly_rows(name, table.get("baris", []), f"{base}/baris", "target")
        if name == "perbandingan_tahun":
            return self._yearly_rows(name, table.get("baris", []), f"{base}/baris", None)
        return self._indicator_rows(name, table.get("baris", []), f"{base}/baris", table)

    def _table_year(self, table: dict[str, Any]) -> int | None:
        year = table.get("tahun")
        return year if isinstance(year, int) else self.year

    def _indicator_rows(self, name: str, items: Any, base: str, table: dict[str, Any]) -> list[Row]:
        year = self._table_year(table)
        rows = []
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            pointer = f"{base}/{index}"
            cells = _cells(item, pointer, _NOT_INDICATOR_CELLS)
            indikator = item.get("indikator")
            rows.append(Row(name, pointer, self.indicator_name(indikator), cells, indikator, year))
        return rows

    def _yearly_rows(self, name: str, items: Any, base: str, single: str | None) -> list[Row]:
        # Tabel 2.1 maps year -> target; Tabel 3.3 maps year -> {target, realisasi, capaian}.
        rows = []
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            pointer = f"{base}/{index}"
            indikator = item.get("indikator")
            shared = {
                key: Cell(item[key], _join(pointer, key))
                for key in _INDICATOR_COLUMNS
                if key in item
            }
            per_year = item.get(single or "tahun")
            if not isinstance(per_year, dict):
                continue
            for year_text, value in per_year.items():
                if not (isinstance(year_text, str) and year_text.isdigit()):
                    continue
                year_pointer = _join(_join(pointer, single or "tahun"), year_text)
                if single is not None:
                    cells = {single: Cell(value, year_pointer)}
                elif isinstance(value, dict):
                    cells = {k: Cell(v, _join(year_pointer, k)) for k, v in value.items()}
                else:
                    continue
                rows.append(
                    Row(
                        name,
                        year_pointer,
                        self.indicator_name(indikator),
                        {**shared, **cells},
                        indikator,
                        int(year_text),
                    )
                )
        return rows

    def _budget_rows(self, name: str, items: Any, base: str) -> list[Row]:
        rows = []
        for index, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("kode"), str):
                continue
            pointer = f"{base}/{index}"
            cells = _cells(item, pointer, _NOT_BUDGET_CELLS)
            label = f"{item['kode']} {item.get('nama', '')}".strip()
            rows.append(Row(name, pointer, label, cells, kode=item["kode"]))
        return rows
