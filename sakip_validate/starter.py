"""The starter report that ``sakip-validate init`` writes."""

from __future__ import annotations

from pathlib import Path

_TEMPLATE = Path(__file__).resolve().parent / "templates" / "starter.toml"


def starter_text() -> str:
    """The commented starter report (passes the schema as it is)."""
    return _TEMPLATE.read_text(encoding="utf-8")
