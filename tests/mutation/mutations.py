"""Single realistic mistakes planted into the corrected reference report.

Each mutation changes the corrected example's data in one place, the way a
person preparing an LKjIP gets a figure or a word wrong, and names the place a
reviewer would mark (a JSON pointer). ``python -m tests.mutation.mutations``
prints recall (a mutation gives some finding) and exact location (a finding
at the planted place, or inside it, or around it), per mutation.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
CORRECTED = ROOT / "examples" / "jatinegara-2021-corrected.toml"

Data = dict[str, Any]


@dataclass(frozen=True)
class Mutation:
    """A planted mistake: what it is, how to make it, and where it must be reported."""

    name: str
    what: str
    plant: Callable[[Data], None]
    at: str  # the pointer a reviewer would mark


def _get(data: Any, pointer: str) -> Any:
    node = data
    for part in pointer.strip("/").split("/"):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def _set(pointer: str, value: Any) -> Callable[[Data], None]:
    def plant(data: Data) -> None:
        *parents, last = pointer.strip("/").split("/")
        node = _get(data, "/" + "/".join(parents)) if parents else data
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return plant


def _drop(pointer: str) -> Callable[[Data], None]:
    def plant(data: Data) -> None:
        *parents, last = pointer.strip("/").split("/")
        node = _get(data, "/" + "/".join(parents))
        if isinstance(node, list):
            del node[int(last)]
        else:
            del node[last]

    return plant


def _remove_item(pointer: str, item: str) -> Callable[[Data], None]:
    def plant(data: Data) -> None:
        _get(data, pointer).remove(item)

    return plant


def _append(pointer: str, copy_of: str) -> Callable[[Data], None]:
    def plant(data: Data) -> None:
        _get(data, pointer).append(deepcopy(_get(data, copy_of)))

    return plant


def _both(*plants: Callable[[Data], None]) -> Callable[[Data], None]:
    def plant(data: Data) -> None:
        for step in plants:
            step(data)

    return plant


D = Decimal
CAP = "/tabel/capaian/baris"
CMP = "/tabel/perbandingan_tahun/baris"
IKU = "/tabel/iku/baris"
PK = "/tabel/perjanjian_kinerja/baris"
TS = "/tabel/tujuan_sasaran/baris"
SEB = "/tabel/analisis_penyebab/baris"
EFF = "/tabel/efisiensi/baris"
END = "/tabel/target_akhir_renstra/baris"
BUD = "/tabel/realisasi_anggaran/baris"
PPK = "/tabel/program_pk/baris"
NAR = "/narasi/pernyataan"
DIS = "/narasi/distribusi"

MUTATIONS: tuple[Mutation, ...] = (
    # -- capaian arithmetic -------------------------------------------------------------
    Mutation(
        "capaian-off-by-one-cent",
        "capaian 99,94 typed 99,95",
        _set(f"{CAP}/0/capaian", D("99.95")),
        f"{CAP}/0/capaian",
    ),
    Mutation(
        "capaian-truncated",
        "capaian cut, not rounded (99,93)",
        _set(f"{CAP}/0/capaian", D("99.93")),
        f"{CAP}/0/capaian",
    ),
    Mutation(
        "capaian-inverted",
        "capaian computed target ÷ realisasi",
        _set(f"{CAP}/0/capaian", D("100.06")),
        f"{CAP}/0/capaian",
    ),
    Mutation(
        "capaian-whole-number",
        "capaian 90 printed as 9",
        _set(f"{CAP}/1/capaian", D("9.00")),
        f"{CAP}/1/capaian",
    ),
    Mutation(
        "capaian-3-3-wrong",
        "a year's capaian in Tabel 3.3 miscomputed",
        _set(f"{CMP}/0/tahun/2020/capaian", D("99.00")),
        f"{CMP}/0/tahun/2020/capaian",
    ),
    Mutation(
        "capaian-3-5-wrong",
        "capaian in Tabel 3.5 miscomputed",
        _set(f"{SEB}/0/capaian", D("98.94")),
        f"{SEB}/0/capaian",
    ),
    Mutation(
        "capaian-3-6-wrong",
        "capaian in Tabel 3.6 miscomputed",
        _set(f"{EFF}/0/capaian", D("98.94")),
        f"{EFF}/0/capaian",
    ),
    Mutation(
        "capaian-3-4-wrong",
        "capaian against the end target miscomputed",
        _set(f"{END}/0/capaian", D("97.08")),
        f"{END}/0/capaian",
    ),
    # -- the same figure in several tables ------------------------------------------------
    Mutation(
        "target-typo-iku",
        "this year's target mistyped in Tabel 2.1",
        _set(f"{IKU}/0/target/2021", D("89.95")),
        f"{IKU}/0/target/2021",
    ),
    Mutation(
        "target-typo-pk",
        "target mistyped in the Perjanjian Kinerja",
        _set(f"{PK}/0/target", D("80.59")),
        f"{PK}/0/target",
    ),
    Mutation(
        "target-typo-2-2",
        "target mistyped in Tabel 2.2",
        _set(f"{TS}/0/target", D("80.59")),
        f"{TS}/0/target",
    ),
    Mutation(
        "realisasi-typo-3-5",
        "realisasi mistyped in Tabel 3.5",
        _set(f"{SEB}/0/realisasi", D("80.09")),
        f"{SEB}/0/realisasi",
    ),
    Mutation(
        "realisasi-typo-3-3",
        "this year's realisasi mistyped in Tabel 3.3",
        _set(f"{CMP}/0/tahun/2021/realisasi", D("80.09")),
        f"{CMP}/0/tahun/2021/realisasi",
    ),
    # -- kategori ------------------------------------------------------------------------
    Mutation(
        "kategori-wrong-band",
        "kategori of 90% written Sangat Tinggi",
        _set(f"{CAP}/1/kategori", "Sangat Tinggi"),
        f"{CAP}/1/kategori",
    ),
    Mutation(
        "kategori-misspelt",
        "kategori misspelt",
        _set(f"{CAP}/0/kategori", "Sangat Tingi"),
        f"{CAP}/0/kategori",
    ),
    # -- budget --------------------------------------------------------------------------
    Mutation(
        "budget-sub-times-ten",
        "a sub kegiatan's anggaran with an extra zero",
        _set(f"{BUD}/2/anggaran", 56_400_000),
        f"{BUD}/2/anggaran",
    ),
    Mutation(
        "budget-parent-sum",
        "a kegiatan's anggaran not the sum of its sub kegiatan",
        _set(f"{BUD}/1/anggaran", 11_681_000),
        f"{BUD}/1/anggaran",
    ),
    Mutation(
        "budget-total",
        "the JUMLAH anggaran mistyped",
        _set("/tabel/realisasi_anggaran/jumlah/anggaran", 1_834_508_000),
        "/tabel/realisasi_anggaran/jumlah/anggaran",
    ),
    Mutation(
        "budget-percent",
        "a row's % miscomputed",
        _set(f"{BUD}/2/persen", D("73.97")),
        f"{BUD}/2/persen",
    ),
    Mutation(
        "budget-realisasi-over",
        "realisasi above anggaran (and its %)",
        _both(_set(f"{BUD}/2/realisasi", 5_740_000), _set(f"{BUD}/1/realisasi", 8_461_000)),
        f"{BUD}/2/realisasi",
    ),
    Mutation(
        "budget-pk-differs",
        "a program's anggaran in Tabel 2.4 differs from Tabel 3.8",
        _set(f"{PPK}/0/anggaran", 1_624_744_000),
        f"{PPK}/0/anggaran",
    ),
    Mutation(
        "budget-int32",
        "an anggaran cut at the 32-bit limit",
        _set(f"{BUD}/0/anggaran", 2_147_483_647),
        f"{BUD}/0/anggaran",
    ),
    # -- zero targets, N/A and empty cells ------------------------------------------------
    Mutation(
        "na-with-target",
        "realisasi N/A although the target is not 0",
        _set(f"{CAP}/0/realisasi", "N/A"),
        f"{CAP}/0/realisasi",
    ),
    Mutation(
        "capaian-empty",
        "capaian left empty beside target and realisasi",
        _drop(f"{CAP}/0/capaian"),
        f"{CAP}/0/capaian",
    ),
    Mutation(
        "sumber-data-empty",
        "sumber data left empty",
        _drop(f"{CAP}/0/sumber_data"),
        f"{CAP}/0/sumber_data",
    ),
    Mutation("solusi-empty", "solusi left empty", _drop(f"{SEB}/0/solusi"), f"{SEB}/0/solusi"),
    # -- completeness and signatories -----------------------------------------------------
    Mutation(
        "missing-lampiran-pk",
        "the Perjanjian Kinerja annex missing",
        _remove_item("/kelengkapan/bagian", "lampiran_perjanjian_kinerja"),
        "/kelengkapan/bagian",
    ),
    Mutation(
        "missing-efisiensi-analysis",
        "the efficiency analysis left out",
        _both(_drop("/tabel/efisiensi"), _remove_item("/kelengkapan/analisis_bab_3", "efisiensi")),
        "/kelengkapan/analisis_bab_3",
    ),
    Mutation(
        "signatory-jabatan",
        "the Penutup block's jabatan mistyped",
        _set("/penandatangan/1/jabatan", "Pt. CAMAT JATINEGARA"),
        "/penandatangan/1/jabatan",
    ),
    Mutation(
        "signatory-nip",
        "a NIP with a digit missing",
        _set("/penandatangan/0/nip", "19740710 199803 1 07"),
        "/penandatangan/0/nip",
    ),
    Mutation(
        "signed-late",
        "signed after the deadline",
        _both(
            _set("/penandatangan/0/tanggal", "2022-05-25"),
            _set("/penandatangan/1/tanggal", "2022-05-25"),
        ),
        "/penandatangan",
    ),
    # -- the text against the tables ------------------------------------------------------
    Mutation(
        "text-indicator-count",
        "the text counts 3 indicators",
        _set(f"{NAR}/3/nilai", 3),
        f"{NAR}/3/nilai",
    ),
    Mutation(
        "text-capaian",
        "the text quotes another capaian",
        _set(f"{NAR}/5/nilai", D("99.49")),
        f"{NAR}/5/nilai",
    ),
    Mutation(
        "text-pagu",
        "the text quotes another pagu",
        _set(f"{NAR}/14/nilai", 1_843_058_000),
        f"{NAR}/14/nilai",
    ),
    Mutation(
        "text-kategori",
        "the text names another kategori",
        _set(f"{NAR}/6/nilai", "Sangat Tinggi"),
        f"{NAR}/6/nilai",
    ),
    # -- distributions --------------------------------------------------------------------
    Mutation(
        "distribution-sum",
        "the desa counts do not add up to 17",
        _set(f"{DIS}/4/kelompok/2/jumlah", 11),
        f"{DIS}/4/kelompok/2/jumlah",
    ),
    Mutation(
        "distribution-percent",
        "a desa percentage that is not its count of 17",
        _set(f"{DIS}/4/kelompok/3/persen", D("36.29")),
        f"{DIS}/4/kelompok/3/persen",
    ),
    Mutation(
        "distribution-conflict",
        "two chapters give another split for the same year",
        _both(_set(f"{DIS}/1/kelompok/2/jumlah", 11), _set(f"{DIS}/1/kelompok/3/jumlah", 5)),
        f"{DIS}/1/kelompok",
    ),
    # -- the printed scale ----------------------------------------------------------------
    Mutation(
        "efficiency-budget-repeated",
        "the whole budget repeated on an efficiency row",
        _set(f"{EFF}/1/anggaran", 1_834_058_000),
        f"{EFF}/1/anggaran",
    ),
    # -- ids, units and the Renstra period ------------------------------------------------
    Mutation(
        "indicator-id-typo",
        "a row refers to 'ikm'",
        _set(f"{CAP}/0/indikator", "ikm"),
        f"{CAP}/0/indikator",
    ),
    Mutation(
        "indicator-id-twice",
        "an indicator block copied with its id",
        _append("/indikator", "/indikator/2"),
        "/indikator/4/id",
    ),
    Mutation(
        "index-in-percent",
        "an index measured in percent",
        _set("/indikator/0/satuan", "Persentase"),
        "/indikator/0/satuan",
    ),
    Mutation(
        "year-as-float",
        "the budget year written 2021.0",
        _set("/laporan/tahun_anggaran", D("2021.0")),
        "/laporan/tahun_anggaran",
    ),
    Mutation(
        "target-year-outside-renstra",
        "a Tabel 2.1 target for a year after the Renstra",
        _set(f"{IKU}/1/target/2025", 100),
        f"{IKU}/1/target/2025",
    ),
    Mutation(
        "indicator-name-differs",
        "an indicator's name mistyped in one table",
        _set(f"{SEB}/0/nama_tertulis", "Laju Peningkatan Nilai IKN Kecamatan"),
        f"{SEB}/0/nama_tertulis",
    ),
    Mutation(
        "share-not-of-the-whole",
        "a desa percentage that no count of the 17 desa gives",
        _set(f"{IKU}/3/target/2022", D("12.00")),
        f"{IKU}/3/target/2022",
    ),
    Mutation(
        "comparison-wrong-direction",
        "the text calls a rise a fall",
        _set("/narasi/perbandingan/0/kata_arah", "penurunan"),
        "/narasi/perbandingan/0/kata_arah",
    ),
    Mutation(
        "efficiency-not-its-formula",
        "a tingkat efisiensi the stated formula does not give",
        _set(f"{EFF}/0/tingkat_efisiensi", D("112.43")),
        f"{EFF}/0/tingkat_efisiensi",
    ),
    Mutation(
        "target-below-last-year",
        "next year's target below this year's realisasi",
        _set(f"{IKU}/0/target/2022", D("80.00")),
        f"{IKU}/0/target/2022",
    ),
)


def load_corrected() -> Data:
    from sakip_validate.loading import load_path

    data: Data = load_path(CORRECTED).data
    return data


def as_json(data: Data) -> bytes:
    """The data as JSON with every Decimal's printed digits kept."""
    text = json.dumps(data, default=lambda item: f"@@{item}@@", ensure_ascii=False)
    return text.replace('"@@', "").replace('@@"', "").encode("utf-8")


def related(found: str, planted: str) -> bool:
    """Whether a finding at ``found`` is about the planted place (it, inside it, or around it)."""
    return (
        found == planted
        or found.startswith(planted.rstrip("/") + "/")
        or planted.startswith(found.rstrip("/") + "/")
    )


@dataclass(frozen=True)
class Outcome:
    mutation: Mutation
    rules: tuple[str, ...]
    pointers: tuple[str, ...]

    @property
    def found(self) -> bool:
        return bool(self.rules)

    @property
    def located(self) -> bool:
        """Some finding is at the planted place (or inside or around it)."""
        return any(related(p, self.mutation.at) for p in self.pointers)

    @property
    def elsewhere(self) -> tuple[str, ...]:
        """Places blamed that are not the planted one (correct places wrongly blamed)."""
        return tuple(p for p in self.pointers if not related(p, self.mutation.at))


def outcome(mutation: Mutation, base: Data) -> Outcome:
    from sakip_validate.api import check_bytes

    data = deepcopy(base)
    mutation.plant(data)
    report = check_bytes(as_json(data), f"{mutation.name}.json", "json")
    findings = [f for f in report.findings if f.rule != "INTERNAL001"]
    return Outcome(
        mutation,
        tuple(f.rule for f in findings),
        tuple(f.location.pointer for f in findings),
    )


def main() -> int:
    base = load_corrected()
    outcomes = [outcome(m, base) for m in MUTATIONS]
    found = sum(o.found for o in outcomes)
    located = sum(o.located for o in outcomes)
    only = sum(o.located and not o.elsewhere for o in outcomes)
    for o in outcomes:
        mark = "ok " if o.located else ("off" if o.found else "MISS")
        extra = f"  also blames {len(o.elsewhere)} other place(s)" if o.elsewhere else ""
        print(f"{mark} {o.mutation.name:<30} {','.join(sorted(set(o.rules))) or '-'}{extra}")
    total = len(outcomes)
    print(
        f"recall {found}/{total} ({found / total:.0%}); found at its place {located}/{total} "
        f"({located / total:.0%}); only at its place {only}/{total} ({only / total:.0%})"
    )
    return 0 if located == total else 1


if __name__ == "__main__":
    sys.exit(main())
