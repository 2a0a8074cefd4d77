"""A filled workbook's data as TOML (each value's source cell in a comment) or as JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..datafile import to_json
from ..datafile import to_toml as _to_toml

__all__ = ["to_json", "to_toml"]


def to_toml(data: dict[str, Any], cells: Mapping[str, str], source: str) -> str:
    """``data`` as a TOML document; each value's comment names its cell in ``source``."""
    header = (
        f"Diimpor dari / imported from {source} oleh / by sakip-validate import.",
        "Komentar menyebut sel asal setiap nilai / comments name each value's source cell.",
    )
    return _to_toml(data, header=header, comment=cells.get)
