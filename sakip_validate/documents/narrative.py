"""What the running text states that the rules read: identity, signatures, sections, facts.

Only statements with a fixed printed shape are taken (the number of indicators
"terhadap 3 (tiga) indikator", the claim "seluruh ... tercapai", the Bab IV
budget sentence "Dengan pagu Rp. ... terealisasi ... atau sekitar ...%");
everything else in the text is left for the reader, and the guide says so.
"""

from __future__ import annotations

import re
from typing import Any

from .cells import read_number
from .model import Document, Paragraph
from .sources import Imported, Source

__all__ = ["read_narrative", "report_identity"]

_MONTH_NAMES = (
    "januari februari maret april mei juni juli agustus september oktober november desember"
)
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split())}
_DATED = re.compile(r"^([A-Z][A-Za-z .'-]+),\s*([0-9]{1,2})\s+([A-Za-z]+)\s+([0-9]{4})$")
_UNITS = {
    "kecamatan": "kecamatan",
    "kelurahan": "kelurahan",
    "dinas": "opd",
    "badan": "opd",
    "inspektorat": "opd",
    "sekretariat": "opd",
    "satuan": "opd",
    "kantor": "opd",
    "rsud": "opd",
}
_SECTION = re.compile(r"^([1-9])\.([0-9])\.?\s+\S")
_CHAPTER = re.compile(r"^bab\s+(i|ii|iii|iv|v)\b", re.IGNORECASE)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}


def _title(text: str) -> str:
    return " ".join(w.capitalize() for w in text.split())


def report_identity(document: Document) -> dict[str, Any]:
    """``laporan`` from the cover: the lines before the Kata Pengantar."""
    cover: list[str] = []
    for block in document.blocks[:40]:
        if not isinstance(block, Paragraph):
            break
        if block.text.strip().lower().startswith(("kata pengantar", "daftar isi")):
            break
        cover.append(block.text.strip())
    text = " ".join(cover)
    identity: dict[str, Any] = {}
    if re.search(r"laporan kinerja instansi pemerintah", text, re.IGNORECASE):
        identity["jenis"] = "LKjIP"
    elif re.search(r"laporan kinerja", text, re.IGNORECASE):
        identity["jenis"] = "LKj"
    title = re.search(r"(laporan kinerja.*?\b(19|20)[0-9]{2})\b", text, re.IGNORECASE)
    if title:
        identity["judul"] = title.group(1)
        identity["tahun_anggaran"] = int(title.group(1)[-4:])
    published = re.search(r"\btahun\s+((19|20)[0-9]{2})\b", text, re.IGNORECASE)
    if published:
        identity["tahun_terbit"] = int(published.group(1))
    unit: dict[str, Any] = {}
    for line in cover:
        first = line.split()[0].lower() if line.split() else ""
        if first in _UNITS and "nama" not in unit:
            unit["nama"] = _title(line)
            unit["tingkat"] = _UNITS[first]
        elif first in {"kabupaten", "kota", "provinsi"} and "pemerintah_daerah" not in unit:
            unit["pemerintah_daerah"] = _title(line)
    if unit:
        identity["unit"] = unit
    return identity


def _sections(document: Document) -> list[tuple[str | None, Paragraph]]:
    """Each paragraph with the section it stands in ("1.3", "4"), by the headings above."""
    current: str | None = None
    result = []
    for block in document.blocks:
        if not isinstance(block, Paragraph):
            continue
        chapter = _CHAPTER.match(block.text)
        section = _SECTION.match(block.text)
        if chapter and len(block.text) < 60:
            current = _ROMAN[chapter.group(1).lower()]
        elif section and len(block.text) < 80:
            current = f"{section.group(1)}.{section.group(2)}"
        result.append((current, block))
    return result


def _halaman(paragraph: Paragraph) -> int | str | None:
    return paragraph.pages.halaman if paragraph.pages else None


def _statement(bab: str | None, paragraph: Paragraph, **values: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {}
    if bab:
        entry["bab"] = bab
    if _halaman(paragraph) is not None:
        entry["halaman"] = _halaman(paragraph)
    entry.update(values)
    entry["kutipan"] = paragraph.text
    return entry


def read_narrative(
    document: Document, out: Imported, indicators: list[Any], tables: set[str]
) -> None:
    sections = _sections(document)
    laporan = out.data.get("laporan")
    year = laporan.get("tahun_anggaran") if isinstance(laporan, dict) else None
    signatures = _signatures(document)
    if signatures:
        out.data["penandatangan"] = signatures
    renstra = _renstra(document)
    if renstra:
        out.data["renstra"] = renstra
    pernyataan: list[dict[str, Any]] = []
    klaim: list[dict[str, Any]] = []
    for bab, paragraph in sections:
        text = paragraph.text
        count = re.search(r"terhadap\s+([0-9]+)\s*\(\w+\)\s+indikator", text, re.IGNORECASE)
        if count:
            pernyataan.append(
                _statement(
                    bab,
                    paragraph,
                    besaran="jumlah_indikator",
                    tahun=year,
                    nilai=int(count.group(1)),
                )
            )
        if re.search(r"\bseluruh\b.*\btercapai\b", text, re.IGNORECASE):
            klaim.append(_statement(bab, paragraph, jenis="seluruh_target_tercapai"))
        pagu = re.search(
            r"pagu\s+Rp\.?\s*([0-9.]+),?-?.*?terealisasi\s+sebesar\s+Rp\.?\s*([0-9.]+),?-?.*?([0-9]+(?:,[0-9]+)?)\s*%",
            text,
            re.IGNORECASE,
        )
        if pagu:
            for besaran, group, money in (
                ("pagu_anggaran", 1, True),
                ("realisasi_anggaran", 2, True),
                ("persen_realisasi_anggaran", 3, False),
            ):
                value = read_number(pagu.group(group), money=money).value
                if value is not None and not isinstance(value, str):
                    pointer = f"/narasi/pernyataan/{len(pernyataan)}/nilai"
                    pernyataan.append(
                        _statement(bab, paragraph, besaran=besaran, tahun=year, nilai=value)
                    )
                    out.sources[pointer] = Source(
                        None,
                        None,
                        None,
                        str(paragraph.pages) if paragraph.pages else None,
                        f"Bab {bab}",
                    )
    for entry in pernyataan:
        if entry.get("tahun") is None:
            entry.pop("tahun", None)
    narasi: dict[str, Any] = {}
    if pernyataan:
        narasi["pernyataan"] = pernyataan
    if klaim:
        narasi["klaim"] = klaim
    if narasi:
        out.data["narasi"] = narasi
    out.data["kelengkapan"] = _completeness(document, tables)


def _signatures(document: Document) -> list[dict[str, Any]]:
    paragraphs = document.paragraphs()
    found: list[dict[str, Any]] = []
    seen_toc = False
    for n, paragraph in enumerate(paragraphs):
        if paragraph.text.strip().lower() == "daftar isi":
            seen_toc = True
        match = _DATED.match(paragraph.text.strip())
        if not match or match.group(3).lower() not in _MONTHS:
            continue
        block: dict[str, Any] = {"bagian": "penutup" if seen_toc else "kata_pengantar"}
        if paragraph.pages:
            block["halaman"] = paragraph.pages.halaman
        block["tempat"] = match.group(1).strip()
        block["tanggal"] = (
            f"{int(match.group(4)):04d}-{_MONTHS[match.group(3).lower()]:02d}-{int(match.group(2)):02d}"
        )
        lines = [p.text.strip() for p in paragraphs[n + 1 : n + 8]]
        nip_at = next((i for i, line in enumerate(lines) if line.upper().startswith("NIP")), None)
        if nip_at is None or nip_at < 2:
            continue
        block["nip"] = re.sub(r"^NIP\.?\s*", "", lines[nip_at], flags=re.IGNORECASE)
        before = lines[:nip_at]
        # jabatan lines, then the name, then the rank (pangkat/golongan) above the NIP
        if len(before) >= 4:
            block["jabatan"], block["jabatan_definitif"] = before[0], before[1]
            block["nama"], block["pangkat_golongan"] = before[2], before[3]
        elif len(before) == 3:
            block["jabatan"], block["nama"], block["pangkat_golongan"] = before
        else:
            block["jabatan"], block["nama"] = before
        order: tuple[str, ...] = (
            "bagian",
            "halaman",
            "tempat",
            "tanggal",
            "jabatan",
            "jabatan_definitif",
            "nama",
            "pangkat_golongan",
            "nip",
        )
        ordered: dict[str, Any] = {k: block[k] for k in order if k in block}
        found.append(ordered)
    return found


def _renstra(document: Document) -> dict[str, Any]:
    for paragraph in document.paragraphs():
        match = re.fullmatch(
            r"\((Renstra\s+((?:19|20)[0-9]{2})\s*[-\u2013]\s*((?:19|20)[0-9]{2})[^)]*)\)",
            paragraph.text.strip(),
        )
        if match:
            return {
                "periode_awal": int(match.group(2)),
                "periode_akhir": int(match.group(3)),
                "dokumen": match.group(1).strip(),
            }
    return {}


_PARTS = (
    ("kata_pengantar", r"^kata pengantar$"),
    ("ikhtisar_eksekutif", r"^ikhtisar eksekutif$"),
    ("daftar_isi", r"^daftar isi$"),
    ("bab_1_pendahuluan", r"^(bab i\b.*|pendahuluan)$"),
    ("bab_2_perencanaan_kinerja", r"^(bab ii\b.*|perencanaan kinerja)$"),
    ("bab_3_akuntabilitas_kinerja", r"^(bab iii\b.*|akuntabilitas kinerja)$"),
    ("bab_3_realisasi_anggaran", r"^([0-9.]+\s*)?realisasi anggaran$"),
    ("bab_4_penutup", r"^(bab iv\b.*|penutup)$"),
    ("lampiran_perjanjian_kinerja", r"^lampiran.*perjanjian kinerja"),
    ("pernyataan_telah_direviu", r"^pernyataan telah direviu"),
)
_ANALYSES = (
    ("target_realisasi", "capaian"),
    ("perbandingan_tahun", "perbandingan_tahun"),
    ("target_akhir_renstra", "target_akhir_renstra"),
    ("penyebab_solusi", "analisis_penyebab"),
    ("efisiensi", "efisiensi"),
    ("program_pendukung", "program_pendukung"),
)


def _completeness(document: Document, tables: set[str]) -> dict[str, Any]:
    present: set[str] = set()
    for paragraph in document.paragraphs():
        text = " ".join(paragraph.text.lower().split())
        if len(text) > 80:
            continue
        for part, pattern in _PARTS:
            if re.match(pattern, text):
                present.add(part)
    return {
        "bagian": [part for part, _ in _PARTS if part in present],
        "analisis_bab_3": [name for name, key in _ANALYSES if key in tables],
    }
