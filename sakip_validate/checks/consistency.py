"""Consistency across tables: the same figure, the same target, the same indicators.

Who owns which defect (each is reported once):

* a figure printed differently in two tables is :class:`CrossTableEqual`'s;
* a capaian cell whose target is 0 belongs to :class:`ZeroTarget` alone: a rule of
  :class:`CrossTableEqual` on capaian sets ``skip_zero_target`` so that the
  "N/A in Tabel 3.2, 0% in Tabel 3.3" difference is not reported a second time;
* :class:`TargetBelowPrevious` and :class:`Trajectory` judge how targets move over
  the years; :class:`IndicatorSet` judges which indicators a table lists;
  :class:`IndexUnit` judges the satuan of an indicator against its name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, ClassVar

from ..domain.view import BUDGET_TABLES, TABLE_FIELDS, Cell, ReportView, Row
from ..engine.kinds import CheckKind, Hit
from ..engine.templates import Percent
from ..findings import Text
from .common import FIELD_NAME, TABLE_NAME, number, same_value, table_problems

Key = tuple[Any, ...]

# Where the target of a row is looked up when the row prints none (Tabel 3.7 left side):
# the signed agreement first, then the capaian table, then the Renstra yearly targets.
DEFAULT_TARGET_TABLES = ["perjanjian_kinerja", "capaian", "iku"]
# Tables whose capaian is realisasi / target of the year (not Tabel 3.4: its capaian is
# measured against the Renstra end target, which is not 0 when the year's target is).
DEFAULT_CAPAIAN_TABLES = [
    "capaian",
    "perbandingan_tahun",
    "analisis_penyebab",
    "efisiensi",
    "program_pendukung.indikator",
]
_PERCENT_UNITS = frozenset({"%", "persen", "persentase", "prosentase", "presentase"})


def _shown(value: Any) -> Any:
    return Percent(value) if not isinstance(value, str) else value


def _is_percent_unit(unit: Any) -> bool:
    return isinstance(unit, str) and unit.strip().lower() in _PERCENT_UNITS


def _show_for(view: ReportView, indikator: str | None, value: Any) -> Any:
    """A target or realisasi for a message: with a % sign when the indicator is a percentage."""
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        satuan = view.indicators.get(indikator or "", {}).get("satuan")
        return Percent(value) if _is_percent_unit(satuan) else value
    return value


def _tables_schema(min_items: int = 1) -> dict[str, Any]:
    return {"type": "array", "items": TABLE_NAME, "minItems": min_items, "uniqueItems": True}


def _tables_problems(tables: Sequence[str], field: str, where: str) -> list[tuple[str, str]]:
    """Problems for listed tables that the view does not know or that lack ``field``."""
    problems = []
    for index, table in enumerate(tables):
        problems += table_problems(table, [field], f"{where}/{index}")
    return problems


class _Lookup:
    """Rows of several view tables indexed by key, built lazily once per run."""

    def __init__(self, view: ReportView) -> None:
        self.view = view
        self._index: dict[str, dict[Key, Row]] = {}

    def row(self, table: str, key: Key) -> Row | None:
        if table not in self._index:
            index: dict[Key, Row] = {}
            for row in self.view.rows(table):
                index.setdefault(row.key, row)  # the first row of a key, in document order
            self._index[table] = index
        return self._index[table].get(key)

    def first(
        self, key: Key, field: str, tables: Sequence[str], *, numeric: bool = False
    ) -> tuple[str, Cell] | None:
        """The first listed table whose row for ``key`` prints ``field`` (a number if asked)."""
        for table in tables:
            if field not in TABLE_FIELDS.get(table, ()):
                continue
            row = self.row(table, key)
            if row is None:
                continue
            cell = row.cell(field)
            if cell.present and (not numeric or number(cell) is not None):
                return table, cell
        return None

    def own_or_first(self, row: Row, field: str, tables: Sequence[str]) -> Cell | None:
        """The row's own ``field`` when its table has that column and prints it, else a lookup."""
        if field in TABLE_FIELDS.get(row.table, ()):
            own = row.cell(field)
            if own.present:
                return own
        found = self.first(row.key, field, tables)
        return found[1] if found is not None else None

    def target_is_zero(self, row: Row, tables: Sequence[str]) -> bool:
        """Whether the target that applies to ``row`` is printed as 0 (so capaian is undefined)."""
        target = self.own_or_first(row, "target", tables)
        value = number(target) if target is not None else None
        return value is not None and value == 0


class CrossTableEqual(CheckKind):
    """The same keyed figure must be printed the same in every listed table.

    Rows are joined on their key: (indikator, tahun) for indicator tables, kode
    for budget tables. For each key, the first listed table that prints the
    figure is the reference; every other table that prints something else is a hit.

    With ``skip_zero_target``, rows whose target is 0 (their own, or else the one
    found in ``target_tables``) are left out: their capaian is :class:`ZeroTarget`'s.
    """

    name = "cross_table_equal"
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_table", "other_printed"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["tables", "field"],
        "properties": {
            "tables": _tables_schema(2),
            "field": {
                "oneOf": [
                    FIELD_NAME,
                    {"type": "object", "additionalProperties": FIELD_NAME},
                ]
            },
            "percent": {"type": "boolean"},
            "skip_zero_target": {"type": "boolean"},
            "target_tables": _tables_schema(),
        },
    }

    def _field(self, table: str) -> str:
        field = self.params["field"]
        return field if isinstance(field, str) else field.get(table, "")

    def problems(self) -> list[tuple[str, str]]:
        problems = []
        for index, table in enumerate(self.params["tables"]):
            problems += table_problems(table, [self._field(table)], f"/tables/{index}")
        target_tables = self.params.get("target_tables", [])
        problems += _tables_problems(target_tables, "target", "/target_tables")
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        reference: dict[Key, tuple[str, Any]] = {}
        percent = self.params.get("percent", True)
        skip_zero = self.params.get("skip_zero_target", False)
        target_tables = self.params.get("target_tables", DEFAULT_TARGET_TABLES)
        lookup = _Lookup(view)
        for table in self.params["tables"]:
            field = self._field(table)
            for row in view.rows(table):
                cell = row.cell(field)
                if not cell.present:
                    continue
                if skip_zero and lookup.target_is_zero(row, target_tables):
                    continue
                if row.key not in reference:
                    reference[row.key] = (table, cell.value)
                    continue
                other_table, other_value = reference[row.key]
                if other_table == table or same_value(cell.value, other_value):
                    continue
                show = _shown if percent else (lambda value: value)
                yield Hit(
                    outcome="mismatch",
                    pointer=cell.pointer,
                    table=table,
                    values={
                        **row.values(),
                        "field": field,
                        "printed": show(cell.value),
                        "other_table": view.table_label(other_table),
                        "other_printed": show(other_value),
                    },
                    printed=cell.value,
                    expected=other_value,
                )


class ZeroTarget(CheckKind):
    """A target of 0 makes capaian undefined: it must be printed N/A, alike in every table.

    The target of a row is its own ``target`` cell or, when the row prints none
    (Tabel 3.7), the first of ``target_tables`` that prints one for the same
    (indikator, tahun). Outcomes, at most one per capaian cell:

    * ``not_na``: a number is printed where the target is 0 (with
      ``allow_hundred_when_realisasi_zero``, 100 is accepted when the realisasi is 0);
    * ``inconsistent``: an accepted print that differs from the first accepted print of
      the same key in another table ("N/A" here, "-" there; or N/A vs 100).
    """

    name = "zero_target"
    outcomes = ("not_na", "inconsistent")
    placeholders: ClassVar[frozenset[str]] = frozenset({"target", "other_table", "other_printed"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "tables": _tables_schema(),
            "field": FIELD_NAME,
            "target_tables": _tables_schema(),
            "allow_hundred_when_realisasi_zero": {"type": "boolean"},
        },
    }

    def problems(self) -> list[tuple[str, str]]:
        field = self.params.get("field", "capaian")
        problems = _tables_problems(
            self.params.get("tables", DEFAULT_CAPAIAN_TABLES), field, "/tables"
        )
        problems += _tables_problems(
            self.params.get("target_tables", []), "target", "/target_tables"
        )
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        field = self.params.get("field", "capaian")
        target_tables = self.params.get("target_tables", DEFAULT_TARGET_TABLES)
        allow_hundred = self.params.get("allow_hundred_when_realisasi_zero", False)
        lookup = _Lookup(view)
        accepted: dict[Key, tuple[str, Any]] = {}
        for table in self.params.get("tables", DEFAULT_CAPAIAN_TABLES):
            for row in view.rows(table):
                cell = row.cell(field)
                value = number(cell)
                if not (cell.is_na or value is not None):
                    continue  # empty or text: the schema and the completeness rules judge those
                target = lookup.own_or_first(row, "target", target_tables)
                if target is None or number(target) != 0:
                    continue
                values = {
                    **row.values(),
                    "field": field,
                    "printed": _shown(cell.value),
                    "target": _show_for(view, row.indikator, target.value),
                }
                if value is not None and not (
                    allow_hundred and value == 100 and self._realisasi_zero(lookup, row)
                ):
                    yield Hit("not_na", cell.pointer, table, values, cell.value, "N/A")
                    continue
                first = accepted.setdefault(row.key, (table, cell.value))
                if first[0] == table or same_value(first[1], cell.value):
                    continue
                values["other_table"] = view.table_label(first[0])
                values["other_printed"] = _shown(first[1])
                yield Hit("inconsistent", cell.pointer, table, values, cell.value, first[1])

    @staticmethod
    def _realisasi_zero(lookup: _Lookup, row: Row) -> bool:
        realisasi = lookup.own_or_first(row, "realisasi", ["capaian", "perbandingan_tahun"])
        return realisasi is not None and number(realisasi) == 0


def _better(a: Decimal, b: Decimal, polarity: str) -> bool:
    """Whether ``a`` is strictly better than ``b`` for an indicator of this polarity."""
    return a < b if polarity == "negatif" else a > b


class TargetBelowPrevious(CheckKind):
    """A target for year N should not fall short of the realisasi already reached in N−1.

    Positive indicators: target_N < realisasi_(N−1) is a hit; negative ones: target_N >
    realisasi_(N−1). The target of (indikator, N) is the first number printed for it in
    ``target_tables``, the realisasi the first in ``realisasi_tables``; conflicting copies
    are :class:`CrossTableEqual`'s to report. Outcome ``behind``, one per (indikator, N).

    Only years up to the report year are judged (unless ``future_years``): a report
    answers for the targets it worked to, and a Renstra target for next year that this
    year's realisasi already passed is the next agreement's matter, not an error here.
    """

    name = "target_below_previous"
    outcomes = ("behind",)
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"tahun_lalu", "other_table", "other_printed"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "target_tables": _tables_schema(),
            "realisasi_tables": _tables_schema(),
            "future_years": {"type": "boolean"},
        },
    }
    _TARGETS: ClassVar[list[str]] = ["perjanjian_kinerja", "capaian", "iku"]
    _REALISASI: ClassVar[list[str]] = ["capaian", "perbandingan_tahun"]

    def problems(self) -> list[tuple[str, str]]:
        problems = _tables_problems(
            self.params.get("target_tables", []), "target", "/target_tables"
        )
        problems += _tables_problems(
            self.params.get("realisasi_tables", []), "realisasi", "/realisasi_tables"
        )
        return problems

    def run(self, view: ReportView) -> Iterator[Hit]:
        target_tables = self.params.get("target_tables", self._TARGETS)
        realisasi_tables = self.params.get("realisasi_tables", self._REALISASI)
        lookup = _Lookup(view)
        keys: dict[Key, None] = {}  # (indikator, N) in table then document order
        for table in target_tables:
            for row in view.rows(table):
                if isinstance(row.indikator, str) and isinstance(row.tahun, int):
                    keys.setdefault(row.key)
        last = None if self.params.get("future_years", False) else view.year
        for indikator, year in keys:
            if last is not None and year > last:
                continue
            target = lookup.first((indikator, year), "target", target_tables, numeric=True)
            previous = lookup.first(
                (indikator, year - 1), "realisasi", realisasi_tables, numeric=True
            )
            if target is None or previous is None:
                continue
            (table, cell), (other_table, other) = target, previous
            t, r = number(cell), number(other)
            assert t is not None and r is not None  # found with numeric=True
            if not _better(r, t, view.polarity(indikator)):
                continue
            row = lookup.row(table, (indikator, year))
            yield Hit(
                outcome="behind",
                pointer=cell.pointer,
                table=table,
                values={
                    "row": row.label if row is not None else view.indicator_name(indikator),
                    "field": "target",
                    "indikator": indikator,
                    "tahun": year,
                    "tahun_lalu": year - 1,
                    "printed": _show_for(view, indikator, cell.value),
                    "other_table": view.table_label(other_table),
                    "other_printed": _show_for(view, indikator, other.value),
                },
                printed=cell.value,
                expected=other.value,
            )


class Trajectory(CheckKind):
    """Yearly Renstra targets (Tabel 2.1) move towards the Renstra end target (Tabel 3.4).

    Only numeric targets are judged (N/A is skipped), years after the end year are
    ignored. Outcomes:

    * ``away``: a yearly target falls back against the polarity from the previous
      numeric yearly target (positive indicators: lower; negative: higher);
    * ``beyond``: a yearly target already lies past the end target (positive: above it);
    * ``missing_end_target``: an IKU indicator (``iku = true``, or listed in Tabel 2.1
      when the flag is not given) has no numeric end target in Tabel 3.4. Judged only
      when Tabel 3.4 is present: a missing table is the completeness rules' finding.
    """

    name = "trajectory"
    outcomes = ("away", "beyond", "missing_end_target")
    placeholders: ClassVar[frozenset[str]] = frozenset(
        {"tahun_lalu", "tahun_akhir", "target_akhir", "other_table", "other_printed"}
    )
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {},
    }
    _YEARLY = "iku"
    _END = "target_akhir_renstra"

    def _end_year(self, view: ReportView) -> int | None:
        year = view.raw_table(self._END).get("tahun_target_akhir")
        if not isinstance(year, int) or isinstance(year, bool):
            renstra = view.data.get("renstra")
            year = renstra.get("periode_akhir") if isinstance(renstra, dict) else None
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    def run(self, view: ReportView) -> Iterator[Hit]:
        end_year = self._end_year(view)
        end_label = view.table_label(self._END)
        ends: dict[str, tuple[Cell, Decimal]] = {}
        for row in view.rows(self._END):
            cell = row.cell("target_akhir")
            value = number(cell)
            if isinstance(row.indikator, str) and value is not None:
                ends.setdefault(row.indikator, (cell, value))
        yearly: dict[str, list[Row]] = {}
        for row in view.rows(self._YEARLY):
            if isinstance(row.indikator, str):
                yearly.setdefault(row.indikator, []).append(row)
        for indikator, rows in yearly.items():
            yield from self._judge(view, indikator, rows, ends.get(indikator), end_year, end_label)
        if "baris" in view.raw_table(self._END):
            yield from self._missing(view, yearly, ends, end_year)

    def _judge(
        self,
        view: ReportView,
        indikator: str,
        rows: list[Row],
        end: tuple[Cell, Decimal] | None,
        end_year: int | None,
        end_label: Text,
    ) -> Iterator[Hit]:
        polarity = view.polarity(indikator)
        previous: tuple[Row, Decimal] | None = None
        for row in sorted(rows, key=lambda r: r.tahun or 0):
            cell = row.cell("target")
            value = number(cell)
            if value is None or (end_year is not None and (row.tahun or 0) > end_year):
                continue
            values: dict[str, Any] = {
                "row": row.label,
                "field": "target",
                "indikator": indikator,
                "tahun": row.tahun,
                "printed": _show_for(view, indikator, cell.value),
                "tahun_akhir": end_year,
            }
            if previous is not None and _better(previous[1], value, polarity):
                before = previous[0]
                values |= {
                    "tahun_lalu": before.tahun,
                    "other_table": view.table_label(self._YEARLY),
                    "other_printed": _show_for(view, indikator, before.cell("target").value),
                }
                yield Hit(
                    "away",
                    cell.pointer,
                    self._YEARLY,
                    values,
                    cell.value,
                    before.cell("target").value,
                )
            elif end is not None and _better(value, end[1], polarity):
                values |= {
                    "target_akhir": _show_for(view, indikator, end[0].value),
                    "other_table": end_label,
                    "other_printed": _show_for(view, indikator, end[0].value),
                }
                yield Hit("beyond", cell.pointer, self._YEARLY, values, cell.value, end[0].value)
            previous = (row, value)

    def _missing(
        self,
        view: ReportView,
        yearly: dict[str, list[Row]],
        ends: dict[str, tuple[Cell, Decimal]],
        end_year: int | None,
    ) -> Iterator[Hit]:
        rows = {row.indikator: row for row in reversed(view.rows(self._END))}
        order = list(view.indicators) + [i for i in yearly if i not in view.indicators]
        for indikator in order:
            flag = view.indicators.get(indikator, {}).get("iku")
            if indikator in ends or not (flag is True or (flag is None and indikator in yearly)):
                continue
            row = rows.get(indikator)
            if row is not None:
                cell = row.cell("target_akhir")
                pointer, printed = cell.pointer, cell.value
            else:
                pointer, printed = f"/tabel/{self._END}/baris", None
            yield Hit(
                outcome="missing_end_target",
                pointer=pointer,
                table=self._END,
                values={
                    "row": view.indicator_name(indikator),
                    "field": "target_akhir",
                    "indikator": indikator,
                    "tahun": end_year,
                    "tahun_akhir": end_year,
                    "printed": printed,
                },
                printed=printed,
            )


def _rows_key(name: str) -> str:
    """Where a view table's rows stand in the raw table (``program_pendukung.indikator``)."""
    return name.split(".")[1] if "." in name else "baris"


class IndicatorSet(CheckKind):
    """The IKU table, the Perjanjian Kinerja and the capaian table list the same indicators.

    The expected set is the union, in table then document order, of the indicators of
    the listed tables that are present; each indicator missing from a present table is
    one ``missing`` hit, pointing at that table's rows.
    """

    name = "indicator_set"
    outcomes = ("missing",)
    placeholders: ClassVar[frozenset[str]] = frozenset({"other_tables"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"tables": _tables_schema(2)},
    }
    _TABLES: ClassVar[list[str]] = ["iku", "perjanjian_kinerja", "capaian"]

    def problems(self) -> list[tuple[str, str]]:
        return [
            (f"/tables/{index}", f"table {table!r} is keyed by kode, not by indikator")
            for index, table in enumerate(self.params.get("tables", []))
            if table in BUDGET_TABLES
        ]

    def run(self, view: ReportView) -> Iterator[Hit]:
        tables = [
            table
            for table in self.params.get("tables", self._TABLES)
            if isinstance(view.raw_table(table).get(_rows_key(table)), list)
        ]
        listed: dict[str, dict[str, None]] = {}
        everywhere: dict[str, None] = {}
        for table in tables:
            listed[table] = {}
            for row in view.rows(table):
                if isinstance(row.indikator, str):
                    listed[table].setdefault(row.indikator)
                    everywhere.setdefault(row.indikator)
        for indikator in everywhere:
            having = [view.table_label(t) for t in tables if indikator in listed[t]]
            for table in tables:
                if indikator in listed[table]:
                    continue
                yield Hit(
                    outcome="missing",
                    pointer=f"/tabel/{table.split('.')[0]}/{_rows_key(table)}",
                    table=table,
                    values={
                        "row": view.indicator_name(indikator),
                        "indikator": indikator,
                        "tahun": view.year,
                        "other_tables": having,
                    },
                )


class IndexUnit(CheckKind):
    """An indicator whose name says it is an index must not have a percentage as satuan.

    ``index_words`` (whole words, any case) mark an index in the indicator's name or in
    a ``nama_tertulis``. The satuan is the one of the ``indikator`` list and the
    ``satuan_tertulis`` of Tabel 2.2 and 2.3. Outcomes, one per cell:

    * ``percent_for_index``: the indicator's satuan is a percentage (reported once, at
      the ``indikator`` entry, or else at each table cell that prints a percentage);
    * ``differs``: a table prints another satuan than the ``indikator`` entry.
    """

    name = "index_unit"
    outcomes = ("percent_for_index", "differs")
    placeholders: ClassVar[frozenset[str]] = frozenset({"satuan", "kata"})
    params_schema: ClassVar[dict[str, Any]] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "index_words": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "minItems": 1,
            },
            "tables": _tables_schema(),
        },
    }
    _WORDS: ClassVar[list[str]] = ["indeks", "index", "nilai ikm", "ikm", "skm"]
    _TABLES: ClassVar[list[str]] = ["tujuan_sasaran", "perjanjian_kinerja"]

    def problems(self) -> list[tuple[str, str]]:
        return _tables_problems(self.params.get("tables", []), "satuan_tertulis", "/tables")

    def _index_word(self, names: list[Any]) -> str | None:
        """The first index word found in the names, as the name writes it."""
        for word in self.params.get("index_words", self._WORDS):
            pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)
            for name in names:
                found = pattern.search(name) if isinstance(name, str) else None
                if found:
                    return found.group(0)
        return None

    def run(self, view: ReportView) -> Iterator[Hit]:
        tables = self.params.get("tables", self._TABLES)
        cells: dict[str, list[tuple[str, Row]]] = {}
        for table in tables:
            for row in view.rows(table):
                if isinstance(row.indikator, str) and row.cell("satuan_tertulis").present:
                    cells.setdefault(row.indikator, []).append((table, row))
        raw = view.data.get("indikator")
        for index, item in enumerate(raw if isinstance(raw, list) else []):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            indikator, satuan = item["id"], item.get("satuan")
            rows = cells.get(indikator, [])
            word = self._index_word(
                [item.get("nama")] + [r.cell("nama_tertulis").value for _, r in rows]
            )
            own_is_percent = word is not None and _is_percent_unit(satuan)
            values = {"row": view.indicator_name(indikator), "indikator": indikator, "kata": word}
            if own_is_percent:
                pointer = f"/indikator/{index}/satuan"
                yield Hit(
                    "percent_for_index",
                    pointer,
                    None,
                    values | {"satuan": satuan, "printed": satuan},
                    satuan,
                )
            for table, row in rows:
                cell = row.cell("satuan_tertulis")
                shown = values | {"satuan": satuan, "printed": cell.value}
                if word is not None and _is_percent_unit(cell.value):
                    if not own_is_percent:
                        yield Hit("percent_for_index", cell.pointer, table, shown, cell.value)
                elif isinstance(satuan, str) and not _same_unit(cell.value, satuan):
                    yield Hit("differs", cell.pointer, table, shown, cell.value, satuan)


def _same_unit(a: Any, b: Any) -> bool:
    """Satuan agree: ignoring case and spaces, and any spelling of a percentage."""
    if _is_percent_unit(a) and _is_percent_unit(b):
        return True
    return isinstance(a, str) and isinstance(b, str) and a.strip().lower() == b.strip().lower()
