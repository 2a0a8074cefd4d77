"""Comparing printed names tolerantly: the same name spelt differently, or another name.

Reports print one indicator, program or kegiatan under slightly different names
in different tables: letter case, punctuation and spacing ("Perencanaan, Dan"),
typing slips ("PENUNJUANG"), a word added or dropped ("Perencanaan Dan
Evaluasi" for "Perencanaan, Penganggaran Dan Evaluasi"). :func:`compare_names`
says whether two names are the same after normalisation, close (one name
spelt differently), or different (another name altogether).
"""

from __future__ import annotations

import enum
import functools

from .facts import normal_name

__all__ = ["NameMatch", "compare_names", "name_distance", "normal_name", "spelling_distance"]

# A word is a slip of another when at most this share of its letters differ
# ("pemerintah" / "pemerintahan": 2 of 12).
_WORD_TYPO = 0.34
# Two names are close when the words added or dropped (a replaced word counts twice;
# slips count nothing) are at most this share of the longer name's words (at least one).
_NAME_SHARE = 0.34
# Longer names are compared word for word only up to this many words; beyond it
# they are close only when one's words contain the other's.
_MAX_WORDS = 80


class NameMatch(enum.Enum):
    """How two names relate."""

    SAME = "same"  # equal once case, punctuation and spacing are set aside
    CLOSE = "close"  # the same name spelt differently
    DIFFERENT = "different"  # another name


def _levenshtein(a: str, b: str) -> int:
    """The edit distance of ``a`` and ``b`` (letters added, dropped or changed).

    Computed a column of the textbook table at a time as bit vectors (Myers 1999, in
    Hyyrö's form for the whole-string distance): the same number, about ten times
    faster in Python than filling the table cell by cell. Bit ``i`` of a vector
    stands for the ``i``-th letter of the shorter string; ``pv``/``mv`` mark where a
    column's value goes up/down by one from the row above.
    """
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    positions: dict[str, int] = {}  # letter -> the bits of the places it stands in b
    bit = 1
    for letter in b:
        positions[letter] = positions.get(letter, 0) | bit
        bit <<= 1
    full = bit - 1  # m ones: Python's ints are unbounded, so every complement is cut to m bits
    last = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for letter in a:
        eq = positions.get(letter, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & last:
            score += 1
        elif mh & last:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


# A report compares the same few hundred words again and again (every table names
# its programs and indicators): each pair is worked out once per process.
def _slip(a: str, b: str) -> bool:
    """Whether two words are one word typed differently."""
    if len(a) + len(b) <= _CACHED_CHARS:
        return _slip_cached(a, b)
    return _slip_uncached(a, b)


@functools.lru_cache(maxsize=16384)
def _slip_cached(a: str, b: str) -> bool:
    return _slip_uncached(a, b)


def _slip_uncached(a: str, b: str) -> bool:
    if a == b:
        return True
    longest = max(len(a), len(b))
    if longest < 4:
        return False  # short words ("di", "dan") differ in meaning, not in spelling
    if abs(len(a) - len(b)) > _WORD_TYPO * longest:
        return False  # the distance is at least the difference in length
    return _levenshtein(a, b) <= _WORD_TYPO * longest


def name_distance(a: str, b: str) -> int:
    """Words added or dropped between two names (a word replaced by another counts as
    both); slips of a word cost nothing.

    Both names are normalised first (:func:`normal_name`).
    """
    x, y = normal_name(a).split(), normal_name(b).split()
    if len(x) > _MAX_WORDS or len(y) > _MAX_WORDS:
        shorter, longer = sorted((set(x), set(y)), key=len)
        return len(longer - shorter) if shorter <= longer else max(len(x), len(y))
    previous = list(range(len(y) + 1))
    for i, word in enumerate(x, 1):
        current = [i]
        for j, other in enumerate(y, 1):
            best = min(previous[j] + 1, current[j - 1] + 1)
            diagonal = previous[j - 1]
            # a word replaced by another (not a slip of it) is one dropped and one added;
            # whether it is a slip is only asked when the diagonal can be the least
            if diagonal < best:
                best = diagonal if _slip(word, other) else min(best, diagonal + 2)
            current.append(best)
        previous = current
    return previous[-1]


def spelling_distance(a: str, b: str) -> int:
    """Letters added, dropped or changed between two names once normalised."""
    if len(a) + len(b) <= _CACHED_CHARS:
        return _spelling_cached(a, b)
    return _levenshtein(normal_name(a), normal_name(b))


@functools.lru_cache(maxsize=4096)
def _spelling_cached(a: str, b: str) -> int:
    return _levenshtein(normal_name(a), normal_name(b))


def compare_names(a: str, b: str) -> NameMatch:
    """SAME, CLOSE or DIFFERENT (see the module's docstring)."""
    if len(a) + len(b) <= _CACHED_CHARS:
        return _compare_cached(a, b)
    return _compare(a, b)


# Names are compared many times over in one report; only ordinary names are kept,
# never the megabyte ones a hostile file may hold.
_CACHED_CHARS = 600


@functools.lru_cache(maxsize=8192)
def _compare_cached(a: str, b: str) -> NameMatch:
    return _compare(a, b)


def _compare(a: str, b: str) -> NameMatch:
    x, y = normal_name(a), normal_name(b)
    if x == y:
        return NameMatch.SAME
    if not x or not y:
        return NameMatch.DIFFERENT
    words = max(len(x.split()), len(y.split()))
    allowed = max(1, int(_NAME_SHARE * words))
    return NameMatch.CLOSE if name_distance(a, b) <= allowed else NameMatch.DIFFERENT
