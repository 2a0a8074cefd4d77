"""The LKjIP tables the importer knows: how each is titled, headed, and mapped to the data model.

PermenPAN-RB 53/2014 sets the tables closely enough that a printed title
("Perbandingan Target dan Realisasi Kinerja") and the header words (Target,
Realisasi, Capaian) tell which table of the data model a printed table is.
Each :class:`KindSpec` maps header labels to fields: a column goes to the first
field whose pattern matches its label and that no earlier column took.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["KINDS", "KindSpec", "kind_by_headers", "kind_by_title", "map_columns"]


@dataclass(frozen=True, slots=True)
class KindSpec:
    key: str  # data key under "tabel"
    title: re.Pattern[str]
    columns: tuple[tuple[str, str], ...]  # (label pattern, field); {y} fields take group 1
    needs: frozenset[str]  # fields without which the headers do not fit this kind
    money: frozenset[str] = frozenset()
    yearly: bool = False  # the table states one year (tahun)


def _spec(
    key: str, title: str, columns: list[tuple[str, str]], needs: set[str], **kw: object
) -> KindSpec:
    return KindSpec(
        key,
        re.compile(title),
        tuple(columns),
        frozenset(needs),
        **kw,  # type: ignore[arg-type]
    )


_NO = (r"^(no|nomor)$", "no")
_SASARAN = (r"^(tujuan )?sasaran$|^tujuan$|^tujuan sasaran$|^sasaran strategis$", "sasaran")
_NAMA = (r"^indikator( kinerja)?( utama)?( tujuan sasaran)?$", "nama")

KINDS: tuple[KindSpec, ...] = (
    _spec(
        "tujuan_sasaran",
        r"tujuan dan sasaran",
        [
            _NO,
            (r"^tujuan$", "tujuan"),
            (r"^sasaran$", "sasaran"),
            _NAMA,
            (r"^satuan$", "satuan"),
            (r"^target (\d{4})$", "target"),
        ],
        {"nama", "target"},
        yearly=True,
    ),
    _spec(
        "iku",
        r"indikator kinerja utama",
        [
            _NO,
            (r"^tujuan$", "tujuan"),
            (r"^sasaran$", "sasaran"),
            _NAMA,
            (r"^target.* (\d{4})$", "target.{y}"),
        ],
        {"nama"},
    ),
    _spec(
        "program_pendukung",
        r"menunjang|mendukung",
        [
            _NO,
            _SASARAN,
            _NAMA,
            (r"capaian", "capaian"),
            (r"program|kegiatan", "program"),
            (r"^indikator", "program_indikator"),
            (r"capaian", "program_capaian"),
            (r"menunjang|mendukung", "menunjang"),
        ],
        {"program"},
    ),
    _spec(
        "program_pk",
        r"^program (dan|&) kegiatan",
        [
            _NO,
            (r"program|kegiatan", "program"),
            (r"^indikator", "program_indikator"),
            (r"^target", "program_target"),
            (r"anggaran|pagu", "anggaran"),
        ],
        {"program", "anggaran"},
        money=frozenset({"anggaran"}),
        yearly=True,
    ),
    _spec(
        "perjanjian_kinerja",
        r"^perjanjian kinerja",
        [_NO, _SASARAN, _NAMA, (r"^satuan$", "satuan"), (r"^target", "target")],
        {"nama", "target"},
        yearly=True,
    ),
    _spec(
        "skala_kategori",
        r"skala",
        [(r"skala|rentang|nilai", "tertulis"), (r"kategori|predikat|kriteria", "kategori")],
        {"tertulis", "kategori"},
    ),
    _spec(
        "capaian",
        r"target dan realisasi|pengukuran kinerja",
        [
            _NO,
            _SASARAN,
            _NAMA,
            (r"^target", "target"),
            (r"^realisasi", "realisasi"),
            (r"capaian", "capaian"),
            (r"kategori|predikat", "kategori"),
            (r"sumber", "sumber_data"),
        ],
        {"target", "realisasi"},
        yearly=True,
    ),
    _spec(
        "perbandingan_tahun",
        r"tahun sebelumnya|tahun lalu|antar ?tahun",
        [
            _NO,
            _SASARAN,
            _NAMA,
            (r"^(\d{4}) target", "tahun.{y}.target"),
            (r"^(\d{4}) realisasi", "tahun.{y}.realisasi"),
            (r"^(\d{4}) capaian", "tahun.{y}.capaian"),
        ],
        {"nama"},
    ),
    _spec(
        "target_akhir_renstra",
        r"target akhir|jangka menengah",
        [
            _NO,
            _SASARAN,
            _NAMA,
            (r"^(capaian|realisasi) (\d{4})$", "realisasi"),
            (r"target akhir", "target_akhir"),
            (r"capaian", "capaian"),
            (r"kemajuan", "tingkat_kemajuan"),
        ],
        {"target_akhir"},
        yearly=True,
    ),
    _spec(
        "analisis_penyebab",
        r"penyebab|keberhasilan|kegagalan",
        [
            _NO,
            _SASARAN,
            _NAMA,
            (r"^target", "target"),
            (r"^realisasi", "realisasi"),
            (r"capaian", "capaian"),
            (r"analisis|penyebab", "analisis"),
            (r"solusi", "solusi"),
        ],
        {"analisis"},
        yearly=True,
    ),
    _spec(
        "efisiensi",
        r"efisiensi",
        [
            _NO,
            _SASARAN,
            (r"^anggaran anggaran|^anggaran rp$|pagu", "anggaran"),
            (r"^anggaran realisasi|realisasi rp", "realisasi_anggaran"),
            (r"^anggaran .*capaian", "capaian_anggaran"),
            (r"efisiensi", "tingkat_efisiensi"),
            _NAMA,
            (r"target", "target"),
            (r"realisasi", "realisasi"),
            (r"capaian", "capaian"),
        ],
        {"tingkat_efisiensi"},
        money=frozenset({"anggaran", "realisasi_anggaran"}),
        yearly=True,
    ),
    _spec(
        "realisasi_anggaran",
        r"anggaran",
        [
            _NO,
            (r"program|kegiatan|uraian", "program"),
            (r"^(anggaran|pagu)", "anggaran"),
            (r"^realisasi", "realisasi"),
            (r"capaian|persen|^$", "persen"),
        ],
        {"program", "anggaran", "realisasi"},
        money=frozenset({"anggaran", "realisasi"}),
        yearly=True,
    ),
)


def kind_by_title(title: str) -> KindSpec | None:
    text = " ".join(re.sub(r"[^0-9a-z]+", " ", title.lower()).split())
    for spec in KINDS:
        if spec.title.search(text):
            return spec
    return None


def map_columns(spec: KindSpec, labels: list[str]) -> dict[int, tuple[str, str | None]]:
    """Column index -> (field, year or None) for each column the spec maps."""
    used: set[int] = set()
    mapped: dict[int, tuple[str, str | None]] = {}
    for column, label in enumerate(labels):
        if not label:
            continue
        for k, (pattern, field) in enumerate(spec.columns):
            match = re.search(pattern, label) or re.search(
                pattern.replace(" ", ""), label.replace(" ", "")
            )
            if match is None:
                continue
            templated = "{y}" in field
            if k in used and not templated:
                continue
            year = next((g for g in match.groups() if g and g.isdigit() and len(g) == 4), None)
            mapped[column] = (field.replace("{y}", year or ""), year)
            if not templated:
                used.add(k)
            break
    return mapped


def kind_by_headers(labels: list[str]) -> KindSpec | None:
    """The kind whose needed fields the headers give, when exactly one fits best."""
    best: KindSpec | None = None
    best_score = 0
    for spec in KINDS:
        fields = {f.split(".")[0] for f, _ in map_columns(spec, labels).values()}
        if not spec.needs <= fields:
            continue
        score = len(fields)
        if score > best_score:
            best, best_score = spec, score
    return best
