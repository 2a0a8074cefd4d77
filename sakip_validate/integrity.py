"""References inside a report, checked with the schema step: ids declared once, every
reference resolving, no ``induk`` cycle.

JSON Schema cannot say that a row's ``indikator`` names an indicator declared in
``indikator``: a mistyped id (``ikm`` for ``IKM``) would otherwise pass and then
give a cascade of misleading "indicator missing from Tabel 2.3" findings. Here
it gives one finding at the reference, with the closest declared id, and (as for
any schema finding) the rules do not run until it is fixed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from . import codes
from .domain.tables import table_name
from .findings import Finding, Text
from .loading import LoadedDocument
from .loading.pointers import dotted

__all__ = ["check_integrity"]

# Lists of rows (below ``tabel``) whose ``indikator`` refers to a declared indicator,
# and lists inside each row whose items do too.
_INDICATOR_ROWS = (
    ("iku", "baris"),
    ("tujuan_sasaran", "baris"),
    ("perjanjian_kinerja", "baris"),
    ("capaian", "baris"),
    ("perbandingan_tahun", "baris"),
    ("target_akhir_renstra", "baris"),
    ("analisis_penyebab", "baris"),
    ("efisiensi", "baris"),
    ("program_pendukung", "indikator"),
    ("standar_nasional", "baris"),
)
_NESTED_INDICATORS = (("program_pk", "baris"), ("program_pendukung", "program"))
_KODE_TABLES = (("realisasi_anggaran", "baris"),)


def _items(value: Any) -> list[tuple[int, dict[str, Any]]]:
    if not isinstance(value, list):
        return []
    return [(index, item) for index, item in enumerate(value) if isinstance(item, dict)]


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _finding(
    code: codes.Code, document: LoadedDocument, pointer: str, message: Text, hint: Text | None
) -> Finding:
    parts = pointer.split("/")
    key = parts[2] if len(parts) > 2 and parts[1] == "tabel" else None
    return Finding(
        rule=code.id,
        severity=code.severity,
        message=message,
        location=document.locate(pointer),
        hint=hint,
        pack=code.pack,
        title=code.title,
        table=table_name(document.data, key) if key else None,
        table_key=key,
    )


def _declared(
    document: LoadedDocument, name: str, noun: Text
) -> tuple[dict[str, str], list[Finding]]:
    """Ids of the top-level list ``name`` (id -> pointer) and a finding per repeated id."""
    ids: dict[str, str] = {}
    findings = []
    for index, item in _items(document.data.get(name)):
        value = item.get("id")
        if not isinstance(value, str):
            continue
        pointer = f"/{name}/{index}/id"
        if value in ids:
            findings.append(
                _finding(
                    codes.SCHEMA_DUPLICATE_ID,
                    document,
                    pointer,
                    Text(
                        f"Id {noun.id} `{value}` sudah dipakai di {dotted(ids[value])}; setiap "
                        "id hanya boleh dinyatakan sekali.",
                        f"The {noun.en} id `{value}` is already used at {dotted(ids[value])}; "
                        "each id may be declared once.",
                    ),
                    Text(
                        "Beri id lain, atau gabungkan kedua isian bila keduanya sama.",
                        "Give it another id, or merge the two entries if they are the same.",
                    ),
                )
            )
        else:
            ids[value] = pointer
    return ids, findings


def _dangling(
    document: LoadedDocument, pointer: str, value: str, declared: dict[str, str], noun: Text
) -> Finding:
    close = difflib.get_close_matches(value, list(declared), n=1, cutoff=0.5)
    folded = [known for known in declared if known.casefold() == value.casefold()]
    candidates = folded or close
    guess = candidates[0] if candidates else None
    where = dotted(pointer)
    if guess is not None:
        message = Text(
            f"{where} merujuk {noun.id} `{value}` yang tidak dinyatakan; maksudnya `{guess}`?",
            f"{where} refers to the {noun.en} `{value}`, which is not declared; did you mean "
            f"`{guess}`?",
        )
    else:
        message = Text(
            f"{where} merujuk {noun.id} `{value}` yang tidak dinyatakan.",
            f"{where} refers to the {noun.en} `{value}`, which is not declared.",
        )
    hint = Text(
        f"Tulis id yang dinyatakan dalam daftar {noun.id}, atau nyatakan `{value}` di sana.",
        f"Write an id declared in the {noun.en} list, or declare `{value}` there.",
    )
    return _finding(codes.SCHEMA_REFERENCE, document, pointer, message, hint)


def _indicator_references(data: dict[str, Any]) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of every reference to an indicator id."""
    tables = _mapping(data.get("tabel"))
    for table, rows in _INDICATOR_ROWS:
        section = tables.get(table)
        if not isinstance(section, dict):
            continue
        for index, row in _items(section.get(rows)):
            if "indikator" in row:
                yield f"/tabel/{table}/{rows}/{index}/indikator", row["indikator"]
    for table, rows in _NESTED_INDICATORS:
        section = tables.get(table)
        if not isinstance(section, dict):
            continue
        for index, row in _items(section.get(rows)):
            for inner, item in _items(row.get("indikator_kinerja")):
                if "indikator" in item:
                    base = f"/tabel/{table}/{rows}/{index}/indikator_kinerja/{inner}"
                    yield f"{base}/indikator", item["indikator"]
    narasi = _mapping(data.get("narasi"))
    for index, item in _items(narasi.get("pernyataan")):
        if "indikator" in item:
            yield f"/narasi/pernyataan/{index}/indikator", item["indikator"]


def _cycle(parents: dict[str, str]) -> list[str] | None:
    """The first cycle of a parent map (each member once, in order), or None."""
    done: set[str] = set()
    for start in parents:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node not in done:
            if node in on_path:
                return path[path.index(node) :]
            path.append(node)
            on_path.add(node)
            node = parents.get(node)
        done |= on_path
    return None


def _cycle_finding(
    document: LoadedDocument, pointer: str, members: list[str], noun: Text
) -> Finding:
    chain = " → ".join([*members, members[0]])
    return _finding(
        codes.SCHEMA_CYCLE,
        document,
        pointer,
        Text(
            f"Induk {noun.id} melingkar: {chain}; tidak ada yang menjadi puncaknya.",
            f"The {noun.en} parents form a cycle: {chain}; none of them is at the top.",
        ),
        Text(
            "Perbaiki `induk` salah satunya agar rantai induk berakhir di tingkat teratas.",
            "Fix the `induk` of one of them so that the chain of parents ends at the top.",
        ),
    )


def _induk(section: dict[str, Any], rows: str, index: int) -> Any:
    return section[rows][index].get("induk")


_INDICATOR = Text("indikator", "indicator")
_SASARAN = Text("sasaran", "objective")
_KODE = Text("kode", "code")


def check_integrity(document: LoadedDocument) -> list[Finding]:
    """Findings for repeated ids, references to undeclared ids and ``induk`` cycles.

    Runs on data that passed the JSON Schema, so the shapes are known.
    """
    data = document.data
    if not isinstance(data, dict):
        return []
    indicators, findings = _declared(document, "indikator", _INDICATOR)
    objectives, repeated = _declared(document, "sasaran", _SASARAN)
    findings += repeated
    for pointer, value in _indicator_references(data):
        if isinstance(value, str) and value not in indicators:
            findings.append(_dangling(document, pointer, value, indicators, _INDICATOR))
    for index, item in _items(data.get("indikator")):
        value = item.get("sasaran")
        if isinstance(value, str) and value not in objectives:
            pointer = f"/indikator/{index}/sasaran"
            findings.append(_dangling(document, pointer, value, objectives, _SASARAN))
    parents: dict[str, str] = {}
    rows_of: dict[str, int] = {}
    for index, item in _items(data.get("sasaran")):
        value, own = item.get("induk"), item.get("id")
        if not isinstance(value, str):
            continue
        if value not in objectives:
            pointer = f"/sasaran/{index}/induk"
            findings.append(_dangling(document, pointer, value, objectives, _SASARAN))
        elif isinstance(own, str):
            parents.setdefault(own, value)
            rows_of.setdefault(own, index)
    members = _cycle(parents)
    if members is not None:
        pointer = f"/sasaran/{rows_of[members[0]]}/induk"
        findings.append(_cycle_finding(document, pointer, members, _SASARAN))
    tables = _mapping(data.get("tabel"))
    for table, rows in _KODE_TABLES:
        section = tables.get(table)
        if not isinstance(section, dict):
            continue
        kodes: dict[str, int] = {}
        for index, row in _items(section.get(rows)):
            if isinstance(row.get("kode"), str):
                kodes.setdefault(row["kode"], index)
        # Each row's parent as the budget tree takes it: its induk, else the
        # nearest kode above it ("1.2.1" -> "1.2" -> "1").
        parents = {}
        for index, row in _items(section.get(rows)):
            value, own = row.get("induk"), row.get("kode")
            if not isinstance(own, str):
                continue
            if isinstance(value, str):
                if value not in kodes:
                    pointer = f"/tabel/{table}/{rows}/{index}/induk"
                    declared = {kode: f"/tabel/{table}/{rows}/{i}" for kode, i in kodes.items()}
                    findings.append(_dangling(document, pointer, value, declared, _KODE))
                    continue
                parents.setdefault(own, value)
                continue
            parts = own.split(".")
            above = (".".join(parts[:end]) for end in range(len(parts) - 1, 0, -1))
            parent = next((kode for kode in above if kode in kodes), None)
            if parent is not None:
                parents.setdefault(own, parent)
        members = _cycle(parents)
        if members is not None:
            first = next(m for m in members if isinstance(_induk(section, rows, kodes[m]), str))
            pointer = f"/tabel/{table}/{rows}/{kodes[first]}/induk"
            findings.append(_cycle_finding(document, pointer, members, _KODE))
    return findings
