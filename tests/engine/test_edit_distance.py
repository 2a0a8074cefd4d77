"""The bit-vector edit distance of domain/names.py gives the textbook table's number."""

from __future__ import annotations

import random

import pytest

from sakip_validate.domain.names import _levenshtein


def _table(a: str, b: str) -> int:
    """The edit distance filled cell by cell (Wagner-Fischer), as a reference."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("", "abc", 3),
        ("PENUNJUANG", "PENUNJANG", 1),
        ("pemerintah", "pemerintahan", 2),
        ("kitten", "sitting", 3),
        ("perencanaan", "perencanaan", 0),
        ("ab", "ba", 2),
    ],
)
def test_known_distances(a: str, b: str, distance: int) -> None:
    assert _levenshtein(a, b) == distance
    assert _levenshtein(b, a) == distance


def test_agrees_with_the_table_on_random_strings() -> None:
    rnd = random.Random(20261201)
    alphabets = ["ab", "abcde ", "abcdefghijklmnopqrstuvwxyz ", "aé\u2013 .,"]
    for _ in range(3000):
        alphabet = rnd.choice(alphabets)
        a = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, rnd.choice([4, 16, 90]))))
        if rnd.random() < 0.4:  # a near copy, as slips are
            letters = list(a)
            for _ in range(rnd.randint(0, 3)):
                if letters:
                    letters[rnd.randrange(len(letters))] = rnd.choice(alphabet)
            b = "".join(letters)
        else:
            b = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 90)))
        assert _levenshtein(a, b) == _table(a, b), (a, b)
