"""Find the data folders (schemas/, rules/) in a wheel, an editable install or a checkout."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``schemas``, ``rules`` or ``plugins``.

    An installed wheel carries them inside the package (pyproject.toml maps them
    there); an editable install or a plain checkout keeps them at the top of the
    repository, beside this package.
    """
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"sakip-validate is installed without its {name}/ folder")


SCHEMA_FILE = "lkjip.schema.json"
RULE_PACK_SCHEMA_FILE = "rule-pack.schema.json"


@functools.cache
def schema_text(name: str = SCHEMA_FILE) -> str:
    """A shipped JSON Schema exactly as in its file (default: the LKjIP schema)."""
    return (data_dir("schemas") / name).read_text(encoding="utf-8")


@functools.cache
def load_schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema, parsed once per process."""
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema


def lkjip_schema() -> dict[str, Any]:
    """The LKjIP JSON Schema."""
    return load_schema(SCHEMA_FILE)
