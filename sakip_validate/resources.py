"""Find the data folders (schemas/, rules/) in a wheel, an editable install or a checkout."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the folder ``schemas`` or ``rules``.

    An installed wheel carries them inside the package (pyproject.toml maps them
    there); an editable install or a plain checkout keeps them at the top of the
    repository, beside this package.
    """
    for candidate in (_PACKAGE_DIR / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"sakip-validate is installed without its {name}/ folder")


SCHEMA_FILE = "lkjip.schema.json"


@functools.cache
def schema_text() -> str:
    """The LKjIP JSON Schema as shipped, exactly as in the file."""
    return (data_dir("schemas") / SCHEMA_FILE).read_text(encoding="utf-8")


@functools.cache
def lkjip_schema() -> dict[str, Any]:
    """The LKjIP JSON Schema, parsed once per process."""
    return json.loads(schema_text())
