"""LoadedDocument: lazy positions, and no crash if indexing ever fails."""

from __future__ import annotations

import pytest

from sakip_validate.loading import document as document_module
from sakip_validate.loading import load_bytes


def test_positions_are_built_only_when_asked() -> None:
    doc = load_bytes(b'a = 1\nb = "x"\n', "x.toml", "toml")
    assert doc._index is None
    location = doc.locate("/b")
    assert (location.file, location.line, location.column) == ("x.toml", 2, 5)
    assert doc._index is not None


def test_key_location_and_fallback_to_parent() -> None:
    doc = load_bytes(b'{"t": {"k": 1}}', "x.json", "json")
    assert doc.locate("/t/k", at_key=True).column == 8
    assert doc.locate("/t/missing").column == 7  # the parent object


def test_an_indexing_failure_still_gives_a_location(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str) -> None:
        raise ValueError("scanner bug")

    monkeypatch.setattr(document_module, "index_toml", broken)
    doc = load_bytes(b"a = 1\n", "x.toml", "toml")
    location = doc.locate("/a")
    assert (location.line, location.column) == (1, 1)
