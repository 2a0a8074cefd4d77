"""Files go to the workers in chunks, the last ones smaller; every file once, in order."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from sakip_validate.workers import split


@given(st.integers(0, 400), st.integers(1, 32), st.integers(1, 8))
def test_chunks_hold_every_file_once_in_order(files: int, size: int, workers: int) -> None:
    targets = [(Path(f"{i}.toml"), f"{i}.toml", False) for i in range(files)]
    chunks = split(targets, size, workers)
    assert [target for chunk in chunks for target in chunk] == targets
    assert all(0 < len(chunk) <= size for chunk in chunks)
    # the last chunks are smaller, so that the workers finish together
    if files >= 2 * workers * size and size >= 4:
        assert len(chunks[-1]) <= size // 4
