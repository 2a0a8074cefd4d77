"""Single mistakes planted into the corrected reference report are each found at their place.

See ``mutations.py`` for the mutator; ``python -m tests.mutation.mutations`` prints the
recall and location rates.
"""

from __future__ import annotations

import pytest

from .mutations import MUTATIONS, Mutation, load_corrected, outcome

BASE = load_corrected()


def test_there_are_at_least_forty_kinds_of_mistake() -> None:
    assert len({m.name for m in MUTATIONS}) == len(MUTATIONS) >= 40


def test_the_corrected_report_itself_gives_no_finding() -> None:
    from sakip_validate.api import check_bytes

    from .mutations import as_json

    assert check_bytes(as_json(BASE), "corrected.json", "json").findings == []


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.name)
def test_each_planted_mistake_is_found_at_its_place(mutation: Mutation) -> None:
    result = outcome(mutation, BASE)
    assert result.found, f"{mutation.what}: no finding"
    assert result.located, (
        f"{mutation.what}: found at {sorted(set(result.pointers))}, not at {mutation.at}"
    )
