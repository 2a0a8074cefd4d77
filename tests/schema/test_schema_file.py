"""The JSON Schema file itself: valid, versioned, and documented in both languages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator

from sakip_validate.resources import lkjip_schema


def _properties(node: Any, path: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{path}/properties/{name}", sub
        for key, value in node.items():
            yield from _properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _properties(item, f"{path}/{index}")


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(lkjip_schema())


def test_schema_id_is_versioned() -> None:
    schema = lkjip_schema()
    assert "/1.0/" in schema["$id"]
    assert schema["properties"]["versi_skema"]["pattern"] == "^1\\.[0-9]+$"
    assert "versi_skema" in schema["required"]


def test_every_property_is_described_in_both_languages() -> None:
    missing = [
        path
        for path, prop in _properties(lkjip_schema())
        if not (
            isinstance(prop.get("description"), str)
            and " (EN: " in prop["description"]
            and prop["description"].endswith(")")
        )
    ]
    assert missing == []


def test_objects_are_strict() -> None:
    def objects(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if node.get("type") == "object" and "properties" in node:
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for item in node:
                yield from objects(item)

    loose = [
        sorted(o["properties"])
        for o in objects(lkjip_schema())
        if o.get("additionalProperties") is not False
    ]
    assert loose == []
