"""Measuring an import against the hand transcription, cell by cell.

Rows are aligned by what identifies them in the data model: an indicator table's
rows by their indicator (imported ids mapped to the hand ids by the indicator
names), budget tables' rows by kode, the scale by position. Every numeric cell
of the hand transcription (a number or an N/A mark) in a table both hold counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sakip_validate.domain.names import NameMatch, compare_names
from sakip_validate.domain.values import is_na, same_value


@dataclass
class Figures:
    agree: int = 0
    total: int = 0
    differences: list[tuple[str, str, Any, Any]] = field(
        default_factory=list
    )  # (pointer, hand path, hand, imported)

    @property
    def share(self) -> float:
        return self.agree / self.total if self.total else 1.0


def _numeric(value: Any) -> bool:
    return (
        (isinstance(value, (int, float)) and not isinstance(value, bool))
        or is_na(value)
        or (type(value).__name__ == "Decimal")
    )


def _leaves(value: Any, path: str) -> list[tuple[str, Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, f"{path}/{k}")]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, f"{path}/{i}")]
    return [(path, value)]


def _get(value: Any, path: str) -> Any:
    for part in path.strip("/").split("/"):
        if part == "":
            continue
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value


def indicator_map(imported: dict[str, Any], hand: dict[str, Any]) -> dict[str, str]:
    """Imported indicator id -> hand id, by name."""
    result = {}
    for ours in imported.get("indikator", []):
        for theirs in hand.get("indikator", []):
            if compare_names(ours["nama"], theirs["nama"]) is not NameMatch.DIFFERENT:
                result[ours["id"]] = theirs["id"]
                break
    return result


_SKIP = {"no", "kode", "tahun", "nomor", "halaman", "tahun_target_akhir"}


def compare(imported: dict[str, Any], hand: dict[str, Any]) -> dict[str, Figures]:
    ids = indicator_map(imported, hand)
    figures: dict[str, Figures] = {}
    ours_tables = imported.get("tabel", {})
    for key, theirs in hand.get("tabel", {}).items():
        ours = ours_tables.get(key)
        if ours is None:
            continue
        result = figures.setdefault(key, Figures())
        for part in ("baris", "indikator", "program"):
            hand_rows = theirs.get(part, [])
            our_rows = ours.get(part, [])
            for n, row in enumerate(hand_rows):
                match, index = _find(row, our_rows, ids, n)
                for path, value in _leaves(row, ""):
                    parts = path.strip("/").split("/")
                    if (len(parts) == 1 and parts[0] in _SKIP) or not _numeric(value):
                        continue
                    result.total += 1
                    got = _get(match, path) if match is not None else None
                    if got is not None and same_value(got, value):
                        result.agree += 1
                    else:
                        pointer = (
                            f"/tabel/{key}/{part}/{index}{path}"
                            if index is not None
                            else f"/tabel/{key}/{part}"
                        )
                        result.differences.append((pointer, f"{key}/{part}/{n}{path}", value, got))
        if "jumlah" in theirs:
            for path, value in _leaves(theirs["jumlah"], ""):
                result.total += 1
                got = _get(ours.get("jumlah", {}), path)
                if got is not None and same_value(got, value):
                    result.agree += 1
                else:
                    result.differences.append(
                        (f"/tabel/{key}/jumlah{path}", f"{key}/jumlah{path}", value, got)
                    )
    return figures


def _find(
    row: dict[str, Any], rows: list[dict[str, Any]], ids: dict[str, str], n: int
) -> tuple[Any, int | None]:
    if "indikator" in row and isinstance(row["indikator"], str):
        for i, ours in enumerate(rows):
            if ids.get(ours.get("indikator", "")) == row["indikator"]:
                return ours, i
        return None, None
    if "kode" in row:
        for i, ours in enumerate(rows):
            if ours.get("kode") == row["kode"]:
                return ours, i
        return None, None
    return (rows[n], n) if n < len(rows) else (None, None)


def summary(figures: dict[str, Figures]) -> tuple[int, int]:
    return sum(f.agree for f in figures.values()), sum(f.total for f in figures.values())


def table_lines(name: str, figures: dict[str, Figures]) -> list[str]:
    agree, total = summary(figures)
    lines = [f"{name}: {agree}/{total} numeric cells agree ({100 * agree / total:.1f}%)"]
    for key, f in figures.items():
        lines.append(f"  {key}: {f.agree}/{f.total}")
    return lines
