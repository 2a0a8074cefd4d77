"""Properties of citations (``domain/citation.py``) over arbitrary places, data and pointers.

``cite`` never raises and never writes a JSON pointer of its own: a pointer-like
text in a citation can only be one the report itself prints (in a row's name or a
quoted passage). ``place_of`` never raises, whatever the data holds and whatever
the pointer, since the engine calls it for every finding.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from sakip_validate.domain.citation import cite, place_of
from sakip_validate.findings import LANGS, Place, Text
from sakip_validate.loading.pointers import join_pointer

FAST = settings(max_examples=300, deadline=None)
POINTER = re.compile(r"/[A-Za-z0-9_~.-]+(?:/[A-Za-z0-9_~.-]+)+")

words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
texts = st.builds(Text, words, words)
pages = st.one_of(st.none(), words, st.integers(1, 9999).map(str))
places = st.builds(
    Place,
    table=st.one_of(st.none(), texts),
    row=st.one_of(st.none(), words, st.integers(1, 200).map(lambda n: f"ke-{n}")),
    row_label=st.one_of(st.none(), words),
    column=st.one_of(st.none(), texts),
    section=st.one_of(st.none(), texts),
    page=pages,
)


def _inputs(place: Place) -> str:
    parts = [place.row or "", place.row_label or "", place.page or ""]
    for text in (place.table, place.column, place.section):
        if text is not None:
            parts += [text.id, text.en]
    return "\n".join(parts)


@FAST
@given(places)
def test_cite_never_raises_nor_writes_a_pointer_of_its_own(place: Place) -> None:
    given_text = _inputs(place)
    for lang in LANGS:
        cited = cite(place, lang)
        assert isinstance(cited, str)
        for found in POINTER.findall(cited):
            assert found in given_text or any(
                found in match for match in POINTER.findall(given_text)
            ), (found, cited)


@FAST
@given(places)
def test_cite_of_a_place_from_printed_words_has_no_pointer(place: Place) -> None:
    """A place whose parts hold no pointer is cited without one (counted rows included)."""
    if POINTER.search(_inputs(place)):
        return
    for lang in LANGS:
        assert not POINTER.search(cite(place, lang))


# Report-like data: dicts and lists of scalars, with the keys a report uses.
KEYS = st.sampled_from(
    [
        "tabel", "narasi", "penandatangan", "kelengkapan", "indikator", "sasaran", "laporan",
        "skala", "renstra", "capaian", "iku", "realisasi_anggaran", "program_pk",
        "perbandingan_tahun", "program_pendukung", "baris", "program", "jumlah", "kelompok",
        "no", "kode", "nama", "nama_tertulis", "halaman", "bab", "bagian", "kutipan", "tahun",
        "2020", "target", "capaian", "nomor", "id", "satuan", "kategori", "tahun_target_akhir",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    words,
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.one_of(KEYS, words), inner, max_size=5)
    ),
    max_leaves=30,
)
TOKENS = st.lists(st.one_of(KEYS, st.integers(0, 5).map(str), words), min_size=0, max_size=7)


@FAST
@given(DATA, TOKENS)
def test_place_of_never_raises(data: Any, tokens: list[str]) -> None:
    pointer = ""
    for token in tokens:
        pointer = join_pointer(pointer, token)
    place = place_of(data, pointer)
    assert place is None or isinstance(place, Place)
    for lang in LANGS:
        assert isinstance(cite(place, lang), str)


@FAST
@given(DATA, st.text(max_size=40))
def test_place_of_takes_any_text_as_a_pointer(data: Any, pointer: str) -> None:
    place_of(data, pointer)
    place_of(Decimal("1"), pointer)
